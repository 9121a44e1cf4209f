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
** (an EKS node group), overridden by what the item's configuration says:
** Lambda PackageType Image -> container_image, a provided.* runtime ->
** os_only_runtime, other runtimes -> managed_runtime; ECS launch type,
** capacity provider or requiresCompatibilities FARGATE -> fargate, EC2 ->
** ec2; RDS engine custom-* -> custom, any other engine -> standard.
**
** JSON is read by SQLite's own json_each() and json_extract(), through a
** statement prepared on the same connection; nothing here parses JSON.
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
#define FMT_LIST "(aws_config_snapshot, aws_config_query, aws_tagging, " \
                 "aws_resource_explorer, arn_list)"

/*
** One statement per JSON format.  ?1 is the document, ?2 the path of the
** item array.  Columns: 0 arn, 1 resource_type, 2 resource_id, 3 name,
** 4 account, 5 region, 6 tags, then the variant hints 7 package type,
** 8 runtime, 9 launch type, 10 requiresCompatibilities, 11 engine,
** 12 capacity provider strategy (JSON text).
*/
#define INV_TAGS_FROM(path, k, v) \
  "CASE json_type(i.value, '" path "') " \
  "WHEN 'object' THEN json_extract(i.value, '" path "') " \
  "WHEN 'array' THEN (SELECT json_group_object(" \
     "coalesce(json_extract(t.value, '$." k "'), json_extract(t.value, '$.Key'))," \
     "coalesce(json_extract(t.value, '$." v "'), json_extract(t.value, '$.Value')))" \
     " FROM json_each(i.value, '" path "') t) END"

static const char zConfigSql[] =
  "SELECT arn, rtype, rid, coalesce(name, json_extract(tags, '$.Name')), account, region, tags,"
  " h1, h2, h3, h4, h5, h6 FROM ("
  "SELECT coalesce(json_extract(i.value, '$.ARN'), json_extract(i.value, '$.arn')) AS arn,"
  " json_extract(i.value, '$.resourceType') AS rtype,"
  " json_extract(i.value, '$.resourceId') AS rid,"
  " json_extract(i.value, '$.resourceName') AS name,"
  " coalesce(json_extract(i.value, '$.awsAccountId'), json_extract(i.value, '$.accountId')) AS account,"
  " json_extract(i.value, '$.awsRegion') AS region,"
  " " INV_TAGS_FROM("$.tags", "key", "value") " AS tags,"
  " coalesce(json_extract(i.value, '$.configuration.packageType'),"
  "          json_extract(i.value, '$.configuration.PackageType')) AS h1,"
  " coalesce(json_extract(i.value, '$.configuration.runtime'),"
  "          json_extract(i.value, '$.configuration.Runtime')) AS h2,"
  " coalesce(json_extract(i.value, '$.configuration.launchType'),"
  "          json_extract(i.value, '$.configuration.LaunchType')) AS h3,"
  " coalesce(json_extract(i.value, '$.configuration.requiresCompatibilities'),"
  "          json_extract(i.value, '$.configuration.RequiresCompatibilities')) AS h4,"
  " coalesce(json_extract(i.value, '$.configuration.engine'),"
  "          json_extract(i.value, '$.configuration.Engine')) AS h5,"
  " coalesce(json_extract(i.value, '$.configuration.capacityProviderStrategy'),"
  "          json_extract(i.value, '$.configuration.CapacityProviderStrategy')) AS h6"
  " FROM json_each(?1, ?2) AS i)";

static const char zTaggingSql[] =
  "SELECT arn, NULL, NULL, json_extract(tags, '$.Name'), NULL, NULL, tags,"
  " NULL, NULL, NULL, NULL, NULL, NULL FROM ("
  "SELECT json_extract(i.value, '$.ResourceARN') AS arn,"
  " " INV_TAGS_FROM("$.Tags", "Key", "Value") " AS tags"
  " FROM json_each(?1, ?2) AS i)";

static const char zExplorerSql[] =
  "SELECT arn, rtype, NULL, json_extract(tags, '$.Name'), account, region, tags,"
  " NULL, NULL, NULL, NULL, NULL, NULL FROM ("
  "SELECT json_extract(i.value, '$.Arn') AS arn,"
  " json_extract(i.value, '$.ResourceType') AS rtype,"
  " json_extract(i.value, '$.OwningAccountId') AS account,"
  " json_extract(i.value, '$.Region') AS region,"
  " (SELECT CASE json_type(p.value, '$.Data') WHEN 'array' THEN"
  "    (SELECT json_group_object(json_extract(d.value, '$.Key'), json_extract(d.value, '$.Value'))"
  "       FROM json_each(p.value, '$.Data') d) END"
  "    FROM json_each(i.value, '$.Properties') p"
  "   WHERE json_extract(p.value, '$.Name') = 'tags') AS tags"
  " FROM json_each(?1, ?2) AS i)";

typedef struct InvFormat InvFormat;
struct InvFormat {
  const char *zSql;
  const char *zPath;
};
static const InvFormat aInvFormat[FMT_ARN_LIST] = {
  { zConfigSql,   "$.configurationItems" },
  { zConfigSql,   "$.Results" },
  { zTaggingSql,  "$.ResourceTagMappingList" },
  { zExplorerSql, "$.Resources" },
};

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
  /* JSON formats */
  sqlite3_stmt *pStmt;
  /* The text of pDocument, and for arn_list the current line */
  const char *zDoc;
  size_t nDoc, iNext;
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
  sqlite3_finalize(pCur->pStmt);
  pCur->pStmt = 0;
  pCur->zDoc = 0;
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

static int invError(inv_cursor *pCur, char *zMsg){
  sqlite3_vtab *pVtab = pCur->base.pVtab;
  if( zMsg==0 ) return SQLITE_NOMEM;
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = zMsg;
  return SQLITE_ERROR;
}

/* Text of column i of the current row, or NULL.  *pn gets its length. */
static const char *invText(inv_cursor *pCur, int i, size_t *pn){
  if( pCur->eFormat==FMT_ARN_LIST ){
    if( i!=0 ) return 0;
    *pn = pCur->nLine;
    return pCur->zLine;
  }
  if( sqlite3_column_type(pCur->pStmt, i)==SQLITE_NULL ) return 0;
  {
    const char *z = (const char*)sqlite3_column_text(pCur->pStmt, i);
    *pn = (size_t)sqlite3_column_bytes(pCur->pStmt, i);
    return z;
  }
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

/* Work out service and variant of the current row. */
static void invDerive(inv_cursor *pCur){
  size_t nArn = 0, n;
  const char *zArn;
  pCur->bService = 0;
  pCur->bArn = 0;
  zArn = invText(pCur, 0, &nArn);
  if( zArn ) pCur->bArn = srmArnSplit(zArn, nArn, pCur->azArn, pCur->anArn);
  if( pCur->eFormat!=FMT_ARN_LIST ){
    /* The resource type first: AWS::DocDB::DBCluster is docdb, its ARN rds. */
    const char *zType = invText(pCur, 1, &n);
    if( zType ) pCur->bService = srmResolve(zType, n, &pCur->target);
  }
  if( !pCur->bService && zArn ) pCur->bService = srmResolve(zArn, nArn, &pCur->target);
  if( !pCur->bService || pCur->eFormat==FMT_ARN_LIST ) return;
  {
    const char *zSvc = srmService[pCur->target.iService].zId;
    const char *zVariant = 0;
    size_t nh;
    const char *zh;
    if( strcmp(zSvc, "lambda")==0 ){
      const char *zPkg = invText(pCur, 7, &nh);
      size_t nRt;
      const char *zRt = invText(pCur, 8, &nRt);
      if( zPkg && nh==5 && memcmp(zPkg, "Image", 5)==0 ) zVariant = "container_image";
      else if( invStartsWith(zRt, nRt, "provided") ) zVariant = "os_only_runtime";
      else if( zRt || zPkg ) zVariant = "managed_runtime";
    }else if( strcmp(zSvc, "ecs")==0 ){
      zh = invText(pCur, 9, &nh);
      if( zh && nh==7 && memcmp(zh, "FARGATE", 7)==0 ) zVariant = "fargate";
      else if( zh && nh==3 && memcmp(zh, "EC2", 3)==0 ) zVariant = "ec2";
      if( zVariant==0 ){
        zh = invText(pCur, 12, &nh);
        if( invHas(zh, nh, "\"FARGATE") ) zVariant = "fargate";
      }
      if( zVariant==0 ){
        zh = invText(pCur, 10, &nh);
        if( invHas(zh, nh, "\"FARGATE\"") && !invHas(zh, nh, "\"EC2\"") ) zVariant = "fargate";
        else if( invHas(zh, nh, "\"EC2\"") ) zVariant = "ec2";
      }
    }else if( strcmp(zSvc, "rds")==0 ){
      zh = invText(pCur, 11, &nh);
      if( invStartsWith(zh, nh, "custom-") ) zVariant = "custom";
      else if( zh && nh>0 ) zVariant = "standard";
    }
    if( zVariant ){
      int v = srmVariantFind(pCur->target.iService, zVariant, strlen(zVariant));
      if( v>0 ) pCur->target.iVariant = v;
    }
  }
}

/* arn_list: move to the next line that holds something. */
static void invNextLine(inv_cursor *pCur){
  while( pCur->iNext<pCur->nDoc ){
    const char *z = pCur->zDoc + pCur->iNext;
    const char *zEnd = memchr(z, '\n', pCur->nDoc - pCur->iNext);
    size_t n = zEnd ? (size_t)(zEnd - z) : pCur->nDoc - pCur->iNext;
    pCur->iNext += n + (zEnd ? 1 : 0);
    while( n>0 && (z[0]==' ' || z[0]=='\t' || z[0]=='\r') ){ z++; n--; }
    while( n>0 && (z[n-1]==' ' || z[n-1]=='\t' || z[n-1]=='\r') ) n--;
    if( n==0 || z[0]=='#' ) continue;
    pCur->zLine = z;
    pCur->nLine = n;
    return;
  }
  pCur->bEof = 1;
}

static int invStep(inv_cursor *pCur){
  int rc;
  if( pCur->eFormat==FMT_ARN_LIST ){
    invNextLine(pCur);
  }else{
    rc = sqlite3_step(pCur->pStmt);
    if( rc!=SQLITE_ROW ){
      pCur->bEof = 1;
      if( rc!=SQLITE_DONE ){
        if( rc==SQLITE_NOMEM ) return SQLITE_NOMEM;
        return invError(pCur, sqlite3_mprintf("srm_inventory: %s (format %s)",
                                              sqlite3_errmsg(pCur->db), azFormat[pCur->eFormat]));
      }
    }
  }
  if( !pCur->bEof ){
    pCur->iRowid++;
    invDerive(pCur);
  }
  return SQLITE_OK;
}

static int invNext(sqlite3_vtab_cursor *cur){
  return invStep((inv_cursor*)cur);
}

/* Which format a document is, by its first character and, for JSON, the
** top-level key that holds an array.  -1 when it cannot tell. */
static int invDetect(inv_cursor *pCur, sqlite3_value *pDoc, int *peFormat){
  const char *z = (const char*)sqlite3_value_text(pDoc);
  int n = sqlite3_value_bytes(pDoc), i, rc;
  sqlite3_stmt *pStmt = 0;
  if( z==0 ) return SQLITE_NOMEM;
  for(i=0; i<n && (z[i]==' ' || z[i]=='\t' || z[i]=='\r' || z[i]=='\n'); i++){}
  *peFormat = -1;
  if( i<n && z[i]!='{' && z[i]!='[' ){
    *peFormat = FMT_ARN_LIST;
    return SQLITE_OK;
  }
  if( i==n ){
    *peFormat = FMT_ARN_LIST;       /* nothing but white space: no rows */
    return SQLITE_OK;
  }
  if( z[i]=='[' ) return SQLITE_OK;
  rc = sqlite3_prepare_v2(pCur->db,
      "SELECT CASE key WHEN 'configurationItems' THEN 0"
      " WHEN 'Results' THEN 1 WHEN 'ResourceTagMappingList' THEN 2 WHEN 'Resources' THEN 3 END"
      " FROM json_each(?1) WHERE type = 'array' AND key IN ('configurationItems', 'Results',"
      " 'ResourceTagMappingList', 'Resources') LIMIT 1",
      -1, &pStmt, 0);
  if( rc!=SQLITE_OK ) return rc;
  sqlite3_bind_value(pStmt, 1, pDoc);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    *peFormat = sqlite3_column_int(pStmt, 0);
    rc = SQLITE_OK;
  }else if( rc==SQLITE_DONE ){
    rc = SQLITE_OK;
  }else if( rc!=SQLITE_NOMEM ){
    rc = invError(pCur, sqlite3_mprintf("srm_inventory: %s", sqlite3_errmsg(pCur->db)));
  }
  sqlite3_finalize(pStmt);
  return rc;
}

static int invFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                     int argc, sqlite3_value **argv){
  inv_cursor *pCur = (inv_cursor*)cur;
  sqlite3_value *pDoc;
  int rc, eFormat = -1;
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
      return invError(pCur, sqlite3_mprintf("unknown format '%.*s%s' " FMT_LIST,
                      nFmt>64 ? 64 : nFmt, zFmt, nFmt>64 ? "..." : ""));
    }
  }
  if( sqlite3_value_type(pDoc)==SQLITE_NULL ) return SQLITE_OK;
  pCur->pDocument = sqlite3_value_dup(pDoc);
  if( pCur->pDocument==0 ) return SQLITE_NOMEM;
  if( eFormat<0 ){
    rc = invDetect(pCur, pDoc, &eFormat);
    if( rc!=SQLITE_OK ) return rc;
    if( eFormat<0 ){
      return invError(pCur, sqlite3_mprintf(
          "srm_inventory: cannot tell the format of the document " FMT_LIST));
    }
  }
  pCur->eFormat = eFormat;
  pCur->bEof = 0;
  /* The cursor's own copy of the document outlives xFilter's argv; the
  ** statement below reads it in place (SQLITE_STATIC) and is finalized
  ** before the copy is freed. */
  pCur->zDoc = (const char*)sqlite3_value_text(pCur->pDocument);
  pCur->nDoc = (size_t)sqlite3_value_bytes(pCur->pDocument);
  if( pCur->zDoc==0 ) return SQLITE_NOMEM;
  if( eFormat==FMT_ARN_LIST ){
    pCur->iNext = 0;
    return invStep(pCur);
  }
  rc = sqlite3_prepare_v2(pCur->db, aInvFormat[eFormat].zSql, -1, &pCur->pStmt, 0);
  if( rc!=SQLITE_OK ){
    return rc==SQLITE_NOMEM ? rc : invError(pCur, sqlite3_mprintf("srm_inventory: %s",
                                                                  sqlite3_errmsg(pCur->db)));
  }
  rc = sqlite3_bind_text(pCur->pStmt, 1, pCur->zDoc, (int)pCur->nDoc, SQLITE_STATIC);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pCur->pStmt, 2, aInvFormat[eFormat].zPath, -1, SQLITE_STATIC);
  if( rc!=SQLITE_OK ) return rc;
  rc = invStep(pCur);
  if( rc==SQLITE_OK && pCur->bEof ){
    /* No item: an empty array is fine, a missing one is the wrong format. */
    sqlite3_stmt *pCheck = 0;
    rc = sqlite3_prepare_v2(pCur->db, "SELECT json_type(?1, ?2) = 'array'", -1, &pCheck, 0);
    if( rc==SQLITE_OK ){
      sqlite3_bind_text(pCheck, 1, pCur->zDoc, (int)pCur->nDoc, SQLITE_STATIC);
      sqlite3_bind_text(pCheck, 2, aInvFormat[eFormat].zPath, -1, SQLITE_STATIC);
      rc = sqlite3_step(pCheck);
      if( rc==SQLITE_ROW && sqlite3_column_int(pCheck, 0)==0 ){
        rc = invError(pCur, sqlite3_mprintf("srm_inventory: the document has no \"%s\" array (format %s)",
                                            aInvFormat[eFormat].zPath + 2, azFormat[eFormat]));
      }else if( rc==SQLITE_ROW || rc==SQLITE_DONE ){
        rc = SQLITE_OK;
      }else if( rc!=SQLITE_NOMEM ){
        rc = invError(pCur, sqlite3_mprintf("srm_inventory: %s (format %s)",
                                            sqlite3_errmsg(pCur->db), azFormat[eFormat]));
      }
    }
    sqlite3_finalize(pCheck);
  }
  return rc;
}

static int invEof(sqlite3_vtab_cursor *cur){
  return ((inv_cursor*)cur)->bEof;
}

/* Result: column i of the inner statement, or the text z[0..n) when the
** statement has none and the ARN gave one. */
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
      z = invText(pCur, 0, &n);
      if( z ) sqlite3_result_text(ctx, z, (int)n, SQLITE_TRANSIENT);
      break;
    case INV_SERVICE:
      if( pCur->bService ){
        sqlite3_result_text(ctx, srmService[pCur->target.iService].zId, -1, SQLITE_STATIC);
      }
      break;
    case INV_VARIANT:
      if( pCur->bService && pCur->target.iVariant ){
        sqlite3_result_text(ctx, srmVariant[pCur->target.iVariant - 1].zId, -1, SQLITE_STATIC);
      }
      break;
    case INV_TYPE:
      if( pCur->eFormat!=FMT_ARN_LIST ){
        sqlite3_result_value(ctx, sqlite3_column_value(pCur->pStmt, 1));
      }
      break;
    case INV_ID:      invResultPart(ctx, pCur, 2, 5); break;
    case INV_ACCOUNT: invResultPart(ctx, pCur, 4, 3); break;
    case INV_REGION:  invResultPart(ctx, pCur, 5, 2); break;
    case INV_NAME:
      if( pCur->eFormat!=FMT_ARN_LIST ){
        sqlite3_result_value(ctx, sqlite3_column_value(pCur->pStmt, 3));
      }
      break;
    case INV_TAGS:
      if( pCur->eFormat!=FMT_ARN_LIST ){
        sqlite3_result_value(ctx, sqlite3_column_value(pCur->pStmt, 6));
        sqlite3_result_subtype(ctx, 'J');
      }
      break;
    case INV_DOCUMENT:
      if( pCur->pDocument ) sqlite3_result_value(ctx, pCur->pDocument);
      break;
    default:
      if( !pCur->bEof ) sqlite3_result_text(ctx, azFormat[pCur->eFormat], -1, SQLITE_STATIC);
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
  int iDoc = -1, iFmt = -1, i;
  (void)pVtab;
  for(i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *p = &pInfo->aConstraint[i];
    if( p->op!=SQLITE_INDEX_CONSTRAINT_EQ ) continue;
    if( p->iColumn==INV_DOCUMENT ){
      if( !p->usable ) return SQLITE_CONSTRAINT;
      iDoc = i;
    }else if( p->iColumn==INV_FORMAT ){
      if( !p->usable ) return SQLITE_CONSTRAINT;
      iFmt = i;
    }
  }
  if( iDoc<0 ){
    pInfo->idxNum = 0;
    pInfo->estimatedCost = 1e99;
    return SQLITE_OK;
  }
  pInfo->idxNum = 1;
  pInfo->aConstraintUsage[iDoc].argvIndex = 1;
  pInfo->aConstraintUsage[iDoc].omit = 1;
  if( iFmt>=0 ){
    pInfo->idxNum |= 2;
    pInfo->aConstraintUsage[iFmt].argvIndex = 2;
    pInfo->aConstraintUsage[iFmt].omit = 1;
  }
  pInfo->estimatedCost = 1000;
  pInfo->estimatedRows = 1000;
  return SQLITE_OK;
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
