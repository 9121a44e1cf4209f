/*
** effective.c: the organization's decisions applied to the model.
**
**   effective_responsibility(x, control [, variant [, account]])
**       responsibility() with the decisions in srm_decisions applied:
**       aws, customer, shared, third_party or not_applicable
**   effective_decision(x, control [, variant [, account]])
**       the id of the decision that gave that answer, or NULL
**   srm_effective_matrix(service, variant, control, model_owner,
**                        effective_owner, decision_id)
**       srm_matrix with the decisions applied (an eponymous table)
**
** x, control and variant are read as by responsibility() (func.c), with the
** same NULLs and the same errors.  account is the resource's AWS account
** when x does not say it: an S3 bucket's ARN has no account, a resource
** type or service name never has one, and an inventory row knows it.
** When x is an ARN with an account, account must be that one or NULL.
** Errors of their own:
**
**   account 'X' is not a 12-digit AWS account id
**   account 'A' is not the account of 'X' (B)
**   srm_decisions: ...         (overlay.c: the table is not srm's, a row is
**                               not a valid decision, it cannot be read)
**
** The most specific decision wins: one on the resource (x is that ARN),
** then on the account (x's account or the account given), then on the
** service and variant, then on the service; within a scope one naming the
** control beats one naming a composite that contains it, then the later
** decided_on, then the higher id.
**
** Each statement sees the decisions as they are when it first calls one
** of these (the cache is checked once per statement: overlay.c), so a
** ROLLBACK, a SAVEPOINT rolled back, another connection's commit, an
** ATTACH or DETACH is seen by the next statement.  They read the user's
** table, so they are neither deterministic nor innocuous: under PRAGMA
** trusted_schema=OFF they may not be used in a view or trigger of the
** database (SQLite's "unsafe use of effective_responsibility()"); used
** directly, and through srm_effective_matrix, they always work.
*/
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "overlay.h"

/* The statement-wide auxiliary data that marks "the cache was checked in
** this statement" (a negative argument number: SQLite keeps it for the
** whole statement, for every function in it, and drops it at reset). */
#define SRM_AUX_STATEMENT (-0x5352)

static void srmResultMsg(sqlite3_context *ctx, int rc, char *zErr){
  if( rc==SQLITE_NOMEM || zErr==0 ){
    sqlite3_result_error_nomem(ctx);
  }else{
    sqlite3_result_error(ctx, zErr, -1);
    if( rc!=SQLITE_ERROR ) sqlite3_result_error_code(ctx, rc);
  }
  sqlite3_free(zErr);
}

/* Refresh the cache unless done in this statement.  0 on error (set). */
static int srmStatementFresh(sqlite3_context *ctx, SrmOverlay *p){
  char *zErr = 0;
  int rc;
  if( sqlite3_get_auxdata(ctx, SRM_AUX_STATEMENT)==(void*)p ) return 1;
  rc = srmOverlayRefresh(p, &zErr);
  if( rc!=SQLITE_OK ){
    srmResultMsg(ctx, rc, zErr);
    return 0;
  }
  sqlite3_set_auxdata(ctx, SRM_AUX_STATEMENT, (void*)p, 0);
  return 1;
}

/*
** The question behind every effective answer: refresh the cache, resolve
** x (pX), apply the variant and the account (pVariant, pAccount: may be
** null pointers).  Returns 1 with *q filled, or 0 when the result is
** already set (NULL or an error).  Shared by framework.c
** (effective_origination()).
*/
int srmAskArgs(sqlite3_context *ctx, SrmOverlay *p, sqlite3_value *pX, sqlite3_value *pVariant,
               sqlite3_value *pAccount, SrmAsk *pQ){
  SrmAsk q;
  if( !srmStatementFresh(ctx, p) ) return 0;
  q.zX = (const char*)sqlite3_value_text(pX);
  if( q.zX==0 ){
    /* NULL; a failed conversion is NULL by then too (sqlite3VdbeMemGrow()),
    ** and SQLite fails the statement with SQLITE_NOMEM */
    if( NEVER(sqlite3_value_type(pX)!=SQLITE_NULL) ) sqlite3_result_error_nomem(ctx);
    return 0;
  }
  q.nX = (size_t)sqlite3_value_bytes(pX);
  if( !srmResolveAccount(q.zX, q.nX, &q.t, &q.zAccount, &q.nAccount) ) return 0;
  q.bArn = q.zAccount!=0;
  if( pVariant && sqlite3_value_type(pVariant)!=SQLITE_NULL ){
    const char *zV = (const char*)sqlite3_value_text(pVariant);
    size_t nV = (size_t)sqlite3_value_bytes(pVariant);
    int v;
    if( zV==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
    v = srmVariantFind(q.t.iService, zV, nV);
    if( v<0 ){
      const char *zSvc = SRM_STR(srmService[q.t.iService].zId);
      char *zQ = srmQuoted(zV, nV);
      srmResultMsg(ctx, SQLITE_ERROR, zQ ? sqlite3_mprintf("unknown variant '%s' of service '%s'"
                   " (SELECT variant FROM srm_variants WHERE service = '%s')", zQ, zSvc, zSvc) : 0);
      sqlite3_free(zQ);
      return 0;
    }
    q.t.iVariant = v;
  }
  if( pAccount && sqlite3_value_type(pAccount)!=SQLITE_NULL ){
    const char *zA = (const char*)sqlite3_value_text(pAccount);
    size_t nA = (size_t)sqlite3_value_bytes(pAccount), i;
    if( zA==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
    for(i=0; i<nA && zA[i]>='0' && zA[i]<='9'; i++){}
    if( i!=12 || nA!=12 ){
      char *zQ = srmQuoted(zA, nA);
      srmResultMsg(ctx, SQLITE_ERROR, zQ ? sqlite3_mprintf("account '%s' is not a 12-digit"
                   " AWS account id", zQ) : 0);
      sqlite3_free(zQ);
      return 0;
    }
    if( q.zAccount && q.nAccount && (q.nAccount!=12 || memcmp(q.zAccount, zA, 12)!=0) ){
      char *zQ = srmQuoted(q.zX, q.nX), *zB = srmQuoted(q.zAccount, q.nAccount);
      srmResultMsg(ctx, SQLITE_ERROR, zQ && zB ? sqlite3_mprintf("account '%.12s' is not the"
                   " account of '%s' (%s)", zA, zQ, zB) : 0);
      sqlite3_free(zQ);
      sqlite3_free(zB);
      return 0;
    }
    q.zAccount = zA;
    q.nAccount = 12;
  }
  q.iSlot = srmSlot(&q.t);
  *pQ = q;
  return 1;
}

/*
** The common part of effective_responsibility() and effective_decision():
** check the arguments, refresh the cache, find the answer.  Returns 1 with
** *peOwner and *piDecision (-1 for none) set, or 0 when the result is
** already set (NULL or an error).
*/
static int srmEffectiveArgs(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                            int *peOwner, int *piDecision){
  SrmOverlay *p = (SrmOverlay*)sqlite3_user_data(ctx);
  int iControl = srmControlArg(ctx, argv[1]);
  SrmAsk q;
  if( iControl<0 ) return 0;
  if( !srmAskArgs(ctx, p, argv[0], argc>2 ? argv[2] : 0, argc>3 ? argv[3] : 0, &q) ) return 0;
  *peOwner = srmOverlayAnswer(p, &q, iControl, piDecision);
  return 1;
}

/* effective_responsibility(x, control [, variant [, account]]) */
static void srmEffectiveFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eOwner, iD;
  if( srmEffectiveArgs(ctx, argc, argv, &eOwner, &iD) ){
    sqlite3_result_text(ctx, srmOwnerName(eOwner), srmOwnerLen(eOwner), SQLITE_STATIC);
  }
}

/* effective_decision(x, control [, variant [, account]]) */
static void srmEffectiveDecisionFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eOwner, iD;
  if( srmEffectiveArgs(ctx, argc, argv, &eOwner, &iD) && iD>=0 ){
    sqlite3_result_int64(ctx, srmOverlayDecisionId((const SrmOverlay*)sqlite3_user_data(ctx), iD));
  }
}

/*
** srm_effective_matrix: one row per row of srm_matrix (service, variant,
** control), with the model's owner, the effective owner and the decision
** behind it.  xBestIndex: service = value (idxNum 1, argv[0]) is looked up;
** anything else is a scan of every row.  The cache is refreshed by
** xFilter, once per scan.
*/
#define EFF_SERVICE 0
#define EFF_VARIANT 1
#define EFF_CONTROL 2
#define EFF_MODEL   3
#define EFF_OWNER   4
#define EFF_DECISION 5

typedef struct eff_vtab eff_vtab;
struct eff_vtab {
  sqlite3_vtab base;
  SrmOverlay *p;
};
typedef struct eff_cursor eff_cursor;
struct eff_cursor {
  sqlite3_vtab_cursor base;
  int iRow, iEnd;               /* rows of srm_matrix: slot * controls + control */
  int eOwner, iDecision;        /* the current row's answer */
};

static int effConnect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                      sqlite3_vtab **ppVtab, char **pzErr){
  eff_vtab *pTab;
  int rc;
  (void)argc; (void)argv; (void)pzErr;
  rc = sqlite3_declare_vtab(db, "CREATE TABLE x(service TEXT, variant TEXT, control TEXT,"
                                " model_owner TEXT, effective_owner TEXT, decision_id INTEGER)");
  if( rc!=SQLITE_OK ) return rc;
  pTab = sqlite3_malloc(sizeof(*pTab));
  if( pTab==0 ) return SQLITE_NOMEM;
  memset(pTab, 0, sizeof(*pTab));
  pTab->p = (SrmOverlay*)pAux;
  *ppVtab = &pTab->base;
  return SQLITE_OK;
}

static int effDisconnect(sqlite3_vtab *pVtab){
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

static int effOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor){
  eff_cursor *pCur = sqlite3_malloc(sizeof(*pCur));
  (void)pVtab;
  if( pCur==0 ) return SQLITE_NOMEM;
  memset(pCur, 0, sizeof(*pCur));
  *ppCursor = &pCur->base;
  return SQLITE_OK;
}

static int effClose(sqlite3_vtab_cursor *cur){
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* Answer the current row. */
static void effAnswer(eff_cursor *pCur){
  const SrmOverlay *p = ((eff_vtab*)pCur->base.pVtab)->p;
  int nControl = SRM_NCONTROL;
  SrmAsk q;
  memset(&q, 0, sizeof(q));
  q.iSlot = pCur->iRow / nControl;
  q.t.iService = srmSlotService[q.iSlot];
  q.t.iVariant = q.iSlot==srmService[q.t.iService].iSlot ? 0 : srmSlotVariant(q.t.iService, q.iSlot);
  pCur->eOwner = srmOverlayAnswer(p, &q, pCur->iRow % nControl, &pCur->iDecision);
}

static int effFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                     int argc, sqlite3_value **argv){
  eff_cursor *pCur = (eff_cursor*)cur;
  eff_vtab *pTab = (eff_vtab*)cur->pVtab;
  int nControl = SRM_NCONTROL;
  char *zErr = 0;
  int rc;
  (void)idxStr; (void)argc;
  pCur->iRow = pCur->iEnd = 0;
  rc = srmOverlayRefresh(pTab->p, &zErr);
  if( rc!=SQLITE_OK ){
    sqlite3_free(pTab->base.zErrMsg);
    pTab->base.zErrMsg = zErr;
    return rc;
  }
  if( idxNum==1 ){
    const char *z;
    int s;
    if( sqlite3_value_type(argv[0])!=SQLITE_TEXT && sqlite3_value_type(argv[0])!=SQLITE_INTEGER
     && sqlite3_value_type(argv[0])!=SQLITE_FLOAT ){
      return SQLITE_OK;                           /* NULL or a blob: no row */
    }
    z = (const char*)sqlite3_value_text(argv[0]);
    if( z==0 ) return SQLITE_NOMEM;
    s = srmServiceFind(z, (size_t)sqlite3_value_bytes(argv[0]));
    if( s<0 ) return SQLITE_OK;
    pCur->iRow = srmService[s].iSlot*nControl;
    pCur->iEnd = pCur->iRow + srmSlotCount(srmService[s].nVariant)*nControl;
  }else{
    pCur->iEnd = srmCount[SRM_COUNT_SLOT]*nControl;
  }
  /* a service has at least one slot, the model at least one service */
  if( ALWAYS(pCur->iRow<pCur->iEnd) ) effAnswer(pCur);
  return SQLITE_OK;
}

static int effNext(sqlite3_vtab_cursor *cur){
  eff_cursor *pCur = (eff_cursor*)cur;
  if( ++pCur->iRow<pCur->iEnd ) effAnswer(pCur);
  return SQLITE_OK;
}

static int effEof(sqlite3_vtab_cursor *cur){
  eff_cursor *pCur = (eff_cursor*)cur;
  return pCur->iRow>=pCur->iEnd;
}

static int effColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int iCol){
  eff_cursor *pCur = (eff_cursor*)cur;
  const SrmOverlay *p = ((eff_vtab*)cur->pVtab)->p;
  int iSlot = pCur->iRow / SRM_NCONTROL, iControl = pCur->iRow % SRM_NCONTROL;
  int s = srmSlotService[iSlot], e;
  switch( iCol ){
    case EFF_SERVICE:
      sqlite3_result_text(ctx, SRM_STR(srmService[s].zId), -1, SQLITE_STATIC);
      break;
    case EFF_VARIANT:
      if( iSlot>srmService[s].iSlot ) sqlite3_result_text(ctx, srmVariantOfSlot(s, iSlot), -1, SQLITE_STATIC);
      break;
    case EFF_CONTROL:
      sqlite3_result_text(ctx, SRM_STR(srmControl[iControl].zId), -1, SQLITE_STATIC);
      break;
    case EFF_MODEL:
      e = srmCellAt(iSlot, iControl)->eOwner;
      sqlite3_result_text(ctx, srmOwnerName(e), srmOwnerLen(e), SQLITE_STATIC);
      break;
    case EFF_OWNER:
      sqlite3_result_text(ctx, srmOwnerName(pCur->eOwner), srmOwnerLen(pCur->eOwner), SQLITE_STATIC);
      break;
    default:
      if( pCur->iDecision>=0 ) sqlite3_result_int64(ctx, srmOverlayDecisionId(p, pCur->iDecision));
      break;
  }
  return SQLITE_OK;
}

static int effRowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid){
  *pRowid = ((eff_cursor*)cur)->iRow;
  return SQLITE_OK;
}

/* idxNum 1: service = argv[0] (BINARY), looked up; 0: every row. */
static int effBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  int i;
  (void)pVtab;
  pInfo->idxNum = 0;
  for(i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *c = &pInfo->aConstraint[i];
    if( c->usable && c->iColumn==EFF_SERVICE && c->op==SQLITE_INDEX_CONSTRAINT_EQ
     && sqlite3_stricmp(sqlite3_vtab_collation(pInfo, i), "BINARY")==0 ){
      pInfo->idxNum = 1;
      pInfo->aConstraintUsage[i].argvIndex = 1;
      pInfo->aConstraintUsage[i].omit = 1;
      break;
    }
  }
  if( pInfo->idxNum ){
    pInfo->estimatedRows = 2*SRM_NCONTROL;
    pInfo->estimatedCost = 1.0 + 2*SRM_NCONTROL;
  }else{
    pInfo->estimatedRows = srmCount[SRM_COUNT_SLOT]*SRM_NCONTROL;
    pInfo->estimatedCost = (double)pInfo->estimatedRows;
  }
  return SQLITE_OK;
}

static const sqlite3_module effModule = {
  .iVersion    = 0,
  .xCreate     = 0,             /* eponymous only */
  .xConnect    = effConnect,
  .xBestIndex  = effBestIndex,
  .xDisconnect = effDisconnect,
  .xDestroy    = effDisconnect,
  .xOpen       = effOpen,
  .xClose      = effClose,
  .xFilter     = effFilter,
  .xNext       = effNext,
  .xEof        = effEof,
  .xColumn     = effColumn,
  .xRowid      = effRowid,
};

int srmRegisterDecisions(sqlite3 *db);

int srmRegisterOverlay(sqlite3 *db){
  static const struct {
    const char *zName;
    int nArg;
    void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
  } aFunc[] = {
    { "effective_responsibility", 2, srmEffectiveFunc },
    { "effective_responsibility", 3, srmEffectiveFunc },
    { "effective_responsibility", 4, srmEffectiveFunc },
    { "effective_decision",       2, srmEffectiveDecisionFunc },
    { "effective_decision",       3, srmEffectiveDecisionFunc },
    { "effective_decision",       4, srmEffectiveDecisionFunc },
    { "effective_origination",    3, srmEffectiveOriginationFunc },
    { "effective_origination",    4, srmEffectiveOriginationFunc },
    { "effective_origination",    5, srmEffectiveOriginationFunc },
  };
  SrmOverlay *p = srmOverlayNew(db);
  int rc = SQLITE_OK;
  size_t i;
  if( p==0 ) return SQLITE_NOMEM;
  /* The cache lives as long as one of its functions or its table: each
  ** registration holds a reference, so that a second sqlite3_srm_init()
  ** on this connection that fails half-way leaves nothing with a freed
  ** cache. */
  for(i=0; rc==SQLITE_OK && i<sizeof(aFunc)/sizeof(aFunc[0]); i++){
    srmOverlayRef(p);
    rc = sqlite3_create_function_v2(db, aFunc[i].zName, aFunc[i].nArg, SQLITE_UTF8, p,
                                    aFunc[i].xFunc, 0, 0, srmOverlayUnref);
  }
  if( rc==SQLITE_OK ){
    srmOverlayRef(p);
    rc = sqlite3_create_module_v2(db, "srm_effective_matrix", &effModule, p, srmOverlayUnref);
  }
  if( rc==SQLITE_OK ) rc = srmRegisterDecisions(db);
  return rc;
}
