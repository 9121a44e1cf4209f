/*
** findings.c: srm_findings(document [, format]), scanners' findings as rows,
** each with the srm control its check verifies.
**
**   SELECT * FROM srm_findings(readfile('findings.json'));
**
** Schema:
**   CREATE TABLE x(scanner, check_id, control, status, severity, title, arn,
**                  resource_type, resource_id, service, account, region,
**                  time, document HIDDEN, format HIDDEN)
**
** Formats (the format argument, or detected when it is omitted or NULL):
**   securityhub_asff   aws securityhub get-findings: "Findings", in the
**                      AWS Security Finding Format
**   config_compliance  aws configservice get-compliance-details-by-config-rule
**                      and get-compliance-details-by-resource:
**                      "EvaluationResults"
**   prowler_ocsf       Prowler's json-ocsf output: a JSON array of OCSF
**                      findings
**
** Per finding: scanner (securityhub, config, prowler); check_id, the
** check as the finding names it (Security Hub's consolidated control id,
** else the standard's control id, else the generator id; the AWS Config
** rule name; Prowler's check id); control, what srm_checks says that check
** verifies (NULL when it verifies none, or srm does not know the check:
** findings of other products in ASFF, rules of the customer's own);
** status: passed, failed, warning, not_available (Security Hub),
** not_applicable, insufficient_data (AWS Config), manual (Prowler), or NULL
** (a finding that is no compliance check, such as GuardDuty's); severity
** in lower case; title; arn (the resource's, when it is an ARN);
** resource_type and resource_id as the finding gives them; service:
** srm_service() of the type, else of the ARN, else the check's service;
** account, region and time as the finding gives them.  The input rules of
** srm_inventory() apply: gzip, a byte order mark, JSONB; UTF-16 refused.
**
** Errors:
**   srm_findings() needs a document: SELECT * FROM srm_findings(readfile('findings.json'))
**   unknown format 'X' (securityhub_asff, config_compliance, prowler_ocsf)
**   srm_findings: the document is not JSON (formats ...)
**   srm_findings: a JSON object without Findings or EvaluationResults (its keys: ...);
**     not findings srm reads (formats ...)
**   srm_findings: a JSON array whose first element is not an OCSF finding (formats ...)
**   srm_findings: the document has no "P" array (format F)
**   srm_findings: malformed JSON (format F), or (detecting the format)
**   and those of reading the document (document.c)
** A NULL document gives no rows.
**
** JSON is read by SQLite's json_each() and json_extract() on the same
** connection: one statement walks the findings, and json_extract() with
** every path at once parses each finding once.
*/
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "srm.h"
#include "document.h"

#define FND_SCANNER   0
#define FND_CHECK     1
#define FND_CONTROL   2
#define FND_STATUS    3
#define FND_SEVERITY  4
#define FND_TITLE     5
#define FND_ARN       6
#define FND_TYPE      7
#define FND_ID        8
#define FND_SERVICE   9
#define FND_ACCOUNT  10
#define FND_REGION   11
#define FND_TIME     12
#define FND_DOCUMENT 13
#define FND_FORMAT   14

/* The fields a format's statement extracts, in this order (a format that
** lacks one gives no path for it: NULL). */
#define F_CHECK     0   /* the check's id or name */
#define F_CHECK2    1   /* the next choice for it */
#define F_CHECK3    2   /* and the last */
#define F_RESOURCE  3   /* an ARN or another id */
#define F_TYPE      4
#define F_STATUS    5
#define F_SEVERITY  6
#define F_ACCOUNT   7
#define F_REGION    8
#define F_TIME      9
#define F_TITLE    10
#define F_N        11

#define FMT_ASFF    0
#define FMT_CONFIG  1
#define FMT_OCSF    2
#define FMT_N       3

typedef struct FndFormat FndFormat;
struct FndFormat {
  const char *zName;            /* the format argument */
  const char *zScanner;         /* srm_checks.scanner */
  const char *zItems;           /* the JSON path of the findings */
  const char *azPath[F_N];      /* each field's path, or NULL */
  const char *const *azStatus;  /* pairs: the document's status, srm's */
};

static const char *const azAsffStatus[] = {
  "PASSED", "passed", "FAILED", "failed", "WARNING", "warning", "NOT_AVAILABLE", "not_available", 0
};
static const char *const azConfigStatus[] = {
  "COMPLIANT", "passed", "NON_COMPLIANT", "failed", "NOT_APPLICABLE", "not_applicable",
  "INSUFFICIENT_DATA", "insufficient_data", 0
};
static const char *const azOcsfStatus[] = {
  "PASS", "passed", "FAIL", "failed", "MANUAL", "manual", 0
};

static const FndFormat aFndFormat[FMT_N] = {
  { "securityhub_asff", "securityhub", "$.Findings",
    { "$.Compliance.SecurityControlId", "$.ProductFields.ControlId", "$.GeneratorId",
      "$.Resources[0].Id", "$.Resources[0].Type", "$.Compliance.Status", "$.Severity.Label",
      "$.AwsAccountId", "$.Region", "$.UpdatedAt", "$.Title" }, azAsffStatus },
  { "config_compliance", "config", "$.EvaluationResults",
    { "$.EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName", 0, 0,
      "$.EvaluationResultIdentifier.EvaluationResultQualifier.ResourceId",
      "$.EvaluationResultIdentifier.EvaluationResultQualifier.ResourceType", "$.ComplianceType", 0,
      0, 0, "$.ResultRecordedTime", 0 }, azConfigStatus },
  { "prowler_ocsf", "prowler", "$",
    { "$.metadata.event_code", 0, 0, "$.resources[0].uid", "$.resources[0].type", "$.status_code",
      "$.severity", "$.cloud.account.uid", "$.cloud.region", "$.time_dt", "$.finding_info.title" },
    azOcsfStatus },
};
#define FMT_LIST_BARE "securityhub_asff, config_compliance, prowler_ocsf"

typedef struct fnd_cursor fnd_cursor;
struct fnd_cursor {
  sqlite3_vtab_cursor base;
  sqlite3 *db;
  sqlite3_value *pDocument;     /* the document argument (a copy) */
  SrmDocument doc;              /* its text */
  int eFormat;
  sqlite3_stmt *pStmt;          /* (item, field, value) rows: F_N a finding */
  int bEof;
  sqlite3_int64 iRow;           /* the finding's index in the document */
  SrmField aField[F_N];         /* the current finding's fields */
  int iCheck;                   /* index in srmCheck[], or -1 */
  int bService;
  SrmTarget t;
};

typedef struct fnd_vtab fnd_vtab;
struct fnd_vtab { sqlite3_vtab base; sqlite3 *db; };

static int fndConnect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                      sqlite3_vtab **ppVtab, char **pzErr){
  fnd_vtab *pTab;
  int rc;
  (void)pAux; (void)argc; (void)argv; (void)pzErr;
  rc = sqlite3_declare_vtab(db, "CREATE TABLE x(scanner TEXT, check_id TEXT, control TEXT,"
      " status TEXT, severity TEXT, title TEXT, arn TEXT, resource_type TEXT, resource_id TEXT,"
      " service TEXT, account TEXT, region TEXT, time TEXT, document HIDDEN, format HIDDEN)");
  if( rc!=SQLITE_OK ) return rc;
  pTab = sqlite3_malloc(sizeof(*pTab));
  if( pTab==0 ) return SQLITE_NOMEM;
  memset(pTab, 0, sizeof(*pTab));
  pTab->db = db;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);   /* it reads only its argument */
  *ppVtab = &pTab->base;
  return SQLITE_OK;
}

static int fndDisconnect(sqlite3_vtab *pVtab){
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

static int fndOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor){
  fnd_cursor *pCur = sqlite3_malloc(sizeof(*pCur));
  if( pCur==0 ) return SQLITE_NOMEM;
  memset(pCur, 0, sizeof(*pCur));
  pCur->db = ((fnd_vtab*)pVtab)->db;
  pCur->bEof = 1;
  *ppCursor = &pCur->base;
  return SQLITE_OK;
}

static void fndClearRow(fnd_cursor *pCur){
  int i;
  for(i=0; i<F_N; i++) pCur->aField[i].eType = SQLITE_NULL;
}

static void fndReset(fnd_cursor *pCur){
  fndClearRow(pCur);
  sqlite3_finalize(pCur->pStmt);
  pCur->pStmt = 0;
  srmDocumentClose(&pCur->doc);
  sqlite3_value_free(pCur->pDocument);
  pCur->pDocument = 0;
  pCur->bEof = 1;
}

static int fndClose(sqlite3_vtab_cursor *cur){
  fnd_cursor *pCur = (fnd_cursor*)cur;
  int i;
  fndReset(pCur);
  for(i=0; i<F_N; i++) sqlite3_free(pCur->aField[i].z);
  sqlite3_free(pCur);
  return SQLITE_OK;
}

/* An error message on the table (zMsg from sqlite3_malloc; NULL: no
** memory), returned with code rc. */
static int fndError(fnd_cursor *pCur, char *zMsg, int rc){
  sqlite3_vtab *pVtab = pCur->base.pVtab;
  if( zMsg==0 ) return SQLITE_NOMEM;
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = zMsg;
  return rc;
}

/* The text of field i of the current finding, or NULL; *pn its bytes. */
static const char *fndText(fnd_cursor *pCur, int i, size_t *pn){
  const SrmField *p = &pCur->aField[i];
  *pn = 0;
  if( p->eType==SQLITE_NULL ) return 0;
  *pn = (size_t)p->n;
  return p->z;
}

/* The check a finding names: each choice in turn, as it is, then its last
** part after '/' (a generator id "aws-foundational-security-best-
** practices/v/1.0.0/S3.1" names S3.1), then an AWS Config rule name that
** Security Hub made ("securityhub-NAME-" and 8 letters or digits). */
static int fndCheckOf(fnd_cursor *pCur, const char *zScanner){
  int i;
  for(i=F_CHECK; i<=F_CHECK3; i++){
    size_t n;
    const char *z = fndText(pCur, i, &n), *zSlash;
    int k;
    if( z==0 || n==0 ) continue;
    if( (k = srmCheckFind(zScanner, z, n))>=0 ) return k;
    zSlash = strrchr(z, '/');
    if( zSlash && (k = srmCheckFind(zScanner, zSlash + 1, n - (size_t)(zSlash + 1 - z)))>=0 ) return k;
    if( n>21 && sqlite3_strnicmp(z, "securityhub-", 12)==0 && z[n-9]=='-'
     && (k = srmCheckFind(zScanner, z + 12, n - 21))>=0 ) return k;
  }
  return -1;
}

/* Read the next finding (F_N rows of the statement) and derive its check
** and service. */
static int fndStep(fnd_cursor *pCur){
  int i, rc = SQLITE_OK;
  fndClearRow(pCur);
  for(i=0; i<F_N; i++){
    rc = sqlite3_step(pCur->pStmt);
    if( rc!=SQLITE_ROW ){
      /* the end comes between findings: each is F_N rows */
      if( rc==SQLITE_DONE && ALWAYS(i==0) ){
        pCur->bEof = 1;
        return SQLITE_OK;
      }
      break;
    }
    if( i==0 ) pCur->iRow = sqlite3_column_int64(pCur->pStmt, 0);
    /* the field's number is the row's (json_each of a JSON array of F_N) */
    rc = srmFieldSet(&pCur->aField[i], sqlite3_column_value(pCur->pStmt, 2));
    if( rc!=SQLITE_OK ) return rc;
  }
  if( rc!=SQLITE_OK ){
    if( rc==SQLITE_NOMEM ) return rc;
    return fndError(pCur, sqlite3_mprintf("srm_findings: %s (format %s)", sqlite3_errmsg(pCur->db),
                    aFndFormat[pCur->eFormat].zName), rc);
  }
  /* the check, then the service: the type, the ARN, the check's */
  pCur->iCheck = fndCheckOf(pCur, aFndFormat[pCur->eFormat].zScanner);
  pCur->bService = 0;
  {
    size_t n;
    const char *z = fndText(pCur, F_TYPE, &n);
    if( z ) pCur->bService = srmResolve(z, n, &pCur->t);
    z = fndText(pCur, F_RESOURCE, &n);
    if( !pCur->bService && z && srmIsArn(z, n) ) pCur->bService = srmResolve(z, n, &pCur->t);
  }
  if( !pCur->bService && pCur->iCheck>=0 ){
    const char *z = SRM_STR(srmCheck[pCur->iCheck].iService);
    pCur->bService = srmResolve(z, strlen(z), &pCur->t);
  }
  return SQLITE_OK;
}

/* The format of the document z[0..n) (its first non-blank byte is
** z[i]), or an error that says what it is instead. */
static int fndDetect(fnd_cursor *pCur, const char *z, int nBind, size_t i, int *peFormat){
  sqlite3_stmt *pStmt = 0;
  int rc;
  *peFormat = -1;
  if( z[i]=='[' ){
    /* Prowler: an array of OCSF findings (an empty one too) */
    rc = sqlite3_prepare_v2(pCur->db, "SELECT json_array_length(?1),"
                            " json_type(?1, '$[0].status_code'), json_type(?1, '$[0].metadata')",
                            -1, &pStmt, 0);
    if( rc==SQLITE_OK ){
      sqlite3_bind_text(pStmt, 1, z, nBind, SQLITE_STATIC);
      rc = sqlite3_step(pStmt);
    }
    if( rc==SQLITE_ROW ){
      if( sqlite3_column_int(pStmt, 0)==0
       || (sqlite3_column_type(pStmt, 1)!=SQLITE_NULL && sqlite3_column_type(pStmt, 2)!=SQLITE_NULL) ){
        *peFormat = FMT_OCSF;
        rc = SQLITE_OK;
      }else{
        rc = fndError(pCur, sqlite3_mprintf("srm_findings: a JSON array whose first element is not"
                      " an OCSF finding (formats " FMT_LIST_BARE ")"), SQLITE_ERROR);
      }
    }else if( rc!=SQLITE_NOMEM ){
      /* (a SELECT without FROM gives its row: an error, never DONE) */
      rc = fndError(pCur, sqlite3_mprintf("srm_findings: %s (detecting the format)",
                    sqlite3_errmsg(pCur->db)), rc);
    }
    sqlite3_finalize(pStmt);
    return rc;
  }
  /* An object: which of the known keys holds an array. */
  rc = sqlite3_prepare_v2(pCur->db, "SELECT"
      " json_type(?1, '$.Findings'), json_type(?1, '$.EvaluationResults'),"
      " (SELECT group_concat(key, ', ') FROM (SELECT key FROM json_each(?1) LIMIT 6))", -1, &pStmt, 0);
  if( rc==SQLITE_OK ){
    sqlite3_bind_text(pStmt, 1, z, nBind, SQLITE_STATIC);
    rc = sqlite3_step(pStmt);
  }
  if( rc==SQLITE_ROW ){
    const char *zA = (const char*)sqlite3_column_text(pStmt, 0);
    const char *zB = (const char*)sqlite3_column_text(pStmt, 1);
    rc = SQLITE_OK;
    if( zA && strcmp(zA, "array")==0 ){
      *peFormat = FMT_ASFF;
    }else if( zB && strcmp(zB, "array")==0 ){
      *peFormat = FMT_CONFIG;
    }else{
      const char *zKeys = (const char*)sqlite3_column_text(pStmt, 2);
      char *zQ = srmQuoted(zKeys ? zKeys : "none", zKeys ? (size_t)sqlite3_column_bytes(pStmt, 2) : 4);
      rc = fndError(pCur, zQ ? sqlite3_mprintf("srm_findings: a JSON object without Findings or"
                    " EvaluationResults (its keys: %s); not findings srm reads (formats "
                    FMT_LIST_BARE ")", zQ) : 0, SQLITE_ERROR);
      sqlite3_free(zQ);
    }
  }else if( rc!=SQLITE_NOMEM ){
    rc = fndError(pCur, sqlite3_mprintf("srm_findings: %s (detecting the format)",
                  sqlite3_errmsg(pCur->db)), rc);
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* The statement of format f: (finding index, field, value) rows. */
static char *fndSql(int f){
  const FndFormat *p = &aFndFormat[f];
  sqlite3_str *s = sqlite3_str_new(0);
  int i;
  sqlite3_str_appendall(s, "SELECT e.key, j.key, j.value"
      " FROM (SELECT key, value FROM json_each(?1, ?2) LIMIT -1 OFFSET 0) AS e"
      " CROSS JOIN json_each(json_extract(CASE json_type(e.value) WHEN 'object' THEN e.value"
      " ELSE '{}' END");
  for(i=0; i<F_N; i++){
    /* a field the format lacks: a path no finding has */
    sqlite3_str_appendf(s, ", %Q", p->azPath[i] ? p->azPath[i] : "$.\"srm: none\"");
  }
  sqlite3_str_appendall(s, ")) AS j");
  return sqlite3_str_finish(s);
}

static int fndFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                     int argc, sqlite3_value **argv){
  fnd_cursor *pCur = (fnd_cursor*)cur;
  char *zErr = 0, *zSql;
  const char *z;
  size_t i, n;
  int rc, nBind;
  (void)idxStr; (void)argc;
  fndReset(pCur);
  if( (idxNum & 1)==0 ){
    return fndError(pCur, sqlite3_mprintf("srm_findings() needs a document:"
                    " SELECT * FROM srm_findings(readfile('findings.json'))"), SQLITE_ERROR);
  }
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return SQLITE_OK;
  pCur->eFormat = -1;
  if( (idxNum & 2) && sqlite3_value_type(argv[1])!=SQLITE_NULL ){
    const char *zF = (const char*)sqlite3_value_text(argv[1]);
    int f;
    if( zF==0 ) return SQLITE_NOMEM;
    for(f=0; f<FMT_N && strcmp(zF, aFndFormat[f].zName)!=0; f++){}
    if( f==FMT_N ){
      char *zQ = srmQuoted(zF, (size_t)sqlite3_value_bytes(argv[1]));
      rc = fndError(pCur, zQ ? sqlite3_mprintf("unknown format '%s' (" FMT_LIST_BARE ")", zQ) : 0,
                    SQLITE_ERROR);
      sqlite3_free(zQ);
      return rc;
    }
    pCur->eFormat = f;
  }
  pCur->pDocument = sqlite3_value_dup(argv[0]);
  if( pCur->pDocument==0 ) return SQLITE_NOMEM;
  rc = srmDocumentOpen(pCur->db, pCur->pDocument, "srm_findings", &pCur->doc, &zErr);
  if( rc!=SQLITE_OK ) return fndError(pCur, zErr, rc);
  z = pCur->doc.z;
  n = pCur->doc.n;
  /* (a value within SQLITE_LIMIT_LENGTH, which is at most 2^31 - 1) */
  nBind = NEVER(n>0x7fffffff) ? -1 : (int)n;
  for(i=0; i<n && (z[i]==' ' || z[i]=='\t' || z[i]=='\r' || z[i]=='\n'); i++){}
  if( i==n ) return SQLITE_OK;                           /* nothing in it */
  if( z[i]!='{' && z[i]!='[' ){
    return fndError(pCur, sqlite3_mprintf("srm_findings: the document is not JSON (formats "
                    FMT_LIST_BARE ")"), SQLITE_ERROR);
  }
  if( pCur->eFormat<0 ){
    rc = fndDetect(pCur, z, nBind, i, &pCur->eFormat);
    if( rc!=SQLITE_OK ) return rc;
  }
  zSql = fndSql(pCur->eFormat);
  if( zSql==0 ) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(pCur->db, zSql, -1, &pCur->pStmt, 0);
  sqlite3_free(zSql);
  if( rc!=SQLITE_OK ){
    if( rc==SQLITE_NOMEM ) return rc;
    return fndError(pCur, sqlite3_mprintf("srm_findings: %s (format %s; a table or view named"
                    " json_each hides SQLite's json_each())", sqlite3_errmsg(pCur->db),
                    aFndFormat[pCur->eFormat].zName), rc);
  }
  sqlite3_bind_text(pCur->pStmt, 1, z, nBind, SQLITE_STATIC);
  sqlite3_bind_text(pCur->pStmt, 2, aFndFormat[pCur->eFormat].zItems, -1, SQLITE_STATIC);
  /* The items must be an array (an empty one gives no row). */
  {
    sqlite3_stmt *pCheck = 0;
    rc = sqlite3_prepare_v2(pCur->db, "SELECT json_type(?1, ?2)", -1, &pCheck, 0);
    if( rc==SQLITE_OK ){
      sqlite3_bind_text(pCheck, 1, z, nBind, SQLITE_STATIC);
      sqlite3_bind_text(pCheck, 2, aFndFormat[pCur->eFormat].zItems, -1, SQLITE_STATIC);
      rc = sqlite3_step(pCheck);
    }
    if( rc==SQLITE_ROW ){
      const char *zT = (const char*)sqlite3_column_text(pCheck, 0);
      rc = SQLITE_OK;
      if( zT==0 || strcmp(zT, "array")!=0 ){
        const char *zP = aFndFormat[pCur->eFormat].zItems;
        rc = fndError(pCur, strcmp(zP, "$")==0
              ? sqlite3_mprintf("srm_findings: the document is not a JSON array (format %s)",
                                aFndFormat[pCur->eFormat].zName)
              : sqlite3_mprintf("srm_findings: the document has no \"%s\" array (format %s)",
                                zP + 2, aFndFormat[pCur->eFormat].zName), SQLITE_ERROR);
      }
    }else if( rc!=SQLITE_NOMEM ){
      rc = fndError(pCur, sqlite3_mprintf("srm_findings: %s (format %s)", sqlite3_errmsg(pCur->db),
                    aFndFormat[pCur->eFormat].zName), rc);
    }
    sqlite3_finalize(pCheck);
    if( rc!=SQLITE_OK ) return rc;
  }
  pCur->bEof = 0;
  return fndStep(pCur);
}

static int fndNext(sqlite3_vtab_cursor *cur){
  return fndStep((fnd_cursor*)cur);
}

static int fndEof(sqlite3_vtab_cursor *cur){
  return ((fnd_cursor*)cur)->bEof;
}

/* Field i as it is (its SQL value). */
static void fndResultField(sqlite3_context *ctx, fnd_cursor *pCur, int i){
  srmFieldResult(ctx, &pCur->aField[i]);
}

static int fndColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int iCol){
  fnd_cursor *pCur = (fnd_cursor*)cur;
  const FndFormat *pFmt = &aFndFormat[pCur->eFormat];
  size_t n;
  const char *z;
  int i;
  switch( iCol ){
    case FND_SCANNER:
      sqlite3_result_text(ctx, pFmt->zScanner, -1, SQLITE_STATIC);
      break;
    case FND_CHECK:
      /* the first choice that is there and not empty */
      for(i=F_CHECK; i<=F_CHECK3 && (fndText(pCur, i, &n)==0 || n==0); i++){}
      if( i<=F_CHECK3 ) fndResultField(ctx, pCur, i);
      break;
    case FND_CONTROL:
      if( pCur->iCheck>=0 ){
        z = SRM_STR(srmCheck[pCur->iCheck].iControl);
        if( z[0] ) sqlite3_result_text(ctx, z, -1, SQLITE_STATIC);
      }
      break;
    case FND_STATUS:
      z = fndText(pCur, F_STATUS, &n);
      if( z ){
        const char *const *az;
        for(az=pFmt->azStatus; az[0] && !(strlen(az[0])==n && sqlite3_strnicmp(az[0], z, (int)n)==0); az+=2){}
        if( az[0] ) sqlite3_result_text(ctx, az[1], -1, SQLITE_STATIC);
        else sqlite3_result_text(ctx, z, (int)n, SQLITE_TRANSIENT);   /* as it is */
      }
      break;
    case FND_SEVERITY:
      z = fndText(pCur, F_SEVERITY, &n);
      if( z ){
        char *zLow = sqlite3_mprintf("%.*s", (int)n, z);
        size_t k;
        if( zLow==0 ){ sqlite3_result_error_nomem(ctx); break; }
        for(k=0; zLow[k]; k++) zLow[k] = (char)srmLower((unsigned char)zLow[k]);
        sqlite3_result_text(ctx, zLow, -1, sqlite3_free);
      }
      break;
    case FND_TITLE:   fndResultField(ctx, pCur, F_TITLE); break;
    case FND_ARN:
      z = fndText(pCur, F_RESOURCE, &n);
      if( z && srmIsArn(z, n) ) sqlite3_result_text(ctx, z, (int)n, SQLITE_TRANSIENT);
      break;
    case FND_TYPE:    fndResultField(ctx, pCur, F_TYPE); break;
    case FND_ID:      fndResultField(ctx, pCur, F_RESOURCE); break;
    case FND_SERVICE:
      if( pCur->bService ){
        sqlite3_result_text(ctx, SRM_STR(srmService[pCur->t.iService].zId), -1, SQLITE_STATIC);
      }
      break;
    case FND_ACCOUNT: fndResultField(ctx, pCur, F_ACCOUNT); break;
    case FND_REGION:  fndResultField(ctx, pCur, F_REGION); break;
    case FND_TIME:    fndResultField(ctx, pCur, F_TIME); break;
    case FND_DOCUMENT:
      sqlite3_result_value(ctx, pCur->pDocument);
      break;
    default:
      sqlite3_result_text(ctx, pFmt->zName, -1, SQLITE_STATIC);
      break;
  }
  return SQLITE_OK;
}

static int fndRowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid){
  *pRowid = ((fnd_cursor*)cur)->iRow;
  return SQLITE_OK;
}

/* idxNum bit 1: document = argv[0]; bit 2: format = the next argv. */
static int fndBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  (void)pVtab;
  return srmDocumentBestIndex(pInfo, FND_DOCUMENT, FND_FORMAT);
}

static const sqlite3_module fndModule = {
  .iVersion    = 0,
  .xCreate     = 0,
  .xConnect    = fndConnect,
  .xBestIndex  = fndBestIndex,
  .xDisconnect = fndDisconnect,
  .xDestroy    = fndDisconnect,
  .xOpen       = fndOpen,
  .xClose      = fndClose,
  .xFilter     = fndFilter,
  .xNext       = fndNext,
  .xEof        = fndEof,
  .xColumn     = fndColumn,
  .xRowid      = fndRowid,
};

int srmRegisterFindings(sqlite3 *db){
  return sqlite3_create_module(db, "srm_findings", &fndModule, 0);
}
