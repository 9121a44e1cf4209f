/*
** resources.c: srm_resources, an inventory table resolved once, the way
** every report in sql/ reads it.
**
**   SELECT * FROM srm_resources;                 -- reads the table "inventory"
**   SELECT * FROM srm_resources('my_export');    -- or another table or view
**
** Schema:
**   CREATE TABLE x(id, arn, resource_type, name, account, region, tags,
**                  service, variant, variant_used, variant_kind, category,
**                  status, variant_given, source HIDDEN)
**
** The inventory may have any columns: those named arn, resource_type,
** variant, account, region, name, tags and service (any ASCII case) are
** read, the others ignored, a missing one reads as NULL; at least one of
** arn, resource_type or service must be there.  Per row:
**
**   id            the inventory's rowid (or the row's number for a view)
**   service       srm_service() of resource_type, else of arn, else of the
**                 service column (an inventory may name services only)
**   variant       the variant column's variant id in any ASCII case
**                 (FARGATE -> fargate), else the one the type or ARN implies
**   variant_used  the variant whose cells apply: variant, else the
**                 service's default (NULL for a service without variants)
**   variant_kind  deployment (how a workload runs: it could run another
**                 way) or resource (a kind of resource, not a workload)
**   account, region  the columns, else the ARN's
**   category      the service's category
**   variant_given the inventory's variant column as it is
**   status        resolved, unknown_service (nothing resolves),
**                 unknown_variant (the variant column names no variant of
**                 the service: the row is left out of every report and
**                 listed by sql/unmapped.sql), no_identifier (no arn,
**                 resource_type or service value)
**
** Errors:
**   srm_resources: no table or view named 'X' (load an inventory first: sql/load_inventory.sql)
**   srm_resources: 'X' has no arn, resource_type or service column
**   srm_resources: SQLite's message
**
** xBestIndex: source = value (idxNum 1) is the table read; any other plan
** reads "inventory".  The row count it gives the planner is large, so
** that a join reads the inventory once and looks srm_matrix up per row.
** Rows come in id order (a table is read ORDER BY rowid, a view numbered
** in its own order), so ORDER BY id is consumed: a report ordered by
** resource needs no sort, whatever the inventory's size.  It reads the
** user's tables, so it is not innocuous.
*/
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "srm.h"

#define RES_ID            0
#define RES_ARN           1
#define RES_TYPE          2
#define RES_NAME          3
#define RES_ACCOUNT       4
#define RES_REGION        5
#define RES_TAGS          6
#define RES_SERVICE       7
#define RES_VARIANT       8
#define RES_VARIANT_USED  9
#define RES_VARIANT_KIND 10
#define RES_CATEGORY     11
#define RES_STATUS       12
#define RES_VARIANT_GIVEN 13
#define RES_SOURCE       14

/* The inventory's columns srm reads, in the order of the SELECT. */
static const char *const azResIn[] = {
  "arn", "resource_type", "name", "account", "region", "tags", "variant", "service"
};
#define IN_ARN      0
#define IN_TYPE     1
#define IN_NAME     2
#define IN_ACCOUNT  3
#define IN_REGION   4
#define IN_TAGS     5
#define IN_VARIANT  6
#define IN_SERVICE  7
#define IN_N        8

#define ST_RESOLVED        0
#define ST_UNKNOWN_SERVICE 1
#define ST_UNKNOWN_VARIANT 2
#define ST_NO_IDENTIFIER   3
static const char *const azStatus[] = {
  "resolved", "unknown_service", "unknown_variant", "no_identifier"
};

typedef struct res_cursor res_cursor;
struct res_cursor {
  sqlite3_vtab_cursor base;
  sqlite3 *db;
  sqlite3_stmt *pStmt;          /* SELECT rowid-or-number, the IN_N columns FROM source */
  int bEof;
  sqlite3_int64 iRow;
  int bService;
  SrmTarget t;                  /* the service, variant the variant column or
                                ** type/ARN says (0 none) */
  int iVariantUsed;             /* 1 + srmVariant index, or 0 */
  int eStatus;
  const char *azArn[6];         /* the ARN's parts, when bArn */
  size_t anArn[6];
  int bArn;
  char *zSource;                /* the table or view read (sqlite3_malloc) */
};

typedef struct res_vtab res_vtab;
struct res_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
};

static int resConnect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                      sqlite3_vtab **ppVtab, char **pzErr){
  res_vtab *pTab;
  int rc;
  (void)pAux; (void)argc; (void)argv; (void)pzErr;
  rc = sqlite3_declare_vtab(db, "CREATE TABLE x(id INTEGER, arn TEXT, resource_type TEXT, name TEXT,"
                                " account TEXT, region TEXT, tags TEXT, service TEXT, variant TEXT,"
                                " variant_used TEXT, variant_kind TEXT, category TEXT, status TEXT,"
                                " variant_given TEXT, source HIDDEN)");
  if( rc!=SQLITE_OK ) return rc;
  pTab = sqlite3_malloc(sizeof(*pTab));
  if( pTab==0 ) return SQLITE_NOMEM;
  memset(pTab, 0, sizeof(*pTab));
  pTab->db = db;
  *ppVtab = &pTab->base;
  return SQLITE_OK;
}

static int resDisconnect(sqlite3_vtab *pVtab){
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

static int resOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor){
  res_cursor *pCur = sqlite3_malloc(sizeof(*pCur));
  if( pCur==0 ) return SQLITE_NOMEM;
  memset(pCur, 0, sizeof(*pCur));
  pCur->db = ((res_vtab*)pVtab)->db;
  pCur->bEof = 1;
  *ppCursor = &pCur->base;
  return SQLITE_OK;
}

static int resClose(sqlite3_vtab_cursor *cur){
  res_cursor *pCur = (res_cursor*)cur;
  sqlite3_finalize(pCur->pStmt);
  sqlite3_free(pCur->zSource);
  sqlite3_free(pCur);
  return SQLITE_OK;
}

static int resError(res_cursor *pCur, char *zMsg, int rc){
  sqlite3_vtab *pVtab = pCur->base.pVtab;
  if( zMsg==0 ) return SQLITE_NOMEM;
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = zMsg;
  return rc;
}

/* The text of inventory column k of the current row, or NULL. */
static const char *resIn(res_cursor *pCur, int k, size_t *pn){
  const char *z;
  if( sqlite3_column_type(pCur->pStmt, 1 + k)==SQLITE_NULL ) return 0;
  z = (const char*)sqlite3_column_text(pCur->pStmt, 1 + k);
  *pn = (size_t)sqlite3_column_bytes(pCur->pStmt, 1 + k);
  return z;
}

/* Resolve the current row. */
static void resDerive(res_cursor *pCur){
  static const int aIdent[] = { IN_TYPE, IN_ARN, IN_SERVICE };
  size_t n = 0;
  const char *z;
  int i, bAny = 0;
  pCur->bService = 0;
  pCur->iVariantUsed = 0;
  pCur->t.iVariant = 0;
  pCur->bArn = 0;
  z = resIn(pCur, IN_ARN, &n);
  if( z ) pCur->bArn = srmArnSplit(z, n, pCur->azArn, pCur->anArn);
  for(i=0; i<3 && !pCur->bService; i++){
    z = resIn(pCur, aIdent[i], &n);
    if( z==0 ) continue;
    bAny = 1;
    pCur->bService = srmResolve(z, n, &pCur->t);
  }
  if( !pCur->bService ){
    pCur->eStatus = bAny ? ST_UNKNOWN_SERVICE : ST_NO_IDENTIFIER;
    return;
  }
  pCur->eStatus = ST_RESOLVED;
  z = resIn(pCur, IN_VARIANT, &n);
  if( z ){
    int v = srmVariantFind(pCur->t.iService, z, n);
    if( v<0 ){
      pCur->eStatus = ST_UNKNOWN_VARIANT;
      pCur->t.iVariant = 0;
      return;
    }
    pCur->t.iVariant = v;
  }
  pCur->iVariantUsed = srmSlotVariant(pCur->t.iService, srmSlot(&pCur->t));
}

static int resNext(sqlite3_vtab_cursor *cur){
  res_cursor *pCur = (res_cursor*)cur;
  int rc = sqlite3_step(pCur->pStmt);
  if( rc==SQLITE_ROW ){
    pCur->iRow = sqlite3_column_int64(pCur->pStmt, 0);
    resDerive(pCur);
    return SQLITE_OK;
  }
  pCur->bEof = 1;
  if( rc==SQLITE_DONE ) return SQLITE_OK;
  if( rc==SQLITE_NOMEM ) return rc;
  return resError(pCur, sqlite3_mprintf("srm_resources: %s", sqlite3_errmsg(pCur->db)), rc);
}

/* Prepare the statement over zTable: its rowid (a row number for a view
** or a WITHOUT ROWID table) and the columns of azResIn[], NULL for those
** it lacks. */
static int resPrepare(res_cursor *pCur, const char *zTable){
  sqlite3_stmt *pProbe = 0;
  sqlite3_str *pSql;
  char *zSql, *zQ;
  int rc, aCol[IN_N], nCol, i, k, bRowid, nIdent = 0;
  zSql = sqlite3_mprintf("SELECT * FROM \"%w\"", zTable);
  if( zSql==0 ) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(pCur->db, zSql, -1, &pProbe, 0);
  sqlite3_free(zSql);
  if( rc!=SQLITE_OK ){
    const char *zErr = sqlite3_errmsg(pCur->db);
    if( rc==SQLITE_NOMEM ) return rc;
    zQ = srmQuoted(zTable, strlen(zTable));
    if( zQ==0 ) return SQLITE_NOMEM;
    /* "no such table: X" for X itself; a view that reads a missing table
    ** names that table, and keeps SQLite's message */
    if( strncmp(zErr, "no such table: ", 15)==0 && sqlite3_stricmp(zErr + 15, zTable)==0 ){
      rc = resError(pCur, sqlite3_mprintf("srm_resources: no table or view named '%s'"
                    " (load an inventory first: sql/load_inventory.sql)", zQ), SQLITE_ERROR);
    }else{
      rc = resError(pCur, sqlite3_mprintf("srm_resources: %s", zErr), rc);
    }
    sqlite3_free(zQ);
    return rc;
  }
  for(k=0; k<IN_N; k++) aCol[k] = -1;
  nCol = sqlite3_column_count(pProbe);
  for(i=0; i<nCol; i++){
    const char *zName = sqlite3_column_name(pProbe, i);
    /* names were made by the prepare: no conversion, no failure */
    if( NEVER(zName==0) ){ sqlite3_finalize(pProbe); return SQLITE_NOMEM; }
    for(k=0; k<IN_N; k++){
      if( aCol[k]<0 && sqlite3_stricmp(zName, azResIn[k])==0 ) aCol[k] = i;
    }
  }
  sqlite3_finalize(pProbe);
  if( aCol[IN_ARN]>=0 ) nIdent++;
  if( aCol[IN_TYPE]>=0 ) nIdent++;
  if( aCol[IN_SERVICE]>=0 ) nIdent++;
  if( nIdent==0 ){
    zQ = srmQuoted(zTable, strlen(zTable));
    rc = resError(pCur, zQ ? sqlite3_mprintf("srm_resources: '%s' has no arn, resource_type"
                  " or service column", zQ) : 0, SQLITE_ERROR);
    sqlite3_free(zQ);
    return rc;
  }
  /* A table with a rowid gives it.  Anything else numbers its rows: a
  ** WITHOUT ROWID table has none, a view has none or a NULL one (tested
  ** with typeof(): SQLite takes "rowid IS NOT NULL" as true, views too). */
  zSql = sqlite3_mprintf("SELECT typeof(rowid) = 'integer' FROM \"%w\" LIMIT 1", zTable);
  if( zSql==0 ) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(pCur->db, zSql, -1, &pProbe, 0);
  sqlite3_free(zSql);
  bRowid = 0;
  if( rc==SQLITE_OK ){
    /* no row (an empty table or view): either way will do; an error
    ** comes back from sqlite3_finalize() */
    bRowid = sqlite3_step(pProbe)!=SQLITE_ROW || sqlite3_column_int(pProbe, 0);
    rc = sqlite3_finalize(pProbe);
  }else{
    sqlite3_finalize(pProbe);
    if( rc!=SQLITE_NOMEM ) rc = SQLITE_OK;      /* no rowid to name */
  }
  if( rc!=SQLITE_OK ){
    if( rc==SQLITE_NOMEM ) return rc;
    return resError(pCur, sqlite3_mprintf("srm_resources: %s", sqlite3_errmsg(pCur->db)), rc);
  }
  pSql = sqlite3_str_new(pCur->db);
  sqlite3_str_appendall(pSql, bRowid ? "SELECT rowid" : "SELECT row_number() OVER ()");
  for(k=0; k<IN_N; k++){
    if( aCol[k]<0 ) sqlite3_str_appendall(pSql, ", NULL");
    else sqlite3_str_appendf(pSql, ", \"%w\"", azResIn[k]);
  }
  sqlite3_str_appendf(pSql, " FROM \"%w\"%s", zTable, bRowid ? " ORDER BY rowid" : "");
  zSql = sqlite3_str_finish(pSql);
  if( zSql==0 ) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(pCur->db, zSql, -1, &pCur->pStmt, 0);
  sqlite3_free(zSql);
  /* the probe read the same table: only memory can fail now */
  if( NEVER(rc!=SQLITE_OK && rc!=SQLITE_NOMEM) ){
    rc = resError(pCur, sqlite3_mprintf("srm_resources: %s", sqlite3_errmsg(pCur->db)), rc);
  }
  return rc;
}

static int resFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                     int argc, sqlite3_value **argv){
  res_cursor *pCur = (res_cursor*)cur;
  const char *zTable = "inventory";
  int rc;
  (void)idxStr; (void)argc;
  sqlite3_finalize(pCur->pStmt);
  pCur->pStmt = 0;
  pCur->bEof = 1;
  sqlite3_free(pCur->zSource);
  pCur->zSource = 0;
  if( idxNum==1 ){
    if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return SQLITE_OK;
    zTable = (const char*)sqlite3_value_text(argv[0]);
    if( zTable==0 ) return SQLITE_NOMEM;
  }
  pCur->zSource = sqlite3_mprintf("%s", zTable);
  if( pCur->zSource==0 ) return SQLITE_NOMEM;
  rc = resPrepare(pCur, zTable);
  if( rc!=SQLITE_OK ) return rc;
  pCur->bEof = 0;
  return resNext(cur);
}

static int resEof(sqlite3_vtab_cursor *cur){
  return ((res_cursor*)cur)->bEof;
}

/* Column k of the inventory as it is. */
static void resResultIn(sqlite3_context *ctx, res_cursor *pCur, int k){
  sqlite3_result_value(ctx, sqlite3_column_value(pCur->pStmt, 1 + k));
}

/* The inventory's column k, else ARN part iPart. */
static void resResultOrArn(sqlite3_context *ctx, res_cursor *pCur, int k, int iPart){
  if( sqlite3_column_type(pCur->pStmt, 1 + k)!=SQLITE_NULL ){
    resResultIn(ctx, pCur, k);
  }else if( pCur->bArn && pCur->anArn[iPart]>0 ){
    sqlite3_result_text(ctx, pCur->azArn[iPart], (int)pCur->anArn[iPart], SQLITE_TRANSIENT);
  }
}

static void resResultVariant(sqlite3_context *ctx, int iVariant){
  if( iVariant>0 ) sqlite3_result_text(ctx, SRM_STR(srmVariant[iVariant - 1].zId), -1, SQLITE_STATIC);
}

static int resColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int iCol){
  res_cursor *pCur = (res_cursor*)cur;
  int bOk = pCur->bService && pCur->eStatus==ST_RESOLVED;
  switch( iCol ){
    case RES_ID:       sqlite3_result_int64(ctx, pCur->iRow); break;
    case RES_ARN:      resResultIn(ctx, pCur, IN_ARN); break;
    case RES_TYPE:     resResultIn(ctx, pCur, IN_TYPE); break;
    case RES_NAME:     resResultIn(ctx, pCur, IN_NAME); break;
    case RES_ACCOUNT:  resResultOrArn(ctx, pCur, IN_ACCOUNT, 3); break;
    case RES_REGION:   resResultOrArn(ctx, pCur, IN_REGION, 2); break;
    case RES_TAGS:     resResultIn(ctx, pCur, IN_TAGS); break;
    case RES_SERVICE:
      if( pCur->bService ){
        sqlite3_result_text(ctx, SRM_STR(srmService[pCur->t.iService].zId), -1, SQLITE_STATIC);
      }
      break;
    case RES_VARIANT:      if( bOk ) resResultVariant(ctx, pCur->t.iVariant); break;
    case RES_VARIANT_USED: if( bOk ) resResultVariant(ctx, pCur->iVariantUsed); break;
    case RES_VARIANT_KIND:
      if( bOk && pCur->iVariantUsed>0 ){
        sqlite3_result_text(ctx, SRM_STR(srmVariant[pCur->iVariantUsed - 1].zKind), -1, SQLITE_STATIC);
      }
      break;
    case RES_CATEGORY:
      if( pCur->bService ){
        sqlite3_result_text(ctx, SRM_STR(srmCategory[srmService[pCur->t.iService].iCategory].zId),
                            -1, SQLITE_STATIC);
      }
      break;
    case RES_STATUS:
      sqlite3_result_text(ctx, azStatus[pCur->eStatus], -1, SQLITE_STATIC);
      break;
    case RES_VARIANT_GIVEN: resResultIn(ctx, pCur, IN_VARIANT); break;
    default:  /* RES_SOURCE: the table or view read */
      sqlite3_result_text(ctx, pCur->zSource, -1, SQLITE_TRANSIENT);
      break;
  }
  return SQLITE_OK;
}

static int resRowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid){
  *pRowid = ((res_cursor*)cur)->iRow;
  return SQLITE_OK;
}

/* idxNum 1: source = argv[0]; 0: the table inventory. */
static int resBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  int i;
  (void)pVtab;
  pInfo->idxNum = 0;
  for(i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *c = &pInfo->aConstraint[i];
    if( c->iColumn==RES_SOURCE && c->op==SQLITE_INDEX_CONSTRAINT_EQ ){
      if( !c->usable ) return SQLITE_CONSTRAINT;
      pInfo->idxNum = 1;
      pInfo->aConstraintUsage[i].argvIndex = 1;
      pInfo->aConstraintUsage[i].omit = 1;
    }
  }
  /* Rows come in id order. */
  if( pInfo->nOrderBy==1 && pInfo->aOrderBy[0].iColumn==RES_ID && !pInfo->aOrderBy[0].desc ){
    pInfo->orderByConsumed = 1;
  }
  /* An inventory is read whole: a large table, scanned once. */
  pInfo->estimatedRows = 1000000;
  pInfo->estimatedCost = 1000000.0;
  return SQLITE_OK;
}

static const sqlite3_module resModule = {
  .iVersion    = 0,
  .xCreate     = 0,             /* eponymous only */
  .xConnect    = resConnect,
  .xBestIndex  = resBestIndex,
  .xDisconnect = resDisconnect,
  .xDestroy    = resDisconnect,
  .xOpen       = resOpen,
  .xClose      = resClose,
  .xFilter     = resFilter,
  .xNext       = resNext,
  .xEof        = resEof,
  .xColumn     = resColumn,
  .xRowid      = resRowid,
};

int srmRegisterResources(sqlite3 *db){
  return sqlite3_create_module(db, "srm_resources", &resModule, 0);
}
