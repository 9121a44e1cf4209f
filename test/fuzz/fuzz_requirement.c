/*
** fuzz_requirement.c: requirement ids as people write them
** (srmRequirementFind()), srm_origination() and srm_uuid5() on arbitrary
** bytes.
**
** Input: byte 0 chooses, the rest is the id (any byte, NUL included).
**   bit 0   the framework: nist_800_53_r5 or nist_800_171_r3
**   bit 1   the id bound as a blob rather than text
** Checks: srmRequirementFind() on an exact-size copy finds a requirement
** of the framework or nothing; what it finds, found again by its own id
** and by its label, is the same requirement; srm_origination('ec2', f, id)
** answers (one of the four, or NULL for a withdrawn or unmapped one)
** exactly when srmRequirementFind() finds it, and fails with "unknown
** requirement" otherwise; srm_uuid5() of the id in a fixed namespace is a
** version 5 UUID, the same twice.
*/
#include "fuzz.h"

static sqlite3_stmt *pOrig, *pUuid;

/* Both columns the same version 5 UUID, in lower case. */
static void uuidRow(sqlite3_stmt *pStmt){
  const char *z = (const char*)sqlite3_column_text(pStmt, 0);
  const char *z2 = (const char*)sqlite3_column_text(pStmt, 1);
  int i;
  if( z==0 || z2==0 || strlen(z)!=36 || strcmp(z, z2) || z[14]!='5' || strchr("89ab", z[19])==0 ){
    fuzzFail("srm_uuid5", z);
  }
  for(i=0; i<36; i++){
    int bDash = i==8 || i==13 || i==18 || i==23;
    if( bDash ? z[i]!='-' : strchr("0123456789abcdef", z[i])==0 ) fuzzFail("srm_uuid5", z);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  static const char *const azFw[2] = { "nist_800_53_r5", "nist_800_171_r3" };
  const char *zErr, *zFw;
  char *zCopy;
  size_t n;
  int mode, iFw, iReq;
  if( nData<1 ) return 0;
  mode = aData[0];
  n = nData - 1;
  zCopy = fuzzCopy(aData + 1, n);
  zFw = azFw[mode & 1];
  iFw = srmFrameworkFind(zFw, strlen(zFw));
  if( iFw<0 ) fuzzFail("srmFrameworkFind", zFw);
  iReq = srmRequirementFind(iFw, zCopy, n);
  if( iReq>=0 ){
    const SrmRequirement *pR = &srmRequirement[iReq];
    const char *zId = SRM_STR(pR->zId), *zLabel = SRM_STR(pR->zLabel);
    if( pR->iFramework!=iFw ) fuzzFail("srmRequirementFind", "another framework's requirement");
    if( srmRequirementFind(iFw, zId, strlen(zId))!=iReq ) fuzzFail("srmRequirementFind", zId);
    if( srmRequirementFind(iFw, zLabel, strlen(zLabel))!=iReq ) fuzzFail("srmRequirementFind", zLabel);
  }

  if( pOrig==0 ){
    pOrig = fuzzPrepare("SELECT srm_origination('ec2', ?1, ?2)");
    pUuid = fuzzPrepare("SELECT srm_uuid5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', ?1),"
                        " srm_uuid5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', ?1)");
  }
  fuzzBind(pOrig, 1, zFw, strlen(zFw), 0);
  fuzzBind(pOrig, 2, zCopy, n, mode & 2);
  if( sqlite3_step(pOrig)==SQLITE_ROW ){
    const char *z = (const char*)sqlite3_column_text(pOrig, 0);
    if( iReq<0 ) fuzzFail("srm_origination", "an unknown id answered");
    if( z && strcmp(z, "inherited") && strcmp(z, "shared") && strcmp(z, "customer")
        && strcmp(z, "not_applicable") ){
      fuzzFail("srm_origination", z);
    }
  }else{
    zErr = sqlite3_errmsg(fuzzDb);
    if( !fuzzStartsWith(zErr, "unknown requirement '") ) fuzzFail("srm_origination", zErr);
    if( iReq>=0 ) fuzzFail("srm_origination", "a known id refused");
  }
  sqlite3_reset(pOrig);

  fuzzBind(pUuid, 1, zCopy, n, mode & 2);
  zErr = fuzzRun(pUuid, uuidRow);
  if( zErr ) fuzzFail("srm_uuid5", zErr);
  sqlite3_reset(pUuid);
  free(zCopy);
  return 0;
}
