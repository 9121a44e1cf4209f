/*
** framework.c: who implements each requirement of a compliance framework
** (NIST SP 800-53 r5 with the SP 800-53B and FedRAMP baselines, NIST SP
** 800-171 r3), derived from srm's controls (issue 15).
**
**   srm_origination(x, framework, requirement [, variant])
**       inherited | shared | customer | not_applicable
**   srm_origination_why(x, framework, requirement [, variant])
**       the same as a JSON object: the requirement, the CRM's Yes / Partial
**       / No, FedRAMP's control-origination values and every part (control,
**       relation, owner, duties, source, rationale)
**   effective_origination(x, framework, requirement [, variant [, account]])
**       srm_origination() with the organization's decisions applied
**       (srm_decisions, as effective_responsibility() reads them): also
**       third_party, when a third party holds every share
**   srm_combined_origination(origination)
**       an aggregate: the origination of a requirement for several
**       services together (inherited and customer make shared; values of
**       not_applicable and NULL add nothing)
**   srm_uuid5(namespace, name)
**       the RFC 4122 version 5 (SHA-1, name-based) UUID of name in the
**       namespace UUID: the same inputs, the same UUID, so that exports
**       (sql/oscal_*.sql) are byte for byte the same from run to run
**
**     SELECT srm_origination('AWS::EC2::Instance', 'nist_800_53_r5', 'pe-3');
**     -- inherited
**
** The mapping (data/frameworks/requirement_controls.csv, the tables
** srm_requirement_controls and srm_requirements) gives each requirement
** rows of three kinds: a control of srm that carries the requirement
** wholly ("whole") or in part ("part"), or no control: the requirement is
** the organization's own ("organizational": policies, plans, personnel).
** The rule, for the service and variant that x resolves to:
**
**   - an organizational row, and every "part" row, gives the customer a
**     share: what the control leaves is the organization's work;
**   - a control's owner gives its share: aws to AWS, customer to the
**     customer, shared to both (third_party to the third party, in
**     effective_origination()), not_applicable to nobody;
**   - no share at all: not_applicable; AWS's alone: inherited; the
**     customer's alone: customer; a third party's alone: third_party;
**     otherwise shared.
**
** The CRM's "Can Be Inherited from CSP" follows: inherited Yes, shared
** Partial, customer No (not_applicable has no CRM value: null).  FedRAMP's
** control-origination values, seen from the SSP of a system built on AWS:
** AWS's share is "inherited", a control the customer runs "sp-system", an
** organizational share "sp-corporate".
**
** framework is an id of srm_frameworks, in any ASCII case.  requirement is
** an id as OSCAL writes it (ac-2, ac-2.1, 03.01.01) or as people do
** (AC-2, AC-2(1), AC-02(01), ac-2 (1), SP_800_171_03.01.01), in any case.
** NULL in any argument but variant gives NULL, as does an x that resolves
** to no service, a withdrawn requirement (see incorporated_into) and one
** srm has no mapping for (srm_requirements.mapping IS NULL: the 800-53
** controls outside the FedRAMP High baseline that are not in PE).  Errors,
** besides those of responsibility() for x and variant and of
** effective_responsibility() for account and srm_decisions:
**
**   unknown framework 'X' (SELECT framework FROM srm_frameworks)
**   unknown requirement 'X' of framework 'F' (SELECT requirement FROM srm_requirements WHERE framework = 'F')
**   namespace 'X' is not a UUID
**   unknown origination 'X' (inherited, shared, customer, not_applicable, third_party)
**
** srm_origination(), srm_origination_why() and srm_uuid5() are
** deterministic and innocuous; effective_origination() reads the user's
** srm_decisions and is neither (effective.c).
*/
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "srm.h"
#include "overlay.h"

/* Originations (the result of srmOriginate()). */
#define SRM_ORIG_INHERITED   1
#define SRM_ORIG_SHARED      2
#define SRM_ORIG_CUSTOMER    3
#define SRM_ORIG_NA          4
#define SRM_ORIG_THIRD_PARTY 5
static const char *const srmOrigName[] = {
  "", "inherited", "shared", "customer", "not_applicable", "third_party"
};
static const char *const srmRelName[] = { "", "whole", "part", "organizational" };

/* Index in srmFramework[] of framework z[0..n), any ASCII case, or -1. */
int srmFrameworkFind(const char *z, size_t n){
  int i;
  for(i=0; i<srmCount[SRM_COUNT_FRAMEWORK]; i++){
    const char *zId = SRM_STR(srmFramework[i].zId);
    if( strlen(zId)==n && sqlite3_strnicmp(zId, z, (int)n)==0 ) return i;
  }
  return -1;
}

/* Index in srmRequirement[] of the requirement of framework iFramework
** whose id is exactly z[0..n), or -1: a binary search of its run of
** srmRequirementById[]. */
int srmRequirementInRun(int iFramework, const char *z, size_t n){
  const SrmFramework *pF = &srmFramework[iFramework];
  int lo = pF->iFirst, hi = pF->iFirst + pF->nRequirement;
  while( lo<hi ){
    int mid = (lo + hi)/2, c;
    const char *zId = SRM_STR(srmRequirement[srmRequirementById[mid]].zId);
    size_t nId = strlen(zId);
    c = memcmp(zId, z, nId<n ? nId : n);
    if( c==0 ) c = nId<n ? -1 : nId>n ? 1 : 0;
    if( c==0 ) return srmRequirementById[mid];
    if( c<0 ) lo = mid + 1; else hi = mid;
  }
  return -1;
}

/* The digits at z[*pi..n) as a number without leading zeros, appended to
** zOut at *pj (at most 6 digits); 0 when there is none or too many. */
static int srmDigits(const char *z, size_t n, size_t *pi, char *zOut, size_t *pj){
  size_t i = *pi, j = *pj, nDigit = 0;
  while( i<n && z[i]=='0' && i+1<n && z[i+1]>='0' && z[i+1]<='9' ) i++;
  while( i<n && z[i]>='0' && z[i]<='9' ){
    if( ++nDigit>6 ) return 0;
    zOut[j++] = z[i++];
  }
  *pi = i;
  *pj = j;
  return nDigit>0;
}

/*
** Index in srmRequirement[] of requirement z[0..n) of framework iFramework
** as people write it, or -1: the id as it is; in lower case; read as an
** 800-53 label (two letters, '-', a number, then an enhancement as "(N)",
** " (N)" or ".N", leading zeros dropped); an 800-171 id in any case
** (sp_800_171_03.01.01) or without its prefix (03.01.01).
*/
int srmRequirementFind(int iFramework, const char *z, size_t n){
  char zBuf[32] = {0}, zCanon[48];
  size_t i, j;
  int iReq;
  if( n==0 || n>=sizeof(zBuf) ) return -1;
  iReq = srmRequirementInRun(iFramework, z, n);
  if( iReq>=0 ) return iReq;
  for(i=0; i<n; i++) zBuf[i] = (char)srmLower((unsigned char)z[i]);
  iReq = srmRequirementInRun(iFramework, zBuf, n);
  if( iReq>=0 ) return iReq;
  /* an 800-53 label */
  if( n>3 && zBuf[0]>='a' && zBuf[0]<='z' && zBuf[1]>='a' && zBuf[1]<='z' && zBuf[2]=='-' ){
    zCanon[0] = zBuf[0]; zCanon[1] = zBuf[1]; zCanon[2] = '-';
    i = j = 3;
    if( srmDigits(zBuf, n, &i, zCanon, &j) ){
      if( i<n ){
        zCanon[j++] = '.';
        if( zBuf[i]=='.' ){
          i++;
          if( !srmDigits(zBuf, n, &i, zCanon, &j) ) i = 0;
        }else{
          if( zBuf[i]==' ' ) i++;
          if( i<n && zBuf[i]=='(' ){
            i++;
            if( !srmDigits(zBuf, n, &i, zCanon, &j) || i>=n || zBuf[i]!=')' ) i = 0;
            else i++;
          }else{
            i = 0;
          }
        }
      }
      if( i==n ) return srmRequirementInRun(iFramework, zCanon, j);
    }
  }
  /* an 800-171 id: its prefix in upper case, or added */
  memcpy(zCanon, "SP_800_171_", 11);
  if( n>11 && memcmp(zBuf, "sp_800_171_", 11)==0 ){
    memcpy(zCanon + 11, z + 11, n - 11);
    return srmRequirementInRun(iFramework, zCanon, n);
  }
  memcpy(zCanon + 11, z, n);
  return srmRequirementInRun(iFramework, zCanon, n + 11);
}

/*
** The requirement named by arguments pFramework and pRequirement: its
** index, or -1 when the result is already set (NULL or an error).  A
** constant pair is looked up once per statement (auxiliary data on both
** arguments iArg and iArg + 1: SQLite drops it when its argument
** changes).  A withdrawn or unmapped requirement is found all the same:
** its nMap is 0 and the callers answer NULL.  Here and below, a NULL text is a NULL value: a conversion that fails
** for want of memory leaves NULL too (sqlite3VdbeMemGrow()), and SQLite
** fails the statement with SQLITE_NOMEM.
*/
static int srmRequirementArgs(sqlite3_context *ctx, sqlite3_value *pFramework,
                              sqlite3_value *pRequirement, int iArg){
  const SrmFramework *pF = (const SrmFramework*)sqlite3_get_auxdata(ctx, iArg);
  const SrmRequirement *pR = (const SrmRequirement*)sqlite3_get_auxdata(ctx, iArg + 1);
  const char *z;
  int iF, iR;
  /* both were set together, from constant arguments */
  if( pF && pR && ALWAYS(&srmFramework[pR->iFramework]==pF) ) return (int)(pR - srmRequirement);
  z = (const char*)sqlite3_value_text(pFramework);
  if( z==0 ){
    if( NEVER(sqlite3_value_type(pFramework)!=SQLITE_NULL) ) sqlite3_result_error_nomem(ctx);
    return -1;
  }
  iF = srmFrameworkFind(z, (size_t)sqlite3_value_bytes(pFramework));
  if( iF<0 ){
    srmErrorUnknown(ctx, "framework", pFramework, "(SELECT framework FROM srm_frameworks)");
    return -1;
  }
  z = (const char*)sqlite3_value_text(pRequirement);
  if( z==0 ){
    if( NEVER(sqlite3_value_type(pRequirement)!=SQLITE_NULL) ) sqlite3_result_error_nomem(ctx);
    return -1;
  }
  iR = srmRequirementFind(iF, z, (size_t)sqlite3_value_bytes(pRequirement));
  if( iR<0 ){
    const char *zF = SRM_STR(srmFramework[iF].zId);
    char *zTail = sqlite3_mprintf("of framework '%s' (SELECT requirement FROM srm_requirements"
                                  " WHERE framework = '%s')", zF, zF);
    if( zTail==0 ){ sqlite3_result_error_nomem(ctx); return -1; }
    srmErrorUnknown(ctx, "requirement", pRequirement, zTail);
    sqlite3_free(zTail);
    return -1;
  }
  sqlite3_set_auxdata(ctx, iArg, (void*)&srmFramework[iF], 0);
  sqlite3_set_auxdata(ctx, iArg + 1, (void*)&srmRequirement[iR], 0);
  return iR;
}

/* Shares of an origination (srmOriginate()). */
#define SRM_SHARE_AWS      1
#define SRM_SHARE_CUSTOMER 2
#define SRM_SHARE_THIRD    4
#define SRM_SHARE_CORP     8    /* an organizational share (sp-corporate) */
#define SRM_SHARE_SYSTEM  16    /* a control the customer runs (sp-system) */

/* The shares that one row of the mapping gives, its control's owner e
** (0 for an organizational row). */
static int srmRowShares(const SrmReqControl *pM, int e){
  int m = 0;
  if( pM->eRelation!=SRM_REL_WHOLE ) m |= SRM_SHARE_CUSTOMER | SRM_SHARE_CORP;
  switch( e ){
    case SRM_OWNER_AWS:         m |= SRM_SHARE_AWS; break;
    case SRM_OWNER_CUSTOMER:    m |= SRM_SHARE_CUSTOMER | SRM_SHARE_SYSTEM; break;
    case SRM_OWNER_SHARED:      m |= SRM_SHARE_AWS | SRM_SHARE_CUSTOMER | SRM_SHARE_SYSTEM; break;
    case SRM_OWNER_THIRD_PARTY: m |= SRM_SHARE_THIRD; break;
    default: break;             /* not_applicable, or no control */
  }
  return m;
}

/* The origination (SRM_ORIG_*) of shares m. */
static int srmOrigination(int m){
  m &= SRM_SHARE_AWS | SRM_SHARE_CUSTOMER | SRM_SHARE_THIRD;
  switch( m ){
    case 0:                  return SRM_ORIG_NA;
    case SRM_SHARE_AWS:      return SRM_ORIG_INHERITED;
    case SRM_SHARE_CUSTOMER: return SRM_ORIG_CUSTOMER;
    case SRM_SHARE_THIRD:    return SRM_ORIG_THIRD_PARTY;
    default:                 return SRM_ORIG_SHARED;
  }
}

/* The shares of requirement iReq in matrix slot iSlot (the model). */
static int srmModelShares(int iReq, int iSlot){
  const SrmRequirement *pR = &srmRequirement[iReq];
  int k, m = 0;
  for(k=pR->iMap; k<pR->iMap + pR->nMap; k++){
    const SrmReqControl *pM = &srmReqControl[k];
    m |= srmRowShares(pM, pM->iControl<0 ? 0 : srmCellAt(iSlot, pM->iControl)->eOwner);
  }
  return m;
}

/* The arguments of srm_origination() and srm_origination_why(): the
** requirement's index, or -1 when the result is set. */
static int srmOriginArgs(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                         SrmTarget *pT, int *piSlot){
  int iReq = srmRequirementArgs(ctx, argv[1], argv[2], 1);
  if( iReq<0 ) return -1;
  if( !srmTargetArgs(ctx, argv[0], argc>3 ? argv[3] : 0, pT, piSlot) ) return -1;
  if( srmRequirement[iReq].nMap==0 ) return -1;     /* withdrawn or unmapped: NULL */
  return iReq;
}

/* srm_origination(x, framework, requirement [, variant]) */
static void srmOriginationFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  SrmTarget t;
  int iSlot, iReq = srmOriginArgs(ctx, argc, argv, &t, &iSlot);
  if( iReq<0 ) return;
  sqlite3_result_text(ctx, srmOrigName[srmOrigination(srmModelShares(iReq, iSlot))], -1,
                      SQLITE_STATIC);
}

/* srm_origination_why(x, framework, requirement [, variant]) */
static void srmOriginationWhyFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  static const char *const azCrm[] = { 0, "Yes", "Partial", "No", 0, 0 };
  static const struct { int mShare; const char *zName; } aOrigin[] = {   /* FedRAMP's */
    { SRM_SHARE_AWS, "inherited" }, { SRM_SHARE_SYSTEM, "sp-system" }, { SRM_SHARE_CORP, "sp-corporate" }
  };
  SrmTarget t;
  int iSlot, iReq = srmOriginArgs(ctx, argc, argv, &t, &iSlot), m, e, k, n;
  const SrmRequirement *pR;
  const SrmService *pS;
  sqlite3_str *p;
  if( iReq<0 ) return;
  pR = &srmRequirement[iReq];
  pS = &srmService[t.iService];
  m = srmModelShares(iReq, iSlot);
  e = srmOrigination(m);
  p = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  sqlite3_str_appendall(p, "{\"service\":");
  srmJsonString(p, SRM_STR(pS->zId));
  srmJsonField(p, "variant", srmVariantOfSlot(t.iService, iSlot));
  srmJsonField(p, "framework", SRM_STR(srmFramework[pR->iFramework].zId));
  srmJsonField(p, "requirement", SRM_STR(pR->zId));
  srmJsonField(p, "label", SRM_STR(pR->zLabel));
  srmJsonField(p, "title", SRM_STR(pR->zTitle));
  srmJsonField(p, "origination", srmOrigName[e]);
  srmJsonField(p, "crm", azCrm[e]);
  sqlite3_str_appendall(p, ",\"control_origination\":[");
  for(k=n=0; k<3; k++){
    if( m & aOrigin[k].mShare ){
      sqlite3_str_appendf(p, "%s\"%s\"", n ? "," : "", aOrigin[k].zName);
      n++;
    }
  }
  sqlite3_str_appendall(p, "],\"parts\":[");
  for(k=pR->iMap; k<pR->iMap + pR->nMap; k++){
    const SrmReqControl *pM = &srmReqControl[k];
    if( k>pR->iMap ) sqlite3_str_appendchar(p, 1, ',');
    sqlite3_str_appendall(p, "{\"control\":");
    if( pM->iControl<0 ){
      srmJsonString(p, 0);
      srmJsonField(p, "relation", srmRelName[pM->eRelation]);
      srmJsonField(p, "owner", "customer");
    }else{
      srmJsonString(p, SRM_STR(srmControl[pM->iControl].zId));
      srmJsonField(p, "relation", srmRelName[pM->eRelation]);
      srmJsonCell(p, iSlot, pM->iControl);
    }
    srmJsonField(p, "rationale", SRM_STR(pM->zRationale));
    srmJsonField(p, "rationale_source", SRM_STR(pM->zSource)[0] ? SRM_STR(pM->zSource) : 0);
    sqlite3_str_appendchar(p, 1, '}');
  }
  sqlite3_str_appendall(p, "]}");
  srmResultStr(ctx, p);
}

/* effective_origination(x, framework, requirement [, variant [, account]]),
** registered by effective.c with its cache as user data. */
void srmEffectiveOriginationFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  SrmOverlay *pO = (SrmOverlay*)sqlite3_user_data(ctx);
  const SrmRequirement *pR;
  SrmAsk q;
  int iReq = srmRequirementArgs(ctx, argv[1], argv[2], 1), k, m = 0, iD;
  if( iReq<0 ) return;
  if( !srmAskArgs(ctx, pO, argv[0], argc>3 ? argv[3] : 0, argc>4 ? argv[4] : 0, &q) ) return;
  pR = &srmRequirement[iReq];
  if( pR->nMap==0 ) return;
  for(k=pR->iMap; k<pR->iMap + pR->nMap; k++){
    const SrmReqControl *pM = &srmReqControl[k];
    m |= srmRowShares(pM, pM->iControl<0 ? 0 : srmOverlayAnswer(pO, &q, pM->iControl, &iD));
  }
  sqlite3_result_text(ctx, srmOrigName[srmOrigination(m)], -1, SQLITE_STATIC);
}

/*
** SHA-1 (FIPS 180-4), for srm_uuid5() only: names are short, so one
** straightforward block function will do.
*/
typedef struct SrmSha1 SrmSha1;
struct SrmSha1 {
  uint32_t h[5];
  unsigned char buf[64];
  uint64_t nByte;
};
static uint32_t srmRol(uint32_t x, int n){ return (x<<n) | (x>>(32-n)); }
static void srmSha1Block(SrmSha1 *s, const unsigned char *b){
  uint32_t w[80], a, bb, c, d, e, f, k, t;
  int i;
  for(i=0; i<16; i++){
    w[i] = (uint32_t)b[4*i]<<24 | (uint32_t)b[4*i+1]<<16 | (uint32_t)b[4*i+2]<<8 | b[4*i+3];
  }
  for(i=16; i<80; i++) w[i] = srmRol(w[i-3] ^ w[i-8] ^ w[i-14] ^ w[i-16], 1);
  a = s->h[0]; bb = s->h[1]; c = s->h[2]; d = s->h[3]; e = s->h[4];
  for(i=0; i<80; i++){
    if( i<20 ){      f = (bb & c) | (~bb & d);           k = 0x5a827999; }
    else if( i<40 ){ f = bb ^ c ^ d;                     k = 0x6ed9eba1; }
    else if( i<60 ){ f = (bb & c) | (bb & d) | (c & d);  k = 0x8f1bbcdc; }
    else{            f = bb ^ c ^ d;                     k = 0xca62c1d6; }
    t = srmRol(a, 5) + f + e + k + w[i];
    e = d; d = c; c = srmRol(bb, 30); bb = a; a = t;
  }
  s->h[0] += a; s->h[1] += bb; s->h[2] += c; s->h[3] += d; s->h[4] += e;
}
static void srmSha1Init(SrmSha1 *s){
  static const uint32_t h0[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 };
  memcpy(s->h, h0, sizeof(h0));
  s->nByte = 0;
}
static void srmSha1Update(SrmSha1 *s, const unsigned char *z, size_t n){
  while( n>0 ){
    size_t have = (size_t)(s->nByte % 64), take = 64 - have;
    if( take>n ) take = n;
    memcpy(s->buf + have, z, take);
    s->nByte += take;
    z += take;
    n -= take;
    if( s->nByte % 64==0 ) srmSha1Block(s, s->buf);
  }
}
static void srmSha1Final(SrmSha1 *s, unsigned char aOut[20]){
  uint64_t nBit = s->nByte*8;
  unsigned char aLen[8], c = 0x80;
  int i;
  for(i=0; i<8; i++) aLen[i] = (unsigned char)(nBit >> (56 - 8*i));
  srmSha1Update(s, &c, 1);
  c = 0;
  while( s->nByte % 64!=56 ) srmSha1Update(s, &c, 1);
  srmSha1Update(s, aLen, 8);
  for(i=0; i<20; i++) aOut[i] = (unsigned char)(s->h[i/4] >> (24 - 8*(i%4)));
}

/* The 16 bytes of UUID z[0..n) (8-4-4-4-12 hex digits, any case); 0 when
** z is not one. */
static int srmUuidParse(const char *z, size_t n, unsigned char a[16]){
  size_t i, k = 0;
  if( n!=36 ) return 0;
  for(i=0; i<36; i++){
    int c = (unsigned char)z[i], v;
    if( i==8 || i==13 || i==18 || i==23 ){
      if( c!='-' ) return 0;
      continue;
    }
    if( c>='0' && c<='9' ) v = c - '0';
    else if( c>='a' && c<='f' ) v = c - 'a' + 10;
    else if( c>='A' && c<='F' ) v = c - 'A' + 10;
    else return 0;
    if( k%2==0 ) a[k/2] = (unsigned char)(v<<4); else a[k/2] |= (unsigned char)v;
    k++;
  }
  return 1;
}

/* srm_uuid5(namespace, name) */
static void srmUuid5Func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  unsigned char aNs[16], aHash[20];
  char zOut[37];
  const char *zNs, *zName;
  SrmSha1 s;
  int i, j;
  (void)argc;
  zNs = (const char*)sqlite3_value_text(argv[0]);
  if( zNs==0 ){
    if( NEVER(sqlite3_value_type(argv[0])!=SQLITE_NULL) ) sqlite3_result_error_nomem(ctx);
    return;
  }
  if( !srmUuidParse(zNs, (size_t)sqlite3_value_bytes(argv[0]), aNs) ){
    char *zQ = srmQuoted(zNs, (size_t)sqlite3_value_bytes(argv[0]));
    char *zMsg = zQ ? sqlite3_mprintf("namespace '%s' is not a UUID", zQ) : 0;
    sqlite3_free(zQ);
    if( zMsg==0 ){ sqlite3_result_error_nomem(ctx); return; }
    sqlite3_result_error(ctx, zMsg, -1);
    sqlite3_free(zMsg);
    return;
  }
  zName = (const char*)sqlite3_value_text(argv[1]);
  if( zName==0 ){
    if( NEVER(sqlite3_value_type(argv[1])!=SQLITE_NULL) ) sqlite3_result_error_nomem(ctx);
    return;
  }
  srmSha1Init(&s);
  srmSha1Update(&s, aNs, 16);
  srmSha1Update(&s, (const unsigned char*)zName, (size_t)sqlite3_value_bytes(argv[1]));
  srmSha1Final(&s, aHash);
  aHash[6] = (unsigned char)((aHash[6] & 0x0f) | 0x50);     /* version 5 */
  aHash[8] = (unsigned char)((aHash[8] & 0x3f) | 0x80);     /* RFC 4122 variant */
  for(i=j=0; i<16; i++){
    static const char zHex[] = "0123456789abcdef";
    if( i==4 || i==6 || i==8 || i==10 ) zOut[j++] = '-';
    zOut[j++] = zHex[aHash[i]>>4];
    zOut[j++] = zHex[aHash[i] & 15];
  }
  sqlite3_result_text(ctx, zOut, 36, SQLITE_TRANSIENT);
}

/*
** srm_combined_origination(origination): an aggregate, the origination of
** a requirement for several services together (the rows of an inventory):
** the shares of every value (inherited: AWS; customer: the customer;
** shared: both; third_party: the third party; not_applicable: none)
** under the rule of srmOrigination().  NULLs are skipped; no value gives
** NULL.  Any other value is an error:
**   unknown origination 'X' (inherited, shared, customer, not_applicable, third_party)
*/
#define SRM_SHARE_SEEN    32    /* a value came (not_applicable has no share) */
static void srmCombinedStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  static const int aShare[] = {
    0, SRM_SHARE_AWS, SRM_SHARE_AWS | SRM_SHARE_CUSTOMER, SRM_SHARE_CUSTOMER, 0, SRM_SHARE_THIRD
  };
  const char *z;
  int *pM, e, n;
  (void)argc;
  z = (const char*)sqlite3_value_text(argv[0]);
  if( z==0 ){
    if( NEVER(sqlite3_value_type(argv[0])!=SQLITE_NULL) ) sqlite3_result_error_nomem(ctx);
    return;
  }
  n = sqlite3_value_bytes(argv[0]);
  for(e=1; e<=SRM_ORIG_THIRD_PARTY; e++){
    if( (int)strlen(srmOrigName[e])==n && memcmp(srmOrigName[e], z, (size_t)n)==0 ) break;
  }
  if( e>SRM_ORIG_THIRD_PARTY ){
    srmErrorUnknown(ctx, "origination", argv[0],
                    "(inherited, shared, customer, not_applicable, third_party)");
    return;
  }
  pM = (int*)sqlite3_aggregate_context(ctx, sizeof(int));
  if( pM==0 ){ sqlite3_result_error_nomem(ctx); return; }
  *pM |= aShare[e] | SRM_SHARE_SEEN;
}
static void srmCombinedFinal(sqlite3_context *ctx){
  int *pM = (int*)sqlite3_aggregate_context(ctx, 0);
  /* allocated by a value, which set SRM_SHARE_SEEN at least */
  if( pM ) sqlite3_result_text(ctx, srmOrigName[srmOrigination(*pM)], -1, SQLITE_STATIC);
}

int srmRegisterFrameworks(sqlite3 *db){
  static const struct {
    const char *zName;
    int nArg;
    void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
  } aFunc[] = {
    { "srm_origination",     3, srmOriginationFunc },
    { "srm_origination",     4, srmOriginationFunc },
    { "srm_origination_why", 3, srmOriginationWhyFunc },
    { "srm_origination_why", 4, srmOriginationWhyFunc },
    { "srm_uuid5",           2, srmUuid5Func },
  };
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  size_t i;
  int rc = SQLITE_OK;
  for(i=0; rc==SQLITE_OK && i<sizeof(aFunc)/sizeof(aFunc[0]); i++){
    rc = sqlite3_create_function(db, aFunc[i].zName, aFunc[i].nArg, flags, 0,
                                 aFunc[i].xFunc, 0, 0);
  }
  if( rc==SQLITE_OK ){
    rc = sqlite3_create_function(db, "srm_combined_origination", 1, flags, 0, 0,
                                 srmCombinedStep, srmCombinedFinal);
  }
  return rc;
}
