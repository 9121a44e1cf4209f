/*
** model.c: lookups in the compiled-in model (build/srm_data.c).
**
** Control, service and variant ids are matched exactly (they are contract
** names, always lower case); identifiers from inventories go through
** resolve.c instead.
*/
#include <string.h>
#include "srm.h"

/* Is z[0..n), which may hold NUL bytes, exactly the id zId? */
static int srmIdEq(const char *zId, const char *z, size_t n){
  return strlen(zId)==n && memcmp(zId, z, n)==0;
}

/* Index in srmControl[] of control z[0..n), or -1. */
int srmControlFind(const char *z, size_t n){
  int i;
  if( n==0 ) return -1;
  for(i=0; i<SRM_NCONTROL; i++){
    if( SRM_STR(srmControl[i].zId)[0]==z[0] && srmIdEq(SRM_STR(srmControl[i].zId), z, n) ) return i;
  }
  return -1;
}

/* 1 + index in srmVariant[] of variant z[0..n) of service iService, or -1
** when the service has no such variant. */
int srmVariantFind(int iService, const char *z, size_t n){
  const SrmService *p = &srmService[iService];
  int i;
  for(i=0; i<p->nVariant; i++){
    if( srmIdEq(SRM_STR(srmVariant[p->iVariant + i].zId), z, n) ) return p->iVariant + i + 1;
  }
  return -1;
}

/* The variant whose answers slot iSlot of service iService gives, or NULL
** for a service without variants. */
const char *srmVariantOfSlot(int iService, int iSlot){
  const SrmService *pS = &srmService[iService];
  int k = iSlot - pS->iSlot;
  if( pS->nVariant==0 ) return 0;
  return SRM_STR(srmVariant[pS->iVariant + (k==0 ? pS->iDefault : k - 1)].zId);
}

/* SRM_OWNER_* of the owner named exactly z[0..n) (aws, customer,
** shared), or 0. */
int srmOwnerFind(const char *z, size_t n){
  int e;
  for(e=SRM_OWNER_AWS; e<=SRM_OWNER_SHARED; e++){
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
