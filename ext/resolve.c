/*
** resolve.c: any identifier an inventory may hold -> (service, variant).
**
** Accepted forms, all matched without regard to ASCII case (the "arn:"
** prefix and the partition too), with nothing around them: a value that
** starts or ends with ASCII white space (space, tab, line feed, carriage
** return, vertical tab, form feed) resolves to nothing:
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
**
** Everything is read 8 bytes at a time (srm.h): colons are found a word at
** a time, a namespace or type of up to 8 bytes is hashed and compared as
** one word, and lower-case input is never folded.  A word is read whole
** only when its 8 bytes lie inside the value; the last few bytes of a
** value are read one by one (srmLoadShort), so nothing is read past it.
** responsibility(arn) spends about 250 instructions here and in func.c
** beyond what SQLite's API costs (make bench-check).
*/
#include <string.h>
#include "srm.h"

#define SRM_KEY_MASK ((unsigned int)srmCount[SRM_COUNT_KEY_SLOTS] - 1)
#define SRM_COLONS  (SRM_ONES * ':')
#define SRM_SLASHES (SRM_ONES * '/')
/* "arn:aws:" as srmLoad() reads it */
#define SRM_ARN_AWS ((uint64_t)'a' | (uint64_t)'r'<<8 | (uint64_t)'n'<<16 | (uint64_t)':'<<24 \
  | (uint64_t)'a'<<32 | (uint64_t)'w'<<40 | (uint64_t)'s'<<48 | (uint64_t)':'<<56)

/* Is z[0..n) (readable up to zEnd) equal to zKey[0..n), ignoring case?  The
** key is lower case and may be read as words (the pool is padded). */
SRM_INLINE int srmPartIs(const char *zKey, const char *z, size_t n, const char *zEnd){
  for(; n>=8; z+=8, zKey+=8, n-=8){
    if( !srmWordIs(srmLoad(z), srmLoad(zKey), 8) ) return 0;
  }
  return n==0 || srmWordIs(srmLoadPart(z, n, zEnd), srmLoad(zKey), n);
}

/*
** Index in srmKey[] of the key a[0..na) b[0..nb) (each part readable up to
** aEnd, bEnd) whose srmHashEnd() is h, or -1.
*/
SRM_INLINE int srmKeyFind(unsigned int h, const char *a, size_t na, const char *aEnd,
                          const char *b, size_t nb, const char *bEnd){
  unsigned int k = h & SRM_KEY_MASK;
  const SrmKey *p;
  for(; (p = &srmKey[k])->nKey; k = (k + 1) & SRM_KEY_MASK){
    if( p->h==h && p->nKey==na+nb
     && srmPartIs(SRM_STR(p->iKey), a, na, aEnd)
     && (nb==0 || srmPartIs(SRM_STR(p->iKey) + na, b, nb, bEnd)) ){
      return (int)k;
    }
  }
  return -1;
}

/* Word w (its n low bytes) of an input against word k of a key: byte for
** byte when bExact, else without regard to case. */
SRM_INLINE int srmWordMatch(uint64_t w, uint64_t k, size_t n, int bExact){
  return bExact ? ((w ^ k) & srmMask(n))==0 : srmWordIs(w, k, n);
}

/*
** srmKeyFind() for keys whose parts both fit in a word: the key of nA
** bytes (1..8) whose input word is wA, followed by nB bytes (0..8) whose
** input word is wB.  Most namespaces and resource types are that short.
** bExact (a constant at each call) compares case and all.
*/
SRM_INLINE int srmKeyFindShort(unsigned int h, uint64_t wA, size_t nA, uint64_t wB, size_t nB,
                               int bExact){
  unsigned int k = h & SRM_KEY_MASK;
  const SrmKey *p;
  for(; (p = &srmKey[k])->nKey; k = (k + 1) & SRM_KEY_MASK){
    if( p->h==h && p->nKey==nA+nB
     && srmWordMatch(wA, srmLoad(SRM_STR(p->iKey)), nA, bExact)
     && (nB==0 || srmWordMatch(wB, srmLoad(SRM_STR(p->iKey) + nA), nB, bExact)) ){
      return (int)k;
    }
  }
  return -1;
}

static int srmKeyTarget(int k, SrmTarget *pOut){
  pOut->iService = srmKey[k].iService;
  pOut->iVariant = srmKey[k].iVariant;
  return 1;
}

/*
** The colons of z[..zEnd), in order, 8 bytes at a time: srmColonsStart()
** sets up a scan from z, srmColonNext() returns the next colon or 0 when
** there is none.  *pm holds the colons of the word at *pz not yet returned.
*/
SRM_INLINE uint64_t srmColonWord(const char *z, const char *zEnd){
  uint64_t w = srmLoadPart(z, (size_t)(zEnd - z), zEnd);
  return srmZeroBytes(w ^ SRM_COLONS);      /* padding bytes are 0, not ':' */
}
SRM_INLINE void srmColonsStart(const char *z, const char *zEnd, const char **pz, uint64_t *pm){
  *pz = z;
  *pm = z<zEnd ? srmColonWord(z, zEnd) : 0;
}
SRM_INLINE const char *srmColonNext(const char **pz, uint64_t *pm, const char *zEnd){
  const char *z = *pz;
  uint64_t m = *pm;
  while( m==0 ){
    if( zEnd - z<=8 ) return 0;           /* that word reached the end */
    z += 8;
    m = srmColonWord(z, zEnd);
  }
  *pz = z;
  *pm = m & (m - 1);
  return z + srmFirstByte(m);
}

/*
** The 4 colons after "arn:" of the ARN z[0..zEnd) (after its partition,
** namespace, region and account) in ap[], or 0 when there are fewer.  The
** partition is nearly always "aws", checked as one word.
*/
SRM_INLINE int srmArnColons(const char *z, const char *zEnd, const char *ap[4]){
  const char *zScan;
  uint64_t m;
  if( zEnd - z>=8 && srmLoad(z)==SRM_ARN_AWS ){
    ap[0] = z + 7;
    srmColonsStart(z + 8, zEnd, &zScan, &m);
  }else{
    srmColonsStart(z + 4, zEnd, &zScan, &m);
    if( (ap[0] = srmColonNext(&zScan, &m, zEnd))==0 ) return 0;
  }
  return (ap[1] = srmColonNext(&zScan, &m, zEnd))!=0
      && (ap[2] = srmColonNext(&zScan, &m, zEnd))!=0
      && (ap[3] = srmColonNext(&zScan, &m, zEnd))!=0;
}

/* Does z[0..n) start with "arn:" in any ASCII case?  (One word compare for
** the lower-case form everybody writes.) */
SRM_INLINE int srmArnPrefix(const char *z, size_t n){
  return n>4 && (memcmp(z, "arn:", 4)==0
                 || (srmLower((unsigned char)z[0])=='a' && srmLower((unsigned char)z[1])=='r'
                     && srmLower((unsigned char)z[2])=='n' && z[3]==':'));
}

/* Is c ASCII white space? */
SRM_INLINE int srmIsSpace(char c){
  return c==' ' || (c>='\t' && c<='\r');
}

/* The end of the resource type that starts at z: the first '/' or ':' of
** z[..zEnd), or zEnd. */
SRM_INLINE const char *srmTypeEnd(const char *z, const char *zEnd){
  for(; zEnd - z >= 8; z+=8){
    uint64_t w = srmLoad(z);
    uint64_t m = srmZeroBytes(w ^ SRM_COLONS) | srmZeroBytes(w ^ SRM_SLASHES);
    if( m ) return z + srmFirstByte(m);
  }
  while( z<zEnd && *z!='/' && *z!=':' ) z++;
  return z;
}

/*
** NAMESPACE:REST.  zNs[0..nNs] is the namespace and the ':' after it;
** zRest[0..zEnd) is what follows that ':' somewhere later in the same
** string (for an ARN, the resource).  The type is the text of zRest before
** a '/' or ':'; when zRest has neither, it is all of zRest if bAll (a
** Resource Explorer "ec2:instance"), else there is none (an ARN whose
** resource is a bare name, as an SNS topic's).
*/
SRM_INLINE int srmResolveTyped(const char *zNs, size_t nNs, const char *zRest,
                               const char *zEnd, int bAll, SrmTarget *pOut){
  size_t nA = nNs + 1;
  int bShort = nA<=8 && zEnd - zNs>=8;
  uint64_t wA = 0, h;
  int k;
  if( bShort ){
    wA = srmLoad(zNs);
    h = srmHashWord(SRM_HASH_SEED, wA, nA);
    k = srmKeyFindShort(srmHashEnd(h), wA, nA, 0, 0, 0);
  }else{
    h = srmHashMore(SRM_HASH_SEED, zNs, nA, zEnd);
    k = srmKeyFind(srmHashEnd(h), zNs, nA, zEnd, 0, 0, 0);
  }
  if( k<0 ) return 0;
  if( srmKey[k].bTyped ){
    const char *p = srmTypeEnd(zRest, zEnd);
    if( p>zRest && (p<zEnd || bAll) ){
      size_t nB = (size_t)(p - zRest);
      int kType;
      if( bShort && nB<=8 && zEnd - zRest>=8 ){
        uint64_t wB = srmLoad(zRest);
        kType = srmKeyFindShort(srmHashEnd(srmHashWord(h, wB, nB)), wA, nA, wB, nB, 0);
      }else{
        kType = srmKeyFind(srmHashEnd(srmHashMore(h, zRest, nB, zEnd)),
                           zNs, nA, zEnd, zRest, nB, zEnd);
      }
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
  const char *zEnd = z + n, *p, *q, *ap[4];
  int i;
  if( !srmArnPrefix(z, n) || !srmArnColons(z, zEnd, ap) ) return 0;
  p = z + 4;
  for(i=0; i<4; i++){
    az[i] = p;
    an[i] = (size_t)(ap[i] - p);
    p = ap[i] + 1;
  }
  if( an[0]==0 || an[1]==0 || p==zEnd ) return 0;
  q = srmTypeEnd(p, zEnd);
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
SRM_INLINE int srmResolveArn(const char *z, const char *zEnd, SrmTarget *pOut,
                             const char **pzAccount, size_t *pnAccount){
  /* arn:PARTITION:NAMESPACE:REGION:ACCOUNT:RESOURCE, ap[] its 4 colons */
  const char *ap[4];
  if( !srmArnColons(z, zEnd, ap) || ap[0]==z+4 || ap[1]==ap[0]+1 || ap[3]+1==zEnd ) return 0;
  *pzAccount = ap[2] + 1;
  *pnAccount = (size_t)(ap[3] - ap[2] - 1);
  return srmResolveTyped(ap[0] + 1, (size_t)(ap[1] - ap[0] - 1), ap[3] + 1, zEnd, 0, pOut);
}

/* Is z[0..n) an ARN (as srmArnSplit() reads one)? */
int srmIsArn(const char *z, size_t n){
  const char *az[6];
  size_t an[6];
  return srmArnSplit(z, n, az, an);
}

int srmResolveAccount(const char *z, size_t n, SrmTarget *pOut,
                      const char **pzAccount, size_t *pnAccount){
  *pzAccount = 0;
  *pnAccount = 0;
  if( srmArnPrefix(z, n) ){
    if( srmIsSpace(z[n-1]) ) return 0;
    return srmResolveArn(z, z + n, pOut, pzAccount, pnAccount);
  }
  return srmResolve(z, n, pOut);
}

int srmResolve(const char *z, size_t n, SrmTarget *pOut){
  const char *zEnd = z + n, *p;
  int k;
  if( n==0 || srmIsSpace(z[0]) || srmIsSpace(z[n-1]) ) return 0;
  if( srmArnPrefix(z, n) ){
    const char *zAccount;
    size_t nAccount;
    return srmResolveArn(z, zEnd, pOut, &zAccount, &nAccount);
  }
  /* Any whole key but those of ARNs ("namespace:", which is not a name
  ** anyone writes, and "namespace:type", hashed in two parts and found
  ** below). */
  k = srmKeyFind(srmHashEnd(srmHashMore(SRM_HASH_SEED, z, n, zEnd)), z, n, zEnd, 0, 0, 0);
  if( k>=0 && srmKey[k].eKind!=SRM_KEY_ARN ) return srmKeyTarget(k, pOut);
  /* NAMESPACE:TYPE as Resource Explorer writes it, with no "::". */
  p = memchr(z, ':', n);
  if( p && p>z && p+1<zEnd && p[1]!=':' && memchr(p+1, ':', (size_t)(zEnd-p-1))==0 ){
    return srmResolveTyped(z, (size_t)(p - z), p + 1, zEnd, 1, pOut);
  }
  return 0;
}

/* Index in srmService[] of the service whose id is exactly z[0..n), or -1.
** Keys are unique without regard to case, so the key the lookup finds is
** the only candidate: it must be an id, byte for byte ("EC2" is not one).
** srm_matrix joins call this once per row: an id of up to 16 bytes is read
** once, as two words, and looked up exactly as the two parts of a short
** key. */
int srmServiceFind(const char *z, size_t n){
  const SrmKey *p;
  int k;
  if( n>0 && n<=16 ){
    size_t n1 = n>8 ? n - 8 : 0, n0 = n - n1;     /* the two words' bytes */
    uint64_t w0 = n0==8 ? srmLoad(z) : srmLoadShort(z, n0), w1 = 0;
    uint64_t h = srmHashWord(SRM_HASH_SEED, w0, n0);
    if( n1>0 ){
      w1 = n1==8 ? srmLoad(z + 8) : srmLoadShort(z + 8, n1);
      h = srmHashWord(h, w1, n1);
    }
    k = srmKeyFindShort(srmHashEnd(h), w0, n0, w1, n1, 1);
    if( k<0 ) return -1;
    p = &srmKey[k];
  }else{
    k = srmKeyFind(srmHashEnd(srmHashMore(SRM_HASH_SEED, z, n, z + n)), z, n, z + n, 0, 0, 0);
    if( k<0 ) return -1;
    p = &srmKey[k];
    if( memcmp(SRM_STR(p->iKey), z, n)!=0 ) return -1;
  }
  return p->eKind==SRM_KEY_ID ? p->iService : -1;
}
