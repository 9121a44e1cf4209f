/*
** fuzz_arn.c: srm_arn(arn, part) and srmArnSplit() on arbitrary bytes.
**
** Input: byte 0 chooses, byte 1 is the length of the ARN (cut to what
** there is; 255: all the rest), then the ARN, then a part name; either may
** hold any byte, NUL included.
**   bit 0   the ARN bound as a blob rather than text
**   bit 1   also srm_arn(arn, <the part name of the input>)
** Checks: srm_arn() for each of the six parts equals the slice that
** srmArnSplit() gives on an exact-size copy (NULL for an empty part or a
** non-ARN); a part name that is not one of the six fails with "unknown
** part"; srmResolve() of an ARN stays in range.
*/
#include "fuzz.h"

static const char *const azPart[6] = {
  "partition", "service", "region", "account", "resource_type", "resource_id"
};
static sqlite3_stmt *pAll, *pOne;

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  const char *zArn, *zPart = 0;
  size_t nArn, nPart = 0;
  const char *az[6];
  size_t an[6];
  int bArn, i, rc, mode;
  char *zCopy;
  SrmTarget t;
  if( nData<2 ) return 0;
  mode = aData[0];
  zArn = (const char*)aData + 2;
  nArn = nData - 2;
  if( aData[1]!=255 && aData[1]<nArn ){
    zPart = zArn + aData[1];
    nPart = nArn - aData[1];
    nArn = aData[1];
  }
  zCopy = fuzzCopy((const uint8_t*)zArn, nArn);
  bArn = srmArnSplit(zCopy, nArn, az, an);
  if( srmResolve(zCopy, nArn, &t) ){
    if( t.iService<0 || t.iService>=srmCount[SRM_COUNT_SERVICE] ) fuzzFail("srmResolve", "out of range");
  }

  if( pAll==0 ){
    pAll = fuzzPrepare("SELECT srm_arn(?1, 'partition'), srm_arn(?1, 'service'),"
                       " srm_arn(?1, 'region'), srm_arn(?1, 'account'),"
                       " srm_arn(?1, 'resource_type'), srm_arn(?1, 'resource_id')");
    pOne = fuzzPrepare("SELECT srm_arn(?1, ?2)");
  }
  fuzzBind(pAll, 1, zCopy, nArn, mode & 1);
  rc = sqlite3_step(pAll);
  if( rc!=SQLITE_ROW ) fuzzFail("srm_arn", sqlite3_errmsg(fuzzDb));
  for(i=0; i<6; i++){
    const char *z = (const char*)sqlite3_column_text(pAll, i);
    size_t n = (size_t)sqlite3_column_bytes(pAll, i);
    if( !bArn || an[i]==0 ){
      if( sqlite3_column_type(pAll, i)!=SQLITE_NULL ) fuzzFail("srm_arn", "a part where srmArnSplit has none");
    }else{
      if( z==0 || n!=an[i] || memcmp(z, az[i], n)!=0 ) fuzzFail("srm_arn", azPart[i]);
    }
  }
  sqlite3_reset(pAll);

  if( (mode & 2) && zPart ){
    const char *zErr;
    int bKnown = 0;
    for(i=0; i<6; i++){
      if( strlen(azPart[i])==nPart && memcmp(azPart[i], zPart, nPart)==0 ) bKnown = 1;
    }
    fuzzBind(pOne, 1, zCopy, nArn, 0);
    fuzzBind(pOne, 2, zPart, nPart, 0);
    zErr = fuzzRun(pOne, 0);
    if( zErr && (bKnown || !fuzzStartsWith(zErr, "unknown part '")) ) fuzzFail("srm_arn", zErr);
    if( !zErr && !bKnown ) fuzzFail("srm_arn", "an unknown part accepted");
    sqlite3_reset(pOne);
  }
  free(zCopy);
  return 0;
}
