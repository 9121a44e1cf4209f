/*
** overlay.c: each connection's cache of the organization's decisions in
** force, and the answers it gives (effective.c asks).
**
** What the cache follows.  The decisions are the table srm_decisions as an
** unqualified name resolves it: in temp, then main, then the attached
** schemas in the order they were attached (S below).  Once per statement
** (effective.c keeps a mark in the statement's auxiliary data) the cache
** checks, with three short queries of its own:
**
**   1. the schema objects named srm_decisions or srm_decisions_version, or
**      on those tables, in every schema: a fingerprint of their type,
**      name, table, root page and SQL.  When it changed, the overlay is
**      checked again: srm_decisions in S must be an ordinary table (not a
**      view, not a virtual table) with srm's columns, none of them
**      generated; srm_decisions_version must be an ordinary table of S;
**      srm's three triggers must be there as srm makes them, and no other
**      trigger may sit on the two tables (in S or temp): a trigger could
**      hide a write from the counter.  Anything else is an error naming
**      what is wrong, never a silent "no decisions";
**   2. srm_decisions_version.n, which srm's triggers set to a new random
**      number at every write, in the writer's transaction: a ROLLBACK
**      brings back the number of the content it brings back, and a number
**      once replaced is never seen again with other content;
**   3. today's date, date('now') (UTC): decisions expire at midnight UTC.
**
** When all three match what the cache was loaded from, it is used as it
** is; otherwise it is reloaded from "S".srm_decisions.  Every row is
** checked as srm_decision_check() checks a new one (a row written some
** other way is an error naming its id, not a decision quietly dropped);
** expired decisions are left out.  No load can start while another runs:
** a function called back from within the reading (it cannot be, through a
** real table, but the guard costs nothing) is an error.
**
** Without srm_decisions anywhere there are no decisions.
**
** The index.  Decisions are sorted by service, then scope (resource,
** account, variant, service), then the later decided_on, then the higher
** id.  Resource- and account-scoped ones go into hash tables keyed by
** (ARN or account, service, control), a decision on a composite entered
** once for it and once per part (marked as coming through the composite).
** Per matrix slot and control of every service that has decisions, a memo
** holds the answer of the service- and variant-scoped ones, with flags
** saying whether a resource or account decision could change it.  A row
** of a service without decisions costs one array load; one whose control
** no resource or account decision touches, two; the others hash the
** account when account decisions exist, and the whole ARN only when
** resource decisions exist and a bit filter on its length and last bytes
** does not rule it out.
**
** Decisions never apply to a cell the model says does not apply
** (not_applicable): nobody performs it, whatever was decided.  A decision
** on a composite applies to each of its parts that the model leaves
** neither to AWS nor to nobody, and to the composite itself when there is
** at least one such part.  A composite with no
** decision of its own is derived from its parts by srmCompose(), each
** third party counting as one owner.
*/
#include <stdlib.h>
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "overlay.h"

/*
** One control a resource- or account-scoped decision speaks for: the one
** it names (bPart 0) or, for a decision on a composite, one of the parts
** (bPart 1).  The slots of an open-addressing table (linear probing, at
** most half full), entered in decision order, so that the hits of one key
** are met most specific, latest first.
*/
typedef struct SrmHit SrmHit;
struct SrmHit {
  unsigned int h;               /* srmHitHash(key, service, control) */
  int iDecision;                /* index in a[], or -1 for an empty slot */
  unsigned int iService : 16;   /* mkdata.c checks that these fit */
  unsigned int iControl : 15;
  unsigned int bPart : 1;
  int iVariant;                 /* the decision's */
};

/* What the service- and variant-scoped decisions say for one (slot, control). */
typedef struct SrmMemo SrmMemo;
struct SrmMemo {
  int iDecision;                /* the decision that applies to the control, or -1 */
  unsigned char eOwner;         /* the effective owner, unless SRM_MEMO_DYNAMIC */
  unsigned char fScope;         /* SRM_MEMO_* */
};
#define SRM_MEMO_RESOURCE 1     /* resource-scoped hits on this control */
#define SRM_MEMO_ACCOUNT  2     /* account-scoped hits on this control */
#define SRM_MEMO_DYNAMIC  4     /* hits on the control or, for a composite, a part */

/* The decisions in force and their index. */
typedef struct SrmCache SrmCache;
struct SrmCache {
  SrmDecision *a;               /* by service, then precedence */
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

struct SrmOverlay {
  sqlite3 *db;
  int nRef;                     /* functions and tables registered with it */
  int bBusy;                    /* a refresh is running */
  int bLoaded;                  /* c matches the four below */
  char *zFinger;                /* the schema objects it was checked against */
  char *zDb;                    /* the schema of srm_decisions, NULL for none */
  sqlite3_int64 iNonce;         /* srm_decisions_version.n */
  char zToday[11];              /* date('now') */
  SrmCache c;
};

/* ---- the cache's memory ---- */

static void srmCacheClear(SrmCache *c){
  int i;
  for(i=0; i<c->n; i++){
    sqlite3_free(c->a[i].zAccount);
    sqlite3_free(c->a[i].zArn);
  }
  sqlite3_free(c->a);
  sqlite3_free(c->aRes);
  sqlite3_free(c->aAcct);
  sqlite3_free(c->aResFilter);
  sqlite3_free(c->aSvcMemo);
  sqlite3_free(c->aMemo);
  memset(c, 0, sizeof(*c));
}

SrmOverlay *srmOverlayNew(sqlite3 *db){
  SrmOverlay *p = sqlite3_malloc(sizeof(*p));
  if( p ){
    memset(p, 0, sizeof(*p));
    p->db = db;
  }
  return p;
}

void srmOverlayRef(SrmOverlay *p){
  p->nRef++;
}

/* The destructor of each function or table registered with the cache:
** SQLite calls it once per registration, when it is replaced, when the
** connection closes, or at once when the registration fails. */
void srmOverlayUnref(void *pArg){
  SrmOverlay *p = (SrmOverlay*)pArg;
  if( --p->nRef>0 ) return;
  srmCacheClear(&p->c);
  sqlite3_free(p->zFinger);
  sqlite3_free(p->zDb);
  sqlite3_free(p);
}

/* ---- the index ---- */

/* Decisions for one service, most specific first (qsort order). */
static int srmDecisionCmp(const void *pA, const void *pB){
  const SrmDecision *a = (const SrmDecision*)pA, *b = (const SrmDecision*)pB;
  int c;
  if( a->iService!=b->iService ) return a->iService<b->iService ? -1 : 1;
  if( a->iScope!=b->iScope ) return a->iScope>b->iScope ? -1 : 1;
  c = strcmp(b->zDecided, a->zDecided);
  if( c ) return c;
  assert( a->id!=b->id );                     /* INTEGER PRIMARY KEY */
  return (b->id > a->id) - (b->id < a->id);   /* the higher id first */
}

/* A hash of the bytes of an ARN or account (exact, case and all), eight
** at a time; srmHitHash() mixes in the service and control. */
#define SRM_K2 0xff51afd7ed558ccdull
static uint64_t srmKeyHash(const char *z, size_t n){
  uint64_t h = (uint64_t)n * SRM_HASH_MUL;
  size_t i;
  assert( n>0 );                              /* an ARN or a 12-digit account */
  if( n<8 ){
    h = (h ^ srmLoadShort(z, n)) * SRM_HASH_MUL;
    return h ^ (h >> 29);
  }
  for(i=0; i+8<n; i+=8){
    h = (h ^ srmLoad(z + i)) * SRM_HASH_MUL;
    h ^= h >> 29;
  }
  h = (h ^ srmLoad(z + n - 8)) * SRM_HASH_MUL;  /* the last 8 bytes, maybe again */
  return h ^ (h >> 29);
}
/* A cheaper hash of an ARN (at least 8 bytes), of its length and last 8
** bytes, for a filter that spares most ARNs without a decision the full
** hash. */
static uint64_t srmArnTail(const char *z, size_t n){
  return (srmLoad(z + n - 8) ^ (uint64_t)n) * SRM_K2;
}

static unsigned int srmHitHash(uint64_t hKey, int iService, int iControl){
  uint64_t h = (hKey ^ (((uint64_t)(unsigned)iService << 16) | (unsigned)iControl)) * SRM_K2;
#ifdef SRM_COVERAGE_TEST
  /* Four hashes in all: entries of other keys, services and controls share
  ** a hash, so that the tests take the compares after it. */
  return ((unsigned int)(h >> 32) ^ (unsigned int)h) & 3u;
#else
  return (unsigned int)(h >> 32) ^ (unsigned int)h;
#endif
}

/* Does the model leave control iControl of slot iSlot to someone other
** than AWS (so that a decision on a composite reaches it)? */
static int srmPartDecidable(int iSlot, int iControl){
  int e = srmCellAt(iSlot, iControl)->eOwner;
  return e!=SRM_OWNER_AWS && e!=SRM_OWNER_NA;
}

/* Can a decision naming control iControl apply in slot iSlot?  Not to a
** control that does not apply there, nor to a composite none of whose
** parts a decision could reach (a key pair's patch_management: the host
** OS is AWS's, the rest does not apply). */
static int srmNamedDecidable(int iSlot, int iControl){
  const SrmControl *pC = &srmControl[iControl];
  int k;
  if( srmCellAt(iSlot, iControl)->eOwner==SRM_OWNER_NA ) return 0;
  if( pC->nPart==0 ) return 1;
  for(k=0; k<pC->nPart; k++){
    if( srmPartDecidable(iSlot, pC->aPart[k]) ) return 1;
  }
  return 0;
}

/* Does decision d speak for control c of slot iSlot, whose variant is
** iVariant (1 + srmVariant index, or 0)?  2 when it names c, 1 through a
** composite, 0 not at all. */
static int srmDecisionCovers(const SrmDecision *d, int iControl, int iVariant, int iSlot){
  const SrmControl *pC = &srmControl[d->iControl];
  int k;
  if( d->iVariant && d->iVariant!=iVariant ) return 0;
  if( d->iControl==iControl ) return srmNamedDecidable(iSlot, iControl) ? 2 : 0;
  if( pC->nPart==0 || srmControl[iControl].nPart ) return 0;
  for(k=0; k<pC->nPart; k++){
    if( pC->aPart[k]==iControl ) return srmPartDecidable(iSlot, iControl);
  }
  return 0;
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

/* The memo of slot iSlot (of service s, which has decisions i..j-1 of
** c->a): base controls first, since composites derive from them. */
static void srmMemoSlot(SrmCache *c, int s, int i, int j, int iSlot, SrmMemo *aM){
  int nControl = SRM_NCONTROL, iVariant = srmSlotVariant(s, iSlot), bComposite, k;
  for(bComposite=0; bComposite<2; bComposite++){
    for(k=0; k<nControl; k++){
      const SrmControl *pC = &srmControl[k];
      SrmMemo *m = &aM[k];
      int iBest = -1, bBestDirect = 0, x, q;
      if( (pC->nPart!=0)!=bComposite ) continue;
      /* The variant, then the service scope, as srmDecisionCovers() says. */
      for(x=i; x<j; x++){
        const SrmDecision *d = &c->a[x];
        int cov;
        if( d->iScope>=SRM_SCOPE_ACCOUNT ) continue;
        if( iBest>=0 && d->iScope<c->a[iBest].iScope ) break;
        cov = srmDecisionCovers(d, k, iVariant, iSlot);
        if( cov==0 ) continue;
        if( iBest<0 || (cov==2 && !bBestDirect) ){ iBest = x; bBestDirect = cov==2; }
      }
      m->iDecision = iBest;
      if( m->fScope ) m->fScope |= SRM_MEMO_DYNAMIC;
      if( iBest>=0 ){
        m->eOwner = (unsigned char)c->a[iBest].eOwner;
      }else if( pC->nPart ){
        unsigned char aOwner[SRM_MAX_PARTS];
        for(q=0; q<pC->nPart; q++) aOwner[q] = aM[pC->aPart[q]].eOwner;
        m->eOwner = (unsigned char)srmCompose(aOwner, pC->nPart);
      }else{
        m->eOwner = srmCellAt(iSlot, k)->eOwner;
      }
      for(q=0; q<pC->nPart; q++){
        if( aM[pC->aPart[q]].fScope & SRM_MEMO_DYNAMIC ) m->fScope |= SRM_MEMO_DYNAMIC;
      }
    }
  }
}

/* Build the indexes over c->a[0..n), already sorted.  SQLITE_OK or
** SQLITE_NOMEM. */
static int srmCacheIndex(SrmCache *c){
  int nService = srmCount[SRM_COUNT_SERVICE], nControl = SRM_NCONTROL;
  int i, j, s, nRes = 0, nAcct = 0, nMemo = 0;
  /* Hits: one per decision, plus one per part of a composite. */
  for(i=0; i<c->n; i++){
    const SrmDecision *d = &c->a[i];
    int nOne = 1 + srmControl[d->iControl].nPart;
    if( d->iScope==SRM_SCOPE_RESOURCE ) nRes += nOne;
    else if( d->iScope==SRM_SCOPE_ACCOUNT ) nAcct += nOne;
  }
  if( nRes+nAcct ){
    c->aRes = srmHitTable(nRes, &c->mRes);
    c->aAcct = srmHitTable(nAcct, &c->mAcct);
    if( c->aRes==0 || c->aAcct==0 ) return SQLITE_NOMEM;
  }
  if( nRes ){
    int nBit;                   /* about 1 in 8 bits set: an ARN without a
                                ** decision passes 1 time in 8 */
    for(nBit=512, c->nResFilterShift=64-9; nBit<8*nRes; nBit*=2) c->nResFilterShift--;
    c->aResFilter = sqlite3_malloc64((sqlite3_uint64)nBit/8);
    if( c->aResFilter==0 ) return SQLITE_NOMEM;
    memset(c->aResFilter, 0, (size_t)nBit/8);
  }
  /* Entered in decision order: a probe meets a key's hits in that order. */
  for(i=0; i<c->n; i++){
    const SrmDecision *d = &c->a[i];
    const SrmControl *pC = &srmControl[d->iControl];
    uint64_t hKey;
    SrmHit *aTab;
    unsigned int m;
    if( d->iScope<SRM_SCOPE_ACCOUNT ) continue;
    if( d->iScope==SRM_SCOPE_RESOURCE ){
      uint64_t b = srmArnTail(d->zArn, (size_t)d->nKey) >> c->nResFilterShift;
      c->aResFilter[b>>6] |= (uint64_t)1 << (b & 63);
      hKey = srmKeyHash(d->zArn, (size_t)d->nKey);
      aTab = c->aRes; m = c->mRes;
    }else{
      hKey = srmKeyHash(d->zAccount, (size_t)d->nKey);
      aTab = c->aAcct; m = c->mAcct;
    }
    for(j=-1; j<pC->nPart; j++){
      int iControl = j<0 ? d->iControl : pC->aPart[j];
      unsigned int h = srmHitHash(hKey, d->iService, iControl), k;
      SrmHit *e;
      for(k=h & m; aTab[k].iDecision>=0; k=(k+1) & m){}
      e = &aTab[k];
      e->h = h;
      e->iDecision = i;
      e->iService = (unsigned int)d->iService;
      e->iControl = (unsigned int)iControl;
      e->bPart = j>=0;
      e->iVariant = d->iVariant;
    }
  }
  /* Memo: every slot and control of each service that has decisions. */
  c->aSvcMemo = sqlite3_malloc64(sizeof(int)*(sqlite3_uint64)(nService + 1));
  if( c->aSvcMemo==0 ) return SQLITE_NOMEM;
  for(s=0; s<nService; s++) c->aSvcMemo[s] = -1;
  for(i=0; i<c->n; i=j){
    s = c->a[i].iService;
    for(j=i; j<c->n && c->a[j].iService==s; j++){}
    c->aSvcMemo[s] = nMemo;
    nMemo += srmSlotCount(srmService[s].nVariant)*nControl;
  }
  assert( nMemo>0 );            /* called only when c->n>0 */
  c->aMemo = sqlite3_malloc64(sizeof(SrmMemo)*(sqlite3_uint64)nMemo);
  if( c->aMemo==0 ) return SQLITE_NOMEM;
  memset(c->aMemo, 0, sizeof(SrmMemo)*(size_t)nMemo);
  for(i=0; nRes+nAcct && i<=(int)(c->mRes + 1 + c->mAcct); i++){
    const SrmHit *e = i<=(int)c->mRes ? &c->aRes[i] : &c->aAcct[i - (int)c->mRes - 1];
    SrmMemo *m;
    int f = i<=(int)c->mRes ? SRM_MEMO_RESOURCE : SRM_MEMO_ACCOUNT, k, nSlot;
    if( e->iDecision<0 ) continue;
    nSlot = srmSlotCount(srmService[e->iService].nVariant);
    m = &c->aMemo[c->aSvcMemo[e->iService] + e->iControl];
    for(k=0; k<nSlot; k++, m+=nControl) m->fScope |= (unsigned char)f;
  }
  for(i=0; i<c->n; i=j){
    int k, nSlot;
    s = c->a[i].iService;
    nSlot = srmSlotCount(srmService[s].nVariant);
    for(j=i; j<c->n && c->a[j].iService==s; j++){}
    for(k=0; k<nSlot; k++){
      srmMemoSlot(c, s, i, j, srmService[s].iSlot + k, &c->aMemo[c->aSvcMemo[s] + k*nControl]);
    }
  }
  return SQLITE_OK;
}

/* ---- reading srm_decisions ---- */

/* An error message "srm_decisions: ..." into *pzErr, from sqlite3_malloc;
** returns SQLITE_ERROR (SQLITE_NOMEM when the message cannot be made). */
static int srmFailCode(char **pzErr, char *zMsg, int rc){
  if( zMsg==0 ) return SQLITE_NOMEM;
  *pzErr = sqlite3_mprintf("srm_decisions: %s", zMsg);
  sqlite3_free(zMsg);
  return *pzErr ? rc : SQLITE_NOMEM;
}
static int srmFail(char **pzErr, char *zMsg){
  return srmFailCode(pzErr, zMsg, SQLITE_ERROR);
}

/* The error of a statement that failed: SQLITE_NOMEM as it is, anything
** else (an authorizer, an interrupt, a locked database) with SQLite's
** message and its own code. */
static int srmStmtFail(SrmOverlay *p, int rc, char **pzErr){
  assert( rc!=SQLITE_OK && rc!=SQLITE_ROW && rc!=SQLITE_DONE );
  if( rc==SQLITE_NOMEM ) return rc;
  return srmFailCode(pzErr, sqlite3_mprintf("%s", sqlite3_errmsg(p->db)), rc);
}

/* The schema names in the order an unqualified table name is looked up:
** temp, main, then the attached ones.  A NULL-terminated array from
** sqlite3_malloc (names after it), or NULL with *pRc set. */
static char **srmSchemas(SrmOverlay *p, int *pRc, char **pzErr){
  sqlite3_stmt *pStmt = 0;
  sqlite3_str *pNames = sqlite3_str_new(0);
  char **az = 0, *zAll;
  int rc, n = 0, i, nAll;
  rc = sqlite3_prepare_v2(p->db,
      "SELECT name FROM pragma_database_list"
      " ORDER BY CASE name WHEN 'temp' THEN 0 WHEN 'main' THEN 1 ELSE 2 END, seq", -1, &pStmt, 0);
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *z = (const char*)sqlite3_column_text(pStmt, 0);
    if( NEVER(z==0) ) break;                  /* a schema name is text */
    sqlite3_str_append(pNames, z, (int)strlen(z) + 1);
    n++;
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt); else sqlite3_finalize(pStmt);
  nAll = sqlite3_str_length(pNames);
  if( sqlite3_str_errcode(pNames) ) rc = SQLITE_NOMEM;
  zAll = sqlite3_str_finish(pNames);
  if( NEVER(rc==SQLITE_OK && zAll==0) ) rc = SQLITE_NOMEM;   /* main is always there */
  if( rc!=SQLITE_OK ){
    *pRc = srmStmtFail(p, rc, pzErr);
    sqlite3_free(zAll);
    return 0;
  }
  az = sqlite3_malloc64(sizeof(char*)*(size_t)(n + 1) + (size_t)nAll);
  if( az==0 ){
    sqlite3_free(zAll);
    *pRc = SQLITE_NOMEM;
    return 0;
  }
  memcpy(&az[n + 1], zAll, (size_t)nAll);
  sqlite3_free(zAll);
  {
    char *z = (char*)&az[n + 1];
    for(i=0; i<n; i++){ az[i] = z; z += strlen(z) + 1; }
  }
  az[n] = 0;
  return az;
}

/* One schema object seen by srmLocate(). */
typedef struct SrmObj SrmObj;
struct SrmObj {
  int iDb;                      /* index in the schema list */
  const char *zType, *zName, *zTable, *zSql;
};

/* Is zName (any ASCII case) zWant? */
static int srmNameIs(const char *zName, const char *zWant){
  return ALWAYS(zName) && sqlite3_stricmp(zName, zWant)==0;  /* never NULL in sqlite_schema */
}

/* Is the table o a virtual table?  (A table's sql is never NULL.) */
static int srmIsVirtual(const SrmObj *o){
  return ALWAYS(o->zSql) && sqlite3_strnicmp(o->zSql, "CREATE VIRTUAL", 14)==0;
}

/*
** Check the overlay's shape in the objects a[0..n) (in lookup order) of
** the schemas azDb.  Sets *piDb to the schema of srm_decisions (-1 for
** none).  SQLITE_OK or an error with *pzErr.
*/
static int srmCheckShape(SrmOverlay *p, char **azDb, const SrmObj *a, int n, int *piDb,
                         char **pzErr){
  const SrmObj *pTab = 0, *pVer = 0;
  int i, k, rc;
  const char *zDb;
  *piDb = -1;
  for(i=0; i<n; i++){
    if( strcmp(a[i].zType, "trigger")==0 || strcmp(a[i].zType, "index")==0 ) continue;
    if( pTab==0 && srmNameIs(a[i].zName, "srm_decisions") ) pTab = &a[i];
    if( pVer==0 && srmNameIs(a[i].zName, "srm_decisions_version") ) pVer = &a[i];
  }
  if( pTab==0 ) return SQLITE_OK;             /* no overlay: no decisions */
  zDb = azDb[pTab->iDb];
  if( strcmp(pTab->zType, "table")!=0 || srmIsVirtual(pTab) ){
    return srmFail(pzErr, sqlite3_mprintf("%s.srm_decisions is a %s, not srm's table"
        " (srm reads only the table srm_overlay_init() makes)", zDb,
        strcmp(pTab->zType, "table")==0 ? "virtual table" : pTab->zType));
  }
  if( pVer==0 ){
    return srmFail(pzErr, sqlite3_mprintf("%s.srm_decisions has no srm_decisions_version"
        " (SELECT srm_overlay_init('%s') adds it)", zDb, zDb));
  }
  if( pVer->iDb!=pTab->iDb ){
    return srmFail(pzErr, sqlite3_mprintf("srm_decisions_version is %s's, srm_decisions %s's;"
        " both must be in one schema", azDb[pVer->iDb], zDb));
  }
  if( strcmp(pVer->zType, "table")!=0 || srmIsVirtual(pVer) ){
    return srmFail(pzErr, sqlite3_mprintf("%s.srm_decisions_version is a %s, not srm's table",
        zDb, strcmp(pVer->zType, "table")==0 ? "virtual table" : pVer->zType));
  }
  /* srm's triggers, as srm makes them, and no other. */
  for(k=0; k<3; k++){
    const SrmObj *pTrig = 0;
    for(i=0; i<n; i++){
      if( a[i].iDb==pTab->iDb && strcmp(a[i].zType, "trigger")==0
       && srmNameIs(a[i].zName, srmOverlayTrigger[k][0]) ) pTrig = &a[i];
    }
    if( pTrig==0 ){
      return srmFail(pzErr, sqlite3_mprintf("trigger %s.%s is missing; without it srm cannot"
          " see changes (SELECT srm_overlay_init('%s') restores it)", zDb, srmOverlayTrigger[k][0], zDb));
    }
    /* (a trigger's sql is never NULL, and srm's text names its table) */
    if( NEVER(pTrig->zSql==0) || strcmp(pTrig->zSql, srmOverlayTrigger[k][1])!=0
     || NEVER(!srmNameIs(pTrig->zTable, "srm_decisions")) ){
      return srmFail(pzErr, sqlite3_mprintf("trigger %s.%s is not the one this srm makes"
          " (SELECT srm_overlay_init('%s') replaces it)", zDb, srmOverlayTrigger[k][0], zDb));
    }
  }
  for(i=0; i<n; i++){
    if( strcmp(a[i].zType, "trigger")!=0 ) continue;
    if( a[i].iDb!=pTab->iDb && strcmp(azDb[a[i].iDb], "temp")!=0 ) continue;
    if( !srmNameIs(a[i].zTable, "srm_decisions") && !srmNameIs(a[i].zTable, "srm_decisions_version") ){
      continue;
    }
    for(k=0; k<3 && !(a[i].iDb==pTab->iDb && srmNameIs(a[i].zName, srmOverlayTrigger[k][0])); k++){}
    if( k==3 ){
      return srmFail(pzErr, sqlite3_mprintf("trigger %s.%s on %s is not srm's; these tables take"
          " no other trigger (one could hide a write from srm's cache)",
          azDb[a[i].iDb], a[i].zName, a[i].zTable));
    }
  }
  /* The columns srm reads, stored (a generated column is computed on
  ** read: code of the database's, run inside srm's reading). */
  for(k=0; k<2; k++){
    static const char *const azVer[] = { "n", 0 };
    const char *zTable = k==0 ? "srm_decisions" : "srm_decisions_version";
    const char *const *azCol = k==0 ? srmDecisionColumn : azVer;
    sqlite3_stmt *pStmt = 0;
    unsigned int mSeen = 0, mWant;
    int nCol;
    for(nCol=0; azCol[nCol]; nCol++){}
    mWant = (1u << (nCol + (k==0))) - 1;      /* srm_decisions also needs id */
    rc = sqlite3_prepare_v2(p->db, "SELECT name, hidden FROM pragma_table_xinfo(?1, ?2)", -1, &pStmt, 0);
    if( rc==SQLITE_OK ){
      sqlite3_bind_text(pStmt, 1, zTable, -1, SQLITE_STATIC);
      sqlite3_bind_text(pStmt, 2, zDb, -1, SQLITE_STATIC);
    }
    while( rc==SQLITE_OK && (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
      const char *zCol = (const char*)sqlite3_column_text(pStmt, 0);
      int c, iHidden = sqlite3_column_int(pStmt, 1);
      rc = SQLITE_OK;
      if( NEVER(zCol==0) ){ rc = SQLITE_NOMEM; break; }  /* a column always has a name */
      for(c=0; c<nCol && !srmNameIs(zCol, azCol[c]); c++){}
      if( c==nCol && k==0 && srmNameIs(zCol, "id") ) c = nCol;
      else if( c==nCol ) continue;
      if( iHidden>=2 ){
        char *zMsg = sqlite3_mprintf("column %s.%s.%s is generated; srm reads only stored columns",
                                     zDb, zTable, zCol);
        sqlite3_finalize(pStmt);
        return srmFail(pzErr, zMsg);
      }
      mSeen |= 1u << c;
    }
    if( rc==SQLITE_DONE ) rc = SQLITE_OK;
    if( rc!=SQLITE_OK ){
      rc = srmStmtFail(p, rc, pzErr);
      sqlite3_finalize(pStmt);
      return rc;
    }
    sqlite3_finalize(pStmt);
    if( mSeen!=mWant ){
      int c;
      for(c=0; ALWAYS(c<=nCol) && (mSeen & (1u << c)); c++){}   /* one is missing */
      return srmFail(pzErr, sqlite3_mprintf("%s.%s has no column %s", zDb, zTable,
                                            c<nCol ? azCol[c] : "id"));
    }
  }
  *piDb = pTab->iDb;
  return SQLITE_OK;
}

/*
** Where srm_decisions is, and whether its schema objects are still those
** the cache knows: the fingerprint of every object named srm_decisions or
** srm_decisions_version, or on those tables, in every schema, in lookup
** order.  When it changed, the shape is checked (srmCheckShape()) and
** p->zFinger and p->zDb are replaced.  *pbSame is set when it did not.
*/
static int srmLocate(SrmOverlay *p, int *pbSame, char **pzErr){
  char **azDb;
  sqlite3_str *pSql, *pFinger;
  sqlite3_stmt *pStmt = 0;
  SrmObj *aObj = 0;
  int rc = SQLITE_OK, i, nObj = 0, nAlloc = 0, iDb = -1;
  char *zSql, *zFinger;
  *pbSame = 0;
  azDb = srmSchemas(p, &rc, pzErr);
  if( azDb==0 ) return rc;
  pSql = sqlite3_str_new(0);
  for(i=0; azDb[i]; i++){
    sqlite3_str_appendf(pSql, "%sSELECT %d, type, name, tbl_name, rootpage, sql FROM \"%w\".sqlite_master"
        " WHERE lower(name) IN ('srm_decisions', 'srm_decisions_version')"
        " OR lower(tbl_name) IN ('srm_decisions', 'srm_decisions_version')",
        i ? " UNION ALL " : "", i, azDb[i]);
  }
  sqlite3_str_appendall(pSql, " ORDER BY 1, 2, 3");
  zSql = sqlite3_str_finish(pSql);
  if( zSql==0 ){
    sqlite3_free(azDb);
    return SQLITE_NOMEM;
  }
  rc = sqlite3_prepare_v2(p->db, zSql, -1, &pStmt, 0);
  sqlite3_free(zSql);
  pFinger = sqlite3_str_new(0);
  while( rc==SQLITE_OK && (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    int c;
    rc = SQLITE_OK;
    for(c=0; c<6; c++){
      /* A value whose conversion to text fails is NULL by then (SQLite's
      ** sqlite3VdbeMemGrow()), and the next step fails with SQLITE_NOMEM. */
      const char *z = (const char*)sqlite3_column_text(pStmt, c);
      if( NEVER(z==0 && sqlite3_column_type(pStmt, c)!=SQLITE_NULL) ) rc = SQLITE_NOMEM;
      sqlite3_str_appendf(pFinger, "%s%c", z ? z : "", c<5 ? '\x1f' : '\x1e');
    }
    if( NEVER(rc==SQLITE_NOMEM) ) break;
  }
  if( rc==SQLITE_DONE ) rc = SQLITE_OK;
  if( rc!=SQLITE_OK ) rc = srmStmtFail(p, rc, pzErr);
  if( rc==SQLITE_OK && sqlite3_str_errcode(pFinger) ) rc = SQLITE_NOMEM;
  zFinger = sqlite3_str_finish(pFinger);
  if( rc==SQLITE_OK && zFinger==0 ) zFinger = sqlite3_mprintf("%s", "");
  if( rc==SQLITE_OK && zFinger==0 ) rc = SQLITE_NOMEM;
  if( rc==SQLITE_OK && p->zFinger && strcmp(zFinger, p->zFinger)==0 ){
    *pbSame = 1;
  }else if( rc==SQLITE_OK ){
    /* Changed (or first time): read the objects again from the statement,
    ** and check the shape. */
    sqlite3_reset(pStmt);
    while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
      SrmObj *o;
      if( nObj>=nAlloc ){
        SrmObj *aNew;
        nAlloc = nAlloc ? 2*nAlloc : 8;
        aNew = sqlite3_realloc64(aObj, sizeof(SrmObj)*(sqlite3_uint64)nAlloc);
        if( aNew==0 ){ rc = SQLITE_NOMEM; break; }
        aObj = aNew;
      }
      o = &aObj[nObj++];
      memset(o, 0, sizeof(*o));
      o->iDb = sqlite3_column_int(pStmt, 0);
      /* Copied: the texts of a row last only until the next step.  A
      ** column that is not NULL but has no text is out of memory. */
      {
        static const int aCol[4] = {1, 2, 3, 5};
        const char **apDst[4];
        int c;
        apDst[0] = &o->zType; apDst[1] = &o->zName; apDst[2] = &o->zTable; apDst[3] = &o->zSql;
        for(c=0; c<4; c++){
          const char *z = (const char*)sqlite3_column_text(pStmt, aCol[c]);
          if( z==0 ){
            /* NULL, or a failed conversion, NULL by then (see above) */
            if( NEVER(sqlite3_column_type(pStmt, aCol[c])!=SQLITE_NULL) ) rc = SQLITE_NOMEM;
            continue;
          }
          *apDst[c] = sqlite3_mprintf("%s", z);
          if( *apDst[c]==0 ) rc = SQLITE_NOMEM;
        }
      }
      if( rc==SQLITE_NOMEM ) break;
      if( NEVER(o->zType==0 || o->zName==0) ){ rc = SQLITE_NOMEM; break; }  /* never NULL in sqlite_schema */
    }
    if( rc==SQLITE_DONE ) rc = SQLITE_OK;
    else if( rc!=SQLITE_NOMEM ) rc = srmStmtFail(p, rc, pzErr);
    sqlite3_finalize(pStmt);
    pStmt = 0;
    if( rc==SQLITE_OK ) rc = srmCheckShape(p, azDb, aObj, nObj, &iDb, pzErr);
    for(i=0; i<nObj; i++){
      sqlite3_free((char*)aObj[i].zType);
      sqlite3_free((char*)aObj[i].zName);
      sqlite3_free((char*)aObj[i].zTable);
      sqlite3_free((char*)aObj[i].zSql);
    }
    sqlite3_free(aObj);
    if( rc==SQLITE_OK ){
      char *zDb = iDb>=0 ? sqlite3_mprintf("%s", azDb[iDb]) : 0;
      if( iDb>=0 && zDb==0 ){
        rc = SQLITE_NOMEM;
      }else{
        sqlite3_free(p->zFinger);
        sqlite3_free(p->zDb);
        p->zFinger = zFinger;
        p->zDb = zDb;
        zFinger = 0;
        p->bLoaded = 0;
      }
    }
  }
  sqlite3_finalize(pStmt);
  sqlite3_free(zFinger);
  sqlite3_free(azDb);
  return rc;
}

/* Read srm_decisions_version.n and today's date.  The counter has exactly
** one row, or the cache could not see writes. */
static int srmReadVersion(SrmOverlay *p, sqlite3_int64 *piNonce, char *zToday, char **pzErr){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT n, date('now'), (SELECT count(*) FROM \"%w\".srm_decisions_version)"
                               " FROM \"%w\".srm_decisions_version LIMIT 1", p->zDb, p->zDb);
  int rc;
  if( zSql==0 ) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(p->db, zSql, -1, &pStmt, 0);
  sqlite3_free(zSql);
  if( rc==SQLITE_OK ) rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    const char *z = (const char*)sqlite3_column_text(pStmt, 1);
    sqlite3_int64 nRow = sqlite3_column_int64(pStmt, 2);
    *piNonce = sqlite3_column_int64(pStmt, 0);
    if( NEVER(z==0) ){                         /* date('now') is text */
      rc = SQLITE_NOMEM;
    }else if( nRow!=1 ){
      rc = srmFail(pzErr, sqlite3_mprintf("%s.srm_decisions_version has %lld rows, not 1"
          " (SELECT srm_overlay_init('%s') puts it right)", p->zDb, nRow, p->zDb));
    }else{
      memcpy(zToday, z, 10);
      zToday[10] = 0;
      rc = SQLITE_OK;
    }
  }else if( rc==SQLITE_DONE ){
    rc = srmFail(pzErr, sqlite3_mprintf("%s.srm_decisions_version has no row"
        " (SELECT srm_overlay_init('%s') puts it back)", p->zDb, p->zDb));
  }else{
    rc = srmStmtFail(p, rc, pzErr);
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Load every decision in force on zToday from p->zDb into *c.  SQLITE_OK,
** or an error with *pzErr. */
static int srmCacheLoad(SrmOverlay *p, SrmCache *c, const char *zToday, char **pzErr){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT id, service, variant, control, owner, party, decided_on,"
                               " expires_on, account, resource_arn FROM \"%w\".srm_decisions", p->zDb);
  int rc, nAlloc = 0;
  memset(c, 0, sizeof(*c));
  if( zSql==0 ) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(p->db, zSql, -1, &pStmt, 0);
  sqlite3_free(zSql);
  if( rc!=SQLITE_OK ) return srmStmtFail(p, rc, pzErr);
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    const char *az[SRM_DEC_N];
    int an[SRM_DEC_N], aType[SRM_DEC_N], i, bNoMem;
    sqlite3_int64 id = sqlite3_column_int64(pStmt, 0);
    SrmDecision d;
    char *zWhy;
    for(i=0; i<SRM_DEC_N; i++){
      aType[i] = sqlite3_column_type(pStmt, i + 1);
      az[i] = 0;
      an[i] = 0;
      if( aType[i]==SQLITE_NULL ) continue;
      az[i] = aType[i]==SQLITE_BLOB ? (const char*)sqlite3_column_blob(pStmt, i + 1)
                                    : (const char*)sqlite3_column_text(pStmt, i + 1);
      an[i] = sqlite3_column_bytes(pStmt, i + 1);
      if( az[i]==0 ){
        /* an empty blob has no pointer; text that could not be had is out
        ** of memory (see srm_decision_check()) */
        if( aType[i]==SQLITE_BLOB ){ az[i] = ""; continue; }
        rc = SQLITE_NOMEM;
        break;
      }
    }
    if( rc==SQLITE_NOMEM ) break;
    for(i=0; i<SRM_DEC_N; i++){
      if( az[i]==0 && (i==SRM_DEC_SERVICE || i==SRM_DEC_CONTROL || i==SRM_DEC_OWNER) ){
        rc = srmFail(pzErr, sqlite3_mprintf("row %lld has no %s", id, srmDecisionColumn[i]));
        break;
      }
    }
    if( rc!=SQLITE_ROW ) break;
    zWhy = srmDecisionParse(az, an, aType, &d, &bNoMem);
    if( zWhy || bNoMem ){
      if( zWhy==0 ){ rc = SQLITE_NOMEM; break; }
      rc = srmFail(pzErr, sqlite3_mprintf("row %lld: %s", id, zWhy));
      sqlite3_free(zWhy);
      break;
    }
    /* Expired: it does not apply (the cache reloads when the date changes). */
    if( d.zExpires[0] && strcmp(d.zExpires, zToday)<0 ) continue;
    d.id = id;
    if( d.iScope==SRM_SCOPE_RESOURCE ){
      d.nKey = an[SRM_DEC_ARN];
      d.zArn = sqlite3_malloc(d.nKey + 1);
      if( d.zArn==0 ){ rc = SQLITE_NOMEM; break; }
      memcpy(d.zArn, az[SRM_DEC_ARN], (size_t)d.nKey);
      d.zArn[d.nKey] = 0;
    }else if( d.iScope==SRM_SCOPE_ACCOUNT ){
      d.nKey = an[SRM_DEC_ACCOUNT];
      d.zAccount = sqlite3_malloc(d.nKey + 1);
      if( d.zAccount==0 ){ rc = SQLITE_NOMEM; break; }
      memcpy(d.zAccount, az[SRM_DEC_ACCOUNT], (size_t)d.nKey);
      d.zAccount[d.nKey] = 0;
    }
    if( c->n>=nAlloc ){
      int nNew = nAlloc ? nAlloc*2 : 16;
      SrmDecision *aNew = sqlite3_realloc64(c->a, sizeof(SrmDecision)*(sqlite3_uint64)nNew);
      if( aNew==0 ){
        sqlite3_free(d.zArn);
        sqlite3_free(d.zAccount);
        rc = SQLITE_NOMEM;
        break;
      }
      c->a = aNew;
      nAlloc = nNew;
    }
    c->a[c->n++] = d;
  }
  if( rc==SQLITE_DONE ){
    rc = SQLITE_OK;
  }else if( rc!=SQLITE_NOMEM && *pzErr==0 ){
    rc = srmStmtFail(p, rc, pzErr);
  }
  sqlite3_finalize(pStmt);
  if( rc==SQLITE_OK && c->n>1 ) qsort(c->a, (size_t)c->n, sizeof(SrmDecision), srmDecisionCmp);
  if( rc==SQLITE_OK && c->n ) rc = srmCacheIndex(c);
  if( rc!=SQLITE_OK ) srmCacheClear(c);
  return rc;
}

int srmOverlayRefresh(SrmOverlay *p, char **pzErr){
  char zToday[11] = "";
  sqlite3_int64 iNonce = 0;
  int rc, bSame = 0;
  *pzErr = 0;
  if( NEVER(p->bBusy) ){   /* no user code runs inside srm's reads of real tables */
    *pzErr = sqlite3_mprintf("srm_decisions: called back while srm reads srm_decisions");
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  p->bBusy = 1;
  rc = srmLocate(p, &bSame, pzErr);
  if( rc==SQLITE_OK && p->zDb==0 ){
    /* No overlay: no decisions. */
    if( !p->bLoaded ){
      srmCacheClear(&p->c);
      p->bLoaded = 1;
    }
  }else if( rc==SQLITE_OK ){
    rc = srmReadVersion(p, &iNonce, zToday, pzErr);
    /* (the schema is the same only after a refresh that succeeded, which
    ** left the cache loaded) */
    assert( !bSame || p->bLoaded );
    if( rc==SQLITE_OK && !(bSame && p->iNonce==iNonce && strcmp(p->zToday, zToday)==0) ){
      SrmCache c;
      rc = srmCacheLoad(p, &c, zToday, pzErr);
      if( rc==SQLITE_OK ){
        srmCacheClear(&p->c);
        p->c = c;
        p->iNonce = iNonce;
        memcpy(p->zToday, zToday, 11);
        p->bLoaded = 1;
      }
    }
  }
  if( rc!=SQLITE_OK ){
    /* Whatever was cached may not match the table: forget it. */
    srmCacheClear(&p->c);
    p->bLoaded = 0;
    sqlite3_free(p->zFinger);
    p->zFinger = 0;
    if( rc==SQLITE_NOMEM ){
      sqlite3_free(*pzErr);
      *pzErr = 0;
    }
  }
  p->bBusy = 0;
  return rc;
}

/* ---- answers ---- */

/* The state of one question while it is answered. */
typedef struct SrmQuery SrmQuery;
struct SrmQuery {
  const SrmCache *c;
  const SrmAsk *q;
  const SrmMemo *aM;            /* the slot's memo */
  int iVariant;                 /* the slot's variant (its decisions apply) */
  int bArnHash;                 /* 1 hArn computed, -1 no resource decision, 0 not yet */
  int bAccountHash;             /* hAccount computed */
  uint64_t hArn, hAccount;
};

/* The first decision of the chain for key zKey[0..nKey) that names
** iControl, else the first that covers it through a composite, or -1. */
static int srmHitFind(const SrmQuery *y, const SrmHit *aTab, unsigned int m, uint64_t hKey,
                      int iControl, const char *zKey, size_t nKey, int bResource){
  const SrmCache *c = y->c;
  int iService = y->q->t.iService;
  unsigned int h = srmHitHash(hKey, iService, iControl), k;
  int iPart = -1;
  for(k=h & m; aTab[k].iDecision>=0; k=(k+1) & m){
    const SrmHit *e = &aTab[k];
    const SrmDecision *d;
    if( e->h!=h || e->iControl!=(unsigned int)iControl || e->iService!=(unsigned int)iService ) continue;
    if( e->iVariant && e->iVariant!=y->iVariant ) continue;
    d = &c->a[e->iDecision];
    if( (size_t)d->nKey!=nKey || memcmp(bResource ? d->zArn : d->zAccount, zKey, nKey)!=0 ) continue;
    if( !e->bPart ){
      if( srmNamedDecidable(y->q->iSlot, iControl) ) return e->iDecision;
      continue;
    }
    if( iPart<0 && srmPartDecidable(y->q->iSlot, iControl) ) iPart = e->iDecision;
  }
  return iPart;
}

/* The decision that applies to control iControl, or -1: the resource's,
** then the account's, then the variant's or service's. */
static int srmDecisionFind(SrmQuery *y, int iControl){
  const SrmCache *c = y->c;
  const SrmAsk *q = y->q;
  int f = y->aM[iControl].fScope, iD;
  if( (f & SRM_MEMO_RESOURCE) && q->bArn ){
    if( y->bArnHash==0 ){
      uint64_t b = srmArnTail(q->zX, q->nX) >> c->nResFilterShift;
      if( c->aResFilter[b>>6] & ((uint64_t)1 << (b & 63)) ){
        y->hArn = srmKeyHash(q->zX, q->nX);
        y->bArnHash = 1;
      }else{
        y->bArnHash = -1;       /* no resource decision on x */
      }
    }
    if( y->bArnHash>0 ){
      iD = srmHitFind(y, c->aRes, c->mRes, y->hArn, iControl, q->zX, q->nX, 1);
      if( iD>=0 ) return iD;
    }
  }
  if( (f & SRM_MEMO_ACCOUNT) && q->zAccount && q->nAccount ){
    if( !y->bAccountHash ){ y->hAccount = srmKeyHash(q->zAccount, q->nAccount); y->bAccountHash = 1; }
    iD = srmHitFind(y, c->aAcct, c->mAcct, y->hAccount, iControl, q->zAccount, q->nAccount, 0);
    if( iD>=0 ) return iD;
  }
  return y->aM[iControl].iDecision;
}

/* The effective owner of a base or composite control; *piDecision gets
** the decision used (-1 when derived or none). */
static int srmEffective(SrmQuery *y, int iControl, int *piDecision){
  const SrmControl *pC = &srmControl[iControl];
  const SrmMemo *m = &y->aM[iControl];
  int iD;
  if( (m->fScope & SRM_MEMO_DYNAMIC)==0 ){
    /* No resource or account decision could change the memo's answer. */
    *piDecision = m->iDecision;
    return m->eOwner;
  }
  *piDecision = -1;
  if( srmCellAt(y->q->iSlot, iControl)->eOwner==SRM_OWNER_NA ) return SRM_OWNER_NA;
  iD = srmDecisionFind(y, iControl);
  *piDecision = iD;
  if( iD>=0 ) return y->c->a[iD].eOwner;
  if( pC->nPart ){
    unsigned char aOwner[SRM_MAX_PARTS];
    int k, iPartD;
    for(k=0; k<pC->nPart; k++) aOwner[k] = (unsigned char)srmEffective(y, pC->aPart[k], &iPartD);
    return srmCompose(aOwner, pC->nPart);
  }
  return srmCellAt(y->q->iSlot, iControl)->eOwner;
}

int srmOverlayAnswer(const SrmOverlay *p, const SrmAsk *q, int iControl, int *piDecision){
  const SrmCache *c = &p->c;
  int iMemo;
  if( c->aSvcMemo==0 || (iMemo = c->aSvcMemo[q->t.iService])<0 ){
    /* No decision in force for this service: the model's answer. */
    *piDecision = -1;
    return srmCellAt(q->iSlot, iControl)->eOwner;
  }else{
    SrmQuery y;
    y.c = c;
    y.q = q;
    y.aM = &c->aMemo[iMemo + (q->iSlot - srmService[q->t.iService].iSlot)*SRM_NCONTROL];
    /* No variant named: the default's decisions apply. */
    y.iVariant = srmSlotVariant(q->t.iService, q->iSlot);
    y.bArnHash = y.bAccountHash = 0;
    y.hArn = y.hAccount = 0;
    return srmEffective(&y, iControl, piDecision);
  }
}

sqlite3_int64 srmOverlayDecisionId(const SrmOverlay *p, int iDecision){
  assert( iDecision>=0 && iDecision<p->c.n );
  return p->c.a[iDecision].id;
}
