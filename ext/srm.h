/*
** srm.h: the shapes of the compiled-in model and the internal interfaces of
** the srm extension.
**
** The model is generated from data/ CSV files by ext/mkdata.c into
** build/srm_data.c, which holds nothing but the const arrays declared at the
** bottom of this file.  Everything that reads them is hand-written:
**
**   resolve.c    identifier (ARN, resource type, name, table name) -> service
**   model.c      (service, variant, control) -> cell; ids of owners, bases
**   message.c    values quoted in error messages (valid UTF-8, cut, escaped)
**   func.c       the SQL functions of the model
**   table.c      the one read-only module behind every srm_* model table
**   document.c   inventory documents: gzip, BOM, UTF-16, JSONB, ARN lines
**   inventory.c  srm_inventory()
**   decisions.c  srm_decisions: its schema, srm_overlay_init(), validation
**   overlay.c    the per-connection cache of the decisions in force
**   effective.c  effective_responsibility(), effective_decision(),
**                srm_effective_matrix
**   framework.c  srm_origination() and friends: frameworks' requirements
**                from srm's controls
**   svg.c        srm_svg(), srm_svg_compare(): the model as pictures;
**                srm_html()
**   srm.c        the entry point
**
** Rules of the model written once, here, and used by the generator and the
** extension alike:
**   the slot layout        srmSlotOf(), srmSlot(), srmSlotVariant()
**   the owners             SRM_OWNER_*, srmOwnerName(), srmOwnerLen()
**   the composite rule     srmCompose()
**   the identifier hash    srmHashMore() and friends
** A change to any of them touches this file only.
*/
#ifndef SRM_H
#define SRM_H

#include <stddef.h>
#include <assert.h>

/*
** Defensive conditions that no input should make true (or false), after
** SQLite's own idiom: checked by assert() in debug builds, and taken as
** their expected value in the coverage build, so that a branch no test
** can take does not count as an untested one.  X is not evaluated in the
** coverage build: it must have no side effect.
*/
#if defined(SRM_COVERAGE_TEST)
# define ALWAYS(X)  (1)
# define NEVER(X)   (0)
#elif !defined(NDEBUG)
# define ALWAYS(X)  ((X) ? 1 : (assert(0), 0))
# define NEVER(X)   ((X) ? (assert(0), 1) : 0)
#else
# define ALWAYS(X)  (X)
# define NEVER(X)   (X)
#endif

/*
** Owners.  0 is "no owner" and never appears in a cell.  not_applicable:
** the control has no object for this service or variant (an EBS volume has
** no guest OS), so nobody performs it.  third_party appears only in the
** organization's decisions (decisions.c), never in the model.
*/
#define SRM_OWNER_AWS            1
#define SRM_OWNER_CUSTOMER       2
#define SRM_OWNER_SHARED         3
#define SRM_OWNER_NA             4
#define SRM_OWNER_THIRD_PARTY    5
#define SRM_OWNER_N              6

/* How a matrix cell came to be (srm_matrix.basis). */
#define SRM_BASIS_CATEGORY  0   /* inherited from the category default */
#define SRM_BASIS_SERVICE   1   /* documented for the service */
#define SRM_BASIS_VARIANT   2   /* documented for the variant */
#define SRM_BASIS_DERIVED   3   /* composite control, derived from its parts */

/* What a hash key is: the resolver treats ids and ARN keys apart. */
#define SRM_KEY_ID          0   /* a service id */
#define SRM_KEY_NAME        1   /* an alias, resource type or table name */
#define SRM_KEY_ARN         2   /* data/arn_types.csv, as "namespace:type" */

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
typedef struct SrmCheck SrmCheck;
typedef struct SrmCheckKey SrmCheckKey;
typedef struct SrmFramework SrmFramework;
typedef struct SrmRequirement SrmRequirement;
typedef struct SrmReqControl SrmReqControl;
typedef struct SrmCrmRow SrmCrmRow;

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
  unsigned int zId, zLayer, zScope, zTitle, zDescription, zParts;
  unsigned char nId;            /* bytes of the id */
  int iPosition;
  int nPart;                    /* 0 for a base control */
  unsigned char aPart[SRM_MAX_PARTS];   /* indices in srmControl[] */
};

/* A service and where its variants and matrix slots are: see srmSlotOf(). */
struct SrmService {            /* strings: offsets in srmPool[] */
  unsigned int zId, zName, zAbbreviation;
  unsigned int zCategoryBasis, zCategorySource, zCategoryNote;
  unsigned int zReviewedOn, zReviewedPages;   /* "" when not reviewed */
  int iCategory;                /* index in srmCategory[] */
  int iSlot;                    /* first matrix slot */
  int iVariant;                 /* first variant in srmVariant[] */
  int nVariant;                 /* 0 when the service has no variants */
  int iDefault;                 /* default variant, 0 .. nVariant-1 */
};

struct SrmVariant {            /* strings: offsets in srmPool[] */
  int iService;
  unsigned int zId, zKind, zTitle, zNote, zSource;
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
/* A scanner's check and the control it verifies (iControl "" for none). */
struct SrmCheck { unsigned int iScanner, iCheckId, iTitle, iService, iType, iControl, iRationale; };
/* A check by the name a finding gives it: the id (Security Hub, Prowler) or
** the rule name (AWS Config), in lower case with '_' as '-'. */
struct SrmCheckKey { unsigned int iScanner, iKey; int iCheck; };

/*
** Frameworks (data/frameworks/, issue 15).  A framework's requirements are
** a run of srmRequirement[] in the catalog's order; srmRequirementById[]
** holds their indices sorted by framework, then id (BINARY), for
** srmRequirementFind().  A requirement's mapping is a run of
** srmReqControl[] (nMap rows, 0 when srm has none).
*/
struct SrmFramework {          /* strings: offsets in srmPool[] */
  unsigned int zId, zTitle, zVersion, zPublisher, zSource, zLicence;
  int iFirst, nRequirement;     /* run in srmRequirement[] */
};
#define SRM_REQ_WITHDRAWN      0x001
#define SRM_REQ_LOW            0x002   /* SP 800-53B baselines */
#define SRM_REQ_MODERATE       0x004
#define SRM_REQ_HIGH           0x008
#define SRM_REQ_PRIVACY        0x010
#define SRM_REQ_FEDRAMP_LOW    0x020   /* FedRAMP Rev. 5 baselines */
#define SRM_REQ_FEDRAMP_MOD    0x040
#define SRM_REQ_FEDRAMP_HIGH   0x080
#define SRM_REQ_FEDRAMP_LISAAS 0x100
#define SRM_REQ_BASELINES      0x200   /* the flags above are known (800-53) */
struct SrmRequirement {        /* strings: offsets in srmPool[] */
  unsigned int zId, zLabel, zFamily, zFamilyTitle, zTitle, zIncorporated, zRelated;
  unsigned short iFramework;
  unsigned short mFlag;         /* SRM_REQ_* */
  unsigned short iMap;          /* first row in srmReqControl[] */
  unsigned short nMap;
};
/* How a control carries a requirement (srm_requirement_controls.relation). */
#define SRM_REL_WHOLE          1
#define SRM_REL_PART           2
#define SRM_REL_ORGANIZATIONAL 3
struct SrmReqControl {
  unsigned int zRationale, zSource;
  unsigned short iRequirement;
  short iControl;               /* index in srmControl[], -1 for organizational */
  unsigned char eRelation;      /* SRM_REL_* */
};
/* A row of FedRAMP's CRM worksheet (statement level) and its requirement. */
struct SrmCrmRow { unsigned int zBaseline, zRow; int iRequirement, iSheetRow; };

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
/* The slot of control id z[0..n) (n > 0) in srmControlSlot[]: its first
** word and its length, one multiply (control ids differ early or in
** length; a collision costs one probe more, never a wrong answer). */
static inline unsigned int srmControlHash(const char *z, size_t n){
  uint64_t w = n>=8 ? srmLoad(z) : srmLoadShort(z, n);
  return (unsigned int)(((w ^ (uint64_t)n) * SRM_HASH_MUL) >> 57);
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
extern const SrmKey srmKey[];              /* srmCount[SRM_COUNT_KEY_SLOTS], a power of two */
extern const SrmDefault srmDefault[];      /* sorted by category, position */
extern const SrmAlias srmAlias[];          /* sorted by alias */
extern const SrmResourceType srmResourceType[];  /* sorted by type */
extern const SrmArnType srmArnType[];      /* sorted by namespace, type */
extern const SrmTableName srmTableName[];  /* sorted by table, dialect */
extern const SrmExclusion srmExclusion[];  /* sorted by dialect, name */
extern const SrmCheck srmCheck[];          /* sorted by control, scanner, check_id */
extern const SrmCheckKey srmCheckKey[];    /* [SRM_COUNT_CHECK], sorted by scanner, key */
extern const SrmFramework srmFramework[];
extern const SrmRequirement srmRequirement[];   /* by framework, catalog order */
extern const unsigned short srmRequirementById[];  /* by framework, id */
extern const SrmReqControl srmReqControl[];     /* by requirement */
extern const SrmCrmRow srmCrmRow[];             /* as in the workbook */
extern const int srmCount[];               /* row counts, SRM_COUNT_* */
extern const unsigned short srmSlotService[];  /* [slot] -> service */
extern const unsigned char srmControlSlot[];   /* [SRM_CONTROL_SLOTS]: hash -> 1 + control */
extern const char srmPool[];               /* NUL-separated strings */
extern const char srmDataChecksum[];       /* of data/ CSV files, from the Makefile */

#define SRM_COUNT_CATEGORY    0
#define SRM_COUNT_CONTROL     1
#define SRM_COUNT_SERVICE     2
#define SRM_COUNT_VARIANT     3
#define SRM_COUNT_SLOT        4
#define SRM_COUNT_DEFAULT     5
#define SRM_COUNT_EXCEPTION   6
#define SRM_COUNT_ALIAS       7
#define SRM_COUNT_TYPE        8
#define SRM_COUNT_ARN         9
#define SRM_COUNT_TABLE      10
#define SRM_COUNT_EXCLUSION  11
#define SRM_COUNT_KEY        12
#define SRM_COUNT_KEY_SLOTS  13
#define SRM_COUNT_REVIEWED   14
#define SRM_COUNT_CHECK      15
#define SRM_COUNT_FRAMEWORK  16
#define SRM_COUNT_REQUIREMENT 17
#define SRM_COUNT_REQ_CONTROL 18
#define SRM_COUNT_CRM_ROW    19
#define SRM_COUNT_N          20

#define SRM_NCONTROL  (srmCount[SRM_COUNT_CONTROL])

/* The open-addressing table of control ids (srmControlFind()): slot
** srmControlHash() of the id, probing forward; at most half full, so that
** every probe ends at an empty slot. */
#define SRM_CONTROL_SLOTS 128

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
int srmIsArn(const char *z, size_t n);

/* model.c */
int srmControlFind(const char *z, size_t n);
int srmCheckFind(const char *zScanner, const char *z, size_t n);
int srmOwnerFind(const char *z, size_t n);
int srmVariantFind(int iService, const char *z, size_t n);
const char *srmBasisName(int eBasis);
const char *srmVariantOfSlot(int iService, int iSlot);

/* func.c: helpers shared with framework.c */
struct sqlite3_str;
struct sqlite3_context;
struct sqlite3_value;
void srmErrorUnknown(struct sqlite3_context *ctx, const char *zWhat,
                     struct sqlite3_value *pVal, const char *zTail);
int srmTargetArgs(struct sqlite3_context *ctx, struct sqlite3_value *pX,
                  struct sqlite3_value *pVariant, SrmTarget *pTarget, int *piSlot);
void srmJsonString(struct sqlite3_str *p, const char *z);
void srmJsonField(struct sqlite3_str *p, const char *zName, const char *zValue);
void srmResultStr(struct sqlite3_context *ctx, struct sqlite3_str *p);
void srmJsonCell(struct sqlite3_str *p, int iSlot, int iControl);

/* framework.c */
int srmFrameworkFind(const char *z, size_t n);
int srmRequirementInRun(int iFramework, const char *z, size_t n);
int srmRequirementFind(int iFramework, const char *z, size_t n);

/* message.c: a value quoted for an error message: at most SRM_MSG_MAX bytes
** of it, cut on a character boundary and followed by "..." when cut, bytes
** that are not valid UTF-8 and control characters written as \xNN. */
#define SRM_MSG_MAX 64
struct sqlite3_str;
void srmQuote(struct sqlite3_str *p, const char *z, size_t n);
char *srmQuoted(const char *z, size_t n);

/*
** The slot layout.  A service without variants has one matrix slot; a
** service with nVariant variants has 1 + nVariant: its first slot answers
** when no variant is named (it holds its default variant's cells), slot
** 1 + k holds variant k (variants sorted by id).  srmSlotOf() is that rule
** on plain numbers (the generator's); srmSlot() and srmSlotVariant() apply
** it to the compiled model.
*/
SRM_INLINE int srmSlotCount(int nVariant){
  return nVariant ? 1 + nVariant : 1;
}
/* The variant (0 .. nVariant-1) whose cells slot k of a service holds, or
** -1 for a service without variants. */
SRM_INLINE int srmSlotOf(int nVariant, int iDefault, int k){
  return nVariant==0 ? -1 : k==0 ? iDefault : k - 1;
}
/* The matrix slot that answers for a target. */
SRM_INLINE int srmSlot(const SrmTarget *p){
  const SrmService *pS = &srmService[p->iService];
  return p->iVariant==0 ? pS->iSlot : pS->iSlot + 1 + (p->iVariant - 1 - pS->iVariant);
}
/* The variant whose cells slot iSlot of service iService holds: 1 + its
** index in srmVariant[], or 0 for a service without variants. */
SRM_INLINE int srmSlotVariant(int iService, int iSlot){
  const SrmService *pS = &srmService[iService];
  int v = srmSlotOf(pS->nVariant, pS->iDefault, iSlot - pS->iSlot);
  return v<0 ? 0 : pS->iVariant + v + 1;
}
/* The cell of control iControl in slot iSlot. */
SRM_INLINE const SrmCell *srmCellAt(int iSlot, int iControl){
  return &srmCell[iSlot*SRM_NCONTROL + iControl];
}

/* The id of an owner, and its length. */
SRM_INLINE const char *srmOwnerName(int eOwner){
  static const char *const az[SRM_OWNER_N] = {
    "", "aws", "customer", "shared", "not_applicable", "third_party"
  };
  assert( eOwner>0 && eOwner<SRM_OWNER_N );
  return az[eOwner];
}
SRM_INLINE int srmOwnerLen(int eOwner){
  static const unsigned char an[SRM_OWNER_N] = { 0, 3, 8, 6, 14, 11 };
  assert( eOwner>0 && eOwner<SRM_OWNER_N );
  return an[eOwner];
}

/*
** The composite rule: the owner of a composite control from the owners of
** its n parts.  Parts that do not apply are left out; when none is left
** the composite does not apply either; when all that are left have one
** owner it is theirs (all aws: aws; all customer: customer; all one third
** party: third_party); otherwise it is shared.
*/
SRM_INLINE int srmCompose(const unsigned char *aOwner, int n){
  int i, e = 0;
  for(i=0; i<n; i++){
    if( aOwner[i]==SRM_OWNER_NA ) continue;
    if( e==0 ) e = aOwner[i];
    else if( aOwner[i]!=e ) return SRM_OWNER_SHARED;
  }
  /* Every composite has a part that always applies (host_os,
  ** service_software: test/data.test, R0), but the rule is kept. */
  return ALWAYS(e) ? e : SRM_OWNER_NA;
}

#if (defined(__GNUC__) || defined(__clang__)) && !defined(_WIN32)
# pragma GCC visibility pop
#endif

#endif /* SRM_H */
