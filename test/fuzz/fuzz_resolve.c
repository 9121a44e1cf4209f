/*
** fuzz_resolve.c: identifiers as inventories hold them, on arbitrary bytes.
**
** Input: byte 0 chooses, bytes 1 and 2 are the lengths of x and of the
** control segment (cut to what there is; 255 for x means all the rest), and
** the bytes after them are x, the control segment and the variant, so that
** any of them may hold any byte, NUL included.
**   bit 0      x bound as a blob rather than text
**   bit 1      three arguments (with variant) rather than two
**   bits 2..7  the control: srmControl[k] for k < the number of controls,
**              else the control segment of the input, as written
** Checks, besides the sanitizers:
**   - srmResolve() and srmArnSplit() on an exact-size copy of x: indices in
**     range, parts inside x;
**   - responsibility(), responsibility_why(), srm_service(), srm_category(),
**     srm_variant() agree with each other and with srmResolve(), give only
**     aws/customer/shared/not_applicable, valid JSON, and fail only with the documented
**     "unknown control" / "unknown variant" messages.
*/
#include "fuzz.h"

static sqlite3_stmt *pTwo, *pThree;

static void checkTarget(const char *z, size_t n){
  SrmTarget t;
  const char *az[6];
  size_t an[6];
  int i;
  if( srmResolve(z, n, &t) ){
    const SrmService *pS;
    if( t.iService<0 || t.iService>=srmCount[SRM_COUNT_SERVICE] ) fuzzFail("srmResolve", "service out of range");
    pS = &srmService[t.iService];
    if( t.iVariant!=0 && (t.iVariant-1<pS->iVariant || t.iVariant-1>=pS->iVariant+pS->nVariant) ){
      fuzzFail("srmResolve", "variant of another service");
    }
    if( srmSlot(&t)<0 || srmSlot(&t)>=srmCount[SRM_COUNT_SLOT] ) fuzzFail("srmSlot", "out of range");
  }
  if( srmArnSplit(z, n, az, an) ){
    for(i=0; i<6; i++){
      if( az[i]<z || az[i]+an[i]>z+n ) fuzzFail("srmArnSplit", "part outside the ARN");
    }
    if( an[0]==0 || an[1]==0 ) fuzzFail("srmArnSplit", "empty partition or service");
  }
}

static int isOwner(const char *z){
  return z && (strcmp(z, "aws")==0 || strcmp(z, "customer")==0 || strcmp(z, "shared")==0
               || strcmp(z, "not_applicable")==0);
}

/* Columns: 0 responsibility, 1 json_valid(why), 2 why.owner, 3 srm_service,
** 4 srm_category, 5 srm_variant */
static void checkRow(sqlite3_stmt *p){
  const char *zOwner = (const char*)sqlite3_column_text(p, 0);
  const char *zWhyOwner = (const char*)sqlite3_column_text(p, 2);
  int bService = sqlite3_column_type(p, 3)!=SQLITE_NULL;
  if( zOwner && !isOwner(zOwner) ) fuzzFail("responsibility", zOwner);
  if( (zOwner==0)!=(zWhyOwner==0) || (zOwner && strcmp(zOwner, zWhyOwner)!=0) ){
    fuzzFail("responsibility_why", "owner differs from responsibility()");
  }
  if( zOwner && sqlite3_column_int(p, 1)!=1 ) fuzzFail("responsibility_why", "not JSON");
  if( bService != (sqlite3_column_type(p, 4)!=SQLITE_NULL) ){
    fuzzFail("srm_category", "NULL where srm_service is not, or the reverse");
  }
  if( zOwner && !bService ) fuzzFail("responsibility", "an owner for an unknown service");
}

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  const uint8_t *p, *pEnd = aData + nData;
  const char *azSeg[3] = {"", "", ""};
  size_t anSeg[3] = {0, 0, 0};
  char *zX;
  int mode, k, nSeg = 0, iControl;
  sqlite3_stmt *pStmt;
  const char *zErr;
  if( nData<3 ) return 0;
  mode = aData[0];
  p = aData + 3;
  for(nSeg=0; nSeg<3; nSeg++){
    size_t nLeft = (size_t)(pEnd - p), n = nLeft;
    if( nSeg==0 && aData[1]!=255 ) n = aData[1];
    if( nSeg==1 ) n = aData[2];
    if( n>nLeft ) n = nLeft;
    azSeg[nSeg] = (const char*)p;
    anSeg[nSeg] = n;
    p += n;
  }
  zX = fuzzCopy((const uint8_t*)azSeg[0], anSeg[0]);
  checkTarget(zX, anSeg[0]);

  if( pTwo==0 ){
    pTwo = fuzzPrepare("SELECT responsibility(?1, ?2), json_valid(responsibility_why(?1, ?2)),"
                       " responsibility_why(?1, ?2) ->> '$.owner',"
                       " srm_service(?1), srm_category(?1), srm_variant(?1)");
    pThree = fuzzPrepare("SELECT responsibility(?1, ?2, ?3), json_valid(responsibility_why(?1, ?2, ?3)),"
                         " responsibility_why(?1, ?2, ?3) ->> '$.owner',"
                         " srm_service(?1), srm_category(?1), srm_variant(?1)");
  }
  pStmt = (mode & 2) ? pThree : pTwo;
  fuzzBind(pStmt, 1, zX, anSeg[0], mode & 1);
  k = mode >> 2;
  iControl = k<SRM_NCONTROL ? k : -1;
  if( iControl>=0 ){
    sqlite3_bind_text(pStmt, 2, SRM_STR(srmControl[iControl].zId), -1, SQLITE_STATIC);
  }else{
    fuzzBind(pStmt, 2, azSeg[1], anSeg[1], 0);
  }
  if( mode & 2 ) fuzzBind(pStmt, 3, azSeg[2], anSeg[2], 0);
  zErr = fuzzRun(pStmt, checkRow);
  if( zErr && !fuzzStartsWith(zErr, "unknown control '") && !fuzzStartsWith(zErr, "unknown variant '") ){
    fuzzFail("responsibility", zErr);
  }
  if( zErr && iControl>=0 && fuzzStartsWith(zErr, "unknown control") ){
    fuzzFail("responsibility", "a known control refused");
  }
  sqlite3_reset(pStmt);
  sqlite3_clear_bindings(pStmt);
  free(zX);
  return 0;
}
