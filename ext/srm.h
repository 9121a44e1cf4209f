/*
** srm.h: the shapes of the compiled-in model and the internal interfaces of
** the srm extension.
**
** The model is generated from data/ CSV files by ext/mkdata.c into
** build/srm_data.c, which holds nothing but the const arrays declared at the
** bottom of this file.  Everything that reads them is hand-written:
**
**   resolve.c   identifier (ARN, resource type, name, table name) -> service
**   model.c     (service, variant, control) -> cell; names of owners, bases
**   func.c      the SQL functions
**   table.c     the one read-only module behind every srm_* table
**   srm.c       the entry point
**
** The hash function below is shared by the generator and the resolver so
** that the two cannot disagree.
*/
#ifndef SRM_H
#define SRM_H

#include <stddef.h>

/* Owners.  0 is "no owner" and never appears in a cell. */
#define SRM_OWNER_AWS       1
#define SRM_OWNER_CUSTOMER  2
#define SRM_OWNER_SHARED    3

/* How a matrix cell came to be (srm_matrix.basis). */
#define SRM_BASIS_CATEGORY  0   /* inherited from the category default */
#define SRM_BASIS_SERVICE   1   /* documented for the service */
#define SRM_BASIS_VARIANT   2   /* documented for the variant */
#define SRM_BASIS_DERIVED   3   /* composite control, derived from its parts */

/* What a hash key is (srm_debug counts them). */
#define SRM_KEY_ID          0   /* a service id */
#define SRM_KEY_ALIAS       1   /* data/aliases.csv */
#define SRM_KEY_TYPE        2   /* data/resource_types.csv */
#define SRM_KEY_ARN         3   /* data/arn_types.csv, as "namespace:type" */
#define SRM_KEY_TABLE       4   /* data/tables.csv */

#define SRM_MAX_PARTS       8

typedef struct SrmText SrmText;
typedef struct SrmCell SrmCell;
typedef struct SrmCategory SrmCategory;
typedef struct SrmControl SrmControl;
typedef struct SrmService SrmService;
typedef struct SrmVariant SrmVariant;
typedef struct SrmKey SrmKey;
typedef struct SrmDefault SrmDefault;
typedef struct SrmAlias SrmAlias;
typedef struct SrmResourceType SrmResourceType;
typedef struct SrmArnType SrmArnType;
typedef struct SrmTableName SrmTableName;
typedef struct SrmExclusion SrmExclusion;

/* The words behind a cell: one per default or exception row. */
struct SrmText {               /* strings: offsets in srmPool[] */
  unsigned int zAwsDuty;
  unsigned int zCustomerDuty;
  unsigned int zSource;
  unsigned int zReadOn;         /* "" for category defaults */
};

/* One (slot, control) of the resolved matrix. */
struct SrmCell {
  unsigned char eOwner;         /* SRM_OWNER_* */
  unsigned char eBasis;         /* SRM_BASIS_* */
  unsigned short iText;         /* index in srmText[]; unused when derived */
};

struct SrmCategory {           /* strings: offsets in srmPool[] */
  unsigned int zId, zTitle, zDescription, zSource;
};

struct SrmControl {            /* strings: offsets in srmPool[] */
  unsigned int zId, zLayer, zTitle, zDescription, zParts;
  int iPosition;
  int nPart;                    /* 0 for a base control */
  unsigned char aPart[SRM_MAX_PARTS];   /* indices in srmControl[] */
};

/*
** A service owns 1 matrix slot when it has no variants, else 1 + nVariant:
** slot iSlot answers for "no variant named" (its default variant) and slot
** iSlot + 1 + k for its k-th variant.
*/
struct SrmService {            /* strings: offsets in srmPool[] */
  unsigned int zId, zName, zAbbreviation;
  unsigned int zCategoryBasis, zCategorySource, zCategoryNote;
  int iCategory;                /* index in srmCategory[] */
  int iSlot;                    /* first matrix slot */
  int iVariant;                 /* first variant in srmVariant[] */
  int nVariant;                 /* 0 when the service has no variants */
  int iDefault;                 /* default variant, 0 .. nVariant-1 */
};

struct SrmVariant {            /* strings: offsets in srmPool[] */
  int iService;
  unsigned int zId, zTitle, zNote, zSource;
  int bDefault;
};

/*
** The bulk tables below hold strings as offsets in srmPool[] (SRM_STR), not
** as pointers: a pointer in a shared library costs a relocation at load
** time and a private page; an offset costs nothing until it is read.
*/
#define SRM_STR(off)  (srmPool + (off))

/*
** A slot of the open-addressing table that resolves identifiers.  Keys are
** lower case; iVariant is 0 for "none" or 1 + an index in srmVariant[].
*/
struct SrmKey {
  unsigned int iKey;            /* SRM_STR(iKey) is the key */
  unsigned int h;               /* srmHash() of the key */
  unsigned short nKey;          /* 0 for an empty slot */
  unsigned short iService;
  unsigned short iVariant;
  unsigned char eKind;          /* SRM_KEY_* */
  unsigned char bTyped;         /* "namespace:" key of a namespace that also
                                ** has "namespace:type" keys */
};

struct SrmDefault { int iCategory, iControl, eOwner, iText; };
struct SrmAlias { unsigned int iAlias, iKind; int iService; };
struct SrmResourceType { unsigned int iType; int iService, iVariant; };
struct SrmArnType { unsigned int iNamespace, iType; int iService, iVariant; };
struct SrmTableName { unsigned int iTable, iDialect; int iService, iVariant; };
struct SrmExclusion { unsigned int iDialect, iName, iReason; };

/*
** The identifier hash, shared by the generator (for the keys) and the
** resolver (for inputs), read eight bytes at a time:
**
**   srmLoad()        8 bytes as a little-endian word, on any machine (one
**                    load where that is the machine's order, else byte by
**                    byte)
**   srmFold()        ASCII A-Z to a-z in every byte of a word at once
**   srmZeroBytes()   the high bit of each byte of a word that is 0
**   srmHashMore()    continue hash state h over z[0..n), whole words first,
**                    then the rest zero-padded.  zEnd bounds the readable
**                    bytes: a last partial word is read as a word only when
**                    8 bytes from it are still inside z[..zEnd).
**   srmHashEnd()     the 32-bit hash kept in SrmKey.h
**
** The hash ignores case the cheap way: it hashes every byte with its 0x20
** bit set, which makes 'A' and 'a' one (and '_' and DEL, '@' and '`' too:
** a few more collisions, which the compare after the probe sorts out).
** Keys are lower case; an input word is compared with a key word as it is
** and, only when that fails, folded (srmWordIs), so lower-case input never
** pays for folding.
**
** A key of two parts (ARN keys "namespace:" + "type") is hashed part by
** part, srmHashMore(srmHashMore(SRM_HASH_SEED, a), b), because in an ARN the
** two parts are not adjacent.  The pool has 8 zero bytes after its last
** string so that a key can be read as words.
*/
#include <stdint.h>
#include <string.h>
/* Forced inline, but for the coverage build (one copy of each function, so
** that gcov counts each branch once). */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(SRM_NO_FORCE_INLINE)
# define SRM_INLINE static inline __attribute__((always_inline))
#else
# define SRM_INLINE static inline
#endif
#define SRM_HASH_SEED  0x243f6a8885a308d3ull
#define SRM_HASH_MUL   0x9e3779b97f4a7c15ull
#define SRM_ONES       0x0101010101010101ull
#define SRM_HIGHS      0x8080808080808080ull
#define SRM_LOWS       0x7f7f7f7f7f7f7f7full
#define SRM_CASE       0x2020202020202020ull

SRM_INLINE uint64_t srmLoad(const char *z){
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) \
 && __BYTE_ORDER__==__ORDER_LITTLE_ENDIAN__
  uint64_t w;
  memcpy(&w, z, 8);                     /* one unaligned load */
  return w;
#else
  const unsigned char *p = (const unsigned char*)z;
  return (uint64_t)p[0] | (uint64_t)p[1]<<8 | (uint64_t)p[2]<<16 | (uint64_t)p[3]<<24
       | (uint64_t)p[4]<<32 | (uint64_t)p[5]<<40 | (uint64_t)p[6]<<48 | (uint64_t)p[7]<<56;
#endif
}
/* The first n bytes of z, 0 < n < 8, as the low bytes of a word, reading
** nothing past z[n-1]: two 4-byte reads that may overlap, or three bytes. */
SRM_INLINE uint64_t srmLoadShort(const char *z, size_t n){
  const unsigned char *p = (const unsigned char*)z;
  if( n>=4 ){
    const unsigned char *q = p + n - 4;
    uint64_t lo = (uint64_t)p[0] | (uint64_t)p[1]<<8 | (uint64_t)p[2]<<16 | (uint64_t)p[3]<<24;
    uint64_t hi = (uint64_t)q[0] | (uint64_t)q[1]<<8 | (uint64_t)q[2]<<16 | (uint64_t)q[3]<<24;
    return lo | hi<<(8*(n - 4));
  }
  return (uint64_t)p[0] | (uint64_t)p[n/2]<<(8*(n/2)) | (uint64_t)p[n-1]<<(8*(n-1));
}
/* The n bytes at z (0 < n < 8) as the low bytes of a word, z[..zEnd)
** readable: one whole-word read when 8 bytes are there (the caller masks
** or ignores the extra bytes), else srmLoadShort(). */
SRM_INLINE uint64_t srmLoadPart(const char *z, size_t n, const char *zEnd){
  return zEnd - z >= 8 ? srmLoad(z) : srmLoadShort(z, n);
}
/* A word whose low n bytes (1..8) are all 1 bits. */
SRM_INLINE uint64_t srmMask(size_t n){
  return ~0ull >> (64 - 8*n);
}
SRM_INLINE uint64_t srmZeroBytes(uint64_t w){
  return ~(((w & SRM_LOWS) + SRM_LOWS) | w | SRM_LOWS);
}
SRM_INLINE uint64_t srmFold(uint64_t w){
  uint64_t t = w & SRM_LOWS;
  uint64_t ge_a = t + 0x3f3f3f3f3f3f3f3full;       /* high bit: t >= 'A' */
  uint64_t gt_z = t + 0x2525252525252525ull;       /* high bit: t >  'Z' */
  return w | ((ge_a & ~gt_z & ~w & SRM_HIGHS) >> 2);
}
/* Index of the lowest byte of m (nonzero) whose high bit is set. */
SRM_INLINE int srmFirstByte(uint64_t m){
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_ctzll(m) >> 3;
#else
  int i = 0;
  while( (m & 0x80)==0 ){ m >>= 8; i++; }
  return i;
#endif
}
/* Mix word w, the next (zero-padded) 8 bytes, into hash state h. */
SRM_INLINE uint64_t srmHashWord(uint64_t h, uint64_t w, size_t n){
  h = (h ^ ((w | SRM_CASE) & srmMask(n))) * SRM_HASH_MUL;
  return h ^ (h >> 32);
}
/* Word w (its n low bytes) of an input against word k of a key. */
SRM_INLINE int srmWordIs(uint64_t w, uint64_t k, size_t n){
  uint64_t m = srmMask(n);
  return ((w ^ k) & m)==0 || ((srmFold(w) ^ k) & m)==0;
}
SRM_INLINE uint64_t srmHashMore(uint64_t h, const char *z, size_t n, const char *zEnd){
  for(; n>=8; z+=8, n-=8) h = srmHashWord(h, srmLoad(z), 8);
  if( n ) h = srmHashWord(h, srmLoadPart(z, n, zEnd), n);
  return h;
}
static inline unsigned int srmHashEnd(uint64_t h){
  return (unsigned int)h;
}
/* ASCII A-Z to a-z, one byte (the generator lower-cases keys with it). */
static inline int srmLower(int c){
  return c>='A' && c<='Z' ? c + ('a' - 'A') : c;
}

/*
** Everything declared from here on is internal to the library: said so to
** the compiler too, so that the extension reaches its tables directly and
** not through the global offset table (-fvisibility=hidden covers only
** definitions).
*/
#if (defined(__GNUC__) || defined(__clang__)) && !defined(_WIN32)
# pragma GCC visibility push(hidden)
#endif

/* build/srm_data.c */
extern const SrmText srmText[];
extern const SrmCell srmCell[];            /* [slot * SRM_NCONTROL + control] */
extern const SrmCategory srmCategory[];
extern const SrmControl srmControl[];      /* ordered by position */
extern const SrmService srmService[];      /* sorted by id */
extern const SrmVariant srmVariant[];      /* sorted by service, then id */
extern const SrmKey srmKey[];              /* SRM_NKEY_SLOTS, a power of two */
extern const SrmDefault srmDefault[];      /* sorted by category, position */
extern const SrmAlias srmAlias[];          /* sorted by alias */
extern const SrmResourceType srmResourceType[];  /* sorted by type */
extern const SrmArnType srmArnType[];      /* sorted by namespace, type */
extern const SrmTableName srmTableName[];  /* sorted by table, dialect */
extern const SrmExclusion srmExclusion[];  /* sorted by dialect, name */
extern const int srmCount[];               /* row counts, SRM_COUNT_* */
extern const unsigned short srmSlotService[];  /* [slot] -> service */
extern const char srmPool[];               /* NUL-separated strings */
extern const char srmDataChecksum[];       /* of data/ CSV files, from the Makefile */

#define SRM_COUNT_TEXT        0
#define SRM_COUNT_CATEGORY    1
#define SRM_COUNT_CONTROL     2
#define SRM_COUNT_SERVICE     3
#define SRM_COUNT_VARIANT     4
#define SRM_COUNT_SLOT        5
#define SRM_COUNT_DEFAULT     6
#define SRM_COUNT_EXCEPTION   7
#define SRM_COUNT_ALIAS       8
#define SRM_COUNT_TYPE        9
#define SRM_COUNT_ARN        10
#define SRM_COUNT_TABLE      11
#define SRM_COUNT_EXCLUSION  12
#define SRM_COUNT_KEY        13
#define SRM_COUNT_KEY_SLOTS  14
#define SRM_COUNT_N          15

#define SRM_NCONTROL  (srmCount[SRM_COUNT_CONTROL])

/* resolve.c */
typedef struct SrmTarget SrmTarget;
struct SrmTarget {
  int iService;                 /* index in srmService[] */
  int iVariant;                 /* 0, or 1 + index in srmVariant[] */
};
int srmResolve(const char *z, size_t n, SrmTarget *pOut);
int srmServiceFind(const char *z, size_t n);
int srmResolveAccount(const char *z, size_t n, SrmTarget *pOut,
                      const char **pzAccount, size_t *pnAccount);
int srmArnSplit(const char *z, size_t n, const char *azPart[6], size_t anPart[6]);

/* model.c */
int srmControlFind(const char *z, size_t n);
int srmOwnerFind(const char *z, size_t n);
int srmVariantFind(int iService, const char *z, size_t n);
const char *srmBasisName(int eBasis);
const char *srmVariantOfSlot(int iService, int iSlot);

/* The matrix slot that answers for a target. */
SRM_INLINE int srmSlot(const SrmTarget *p){
  const SrmService *pS = &srmService[p->iService];
  return p->iVariant==0 ? pS->iSlot : pS->iSlot + p->iVariant - pS->iVariant;
}

/* The name of an owner, and its length. */
SRM_INLINE const char *srmOwnerName(int eOwner){
  return eOwner==SRM_OWNER_AWS ? "aws" : eOwner==SRM_OWNER_CUSTOMER ? "customer" : "shared";
}
SRM_INLINE int srmOwnerLen(int eOwner){
  return eOwner==SRM_OWNER_AWS ? 3 : eOwner==SRM_OWNER_CUSTOMER ? 8 : 6;
}

#if (defined(__GNUC__) || defined(__clang__)) && !defined(_WIN32)
# pragma GCC visibility pop
#endif

#endif /* SRM_H */
