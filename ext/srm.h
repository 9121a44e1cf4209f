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
** FNV-1a over the bytes of z, with ASCII A-Z folded to lower case through a
** table (no branch per byte).  The resolver runs it once per row, so it
** stays this small; the generator uses the same code for the keys.
*/
#define SRM_FNV_OFFSET 2166136261u
#define SRM_FNV_PRIME  16777619u
#define SRM_L16(b) (unsigned char)(b), (unsigned char)((b)+1), (unsigned char)((b)+2), \
  (unsigned char)((b)+3), (unsigned char)((b)+4), (unsigned char)((b)+5), \
  (unsigned char)((b)+6), (unsigned char)((b)+7), (unsigned char)((b)+8), \
  (unsigned char)((b)+9), (unsigned char)((b)+10), (unsigned char)((b)+11), \
  (unsigned char)((b)+12), (unsigned char)((b)+13), (unsigned char)((b)+14), \
  (unsigned char)((b)+15)
static const unsigned char srmLowerTab[256] = {
  SRM_L16(0x00), SRM_L16(0x10), SRM_L16(0x20), SRM_L16(0x30),
  0x40, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
  'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
  SRM_L16(0x60), SRM_L16(0x70), SRM_L16(0x80), SRM_L16(0x90), SRM_L16(0xa0),
  SRM_L16(0xb0), SRM_L16(0xc0), SRM_L16(0xd0), SRM_L16(0xe0), SRM_L16(0xf0)
};
#define SRM_LOWER(c)   (srmLowerTab[(unsigned char)(c)])
static inline unsigned int srmHashStep(unsigned int h, unsigned char c){
  return (h ^ SRM_LOWER(c)) * SRM_FNV_PRIME;
}
static inline unsigned int srmHash(const char *z, size_t n){
  unsigned int h = SRM_FNV_OFFSET;
  size_t i;
  for(i = 0; i < n; i++) h = srmHashStep(h, (unsigned char)z[i]);
  return h;
}

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
int srmVariantFind(int iService, const char *z, size_t n);
int srmSlot(const SrmTarget *p);
const char *srmOwnerName(int eOwner);
const char *srmBasisName(int eBasis);
const char *srmVariantOfSlot(int iService, int iSlot);

#endif /* SRM_H */
