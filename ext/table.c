/*
** table.c: one read-only module serves every srm_* table of the model.
**
** Like SQLite's pragma_* tables, each table is a descriptor (name, schema,
** row count, a column reader and the columns it can look up); the cursor,
** xBestIndex and xFilter are shared.  The tables are eponymous: they exist
** in every schema without CREATE VIRTUAL TABLE, and have no xUpdate, so a
** write fails with SQLite's "table srm_x may not be modified".
**
**   srm_categories(category, title, description, source)
**   srm_controls(control, layer, position, title, description, parts)
**   srm_defaults(category, control, owner, aws_duty, customer_duty, source)
**   srm_services(service, name, abbreviation, category, category_basis,
**                category_source, category_note, default_variant, variants)
**   srm_variants(service, variant, is_default, title, note, source)
**   srm_matrix(service, variant, control, owner, aws_duty, customer_duty,
**              source, basis, read_on, category, variant_used)
**   srm_aliases(alias, service, kind)
**   srm_resource_types(resource_type, service, variant)
**   srm_arn_types(namespace, resource_type, service, variant)
**   srm_table_names(table_name, dialect, service, variant)
**   srm_exclusions(dialect, name, reason)
**
** srm_matrix has one row per service, variant and control.  For a service
** with variants, the rows whose variant is NULL repeat the default variant's
** answers (variant_used names it), so that
**     ... JOIN srm_matrix m ON m.service = i.service AND m.variant IS i.variant
** gives one row per inventory row whether or not it names a variant.
**
** xBestIndex.  A descriptor lists up to three key columns.  idxNum bit k
** (k = 0, 1, 2) means "key column k is constrained by =, or IS, to the
** value in the next argv"; argv are in key order.  For srm_matrix, bit 3
** means "variant IS NULL" (no argv).  A key constraint is used only when its
** collation is BINARY, it is omitted (xFilter compares exactly as SQLite
** would: the value as text, no row for NULL or a blob), and a lookup costs
** 1 instead of the table's row count.  srm_matrix also takes owner = value
** (bit 5, its value the last argv) as a filter: xFilter and xNext skip rows
** of other owners, so a join that keeps one owner's cells does not pay
** SQLite's xColumn and compare for the rest.  Each table's lookup turns the keys
** into a run of rows: first row, count and stride (srm_matrix rows are
** numbered slot * controls + control, so a control alone is a stride).
*/
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "srm.h"

#define SRM_MATRIX_OWNER 3     /* srm_matrix.owner, a filter column */

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
  int (*xRows)(void);
  void (*xColumn)(sqlite3_context*, int iRow, int iCol);
  int aKey[3];                          /* key columns, -1 for none */
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
    default: TEXT0(SRM_STR(p->zParts)); break;
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
    default: INT(p->nVariant); break;
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
    default: TEXT(SRM_STR(p->zSource)); break;
  }
}
static int srmVariantLookup(int idxNum, const SrmKeyArg *a, SrmRun *pRun, SrmControlCache *pCache){
  (void)pCache;
  int s = srmServiceFind(a[0].z, a[0].n);
  if( s<0 ) return 0;
  pRun->iFirst = srmService[s].iVariant;
  pRun->nRow = srmService[s].nVariant;
  pRun->iStride = 1;
  if( idxNum & 2 ){
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
  const SrmCell *pCell = &srmCell[i];
  const SrmText *pT = pCell->eBasis==SRM_BASIS_DERIVED ? 0 : &srmText[pCell->iText];
  switch( iCol ){
    case 0: TEXT(SRM_STR(pS->zId)); break;
    case 1: if( iSlot>pS->iSlot ) TEXT(SRM_STR(srmVariant[pS->iVariant + iSlot - pS->iSlot - 1].zId)); break;
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
  if( idxNum & 1 ){
    int s = srmServiceFind(a[0].z, a[0].n);
    const SrmService *pS;
    if( s<0 ) return 0;
    pS = &srmService[s];
    iSlot = pS->iSlot;
    nSlot = pS->nVariant ? 1 + pS->nVariant : 1;
    if( idxNum & 8 ){
      nSlot = 1;                                    /* variant IS NULL */
    }else if( idxNum & 2 ){
      int v = srmVariantFind(s, a[1].z, a[1].n);
      if( v<0 ) return 0;
      iSlot = pS->iSlot + 1 + (v - 1 - pS->iVariant);
      nSlot = 1;
    }
  }
  if( idxNum & 4 ){
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

static const SrmTableDef srmTables[] = {
  { "srm_categories",
    "CREATE TABLE x(category TEXT, title TEXT, description TEXT, source TEXT)",
    srmCategoryRows, srmCategoryColumn, {0, -1, -1}, srmCategoryLookup },
  { "srm_controls",
    "CREATE TABLE x(control TEXT, layer TEXT, position INTEGER, title TEXT,"
    " description TEXT, parts TEXT)",
    srmControlRows, srmControlColumn, {0, -1, -1}, srmControlLookup },
  { "srm_defaults",
    "CREATE TABLE x(category TEXT, control TEXT, owner TEXT, aws_duty TEXT,"
    " customer_duty TEXT, source TEXT)",
    srmDefaultRows, srmDefaultColumn, {-1, -1, -1}, 0 },
  { "srm_services",
    "CREATE TABLE x(service TEXT, name TEXT, abbreviation TEXT, category TEXT,"
    " category_basis TEXT, category_source TEXT, category_note TEXT,"
    " default_variant TEXT, variants INTEGER)",
    srmServiceRows, srmServiceColumn, {0, -1, -1}, srmServiceLookup },
  { "srm_variants",
    "CREATE TABLE x(service TEXT, variant TEXT, is_default INTEGER, title TEXT,"
    " note TEXT, source TEXT)",
    srmVariantRows, srmVariantColumn, {0, 1, -1}, srmVariantLookup },
  { "srm_matrix",
    "CREATE TABLE x(service TEXT, variant TEXT, control TEXT, owner TEXT,"
    " aws_duty TEXT, customer_duty TEXT, source TEXT, basis TEXT, read_on TEXT,"
    " category TEXT, variant_used TEXT)",
    srmMatrixRows, srmMatrixColumn, {0, 1, 2}, srmMatrixLookup },
  { "srm_aliases",
    "CREATE TABLE x(alias TEXT, service TEXT, kind TEXT)",
    srmAliasRows, srmAliasColumn, {0, -1, -1}, srmAliasLookup },
  { "srm_resource_types",
    "CREATE TABLE x(resource_type TEXT, service TEXT, variant TEXT)",
    srmTypeRows, srmTypeColumn, {0, -1, -1}, srmTypeLookup },
  { "srm_arn_types",
    "CREATE TABLE x(namespace TEXT, resource_type TEXT, service TEXT, variant TEXT)",
    srmArnTypeRows, srmArnTypeColumn, {0, -1, -1}, srmArnTypeLookup },
  { "srm_table_names",
    "CREATE TABLE x(table_name TEXT, dialect TEXT, service TEXT, variant TEXT)",
    srmTableNameRows, srmTableNameColumn, {0, -1, -1}, srmTableNameLookup },
  { "srm_exclusions",
    "CREATE TABLE x(dialect TEXT, name TEXT, reason TEXT)",
    srmExclusionRows, srmExclusionColumn, {-1, -1, -1}, 0 },
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

/* Past rows of another owner than the cursor's (srm_matrix, bit 32). */
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

/* idxNum: see the header comment.  argv holds the key values in key order. */
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
  if( idxNum & 32 ){
    /* srm_matrix owner = value, its argv after the keys: exactly as SQLite
    ** compares (the column is TEXT: a number as its text; NULL and blobs
    ** equal no owner). */
    sqlite3_value *pVal = argv[argc - 1];
    int eType = sqlite3_value_type(pVal);
    const char *z;
    if( eType==SQLITE_NULL || eType==SQLITE_BLOB ) return SQLITE_OK;
    z = (const char*)sqlite3_value_text(pVal);
    if( z==0 ) return SQLITE_NOMEM;
    pCur->eOwner = srmOwnerFind(z, (size_t)sqlite3_value_bytes(pVal));
    if( pCur->eOwner==0 ) return SQLITE_OK;
  }
  if( (idxNum & 15)==0 ){
    run.iFirst = 0;                               /* a full scan */
    run.nRow = pDef->xRows();
    run.iStride = 1;
  }else{
    memset(aArg, 0, sizeof(aArg));
    for(k=0; k<3; k++){
      sqlite3_value *pVal;
      int eType;
      if( (idxNum & (1<<k))==0 ) continue;
      pVal = argv[iArg++];
      eType = sqlite3_value_type(pVal);
      if( eType==SQLITE_NULL ){
        /* "variant IS NULL" given as IS with a NULL value */
        if( k==1 && (idxNum & 16) ){ idxNum = (idxNum & ~2) | 8; continue; }
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
** idxNum bits 0-2: key column k constrained (=, or IS), value in argv;
** bit 3: srm_matrix variant IS NULL; bit 4: the variant constraint is an IS,
** so a NULL value means "IS NULL" rather than "no row"; bit 5: srm_matrix
** owner = value, the last argv (a filter: rows of other owners are skipped
** in the table, not returned for SQLite to drop).
*/
static int srmBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  const SrmTableDef *pDef = ((srm_vtab*)pVtab)->pDef;
  int bMatrix = pDef->xLookup==srmMatrixLookup;
  int aUse[3] = {-1, -1, -1};   /* constraint used for key k */
  int iIsNull = -1;             /* srm_matrix: variant IS NULL */
  int iOwner = -1;              /* srm_matrix: owner = value */
  int bIs = 0;                  /* srm_matrix: the variant constraint is IS */
  int i, k, idxNum = 0, nArg = 0;
  double nRow = (double)pDef->xRows();
  for(i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *p = &pInfo->aConstraint[i];
    const char *zColl;
    if( !p->usable || pDef->xLookup==0 ) continue;
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
    idxNum |= 1<<k;
    pInfo->aConstraintUsage[aUse[k]].argvIndex = ++nArg;
    pInfo->aConstraintUsage[aUse[k]].omit = 1;
  }
  if( (idxNum & 2)==0 && iIsNull>=0 ){
    idxNum |= 8;
    pInfo->aConstraintUsage[iIsNull].omit = 1;
  }
  if( bIs && (idxNum & 2) ) idxNum |= 16;
  if( iOwner>=0 ){
    idxNum |= 32;
    pInfo->aConstraintUsage[iOwner].argvIndex = ++nArg;
    pInfo->aConstraintUsage[iOwner].omit = 1;
  }
  pInfo->idxNum = idxNum;
  if( (idxNum & ~32)==0 ){
    /* A full scan; the owner filter (if any) keeps about a third. */
    pInfo->estimatedCost = nRow;
    pInfo->estimatedRows = (sqlite3_int64)(idxNum ? nRow/3 : nRow);
    return SQLITE_OK;
  }
  /* Unique when every key is given, or the single key of a unique table. */
  if( pDef->xLookup==srmMatrixLookup ){
    /* Rows a lookup yields: a service has about 1 slot, a slot a row
    ** per control, a control a row per slot. */
    int nSlot = (idxNum & 1) ? ((idxNum & (2|8)) ? 1 : 2) : srmCount[SRM_COUNT_SLOT];
    pInfo->estimatedRows = (idxNum & 4) ? nSlot : nSlot*SRM_NCONTROL;
    if( (idxNum & 32) && pInfo->estimatedRows>1 ) pInfo->estimatedRows /= 3;
    if( (idxNum & 1) && (idxNum & (2|8)) && (idxNum & 4) ){
      pInfo->idxFlags = SQLITE_INDEX_SCAN_UNIQUE;
    }
  }else if( pDef->xLookup==srmVariantLookup ){
    pInfo->estimatedRows = (idxNum & 2) ? 1 : 3;
    if( idxNum & 2 ) pInfo->idxFlags = SQLITE_INDEX_SCAN_UNIQUE;
  }else if( pDef->xLookup==srmArnTypeLookup || pDef->xLookup==srmTableNameLookup ){
    pInfo->estimatedRows = 2;
  }else{
    pInfo->estimatedRows = 1;
    pInfo->idxFlags = SQLITE_INDEX_SCAN_UNIQUE;
  }
  pInfo->estimatedCost = (double)pInfo->estimatedRows;
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
