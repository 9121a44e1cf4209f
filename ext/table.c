/*
** table.c: one read-only module serves every srm_* table of the model.
**
** Like SQLite's pragma_* tables, each table is a descriptor (name, schema,
** kind, key columns, row estimates, a column reader and a lookup); the
** cursor, xBestIndex and xFilter are shared.  The tables are eponymous:
** they exist in every schema without CREATE VIRTUAL TABLE, and have no
** xUpdate, so a write fails with SQLite's "table srm_x may not be modified".
**
**   srm_categories(category, title, description, source)
**   srm_controls(control, layer, position, title, description, parts, scope)
**   srm_defaults(category, control, owner, aws_duty, customer_duty, source)
**   srm_services(service, name, abbreviation, category, category_basis,
**                category_source, category_note, default_variant, variants,
**                reviewed_on, reviewed_pages)
**   srm_variants(service, variant, is_default, title, note, source, kind)
**   srm_matrix(service, variant, control, owner, aws_duty, customer_duty,
**              source, basis, read_on, category, variant_used)
**   srm_aliases(alias, service, kind)
**   srm_resource_types(resource_type, service, variant)
**   srm_arn_types(namespace, resource_type, service, variant)
**   srm_table_names(table_name, dialect, service, variant)
**   srm_exclusions(dialect, name, reason)
**   srm_checks(scanner, check_id, title, service, resource_type, control,
**              rationale)      scanners' checks and the control each verifies
**   srm_frameworks(framework, title, version, publisher, source, licence)
**   srm_requirements(framework, requirement, label, family, title,
**              family_title, withdrawn, incorporated_into, related, low, moderate,
**              high, privacy, fedramp_low, fedramp_moderate, fedramp_high,
**              fedramp_li_saas, mapping)
**   srm_requirement_controls(framework, requirement, control, relation,
**              rationale, source)
**   srm_fedramp_crm_rows(baseline, row, requirement, sheet_row)
**
** srm_matrix has one row per service, variant and control.  For a service
** with variants, the rows whose variant is NULL repeat the default variant's
** answers (variant_used names it), so that
**     ... JOIN srm_matrix m ON m.service = i.service AND m.variant IS i.variant
** gives one row per inventory row whether or not it names a variant.
**
** xBestIndex.  A descriptor lists up to three key columns; the idxNum bits
** (SRM_PLAN_*, below) say which are constrained, and argv holds their
** values in key order, then the owner filter's.  A key constraint is used
** only when its collation is BINARY, and it is omitted: xFilter compares
** as SQLite would (the value as text, no row for NULL or a blob), except
** that a variant matches without regard to ASCII case, as everywhere in
** srm.  srm_matrix also takes owner = value as a filter: xFilter and xNext
** skip rows of other owners, so a join that keeps one owner's cells does
** not pay SQLite's xColumn and compare for the rest.  Each table's lookup
** turns the keys into a run of rows: first row, count and stride
** (srm_matrix rows are numbered slot * controls + control, so a control
** alone is a stride).  Costs are what the lookups cost: a unique key one
** probe, a run its length; a full scan its row count.
*/
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "srm.h"

/* What a table's lookup does (SrmTableDef.eKind). */
#define SRM_TAB_SCAN       0   /* no key: always a full scan */
#define SRM_TAB_UNIQUE     1   /* one unique key column */
#define SRM_TAB_RUN        2   /* one key column of a sorted array: a run of rows */
#define SRM_TAB_VARIANTS   3   /* srm_variants: service, then variant within it */
#define SRM_TAB_MATRIX     4   /* srm_matrix: service, variant, control */

/* idxNum: what xBestIndex chose and xFilter does. */
#define SRM_PLAN_KEY0         0x01   /* key column 0 = (or IS) the next argv */
#define SRM_PLAN_KEY1         0x02   /* key column 1 likewise */
#define SRM_PLAN_KEY2         0x04   /* key column 2 likewise */
#define SRM_PLAN_KEYS         0x07
#define SRM_PLAN_VARIANT_NULL 0x08   /* srm_matrix: variant IS NULL, no argv */
#define SRM_PLAN_VARIANT_IS   0x10   /* the variant constraint is IS: a NULL
                                     ** value means "IS NULL", not "no row" */
#define SRM_PLAN_OWNER        0x20   /* srm_matrix: owner = the last argv, a filter */

#define SRM_MATRIX_OWNER 3     /* srm_matrix.owner, the filter column */

typedef struct SrmRun SrmRun;
struct SrmRun { int iFirst, nRow, iStride; };

/* A key value as xFilter sees it. */
typedef struct SrmKeyArg SrmKeyArg;
struct SrmKeyArg { const char *z; size_t n; };

/* The last control a cursor looked up: a join probes srm_matrix once per
** outer row, nearly always with the same control. */
typedef struct SrmControlCache SrmControlCache;
struct SrmControlCache { char z[40]; size_t n; int iControl; };

typedef struct SrmTableDef SrmTableDef;
struct SrmTableDef {
  const char *zName;
  const char *zSchema;
  int eKind;                            /* SRM_TAB_* */
  int (*xRows)(void);
  void (*xColumn)(sqlite3_context*, int iRow, int iCol);
  int aKey[3];                          /* key columns, -1 for none */
  int nRun;                             /* SRM_TAB_RUN: rows a key has at most
                                        ** (estimatedRows of a lookup) */
  /* Fill *pRun from the keys in idxNum (see above); 0 when no row. */
  int (*xLookup)(int idxNum, const SrmKeyArg *aArg, SrmRun *pRun, SrmControlCache *pCache);
};

#define TEXT(z)   sqlite3_result_text(ctx, (z), -1, SQLITE_STATIC)
#define OWNER(e)  sqlite3_result_text(ctx, srmOwnerName(e), srmOwnerLen(e), SQLITE_STATIC)
/* An optional string: SRM_STR() is never NULL, an absent string is "". */
#define TEXT0(z)  do{ const char *z_ = (z); if( z_[0] ) TEXT(z_); }while(0)
#define INT(i)    sqlite3_result_int(ctx, (i))

/* Binary search in a sorted array of n rows whose key xKey(i) is compared
** with memcmp order, as SQLite's BINARY collation does.  Returns the first
** row >= z. */
static int srmLowerBound(int n, const char *(*xKey)(int), const char *z, size_t nz){
  int lo = 0, hi = n;
  while( lo<hi ){
    int mid = (lo + hi)/2;
    const char *zKey = xKey(mid);
    size_t nKey = strlen(zKey);
    int c = memcmp(zKey, z, nKey<nz ? nKey : nz);
    if( c==0 ) c = nKey<nz ? -1 : 0;
    if( c<0 ) lo = mid + 1; else hi = mid;
  }
  return lo;
}
static int srmKeyIs(const char *zKey, const SrmKeyArg *p){
  return strlen(zKey)==p->n && memcmp(zKey, p->z, p->n)==0;
}
/* The run of rows whose key equals p, in a sorted array. */
static int srmSortedRun(int n, const char *(*xKey)(int), const SrmKeyArg *p, SrmRun *pRun){
  int i = srmLowerBound(n, xKey, p->z, p->n), j = i;
  while( j<n && srmKeyIs(xKey(j), p) ) j++;
  pRun->iFirst = i;
  pRun->nRow = j - i;
  pRun->iStride = 1;
  return j>i;
}

/* ---- srm_categories ---- */
static int srmCategoryRows(void){ return srmCount[SRM_COUNT_CATEGORY]; }
static void srmCategoryColumn(sqlite3_context *ctx, int i, int iCol){
  const SrmCategory *p = &srmCategory[i];
  switch( iCol ){
    case 0: TEXT(SRM_STR(p->zId)); break;
    case 1: TEXT(SRM_STR(p->zTitle)); break;
    case 2: TEXT(SRM_STR(p->zDescription)); break;
    default: TEXT(SRM_STR(p->zSource)); break;
  }
}
static int srmCategoryLookup(int idxNum, const SrmKeyArg *a, SrmRun *pRun, SrmControlCache *pCache){
  (void)pCache;
  int i;
  (void)idxNum;
  for(i=0; i<srmCount[SRM_COUNT_CATEGORY]; i++){
    if( srmKeyIs(SRM_STR(srmCategory[i].zId), &a[0]) ){
      pRun->iFirst = i; pRun->nRow = 1; pRun->iStride = 1;
      return 1;
    }
  }
  return 0;
}

/* ---- srm_controls ---- */
static int srmControlRows(void){ return srmCount[SRM_COUNT_CONTROL]; }
static void srmControlColumn(sqlite3_context *ctx, int i, int iCol){
  const SrmControl *p = &srmControl[i];
  switch( iCol ){
    case 0: TEXT(SRM_STR(p->zId)); break;
    case 1: TEXT(SRM_STR(p->zLayer)); break;
    case 2: INT(p->iPosition); break;
    case 3: TEXT(SRM_STR(p->zTitle)); break;
    case 4: TEXT(SRM_STR(p->zDescription)); break;
    case 5: TEXT0(SRM_STR(p->zParts)); break;
    default: TEXT(SRM_STR(p->zScope)); break;
  }
}
static int srmControlLookup(int idxNum, const SrmKeyArg *a, SrmRun *pRun, SrmControlCache *pCache){
  (void)pCache;
  int i = srmControlFind(a[0].z, a[0].n);
  (void)idxNum;
  pRun->iFirst = i; pRun->nRow = 1; pRun->iStride = 1;
  return i>=0;
}

/* ---- srm_defaults ---- */
static int srmDefaultRows(void){ return srmCount[SRM_COUNT_DEFAULT]; }
static void srmDefaultColumn(sqlite3_context *ctx, int i, int iCol){
  const SrmDefault *p = &srmDefault[i];
  const SrmText *pT = &srmText[p->iText];
  switch( iCol ){
    case 0: TEXT(SRM_STR(srmCategory[p->iCategory].zId)); break;
    case 1: TEXT(SRM_STR(srmControl[p->iControl].zId)); break;
    case 2: OWNER(p->eOwner); break;
    case 3: TEXT(SRM_STR(pT->zAwsDuty)); break;
    case 4: TEXT(SRM_STR(pT->zCustomerDuty)); break;
    default: TEXT(SRM_STR(pT->zSource)); break;
  }
}

/* ---- srm_services ---- */
static int srmServiceRows(void){ return srmCount[SRM_COUNT_SERVICE]; }
static void srmServiceColumn(sqlite3_context *ctx, int i, int iCol){
  const SrmService *p = &srmService[i];
  switch( iCol ){
    case 0: TEXT(SRM_STR(p->zId)); break;
    case 1: TEXT(SRM_STR(p->zName)); break;
    case 2: TEXT0(SRM_STR(p->zAbbreviation)); break;
    case 3: TEXT(SRM_STR(srmCategory[p->iCategory].zId)); break;
    case 4: TEXT(SRM_STR(p->zCategoryBasis)); break;
    case 5: TEXT0(SRM_STR(p->zCategorySource)); break;
    case 6: TEXT0(SRM_STR(p->zCategoryNote)); break;
    case 7: if( p->nVariant ) TEXT(SRM_STR(srmVariant[p->iVariant + p->iDefault].zId)); break;
    case 8: INT(p->nVariant); break;
    case 9: TEXT0(SRM_STR(p->zReviewedOn)); break;
    default: TEXT0(SRM_STR(p->zReviewedPages)); break;
  }
}
static int srmServiceLookup(int idxNum, const SrmKeyArg *a, SrmRun *pRun, SrmControlCache *pCache){
  (void)pCache;
  int i = srmServiceFind(a[0].z, a[0].n);
  (void)idxNum;
  pRun->iFirst = i; pRun->nRow = 1; pRun->iStride = 1;
  return i>=0;
}

/* ---- srm_variants ---- */
static int srmVariantRows(void){ return srmCount[SRM_COUNT_VARIANT]; }
static void srmVariantColumn(sqlite3_context *ctx, int i, int iCol){
  const SrmVariant *p = &srmVariant[i];
  switch( iCol ){
    case 0: TEXT(SRM_STR(srmService[p->iService].zId)); break;
    case 1: TEXT(SRM_STR(p->zId)); break;
    case 2: INT(p->bDefault); break;
    case 3: TEXT(SRM_STR(p->zTitle)); break;
    case 4: TEXT(SRM_STR(p->zNote)); break;
    case 5: TEXT(SRM_STR(p->zSource)); break;
    default: TEXT(SRM_STR(p->zKind)); break;
  }
}
static int srmVariantLookup(int idxNum, const SrmKeyArg *a, SrmRun *pRun, SrmControlCache *pCache){
  (void)pCache;
  int s = srmServiceFind(a[0].z, a[0].n);
  if( s<0 ) return 0;
  pRun->iFirst = srmService[s].iVariant;
  pRun->nRow = srmService[s].nVariant;
  pRun->iStride = 1;
  if( idxNum & SRM_PLAN_KEY1 ){
    int v = srmVariantFind(s, a[1].z, a[1].n);
    if( v<0 ) return 0;
    pRun->iFirst = v - 1;
    pRun->nRow = 1;
  }
  return pRun->nRow>0;
}

/* ---- srm_matrix ---- */
static int srmMatrixRows(void){
  return srmCount[SRM_COUNT_SLOT]*srmCount[SRM_COUNT_CONTROL];
}
static void srmMatrixColumn(sqlite3_context *ctx, int i, int iCol){
  int iSlot = i / SRM_NCONTROL, iControl = i % SRM_NCONTROL;
  int s = srmSlotService[iSlot];
  const SrmService *pS = &srmService[s];
  const SrmCell *pCell = srmCellAt(iSlot, iControl);
  const SrmText *pT = pCell->eBasis==SRM_BASIS_DERIVED ? 0 : &srmText[pCell->iText];
  switch( iCol ){
    case 0: TEXT(SRM_STR(pS->zId)); break;
    case 1: if( iSlot>pS->iSlot ) TEXT(srmVariantOfSlot(s, iSlot)); break;
    case 2: TEXT(SRM_STR(srmControl[iControl].zId)); break;
    case 3: OWNER(pCell->eOwner); break;
    case 4: if( pT ) TEXT(SRM_STR(pT->zAwsDuty)); break;
    case 5: if( pT ) TEXT(SRM_STR(pT->zCustomerDuty)); break;
    case 6: if( pT ) TEXT(SRM_STR(pT->zSource)); break;
    case 7: TEXT(srmBasisName(pCell->eBasis)); break;
    case 8: if( pT ) TEXT0(SRM_STR(pT->zReadOn)); break;
    case 9: TEXT(SRM_STR(srmCategory[pS->iCategory].zId)); break;
    default: { const char *z = srmVariantOfSlot(s, iSlot); if( z ) TEXT(z); } break;
  }
}
static int srmMatrixLookup(int idxNum, const SrmKeyArg *a, SrmRun *pRun, SrmControlCache *pCache){
  int nControl = SRM_NCONTROL;
  int iSlot = 0, nSlot = srmCount[SRM_COUNT_SLOT];
  if( idxNum & SRM_PLAN_KEY0 ){
    int s = srmServiceFind(a[0].z, a[0].n);
    if( s<0 ) return 0;
    iSlot = srmService[s].iSlot;
    nSlot = srmSlotCount(srmService[s].nVariant);
    if( idxNum & SRM_PLAN_VARIANT_NULL ){
      nSlot = 1;                                    /* the slot of no variant */
    }else if( idxNum & SRM_PLAN_KEY1 ){
      SrmTarget t;
      t.iService = s;
      t.iVariant = srmVariantFind(s, a[1].z, a[1].n);
      if( t.iVariant<0 ) return 0;
      iSlot = srmSlot(&t);
      nSlot = 1;
    }
  }
  if( idxNum & SRM_PLAN_KEY2 ){
    int c;
    if( a[2].n==pCache->n && memcmp(a[2].z, pCache->z, a[2].n)==0 ){
      c = pCache->iControl;
    }else{
      c = srmControlFind(a[2].z, a[2].n);
      if( a[2].n<sizeof(pCache->z) ){
        memcpy(pCache->z, a[2].z, a[2].n);
        pCache->n = a[2].n;
        pCache->iControl = c;
      }
    }
    if( c<0 ) return 0;
    pRun->iFirst = iSlot*nControl + c;
    pRun->nRow = nSlot;
    pRun->iStride = nControl;
  }else{
    pRun->iFirst = iSlot*nControl;
    pRun->nRow = nSlot*nControl;
    pRun->iStride = 1;
  }
  return 1;
}

/* ---- srm_aliases ---- */
static int srmAliasRows(void){ return srmCount[SRM_COUNT_ALIAS]; }
static const char *srmAliasKey(int i){ return SRM_STR(srmAlias[i].iAlias); }
static void srmAliasColumn(sqlite3_context *ctx, int i, int iCol){
  const SrmAlias *p = &srmAlias[i];
  switch( iCol ){
    case 0: TEXT(SRM_STR(p->iAlias)); break;
    case 1: TEXT(SRM_STR(srmService[p->iService].zId)); break;
    default: TEXT(SRM_STR(p->iKind)); break;
  }
}
static int srmAliasLookup(int idxNum, const SrmKeyArg *a, SrmRun *pRun, SrmControlCache *pCache){
  (void)pCache;
  (void)idxNum;
  return srmSortedRun(srmAliasRows(), srmAliasKey, &a[0], pRun);
}

/* A variant column: 1 + index in srmVariant[], or 0 for NULL. */
static void srmVariantResult(sqlite3_context *ctx, int iVariant){
  if( iVariant>0 ) TEXT(SRM_STR(srmVariant[iVariant - 1].zId));
}

/* ---- srm_resource_types ---- */
static int srmTypeRows(void){ return srmCount[SRM_COUNT_TYPE]; }
static const char *srmTypeKey(int i){ return SRM_STR(srmResourceType[i].iType); }
static void srmTypeColumn(sqlite3_context *ctx, int i, int iCol){
  const SrmResourceType *p = &srmResourceType[i];
  switch( iCol ){
    case 0: TEXT(SRM_STR(p->iType)); break;
    case 1: TEXT(SRM_STR(srmService[p->iService].zId)); break;
    default: srmVariantResult(ctx, p->iVariant); break;
  }
}
static int srmTypeLookup(int idxNum, const SrmKeyArg *a, SrmRun *pRun, SrmControlCache *pCache){
  (void)pCache;
  (void)idxNum;
  return srmSortedRun(srmTypeRows(), srmTypeKey, &a[0], pRun);
}

/* ---- srm_arn_types ---- */
static int srmArnTypeRows(void){ return srmCount[SRM_COUNT_ARN]; }
static const char *srmArnTypeKey(int i){ return SRM_STR(srmArnType[i].iNamespace); }
static void srmArnTypeColumn(sqlite3_context *ctx, int i, int iCol){
  const SrmArnType *p = &srmArnType[i];
  switch( iCol ){
    case 0: TEXT(SRM_STR(p->iNamespace)); break;
    case 1: TEXT0(SRM_STR(p->iType)); break;
    case 2: TEXT(SRM_STR(srmService[p->iService].zId)); break;
    default: srmVariantResult(ctx, p->iVariant); break;
  }
}
static int srmArnTypeLookup(int idxNum, const SrmKeyArg *a, SrmRun *pRun, SrmControlCache *pCache){
  (void)pCache;
  (void)idxNum;
  return srmSortedRun(srmArnTypeRows(), srmArnTypeKey, &a[0], pRun);
}

/* ---- srm_table_names ---- */
static int srmTableNameRows(void){ return srmCount[SRM_COUNT_TABLE]; }
static const char *srmTableNameKey(int i){ return SRM_STR(srmTableName[i].iTable); }
static void srmTableNameColumn(sqlite3_context *ctx, int i, int iCol){
  const SrmTableName *p = &srmTableName[i];
  switch( iCol ){
    case 0: TEXT(SRM_STR(p->iTable)); break;
    case 1: TEXT(SRM_STR(p->iDialect)); break;
    case 2: TEXT(SRM_STR(srmService[p->iService].zId)); break;
    default: srmVariantResult(ctx, p->iVariant); break;
  }
}
static int srmTableNameLookup(int idxNum, const SrmKeyArg *a, SrmRun *pRun, SrmControlCache *pCache){
  (void)pCache;
  (void)idxNum;
  return srmSortedRun(srmTableNameRows(), srmTableNameKey, &a[0], pRun);
}

/* ---- srm_exclusions ---- */
static int srmExclusionRows(void){ return srmCount[SRM_COUNT_EXCLUSION]; }
static void srmExclusionColumn(sqlite3_context *ctx, int i, int iCol){
  const SrmExclusion *p = &srmExclusion[i];
  switch( iCol ){
    case 0: TEXT(SRM_STR(p->iDialect)); break;
    case 1: TEXT(SRM_STR(p->iName)); break;
    default: TEXT(SRM_STR(p->iReason)); break;
  }
}

/* ---- srm_checks ---- */
static int srmCheckRows(void){ return srmCount[SRM_COUNT_CHECK]; }
static const char *srmCheckControlKey(int i){ return SRM_STR(srmCheck[i].iControl); }
static void srmCheckColumn(sqlite3_context *ctx, int i, int iCol){
  const SrmCheck *p = &srmCheck[i];
  switch( iCol ){
    case 0: TEXT(SRM_STR(p->iScanner)); break;
    case 1: TEXT(SRM_STR(p->iCheckId)); break;
    case 2: TEXT(SRM_STR(p->iTitle)); break;
    case 3: TEXT(SRM_STR(p->iService)); break;
    case 4: TEXT0(SRM_STR(p->iType)); break;
    case 5: TEXT0(SRM_STR(p->iControl)); break;
    default: TEXT(SRM_STR(p->iRationale)); break;
  }
}
static int srmCheckLookup(int idxNum, const SrmKeyArg *a, SrmRun *pRun, SrmControlCache *pCache){
  (void)pCache;
  (void)idxNum;
  /* control '' is "none", which reads as NULL: no value looks it up */
  return a[0].n>0 && srmSortedRun(srmCheckRows(), srmCheckControlKey, &a[0], pRun);
}

/* ---- srm_frameworks, srm_requirements, srm_requirement_controls,
** srm_fedramp_crm_rows (issue 15; framework.c has the functions) ---- */
static int srmFrameworkRows(void){ return srmCount[SRM_COUNT_FRAMEWORK]; }
static void srmFrameworkColumn(sqlite3_context *ctx, int i, int iCol){
  const SrmFramework *p = &srmFramework[i];
  switch( iCol ){
    case 0: TEXT(SRM_STR(p->zId)); break;
    case 1: TEXT(SRM_STR(p->zTitle)); break;
    case 2: TEXT(SRM_STR(p->zVersion)); break;
    case 3: TEXT(SRM_STR(p->zPublisher)); break;
    case 4: TEXT(SRM_STR(p->zSource)); break;
    default: TEXT(SRM_STR(p->zLicence)); break;
  }
}
static int srmFrameworkLookup(int idxNum, const SrmKeyArg *a, SrmRun *pRun, SrmControlCache *pCache){
  int i;
  (void)pCache;
  (void)idxNum;
  for(i=0; i<srmCount[SRM_COUNT_FRAMEWORK]; i++){
    if( srmKeyIs(SRM_STR(srmFramework[i].zId), &a[0]) ){
      pRun->iFirst = i; pRun->nRow = 1; pRun->iStride = 1;
      return 1;
    }
  }
  return 0;
}

/* The requirement whose id is exactly a (in any framework: ids of
** different frameworks never look alike), or -1. */
static int srmRequirementExact(const SrmKeyArg *a){
  int f;
  for(f=0; f<srmCount[SRM_COUNT_FRAMEWORK]; f++){
    int i = srmRequirementInRun(f, a->z, a->n);
    if( i>=0 ) return i;
  }
  return -1;
}
static int srmRequirementRows(void){ return srmCount[SRM_COUNT_REQUIREMENT]; }
/* A baseline flag, NULL where the framework has no such baselines. */
static void srmFlagColumn(sqlite3_context *ctx, const SrmRequirement *p, int mFlag){
  if( p->mFlag & SRM_REQ_BASELINES ) INT((p->mFlag & mFlag)!=0);
}
static void srmRequirementColumn(sqlite3_context *ctx, int i, int iCol){
  static const int aFlag[] = {
    SRM_REQ_LOW, SRM_REQ_MODERATE, SRM_REQ_HIGH, SRM_REQ_PRIVACY,
    SRM_REQ_FEDRAMP_LOW, SRM_REQ_FEDRAMP_MOD, SRM_REQ_FEDRAMP_HIGH, SRM_REQ_FEDRAMP_LISAAS
  };
  const SrmRequirement *p = &srmRequirement[i];
  switch( iCol ){
    case 0: TEXT(SRM_STR(srmFramework[p->iFramework].zId)); break;
    case 1: TEXT(SRM_STR(p->zId)); break;
    case 2: TEXT(SRM_STR(p->zLabel)); break;
    case 3: TEXT(SRM_STR(p->zFamily)); break;
    case 4: TEXT(SRM_STR(p->zTitle)); break;
    case 5: TEXT(SRM_STR(p->zFamilyTitle)); break;
    case 6: INT((p->mFlag & SRM_REQ_WITHDRAWN)!=0); break;
    case 7: TEXT0(SRM_STR(p->zIncorporated)); break;
    case 8: TEXT0(SRM_STR(p->zRelated)); break;
    case 17:
      if( p->nMap ){
        TEXT(srmReqControl[p->iMap].eRelation==SRM_REL_ORGANIZATIONAL ? "organizational" : "controls");
      }
      break;
    default: srmFlagColumn(ctx, p, aFlag[iCol - 9]); break;
  }
}
static int srmRequirementLookup(int idxNum, const SrmKeyArg *a, SrmRun *pRun, SrmControlCache *pCache){
  int i = srmRequirementExact(&a[0]);
  (void)pCache;
  (void)idxNum;
  pRun->iFirst = i; pRun->nRow = 1; pRun->iStride = 1;
  return i>=0;
}

static int srmReqControlRows(void){ return srmCount[SRM_COUNT_REQ_CONTROL]; }
static void srmReqControlColumn(sqlite3_context *ctx, int i, int iCol){
  static const char *const azRel[] = { "", "whole", "part", "organizational" };
  const SrmReqControl *p = &srmReqControl[i];
  const SrmRequirement *pR = &srmRequirement[p->iRequirement];
  switch( iCol ){
    case 0: TEXT(SRM_STR(srmFramework[pR->iFramework].zId)); break;
    case 1: TEXT(SRM_STR(pR->zId)); break;
    case 2: if( p->iControl>=0 ) TEXT(SRM_STR(srmControl[p->iControl].zId)); break;
    case 3: TEXT(azRel[p->eRelation]); break;
    case 4: TEXT(SRM_STR(p->zRationale)); break;
    default: TEXT0(SRM_STR(p->zSource)); break;
  }
}
static int srmReqControlLookup(int idxNum, const SrmKeyArg *a, SrmRun *pRun, SrmControlCache *pCache){
  int i = srmRequirementExact(&a[0]);
  (void)pCache;
  (void)idxNum;
  if( i<0 ) return 0;
  pRun->iFirst = srmRequirement[i].iMap;
  pRun->nRow = srmRequirement[i].nMap;
  pRun->iStride = 1;
  return pRun->nRow>0;
}

static int srmCrmRowRows(void){ return srmCount[SRM_COUNT_CRM_ROW]; }
static void srmCrmRowColumn(sqlite3_context *ctx, int i, int iCol){
  const SrmCrmRow *p = &srmCrmRow[i];
  switch( iCol ){
    case 0: TEXT(SRM_STR(p->zBaseline)); break;
    case 1: TEXT(SRM_STR(p->zRow)); break;
    case 2: TEXT(SRM_STR(srmRequirement[p->iRequirement].zId)); break;
    default: INT(p->iSheetRow); break;
  }
}

static const SrmTableDef srmTables[] = {
  { "srm_categories",
    "CREATE TABLE x(category TEXT, title TEXT, description TEXT, source TEXT)",
    SRM_TAB_UNIQUE, srmCategoryRows, srmCategoryColumn, {0, -1, -1}, 1, srmCategoryLookup },
  { "srm_controls",
    "CREATE TABLE x(control TEXT, layer TEXT, position INTEGER, title TEXT,"
    " description TEXT, parts TEXT, scope TEXT)",
    SRM_TAB_UNIQUE, srmControlRows, srmControlColumn, {0, -1, -1}, 1, srmControlLookup },
  { "srm_defaults",
    "CREATE TABLE x(category TEXT, control TEXT, owner TEXT, aws_duty TEXT,"
    " customer_duty TEXT, source TEXT)",
    SRM_TAB_SCAN, srmDefaultRows, srmDefaultColumn, {-1, -1, -1}, 0, 0 },
  { "srm_services",
    "CREATE TABLE x(service TEXT, name TEXT, abbreviation TEXT, category TEXT,"
    " category_basis TEXT, category_source TEXT, category_note TEXT,"
    " default_variant TEXT, variants INTEGER, reviewed_on TEXT, reviewed_pages TEXT)",
    SRM_TAB_UNIQUE, srmServiceRows, srmServiceColumn, {0, -1, -1}, 1, srmServiceLookup },
  { "srm_variants",
    "CREATE TABLE x(service TEXT, variant TEXT, is_default INTEGER, title TEXT,"
    " note TEXT, source TEXT, kind TEXT)",
    SRM_TAB_VARIANTS, srmVariantRows, srmVariantColumn, {0, 1, -1}, 4, srmVariantLookup },
  { "srm_matrix",
    "CREATE TABLE x(service TEXT, variant TEXT, control TEXT, owner TEXT,"
    " aws_duty TEXT, customer_duty TEXT, source TEXT, basis TEXT, read_on TEXT,"
    " category TEXT, variant_used TEXT)",
    SRM_TAB_MATRIX, srmMatrixRows, srmMatrixColumn, {0, 1, 2}, 0, srmMatrixLookup },
  { "srm_aliases",
    "CREATE TABLE x(alias TEXT, service TEXT, kind TEXT)",
    SRM_TAB_RUN, srmAliasRows, srmAliasColumn, {0, -1, -1}, 1, srmAliasLookup },
  { "srm_resource_types",
    "CREATE TABLE x(resource_type TEXT, service TEXT, variant TEXT)",
    SRM_TAB_RUN, srmTypeRows, srmTypeColumn, {0, -1, -1}, 1, srmTypeLookup },
  { "srm_arn_types",
    "CREATE TABLE x(namespace TEXT, resource_type TEXT, service TEXT, variant TEXT)",
    SRM_TAB_RUN, srmArnTypeRows, srmArnTypeColumn, {0, -1, -1}, 4, srmArnTypeLookup },
  { "srm_table_names",
    "CREATE TABLE x(table_name TEXT, dialect TEXT, service TEXT, variant TEXT)",
    SRM_TAB_RUN, srmTableNameRows, srmTableNameColumn, {0, -1, -1}, 2, srmTableNameLookup },
  { "srm_exclusions",
    "CREATE TABLE x(dialect TEXT, name TEXT, reason TEXT)",
    SRM_TAB_SCAN, srmExclusionRows, srmExclusionColumn, {-1, -1, -1}, 0, 0 },
  { "srm_checks",
    "CREATE TABLE x(scanner TEXT, check_id TEXT, title TEXT, service TEXT, resource_type TEXT,"
    " control TEXT, rationale TEXT)",
    SRM_TAB_RUN, srmCheckRows, srmCheckColumn, {5, -1, -1}, 330, srmCheckLookup },
  { "srm_frameworks",
    "CREATE TABLE x(framework TEXT, title TEXT, version TEXT, publisher TEXT, source TEXT,"
    " licence TEXT)",
    SRM_TAB_UNIQUE, srmFrameworkRows, srmFrameworkColumn, {0, -1, -1}, 1, srmFrameworkLookup },
  { "srm_requirements",
    "CREATE TABLE x(framework TEXT, requirement TEXT, label TEXT, family TEXT, title TEXT,"
    " family_title TEXT, withdrawn INTEGER, incorporated_into TEXT, related TEXT,"
    " low INTEGER, moderate INTEGER, high INTEGER, privacy INTEGER,"
    " fedramp_low INTEGER, fedramp_moderate INTEGER, fedramp_high INTEGER,"
    " fedramp_li_saas INTEGER, mapping TEXT)",
    SRM_TAB_UNIQUE, srmRequirementRows, srmRequirementColumn, {1, -1, -1}, 1, srmRequirementLookup },
  { "srm_requirement_controls",
    "CREATE TABLE x(framework TEXT, requirement TEXT, control TEXT, relation TEXT,"
    " rationale TEXT, source TEXT)",
    SRM_TAB_RUN, srmReqControlRows, srmReqControlColumn, {1, -1, -1}, 8, srmReqControlLookup },
  { "srm_fedramp_crm_rows",
    "CREATE TABLE x(baseline TEXT, row TEXT, requirement TEXT, sheet_row INTEGER)",
    SRM_TAB_SCAN, srmCrmRowRows, srmCrmRowColumn, {-1, -1, -1}, 0, 0 },
};

/* ---- the module ---- */
typedef struct srm_vtab srm_vtab;
struct srm_vtab {
  sqlite3_vtab base;
  const SrmTableDef *pDef;
};

typedef struct srm_cursor srm_cursor;
struct srm_cursor {
  sqlite3_vtab_cursor base;
  const SrmTableDef *pDef;
  int iRow;                     /* current row */
  int nLeft;                    /* rows left, this one included */
  int iStride;
  int eOwner;                   /* srm_matrix: only rows of this owner; 0 all */
  SrmControlCache cache;
};

static int srmConnect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                      sqlite3_vtab **ppVtab, char **pzErr){
  const SrmTableDef *pDef = (const SrmTableDef*)pAux;
  srm_vtab *pTab;
  int rc;
  (void)argc; (void)argv; (void)pzErr;
  rc = sqlite3_declare_vtab(db, pDef->zSchema);
  if( rc!=SQLITE_OK ) return rc;
  pTab = sqlite3_malloc(sizeof(*pTab));
  if( pTab==0 ) return SQLITE_NOMEM;
  memset(pTab, 0, sizeof(*pTab));
  pTab->pDef = pDef;
  *ppVtab = &pTab->base;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  return SQLITE_OK;
}

static int srmDisconnect(sqlite3_vtab *pVtab){
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

static int srmOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor){
  srm_cursor *pCur = sqlite3_malloc(sizeof(*pCur));
  if( pCur==0 ) return SQLITE_NOMEM;
  memset(pCur, 0, sizeof(*pCur));
  pCur->pDef = ((srm_vtab*)pVtab)->pDef;
  pCur->cache.n = sizeof(pCur->cache.z);      /* no control is this long */
  pCur->cache.iControl = -1;
  *ppCursor = &pCur->base;
  return SQLITE_OK;
}

static int srmClose(sqlite3_vtab_cursor *cur){
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* Past rows of another owner than the cursor's (SRM_PLAN_OWNER). */
static void srmSkipOwner(srm_cursor *pCur){
  while( pCur->nLeft>0 && srmCell[pCur->iRow].eOwner!=pCur->eOwner ){
    pCur->iRow += pCur->iStride;
    pCur->nLeft--;
  }
}

static int srmNext(sqlite3_vtab_cursor *cur){
  srm_cursor *pCur = (srm_cursor*)cur;
  pCur->iRow += pCur->iStride;
  pCur->nLeft--;
  if( pCur->eOwner ) srmSkipOwner(pCur);
  return SQLITE_OK;
}

static int srmEof(sqlite3_vtab_cursor *cur){
  return ((srm_cursor*)cur)->nLeft<=0;
}

static int srmColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int iCol){
  srm_cursor *pCur = (srm_cursor*)cur;
  pCur->pDef->xColumn(ctx, pCur->iRow, iCol);
  return SQLITE_OK;
}

static int srmRowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid){
  *pRowid = ((srm_cursor*)cur)->iRow;
  return SQLITE_OK;
}

/* idxNum: SRM_PLAN_* bits.  argv holds the key values in key order, then
** the owner filter's value. */
static int srmFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                     int argc, sqlite3_value **argv){
  srm_cursor *pCur = (srm_cursor*)cur;
  const SrmTableDef *pDef = pCur->pDef;
  SrmKeyArg aArg[3];
  SrmRun run;
  int k, iArg = 0;
  (void)idxStr;
  pCur->nLeft = 0;
  pCur->iRow = 0;
  pCur->iStride = 1;
  pCur->eOwner = 0;
  if( idxNum & SRM_PLAN_OWNER ){
    /* srm_matrix owner = value: exactly as SQLite compares (the column is
    ** TEXT: a number as its text; NULL and blobs equal no owner). */
    sqlite3_value *pVal = argv[argc - 1];
    int eType = sqlite3_value_type(pVal);
    const char *z;
    if( eType==SQLITE_NULL || eType==SQLITE_BLOB ) return SQLITE_OK;
    z = (const char*)sqlite3_value_text(pVal);
    if( z==0 ) return SQLITE_NOMEM;
    pCur->eOwner = srmOwnerFind(z, (size_t)sqlite3_value_bytes(pVal));
    if( pCur->eOwner==0 ) return SQLITE_OK;
  }
  if( (idxNum & (SRM_PLAN_KEYS|SRM_PLAN_VARIANT_NULL))==0 ){
    run.iFirst = 0;                               /* a full scan */
    run.nRow = pDef->xRows();
    run.iStride = 1;
  }else{
    memset(aArg, 0, sizeof(aArg));
    for(k=0; k<3; k++){
      sqlite3_value *pVal;
      int eType;
      if( (idxNum & (SRM_PLAN_KEY0<<k))==0 ) continue;
      pVal = argv[iArg++];
      eType = sqlite3_value_type(pVal);
      if( eType==SQLITE_NULL ){
        if( k==1 && (idxNum & SRM_PLAN_VARIANT_IS) ){
          /* variant IS NULL, written as IS with a NULL value */
          idxNum = (idxNum & ~SRM_PLAN_KEY1) | SRM_PLAN_VARIANT_NULL;
          continue;
        }
        return SQLITE_OK;
      }
      if( eType==SQLITE_BLOB ) return SQLITE_OK;
      aArg[k].z = (const char*)sqlite3_value_text(pVal);
      if( aArg[k].z==0 ) return SQLITE_NOMEM;
      aArg[k].n = (size_t)sqlite3_value_bytes(pVal);
    }
    if( !pDef->xLookup(idxNum, aArg, &run, &pCur->cache) ) return SQLITE_OK;
  }
  pCur->iRow = run.iFirst;
  pCur->nLeft = run.nRow;
  pCur->iStride = run.iStride;
  if( pCur->eOwner ) srmSkipOwner(pCur);
  return SQLITE_OK;
}

/*
** The rows a plan yields, from the descriptor's facts.  srm_matrix: a
** service has srmSlotCount() slots (about one), a slot a row per control,
** a control a row per slot.
*/
static double srmPlanRows(const SrmTableDef *pDef, int idxNum, int *pbUnique){
  int nControl = SRM_NCONTROL, nSlot = srmCount[SRM_COUNT_SLOT];
  double nRow;
  *pbUnique = 0;
  switch( pDef->eKind ){
    case SRM_TAB_MATRIX: {
      double nSlotsOf = (double)nSlot/srmCount[SRM_COUNT_SERVICE];   /* per service */
      double n = (idxNum & SRM_PLAN_KEY0)
               ? ((idxNum & (SRM_PLAN_KEY1|SRM_PLAN_VARIANT_NULL)) ? 1.0 : nSlotsOf)
               : (double)nSlot;
      nRow = (idxNum & SRM_PLAN_KEY2) ? n : n*nControl;
      *pbUnique = (idxNum & SRM_PLAN_KEY0) && (idxNum & SRM_PLAN_KEY2)
               && (idxNum & (SRM_PLAN_KEY1|SRM_PLAN_VARIANT_NULL));
      break;
    }
    case SRM_TAB_VARIANTS:
      *pbUnique = (idxNum & SRM_PLAN_KEY1)!=0;
      nRow = *pbUnique ? 1.0 : (double)pDef->nRun;
      break;
    case SRM_TAB_UNIQUE:
      *pbUnique = 1;
      nRow = 1.0;
      break;
    default:  /* SRM_TAB_RUN */
      *pbUnique = pDef->nRun==1;
      nRow = (double)pDef->nRun;
      break;
  }
  return nRow;
}

static int srmBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  const SrmTableDef *pDef = ((srm_vtab*)pVtab)->pDef;
  int bMatrix = pDef->eKind==SRM_TAB_MATRIX;
  int aUse[3] = {-1, -1, -1};   /* constraint used for key k */
  int iIsNull = -1;             /* srm_matrix: variant IS NULL */
  int iOwner = -1;              /* srm_matrix: owner = value */
  int bIs = 0;                  /* the variant constraint is IS */
  int i, k, idxNum = 0, nArg = 0, bUnique;
  double nRow = (double)pDef->xRows(), nOut;
  for(i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *p = &pInfo->aConstraint[i];
    const char *zColl;
    if( !p->usable || pDef->eKind==SRM_TAB_SCAN ) continue;
    for(k=0; k<3 && pDef->aKey[k]!=p->iColumn; k++){}
    if( k==3 && !(bMatrix && p->iColumn==SRM_MATRIX_OWNER && p->op==SQLITE_INDEX_CONSTRAINT_EQ) ){
      continue;
    }
    zColl = sqlite3_vtab_collation(pInfo, i);
    if( sqlite3_stricmp(zColl, "BINARY")!=0 ) continue;
    if( k==3 ){
      if( iOwner<0 ) iOwner = i;
      continue;
    }
    if( p->op==SQLITE_INDEX_CONSTRAINT_EQ ){
      if( aUse[k]<0 ) aUse[k] = i;
    }else if( bMatrix && k==1 && p->op==SQLITE_INDEX_CONSTRAINT_IS ){
      if( aUse[k]<0 ){ aUse[k] = i; bIs = 1; }
    }else if( bMatrix && k==1 && p->op==SQLITE_INDEX_CONSTRAINT_ISNULL ){
      iIsNull = i;
    }
  }
  /* A variant is looked up within its service only. */
  if( aUse[0]<0 && pDef->aKey[1]==1 ){ aUse[1] = -1; iIsNull = -1; }
  for(k=0; k<3; k++){
    if( aUse[k]<0 ) continue;
    idxNum |= SRM_PLAN_KEY0<<k;
    pInfo->aConstraintUsage[aUse[k]].argvIndex = ++nArg;
    pInfo->aConstraintUsage[aUse[k]].omit = 1;
  }
  if( (idxNum & SRM_PLAN_KEY1)==0 && iIsNull>=0 ){
    idxNum |= SRM_PLAN_VARIANT_NULL;
    pInfo->aConstraintUsage[iIsNull].omit = 1;
  }
  if( bIs && (idxNum & SRM_PLAN_KEY1) ) idxNum |= SRM_PLAN_VARIANT_IS;
  if( iOwner>=0 ){
    idxNum |= SRM_PLAN_OWNER;
    pInfo->aConstraintUsage[iOwner].argvIndex = ++nArg;
    pInfo->aConstraintUsage[iOwner].omit = 1;
  }
  pInfo->idxNum = idxNum;
  if( (idxNum & (SRM_PLAN_KEYS|SRM_PLAN_VARIANT_NULL))==0 ){
    /* A full scan; the owner filter (if any) keeps about a third. */
    pInfo->estimatedCost = nRow;
    pInfo->estimatedRows = (sqlite3_int64)(idxNum ? nRow/3 : nRow);
    return SQLITE_OK;
  }
  nOut = srmPlanRows(pDef, idxNum, &bUnique);
  if( (idxNum & SRM_PLAN_OWNER) && nOut>1 ) nOut /= 3;
  if( bUnique ) pInfo->idxFlags = SQLITE_INDEX_SCAN_UNIQUE;
  pInfo->estimatedRows = (sqlite3_int64)(nOut<1 ? 1 : nOut);
  /* A lookup is a probe of a static array, then the rows it yields. */
  pInfo->estimatedCost = 1.0 + nOut;
  return SQLITE_OK;
}

static const sqlite3_module srmModule = {
  .iVersion    = 0,
  .xCreate     = 0,             /* eponymous only */
  .xConnect    = srmConnect,
  .xBestIndex  = srmBestIndex,
  .xDisconnect = srmDisconnect,
  .xDestroy    = srmDisconnect,
  .xOpen       = srmOpen,
  .xClose      = srmClose,
  .xFilter     = srmFilter,
  .xNext       = srmNext,
  .xEof        = srmEof,
  .xColumn     = srmColumn,
  .xRowid      = srmRowid,
};

int srmRegisterTables(sqlite3 *db){
  size_t i;
  int rc = SQLITE_OK;
  for(i=0; rc==SQLITE_OK && i<sizeof(srmTables)/sizeof(srmTables[0]); i++){
    rc = sqlite3_create_module(db, srmTables[i].zName, &srmModule, (void*)&srmTables[i]);
  }
  return rc;
}
