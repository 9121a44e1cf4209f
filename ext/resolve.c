/*
** resolve.c: any identifier an inventory may hold -> (service, variant).
**
** Accepted forms, all matched without regard to ASCII case:
**
**   ARN                  arn:PARTITION:NAMESPACE:REGION:ACCOUNT:RESOURCE
**                        by (NAMESPACE, type), falling back to NAMESPACE;
**                        the type is RESOURCE up to its first '/' or ':'
**                        (instance/i-1 -> instance, db:orders -> db), so an
**                        ec2 volume resolves to ebs and an ec2 vpc to vpc
**   Resource Explorer    NAMESPACE:TYPE (ec2:instance), likewise
**   resource type        AWS::EC2::Instance (CloudFormation, AWS Config)
**   table name           aws_ec2_instance (Steampipe), aws_ec2_instances
**                        (CloudQuery)
**   service id or alias  ec2, Amazon EC2, Amazon Elastic Compute Cloud, EC2
**
** All of them are keys of one open-addressing table (srmKey[], built by
** ext/mkdata.c with at most half of its slots used), so a lookup is one hash
** of the bytes and, for an ARN whose type is not listed, one more probe.
** Nothing here allocates.
*/
#include <string.h>
#include "srm.h"

/* Index in srmKey[] of the key with hash h that equals z[0..n) ignoring
** case, or -1. */
static int srmKeyFind(unsigned int h, const char *z, size_t n){
  unsigned int mask = (unsigned int)srmCount[SRM_COUNT_KEY_SLOTS] - 1;
  unsigned int k = h & mask;
  while( srmKey[k].zKey ){
    const SrmKey *p = &srmKey[k];
    if( p->h==h && p->nKey==n ){
      size_t i;
      for(i=0; i<n && SRM_LOWER(z[i])==(unsigned char)p->zKey[i]; i++){}
      if( i==n ) return (int)k;
    }
    k = (k + 1) & mask;
  }
  return -1;
}

static int srmKeyTarget(int k, SrmTarget *pOut){
  if( k<0 ) return 0;
  pOut->iService = srmKey[k].iService;
  pOut->iVariant = srmKey[k].iVariant;
  return 1;
}

/*
** Resolve NAMESPACE:TYPE...: zNs[0..nNs) is the namespace, zRest[0..nRest)
** what follows its ':'.  Tries "namespace:type" when the rest has a type
** (text before a '/' or ':'), then "namespace:".
*/
static int srmResolveTyped(const char *zNs, size_t nNs,
                           const char *zRest, size_t nRest, SrmTarget *pOut){
  unsigned int h0 = srmHashStep(srmHash(zNs, nNs), ':');
  unsigned int h = h0;
  size_t i;
  for(i=0; i<nRest && zRest[i]!='/' && zRest[i]!=':'; i++){
    h = srmHashStep(h, (unsigned char)zRest[i]);
  }
  if( i>0 && i<nRest ){
    /* The key is zNs ':' zRest[0..i), which is not contiguous for an ARN:
    ** compare the two halves. */
    unsigned int mask = (unsigned int)srmCount[SRM_COUNT_KEY_SLOTS] - 1;
    unsigned int k = h & mask;
    size_t n = nNs + 1 + i;
    while( srmKey[k].zKey ){
      const SrmKey *p = &srmKey[k];
      if( p->h==h && p->nKey==n ){
        size_t j;
        for(j=0; j<nNs && SRM_LOWER(zNs[j])==(unsigned char)p->zKey[j]; j++){}
        if( j==nNs && p->zKey[nNs]==':' ){
          for(j=0; j<i && SRM_LOWER(zRest[j])==(unsigned char)p->zKey[nNs+1+j]; j++){}
          if( j==i ) return srmKeyTarget((int)k, pOut);
        }
      }
      k = (k + 1) & mask;
    }
  }
  {
    /* "namespace:" */
    unsigned int mask = (unsigned int)srmCount[SRM_COUNT_KEY_SLOTS] - 1;
    unsigned int k = h0 & mask;
    while( srmKey[k].zKey ){
      const SrmKey *p = &srmKey[k];
      if( p->h==h0 && p->nKey==nNs+1 && p->zKey[nNs]==':' ){
        size_t j;
        for(j=0; j<nNs && SRM_LOWER(zNs[j])==(unsigned char)p->zKey[j]; j++){}
        if( j==nNs ) return srmKeyTarget((int)k, pOut);
      }
      k = (k + 1) & mask;
    }
  }
  return 0;
}

/*
** Split an ARN into partition, service (namespace), region, account,
** resource type and resource id.  Returns 0 for anything that is not
** "arn:" followed by a non-empty partition, a non-empty namespace, a region,
** an account and a non-empty resource.  A part that is absent (the region
** and account of an S3 bucket, the type of an SNS topic) has length 0.
*/
int srmArnSplit(const char *z, size_t n, const char *az[6], size_t an[6]){
  const char *zEnd = z + n, *p, *q;
  int i;
  if( n<4 || memcmp(z, "arn:", 4)!=0 ) return 0;
  p = z + 4;
  for(i=0; i<4; i++){
    q = memchr(p, ':', (size_t)(zEnd - p));
    if( q==0 ) return 0;
    az[i] = p;
    an[i] = (size_t)(q - p);
    p = q + 1;
  }
  if( an[0]==0 || an[1]==0 || p==zEnd ) return 0;
  for(q=p; q<zEnd && *q!='/' && *q!=':'; q++){}
  if( q<zEnd && q>p ){
    az[4] = p;  an[4] = (size_t)(q - p);
    az[5] = q + 1;  an[5] = (size_t)(zEnd - q - 1);
  }else{
    az[4] = p;  an[4] = 0;
    az[5] = p;  an[5] = (size_t)(zEnd - p);
  }
  return 1;
}

int srmResolve(const char *z, size_t n, SrmTarget *pOut){
  const char *zEnd = z + n;
  if( n>4 && memcmp(z, "arn:", 4)==0 ){
    /* arn:PARTITION:NAMESPACE:REGION:ACCOUNT:RESOURCE */
    const char *zNs, *p, *q;
    int i;
    p = memchr(z + 4, ':', n - 4);
    if( p==0 || p==z+4 ) return 0;
    zNs = p + 1;
    q = memchr(zNs, ':', (size_t)(zEnd - zNs));
    if( q==0 || q==zNs ) return 0;
    p = q + 1;
    for(i=0; i<2; i++){
      p = memchr(p, ':', (size_t)(zEnd - p));
      if( p==0 ) return 0;
      p++;
    }
    if( p==zEnd ) return 0;
    return srmResolveTyped(zNs, (size_t)(q - zNs), p, (size_t)(zEnd - p), pOut);
  }
  {
    /* Any whole key but a namespace's default, "namespace:", which is
    ** not a name anyone writes. */
    int k = srmKeyFind(srmHash(z, n), z, n);
    if( k>=0 && !(srmKey[k].eKind==SRM_KEY_ARN && z[n-1]==':') ){
      return srmKeyTarget(k, pOut);
    }
  }
  {
    /* NAMESPACE:TYPE as Resource Explorer writes it, with no "::". */
    const char *p = memchr(z, ':', n);
    if( p && p>z && p+1<zEnd && p[1]!=':' && memchr(p+1, ':', (size_t)(zEnd-p-1))==0 ){
      return srmResolveTyped(z, (size_t)(p - z), p + 1, (size_t)(zEnd - p - 1), pOut);
    }
  }
  return 0;
}
