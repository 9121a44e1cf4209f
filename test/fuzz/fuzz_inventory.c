/*
** fuzz_inventory.c: srm_inventory(document, format) on arbitrary documents.
**
** Input: byte 0 % 7 is the format: 0..4 aws_config_snapshot,
** aws_config_query, aws_tagging, aws_resource_explorer, arn_list; 5 a NULL
** format, 6 no format argument (both detect it); bit 7 of byte 0 binds the
** document as a blob (as a program binds a file's bytes: a gzip stream, a
** byte order mark, JSONB), else as text.  The rest is the document.
** The same document goes to srm_findings() too (detecting its format):
** every row is read, and it fails only with its own messages.
** Every row is read in full; checks: service is srm_service() of the
** resource type, else of the ARN; variant only with a service; tags is NULL
** or JSON; format is what was asked for; failures only with the messages
** srm_inventory() documents.
*/
#include "fuzz.h"

static const char *const azFormat[5] = {
  "aws_config_snapshot", "aws_config_query", "aws_tagging", "aws_resource_explorer", "arn_list"
};
static sqlite3_stmt *pTwo, *pOne, *pFindings;
static int iWant;               /* the format asked for, or -1 */

#define COLS "arn, service, variant, resource_type, resource_id, name, account, region," \
             " tags, format, document IS NOT NULL," \
             " service IS coalesce(srm_service(resource_type), srm_service(arn))," \
             " tags IS NULL OR json_valid(tags)"

static void checkRow(sqlite3_stmt *p){
  const char *zFormat = (const char*)sqlite3_column_text(p, 9);
  if( sqlite3_column_int(p, 11)!=1 ) fuzzFail("srm_inventory", "service is not srm_service() of the type or ARN");
  if( sqlite3_column_int(p, 12)!=1 ) fuzzFail("srm_inventory", "tags is not JSON");
  if( sqlite3_column_int(p, 10)!=1 ) fuzzFail("srm_inventory", "no document");
  if( sqlite3_column_type(p, 2)!=SQLITE_NULL && sqlite3_column_type(p, 1)==SQLITE_NULL ){
    fuzzFail("srm_inventory", "a variant without a service");
  }
  if( zFormat==0 ) fuzzFail("srm_inventory", "no format");
  if( iWant>=0 && strcmp(zFormat, azFormat[iWant])!=0 ) fuzzFail("srm_inventory", "another format");
}

/* A finding's row: a format, the document, a control of srm's or none. */
static void checkFinding(sqlite3_stmt *p){
  int n = sqlite3_column_count(p);
  if( sqlite3_column_type(p, n-3)==SQLITE_NULL ) fuzzFail("srm_findings", "no format");
  if( sqlite3_column_int(p, n-2)!=1 ) fuzzFail("srm_findings", "no document");
  if( sqlite3_column_int(p, n-1)!=1 ) fuzzFail("srm_findings", "a control that is not srm's");
}

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  int eFormat;
  sqlite3_stmt *pStmt;
  const char *zErr;
  if( nData<1 ) return 0;
  if( pTwo==0 ){
    pTwo = fuzzPrepare("SELECT " COLS " FROM srm_inventory(?1, ?2)");
    pOne = fuzzPrepare("SELECT " COLS " FROM srm_inventory(?1)");
    pFindings = fuzzPrepare("SELECT *, format, document IS NOT NULL,"
                            " control IS NULL OR control IN (SELECT control FROM srm_controls)"
                            " FROM srm_findings(?1)");
  }
  eFormat = aData[0] % 7;
  pStmt = eFormat==6 ? pOne : pTwo;
  fuzzBind(pStmt, 1, (const char*)aData + 1, nData - 1, (aData[0] & 0x80)!=0);
  if( eFormat<5 ) sqlite3_bind_text(pStmt, 2, azFormat[eFormat], -1, SQLITE_STATIC);
  iWant = eFormat<5 ? eFormat : -1;
  zErr = fuzzRun(pStmt, checkRow);
  if( zErr && !fuzzStartsWith(zErr, "srm_inventory: ") ) fuzzFail("srm_inventory", zErr);
  sqlite3_reset(pStmt);
  sqlite3_clear_bindings(pStmt);
  fuzzBind(pFindings, 1, (const char*)aData + 1, nData - 1, (aData[0] & 0x80)!=0);
  zErr = fuzzRun(pFindings, checkFinding);
  if( zErr && !fuzzStartsWith(zErr, "srm_findings: ") ) fuzzFail("srm_findings", zErr);
  sqlite3_reset(pFindings);
  sqlite3_clear_bindings(pFindings);
  return 0;
}
