/*
** func.c: the SQL functions of srm.
**
**   responsibility(x, control [, variant])      'aws' | 'customer' | 'shared'
**                                               | 'not_applicable'
**   responsibility_why(x, control [, variant])  the same with duties and
**                                               source, as a JSON object
**   srm_service(x)    the service id x resolves to
**   srm_category(x)   infrastructure | container | abstracted
**   srm_variant(x)    the variant x itself implies (AWS::EKS::Nodegroup ->
**                     managed_node_group), else NULL
**   srm_variant(x, v) the variant id v names for x's service, in any ASCII
**                     case (FARGATE -> fargate); x's own when v is NULL;
**                     NULL when x is unknown or its service has no such
**                     variant (reports list such rows as unmapped)
**   srm_arn(arn, part)  partition | service | region | account |
**                     resource_type | resource_id of an ARN
**   srm_version(), srm_debug()
**
** x is a service id, alias or name, an ARN, a resource type, a Resource
** Explorer type or a Steampipe / CloudQuery table name (see resolve.c);
** any SQL type is read as text.  NULL in gives NULL out; an x that resolves
** to no service gives NULL.  These are errors, each naming the value and
** where to find the valid ones:
**
**   unknown control 'X' (SELECT control FROM srm_controls)
**   unknown variant 'X' of service 'S' (SELECT variant FROM srm_variants WHERE service = 'S')
**   unknown part 'X' (partition, service, region, account, resource_type, resource_id)
**
** All are deterministic and innocuous: they read nothing but the
** compiled-in model.  A control or part given as a constant is looked up
** once per statement (sqlite3_get_auxdata; srmControlArg()).
*/
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "srm.h"
#include "overlay.h"         /* srmControlArg() */

#ifndef SRM_VERSION
# define SRM_VERSION "unknown"
#endif
#ifndef SRM_COMMIT
# define SRM_COMMIT "unknown"
#endif

/* The error "unknown WHAT 'VALUE' TAIL", the value quoted by srmQuote(). */
void srmErrorUnknown(sqlite3_context *ctx, const char *zWhat,
                            sqlite3_value *pVal, const char *zTail){
  /* the caller had pVal as text already: no conversion, no failure */
  const char *z = (const char*)sqlite3_value_text(pVal);
  char *zVal, *zMsg;
  if( NEVER(z==0) ){ sqlite3_result_error_nomem(ctx); return; }
  zVal = srmQuoted(z, (size_t)sqlite3_value_bytes(pVal));
  zMsg = zVal ? sqlite3_mprintf("unknown %s '%s' %s", zWhat, zVal, zTail) : 0;
  sqlite3_free(zVal);
  if( zMsg==0 ){ sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_error(ctx, zMsg, -1);
  sqlite3_free(zMsg);
}

/*
** The control argument pVal: its index in srmControl[], or -1 when the
** result is already set (NULL for a NULL control, or an error).  A
** constant control is looked up on the first row and kept for the
** statement (sqlite3_set_auxdata(): the common case, one API call a row);
** one that changes from row to row (a join with srm_controls) is found by
** srmControlFind(), a hash and a compare.  Shared by effective.c.
*/
int srmControlArg(sqlite3_context *ctx, sqlite3_value *pVal){
  const SrmControl *pControl = (const SrmControl*)sqlite3_get_auxdata(ctx, 1);
  const char *z;
  int iControl;
  if( pControl ) return (int)(pControl - srmControl);
  z = (const char*)sqlite3_value_text(pVal);
  if( z==0 ){
    /* NULL, or a failed conversion (NULL by then: see srmResolveValue()) */
    if( NEVER(sqlite3_value_type(pVal)!=SQLITE_NULL) ) sqlite3_result_error_nomem(ctx);
    return -1;
  }
  iControl = srmControlFind(z, (size_t)sqlite3_value_bytes(pVal));
  if( iControl<0 ){
    srmErrorUnknown(ctx, "control", pVal, "(SELECT control FROM srm_controls)");
    return -1;
  }
  sqlite3_set_auxdata(ctx, 1, (void*)&srmControl[iControl], 0);
  return iControl;
}

/* Resolve argument pVal.  0: no service (NULL or unknown) or out of memory
** (then the error is already set). */
SRM_INLINE int srmResolveValue(sqlite3_context *ctx, sqlite3_value *pVal, SrmTarget *pOut){
  /* One API call on the common path: NULL text is a NULL value, or no
  ** memory to convert the value to text. */
  const char *z = (const char*)sqlite3_value_text(pVal);
  if( z==0 ){
    /* NULL; a failed conversion is NULL by then too (sqlite3VdbeMemGrow()),
    ** and SQLite fails the statement with SQLITE_NOMEM */
    if( NEVER(sqlite3_value_type(pVal)!=SQLITE_NULL) ) sqlite3_result_error_nomem(ctx);
    return 0;
  }
  return srmResolve(z, (size_t)sqlite3_value_bytes(pVal), pOut);
}

/*
** Resolve x (pX) and apply the variant (pVariant, may be a null pointer):
** fills *pTarget and *piSlot and returns 1, or returns 0 when the result
** is already set (NULL, or an error).
*/
SRM_INLINE int srmTargetArgsInline(sqlite3_context *ctx, sqlite3_value *pX, sqlite3_value *pVariant,
                                   SrmTarget *pTarget, int *piSlot){
  if( !srmResolveValue(ctx, pX, pTarget) ) return 0;
  if( pVariant && sqlite3_value_type(pVariant)!=SQLITE_NULL ){
    const char *z = (const char*)sqlite3_value_text(pVariant);
    int iVariant;
    if( z==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
    iVariant = srmVariantFind(pTarget->iService, z, (size_t)sqlite3_value_bytes(pVariant));
    if( iVariant<0 ){
      const char *zSvc = SRM_STR(srmService[pTarget->iService].zId);
      char *zTail = sqlite3_mprintf(
          "of service '%s' (SELECT variant FROM srm_variants WHERE service = '%s')", zSvc, zSvc);
      if( zTail==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
      srmErrorUnknown(ctx, "variant", pVariant, zTail);
      sqlite3_free(zTail);
      return 0;
    }
    pTarget->iVariant = iVariant;
  }
  *piSlot = srmSlot(pTarget);
  return 1;
}
/* The same for framework.c (srm_origination()). */
int srmTargetArgs(sqlite3_context *ctx, sqlite3_value *pX, sqlite3_value *pVariant,
                  SrmTarget *pTarget, int *piSlot){
  return srmTargetArgsInline(ctx, pX, pVariant, pTarget, piSlot);
}

/*
** The common part of responsibility() and responsibility_why(): check the
** control, resolve x, apply the variant.  Returns the control's index and
** fills *pTarget and *piSlot, or returns -1 when the result is already set
** (NULL, or an error).
*/
SRM_INLINE int srmCellArgs(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                       SrmTarget *pTarget, int *piSlot){
  int iControl = srmControlArg(ctx, argv[1]);
  if( iControl<0 ) return -1;
  if( !srmTargetArgsInline(ctx, argv[0], argc>2 ? argv[2] : 0, pTarget, piSlot) ) return -1;
  return iControl;
}

/* responsibility(x, control [, variant]) */
static void srmResponsibilityFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  SrmTarget t;
  int iSlot;
  int iControl = srmCellArgs(ctx, argc, argv, &t, &iSlot);
  if( iControl<0 ) return;
  int eOwner = srmCellAt(iSlot, iControl)->eOwner;
  sqlite3_result_text(ctx, srmOwnerName(eOwner), srmOwnerLen(eOwner), SQLITE_STATIC);
}

/* Append z, a string of the model, to p as a JSON string, or null for
** NULL.  The build refuses a double quote, a backslash or a control
** character in the strings responsibility_why() writes (ext/model.sql,
** "problems"), so they are escaped only should one come all the same. */
void srmJsonString(sqlite3_str *p, const char *z){
  if( z==0 ){ sqlite3_str_appendall(p, "null"); return; }
  sqlite3_str_appendchar(p, 1, '"');
  for(; *z; z++){
    unsigned char c = (unsigned char)*z;
    if( NEVER(c=='"' || c=='\\' || c<0x20) ){
      sqlite3_str_appendf(p, "\\u%04x", c);
    }else{
      sqlite3_str_appendchar(p, 1, (char)c);
    }
  }
  sqlite3_str_appendchar(p, 1, '"');
}

void srmJsonField(sqlite3_str *p, const char *zName, const char *zValue){
  sqlite3_str_appendf(p, ",\"%s\":", zName);
  srmJsonString(p, zValue);
}

void srmResultStr(sqlite3_context *ctx, sqlite3_str *p){
  int rc = sqlite3_str_errcode(p);
  int n = sqlite3_str_length(p);
  char *z = sqlite3_str_finish(p);
  if( rc!=SQLITE_OK || NEVER(z==0) ){       /* z is NULL only when empty */
    sqlite3_free(z);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_text(ctx, z, n, sqlite3_free);
  sqlite3_result_subtype(ctx, 'J');     /* JSON, as json() marks its results */
}

/* The fields of the cell of control iControl in slot iSlot, each after a
** comma: owner, basis, then a composite's parts and their owners, or a
** base control's duties, source and read_on.  Shared by
** srm_origination_why() (framework.c). */
void srmJsonCell(sqlite3_str *p, int iSlot, int iControl){
  const SrmControl *pC = &srmControl[iControl];
  const SrmCell *pCell = srmCellAt(iSlot, iControl);
  srmJsonField(p, "owner", srmOwnerName(pCell->eOwner));
  srmJsonField(p, "basis", srmBasisName(pCell->eBasis));
  if( pC->nPart ){
    int i;
    sqlite3_str_appendall(p, ",\"parts\":{");
    for(i=0; i<pC->nPart; i++){
      int k = pC->aPart[i];
      if( i ) sqlite3_str_appendchar(p, 1, ',');
      srmJsonString(p, SRM_STR(srmControl[k].zId));
      sqlite3_str_appendchar(p, 1, ':');
      srmJsonString(p, srmOwnerName(srmCellAt(iSlot, k)->eOwner));
    }
    sqlite3_str_appendchar(p, 1, '}');
  }else{
    const SrmText *pT = &srmText[pCell->iText];
    srmJsonField(p, "aws_duty", SRM_STR(pT->zAwsDuty));
    srmJsonField(p, "customer_duty", SRM_STR(pT->zCustomerDuty));
    srmJsonField(p, "source", SRM_STR(pT->zSource));
    srmJsonField(p, "read_on", SRM_STR(pT->zReadOn)[0] ? SRM_STR(pT->zReadOn) : 0);
  }
}

/* responsibility_why(x, control [, variant]) */
static void srmWhyFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  SrmTarget t;
  int iSlot, iControl = srmCellArgs(ctx, argc, argv, &t, &iSlot);
  const SrmService *pS;
  sqlite3_str *p;
  if( iControl<0 ) return;
  pS = &srmService[t.iService];
  p = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  sqlite3_str_appendall(p, "{\"service\":");
  srmJsonString(p, SRM_STR(pS->zId));
  srmJsonField(p, "variant", srmVariantOfSlot(t.iService, iSlot));
  srmJsonField(p, "category", SRM_STR(srmCategory[pS->iCategory].zId));
  srmJsonField(p, "control", SRM_STR(srmControl[iControl].zId));
  srmJsonCell(p, iSlot, iControl);
  sqlite3_str_appendchar(p, 1, '}');
  srmResultStr(ctx, p);
}

/* srm_service(x), srm_category(x), srm_variant(x): which one is in the
** function's user data. */
#define SRM_RESOLVE_SERVICE   1
#define SRM_RESOLVE_CATEGORY  2
#define SRM_RESOLVE_VARIANT   3
static void srmResolveFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  SrmTarget t;
  const char *z = 0;
  if( !srmResolveValue(ctx, argv[0], &t) ) return;
  if( argc>1 && sqlite3_value_type(argv[1])!=SQLITE_NULL ){
    /* srm_variant(x, v): the canonical id of variant v of x's service */
    const char *zV = (const char*)sqlite3_value_text(argv[1]);
    if( zV==0 ){ sqlite3_result_error_nomem(ctx); return; }
    t.iVariant = srmVariantFind(t.iService, zV, (size_t)sqlite3_value_bytes(argv[1]));
    if( t.iVariant<=0 ) return;
  }
  switch( *(const int*)sqlite3_user_data(ctx) ){
    case SRM_RESOLVE_SERVICE:  z = SRM_STR(srmService[t.iService].zId);  break;
    case SRM_RESOLVE_CATEGORY: z = SRM_STR(srmCategory[srmService[t.iService].iCategory].zId);  break;
    default:  if( t.iVariant ) z = SRM_STR(srmVariant[t.iVariant - 1].zId);  break;
  }
  if( z ) sqlite3_result_text(ctx, z, -1, SQLITE_STATIC);
}
static const int srmResolveWhat[] = {
  SRM_RESOLVE_SERVICE, SRM_RESOLVE_CATEGORY, SRM_RESOLVE_VARIANT
};

/* srm_arn(arn, part) */
static const char *const srmArnParts[] = {
  "partition", "service", "region", "account", "resource_type", "resource_id"
};
static void srmArnFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *az[6];
  size_t an[6];
  const char *const *pPart;
  const char *z;
  int iPart;
  (void)argc;
  if( sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  pPart = (const char *const*)sqlite3_get_auxdata(ctx, 1);
  if( pPart ){
    iPart = (int)(pPart - srmArnParts);
  }else{
    const char *zPart = (const char*)sqlite3_value_text(argv[1]);
    size_t nPart = (size_t)sqlite3_value_bytes(argv[1]);
    if( zPart==0 ){ sqlite3_result_error_nomem(ctx); return; }
    for(iPart=0; iPart<6; iPart++){
      if( strlen(srmArnParts[iPart])==nPart && memcmp(srmArnParts[iPart], zPart, nPart)==0 ) break;
    }
    if( iPart==6 ){
      srmErrorUnknown(ctx, "part", argv[1],
          "(partition, service, region, account, resource_type, resource_id)");
      return;
    }
    sqlite3_set_auxdata(ctx, 1, (void*)&srmArnParts[iPart], 0);
  }
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  z = (const char*)sqlite3_value_text(argv[0]);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  if( !srmArnSplit(z, (size_t)sqlite3_value_bytes(argv[0]), az, an) ) return;
  if( an[iPart]==0 ) return;
  sqlite3_result_text(ctx, az[iPart], (int)an[iPart], SQLITE_TRANSIENT);
}

/* srm_version() */
static void srmVersionFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc; (void)argv;
  sqlite3_result_text(ctx, SRM_VERSION, -1, SQLITE_STATIC);
}

/* srm_debug(): build facts as a JSON object: the version, commit, SQLite
** versions, data checksum, the row count of every table and, computed
** from the compiled matrix, how much of it is sourced. */
static void srmDebugFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  static const struct { const char *zName; int iCount; } aRow[] = {
    { "services",       SRM_COUNT_SERVICE },   { "variants",    SRM_COUNT_VARIANT },
    { "controls",       SRM_COUNT_CONTROL },   { "categories",  SRM_COUNT_CATEGORY },
    { "defaults",       SRM_COUNT_DEFAULT },   { "exceptions",  SRM_COUNT_EXCEPTION },
    { "matrix",         -1 },                  { "aliases",     SRM_COUNT_ALIAS },
    { "resource_types", SRM_COUNT_TYPE },      { "arn_types",   SRM_COUNT_ARN },
    { "table_names",    SRM_COUNT_TABLE },     { "exclusions",  SRM_COUNT_EXCLUSION },
    { "checks",         SRM_COUNT_CHECK },     { "frameworks",  SRM_COUNT_FRAMEWORK },
    { "requirements",   SRM_COUNT_REQUIREMENT },
    { "requirement_controls", SRM_COUNT_REQ_CONTROL },
    { "fedramp_crm_rows", SRM_COUNT_CRM_ROW },
    { "keys",           SRM_COUNT_KEY },
  };
  int nCell = srmCount[SRM_COUNT_SLOT]*SRM_NCONTROL, nSourced = 0, nNa = 0, i;
  sqlite3_str *p = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  (void)argc; (void)argv;
  for(i=0; i<nCell; i++){
    if( srmCell[i].eBasis==SRM_BASIS_SERVICE || srmCell[i].eBasis==SRM_BASIS_VARIANT ) nSourced++;
    if( srmCell[i].eOwner==SRM_OWNER_NA ) nNa++;
  }
  sqlite3_str_appendall(p, "{\"version\":");
  srmJsonString(p, SRM_VERSION);
  srmJsonField(p, "commit", SRM_COMMIT);
  srmJsonField(p, "sqlite", sqlite3_libversion());
  srmJsonField(p, "sqlite_compiled", SQLITE_VERSION);
  srmJsonField(p, "data_checksum", srmDataChecksum);
  sqlite3_str_appendall(p, ",\"rows\":{");
  for(i=0; i<(int)(sizeof(aRow)/sizeof(aRow[0])); i++){
    sqlite3_str_appendf(p, "%s\"%s\":%d", i ? "," : "", aRow[i].zName,
                        aRow[i].iCount<0 ? nCell : srmCount[aRow[i].iCount]);
  }
  sqlite3_str_appendf(p, "},\"model\":{\"reviewed_services\":%d,\"sourced_cells\":%d,"
                      "\"not_applicable_cells\":%d}}",
                      srmCount[SRM_COUNT_REVIEWED], nSourced, nNa);
  srmResultStr(ctx, p);
}

int srmRegisterFunctions(sqlite3 *db){
  static const struct {
    const char *zName;
    int nArg;
    const void *pUser;
    void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
  } aFunc[] = {
    { "responsibility",      2, 0, srmResponsibilityFunc },
    { "responsibility",      3, 0, srmResponsibilityFunc },
    { "responsibility_why",  2, 0, srmWhyFunc },
    { "responsibility_why",  3, 0, srmWhyFunc },
    { "srm_service",         1, &srmResolveWhat[0], srmResolveFunc },
    { "srm_category",        1, &srmResolveWhat[1], srmResolveFunc },
    { "srm_variant",         1, &srmResolveWhat[2], srmResolveFunc },
    { "srm_variant",         2, &srmResolveWhat[2], srmResolveFunc },
    { "srm_arn",             2, 0, srmArnFunc },
    { "srm_version",         0, 0, srmVersionFunc },
    { "srm_debug",           0, 0, srmDebugFunc },
  };
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  size_t i;
  int rc = SQLITE_OK;
  for(i=0; rc==SQLITE_OK && i<sizeof(aFunc)/sizeof(aFunc[0]); i++){
    rc = sqlite3_create_function(db, aFunc[i].zName, aFunc[i].nArg, flags,
                                 (void*)aFunc[i].pUser, aFunc[i].xFunc, 0, 0);
  }
  return rc;
}
