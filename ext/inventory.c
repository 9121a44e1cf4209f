/*
** inventory.c: srm_inventory(document [, format]), inventory documents as rows.
**
**   SELECT * FROM srm_inventory(readfile('snapshot.json'));
**   CREATE TABLE inventory AS
**     SELECT * FROM srm_inventory(readfile('resources.json'), 'aws_resource_explorer');
**
** Schema:
**   CREATE TABLE x(arn, service, variant, resource_type, resource_id, name,
**                  account, region, tags, document HIDDEN, format HIDDEN)
**
** Formats (the format argument, or detected when it is omitted or NULL):
**   aws_config_snapshot    the snapshot AWS Config delivers to S3, and the
**                          output of get-resource-config-history:
**                          "configurationItems"
**   aws_config_query       aws configservice select-resource-config and
**                          select-aggregate-resource-config: "Results", an
**                          array of JSON strings
**   aws_tagging            aws resourcegroupstaggingapi get-resources:
**                          "ResourceTagMappingList"
**   aws_resource_explorer  aws resource-explorer-2 search / list-resources:
**                          "Resources"
**   arn_list               one ARN per line; blank lines and lines starting
**                          with # are skipped, spaces and CR trimmed
**
** Columns: the document's own fields where it has them (AWS Config writes
** "ARN" in snapshots and "arn" in query results; both are read), tags as a
** JSON object ({} when the item has an empty tag list, NULL when it has
** none), name from the item's name or else its Name tag; account, region
** and resource_id fall back to the ARN's.  service is srm_service() of the
** resource type, else of the ARN; variant is what the resource type implies
** (an EKS node group, an RDS snapshot), overridden by what the item's
** configuration says (invVariantOf()): Lambda PackageType Image ->
** container_image, a provided.* runtime -> os_only_runtime, other runtimes
** -> managed_runtime, or managed_runtime_function_update /
** managed_runtime_manual when the item carries the runtime update mode;
** ECS launch type, capacity provider or requiresCompatibilities FARGATE,
** EC2, EXTERNAL, MANAGED_INSTANCES; RDS engine custom-oracle*,
** custom-sqlserver*, aurora*, any other -> standard, and docdb or neptune
** -> the service docdb or neptune; Batch compute type EC2/SPOT or
** FARGATE*, an UNMANAGED environment, platformCapabilities; App Runner
** image or code repository; MSK ClusterType.
**
** JSON is read by SQLite's own json_each() and json_extract(), through
** statements prepared on the same connection; nothing here parses JSON.
** Detecting the format costs one more pass over the document: give the
** format for large documents.
**
** Errors:
**   srm_inventory() needs a document: SELECT * FROM srm_inventory(readfile('inventory.json'))
**   unknown format 'X' (aws_config_snapshot, aws_config_query, aws_tagging, aws_resource_explorer, arn_list)
**   srm_inventory: cannot tell the format of the document (aws_config_snapshot, ...)
**   srm_inventory: the document has no "P" array (format F)
**   srm_inventory: malformed JSON (format F)      (SQLite's message, then the format)
** A NULL document gives no rows; any other type is read as text.
**
** xBestIndex: idxNum bit 1 = document (argv[0]), bit 2 = format (next
** argv).  A plan without the document costs a huge amount, and if it is
** chosen anyway xFilter fails with the first message above.
*/
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "srm.h"
#include "document.h"

#define INV_ARN       0
#define INV_SERVICE   1
#define INV_VARIANT   2
#define INV_TYPE      3
#define INV_ID        4
#define INV_NAME      5
#define INV_ACCOUNT   6
#define INV_REGION    7
#define INV_TAGS      8
#define INV_DOCUMENT  9
#define INV_FORMAT   10

#define FMT_SNAPSHOT   0
#define FMT_QUERY      1
#define FMT_TAGGING    2
#define FMT_EXPLORER   3
#define FMT_ARN_LIST   4
#define FMT_N          5

static const char *const azFormat[FMT_N] = {
  "aws_config_snapshot", "aws_config_query", "aws_tagging", "aws_resource_explorer", "arn_list"
};
#define FMT_LIST_BARE "aws_config_snapshot, aws_config_query, aws_tagging, " \
                      "aws_resource_explorer, arn_list"
#define FMT_LIST "(" FMT_LIST_BARE ")"

/*
** The JSON formats: one statement over the items, made by invItemsSql()
** from the format's paths:
**
**   SELECT k.key, k.type, k.value, CASE WHEN k.key = N-1 THEN i.v END
**     FROM (SELECT value AS v FROM json_each(?1, ?2) LIMIT -1 OFFSET 0) AS i
**     CROSS JOIN json_each(json_extract(coalesce(i.v, '{}'), '$.ARN', ...)) AS k
**    WHERE k.atom IS NOT NULL OR k.type IN ('object', 'array') OR k.key = N-1
**
** json_extract() with N paths parses the item once (SQLite 3.40 parses it
** again at each json_extract() call site) and gives a JSON array of N: an
** item is a row for each path that is not null, then always the row of
** path N-1, with the item's text.  The subquery, not
** flattened (OFFSET) and first in a CROSS JOIN, is a co-routine: the item
** is serialised once and nothing is materialised.  A few statements on
** the item or a field finish a row: a tag list as an object, the Name tag,
** the variant hints of the configuration (only for lambda, ecs and rds),
** and Resource Explorer's tags from its Properties.
**
** Of two paths for one field ("ARN" then "arn"), the first that is not
** null wins: coalesce(json_extract(...), json_extract(...)).
*/

/* A tag list (?1, an array of {key, value}) as an object.  Entries that
** are not objects, or have no key, are skipped (a NULL key would also make
** SQLite before 3.45 write invalid JSON). */
#define INV_TAG_LIST_SQL(k, v) \
  "SELECT json_group_object(key, value) FROM (SELECT " \
     "coalesce(json_extract(value, '$." k "'), json_extract(value, '$.Key')) AS key," \
     "coalesce(json_extract(value, '$." v "'), json_extract(value, '$.Value')) AS value" \
  " FROM json_each(?1) WHERE type = 'object') WHERE key IS NOT NULL"
static const char zNameSql[] = "SELECT json_extract(?1, '$.Name')";
static const char zPropsSql[] =
  "SELECT CASE json_type(p.value, '$.Data') WHEN 'array' THEN"
  " (SELECT json_group_object(json_extract(d.value, '$.Key'), json_extract(d.value, '$.Value'))"
  "    FROM json_each(p.value, '$.Data') d"
  "   WHERE d.type = 'object' AND json_extract(d.value, '$.Key') IS NOT NULL) END"
  " FROM json_each(?1, '$.Properties') p WHERE json_extract(p.value, '$.Name') = 'tags'";

/* Slots of a row: 0 arn, 1 resource_type, 2 resource_id, 3 name,
** 4 account, 5 region, 6 tags, then the hints of the configuration that
** tell variants apart (HINT_*). */
#define SLOT_ARN    0
#define SLOT_TYPE   1
#define SLOT_ID     2
#define SLOT_NAME   3
#define SLOT_ACCT   4
#define SLOT_REGION 5
#define SLOT_TAGS   6
#define SLOT_HINT   7
#define HINT_PACKAGE_TYPE    0     /* Lambda */
#define HINT_RUNTIME         1     /* Lambda */
#define HINT_UPDATE_RUNTIME  2     /* Lambda runtime management */
#define HINT_LAUNCH_TYPE     3     /* ECS */
#define HINT_COMPATIBILITIES 4     /* ECS task definitions */
#define HINT_CAPACITY        5     /* ECS capacity provider strategy (JSON) */
#define HINT_ENGINE          6     /* RDS, DocumentDB, Neptune */
#define HINT_COMPUTE_TYPE    7     /* Batch compute environments */
#define HINT_CE_TYPE         8     /* Batch: MANAGED or UNMANAGED */
#define HINT_PLATFORM        9     /* Batch job definitions */
#define HINT_IMAGE_REPO     10     /* App Runner */
#define HINT_CODE_REPO      11     /* App Runner */
#define HINT_CLUSTER_TYPE   12     /* MSK */
#define HINT_N              13
#define SLOT_N     (SLOT_HINT + HINT_N)

/* What a path of an item is. */
#define KEY_FIELD  0      /* a field: slot iSlot */
#define KEY_TAGS   1      /* the tags: an object, or a list of pairs */
#define KEY_PROPS  2      /* Resource Explorer's Properties */

typedef struct InvKey InvKey;
struct InvKey {
  const char *zPath;
  unsigned char eKind, iSlot;
};

static const InvKey aConfigKey[] = {
  { "$.ARN", KEY_FIELD, SLOT_ARN },            { "$.arn", KEY_FIELD, SLOT_ARN },
  { "$.resourceType", KEY_FIELD, SLOT_TYPE },  { "$.resourceId", KEY_FIELD, SLOT_ID },
  { "$.resourceName", KEY_FIELD, SLOT_NAME },
  { "$.awsAccountId", KEY_FIELD, SLOT_ACCT },  { "$.accountId", KEY_FIELD, SLOT_ACCT },
  { "$.awsRegion", KEY_FIELD, SLOT_REGION },   { "$.tags", KEY_TAGS, SLOT_TAGS },
};
static const InvKey aTaggingKey[] = {
  { "$.ResourceARN", KEY_FIELD, SLOT_ARN },    { "$.Tags", KEY_TAGS, SLOT_TAGS },
};
static const InvKey aExplorerKey[] = {
  { "$.Arn", KEY_FIELD, SLOT_ARN },            { "$.ResourceType", KEY_FIELD, SLOT_TYPE },
  { "$.OwningAccountId", KEY_FIELD, SLOT_ACCT }, { "$.Region", KEY_FIELD, SLOT_REGION },
  { "$.Properties", KEY_PROPS, SLOT_TAGS },
};
/* What in the configuration says the variant: pHints, one json_extract()
** of these paths over the item.  AWS Config writes camelCase and, for some
** types, the CloudFormation PascalCase: both are read. */
#define HINT(path1, path2, h) \
  { "$.configuration." path1, KEY_FIELD, SLOT_HINT+(h) }, \
  { "$.configuration." path2, KEY_FIELD, SLOT_HINT+(h) }
static const InvKey aHintKey[] = {
  HINT("packageType", "PackageType", HINT_PACKAGE_TYPE),
  HINT("runtime", "Runtime", HINT_RUNTIME),
  HINT("runtimeManagementConfig.updateRuntimeOn", "RuntimeManagementConfig.UpdateRuntimeOn", HINT_UPDATE_RUNTIME),
  HINT("launchType", "LaunchType", HINT_LAUNCH_TYPE),
  HINT("requiresCompatibilities", "RequiresCompatibilities", HINT_COMPATIBILITIES),
  HINT("capacityProviderStrategy", "CapacityProviderStrategy", HINT_CAPACITY),
  HINT("engine", "Engine", HINT_ENGINE),
  HINT("computeResources.type", "ComputeResources.Type", HINT_COMPUTE_TYPE),
  HINT("type", "Type", HINT_CE_TYPE),
  HINT("platformCapabilities", "PlatformCapabilities", HINT_PLATFORM),
  HINT("sourceConfiguration.imageRepository", "SourceConfiguration.ImageRepository", HINT_IMAGE_REPO),
  HINT("sourceConfiguration.codeRepository", "SourceConfiguration.CodeRepository", HINT_CODE_REPO),
  HINT("clusterType", "ClusterType", HINT_CLUSTER_TYPE),
};
#define N_KEY(a) ((int)(sizeof(a)/sizeof(a[0])))

typedef struct InvFormat InvFormat;
struct InvFormat {
  const char *zPath;           /* the item array */
  const InvKey *aKey;          /* the paths of an item */
  int nKey;
  const char *zTagListSql;     /* a tag list as an object */
  int bHints;                  /* whether the configuration gives variants */
};
static const InvFormat aInvFormat[FMT_ARN_LIST] = {
  { "$.configurationItems", aConfigKey, N_KEY(aConfigKey), INV_TAG_LIST_SQL("key", "value"), 1 },
  { "$.Results", aConfigKey, N_KEY(aConfigKey), INV_TAG_LIST_SQL("key", "value"), 1 },
  { "$.ResourceTagMappingList", aTaggingKey, N_KEY(aTaggingKey), INV_TAG_LIST_SQL("Key", "Value"), 0 },
  { "$.Resources", aExplorerKey, N_KEY(aExplorerKey), 0, 0 },
};

/* The statement over the items of a format, or over the hints of an item
** (bHints: ?1 is the item).  Free with sqlite3_free(). */
static char *invItemsSql(const InvKey *aKey, int nKey, int bHints){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int i;
  if( bHints ){
    sqlite3_str_appendall(pStr, "SELECT key, type, value FROM json_each(json_extract(?1");
  }else{
    sqlite3_str_appendf(pStr,
      "SELECT k.key, k.type, k.value, CASE WHEN k.key = %d THEN i.v END"
      " FROM (SELECT value AS v FROM json_each(?1, ?2) LIMIT -1 OFFSET 0) AS i"
      " CROSS JOIN json_each(json_extract(coalesce(i.v, '{}')", nKey-1);
  }
  for(i=0; i<nKey; i++) sqlite3_str_appendf(pStr, ", '%s'", aKey[i].zPath);
  sqlite3_str_appendall(pStr, "))");
  if( !bHints ) sqlite3_str_appendf(pStr, " AS k WHERE k.atom IS NOT NULL OR k.type IN ('object', 'array') OR k.key = %d", nKey-1);
  return sqlite3_str_finish(pStr);
}

/* One field of the current row: its type, and its text for all but NULL
** (the text SQLite gives for numbers).  bJson: the value has JSON's
** subtype (an object or array). */
typedef struct inv_vtab inv_vtab;
struct inv_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
};

typedef struct inv_cursor inv_cursor;
struct inv_cursor {
  sqlite3_vtab_cursor base;
  sqlite3 *db;
  int eFormat;
  sqlite3_int64 iRowid;
  int bEof;
  sqlite3_value *pDocument;     /* for the HIDDEN column */
  SrmDocument doc;              /* its text, decoded (document.c) */
  /* JSON formats: the statements above, prepared when first needed */
  sqlite3_stmt *pStmt;          /* invItemsSql() of the format */
  sqlite3_stmt *pTagList;       /* InvFormat.zTagListSql */
  sqlite3_stmt *pName;          /* zNameSql */
  sqlite3_stmt *pHints;         /* invItemsSql() of aHintKey */
  sqlite3_stmt *pProps;         /* zPropsSql */
  const char *zItem;            /* the current item's text (pStmt's), or NULL */
  int nItem;
  SrmField aSlot[SLOT_N];
  /* The text of pDocument, and for arn_list the current ARN */
  const char *zDoc;
  size_t nDoc, iNext;
  int iLine;
  const char *zLine;
  size_t nLine;
  /* Derived for the current row */
  int bService;
  SrmTarget target;
  int bArn;
  const char *azArn[6];
  size_t anArn[6];
};

static int invConnect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                      sqlite3_vtab **ppVtab, char **pzErr){
  inv_vtab *pTab;
  int rc;
  (void)pAux; (void)argc; (void)argv; (void)pzErr;
  rc = sqlite3_declare_vtab(db,
      "CREATE TABLE x(arn TEXT, service TEXT, variant TEXT, resource_type TEXT,"
      " resource_id TEXT, name TEXT, account TEXT, region TEXT, tags TEXT,"
      " document HIDDEN, format HIDDEN)");
  if( rc!=SQLITE_OK ) return rc;
  pTab = sqlite3_malloc(sizeof(*pTab));
  if( pTab==0 ) return SQLITE_NOMEM;
  memset(pTab, 0, sizeof(*pTab));
  pTab->db = db;
  *ppVtab = &pTab->base;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  return SQLITE_OK;
}

static int invDisconnect(sqlite3_vtab *pVtab){
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

static int invOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor){
  inv_cursor *pCur = sqlite3_malloc(sizeof(*pCur));
  if( pCur==0 ) return SQLITE_NOMEM;
  memset(pCur, 0, sizeof(*pCur));
  pCur->db = ((inv_vtab*)pVtab)->db;
  pCur->bEof = 1;
  *ppCursor = &pCur->base;
  return SQLITE_OK;
}

static void invReset(inv_cursor *pCur){
  int i;
  sqlite3_finalize(pCur->pStmt);
  sqlite3_finalize(pCur->pTagList);
  sqlite3_finalize(pCur->pName);
  sqlite3_finalize(pCur->pHints);
  sqlite3_finalize(pCur->pProps);
  pCur->pStmt = pCur->pTagList = pCur->pName = pCur->pHints = pCur->pProps = 0;
  for(i=0; i<SLOT_N; i++) sqlite3_free(pCur->aSlot[i].z);
  memset(pCur->aSlot, 0, sizeof(pCur->aSlot));
  pCur->zItem = 0;
  pCur->nItem = 0;
  pCur->zDoc = 0;
  srmDocumentClose(&pCur->doc);
  sqlite3_value_free(pCur->pDocument);
  pCur->pDocument = 0;
  pCur->bEof = 1;
  pCur->iRowid = 0;
}

static int invClose(sqlite3_vtab_cursor *cur){
  invReset((inv_cursor*)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* Set the error message zMsg (from sqlite3_malloc) and return rc, or
** SQLITE_NOMEM when there is no message. */
static int invErrorCode(inv_cursor *pCur, char *zMsg, int rc){
  sqlite3_vtab *pVtab = pCur->base.pVtab;
  if( zMsg==0 ) return SQLITE_NOMEM;
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = zMsg;
  return rc;
}
static int invError(inv_cursor *pCur, char *zMsg){
  return invErrorCode(pCur, zMsg, SQLITE_ERROR);
}

/* Text of slot i of the current row, or NULL.  *pn gets its length. */
static const char *invText(inv_cursor *pCur, int i, size_t *pn){
  if( pCur->eFormat==FMT_ARN_LIST ){
    if( i!=0 ) return 0;
    *pn = pCur->nLine;
    return pCur->zLine;
  }
  if( pCur->aSlot[i].eType==SQLITE_NULL ) return 0;
  *pn = (size_t)pCur->aSlot[i].n;
  return pCur->aSlot[i].z;
}

/* Statement error: the message, then the format, and the statement's own
** code (an interrupt stays SQLITE_INTERRUPT, a lock SQLITE_BUSY). */
static int invStmtError(inv_cursor *pCur, int rc){
  assert( rc!=SQLITE_OK && rc!=SQLITE_ROW && rc!=SQLITE_DONE );
  if( rc==SQLITE_NOMEM ) return SQLITE_NOMEM;
  return invErrorCode(pCur, sqlite3_mprintf("srm_inventory: %s (format %s)",
                                            sqlite3_errmsg(pCur->db), azFormat[pCur->eFormat]), rc);
}

/* Prepare *pp from zSql unless done already; reset it otherwise. */
static int invPrepare(inv_cursor *pCur, sqlite3_stmt **pp, const char *zSql){
  int rc;
  if( *pp ){
    sqlite3_reset(*pp);
    return SQLITE_OK;
  }
  rc = sqlite3_prepare_v2(pCur->db, zSql, -1, pp, 0);
  if( rc!=SQLITE_OK ) return invStmtError(pCur, rc);
  return SQLITE_OK;
}

/* Slot p = column i of pStmt. */
/* Slot i's value from column i of pStmt. */
static int invSlotSet(SrmField *p, sqlite3_stmt *pStmt, int i){
  return srmFieldSet(p, sqlite3_column_value(pStmt, i));
}

/* The result of slot i, as its type. */
static void invSlotResult(sqlite3_context *ctx, inv_cursor *pCur, int i){
  srmFieldResult(ctx, &pCur->aSlot[i]);
}

/* Row pStmt (columns: key, type, value) is path pKey of the item: put the
** value in its slot if it is not null, unless an earlier path of the same
** slot filled it (rows come in path order, and of two paths for one field
** the first listed wins).  The tags become an object. */
static int invPick(inv_cursor *pCur, sqlite3_stmt *pStmt, const InvKey *pKey){
  SrmField *p = &pCur->aSlot[pKey->iSlot];
  int rc = SQLITE_OK;
  if( sqlite3_column_type(pStmt, 2)==SQLITE_NULL ) return SQLITE_OK;
  if( pKey->eKind==KEY_FIELD ){
    if( p->eType==SQLITE_NULL ) rc = invSlotSet(p, pStmt, 2);
  }else if( pKey->eKind==KEY_TAGS ){
    /* An object as it is, a list of pairs as an object, else NULL. */
    /* json_each()'s type is a static string; an array's value may be made
    ** when it is read (SQLite 3.40), so it may fail for lack of memory */
    const char *zType = (const char*)sqlite3_column_text(pStmt, 1);
    if( NEVER(zType==0) ) return SQLITE_NOMEM;
    if( strcmp(zType, "object")==0 ){
      rc = invSlotSet(p, pStmt, 2);
    }else if( strcmp(zType, "array")==0 ){
      const char *zList = (const char*)sqlite3_column_text(pStmt, 2);
      if( zList==0 ) return SQLITE_NOMEM;
      rc = invPrepare(pCur, &pCur->pTagList, aInvFormat[pCur->eFormat].zTagListSql);
      if( rc!=SQLITE_OK ) return rc;
      sqlite3_bind_text(pCur->pTagList, 1, zList, sqlite3_column_bytes(pStmt, 2), SQLITE_STATIC);
      rc = sqlite3_step(pCur->pTagList);
      /* an aggregate (json_group_object()): a row, or an error */
      if( rc==SQLITE_ROW ) rc = invSlotSet(p, pCur->pTagList, 0);
      else rc = invStmtError(pCur, NEVER(rc==SQLITE_DONE) ? SQLITE_ERROR : rc);
      sqlite3_reset(pCur->pTagList);
    }
  }
  /* KEY_PROPS: read from the item by zPropsSql, in invReadItem(). */
  return rc;
}

/* Run *pp (prepared from zSql when first needed) over z[0..n), and set
** slot iSlot to its first column, if it gives a row. */
static int invSlotFrom(inv_cursor *pCur, sqlite3_stmt **pp, const char *zSql,
                       const char *z, int n, int iSlot){
  int rc = invPrepare(pCur, pp, zSql);
  if( rc!=SQLITE_OK ) return rc;
  sqlite3_bind_text(*pp, 1, z, n, SQLITE_STATIC);
  rc = sqlite3_step(*pp);
  if( rc==SQLITE_ROW ) rc = invSlotSet(&pCur->aSlot[iSlot], *pp, 0);
  else if( rc==SQLITE_DONE ) rc = SQLITE_OK;
  else rc = invStmtError(pCur, rc);
  sqlite3_reset(*pp);
  return rc;
}

/* Read the next item of pStmt into the slots (all but the hints), or set
** bEof.  The item's text stays in zItem until the next call. */
static int invReadItem(inv_cursor *pCur){
  const InvFormat *pFmt = &aInvFormat[pCur->eFormat];
  int i, rc = SQLITE_OK, bProps = 0;
  for(i=0; i<SLOT_N; i++) pCur->aSlot[i].eType = SQLITE_NULL;
  pCur->zItem = 0;
  pCur->nItem = 0;
  do{
    rc = sqlite3_step(pCur->pStmt);
    if( rc!=SQLITE_ROW ){
      pCur->bEof = 1;
      return rc==SQLITE_DONE ? SQLITE_OK : invStmtError(pCur, rc);
    }
    i = sqlite3_column_int(pCur->pStmt, 0);
    if( NEVER(i<0 || i>=pFmt->nKey) ) return SQLITE_CORRUPT;  /* the key numbers srm made */
    rc = invPick(pCur, pCur->pStmt, &pFmt->aKey[i]);
    if( rc!=SQLITE_OK ) return rc;
    if( pFmt->aKey[i].eKind==KEY_PROPS && sqlite3_column_type(pCur->pStmt, 2)!=SQLITE_NULL ) bProps = 1;
  }while( i<pFmt->nKey-1 );
  /* The last row has the item (NULL for an item that is not text). */
  if( sqlite3_column_type(pCur->pStmt, 3)==SQLITE_TEXT ){
    pCur->zItem = (const char*)sqlite3_column_text(pCur->pStmt, 3);
    pCur->nItem = sqlite3_column_bytes(pCur->pStmt, 3);
    if( NEVER(pCur->zItem==0) ) return SQLITE_NOMEM;       /* text: no conversion */
  }
  if( bProps && ALWAYS(pCur->zItem) ){                      /* properties: an object */
    /* Resource Explorer: the tags are the Data of the property "tags". */
    rc = invSlotFrom(pCur, &pCur->pProps, zPropsSql, pCur->zItem, pCur->nItem, SLOT_TAGS);
    if( rc!=SQLITE_OK ) return rc;
  }
  if( pCur->aSlot[SLOT_NAME].eType==SQLITE_NULL && pCur->aSlot[SLOT_TAGS].eType!=SQLITE_NULL ){
    /* No name: the Name tag. */
    SrmField *pTags = &pCur->aSlot[SLOT_TAGS];
    rc = invSlotFrom(pCur, &pCur->pName, zNameSql, pTags->z, pTags->n, SLOT_NAME);
  }
  return rc;
}

/* The variant hints of the current item's configuration, into slots 7-12. */
static int invReadHints(inv_cursor *pCur){
  int rc, i;
  /* read only for an item whose type or ARN resolved: an object */
  if( NEVER(pCur->zItem==0) ) return SQLITE_OK;
  if( pCur->pHints==0 ){
    char *zSql = invItemsSql(aHintKey, N_KEY(aHintKey), 1);
    if( zSql==0 ) return SQLITE_NOMEM;
    rc = invPrepare(pCur, &pCur->pHints, zSql);
    sqlite3_free(zSql);
    if( rc!=SQLITE_OK ) return rc;
  }
  sqlite3_bind_text(pCur->pHints, 1, pCur->zItem, pCur->nItem, SQLITE_STATIC);
  for(i=0; i<N_KEY(aHintKey); i++){
    rc = sqlite3_step(pCur->pHints);
    if( rc!=SQLITE_ROW ){
      /* one row per path (json_extract() of N paths): DONE cannot come */
      rc = NEVER(rc==SQLITE_DONE) ? SQLITE_OK : invStmtError(pCur, rc);
      break;
    }
    rc = invPick(pCur, pCur->pHints, &aHintKey[i]);
    if( rc!=SQLITE_OK ) break;
  }
  sqlite3_reset(pCur->pHints);
  return rc;
}

static int invHas(const char *z, size_t n, const char *zWord){
  size_t m = strlen(zWord), i;
  for(i=0; z && i+m<=n; i++){
    if( memcmp(z+i, zWord, m)==0 ) return 1;
  }
  return 0;
}
static int invStartsWith(const char *z, size_t n, const char *zPrefix){
  size_t m = strlen(zPrefix);
  return z && n>=m && memcmp(z, zPrefix, m)==0;
}
static int invIs(const char *z, size_t n, const char *zWord){
  return z && strlen(zWord)==n && memcmp(z, zWord, n)==0;
}

/* The services whose configuration items say their variant or service. */
#define HINTS_LAMBDA    1
#define HINTS_ECS       2
#define HINTS_RDS       3
#define HINTS_BATCH     4
#define HINTS_APPRUNNER 5
#define HINTS_KAFKA     6
static int invHintsOf(const char *zSvc){
  static const struct { const char *z; int e; } a[] = {
    {"lambda", HINTS_LAMBDA}, {"ecs", HINTS_ECS}, {"rds", HINTS_RDS}, {"batch", HINTS_BATCH},
    {"apprunner", HINTS_APPRUNNER}, {"kafka", HINTS_KAFKA},
  };
  size_t i;
  for(i=0; i<sizeof(a)/sizeof(a[0]); i++) if( strcmp(zSvc, a[i].z)==0 ) return a[i].e;
  return 0;
}

/* The variant the configuration says, or NULL; for RDS engines that are
** another service's (DocumentDB and Neptune arrive as AWS::RDS::DBCluster
** and DBInstance), *pzService gets that service. */
static const char *invVariantOf(inv_cursor *pCur, int eHints, const char **pzService){
  size_t n = 0, n2 = 0;
  const char *z, *z2;
#define HT(h, pn) invText(pCur, SLOT_HINT+(h), pn)
  switch( eHints ){
    case HINTS_LAMBDA:
      z = HT(HINT_PACKAGE_TYPE, &n);
      z2 = HT(HINT_RUNTIME, &n2);
      if( invIs(z, n, "Image") ) return "container_image";
      if( invStartsWith(z2, n2, "provided") ) return "os_only_runtime";
      if( z2 || z ){
        z = HT(HINT_UPDATE_RUNTIME, &n);
        if( invIs(z, n, "FunctionUpdate") ) return "managed_runtime_function_update";
        if( invIs(z, n, "Manual") ) return "managed_runtime_manual";
        return "managed_runtime";
      }
      return 0;
    case HINTS_ECS:
      z = HT(HINT_LAUNCH_TYPE, &n);
      if( invIs(z, n, "FARGATE") ) return "fargate";
      if( invIs(z, n, "EC2") ) return "ec2";
      if( invIs(z, n, "EXTERNAL") ) return "external";
      if( invIs(z, n, "MANAGED_INSTANCES") ) return "managed_instances";
      z = HT(HINT_CAPACITY, &n);
      if( invHas(z, n, "\"FARGATE") ) return "fargate";
      z = HT(HINT_COMPATIBILITIES, &n);
      if( invHas(z, n, "\"FARGATE\"") && !invHas(z, n, "\"EC2\"") ) return "fargate";
      if( invHas(z, n, "\"EC2\"") ) return "ec2";
      if( invHas(z, n, "\"EXTERNAL\"") ) return "external";
      if( invHas(z, n, "\"MANAGED_INSTANCES\"") ) return "managed_instances";
      return 0;
    case HINTS_RDS:
      z = HT(HINT_ENGINE, &n);
      if( invIs(z, n, "docdb") ){ *pzService = "docdb"; return 0; }
      if( invIs(z, n, "neptune") ){ *pzService = "neptune"; return 0; }
      if( invStartsWith(z, n, "custom-oracle") ) return "custom_oracle";
      if( invStartsWith(z, n, "custom-sqlserver") ) return "custom_sqlserver";
      if( invStartsWith(z, n, "aurora") ) return "aurora";
      return z && n>0 ? "standard" : 0;
    case HINTS_BATCH:
      z = HT(HINT_COMPUTE_TYPE, &n);
      if( invStartsWith(z, n, "FARGATE") ) return "fargate";
      if( invIs(z, n, "EC2") || invIs(z, n, "SPOT") ) return "ec2";
      z = HT(HINT_CE_TYPE, &n);
      if( invIs(z, n, "UNMANAGED") ) return "ec2";
      z = HT(HINT_PLATFORM, &n);
      if( invHas(z, n, "\"FARGATE\"") ) return "fargate";
      if( invHas(z, n, "\"EC2\"") ) return "ec2";
      return 0;
    case HINTS_APPRUNNER:
      if( HT(HINT_IMAGE_REPO, &n) ) return "image";
      if( HT(HINT_CODE_REPO, &n) ) return "source_code";
      return 0;
    default: /* HINTS_KAFKA */
      z = HT(HINT_CLUSTER_TYPE, &n);
      if( invIs(z, n, "SERVERLESS") ) return "serverless";
      if( invIs(z, n, "PROVISIONED") ) return "provisioned";
      return 0;
  }
#undef HT
}

/* Work out service and variant of the current row: the resource type
** first (AWS::DocDB::DBCluster is docdb, its ARN rds), else the ARN; then
** what the item's configuration says, unless the resource type is a kind
** of resource of its own (an RDS snapshot stays a snapshot whatever its
** engine). */
static int invDerive(inv_cursor *pCur){
  size_t nArn = 0, n;
  const char *zArn, *zSvc, *zVariant, *zService = 0;
  int eHints, rc;
  pCur->bService = 0;
  pCur->bArn = 0;
  zArn = invText(pCur, 0, &nArn);
  if( zArn ) pCur->bArn = srmArnSplit(zArn, nArn, pCur->azArn, pCur->anArn);
  if( pCur->eFormat!=FMT_ARN_LIST ){
    const char *zType = invText(pCur, 1, &n);
    if( zType ) pCur->bService = srmResolve(zType, n, &pCur->target);
  }
  if( !pCur->bService && zArn ) pCur->bService = srmResolve(zArn, nArn, &pCur->target);
  if( !pCur->bService || pCur->eFormat==FMT_ARN_LIST || !aInvFormat[pCur->eFormat].bHints ){
    return SQLITE_OK;
  }
  zSvc = SRM_STR(srmService[pCur->target.iService].zId);
  eHints = invHintsOf(zSvc);
  if( eHints==0 ) return SQLITE_OK;
  rc = invReadHints(pCur);
  if( rc!=SQLITE_OK ) return rc;
  zVariant = invVariantOf(pCur, eHints, &zService);
  if( zService ){
    int s = srmServiceFind(zService, strlen(zService));
    if( ALWAYS(s>=0) ){
      pCur->target.iService = s;
      pCur->target.iVariant = 0;
    }
    return SQLITE_OK;
  }
  if( pCur->target.iVariant
   && strcmp(SRM_STR(srmVariant[pCur->target.iVariant - 1].zKind), "resource")==0 ){
    return SQLITE_OK;
  }
  if( zVariant ){
    int v = srmVariantFind(pCur->target.iService, zVariant, strlen(zVariant));
    if( ALWAYS(v>0) ) pCur->target.iVariant = v;
  }
  return SQLITE_OK;
}

/* arn_list: move to the next ARN (the document was checked: every field
** is one). */
static void invNextLine(inv_cursor *pCur){
  int bBad;
  if( !srmArnLine(pCur->zDoc, pCur->nDoc, &pCur->iNext, &pCur->iLine,
                  &pCur->zLine, &pCur->nLine, &bBad) ){
    pCur->bEof = 1;
  }
}

static int invStep(inv_cursor *pCur){
  int rc;
  if( pCur->eFormat==FMT_ARN_LIST ){
    invNextLine(pCur);
  }else{
    rc = invReadItem(pCur);
    if( rc!=SQLITE_OK ){
      pCur->bEof = 1;
      return rc;
    }
  }
  if( !pCur->bEof ){
    pCur->iRowid++;
    rc = invDerive(pCur);
    if( rc!=SQLITE_OK ){
      pCur->bEof = 1;
      return rc;
    }
  }
  return SQLITE_OK;
}

static int invNext(sqlite3_vtab_cursor *cur){
  return invStep((inv_cursor*)cur);
}

/*
** Which format the document (zDoc) is, by its first character and, for
** JSON, the top-level key that holds an array.  An error when it is none
** of them, saying what it looks like.
*/
static int invDetect(inv_cursor *pCur, int nBind, int *peFormat){
  const char *z = pCur->zDoc;
  size_t n = pCur->nDoc, i;
  sqlite3_stmt *pStmt = 0;
  sqlite3_str *pKeys;
  int rc, nKey = 0;
  for(i=0; i<n && (z[i]==' ' || z[i]=='\t' || z[i]=='\r' || z[i]=='\n'); i++){}
  *peFormat = -1;
  if( i==n || (z[i]!='{' && z[i]!='[') ){
    /* Not JSON: an ARN list, if every line is one. */
    size_t j, nLine;
    const char *zLine;
    int iLine = 1, bBad;
    char *zErr = 0;
    for(j=0; j<i; j++) if( z[j]=='\n' ) iLine++;   /* lines before the first text */
    if( srmArnLine(z, n, &j, &iLine, &zLine, &nLine, &bBad) && bBad ){
      /* The first thing in it is not an ARN: say what it looks like. */
      const char *zEol = memchr(zLine, '\n', n - (size_t)(zLine - z));
      size_t nFull = zEol ? (size_t)(zEol - zLine) : n - (size_t)(zLine - z);
      char *zQ = srmQuoted(zLine, nFull);
      const char *zLike = 0, *zHow = "";
      if( zQ==0 ) return SQLITE_NOMEM;
      if( memchr(zLine, ',', nFull) ){
        zLike = "CSV";
        zHow = "; load CSV with the shell's .import --csv FILE inventory";
      }else if( nFull>=3 && memcmp(zLine, "---", 3)==0 ){
        zLike = "YAML";
      }else if( zLine[0]=='<' ){
        zLike = "HTML or XML";
      }else if( zLine[0]=='"' ){
        zLike = "quoted values";
        zHow = "; an ARN list holds one bare ARN per line";
      }
      if( zLike ){
        zErr = sqlite3_mprintf("srm_inventory: the document looks like %s (line %d: '%s')%s"
                               " (formats " FMT_LIST_BARE ")", zLike, iLine, zQ, zHow);
      }else{
        zErr = sqlite3_mprintf("srm_inventory: line %d is not an ARN: '%s' (detecting the format)",
                               iLine, zQ);
      }
      sqlite3_free(zQ);
      return invError(pCur, zErr);
    }
    rc = srmArnListCheck(z, n, "detecting the format", &zErr);
    if( rc!=SQLITE_OK ) return invErrorCode(pCur, zErr, rc);
    *peFormat = FMT_ARN_LIST;
    return SQLITE_OK;
  }
  if( z[i]=='[' ){
    return invError(pCur, sqlite3_mprintf("srm_inventory: the document is a JSON array; srm reads"
                    " the object AWS's commands print (formats " FMT_LIST_BARE ")"));
  }
  rc = sqlite3_prepare_v2(pCur->db, "SELECT key, type FROM json_each(?1)", -1, &pStmt, 0);
  if( rc!=SQLITE_OK ){
    if( rc==SQLITE_NOMEM ) return rc;
    return invErrorCode(pCur, sqlite3_mprintf("srm_inventory: %s (detecting the format; a table or"
                        " view named json_each hides SQLite's json_each())", sqlite3_errmsg(pCur->db)), rc);
  }
  sqlite3_bind_text(pStmt, 1, z, nBind, SQLITE_STATIC);
  pKeys = sqlite3_str_new(0);
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    const char *zKey = (const char*)sqlite3_column_text(pStmt, 0);
    const char *zType = (const char*)sqlite3_column_text(pStmt, 1);
    int f;
    /* a key not copied (out of memory); the type is a static string */
    if( zKey==0 || NEVER(zType==0) ){ rc = SQLITE_NOMEM; break; }
    for(f=0; f<FMT_ARN_LIST; f++){
      if( strcmp(zKey, aInvFormat[f].zPath + 2)==0 && strcmp(zType, "array")==0 ) break;
    }
    if( f<FMT_ARN_LIST ){
      *peFormat = f;
      rc = SQLITE_DONE;
      break;
    }
    if( nKey<6 ){
      char *zQ = srmQuoted(zKey, strlen(zKey));
      if( zQ==0 ){ rc = SQLITE_NOMEM; break; }
      sqlite3_str_appendf(pKeys, "%s%s", nKey ? ", " : "", nKey<5 ? zQ : "...");
      sqlite3_free(zQ);
    }
    nKey++;
  }
  if( rc==SQLITE_DONE && *peFormat<0 ){
    /* An empty object's list is "" (sqlite3_str_finish() gives NULL for
    ** an empty string as for no memory: the error code tells which). */
    int rcKeys = sqlite3_str_errcode(pKeys);
    char *zKeys = sqlite3_str_finish(pKeys);
    pKeys = 0;
    if( rcKeys!=SQLITE_OK ){
      rc = SQLITE_NOMEM;
    }else{
      rc = invError(pCur, sqlite3_mprintf("srm_inventory: a JSON object without configurationItems,"
                    " Results, ResourceTagMappingList or Resources (its keys: %s); not an inventory"
                    " srm reads (formats " FMT_LIST_BARE ")", zKeys ? zKeys : "none"));
    }
    sqlite3_free(zKeys);
  }else if( rc==SQLITE_DONE ){
    rc = SQLITE_OK;
  }else if( rc!=SQLITE_NOMEM ){
    rc = invErrorCode(pCur, sqlite3_mprintf("srm_inventory: %s (detecting the format)",
                      sqlite3_errmsg(pCur->db)), rc);
  }
  sqlite3_free(sqlite3_str_finish(pKeys));
  sqlite3_finalize(pStmt);
  return rc;
}

static int invFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                     int argc, sqlite3_value **argv){
  inv_cursor *pCur = (inv_cursor*)cur;
  sqlite3_value *pDoc;
  int rc, eFormat = -1, nBind;
  char *zErr = 0;
  (void)idxStr; (void)argc;
  invReset(pCur);
  if( (idxNum & 1)==0 ){
    return invError(pCur, sqlite3_mprintf("srm_inventory() needs a document:"
                    " SELECT * FROM srm_inventory(readfile('inventory.json'))"));
  }
  pDoc = argv[0];
  if( (idxNum & 2) && sqlite3_value_type(argv[1])!=SQLITE_NULL ){
    const char *zFmt = (const char*)sqlite3_value_text(argv[1]);
    int nFmt = sqlite3_value_bytes(argv[1]);
    if( zFmt==0 ) return SQLITE_NOMEM;
    for(eFormat=0; eFormat<FMT_N; eFormat++){
      if( (int)strlen(azFormat[eFormat])==nFmt && memcmp(azFormat[eFormat], zFmt, (size_t)nFmt)==0 ) break;
    }
    if( eFormat==FMT_N ){
      char *zQ = srmQuoted(zFmt, (size_t)nFmt);
      rc = invError(pCur, zQ ? sqlite3_mprintf("unknown format '%s' " FMT_LIST, zQ) : 0);
      sqlite3_free(zQ);
      return rc;
    }
  }
  if( sqlite3_value_type(pDoc)==SQLITE_NULL ) return SQLITE_OK;
  pCur->pDocument = sqlite3_value_dup(pDoc);
  if( pCur->pDocument==0 ) return SQLITE_NOMEM;
  /* The cursor's own copy of the document outlives xFilter's argv; it is
  ** decoded (gzip, BOM, JSONB: document.c) into text that ends in a NUL.
  ** The statements below read it in place (SQLITE_STATIC) and are
  ** finalized before it is freed.  Bound with length -1, SQLite knows the
  ** NUL is there and reads it as it is, where with its length json_each()
  ** would first copy all of it to add one.  (A document with a NUL inside
  ** is bound with its length.) */
  rc = srmDocumentOpen(pCur->db, pCur->pDocument, "srm_inventory", &pCur->doc, &zErr);
  if( rc!=SQLITE_OK ) return zErr ? invErrorCode(pCur, zErr, rc) : rc;
  pCur->zDoc = pCur->doc.z;
  pCur->nDoc = pCur->doc.n;
  nBind = memchr(pCur->zDoc, 0, pCur->nDoc) ? (int)pCur->nDoc : -1;
  if( eFormat<0 ){
    rc = invDetect(pCur, nBind, &eFormat);
    if( rc!=SQLITE_OK ) return rc;
  }else if( eFormat==FMT_ARN_LIST ){
    rc = srmArnListCheck(pCur->zDoc, pCur->nDoc, "format arn_list", &zErr);
    if( rc!=SQLITE_OK ) return invErrorCode(pCur, zErr, rc);
  }
  pCur->eFormat = eFormat;
  pCur->bEof = 0;
  if( eFormat==FMT_ARN_LIST ){
    pCur->iNext = 0;
    pCur->iLine = 1;
    return invStep(pCur);
  }
  {
    const InvFormat *pFmt = &aInvFormat[eFormat];
    char *zSql = invItemsSql(pFmt->aKey, pFmt->nKey, 0);
    if( zSql==0 ) return SQLITE_NOMEM;
    rc = invPrepare(pCur, &pCur->pStmt, zSql);
    sqlite3_free(zSql);
    if( rc!=SQLITE_OK ) return rc;
  }
  /* SQLITE_STATIC, and a document SQLite already held: cannot fail */
  sqlite3_bind_text(pCur->pStmt, 1, pCur->zDoc, nBind, SQLITE_STATIC);
  sqlite3_bind_text(pCur->pStmt, 2, aInvFormat[eFormat].zPath, -1, SQLITE_STATIC);
  rc = invStep(pCur);
  if( rc==SQLITE_OK && pCur->bEof ){
    /* No item: an empty array is fine, a missing one is the wrong format. */
    sqlite3_stmt *pCheck = 0;
    rc = sqlite3_prepare_v2(pCur->db, "SELECT json_type(?1, ?2) = 'array'", -1, &pCheck, 0);
    if( rc==SQLITE_OK ){
      sqlite3_bind_text(pCheck, 1, pCur->zDoc, nBind, SQLITE_STATIC);
      sqlite3_bind_text(pCheck, 2, aInvFormat[eFormat].zPath, -1, SQLITE_STATIC);
      rc = sqlite3_step(pCheck);
    }
    /* a row (the items statement parsed this document already), or an error */
    if( rc==SQLITE_ROW && sqlite3_column_int(pCheck, 0)==0 ){
      rc = invError(pCur, sqlite3_mprintf("srm_inventory: the document has no \"%s\" array (format %s)",
                                          aInvFormat[eFormat].zPath + 2, azFormat[eFormat]));
    }else if( rc==SQLITE_ROW ){
      rc = SQLITE_OK;
    }else{
      if( NEVER(rc==SQLITE_DONE) ) rc = SQLITE_ERROR;
      /* the prepare or the step failed (an authorizer, an interrupt) */
      rc = invStmtError(pCur, rc);
    }
    sqlite3_finalize(pCheck);
  }
  return rc;
}

static int invEof(sqlite3_vtab_cursor *cur){
  return ((inv_cursor*)cur)->bEof;
}

/* Result: slot iSlot as text, or part iArnPart of the ARN when the slot
** is NULL and the ARN gave one. */
static void invResultPart(sqlite3_context *ctx, inv_cursor *pCur, int iStmtCol, int iArnPart){
  size_t n;
  const char *z = invText(pCur, iStmtCol, &n);
  if( z==0 && pCur->bArn && pCur->anArn[iArnPart]>0 ){
    z = pCur->azArn[iArnPart];
    n = pCur->anArn[iArnPart];
  }
  if( z ) sqlite3_result_text(ctx, z, (int)n, SQLITE_TRANSIENT);
}

static int invColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int iCol){
  inv_cursor *pCur = (inv_cursor*)cur;
  size_t n;
  const char *z;
  switch( iCol ){
    case INV_ARN:
      z = invText(pCur, SLOT_ARN, &n);
      if( z ) sqlite3_result_text(ctx, z, (int)n, SQLITE_TRANSIENT);
      break;
    case INV_SERVICE:
      if( pCur->bService ){
        sqlite3_result_text(ctx, SRM_STR(srmService[pCur->target.iService].zId), -1, SQLITE_STATIC);
      }
      break;
    case INV_VARIANT:
      if( pCur->bService && pCur->target.iVariant ){
        sqlite3_result_text(ctx, SRM_STR(srmVariant[pCur->target.iVariant - 1].zId), -1, SQLITE_STATIC);
      }
      break;
    case INV_TYPE:
      if( pCur->eFormat!=FMT_ARN_LIST ) invSlotResult(ctx, pCur, SLOT_TYPE);
      break;
    case INV_ID:      invResultPart(ctx, pCur, SLOT_ID, 5); break;
    case INV_ACCOUNT: invResultPart(ctx, pCur, SLOT_ACCT, 3); break;
    case INV_REGION:  invResultPart(ctx, pCur, SLOT_REGION, 2); break;
    case INV_NAME:
      if( pCur->eFormat!=FMT_ARN_LIST ) invSlotResult(ctx, pCur, SLOT_NAME);
      break;
    case INV_TAGS:
      if( pCur->eFormat!=FMT_ARN_LIST ){
        invSlotResult(ctx, pCur, SLOT_TAGS);
        sqlite3_result_subtype(ctx, 'J');
      }
      break;
    case INV_DOCUMENT:
      /* a row has a document (xColumn runs only on a row) */
      if( ALWAYS(pCur->pDocument) ) sqlite3_result_value(ctx, pCur->pDocument);
      break;
    default:
      if( ALWAYS(!pCur->bEof) ) sqlite3_result_text(ctx, azFormat[pCur->eFormat], -1, SQLITE_STATIC);
      break;
  }
  return SQLITE_OK;
}

static int invRowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid){
  *pRowid = ((inv_cursor*)cur)->iRowid;
  return SQLITE_OK;
}

/* idxNum bit 1: document EQ (argv 1); bit 2: format EQ (next argv). */
static int invBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  (void)pVtab;
  return srmDocumentBestIndex(pInfo, INV_DOCUMENT, INV_FORMAT);
}

static const sqlite3_module invModule = {
  .iVersion    = 0,
  .xCreate     = 0,
  .xConnect    = invConnect,
  .xBestIndex  = invBestIndex,
  .xDisconnect = invDisconnect,
  .xDestroy    = invDisconnect,
  .xOpen       = invOpen,
  .xClose      = invClose,
  .xFilter     = invFilter,
  .xNext       = invNext,
  .xEof        = invEof,
  .xColumn     = invColumn,
  .xRowid      = invRowid,
};

int srmRegisterInventory(sqlite3 *db){
  return sqlite3_create_module(db, "srm_inventory", &invModule, 0);
}
