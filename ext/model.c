/*
** model.c: lookups in the compiled-in model (build/srm_data.c).
**
** Control and service ids are contract names, always lower case, and are
** matched exactly.  Variant ids are matched without regard to ASCII case
** (AWS and Steampipe write FARGATE, srm fargate).  Identifiers from
** inventories go through resolve.c instead.
*/
#include <string.h>
#include "srm.h"

/* Is z[0..n) the lower-case id zId, ignoring ASCII case? */
static int srmIdEqNoCase(const char *zId, const char *z, size_t n){
  size_t i;
  if( strlen(zId)!=n ) return 0;
  for(i=0; i<n; i++){
    if( srmLower((unsigned char)z[i])!=zId[i] ) return 0;
  }
  return 1;
}

/* Index in srmControl[] of control z[0..n), or -1: srmControlHash() and a
** probe of srmControlSlot[], then the length and the bytes, so that a
** control that changes from row to row costs about what a constant one
** does. */
int srmControlFind(const char *z, size_t n){
  unsigned int k;
  if( n==0 ) return -1;
  for(k=srmControlHash(z, n); srmControlSlot[k]; k=(k+1) & (SRM_CONTROL_SLOTS-1)){
    int i = srmControlSlot[k] - 1;
    if( srmControl[i].nId==n && memcmp(SRM_STR(srmControl[i].zId), z, n)==0 ) return i;
  }
  return -1;
}

/*
** Index in srmCheck[] of the check of scanner zScanner that a finding
** names z[0..n) (an id, or an AWS Config rule name), or -1.  Case, and '_'
** against '-', do not matter: a binary search of srmCheckKey[].
*/
static int srmCheckCmp(const SrmCheckKey *p, const char *zScanner, const char *z, size_t n){
  const char *zKey = SRM_STR(p->iKey);
  size_t i;
  int c = strcmp(SRM_STR(p->iScanner), zScanner);
  if( c ) return c;
  for(i=0; i<n && zKey[i]; i++){
    int a = (unsigned char)zKey[i], b = srmLower((unsigned char)z[i]);
    if( b=='_' ) b = '-';
    if( a!=b ) return a - b;
  }
  return zKey[i] ? 1 : (i<n ? -1 : 0);
}
int srmCheckFind(const char *zScanner, const char *z, size_t n){
  int lo = 0, hi = srmCount[SRM_COUNT_CHECK];
  while( lo<hi ){
    int mid = (lo + hi)/2, c = srmCheckCmp(&srmCheckKey[mid], zScanner, z, n);
    if( c==0 ) return srmCheckKey[mid].iCheck;
    if( c<0 ) lo = mid + 1; else hi = mid;
  }
  return -1;
}

/* 1 + index in srmVariant[] of variant z[0..n) of service iService (any
** ASCII case), or -1 when the service has no such variant. */
int srmVariantFind(int iService, const char *z, size_t n){
  const SrmService *p = &srmService[iService];
  int i;
  for(i=0; i<p->nVariant; i++){
    if( srmIdEqNoCase(SRM_STR(srmVariant[p->iVariant + i].zId), z, n) ) return p->iVariant + i + 1;
  }
  return -1;
}

/* The variant whose answers slot iSlot of service iService gives, or NULL
** for a service without variants. */
const char *srmVariantOfSlot(int iService, int iSlot){
  int v = srmSlotVariant(iService, iSlot);
  return v ? SRM_STR(srmVariant[v - 1].zId) : 0;
}

/* SRM_OWNER_* of the model owner named exactly z[0..n) (aws, customer,
** shared, not_applicable), or 0. */
int srmOwnerFind(const char *z, size_t n){
  int e;
  for(e=SRM_OWNER_AWS; e<SRM_OWNER_THIRD_PARTY; e++){
    if( (size_t)srmOwnerLen(e)==n && memcmp(srmOwnerName(e), z, n)==0 ) return e;
  }
  return 0;
}

const char *srmBasisName(int eBasis){
  switch( eBasis ){
    case SRM_BASIS_SERVICE:  return "service";
    case SRM_BASIS_VARIANT:  return "variant";
    case SRM_BASIS_DERIVED:  return "derived";
    default:                 return "category_default";
  }
}
