/*
** srm.c: the entry point of the srm extension, the AWS shared
** responsibility model in SQL.
**
**     .load ./srm
**     SELECT responsibility('AWS::EC2::Instance', 'guest_os_patching');  -- customer
**
** sqlite3_srm_init() checks the SQLite version, then registers the scalar
** functions (func.c), the srm_* tables (table.c), srm_inventory()
** (inventory.c), the decisions overlay (decisions.c, overlay.c,
** effective.c), srm_resources (resources.c), srm_findings (findings.c),
** the frameworks (framework.c) and the pictures (svg.c), stopping at the
** first error.  This is the one file with SQLITE_EXTENSION_INIT1; the
** others use SQLITE_EXTENSION_INIT3.  See README.md for every function and
** table.
**
** Built with -DSQLITE_CORE (linked into an application together with
** SQLite), call sqlite3_srm_init() yourself or register it with
** sqlite3_auto_extension().
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include "srm.h"

int srmRegisterFunctions(sqlite3 *db);
int srmRegisterTables(sqlite3 *db);
int srmRegisterInventory(sqlite3 *db);
int srmRegisterOverlay(sqlite3 *db);
int srmRegisterResources(sqlite3 *db);
int srmRegisterFindings(sqlite3 *db);
int srmRegisterFrameworks(sqlite3 *db);
int srmRegisterSvg(sqlite3 *db);

/* The oldest SQLite with everything srm uses: SQLITE_INNOCUOUS and
** SQLITE_VTAB_INNOCUOUS (3.31.0). */
#define SRM_MIN_SQLITE         3031000
#define SRM_MIN_SQLITE_STRING  "3.31.0"

/* Split out so that a test build can check the refusal (-DSRM_TEST_VERSION). */
static int srmVersionOk(int iVersion){
  return iVersion>=SRM_MIN_SQLITE;
}

#ifdef _WIN32
__declspec(dllexport)
#else
__attribute__((visibility("default")))
#endif
int sqlite3_srm_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi){
  int rc;
  int iVersion;
  SQLITE_EXTENSION_INIT2(pApi);
  iVersion = sqlite3_libversion_number();
#ifdef SRM_TEST_VERSION
  iVersion = SRM_TEST_VERSION;
#endif
  if( !srmVersionOk(iVersion) ){
    if( pzErrMsg ){
      *pzErrMsg = sqlite3_mprintf("srm needs SQLite " SRM_MIN_SQLITE_STRING
                                  " or later, this is %s", sqlite3_libversion());
    }
    return SQLITE_ERROR;
  }
  rc = srmRegisterFunctions(db);
  if( rc==SQLITE_OK ) rc = srmRegisterTables(db);
  if( rc==SQLITE_OK ) rc = srmRegisterInventory(db);
  if( rc==SQLITE_OK ) rc = srmRegisterOverlay(db);
  if( rc==SQLITE_OK ) rc = srmRegisterResources(db);
  if( rc==SQLITE_OK ) rc = srmRegisterFindings(db);
  if( rc==SQLITE_OK ) rc = srmRegisterFrameworks(db);
  if( rc==SQLITE_OK ) rc = srmRegisterSvg(db);
  if( rc!=SQLITE_OK && pzErrMsg ){
    *pzErrMsg = sqlite3_mprintf("srm: %s", sqlite3_errmsg(db));
  }
  return rc;
}
