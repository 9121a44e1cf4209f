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
** ext/mkdata.c with at most half of its slots used).  A namespace's own key
** is "namespace:"; it says whether the namespace has "namespace:type" keys
** at all (bTyped), so an ARN of most services costs one hash of its
** namespace and one probe, and only ec2, eks, rds and the like hash the
** type too.  Nothing here allocates.
*/
#include <string.h>
#include "srm.h"

#define SRM_KEY_MASK ((unsigned int)srmCount[SRM_COUNT_KEY_SLOTS] - 1)

/* Does key p equal a[0..na) followed by b[0..nb), ignoring case? */
static int srmKeyIs(const SrmKey *p, const char *a, size_t na, const char *b, size_t nb){
  size_t i;
  const char *zKey = SRM_STR(p->iKey);
  if( p->nKey!=na+nb ) return 0;
  for(i=0; i<na; i++) if( SRM_LOWER(a[i])!=(unsigned char)zKey[i] ) return 0;
  for(i=0; i<nb; i++) if( SRM_LOWER(b[i])!=(unsigned char)zKey[na+i] ) return 0;
  return 1;
}

/* Index in srmKey[] of the key a[0..na) b[0..nb) whose hash is h, or -1. */
static int srmKeyFind(unsigned int h, const char *a, size_t na, const char *b, size_t nb){
  unsigned int k = h & SRM_KEY_MASK;
  while( srmKey[k].nKey ){
    if( srmKey[k].h==h && srmKeyIs(&srmKey[k], a, na, b, nb) ) return (int)k;
    k = (k + 1) & SRM_KEY_MASK;
  }
  return -1;
}

static int srmKeyTarget(int k, SrmTarget *pOut){
  pOut->iService = srmKey[k].iService;
  pOut->iVariant = srmKey[k].iVariant;
  return 1;
}

/*
** NAMESPACE:REST: zNs[0..nNs) is the namespace and h its hash with the ':'
** hashed in; zRest[0..nRest) is what follows the namespace's ':' (for an
** ARN, the resource).  The type is the text of zRest before a '/' or ':'.
*/
static int srmResolveTyped(const char *zNs, size_t nNs, unsigned int h,
                           const char *zRest, size_t nRest, SrmTarget *pOut){
  /* zNs[nNs] is the ':' after the namespace, in an ARN and in NAMESPACE:TYPE
  ** alike, so "namespace:" is the one run zNs[0..nNs]. */
  int k = srmKeyFind(h, zNs, nNs + 1, 0, 0);
  const char *p = zRest, *zEnd = zRest + nRest;
  if( k<0 ) return 0;
  if( srmKey[k].bTyped ){
    for(; p<zEnd && *p!='/' && *p!=':'; p++) h = srmHashStep(h, (unsigned char)*p);
    if( p>zRest && p<zEnd ){
      int kType = srmKeyFind(h, zNs, nNs + 1, zRest, (size_t)(p - zRest));
      if( kType>=0 ) k = kType;
    }
  }
  return srmKeyTarget(k, pOut);
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

/*
** The ARN branch of srmResolve(): z[0..zEnd) starts with "arn:".  For an
** ARN it resolves, *pzAccount and *pnAccount get its account (as
** srmArnSplit() gives it, maybe empty).
*/
static inline int srmResolveArn(const char *z, const char *zEnd, SrmTarget *pOut,
                                const char **pzAccount, size_t *pnAccount){
  const char *p, *zNs;
  unsigned int h;
  size_t n;
  /* arn:PARTITION:NAMESPACE:REGION:ACCOUNT:RESOURCE */
  for(p=z+4; p<zEnd && *p!=':'; p++){}
  if( p==z+4 || p==zEnd ) return 0;
  zNs = ++p;
  h = SRM_FNV_OFFSET;
  for(; p<zEnd && *p!=':'; p++) h = srmHashStep(h, (unsigned char)*p);
  if( p==zNs || p==zEnd ) return 0;
  n = (size_t)(p - zNs);
  p = memchr(p + 1, ':', (size_t)(zEnd - p - 1));          /* after region */
  if( p==0 ) return 0;
  *pzAccount = p + 1;
  p = memchr(p + 1, ':', (size_t)(zEnd - p - 1));          /* after account */
  if( p==0 ) return 0;
  *pnAccount = (size_t)(p - *pzAccount);
  if( ++p==zEnd ) return 0;
  return srmResolveTyped(zNs, n, srmHashStep(h, ':'), p, (size_t)(zEnd - p), pOut);
}

int srmResolveAccount(const char *z, size_t n, SrmTarget *pOut,
                      const char **pzAccount, size_t *pnAccount){
  *pzAccount = 0;
  *pnAccount = 0;
  if( n>4 && z[0]=='a' && z[1]=='r' && z[2]=='n' && z[3]==':' ){
    return srmResolveArn(z, z + n, pOut, pzAccount, pnAccount);
  }
  return srmResolve(z, n, pOut);
}

int srmResolve(const char *z, size_t n, SrmTarget *pOut){
  const char *zEnd = z + n, *p;
  int k;
  if( n>4 && z[0]=='a' && z[1]=='r' && z[2]=='n' && z[3]==':' ){
    const char *zAccount;
    size_t nAccount;
    return srmResolveArn(z, zEnd, pOut, &zAccount, &nAccount);
  }
  /* Any whole key but a namespace's own, "namespace:", which is not a name
  ** anyone writes. */
  k = srmKeyFind(srmHash(z, n), z, n, 0, 0);
  if( k>=0 && !(srmKey[k].eKind==SRM_KEY_ARN && z[n-1]==':') ) return srmKeyTarget(k, pOut);
  /* NAMESPACE:TYPE as Resource Explorer writes it, with no "::". */
  p = memchr(z, ':', n);
  if( p && p>z && p+1<zEnd && p[1]!=':' && memchr(p+1, ':', (size_t)(zEnd-p-1))==0 ){
    return srmResolveTyped(z, (size_t)(p - z), srmHashStep(srmHash(z, (size_t)(p - z)), ':'),
                           p + 1, (size_t)(zEnd - p - 1), pOut);
  }
  return 0;
}

/* Index in srmService[] of the service whose id is exactly z[0..n), or -1:
** one probe of the identifier table, then a byte-for-byte compare. */
int srmServiceFind(const char *z, size_t n){
  int k = srmKeyFind(srmHash(z, n), z, n, 0, 0);
  if( k<0 || srmKey[k].eKind!=SRM_KEY_ID || memcmp(SRM_STR(srmKey[k].iKey), z, n)!=0 ) return -1;
  return srmKey[k].iService;
}
