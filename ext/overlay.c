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
**   a value holds a NUL byte
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
** user data, freed with the connection).  Loading drops the expired ones
** and indexes the rest: resource- and account-scoped decisions in hash
** tables keyed by (ARN or account, service, control), a decision on a
** composite entered once for the composite and once per part (marked as
** coming through the composite); and, per matrix slot and control of every
** service that has decisions, the answer of the service- and variant-scoped
** ones, with flags saying whether a resource or account decision could
** change it.  A row of a service without decisions costs one array load; one
** whose control no resource or account decision touches, two; the others
** hash the account (found while resolving the ARN) when account decisions
** exist, and the whole ARN only when resource decisions exist and a bit
** filter on its length and last bytes does not rule it out.
** Every write to srm_decisions bumps srm_decisions_version.n by trigger, in
** the same transaction; the cache reloads when that number or the date
** changes, checked once per statement when the control is a constant (its
** auxdata, the control found on the first row, marks the statement as
** checked) and once per row otherwise.  So ROLLBACK and other connections'
** commits are seen on the next statement.
** Without srm_decisions the functions answer as responsibility() does.
*/
#include <stdint.h>
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
  int nKey;                     /* bytes of zArn (scope 3) or zAccount (scope 2) */
  char zDecided[11];
  char zExpires[11];            /* "" when it never expires */
  char *zAccount;               /* NULL unless account scope */
  char *zArn;                   /* NULL unless resource scope */
};

/*
** One control a resource- or account-scoped decision speaks for: the one
** it names (bPart 0) or, for a decision on a composite, one of the parts
** (bPart 1; it applies where the model does not leave that part to AWS).
** The slots of an open-addressing table (linear probing, at most half
** full), entered in decision order, so that the hits of one key are met
** most specific, latest first.
*/
typedef struct SrmHit SrmHit;
struct SrmHit {
  unsigned int h;               /* srmHitHash(key, service, control) */
  int iDecision;                /* index in a[], or -1 for an empty slot */
  unsigned int iService : 16;
  unsigned int iControl : 15;
  unsigned int bPart : 1;
  int iVariant;                 /* the decision's */
};

/* What the service- and variant-scoped decisions say for one (slot, control). */
typedef struct SrmMemo SrmMemo;
struct SrmMemo {
  int iDecision;                /* the decision that applies to the control, or -1 */
  unsigned char eOwner;         /* the effective owner, when fScope has no SRM_MEMO_DYNAMIC */
  unsigned char fScope;         /* SRM_MEMO_* */
};
#define SRM_MEMO_RESOURCE 1     /* resource-scoped hits on this control */
#define SRM_MEMO_ACCOUNT  2     /* account-scoped hits on this control */
#define SRM_MEMO_DYNAMIC  4     /* hits on the control or, for a composite, a part */

typedef struct SrmOverlay SrmOverlay;
struct SrmOverlay {
  sqlite3 *db;
  int nRef;                     /* functions registered with it (srmOverlayUnref) */
  sqlite3_int64 iVersion;       /* srm_decisions_version.n when loaded */
  sqlite3_int64 iSchema;        /* the schema cookie when loaded (a dropped or
                                ** replaced srm_decisions moves no counter) */
  char zToday[11];
  int bLoaded;                  /* a cache is in place (maybe empty) */
  SrmDecision *a;               /* the decisions in force, by service, then precedence */
  int n;
  SrmHit *aRes;                 /* resource hits, mRes+1 slots */
  SrmHit *aAcct;                /* account hits, mAcct+1 slots */
  unsigned int mRes, mAcct;
  uint64_t *aResFilter;         /* a bit per srmArnTail() of the resource hits' ARNs */
  int nResFilterShift;          /* 64 - log2(bits) */
  int *aSvcMemo;                /* NULL when no decision is in force, else per service
                                ** the first of its aMemo[] entries (slots x controls) or -1 */
  SrmMemo *aMemo;
};

/* ---- validation ---- */

/* Is z (not NULL) a date YYYY-MM-DD? */
static int srmIsDate(const char *z){
  static const int aDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int i, y, m, d;
  if( strlen(z)!=10 || z[4]!='-' || z[7]!='-' ) return 0;
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
  if( strcmp(z, "third_party")==0 ) return SRM_OWNER_THIRD_PARTY;
  return srmOwnerFind(z, strlen(z));
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
  for(i=0; i<argc; i++){
    /* Names are read as C strings below: a NUL inside one would cut it. */
    const char *z = srmArgText(argv[i]);
    if( z && strlen(z)!=(size_t)sqlite3_value_bytes(argv[i]) ){
      srmRefuse(ctx, sqlite3_mprintf("a value holds a NUL byte"));
      return;
    }
  }
  if( zService && !srmResolve(zService, strlen(zService), &t) ){
    srmRefuse(ctx, sqlite3_mprintf("unknown service '%.64s' (SELECT service FROM srm_services)", zService));
    return;
  }
  if( zControl && srmControlFind(zControl, strlen(zControl))<0 ){
    srmRefuse(ctx, sqlite3_mprintf("unknown control '%.64s' (SELECT control FROM srm_controls)", zControl));
    return;
  }
  if( zService && zVariant && srmVariantFind(t.iService, zVariant, strlen(zVariant))<0 ){
    const char *zSvc = SRM_STR(srmService[t.iService].zId);
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
                                     zArn, SRM_STR(srmService[t.iService].zId)));
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
  /* All or nothing: in a savepoint, undone when a statement fails. */
  rc = sqlite3_exec(db, "SAVEPOINT srm_overlay_init", 0, 0, &zErr);
  if( rc==SQLITE_OK ){
    rc = sqlite3_exec(db, srmOverlaySchema, 0, 0, &zErr);
    if( rc!=SQLITE_OK ) sqlite3_exec(db, "ROLLBACK TO srm_overlay_init", 0, 0, 0);
    sqlite3_exec(db, "RELEASE srm_overlay_init", 0, 0, 0);
  }
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
  sqlite3_free(p->aRes);
  sqlite3_free(p->aAcct);
  sqlite3_free(p->aResFilter);
  sqlite3_free(p->aSvcMemo);
  sqlite3_free(p->aMemo);
  p->a = 0;
  p->n = 0;
  p->aRes = 0;
  p->aAcct = 0;
  p->mRes = p->mAcct = 0;
  p->aResFilter = 0;
  p->nResFilterShift = 0;
  p->aSvcMemo = 0;
  p->aMemo = 0;
  p->bLoaded = 0;
}

/* The destructor of each function registered with the cache: SQLite
** calls it once per registration, when the function is replaced, when the
** connection closes, or at once when the registration fails. */
static void srmOverlayUnref(void *pArg){
  SrmOverlay *p = (SrmOverlay*)pArg;
  if( --p->nRef>0 ) return;
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

/* A hash of the bytes of an ARN or account (exact, case and all), eight
** at a time; srmHitHash() mixes in the service and control. */
#define SRM_K2 0xff51afd7ed558ccdull
static uint64_t srmKeyHash(const char *z, size_t n){
  uint64_t h = (uint64_t)n * SRM_HASH_MUL;
  size_t i;
  if( n<8 ){
    h = (h ^ (n ? srmLoadShort(z, n) : 0)) * SRM_HASH_MUL;
    return h ^ (h >> 29);
  }
  for(i=0; i+8<n; i+=8){
    h = (h ^ srmLoad(z + i)) * SRM_HASH_MUL;
    h ^= h >> 29;
  }
  h = (h ^ srmLoad(z + n - 8)) * SRM_HASH_MUL;  /* the last 8 bytes, maybe again */
  return h ^ (h >> 29);
}
/* A cheaper hash of an ARN (at least 11 bytes), of its length and last 8
** bytes, for a filter that spares most ARNs without a decision the full
** hash. */
static uint64_t srmArnTail(const char *z, size_t n){
  return (srmLoad(z + n - 8) ^ (uint64_t)n) * SRM_K2;
}

static unsigned int srmHitHash(uint64_t hKey, int iService, int iControl){
  uint64_t h = (hKey ^ (((uint64_t)(unsigned)iService << 16) | (unsigned)iControl)) * SRM_K2;
  return (unsigned int)(h >> 32) ^ (unsigned int)h;
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

/* The variant whose decisions apply in matrix slot iSlot of service iService
** (1 + srmVariant index, or 0): a slot's own, the default's for the first. */
static int srmSlotVariant(int iService, int iSlot){
  const SrmService *pS = &srmService[iService];
  int k = iSlot - pS->iSlot;
  if( pS->nVariant==0 ) return 0;
  return pS->iVariant + 1 + (k==0 ? pS->iDefault : k - 1);
}

/* A hit table for n hits: the smallest power of two >= 2*n slots (at
** least 16), all empty. */
static SrmHit *srmHitTable(int n, unsigned int *pMask){
  SrmHit *a;
  int i, nSlot;
  for(nSlot=16; nSlot<2*n; nSlot*=2){}
  a = sqlite3_malloc64(sizeof(SrmHit)*(sqlite3_uint64)nSlot);
  if( a ){
    memset(a, 0, sizeof(SrmHit)*(size_t)nSlot);
    for(i=0; i<nSlot; i++) a[i].iDecision = -1;
  }
  *pMask = (unsigned int)nSlot - 1;
  return a;
}

/*
** Build the indexes over p->a[0..n), already sorted.  SQLITE_OK or
** SQLITE_NOMEM.
*/
static int srmOverlayIndex(SrmOverlay *p){
  int nService = srmCount[SRM_COUNT_SERVICE], nControl = SRM_NCONTROL;
  int i, j, c, s, nRes = 0, nAcct = 0, nMemo = 0;
  /* Hits: one per decision, plus one per part of a composite. */
  for(i=0; i<p->n; i++){
    const SrmDecision *d = &p->a[i];
    int nOne = 1 + srmControl[d->iControl].nPart;
    if( d->iScope==3 ) nRes += nOne;
    else if( d->iScope==2 ) nAcct += nOne;
  }
  if( nRes+nAcct ){
    p->aRes = srmHitTable(nRes, &p->mRes);
    p->aAcct = srmHitTable(nAcct, &p->mAcct);
    if( p->aRes==0 || p->aAcct==0 ) return SQLITE_NOMEM;
  }
  if( nRes ){
    int nBit;                   /* about 1 in 8 bits set: an ARN without a
                                ** decision passes 1 time in 8 */
    for(nBit=512, p->nResFilterShift=64-9; nBit<8*nRes; nBit*=2) p->nResFilterShift--;
    p->aResFilter = sqlite3_malloc64((sqlite3_uint64)nBit/8);
    if( p->aResFilter==0 ) return SQLITE_NOMEM;
    memset(p->aResFilter, 0, (size_t)nBit/8);
  }
  /* Entered in decision order: a probe meets a key's hits in that order. */
  for(i=0; i<p->n; i++){
    const SrmDecision *d = &p->a[i];
    const SrmControl *pC = &srmControl[d->iControl];
    uint64_t hKey;
    SrmHit *aTab;
    unsigned int m;
    if( d->iScope<2 ) continue;
    if( d->iScope==3 ){
      uint64_t b = srmArnTail(d->zArn, (size_t)d->nKey) >> p->nResFilterShift;
      p->aResFilter[b>>6] |= (uint64_t)1 << (b & 63);
      hKey = srmKeyHash(d->zArn, (size_t)d->nKey);
      aTab = p->aRes; m = p->mRes;
    }else{
      hKey = srmKeyHash(d->zAccount, (size_t)d->nKey);
      aTab = p->aAcct; m = p->mAcct;
    }
    for(j=-1; j<pC->nPart; j++){
      int iControl = j<0 ? d->iControl : pC->aPart[j];
      unsigned int h = srmHitHash(hKey, d->iService, iControl), k;
      SrmHit *e;
      for(k=h & m; aTab[k].iDecision>=0; k=(k+1) & m){}
      e = &aTab[k];
      e->h = h;
      e->iDecision = i;
      e->iService = (unsigned int)d->iService & 0xffff;
      e->iControl = (unsigned int)iControl & 0x7fff;
      e->bPart = j>=0;
      e->iVariant = d->iVariant;
    }
  }
  /* Memo: every slot and control of each service that has decisions. */
  p->aSvcMemo = sqlite3_malloc64(sizeof(int)*(sqlite3_uint64)(nService + 1));
  if( p->aSvcMemo==0 ) return SQLITE_NOMEM;
  for(s=0; s<nService; s++) p->aSvcMemo[s] = -1;
  for(i=0; i<p->n; i=j){
    s = p->a[i].iService;
    for(j=i; j<p->n && p->a[j].iService==s; j++){}
    p->aSvcMemo[s] = nMemo;
    nMemo += (1 + srmService[s].nVariant)*nControl;
  }
  /* nMemo>0: srmOverlayLoad() calls this only when p->n>0. */
  p->aMemo = sqlite3_malloc64(sizeof(SrmMemo)*(sqlite3_uint64)nMemo);
  if( p->aMemo==0 ) return SQLITE_NOMEM;
  memset(p->aMemo, 0, sizeof(SrmMemo)*(size_t)nMemo);
  for(i=0; nRes+nAcct && i<=(int)(p->mRes + 1 + p->mAcct); i++){
    const SrmHit *e = i<=(int)p->mRes ? &p->aRes[i] : &p->aAcct[i - (int)p->mRes - 1];
    const SrmService *pS;
    SrmMemo *m;
    int f = i<=(int)p->mRes ? SRM_MEMO_RESOURCE : SRM_MEMO_ACCOUNT;
    if( e->iDecision<0 ) continue;
    pS = &srmService[e->iService];
    m = &p->aMemo[p->aSvcMemo[e->iService] + e->iControl];
    for(j=0; j<=pS->nVariant; j++, m+=nControl) m->fScope |= (unsigned char)f;
  }
  for(i=0; i<p->n; i=j){
    const SrmService *pS;
    int k;
    s = p->a[i].iService;
    pS = &srmService[s];
    for(j=i; j<p->n && p->a[j].iService==s; j++){}
    for(k=0; k<=pS->nVariant; k++){
      int iSlot = pS->iSlot + k, iVariant = srmSlotVariant(s, iSlot);
      SrmMemo *aM = &p->aMemo[p->aSvcMemo[s] + k*nControl];
      const SrmCell *aCell = &srmCell[iSlot*nControl];
      /* Base controls first: composites are derived from them. */
      int bComposite;
      for(bComposite=0; bComposite<2; bComposite++){
        for(c=0; c<nControl; c++){
          const SrmControl *pC = &srmControl[c];
          SrmMemo *m = &aM[c];
          int iBest = -1, bBestDirect = 0, x;
          if( (pC->nPart!=0)!=bComposite ) continue;
          /* The variant, then the service scope, as srmDecisionCovers says. */
          for(x=i; x<j; x++){
            const SrmDecision *d = &p->a[x];
            int cov;
            if( d->iScope>=2 ) continue;
            if( iBest>=0 && d->iScope<p->a[iBest].iScope ) break;
            cov = srmDecisionCovers(d, c, iVariant, iSlot);
            if( cov==0 ) continue;
            if( iBest<0 || (cov==2 && !bBestDirect) ){ iBest = x; bBestDirect = cov==2; }
          }
          m->iDecision = iBest;
          if( m->fScope ) m->fScope |= SRM_MEMO_DYNAMIC;
          if( iBest>=0 ){
            m->eOwner = (unsigned char)p->a[iBest].eOwner;
          }else{
            m->eOwner = aCell[c].eOwner;
            if( pC->nPart ){
              int e0 = 0, bSame = 1, bAny = 0, q;
              for(q=0; q<pC->nPart; q++){
                const SrmMemo *mp = &aM[pC->aPart[q]];
                if( mp->iDecision>=0 ) bAny = 1;
                if( q==0 ) e0 = mp->eOwner; else if( mp->eOwner!=e0 ) bSame = 0;
              }
              if( bAny ) m->eOwner = (unsigned char)(bSame ? e0 : SRM_OWNER_SHARED);
            }
          }
          if( pC->nPart ){
            int q;
            for(q=0; q<pC->nPart; q++){
              if( aM[pC->aPart[q]].fScope & SRM_MEMO_DYNAMIC ) m->fScope |= SRM_MEMO_DYNAMIC;
            }
          }
        }
      }
    }
  }
  return SQLITE_OK;
}

/* Load every decision in force today.  SQLITE_OK, or an error code with
** *pzErr set. */
static int srmOverlayLoad(SrmOverlay *p, sqlite3_int64 iVersion, sqlite3_int64 iSchema,
                          const char *zToday, char **pzErr){
  sqlite3_stmt *pStmt = 0;
  int rc, nAlloc = 0;
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
    /* Expired: it does not apply (the cache reloads when the date changes). */
    if( d->zExpires[0] && strcmp(d->zExpires, zToday)<0 ) continue;
    d->zAccount = srmDup(sqlite3_column_text(pStmt, 7));
    d->zArn = srmDup(sqlite3_column_text(pStmt, 8));
    if( (sqlite3_column_type(pStmt, 7)!=SQLITE_NULL && d->zAccount==0)
     || (sqlite3_column_type(pStmt, 8)!=SQLITE_NULL && d->zArn==0) ){
      sqlite3_free(d->zAccount);
      sqlite3_free(d->zArn);
      rc = SQLITE_NOMEM;
      break;
    }
    d->iScope = d->zArn ? 3 : d->zAccount ? 2 : d->iVariant ? 1 : 0;
    if( d->iScope==3 ){
      const char *az[6];
      size_t an[6];
      d->nKey = (int)strlen(d->zArn);
      /* Only an ARN is ever asked about as a resource: a decision on
      ** anything else (written without the extension) applies to nothing. */
      if( !srmArnSplit(d->zArn, (size_t)d->nKey, az, an) ){
        sqlite3_free(d->zAccount);
        sqlite3_free(d->zArn);
        continue;
      }
    }else if( d->iScope==2 ){
      d->nKey = (int)strlen(d->zAccount);
    }
    p->n++;
  }
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_DONE ){
    if( rc!=SQLITE_NOMEM ) *pzErr = sqlite3_mprintf("%s", sqlite3_errmsg(p->db));
    srmOverlayClear(p);
    return rc==SQLITE_NOMEM ? rc : SQLITE_ERROR;
  }
  if( p->n>1 ) qsort(p->a, (size_t)p->n, sizeof(SrmDecision), srmDecisionCmp);
  if( p->n && srmOverlayIndex(p)!=SQLITE_OK ){
    srmOverlayClear(p);
    return SQLITE_NOMEM;
  }
  p->iVersion = iVersion;
  p->iSchema = iSchema;
  memcpy(p->zToday, zToday, 11);
  p->bLoaded = 1;
  return SQLITE_OK;
}

/*
** Make sure the cache matches srm_decisions.  Returns SQLITE_OK, or an
** error code with the error already set on ctx.
*/
static int srmOverlayRefresh(sqlite3_context *ctx, SrmOverlay *p){
  sqlite3_stmt *pStmt = 0;
  sqlite3_int64 iVersion = -1, iSchema = -1;
  char zToday[11] = "";
  char *zErr = 0;
  int rc;
  rc = sqlite3_prepare_v2(p->db,
      "SELECT n, date('now'), (SELECT schema_version FROM pragma_schema_version)"
      " FROM srm_decisions_version", -1, &pStmt, 0);
  if( rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
    return rc;
  }
  if( rc!=SQLITE_OK ){
    const char *zMsg = sqlite3_errmsg(p->db);
    if( strncmp(zMsg, "no such table: ", 15)==0 ){
      /* No overlay in this database: no decisions. */
      srmOverlayClear(p);
      p->bLoaded = 1;
      p->iVersion = -1;
      return SQLITE_OK;
    }
    /* Anything else (an authorizer, a broken schema) is not "no
    ** decisions": say so rather than answer without them. */
    srmRefuse(ctx, sqlite3_mprintf("srm_decisions: %s", zMsg));
    return rc;
  }
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    const char *z = (const char*)sqlite3_column_text(pStmt, 1);
    iVersion = sqlite3_column_int64(pStmt, 0);
    iSchema = sqlite3_column_int64(pStmt, 2);
    if( z && strlen(z)==10 ) memcpy(zToday, z, 11);
    rc = SQLITE_OK;
  }else if( rc==SQLITE_DONE ){
    /* Without its row the counter cannot move, and the cache would never
    ** see another write. */
    sqlite3_finalize(pStmt);
    srmRefuse(ctx, sqlite3_mprintf("srm_decisions: srm_decisions_version has no row"
                                   " (SELECT srm_overlay_init() puts it back)"));
    return SQLITE_ERROR;
  }
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_OK ){
    if( rc==SQLITE_NOMEM ) sqlite3_result_error_nomem(ctx);
    else srmRefuse(ctx, sqlite3_mprintf("srm_decisions: %s", sqlite3_errmsg(p->db)));
    return rc;
  }
  if( p->bLoaded && p->iVersion==iVersion && p->iSchema==iSchema
   && strcmp(p->zToday, zToday)==0 ) return SQLITE_OK;
  rc = srmOverlayLoad(p, iVersion, iSchema, zToday, &zErr);
  if( rc!=SQLITE_OK ){
    if( rc==SQLITE_NOMEM ) sqlite3_result_error_nomem(ctx);
    else srmRefuse(ctx, sqlite3_mprintf("srm_decisions: %s", zErr ? zErr : "cannot read"));
    sqlite3_free(zErr);
  }
  return rc;
}

/* ---- lookup ---- */

/* One question: x (zX[0..nX)) in matrix slot iSlot of service iService,
** whose decisions of variant iVariant apply; aM is the slot's memo. */
typedef struct SrmAsk SrmAsk;
struct SrmAsk {
  const SrmOverlay *p;
  const SrmMemo *aM;
  const char *zX;
  size_t nX;
  int iService, iVariant, iSlot;
  const char *zAccount;         /* x's account when x is an ARN, else NULL */
  size_t nAccount;
  int bArnHash;                 /* 1 hArn computed, -1 x has no resource decision, 0 not yet */
  int bAccountHash;             /* hAccount computed */
  uint64_t hArn, hAccount;
};

/* The first decision of the chain for key zKey[0..nKey) that names
** iControl, else the first that covers it through a composite, or -1. */
static inline int srmHitFind(const SrmAsk *q, const SrmHit *aTab, unsigned int m, uint64_t hKey,
                             int iControl, const char *zKey, size_t nKey, int bResource){
  const SrmOverlay *p = q->p;
  unsigned int h = srmHitHash(hKey, q->iService, iControl), k;
  int iPart = -1;
  for(k=h & m; aTab[k].iDecision>=0; k=(k+1) & m){
    const SrmHit *e = &aTab[k];
    const SrmDecision *d;
    if( e->h!=h || e->iControl!=(unsigned int)iControl || e->iService!=(unsigned int)q->iService ) continue;
    if( e->iVariant && e->iVariant!=q->iVariant ) continue;
    d = &p->a[e->iDecision];
    if( (size_t)d->nKey!=nKey || memcmp(bResource ? d->zArn : d->zAccount, zKey, nKey)!=0 ) continue;
    if( !e->bPart ) return e->iDecision;
    if( iPart<0 && srmCell[q->iSlot*SRM_NCONTROL + iControl].eOwner!=SRM_OWNER_AWS ){
      iPart = e->iDecision;
    }
  }
  return iPart;
}

/* The decision that applies to control iControl, or -1: the resource's,
** then the account's, then the variant's or service's. */
static int srmDecisionFind(SrmAsk *q, int iControl){
  const SrmOverlay *p = q->p;
  int f = q->aM[iControl].fScope, iD;
  /* Only an ARN (it has an account, maybe empty) can be a resource's. */
  if( (f & SRM_MEMO_RESOURCE) && q->zAccount ){
    if( q->bArnHash==0 ){
      uint64_t b = srmArnTail(q->zX, q->nX) >> p->nResFilterShift;
      if( p->aResFilter[b>>6] & ((uint64_t)1 << (b & 63)) ){
        q->hArn = srmKeyHash(q->zX, q->nX);
        q->bArnHash = 1;
      }else{
        q->bArnHash = -1;       /* no resource decision on x */
      }
    }
    if( q->bArnHash>0 ){
      iD = srmHitFind(q, p->aRes, p->mRes, q->hArn, iControl, q->zX, q->nX, 1);
      if( iD>=0 ) return iD;
    }
  }
  if( (f & SRM_MEMO_ACCOUNT) && q->zAccount ){
    if( !q->bAccountHash ){ q->hAccount = srmKeyHash(q->zAccount, q->nAccount); q->bAccountHash = 1; }
    iD = srmHitFind(q, p->aAcct, p->mAcct, q->hAccount, iControl, q->zAccount, q->nAccount, 0);
    if( iD>=0 ) return iD;
  }
  return q->aM[iControl].iDecision;
}

/* The effective owner of a base or composite control; *piDecision gets
** the decision used (-1 when derived or none). */
static int srmEffective(SrmAsk *q, int iControl, int *piDecision){
  const SrmControl *pC = &srmControl[iControl];
  const SrmMemo *m = &q->aM[iControl];
  int iD;
  if( (m->fScope & SRM_MEMO_DYNAMIC)==0 ){
    /* No resource or account decision could change the memo's answer. */
    *piDecision = m->iDecision;
    return m->eOwner;
  }
  iD = srmDecisionFind(q, iControl);
  *piDecision = iD;
  if( iD>=0 ) return q->p->a[iD].eOwner;
  if( pC->nPart ){
    int k, e0 = 0, bSame = 1, bAny = 0;
    for(k=0; k<pC->nPart; k++){
      int iPartD, e = srmEffective(q, pC->aPart[k], &iPartD);
      if( iPartD>=0 ) bAny = 1;
      if( k==0 ) e0 = e; else if( e!=e0 ) bSame = 0;
    }
    if( bAny ) return bSame ? e0 : SRM_OWNER_SHARED;
  }
  return srmCell[q->iSlot*SRM_NCONTROL + iControl].eOwner;
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
  /* A constant control was found, and the cache checked, on the first row
  ** of this statement (SQLite keeps auxdata only for a constant argument,
  ** and drops it when the statement is reset). */
  const SrmControl *pControl = (const SrmControl*)sqlite3_get_auxdata(ctx, 1);
  const char *zX, *zAccount;
  size_t nX, nAccount;
  int iControl, iSlot, iMemo;
  SrmTarget t;
  if( pControl ){
    iControl = (int)(pControl - srmControl);
  }else{
    const char *zC;
    if( sqlite3_value_type(argv[1])==SQLITE_NULL ) return 0;
    zC = (const char*)sqlite3_value_text(argv[1]);
    if( zC==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
    iControl = srmControlFind(zC, (size_t)sqlite3_value_bytes(argv[1]));
    if( iControl<0 ){
      srmRefuse(ctx, sqlite3_mprintf("unknown control '%.64s%s' (SELECT control FROM srm_controls)",
                zC, sqlite3_value_bytes(argv[1])>64 ? "..." : ""));
      return 0;
    }
    if( srmOverlayRefresh(ctx, p)!=SQLITE_OK ) return 0;
    sqlite3_set_auxdata(ctx, 1, (void*)&srmControl[iControl], 0);
  }
  zX = (const char*)sqlite3_value_text(argv[0]);
  if( zX==0 ){
    if( sqlite3_value_type(argv[0])!=SQLITE_NULL ) sqlite3_result_error_nomem(ctx);
    return 0;
  }
  nX = (size_t)sqlite3_value_bytes(argv[0]);
  if( !srmResolveAccount(zX, nX, &t, &zAccount, &nAccount) ) return 0;
  if( argc>2 && sqlite3_value_type(argv[2])!=SQLITE_NULL ){
    const char *zV = (const char*)sqlite3_value_text(argv[2]);
    int v;
    if( zV==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
    v = srmVariantFind(t.iService, zV, (size_t)sqlite3_value_bytes(argv[2]));
    if( v<0 ){
      const char *zSvc = SRM_STR(srmService[t.iService].zId);
      srmRefuse(ctx, sqlite3_mprintf("unknown variant '%.64s%s' of service '%s'"
                " (SELECT variant FROM srm_variants WHERE service = '%s')",
                zV, sqlite3_value_bytes(argv[2])>64 ? "..." : "", zSvc, zSvc));
      return 0;
    }
    t.iVariant = v;
  }
  iSlot = srmSlot(&t);
  if( p->aSvcMemo==0 || (iMemo = p->aSvcMemo[t.iService])<0 ){
    /* No decision in force for this service: the model's answer. */
    *piDecision = -1;
    *peOwner = srmCell[iSlot*SRM_NCONTROL + iControl].eOwner;
  }else{
    SrmAsk q;
    q.p = p;
    q.aM = &p->aMemo[iMemo + (iSlot - srmService[t.iService].iSlot)*SRM_NCONTROL];
    q.zX = zX;
    q.nX = nX;
    q.iService = t.iService;
    q.iSlot = iSlot;
    /* No variant named: the default's decisions apply. */
    q.iVariant = srmSlotVariant(t.iService, iSlot);
    q.zAccount = zAccount;
    q.nAccount = nAccount;
    q.bArnHash = q.bAccountHash = 0;
    q.hArn = q.hAccount = 0;
    *peOwner = srmEffective(&q, iControl, piDecision);
  }
  return 1;
}

/* effective_responsibility(x, control [, variant]) */
static void srmEffectiveFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  static const int anOwner[] = {0, 3, 8, 6, 11};  /* aws, customer, shared, third_party */
  int eOwner, iD;
  if( srmEffectiveArgs(ctx, argc, argv, &eOwner, &iD) ){
    sqlite3_result_text(ctx, srmEffOwnerName(eOwner), anOwner[eOwner], SQLITE_STATIC);
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
  static const struct {
    const char *zName;
    int nArg;
    void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
  } aFunc[] = {
    { "effective_responsibility", 2, srmEffectiveFunc },
    { "effective_responsibility", 3, srmEffectiveFunc },
    { "effective_decision",       2, srmEffectiveDecisionFunc },
    { "effective_decision",       3, srmEffectiveDecisionFunc },
  };
  SrmOverlay *p = sqlite3_malloc(sizeof(*p));
  int rc = SQLITE_OK;
  size_t i;
  if( p==0 ) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  p->db = db;
  /* The cache lives as long as one of its functions: each registration
  ** holds a reference, so that a second sqlite3_srm_init() on this
  ** connection that fails half-way leaves no function with a freed cache. */
  for(i=0; rc==SQLITE_OK && i<sizeof(aFunc)/sizeof(aFunc[0]); i++){
    p->nRef++;
    rc = sqlite3_create_function_v2(db, aFunc[i].zName, aFunc[i].nArg, SQLITE_UTF8, p,
                                    aFunc[i].xFunc, 0, 0, srmOverlayUnref);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "srm_decision_check", 9,
                                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                                   0, srmDecisionCheckFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "srm_overlay_init", 0,
                                                   SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                                   0, srmOverlayInitFunc, 0, 0);
  return rc;
}
