/*
** overlay.c: the organization's own responsibility decisions, on top of
** AWS's model.
**
**   SELECT srm_overlay_init();        -- creates srm_decisions and friends
**   INSERT INTO srm_decisions(service, control, owner, party, reason, approved_by)
**     VALUES ('Amazon EC2', 'patch_management', 'third_party', 'Acme MSP',
**             'MSP contract 2026-114', 'CISO');
**   SELECT effective_responsibility(arn, 'guest_os_patching') FROM inventory;
**
** Decisions live in an ordinary table of the user's database, so they
** persist with the file and obey transactions:
**
**   srm_decisions(id, service, variant, control, owner, party,
**                 internal_owner, reason, approved_by, decided_on,
**                 expires_on, account, resource_arn)
**
** service takes any form responsibility() accepts and is stored as the
** service id (trigger srm_decisions_canonical); variant NULL means every
** variant; control may be a composite; owner is aws, customer, shared or
** third_party (then party names the third party); decided_on defaults to
** today; expires_on, account and resource_arn are optional.  A CHECK
** constraint calls srm_decision_check(), which refuses a bad row with one
** of these messages, and the statement writes nothing:
**
**   unknown service 'X' (SELECT service FROM srm_services)
**   unknown control 'X' (SELECT control FROM srm_controls)
**   unknown variant 'X' of service 'S' (SELECT variant FROM srm_variants WHERE service = 'S')
**   unknown owner 'X' (aws, customer, shared, third_party)
**   owner 'third_party' needs the party's name in party
**   party 'X' is only for owner 'third_party'
**   decided_on 'X' is not a date (YYYY-MM-DD)
**   expires_on 'X' is not a date (YYYY-MM-DD)
**   expires_on 'E' is before decided_on 'D'
**   account 'X' is not a 12-digit AWS account id
**   resource_arn 'X' is not an ARN of service 'S'
**
** effective_responsibility(x, control [, variant]) is responsibility()
** with the decisions applied, and effective_decision() the id of the
** decision that gave its answer (NULL when none did).  The most specific
** decision wins: one on the resource (x is that ARN), then on the account
** (x is an ARN in that account), then on the service and variant, then on
** the service; within a scope a decision naming the control beats one
** naming a composite that contains it, then the later decided_on, then the
** higher id.  A decision on a composite applies to the composite and to
** each of its parts that AWS's model does not leave to AWS; a composite
** with no decision of its own is derived from its parts as in the model
** (third_party counts as its own owner).  Decisions whose expires_on is
** before today (date('now')) do not apply.
**
** Speed: each connection keeps its decisions in memory (the function's
** user data, freed with the connection), indexed by service and by ARN.
** Every write to srm_decisions bumps srm_decisions_version.n by trigger, in
** the same transaction; the cache reloads when that number or the date
** changes, checked once per statement when the control is a constant (its
** auxdata marks the statement as checked) and once per row otherwise.  So
** ROLLBACK and other connections' commits are seen on the next statement.
** Without srm_decisions the functions answer as responsibility() does.
*/
#include <stdlib.h>
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "srm.h"

#define SRM_OWNER_THIRD_PARTY 4

typedef struct SrmDecision SrmDecision;
struct SrmDecision {
  sqlite3_int64 id;
  int iService;
  int iVariant;                 /* 0 every variant, else 1 + srmVariant[] */
  int iControl;
  int eOwner;                   /* SRM_OWNER_*, or SRM_OWNER_THIRD_PARTY */
  int iScope;                   /* 3 resource, 2 account, 1 variant, 0 service */
  char zDecided[11];
  char zExpires[11];            /* "" when it never expires */
  char *zAccount;               /* NULL unless account scope */
  char *zArn;                   /* NULL unless resource scope */
  int iNextSame;                /* next decision with the same ARN hash slot chain, or -1 */
};

typedef struct SrmOverlay SrmOverlay;
struct SrmOverlay {
  sqlite3 *db;
  sqlite3_int64 iVersion;       /* srm_decisions_version.n when loaded */
  char zToday[11];
  int bLoaded;                  /* a cache is in place (maybe empty) */
  SrmDecision *a;               /* sorted by service, then scope */
  int n;
  int *aSvcFirst;               /* [service] first non-ARN decision, [nService] = end */
  int *aArnSlot;                /* open addressing: first decision with that ARN, -1 */
  int nArnSlot;
};

/* A marker for "this statement has checked the cache". */
static const char srmOverlayChecked = 0;

/* ---- validation ---- */

static int srmIsDate(const char *z){
  static const int aDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int i, y, m, d;
  if( z==0 || strlen(z)!=10 || z[4]!='-' || z[7]!='-' ) return 0;
  for(i=0; i<10; i++){
    if( i!=4 && i!=7 && (z[i]<'0' || z[i]>'9') ) return 0;
  }
  y = (z[0]-'0')*1000 + (z[1]-'0')*100 + (z[2]-'0')*10 + (z[3]-'0');
  m = (z[5]-'0')*10 + (z[6]-'0');
  d = (z[8]-'0')*10 + (z[9]-'0');
  if( m<1 || m>12 || d<1 || d>aDays[m-1] ) return 0;
  if( m==2 && d==29 && !((y%4==0 && y%100!=0) || y%400==0) ) return 0;
  return 1;
}

static int srmOwnerCode(const char *z){
  if( z==0 ) return 0;
  if( strcmp(z, "aws")==0 ) return SRM_OWNER_AWS;
  if( strcmp(z, "customer")==0 ) return SRM_OWNER_CUSTOMER;
  if( strcmp(z, "shared")==0 ) return SRM_OWNER_SHARED;
  if( strcmp(z, "third_party")==0 ) return SRM_OWNER_THIRD_PARTY;
  return 0;
}

static const char *srmEffOwnerName(int e){
  return e==SRM_OWNER_THIRD_PARTY ? "third_party" : srmOwnerName(e);
}

static const char *srmArgText(sqlite3_value *p){
  return sqlite3_value_type(p)==SQLITE_NULL ? 0 : (const char*)sqlite3_value_text(p);
}

static void srmRefuse(sqlite3_context *ctx, char *zMsg){
  if( zMsg==0 ){ sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_error(ctx, zMsg, -1);
  sqlite3_free(zMsg);
}

/*
** srm_decision_check(service, variant, control, owner, party, decided_on,
**                    expires_on, account, resource_arn)
** 1 for a valid decision, else an error with the reason.  NULL service,
** control or owner are left to the table's NOT NULL constraints.
*/
static void srmDecisionCheckFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *zService = srmArgText(argv[0]), *zVariant = srmArgText(argv[1]);
  const char *zControl = srmArgText(argv[2]), *zOwner = srmArgText(argv[3]);
  const char *zParty = srmArgText(argv[4]), *zDecided = srmArgText(argv[5]);
  const char *zExpires = srmArgText(argv[6]), *zAccount = srmArgText(argv[7]);
  const char *zArn = srmArgText(argv[8]);
  SrmTarget t;
  int eOwner, i;
  (void)argc;
  if( zService && !srmResolve(zService, strlen(zService), &t) ){
    srmRefuse(ctx, sqlite3_mprintf("unknown service '%.64s' (SELECT service FROM srm_services)", zService));
    return;
  }
  if( zControl && srmControlFind(zControl, strlen(zControl))<0 ){
    srmRefuse(ctx, sqlite3_mprintf("unknown control '%.64s' (SELECT control FROM srm_controls)", zControl));
    return;
  }
  if( zService && zVariant && srmVariantFind(t.iService, zVariant, strlen(zVariant))<0 ){
    const char *zSvc = srmService[t.iService].zId;
    srmRefuse(ctx, sqlite3_mprintf("unknown variant '%.64s' of service '%s'"
              " (SELECT variant FROM srm_variants WHERE service = '%s')", zVariant, zSvc, zSvc));
    return;
  }
  eOwner = srmOwnerCode(zOwner);
  if( zOwner && eOwner==0 ){
    srmRefuse(ctx, sqlite3_mprintf("unknown owner '%.64s' (aws, customer, shared, third_party)", zOwner));
    return;
  }
  if( eOwner==SRM_OWNER_THIRD_PARTY && (zParty==0 || zParty[0]==0) ){
    srmRefuse(ctx, sqlite3_mprintf("owner 'third_party' needs the party's name in party"));
    return;
  }
  if( zOwner && eOwner!=SRM_OWNER_THIRD_PARTY && zParty ){
    srmRefuse(ctx, sqlite3_mprintf("party '%.64s' is only for owner 'third_party'", zParty));
    return;
  }
  if( zDecided && !srmIsDate(zDecided) ){
    srmRefuse(ctx, sqlite3_mprintf("decided_on '%.64s' is not a date (YYYY-MM-DD)", zDecided));
    return;
  }
  if( zExpires && !srmIsDate(zExpires) ){
    srmRefuse(ctx, sqlite3_mprintf("expires_on '%.64s' is not a date (YYYY-MM-DD)", zExpires));
    return;
  }
  if( zExpires && zDecided && strcmp(zExpires, zDecided)<0 ){
    srmRefuse(ctx, sqlite3_mprintf("expires_on '%s' is before decided_on '%s'", zExpires, zDecided));
    return;
  }
  if( zAccount ){
    for(i=0; zAccount[i]>='0' && zAccount[i]<='9'; i++){}
    if( i!=12 || zAccount[i]!=0 ){
      srmRefuse(ctx, sqlite3_mprintf("account '%.64s' is not a 12-digit AWS account id", zAccount));
      return;
    }
  }
  if( zArn && zService ){
    SrmTarget a;
    if( strncmp(zArn, "arn:", 4)!=0 || !srmResolve(zArn, strlen(zArn), &a) || a.iService!=t.iService ){
      srmRefuse(ctx, sqlite3_mprintf("resource_arn '%.64s' is not an ARN of service '%s'",
                                     zArn, srmService[t.iService].zId));
      return;
    }
  }
  sqlite3_result_int(ctx, 1);
}

/* ---- srm_overlay_init() ---- */

static const char srmOverlaySchema[] =
  "CREATE TABLE IF NOT EXISTS srm_decisions(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  service TEXT NOT NULL,\n"
  "  variant TEXT,\n"
  "  control TEXT NOT NULL,\n"
  "  owner TEXT NOT NULL,\n"
  "  party TEXT,\n"
  "  internal_owner TEXT,\n"
  "  reason TEXT NOT NULL,\n"
  "  approved_by TEXT NOT NULL,\n"
  "  decided_on TEXT NOT NULL DEFAULT CURRENT_DATE,\n"
  "  expires_on TEXT,\n"
  "  account TEXT,\n"
  "  resource_arn TEXT,\n"
  "  CONSTRAINT srm_decision_valid CHECK (srm_decision_check(service, variant, control, owner,\n"
  "    party, decided_on, expires_on, account, resource_arn))\n"
  ");\n"
  "CREATE TABLE IF NOT EXISTS srm_decisions_version(n INTEGER NOT NULL);\n"
  "INSERT INTO srm_decisions_version(n)\n"
  "  SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM srm_decisions_version);\n"
  "CREATE TRIGGER IF NOT EXISTS srm_decisions_insert AFTER INSERT ON srm_decisions BEGIN\n"
  "  UPDATE srm_decisions SET service = srm_service(new.service)\n"
  "   WHERE id = new.id AND service IS NOT srm_service(new.service);\n"
  "  UPDATE srm_decisions_version SET n = n + 1;\n"
  "END;\n"
  "CREATE TRIGGER IF NOT EXISTS srm_decisions_update AFTER UPDATE ON srm_decisions BEGIN\n"
  "  UPDATE srm_decisions SET service = srm_service(new.service)\n"
  "   WHERE id = new.id AND service IS NOT srm_service(new.service);\n"
  "  UPDATE srm_decisions_version SET n = n + 1;\n"
  "END;\n"
  "CREATE TRIGGER IF NOT EXISTS srm_decisions_delete AFTER DELETE ON srm_decisions BEGIN\n"
  "  UPDATE srm_decisions_version SET n = n + 1;\n"
  "END;\n"
  "CREATE VIEW IF NOT EXISTS srm_effective_matrix AS\n"
  "  SELECT m.service, m.variant, m.control, m.owner AS model_owner,\n"
  "         effective_responsibility(m.service, m.control, m.variant) AS effective_owner,\n"
  "         effective_decision(m.service, m.control, m.variant) AS decision_id\n"
  "    FROM srm_matrix m;\n";

static void srmOverlayInitFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  char *zErr = 0;
  int rc;
  (void)argc; (void)argv;
  rc = sqlite3_exec(db, srmOverlaySchema, 0, 0, &zErr);
  if( rc!=SQLITE_OK ){
    if( rc==SQLITE_NOMEM ) sqlite3_result_error_nomem(ctx);
    else srmRefuse(ctx, sqlite3_mprintf("srm_overlay_init: %s", zErr ? zErr : sqlite3_errstr(rc)));
    sqlite3_free(zErr);
    return;
  }
  sqlite3_result_text(ctx, "srm_decisions", -1, SQLITE_STATIC);
}

/* ---- the per-connection cache ---- */

static void srmOverlayClear(SrmOverlay *p){
  int i;
  for(i=0; i<p->n; i++){
    sqlite3_free(p->a[i].zAccount);
    sqlite3_free(p->a[i].zArn);
  }
  sqlite3_free(p->a);
  sqlite3_free(p->aSvcFirst);
  sqlite3_free(p->aArnSlot);
  p->a = 0;
  p->aSvcFirst = 0;
  p->aArnSlot = 0;
  p->n = 0;
  p->nArnSlot = 0;
  p->bLoaded = 0;
}

static void srmOverlayFree(void *pArg){
  SrmOverlay *p = (SrmOverlay*)pArg;
  srmOverlayClear(p);
  sqlite3_free(p);
}

static char *srmDup(const unsigned char *z){
  return z ? sqlite3_mprintf("%s", (const char*)z) : 0;
}

/* Decisions for one service, most specific first (qsort order). */
static int srmDecisionCmp(const void *pA, const void *pB){
  const SrmDecision *a = (const SrmDecision*)pA, *b = (const SrmDecision*)pB;
  int c;
  if( a->iService!=b->iService ) return a->iService<b->iService ? -1 : 1;
  if( a->iScope!=b->iScope ) return a->iScope>b->iScope ? -1 : 1;
  c = strcmp(b->zDecided, a->zDecided);
  if( c ) return c;
  return a->id>b->id ? -1 : (a->id<b->id ? 1 : 0);
}

static void qsortDecisions(SrmDecision *a, int n);

/* Load every decision.  SQLITE_OK, or an error code with *pzErr set. */
static int srmOverlayLoad(SrmOverlay *p, sqlite3_int64 iVersion, const char *zToday, char **pzErr){
  sqlite3_stmt *pStmt = 0;
  int rc, nAlloc = 0, i, nService = srmCount[SRM_COUNT_SERVICE];
  srmOverlayClear(p);
  rc = sqlite3_prepare_v2(p->db,
      "SELECT id, service, variant, control, owner, decided_on, coalesce(expires_on, ''),"
      " account, resource_arn FROM srm_decisions", -1, &pStmt, 0);
  if( rc!=SQLITE_OK ){
    *pzErr = sqlite3_mprintf("%s", sqlite3_errmsg(p->db));
    return rc;
  }
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    SrmDecision *d;
    SrmTarget t;
    const char *z;
    if( p->n>=nAlloc ){
      int nNew = nAlloc ? nAlloc*2 : 16;
      SrmDecision *aNew = sqlite3_realloc64(p->a, sizeof(SrmDecision)*(sqlite3_uint64)nNew);
      if( aNew==0 ){ rc = SQLITE_NOMEM; break; }
      p->a = aNew;
      nAlloc = nNew;
    }
    d = &p->a[p->n];
    memset(d, 0, sizeof(*d));
    z = (const char*)sqlite3_column_text(pStmt, 1);
    /* A row written without the extension loaded may hold a name: resolve
    ** it; one that no longer resolves (or names an unknown control) is
    ** skipped, as a decision on nothing. */
    if( z==0 || !srmResolve(z, strlen(z), &t) ) continue;
    d->iService = t.iService;
    z = (const char*)sqlite3_column_text(pStmt, 2);
    d->iVariant = z ? srmVariantFind(t.iService, z, strlen(z)) : 0;
    if( d->iVariant<0 ) continue;
    z = (const char*)sqlite3_column_text(pStmt, 3);
    d->iControl = z ? srmControlFind(z, strlen(z)) : -1;
    d->eOwner = srmOwnerCode((const char*)sqlite3_column_text(pStmt, 4));
    if( d->iControl<0 || d->eOwner==0 ) continue;
    d->id = sqlite3_column_int64(pStmt, 0);
    z = (const char*)sqlite3_column_text(pStmt, 5);
    if( z ) memcpy(d->zDecided, z, strlen(z)<10 ? strlen(z) : 10);
    z = (const char*)sqlite3_column_text(pStmt, 6);
    if( z ) memcpy(d->zExpires, z, strlen(z)<10 ? strlen(z) : 10);
    d->zAccount = srmDup(sqlite3_column_text(pStmt, 7));
    d->zArn = srmDup(sqlite3_column_text(pStmt, 8));
    if( (sqlite3_column_type(pStmt, 7)!=SQLITE_NULL && d->zAccount==0)
     || (sqlite3_column_type(pStmt, 8)!=SQLITE_NULL && d->zArn==0) ){
      sqlite3_free(d->zAccount);
      rc = SQLITE_NOMEM;
      break;
    }
    d->iScope = d->zArn ? 3 : d->zAccount ? 2 : d->iVariant ? 1 : 0;
    p->n++;
  }
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_DONE ){
    if( rc!=SQLITE_NOMEM ) *pzErr = sqlite3_mprintf("%s", sqlite3_errmsg(p->db));
    srmOverlayClear(p);
    return rc==SQLITE_NOMEM ? rc : SQLITE_ERROR;
  }
  qsortDecisions(p->a, p->n);
  /* Index: per service, the first decision of that service. */
  p->aSvcFirst = sqlite3_malloc64(sizeof(int)*(sqlite3_uint64)(nService + 1));
  for(p->nArnSlot=16; p->nArnSlot < 2*p->n; p->nArnSlot*=2){}
  p->aArnSlot = sqlite3_malloc64(sizeof(int)*(sqlite3_uint64)p->nArnSlot);
  if( p->aSvcFirst==0 || p->aArnSlot==0 ){
    srmOverlayClear(p);
    return SQLITE_NOMEM;
  }
  for(i=0; i<=nService; i++) p->aSvcFirst[i] = p->n;
  for(i=p->n-1; i>=0; i--) p->aSvcFirst[p->a[i].iService] = i;
  for(i=nService-1; i>=0; i--){
    if( p->aSvcFirst[i]==p->n || p->a[p->aSvcFirst[i]].iService!=i ){
      p->aSvcFirst[i] = p->aSvcFirst[i+1];
    }
  }
  /* ARN-scoped decisions chained by hash slot, most specific first. */
  for(i=0; i<p->nArnSlot; i++) p->aArnSlot[i] = -1;
  for(i=p->n-1; i>=0; i--){
    SrmDecision *d = &p->a[i];
    unsigned int h;
    if( d->zArn==0 ) continue;
    h = srmHash(d->zArn, strlen(d->zArn)) & (unsigned)(p->nArnSlot - 1);
    d->iNextSame = p->aArnSlot[h];
    p->aArnSlot[h] = i;
  }
  p->iVersion = iVersion;
  memcpy(p->zToday, zToday, 11);
  p->bLoaded = 1;
  return SQLITE_OK;
}

static void qsortDecisions(SrmDecision *a, int n){
  if( n>1 ) qsort(a, (size_t)n, sizeof(SrmDecision), srmDecisionCmp);
}

/*
** Make sure the cache matches srm_decisions.  Returns SQLITE_OK, or an
** error code with the error already set on ctx.
*/
static int srmOverlayRefresh(sqlite3_context *ctx, SrmOverlay *p){
  sqlite3_stmt *pStmt = 0;
  sqlite3_int64 iVersion = -1;
  char zToday[11] = "";
  char *zErr = 0;
  int rc;
  rc = sqlite3_prepare_v2(p->db,
      "SELECT n, date('now') FROM srm_decisions_version", -1, &pStmt, 0);
  if( rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
    return rc;
  }
  if( rc!=SQLITE_OK ){
    /* No overlay in this database: no decisions. */
    srmOverlayClear(p);
    p->bLoaded = 1;
    p->iVersion = -1;
    return SQLITE_OK;
  }
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    const char *z = (const char*)sqlite3_column_text(pStmt, 1);
    iVersion = sqlite3_column_int64(pStmt, 0);
    if( z && strlen(z)==10 ) memcpy(zToday, z, 11);
    rc = SQLITE_OK;
  }else if( rc==SQLITE_DONE ){
    rc = SQLITE_OK;
  }
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_OK ){
    if( rc==SQLITE_NOMEM ) sqlite3_result_error_nomem(ctx);
    else srmRefuse(ctx, sqlite3_mprintf("srm_decisions: %s", sqlite3_errmsg(p->db)));
    return rc;
  }
  if( p->bLoaded && p->iVersion==iVersion && strcmp(p->zToday, zToday)==0 ) return SQLITE_OK;
  rc = srmOverlayLoad(p, iVersion, zToday, &zErr);
  if( rc!=SQLITE_OK ){
    if( rc==SQLITE_NOMEM ) sqlite3_result_error_nomem(ctx);
    else srmRefuse(ctx, sqlite3_mprintf("srm_decisions: %s", zErr ? zErr : "cannot read"));
    sqlite3_free(zErr);
  }
  return rc;
}

/* ---- lookup ---- */

static int srmDecisionLive(const SrmOverlay *p, const SrmDecision *d){
  return d->zExpires[0]==0 || strcmp(d->zExpires, p->zToday)>=0;
}

/* Does decision d speak for control c of the slot's variant iVariant
** (1 + srmVariant index, or 0)?  2 when it names c, 1 through a composite,
** 0 not at all. */
static int srmDecisionCovers(const SrmDecision *d, int iControl, int iVariant, int iSlot){
  const SrmControl *pC = &srmControl[d->iControl];
  int k;
  if( d->iVariant && d->iVariant!=iVariant ) return 0;
  if( d->iControl==iControl ) return 2;
  if( pC->nPart==0 || srmControl[iControl].nPart ) return 0;
  for(k=0; k<pC->nPart; k++){
    if( pC->aPart[k]==iControl ){
      return srmCell[iSlot*SRM_NCONTROL + iControl].eOwner!=SRM_OWNER_AWS ? 1 : 0;
    }
  }
  return 0;
}

/*
** The decision that applies to control iControl of target t, x being the
** identifier asked about (an ARN gives resource and account scope), or -1.
*/
static int srmDecisionFind(const SrmOverlay *p, const SrmTarget *t, int iSlot,
                           int iControl, const char *zX, size_t nX){
  int iBest = -1, bBestDirect = 0, i, c;
  const char *az[6];
  size_t an[6];
  int bArn = srmArnSplit(zX, nX, az, an);
  if( p->n==0 ) return -1;
  if( bArn && p->nArnSlot ){
    unsigned int h = srmHash(zX, nX) & (unsigned)(p->nArnSlot - 1);
    /* The chain is in array order: most specific, latest first. */
    for(i=p->aArnSlot[h]; i>=0; i=p->a[i].iNextSame){
      const SrmDecision *d = &p->a[i];
      if( d->iService!=t->iService || strlen(d->zArn)!=nX || memcmp(d->zArn, zX, nX)!=0 ) continue;
      if( !srmDecisionLive(p, d) ) continue;
      c = srmDecisionCovers(d, iControl, t->iVariant, iSlot);
      if( c==0 ) continue;
      if( iBest<0 || (c==2 && !bBestDirect) ){ iBest = i; bBestDirect = c==2; }
    }
    if( iBest>=0 ) return iBest;
  }
  for(i=p->aSvcFirst[t->iService]; i<p->n && p->a[i].iService==t->iService; i++){
    const SrmDecision *d = &p->a[i];
    if( d->iScope==3 ) continue;
    if( iBest>=0 && d->iScope<p->a[iBest].iScope ) break;
    if( d->iScope==2 && (!bArn || an[3]!=strlen(d->zAccount)
                         || memcmp(az[3], d->zAccount, an[3])!=0) ) continue;
    if( !srmDecisionLive(p, d) ) continue;
    c = srmDecisionCovers(d, iControl, t->iVariant, iSlot);
    if( c==0 ) continue;
    if( iBest<0 || (c==2 && !bBestDirect) ){ iBest = i; bBestDirect = c==2; }
  }
  return iBest;
}

/* The effective owner of a base or composite control; *piDecision gets
** the decision used (-1 when derived or none). */
static int srmEffective(const SrmOverlay *p, const SrmTarget *t, int iSlot, int iControl,
                        const char *zX, size_t nX, int *piDecision){
  const SrmControl *pC = &srmControl[iControl];
  int iD = srmDecisionFind(p, t, iSlot, iControl, zX, nX);
  *piDecision = iD;
  if( iD>=0 ) return p->a[iD].eOwner;
  if( pC->nPart ){
    int k, e0 = 0, bSame = 1, bAny = 0;
    for(k=0; k<pC->nPart; k++){
      int iPartD, e = srmEffective(p, t, iSlot, pC->aPart[k], zX, nX, &iPartD);
      if( iPartD>=0 ) bAny = 1;
      if( k==0 ) e0 = e; else if( e!=e0 ) bSame = 0;
    }
    if( bAny ) return bSame ? e0 : SRM_OWNER_SHARED;
  }
  return srmCell[iSlot*SRM_NCONTROL + iControl].eOwner;
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
  const char *zX, *zC;
  size_t nX;
  int iControl, iSlot;
  SrmTarget t;
  if( sqlite3_value_type(argv[1])==SQLITE_NULL ) return 0;
  zC = (const char*)sqlite3_value_text(argv[1]);
  if( zC==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
  iControl = srmControlFind(zC, (size_t)sqlite3_value_bytes(argv[1]));
  if( iControl<0 ){
    srmRefuse(ctx, sqlite3_mprintf("unknown control '%.64s%s' (SELECT control FROM srm_controls)",
              zC, sqlite3_value_bytes(argv[1])>64 ? "..." : ""));
    return 0;
  }
  /* Once per statement when the control is a constant (SQLite keeps
  ** auxdata only then, and drops it when the statement is reset). */
  if( sqlite3_get_auxdata(ctx, 1)!=&srmOverlayChecked ){
    if( srmOverlayRefresh(ctx, p)!=SQLITE_OK ) return 0;
    sqlite3_set_auxdata(ctx, 1, (void*)&srmOverlayChecked, 0);
  }
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return 0;
  zX = (const char*)sqlite3_value_text(argv[0]);
  if( zX==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
  nX = (size_t)sqlite3_value_bytes(argv[0]);
  if( !srmResolve(zX, nX, &t) ) return 0;
  if( argc>2 && sqlite3_value_type(argv[2])!=SQLITE_NULL ){
    const char *zV = (const char*)sqlite3_value_text(argv[2]);
    int v;
    if( zV==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
    v = srmVariantFind(t.iService, zV, (size_t)sqlite3_value_bytes(argv[2]));
    if( v<0 ){
      const char *zSvc = srmService[t.iService].zId;
      srmRefuse(ctx, sqlite3_mprintf("unknown variant '%.64s%s' of service '%s'"
                " (SELECT variant FROM srm_variants WHERE service = '%s')",
                zV, sqlite3_value_bytes(argv[2])>64 ? "..." : "", zSvc, zSvc));
      return 0;
    }
    t.iVariant = v;
  }
  iSlot = srmSlot(&t);
  if( t.iVariant==0 && srmService[t.iService].nVariant ){
    /* No variant named: the default's decisions apply. */
    const SrmService *pS = &srmService[t.iService];
    t.iVariant = pS->iVariant + pS->iDefault + 1;
  }
  *peOwner = srmEffective(p, &t, iSlot, iControl, zX, nX, piDecision);
  return 1;
}

/* effective_responsibility(x, control [, variant]) */
static void srmEffectiveFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eOwner, iD;
  if( srmEffectiveArgs(ctx, argc, argv, &eOwner, &iD) ){
    sqlite3_result_text(ctx, srmEffOwnerName(eOwner), -1, SQLITE_STATIC);
  }
}

/* effective_decision(x, control [, variant]) */
static void srmEffectiveDecisionFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eOwner, iD;
  if( srmEffectiveArgs(ctx, argc, argv, &eOwner, &iD) && iD>=0 ){
    const SrmOverlay *p = (const SrmOverlay*)sqlite3_user_data(ctx);
    sqlite3_result_int64(ctx, p->a[iD].id);
  }
}

int srmRegisterOverlay(sqlite3 *db){
  SrmOverlay *p = sqlite3_malloc(sizeof(*p));
  int rc;
  if( p==0 ) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  p->db = db;
  /* The first registration owns the cache and frees it with the
  ** connection (or when the function is replaced). */
  rc = sqlite3_create_function_v2(db, "effective_responsibility", 2, SQLITE_UTF8, p,
                                  srmEffectiveFunc, 0, 0, srmOverlayFree);
  if( rc!=SQLITE_OK ) return rc;
  rc = sqlite3_create_function(db, "effective_responsibility", 3, SQLITE_UTF8, p,
                               srmEffectiveFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "effective_decision", 2, SQLITE_UTF8, p,
                                                   srmEffectiveDecisionFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "effective_decision", 3, SQLITE_UTF8, p,
                                                   srmEffectiveDecisionFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "srm_decision_check", 9,
                                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                                   0, srmDecisionCheckFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "srm_overlay_init", 0,
                                                   SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                                   0, srmOverlayInitFunc, 0, 0);
  return rc;
}
