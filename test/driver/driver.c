/*
** driver.c: srm linked into a program together with SQLite, checked in C.
**
**     build/driver/driver-node data/samples      (SQLite of better-sqlite3 12)
**     build/driver/driver-3.40.1 data/samples    (the 3.40.1 amalgamation)
**     build/driver/driver-system data/samples    (Debian's libsqlite3, dynamic)
**     build/driver/driver-refuse                 (srm.c with -DSRM_TEST_VERSION)
**
** The extension sources are compiled with -DSQLITE_CORE and registered with
** sqlite3_auto_extension(sqlite3_srm_init), as an application would.  test/
** harden.mk builds every variant with AddressSanitizer and UBSan.
**
** What is checked:
**   1. the core contract: the README's examples of responsibility(),
**      responsibility_why(), srm_service() and friends, srm_matrix lookups,
**      srm_arn(), every error message, NULLs and odd types;
**   2. srm_inventory() over each sample in data/samples/, with the format given and
**      detected, against the row counts of data/samples/README.md;
**   3. what only the C API reaches: a VFS whose clock the test sets (the
**      decisions in force change with date('now') alone), and
**      sqlite3_srm_init() called again while a statement runs (SQLITE_BUSY,
**      with the reason or with no pzErrMsg);
**   4. out of memory: SQLITE_CONFIG_MALLOC with an allocator that fails the
**      Nth allocation, N = 1, 2, ... for each query until the query completes
**      without a failure (persistent: N and every later one fail; once:
**      only N).  Every run must give the answer of a run without failures,
**      or SQLITE_NOMEM (or an error saying out of memory), or, when the
**      answer is an error anyway, SQLITE_ERROR with SQLite's generic text
**      (SQLite itself could not copy the message); never a crash, a leak
**      (LeakSanitizer at exit), another answer or another error;
**   5. with -DSRM_TEST_VERSION (driver-refuse): sqlite3_srm_init() refuses
**      with "srm needs SQLite 3.31.0 or later, this is X" (or with no
**      message when pzErrMsg is NULL).
**
** The last line is "N passed, N failed"; the exit status is 1 on a failure.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite3.h"

int sqlite3_srm_init(sqlite3*, char**, const sqlite3_api_routines*);

static int nPass = 0, nFail = 0;

static void check(const char *zName, int bOk, const char *zGot, const char *zWant){
  if( bOk ){
    nPass++;
  }else{
    nFail++;
    printf("! %s failed\n!   expected: %s\n!   got:      %s\n", zName, zWant, zGot);
  }
}

/* ---- running SQL ----------------------------------------------------- */

/* A growing string. */
typedef struct Buf Buf;
struct Buf { char *z; size_t n, nAlloc; };
static void bufAppend(Buf *p, const char *z, size_t n){
  if( p->n + n + 1 > p->nAlloc ){
    size_t nNew = (p->nAlloc + n + 1)*2;
    char *zNew = realloc(p->z, nNew);
    if( zNew==0 ){ fprintf(stderr, "driver: out of memory\n"); exit(2); }
    p->z = zNew;
    p->nAlloc = nNew;
  }
  memcpy(p->z + p->n, z, n);
  p->n += n;
  p->z[p->n] = 0;
}
static void bufAppendStr(Buf *p, const char *z){ bufAppend(p, z, strlen(z)); }

/*
** Run SQL with ?1 bound to zParam (text, when not NULL) and ?2 to zParam2.
** The result is the rows, columns separated by '|' and rows by '\n', NULL
** as "NULL"; or "error: MESSAGE".  *pRc gets the first error code (or
** SQLITE_OK).  The caller frees the result with free().
*/
static char *runSql(sqlite3 *db, const char *zSql, const char *zParam,
                    int nParam, const char *zParam2, int *pRc){
  sqlite3_stmt *pStmt = 0;
  Buf out = {0, 0, 0};
  int rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
  bufAppend(&out, "", 0);
  if( rc==SQLITE_OK && zParam ) rc = sqlite3_bind_text(pStmt, 1, zParam, nParam, SQLITE_STATIC);
  if( rc==SQLITE_OK && zParam2 ) rc = sqlite3_bind_text(pStmt, 2, zParam2, -1, SQLITE_STATIC);
  if( rc==SQLITE_OK ){
    int bFirst = 1;
    while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
      int i, n = sqlite3_column_count(pStmt);
      if( !bFirst ) bufAppend(&out, "\n", 1);
      bFirst = 0;
      for(i=0; i<n; i++){
        const char *z = (const char*)sqlite3_column_text(pStmt, i);
        if( i ) bufAppend(&out, "|", 1);
        if( z ) bufAppend(&out, z, (size_t)sqlite3_column_bytes(pStmt, i));
        else if( sqlite3_column_type(pStmt, i)!=SQLITE_NULL ){
          /* a value that could not be had as text: out of memory */
          rc = SQLITE_NOMEM;
          break;
        }else bufAppendStr(&out, "NULL");
      }
      if( rc==SQLITE_NOMEM ) break;
    }
    if( rc==SQLITE_DONE ) rc = SQLITE_OK;
  }
  if( rc!=SQLITE_OK ){
    out.n = 0;
    bufAppendStr(&out, "error: ");
    bufAppendStr(&out, rc==SQLITE_NOMEM ? "out of memory" : sqlite3_errmsg(db));
  }
  sqlite3_finalize(pStmt);
  *pRc = rc;
  return out.z;
}

static void doSql(sqlite3 *db, const char *zName, const char *zSql, const char *zWant){
  int rc;
  char *zGot = runSql(db, zSql, 0, 0, 0, &rc);
  check(zName, strcmp(zGot, zWant)==0, zGot, zWant);
  free(zGot);
}

#ifndef SRM_TEST_VERSION
/* ---- files ------------------------------------------------------------ */

static char *readFile(const char *zPath, int *pn){
  FILE *f = fopen(zPath, "rb");
  char *z;
  long n;
  if( f==0 ){ fprintf(stderr, "driver: cannot open %s\n", zPath); exit(2); }
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  z = malloc((size_t)n + 1);
  if( z==0 || fread(z, 1, (size_t)n, f)!=(size_t)n ){
    fprintf(stderr, "driver: cannot read %s\n", zPath);
    exit(2);
  }
  z[n] = 0;
  fclose(f);
  *pn = (int)n;
  return z;
}

/* ---- 1. the core contract --------------------------------------------- */

static const struct { const char *zName, *zSql, *zWant; } aCore[] = {
  { "core-1.1", "SELECT responsibility('arn:aws:ec2:us-east-1:123456789012:instance/i-0abc12345',"
                " 'guest_os_patching')", "customer" },
  { "core-1.2", "SELECT responsibility('arn:aws:rds:us-east-1:123456789012:db:orders',"
                " 'guest_os_patching')", "aws" },
  { "core-1.3", "SELECT responsibility('AWS::S3::Bucket', 'customer_data')", "customer" },
  { "core-1.4", "SELECT srm_service('Amazon Elastic Compute Cloud'), srm_service('ec2:volume'),"
                " srm_service('aws_vpc_security_group'), srm_category('AWS::Lambda::Function')",
                "ec2|ebs|vpc|abstracted" },
  { "core-1.5", "SELECT responsibility('ecs', 'guest_os_patching', 'fargate'),"
                " responsibility('ecs', 'guest_os_patching', 'ec2')", "aws|customer" },
  { "core-1.6", "SELECT variant, owner FROM srm_matrix WHERE service = 'eks'"
                " AND control = 'guest_os_patching' ORDER BY variant",
                "NULL|customer\nauto_mode|aws\ncontrol_plane|aws\nfargate|aws\n"
                "hybrid_nodes|customer\nmanaged_node_group|shared\nself_managed_nodes|customer" },
  { "core-1.7", "SELECT responsibility('Amazon EC2', 'patch_management')", "shared" },
  { "core-1.8", "SELECT json_extract(responsibility_why('Amazon EC2', 'patch_management'), '$.parts')",
                "{\"host_os\":\"aws\",\"guest_os_patching\":\"customer\","
                "\"platform_patching\":\"customer\",\"application_security\":\"customer\"}" },
  { "core-1.9", "SELECT json_extract(responsibility_why('rds', 'guest_os_patching', 'custom_oracle'),"
                " '$.owner', '$.basis')", "[\"customer\",\"variant\"]" },
  { "core-1.10", "SELECT json_extract(responsibility_why('s3', 'server_side_encryption'),"
                 " '$.service', '$.variant', '$.category', '$.owner', '$.basis')",
                 "[\"s3\",null,\"abstracted\",\"aws\",\"service\"]" },
  { "core-1.11", "SELECT responsibility('arn:aws:lambda:us-east-1:123456789012:function:f',"
                 " 'platform_patching', 'container_image')", "customer" },
  { "core-1.12", "SELECT srm_service('arn:aws:ec2:us-east-1:123456789012:security-group/sg-1'),"
                 " srm_category('Amazon RDS'), srm_variant('AWS::EKS::FargateProfile')",
                 "vpc|container|fargate" },
  { "core-1.13", "SELECT srm_arn('arn:aws-us-gov:iam::123456789012:role/admin', 'partition'),"
                 " srm_arn('arn:aws:rds:eu-west-1:123456789012:db:orders', 'resource_type'),"
                 " srm_arn('arn:aws:s3:::my-bucket', 'region')", "aws-us-gov|db|NULL" },
  /* srm_debug()'s counts agree with the tables (the data's own figures
  ** are checked by the Tcl suite against data/) */
  { "core-1.14", "SELECT json_extract(srm_debug(), '$.rows.services') = (SELECT count(*) FROM srm_services),"
                 " json_extract(srm_debug(), '$.model.reviewed_services')"
                 "   = (SELECT count(*) FROM srm_services WHERE reviewed_on IS NOT NULL),"
                 " json_extract(srm_debug(), '$.model.sourced_cells') > 0"
                 "   AND (SELECT count(*) FROM srm_matrix WHERE basis IN ('service', 'variant')) > 0",
                 "1|1|1" },
  { "core-1.15", "SELECT owner, basis, source FROM srm_matrix WHERE service = 'dynamodb'"
                 " AND variant IS NULL AND control = 'server_side_encryption'",
                 "aws|service|https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html" },
  { "core-1.16", "SELECT json_extract(srm_debug(), '$.rows.controls'), typeof(srm_version())",
                 "28|text" },
  { "core-1.17", "SELECT json_extract(srm_debug(), '$.sqlite') = sqlite_version()", "1" },
  /* lookups and scans agree */
  { "core-2.1", "SELECT count(*) FROM srm_matrix", "SELECT" },   /* filled in below */
  { "core-2.2", "SELECT count(*) FROM srm_matrix m, srm_controls c"
                " WHERE m.service = 'lambda' AND m.variant IS NULL AND m.control = c.control"
                " AND m.owner = responsibility('lambda', c.control)", "28" },
  { "core-2.3", "SELECT count(*) FROM srm_services s"
                " WHERE srm_service(s.service) IS NOT s.service", "0" },
  { "core-2.4", "SELECT count(*) FROM srm_variants v, srm_matrix m"
                " WHERE m.service = v.service AND m.variant = v.variant"
                " AND m.control = 'guest_os_patching'"
                " AND m.owner IS NOT responsibility(v.service, 'guest_os_patching', v.variant)", "0" },
  { "core-2.5", "SELECT count(*) FROM srm_resource_types r"
                " WHERE srm_service(r.resource_type) IS NOT r.service", "0" },
  /* NULLs and types */
  { "core-3.1", "SELECT quote(responsibility(NULL, 'host_os')), quote(responsibility('ec2', NULL)),"
                " quote(responsibility('nothing-like-it', 'host_os')), quote(srm_service(42)),"
                " quote(srm_service(x'')), quote(srm_arn(NULL, 'region'))",
                "NULL|NULL|NULL|NULL|NULL|NULL" },
  { "core-3.2", "SELECT responsibility(CAST('ec2' AS BLOB), 'host_os'),"
                " responsibility('ec2', 'host_os', NULL)", "aws|aws" },
  { "core-3.3", "SELECT count(*) FROM srm_inventory(NULL)", "0" },
  { "core-3.4", "SELECT count(*) FROM srm_inventory('')", "0" },
  /* errors */
  { "core-4.1", "SELECT responsibility('ec2', 'xyz')",
                "error: unknown control 'xyz' (SELECT control FROM srm_controls)" },
  { "core-4.2", "SELECT responsibility('ecs', 'host_os', 'lambda')",
                "error: unknown variant 'lambda' of service 'ecs'"
                " (SELECT variant FROM srm_variants WHERE service = 'ecs')" },
  { "core-4.3", "SELECT srm_arn('arn:aws:s3:::b', 'bucket')",
                "error: unknown part 'bucket' (partition, service, region, account,"
                " resource_type, resource_id)" },
  { "core-4.4", "SELECT responsibility('ec2', printf('%.100c', 'x'))",
                "error: unknown control 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'"
                " (SELECT control FROM srm_controls)" },
  { "core-4.5", "SELECT * FROM srm_inventory",
                "error: srm_inventory() needs a document:"
                " SELECT * FROM srm_inventory(readfile('inventory.json'))" },
  { "core-4.6", "SELECT * FROM srm_inventory('{}', 'csv')",
                "error: unknown format 'csv' (aws_config_snapshot, aws_config_query,"
                " aws_tagging, aws_resource_explorer, arn_list)" },
  { "core-4.7", "SELECT * FROM srm_inventory('{\"x\":1}')",
                "error: srm_inventory: a JSON object without configurationItems, Results,"
                " ResourceTagMappingList or Resources (its keys: x); not an inventory srm reads"
                " (formats aws_config_snapshot, aws_config_query, aws_tagging, aws_resource_explorer, arn_list)" },
  { "core-4.8", "SELECT * FROM srm_inventory('{\"x\":1}', 'aws_tagging')",
                "error: srm_inventory: the document has no \"ResourceTagMappingList\" array"
                " (format aws_tagging)" },
  { "core-4.9", "SELECT * FROM srm_inventory('{\"Resources\":[', 'aws_resource_explorer')",
                "error: srm_inventory: malformed JSON (format aws_resource_explorer)" },
  { "core-4.10", "DELETE FROM srm_matrix", "error: table srm_matrix may not be modified" },
  { "core-4.11", "INSERT INTO srm_services(service) VALUES('x')",
                 "error: table srm_services may not be modified" },
};

static void checkCore(sqlite3 *db){
  size_t i;
  for(i=0; i<sizeof(aCore)/sizeof(aCore[0]); i++){
    if( strcmp(aCore[i].zName, "core-2.1")==0 ){
      /* the matrix has a row per slot and control */
      int rc;
      char *zWant = runSql(db, "SELECT json_extract(srm_debug(), '$.rows.matrix')", 0, 0, 0, &rc);
      doSql(db, aCore[i].zName, aCore[i].zSql, zWant);
      free(zWant);
      continue;
    }
    doSql(db, aCore[i].zName, aCore[i].zSql, aCore[i].zWant);
  }
}

/* ---- 2. inventories ----------------------------------------------------- */

/* count(*), count(service), count(variant), count(account), count(tags),
** as the sqlite3 shell gives them for data/samples/ (see its README). */
static const struct { const char *zFile, *zFormat, *zWant; } aSample[] = {
  { "aws_config_snapshot.json",   "aws_config_snapshot",   "37|36|15|37|37" },
  { "aws_config_query.json",      "aws_config_query",      "37|36|15|37|37" },
  { "aws_tagging.json",           "aws_tagging",           "44|43|5|41|44" },
  { "aws_resource_explorer.json", "aws_resource_explorer", "42|41|3|42|41" },
  { "arn_list.txt",               "arn_list",              "44|43|5|41|0" },
};
#define INV_COUNTS "SELECT count(*), count(service), count(variant), count(account), count(tags)"

static void checkInventories(sqlite3 *db, const char *zDir){
  size_t i;
  for(i=0; i<sizeof(aSample)/sizeof(aSample[0]); i++){
    char zPath[4096], zName[64];
    int n, rc;
    char *zDoc, *zGot;
    snprintf(zPath, sizeof(zPath), "%s/%s", zDir, aSample[i].zFile);
    zDoc = readFile(zPath, &n);
    snprintf(zName, sizeof(zName), "inventory-%d.1", (int)i + 1);
    zGot = runSql(db, INV_COUNTS " FROM srm_inventory(?1, ?2)", zDoc, n, aSample[i].zFormat, &rc);
    check(zName, strcmp(zGot, aSample[i].zWant)==0, zGot, aSample[i].zWant);
    free(zGot);
    snprintf(zName, sizeof(zName), "inventory-%d.2", (int)i + 1);
    zGot = runSql(db, INV_COUNTS " FROM srm_inventory(?1)", zDoc, n, 0, &rc);
    check(zName, strcmp(zGot, aSample[i].zWant)==0, zGot, aSample[i].zWant);
    free(zGot);
    /* every row's service is what srm_service() says of its type or ARN */
    snprintf(zName, sizeof(zName), "inventory-%d.3", (int)i + 1);
    zGot = runSql(db, "SELECT count(*) FROM srm_inventory(?1) WHERE service IS NOT"
                      " coalesce(srm_service(resource_type), srm_service(arn))", zDoc, n, 0, &rc);
    check(zName, strcmp(zGot, "0")==0, zGot, "0");
    free(zGot);
    if( i==0 ){
      static const char zLambda[] =
        "arn:aws:lambda:ap-southeast-2:222222222222:function:edge-router|os_only_runtime|aws\n"
        "arn:aws:lambda:eu-west-1:222222222222:function:image-resizer|container_image|customer\n"
        "arn:aws:lambda:us-east-1:111111111111:function:thumbnailer|managed_runtime|aws";
      static const char zJoin[] = "firewall_configuration|25\nguest_os_patching|5";
      zGot = runSql(db, "SELECT arn, variant, responsibility(arn, 'guest_os_patching', variant)"
                        " FROM srm_inventory(?1) WHERE service = 'lambda' ORDER BY arn",
                    zDoc, n, 0, &rc);
      check("inventory-1.4", strcmp(zGot, zLambda)==0, zGot, zLambda);
      free(zGot);
      zGot = runSql(db, "SELECT m.control, count(*) FROM srm_inventory(?1) i"
                        " JOIN srm_matrix m ON m.service = i.service AND m.variant IS i.variant"
                        " WHERE m.owner = 'customer'"
                        " AND m.control IN ('guest_os_patching', 'firewall_configuration')"
                        " GROUP BY m.control ORDER BY m.control", zDoc, n, 0, &rc);
      check("inventory-1.5", strcmp(zGot, zJoin)==0, zGot, zJoin);
      free(zGot);
    }
    free(zDoc);
  }
}

/* A small AWS Config snapshot (one Lambda function from a container
** image), gzipped, in hex; cut short; with 8 bytes of its deflate data
** overwritten. */
#define GZ_DOC "1f8b08081804176b0003732e6a736f6e00ab564acecf4bcb4c2f2d4a2cc9cccf" \
  "f32c49cd2d56b28aae56720cf253b2524a2ccab34a2c2fb6ca49cc4d4a49b42a" \
  "2dd64d4d2c2ed135b43244025669a579c920dd56694a3a4a45a9c5f9a545c9a9" \
  "219505a940131cc383adac7c20daaddca00a81ca50ac55b2aa562a484cce4e4c" \
  "8769f3cc05b2956a6b636b01973a4165a2000000"
#define GZ_TRUNCATED "1f8b08081804176b0003732e6a736f6e00ab564acecf4bcb4c2f2d4a2cc9cccf" \
  "f32c49cd2d56b28aae56720cf253b2524a2ccab34a2c2fb6ca49cc4d"
#define GZ_CORRUPT "1f8b08081804176b0003732e6a736f6e00ab564acecf4bcb4c2f2d4a2cc9ffff" \
  "ffffffffffffb28aae56720cf253b2524a2ccab34a2c2fb6ca49cc4d4a49b42a" \
  "2dd64d4d2c2ed135b43244025669a579c920dd56694a3a4a45a9c5f9a545c9a9" \
  "219505a940131cc383adac7c20daaddca00a81ca50ac55b2aa562a484cce4e4c" \
  "8769f3cc05b2956a6b636b01973a4165a2000000"

/* SQLITE_LIMIT_LENGTH bounds what a gzip stream may inflate to (a gzip
** bomb stops there): the GZ_DOC snapshot inflates to GZ_DOC_BYTES bytes,
** read at exactly that limit, refused with SQLITE_TOOBIG one byte below. */
#define GZ_DOC_BYTES 162
static void checkLimit(sqlite3 *db){
  int rc, iOld = sqlite3_limit(db, SQLITE_LIMIT_LENGTH, GZ_DOC_BYTES);
  char *z = runSql(db, "SELECT count(*), min(variant) FROM srm_inventory(x'" GZ_DOC "')", 0, 0, 0, &rc);
  check("limit-1.1", strcmp(z, "1|container_image")==0, z, "1|container_image");
  free(z);
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, GZ_DOC_BYTES - 1);
  z = runSql(db, "SELECT count(*) FROM srm_inventory(x'" GZ_DOC "')", 0, 0, 0, &rc);
  check("limit-1.2", rc==SQLITE_TOOBIG && strcmp(z, "error: srm_inventory: the gzip stream inflates"
        " to more than 161 bytes (SQLITE_LIMIT_LENGTH)")==0, z,
        "error: srm_inventory: the gzip stream inflates to more than 161 bytes (SQLITE_LIMIT_LENGTH)"
        " (SQLITE_TOOBIG)");
  free(z);
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, iOld);
}

/* ---- 3. what needs the C API ------------------------------------------ */

/* A VFS that is the default one with a clock the test sets: date('now')
** is what setClock() says. */
static sqlite3_vfs clockVfs;
static sqlite3_int64 iClockMs;  /* Julian day number, in milliseconds */
static int clockTimeInt64(sqlite3_vfs *pVfs, sqlite3_int64 *pT){
  (void)pVfs;
  *pT = iClockMs;
  return SQLITE_OK;
}
static int clockTime(sqlite3_vfs *pVfs, double *pT){
  (void)pVfs;
  *pT = (double)iClockMs/86400000.0;
  return SQLITE_OK;
}
/* The clock at zWhen (a date: its noon; a date and time: that second). */
static void setClock(sqlite3 *db, const char *zWhen){
  sqlite3_stmt *pStmt;
  sqlite3_prepare_v2(db, "SELECT CAST(julianday(?1, CASE WHEN length(?1) = 10 THEN '+12 hours'"
                         " ELSE '+0 seconds' END)*86400000 AS INTEGER)", -1, &pStmt, 0);
  sqlite3_bind_text(pStmt, 1, zWhen, -1, SQLITE_STATIC);
  if( sqlite3_step(pStmt)!=SQLITE_ROW ){ fprintf(stderr, "driver: clock\n"); exit(2); }
  iClockMs = sqlite3_column_int64(pStmt, 0);
  sqlite3_finalize(pStmt);
}

/* The decisions in force change with the date alone: the cache reloads
** when date('now') moves, with no write to srm_decisions. */
static void checkClock(sqlite3 *db0){
  sqlite3 *db;
  clockVfs = *sqlite3_vfs_find(0);
  clockVfs.zName = "srmclock";
  clockVfs.pNext = 0;
  clockVfs.xCurrentTime = clockTime;
  if( clockVfs.iVersion>=2 ) clockVfs.xCurrentTimeInt64 = clockTimeInt64;
  sqlite3_vfs_register(&clockVfs, 0);
  setClock(db0, "2030-06-10");
  if( sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE|SQLITE_OPEN_CREATE, "srmclock")!=SQLITE_OK
   || sqlite3_exec(db, "SELECT srm_overlay_init();"
                       "INSERT INTO srm_decisions(service, control, owner, reason, approved_by,"
                       " decided_on, expires_on)"
                       " VALUES ('ec2', 'host_os', 'customer', 'r', 'a', '2030-01-01', '2030-06-15')",
                   0, 0, 0)!=SQLITE_OK ){
    fprintf(stderr, "driver: clock: %s\n", sqlite3_errmsg(db));
    exit(2);
  }
  doSql(db, "clock-1.1", "SELECT date('now'), effective_responsibility('ec2', 'host_os'),"
                         " effective_decision('ec2', 'host_os')", "2030-06-10|customer|1");
  setClock(db0, "2030-06-16");
  doSql(db, "clock-1.2", "SELECT date('now'), effective_responsibility('ec2', 'host_os'),"
                         " effective_decision('ec2', 'host_os')", "2030-06-16|aws|NULL");
  setClock(db0, "2030-06-15");
  doSql(db, "clock-1.3", "SELECT date('now'), effective_responsibility('ec2', 'host_os'),"
                         " effective_decision('ec2', 'host_os')", "2030-06-15|customer|1");
  doSql(db, "clock-1.4", "SELECT typeof(n) FROM srm_decisions_version", "integer");
  /* Dates are UTC days.  A decision expiring on the 15th applies until
  ** 23:59:59 UTC on the 15th, not a second longer; decided_on defaults to
  ** the UTC date, so at 00:00:01 UTC on the 16th (17:00 on the 15th in Los
  ** Angeles) a decision expiring on the 15th is refused, with a message
  ** that says why. */
  setClock(db0, "2030-06-15 23:59:59");
  doSql(db, "clock-2.1", "SELECT datetime('now'), effective_responsibility('ec2', 'host_os')",
        "2030-06-15 23:59:59|customer");
  doSql(db, "clock-2.2", "INSERT INTO srm_decisions(service, control, owner, reason, approved_by, expires_on)"
        " VALUES ('s3', 'customer_data', 'shared', 'r', 'a', '2030-06-15')", "");
  doSql(db, "clock-2.2.1", "SELECT decided_on, effective_responsibility('s3', 'customer_data') FROM srm_decisions"
        " WHERE service = 's3'", "2030-06-15|shared");
  setClock(db0, "2030-06-16 00:00:01");
  doSql(db, "clock-2.3", "SELECT datetime('now'), effective_responsibility('ec2', 'host_os'),"
        " effective_responsibility('s3', 'customer_data')", "2030-06-16 00:00:01|aws|customer");
  doSql(db, "clock-2.4", "INSERT INTO srm_decisions(service, control, owner, reason, approved_by, expires_on)"
        " VALUES ('s3', 'customer_data', 'shared', 'r', 'a', '2030-06-15')",
        "error: expires_on '2030-06-15' is before decided_on '2030-06-16'"
        " (dates are UTC days; decided_on defaults to today's)");
  sqlite3_close(db);
  sqlite3_vfs_unregister(&clockVfs);
}

/* sqlite3_srm_init() called by the application on a connection that has a
** statement running: SQLite refuses to replace functions then, and the
** refusal comes back with its reason (or without, for a NULL pzErrMsg);
** the functions registered before stay. */
static void checkInitBusy(sqlite3 *db){
  sqlite3_stmt *pStmt;
  char *zErr = 0;
  int rc;
  static const char zWant[] = "srm: unable to delete/modify user-function due to active statements";
  sqlite3_prepare_v2(db, "SELECT 1 UNION ALL SELECT 2", -1, &pStmt, 0);
  sqlite3_step(pStmt);
  rc = sqlite3_srm_init(db, &zErr, 0);
  check("init-1.1", rc==SQLITE_BUSY, sqlite3_errstr(rc), sqlite3_errstr(SQLITE_BUSY));
  check("init-1.2", zErr && strcmp(zErr, zWant)==0, zErr ? zErr : "(no message)", zWant);
  sqlite3_free(zErr);
  rc = sqlite3_srm_init(db, 0, 0);
  check("init-1.3", rc==SQLITE_BUSY, sqlite3_errstr(rc), sqlite3_errstr(SQLITE_BUSY));
  sqlite3_finalize(pStmt);
  doSql(db, "init-1.4", "SELECT responsibility('ec2', 'host_os')", "aws");
  rc = sqlite3_srm_init(db, 0, 0);
  check("init-1.5", rc==SQLITE_OK, sqlite3_errstr(rc), sqlite3_errstr(SQLITE_OK));
  doSql(db, "init-1.6", "SELECT responsibility('ec2', 'host_os'), effective_responsibility('ec2', 'host_os')",
        "aws|aws");
}

/* ---- 4. out of memory --------------------------------------------------- */

static sqlite3_mem_methods memDefault;
static int iFailAt = 0;         /* fail the allocation with this number; 0 never */
static int bPersist = 0;        /* and every one after it */
static int nMalloc = 0;         /* allocations since armed */
static int nFailed = 0;         /* allocations failed since armed */

static int failNow(void){
  if( iFailAt==0 ) return 0;
  nMalloc++;
  if( nMalloc==iFailAt || (bPersist && nMalloc>iFailAt) ){ nFailed++; return 1; }
  return 0;
}
static void *failMalloc(int n){ return failNow() ? 0 : memDefault.xMalloc(n); }
static void *failRealloc(void *p, int n){ return failNow() ? 0 : memDefault.xRealloc(p, n); }
static void failFree(void *p){ memDefault.xFree(p); }
static int failSize(void *p){ return memDefault.xSize(p); }
static int failRoundup(int n){ return memDefault.xRoundup(n); }
static int failInit(void *p){ return memDefault.xInit(p); }
static void failShutdown(void *p){ memDefault.xShutdown(p); }

static void arm(int n, int bP){ iFailAt = n; bPersist = bP; nMalloc = 0; nFailed = 0; }

/* Queries run with failing allocations; ?1 is a sample document, ?2 its
** format. */
static const char *const azOomSql[] = {
  "SELECT responsibility('arn:aws:ec2:us-east-1:1:instance/i-1', 'guest_os_patching')",
  "SELECT responsibility_why('Amazon EC2', 'patch_management')",
  "SELECT responsibility_why('s3', 'server_side_encryption')",
  "SELECT responsibility('ecs', 'host_os', 'nope')",
  "SELECT responsibility('ec2', 'no_such_control')",
  "SELECT srm_service('AWS::EKS::Nodegroup'), srm_variant('AWS::EKS::Nodegroup'),"
  " srm_category('aws_ec2_instances'), srm_arn('arn:aws:s3:::b', 'service')",
  "SELECT srm_arn('arn:aws:s3:::b', 'nope')",
  "SELECT srm_debug()",
  "SELECT srm_svg('ec2'), srm_svg('ecs', 'fargate'), srm_svg_compare('ecs', 'ec2', 'fargate'),"
  " srm_html('<a href=\"x\">''&''</a>'), srm_html('')",
  "SELECT srm_svg('nope')",
  "SELECT srm_svg_compare('ecs', 'ec2', 'nope')",
  "SELECT srm_svg(12345)",
  "SELECT srm_html(12345), srm_svg('ecs', 7)",
  "SELECT count(*), group_concat(owner) FROM srm_matrix WHERE service = 'eks' AND control = 'host_os'",
  "SELECT count(*) FROM srm_matrix m JOIN srm_controls c USING(control) WHERE c.layer IS NOT NULL",
  "SELECT * FROM srm_inventory(?1) ORDER BY rowid",
  "SELECT * FROM srm_inventory(?1, ?2) ORDER BY rowid",
  "SELECT * FROM srm_inventory('{\"Resources\":[', 'aws_resource_explorer')",
  "SELECT * FROM srm_inventory('{\"x\":1}')",
  "SELECT * FROM srm_inventory('{\"configurationItems\":[]}', 'aws_config_snapshot')",
  "SELECT srm_overlay_init(), effective_responsibility('ec2', 'host_os')",
  /* numbers where text is expected: converting them takes memory */
  "SELECT responsibility(12345, 'host_os'), srm_arn(12, 'service'),"
  " effective_responsibility(12346, 'host_os')",
  "SELECT responsibility(x'656332', 'host_os'), effective_responsibility(x'656373', 'host_os')",
  "SELECT responsibility('ec2', 7)",
  "SELECT responsibility('ecs', 'host_os', 7)",
  "SELECT srm_arn('arn:aws:s3:::b', 7)",
  "SELECT effective_responsibility('ec2', 7)",
  "SELECT effective_decision('ecs', 'host_os', 7)",
  "SELECT count(*) FROM srm_services WHERE service = 42",
  "SELECT count(*) FROM srm_matrix WHERE owner = 42",
  "SELECT count(*) FROM srm_matrix WHERE service = 'ec2' AND owner = 'aws'",
  "SELECT * FROM srm_inventory('arn:aws:s3:::a', 5)",
  "SELECT arn, service FROM srm_inventory(12345)",
  /* documents as bytes: a gzip stream (one member, two, truncated,
  ** corrupt), a byte order mark, UTF-16, ARN lists and look-alikes */
  "SELECT arn, service, variant FROM srm_inventory(x'" GZ_DOC "')",
  "SELECT arn, variant FROM srm_inventory(x'" GZ_DOC GZ_DOC "', 'aws_config_snapshot')",
  "SELECT * FROM srm_inventory(x'" GZ_TRUNCATED "')",
  "SELECT * FROM srm_inventory(x'" GZ_CORRUPT "')",
  "SELECT * FROM srm_inventory(x'" GZ_DOC "00112233')",
  "SELECT arn FROM srm_inventory(x'efbbbf' || CAST('{\"Resources\":[{\"Arn\":\"arn:aws:s3:::b\"}]}' AS BLOB))",
  "SELECT * FROM srm_inventory(x'fffe7b007d00')",
  "SELECT arn FROM srm_inventory('arn:aws:s3:::a' || char(9) || 'arn:aws:s3:::b  # two' || char(10)"
  " || '# comment' || char(10) || 'arn:aws:sqs:us-east-1:111111111111:q')",
  "SELECT * FROM srm_inventory('arn:aws:s3:::a' || char(10) || 'not an arn')",
  "SELECT * FROM srm_inventory('arn,service' || char(10) || 'x,y')",
  "SELECT * FROM srm_inventory('[1, 2]')",
  "SELECT * FROM srm_inventory('{\"a\":1, \"b\":2, \"c\":3, \"d\":4, \"e\":5, \"f\":6, \"g\":7}')",
  /* the overlay's arguments and the decisions' checks */
  "SELECT effective_responsibility('arn:aws:s3:::b', 'customer_data', NULL, '123456789012'),"
  " effective_decision('s3', 'customer_data', NULL, '123456789012')",
  "SELECT effective_responsibility('s3', 'customer_data', NULL, '12345')",
  "SELECT effective_responsibility('arn:aws:ec2:us-east-1:123456789012:instance/i-1', 'host_os', NULL,"
  " '999999999999')",
  "SELECT srm_decision_check('ec2', NULL, 'host_os', 'customer', NULL, '2024-01-01', NULL,"
  " '111111111111', 'arn:aws:ec2:us-east-1:222222222222:instance/i-1')",
  "SELECT srm_decision_check('AWS::EKS::Nodegroup', 'fargate', 'host_os', 'customer', NULL,"
  " '2024-01-01', NULL, NULL, NULL)",
  "SELECT srm_overlay_init('temp'), srm_overlay_init('temp')",
  "SELECT srm_overlay_init('nope')",
  "SELECT srm_overlay_init(7)",
  "SELECT srm_decision_check('eks', 'fargate', 'host_os', 'aws', NULL, NULL, NULL, NULL,"
  " 'arn:aws:eks:eu-west-1:111111111111:nodegroup/prod/ng-1/1a2b')",
  "SELECT srm_decision_check(12, NULL, 'host_os', 'aws', NULL, NULL, NULL, NULL, NULL)",
  /* JSONB: {"Resources":[]} read (SQLite 3.45 and later), one that is not
  ** JSONB inside (a malformed element) */
  "SELECT count(*) FROM srm_inventory(x'bc975265736f75726365730b')",
  "SELECT count(*) FROM srm_inventory(x'cc01ff')",
  /* values that must be converted to text (a zeroblob takes memory) */
  "SELECT responsibility(zeroblob(40), 'host_os'), srm_service(zeroblob(40))",
  "SELECT responsibility('ec2', zeroblob(40))",
  "SELECT responsibility('ecs', 'host_os', zeroblob(40))",
  "SELECT srm_variant('ecs', zeroblob(40)), srm_variant(zeroblob(40))",
  "SELECT effective_responsibility(zeroblob(40), 'host_os')",
  "SELECT effective_responsibility('ec2', zeroblob(40))",
  "SELECT effective_decision('ecs', 'host_os', zeroblob(40))",
  "SELECT effective_responsibility('s3', 'customer_data', NULL, zeroblob(40))",
  "SELECT count(*) FROM srm_effective_matrix WHERE service = CAST(zeroblob(40) AS TEXT)",
  "SELECT * FROM srm_resources(CAST(zeroblob(40) AS TEXT))",
  "SELECT srm_arn(zeroblob(40), 'region'), srm_arn('arn:aws:s3:::b', zeroblob(40))",
  /* srm_findings(): every format, detected and named, and its errors */
  "SELECT * FROM srm_findings('{\"Findings\":[{\"Compliance\":{\"SecurityControlId\":\"S3.1\","
  "\"Status\":\"FAILED\"},\"Severity\":{\"Label\":\"HIGH\"},\"Resources\":[{\"Id\":\"arn:aws:s3:::b\","
  "\"Type\":\"AwsS3Bucket\"}],\"AwsAccountId\":\"111111111111\",\"Region\":\"us-east-1\"},"
  "{\"GeneratorId\":\"x/v/1/EC2.19\",\"Compliance\":{\"Status\":\"ODD\"}}, 5]}')",
  "SELECT * FROM srm_findings('{\"EvaluationResults\":[{\"EvaluationResultIdentifier\":"
  "{\"EvaluationResultQualifier\":{\"ConfigRuleName\":\"securityhub-restricted-ssh-0a1b2c3d\","
  "\"ResourceType\":\"AWS::EC2::SecurityGroup\",\"ResourceId\":\"sg-1\"}},"
  "\"ComplianceType\":\"NON_COMPLIANT\"}]}', 'config_compliance')",
  "SELECT * FROM srm_findings('[{\"metadata\":{\"event_code\":\"s3_bucket_public_access\"},"
  "\"status_code\":\"FAIL\",\"severity\":\"High\",\"resources\":[{\"uid\":\"111111111111\"}]}]')",
  "SELECT * FROM srm_findings('{\"x\":1, \"y\":2}')",
  "SELECT * FROM srm_findings('[1]')",
  "SELECT * FROM srm_findings('{\"x\":1}', 'securityhub_asff')",
  "SELECT * FROM srm_findings('{\"x\":1}', 'prowler_ocsf')",
  "SELECT * FROM srm_findings('{\"Findings\":[', 'securityhub_asff')",
  "SELECT * FROM srm_findings('[{\"a\":')",
  "SELECT * FROM srm_findings('{\"Findings\":[')",
  "SELECT * FROM srm_findings('nope')",
  "SELECT * FROM srm_findings('{}', 'nope')",
  "SELECT * FROM srm_findings('{}', zeroblob(10))",
  "SELECT count(*) FROM srm_findings(x'" GZ_DOC "')",
  /* frameworks: srm_origination() and its kin, their errors, values to
  ** convert, the aggregate, UUIDs */
  "SELECT srm_origination('ec2', 'nist_800_53_r5', 'AC-2(1)'), srm_origination('s3', 'nist_800_171_r3',"
  " '03.01.01'), srm_origination_why('lambda', 'NIST_800_53_R5', 'si-2', 'container_image')",
  "SELECT srm_origination('ec2', 'nist_800_53_r5', 'ac-99')",
  "SELECT srm_origination('ec2', 'iso', 'ac-2')",
  "SELECT srm_origination(12, 'nist_800_53_r5', 'pe-3'), srm_origination('ec2', 12, 'pe-3')",
  "SELECT srm_origination('ec2', 'nist_800_53_r5', 12)",
  "SELECT srm_origination('ec2', zeroblob(40), 'pe-3')",
  "SELECT srm_origination('ec2', 'nist_800_53_r5', zeroblob(40))",
  "SELECT effective_origination('ec2', 'nist_800_53_r5', 'ac-2.1'),"
  " effective_origination('arn:aws:s3:::b', 'nist_800_171_r3', '03.01.01', NULL, '123456789012')",
  "SELECT srm_combined_origination(x) FROM (SELECT 'inherited' AS x UNION ALL SELECT 'customer')",
  "SELECT srm_combined_origination(x) FROM (SELECT 'inherited' AS x UNION ALL SELECT 'aws')",
  "SELECT srm_combined_origination(x) FROM (SELECT 12 AS x)",
  "SELECT srm_combined_origination(zeroblob(40))",
  "SELECT srm_uuid5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com'),"
  " srm_uuid5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 12)",
  "SELECT srm_uuid5('nope', 'x')",
  "SELECT srm_uuid5(zeroblob(36), 'x')",
  "SELECT srm_uuid5(12, 'x')",
  "SELECT srm_uuid5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', zeroblob(40))",
  "SELECT count(*) FROM srm_requirement_controls WHERE requirement = 'ac-2'",
  "SELECT count(*) FROM srm_requirements r JOIN srm_fedramp_crm_rows c USING (requirement)",
};

/* Queries run with failing allocations on a database that has decisions:
** zOomSetup runs first on each fresh connection, without failures.  They
** are numbered after azOomSql[] in the names of failures.  The decisions cover every scope (resource, account, variant, service), a
** composite and its parts, an expired one, and more than 16 rows (the
** loader's array grows). */
static const char zOomSetup[] =
  "SELECT srm_overlay_init();"
  "INSERT INTO srm_decisions(service, variant, control, owner, party, reason, approved_by,"
  " decided_on, expires_on, account, resource_arn) VALUES"
  " ('ec2', NULL, 'patch_management', 'third_party', 'Acme', 'r', 'a', '2024-01-01', NULL, NULL, NULL),"
  " ('ecs', 'fargate', 'host_os', 'customer', NULL, 'r', 'a', '2024-01-01', NULL, NULL, NULL),"
  " ('ec2', NULL, 'guest_os_patching', 'aws', NULL, 'r', 'a', '2024-01-01', NULL, '123456789012', NULL),"
  " ('ec2', NULL, 'patch_management', 'shared', NULL, 'r', 'a', '2024-01-01', NULL, '123456789012', NULL),"
  " ('ec2', NULL, 'guest_os_patching', 'customer', NULL, 'r', 'a', '2024-01-01', NULL, NULL,"
  "  'arn:aws:ec2:us-east-1:123456789012:instance/i-1'),"
  " ('ec2', NULL, 'host_os', 'customer', NULL, 'r', 'a', '1999-01-01', '2000-01-01', NULL, NULL);"
  "INSERT INTO srm_decisions(service, control, owner, reason, approved_by, decided_on)"
  " WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x<20)"
  " SELECT 's3', 'customer_data', 'shared', 'r', 'a', printf('2020-01-%02d', x) FROM c;"
  "CREATE TABLE inventory(ARN TEXT, Resource_Type TEXT, variant TEXT, account TEXT, region TEXT,"
  " name TEXT, tags TEXT, service TEXT);"
  "INSERT INTO inventory VALUES"
  " ('arn:aws:ecs:us-east-1:123456789012:service/c/a', NULL, 'FARGATE', NULL, NULL, 'a', '{\"k\":1}', NULL),"
  " ('arn:aws:ecs:us-east-1:123456789012:service/c/b', NULL, 'nope', NULL, NULL, NULL, NULL, NULL),"
  " (NULL, 'AWS::S3::Bucket', NULL, '123456789012', 'us-east-1', NULL, NULL, NULL),"
  " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Amazon RDS'),"
  " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
  " ('arn:aws:contoso:us-east-1:123456789012:w/1', NULL, NULL, NULL, NULL, NULL, NULL, NULL);"
  "CREATE VIEW inv_view AS SELECT arn FROM inventory WHERE arn IS NOT NULL;"
  "CREATE TABLE no_ident(x);";
static const char *const azOomSetupSql[] = {
  "SELECT effective_responsibility('arn:aws:ec2:us-east-1:123456789012:instance/i-1', 'patch_management'),"
  " effective_decision('arn:aws:ec2:us-east-1:123456789012:instance/i-1', 'guest_os_patching'),"
  " effective_responsibility('arn:aws:ec2:us-east-1:123456789012:instance/i-2', 'guest_os_patching'),"
  " effective_decision('ecs', 'host_os', 'fargate'), effective_responsibility('s3', 'customer_data')",
  "SELECT effective_responsibility(s, c) FROM (SELECT 'arn:aws:ec2:us-east-1:123456789012:instance/i-1' AS s,"
  " 'patch_management' AS c UNION ALL SELECT 'ec2', 'host_os')",
  "SELECT count(*), sum(decision_id IS NOT NULL) FROM srm_effective_matrix WHERE service IN ('ec2', 'ecs')",
  "INSERT INTO srm_decisions(service, control, owner, reason, approved_by)"
  " VALUES ('Amazon EC2', 'host_os', 'aws', 'r', 'a') RETURNING service",
  "INSERT INTO srm_decisions(service, control, owner, reason, approved_by)"
  " VALUES ('ec2', 'host_os', 'nobody', 'r', 'a')",
  "SELECT id, arn, resource_type, name, account, region, tags, service, variant, variant_used,"
  " variant_kind, category, status, variant_given FROM srm_resources ORDER BY id",
  "SELECT id, arn, service, status FROM srm_resources('inv_view')",
  "SELECT * FROM srm_resources('no_such_table')",
  "SELECT * FROM srm_resources('no_ident')",
  "SELECT r.arn, m.control, m.owner FROM srm_resources r JOIN srm_matrix m ON m.service = r.service"
  " AND m.variant IS r.variant_used WHERE m.control = 'guest_os_patching' ORDER BY r.id",
};
/* Overlays that are not srm's, each with a query that reads it: the
** errors that say so must also hold when an allocation fails on the way
** (numbered after azOomSetupSql[]). */
#define HOSTILE_TABLE \
  "CREATE TABLE srm_decisions(id INTEGER PRIMARY KEY, service, variant, control, owner, party," \
  " internal_owner, reason, approved_by, decided_on, expires_on, account, resource_arn);"
static const struct { const char *zSetup, *zSql; } aOomHostile[] = {
  { "CREATE TABLE d(x); CREATE VIEW srm_decisions AS SELECT * FROM d;"
    "CREATE TABLE srm_decisions_version(n);",
    "SELECT effective_responsibility('ec2', 'host_os')" },
  { HOSTILE_TABLE, "SELECT effective_responsibility('ec2', 'host_os')" },
  { HOSTILE_TABLE "CREATE VIEW srm_decisions_version AS SELECT 1 AS n;",
    "SELECT effective_responsibility('ec2', 'host_os')" },
  { "SELECT srm_overlay_init(); DROP TRIGGER srm_decisions_update;",
    "SELECT effective_responsibility('ec2', 'host_os')" },
  { "SELECT srm_overlay_init(); CREATE TRIGGER hush BEFORE UPDATE ON srm_decisions_version"
    " BEGIN SELECT RAISE(IGNORE); END;",
    "SELECT count(*) FROM srm_effective_matrix WHERE service = 'ec2'" },
  { "SELECT srm_overlay_init(); DELETE FROM srm_decisions_version;",
    "SELECT effective_responsibility('ec2', 'host_os')" },
  { "SELECT srm_overlay_init(); INSERT INTO srm_decisions_version VALUES (7);",
    "SELECT effective_responsibility('ec2', 'host_os')" },
  { "SELECT srm_overlay_init(); DROP TRIGGER srm_decisions_insert; DROP TRIGGER srm_decisions_update;"
    " PRAGMA ignore_check_constraints = ON;"
    " INSERT INTO srm_decisions(service, control, owner, reason, approved_by) VALUES ('ec2', 'nope', 'aws', 'r', 'a');"
    " PRAGMA ignore_check_constraints = OFF; SELECT srm_overlay_init();",
    "SELECT effective_responsibility('ec2', 'host_os')" },
  { "SELECT srm_overlay_init(); DROP TRIGGER srm_decisions_insert; DROP TRIGGER srm_decisions_update;"
    " PRAGMA ignore_check_constraints = ON;"
    " INSERT INTO srm_decisions(service, control, owner, reason, approved_by) VALUES ('ec2', 'host_os', '', 'r', 'a');"
    " PRAGMA ignore_check_constraints = OFF; SELECT srm_overlay_init();",
    "SELECT effective_responsibility('ec2', 'host_os')" },
  { "CREATE TABLE srm_decisions(id INTEGER PRIMARY KEY, service, variant, control, owner, party,"
    " decided_on, expires_on, account, resource_arn AS (account));"
    "CREATE TABLE srm_decisions_version(n);",
    "SELECT effective_responsibility('ec2', 'host_os')" },
  { "CREATE TABLE srm_decisions(id INTEGER PRIMARY KEY, service, variant, control, owner);"
    "CREATE TABLE srm_decisions_version(n);",
    "SELECT effective_responsibility('ec2', 'host_os')" },
  { "ATTACH ':memory:' AS aux; SELECT srm_overlay_init('aux'); CREATE TABLE main.srm_decisions_version(n);",
    "SELECT effective_responsibility('ec2', 'host_os')" },
  /* a valid decision with a value that is not text (a table without
  ** column types keeps the integer): read as text */
  { HOSTILE_TABLE "SELECT srm_overlay_init();"
    " INSERT INTO srm_decisions(service, control, owner, reason, approved_by, account)"
    " VALUES ('ec2', 'host_os', 'customer', 'r', 'a', 123456789012);",
    "SELECT effective_responsibility('arn:aws:ec2:us-east-1:123456789012:instance/i-1', 'host_os')" },
};
#define N_OOM_PLAIN (sizeof(azOomSql)/sizeof(azOomSql[0]))
#define N_OOM_SETUP (N_OOM_PLAIN + sizeof(azOomSetupSql)/sizeof(azOomSetupSql[0]))
#define N_OOM_ALL (N_OOM_SETUP + sizeof(aOomHostile)/sizeof(aOomHostile[0]))
static const char *oomSql(size_t i){
  return i<N_OOM_PLAIN ? azOomSql[i]
       : i<N_OOM_SETUP ? azOomSetupSql[i - N_OOM_PLAIN] : aOomHostile[i - N_OOM_SETUP].zSql;
}
static void oomSetup(sqlite3 *db, size_t i){
  const char *zSetup = i<N_OOM_PLAIN ? 0 : i<N_OOM_SETUP ? zOomSetup : aOomHostile[i - N_OOM_SETUP].zSetup;
  if( zSetup && sqlite3_exec(db, zSetup, 0, 0, 0)!=SQLITE_OK ){
    fprintf(stderr, "driver: setup %d: %s\n", (int)i + 1, sqlite3_errmsg(db));
    exit(2);
  }
}

static int isNomemMessage(const char *z){
  return strstr(z, "out of memory")!=0;
}

static int nOomRun = 0;

/* Open connections with allocation N failing, N = 1, 2, ... until an open
** meets no failure: each must fail with SQLITE_NOMEM or succeed. */
static void checkOomOpen(int bP){
  int n, bOk = 1;
  const char *zName = bP ? "oom-open-persistent" : "oom-open-once";
  for(n=1; n<100000; n++){
    sqlite3 *db = 0;
    int rc, nF;
    arm(n, bP);
    rc = sqlite3_open(":memory:", &db);
    nF = nFailed;
    arm(0, 0);
    nOomRun++;
    if( rc!=SQLITE_OK ){
      const char *zErr = db ? sqlite3_errmsg(db) : "out of memory";
      if( rc!=SQLITE_NOMEM && !isNomemMessage(zErr) ){
        char zMsg[512];
        snprintf(zMsg, sizeof(zMsg), "rc=%d '%s' (failing allocation %d)", rc, zErr, n);
        check(zName, 0, zMsg, "SQLITE_NOMEM");
        bOk = 0;
      }
    }else if( nF>0 ){
      /* survived a failure: the extension must still be all there */
      int rc2;
      char *z = runSql(db, "SELECT count(*) FROM pragma_function_list WHERE name LIKE 'srm%'"
                           " OR name LIKE 'responsibility%'", 0, 0, 0, &rc2);
      if( strcmp(z, "0")==0 ){
        check(zName, 0, "an open that succeeded without the extension", "the extension");
        bOk = 0;
      }
      free(z);
    }
    sqlite3_close(db);
    if( !bOk || nF==0 ) break;
  }
  if( bOk ) nPass++;
}

static void checkOomQuery(const char *zDir, int bP){
  size_t iSql, iDoc;
  for(iSql=0; iSql<N_OOM_ALL; iSql++){
    int bDoc = strstr(oomSql(iSql), "?1")!=0;
    for(iDoc=0; iDoc<(bDoc ? sizeof(aSample)/sizeof(aSample[0]) : 1); iDoc++){
      char *zDoc = 0, *zWant;
      const char *zFmt = bDoc ? aSample[iDoc].zFormat : 0;
      int nDoc = 0, rc, n, bOk = 1;
      char zName[64];
      sqlite3 *db;
      if( bDoc ){
        char zPath[4096];
        snprintf(zPath, sizeof(zPath), "%s/%s", zDir, aSample[iDoc].zFile);
        zDoc = readFile(zPath, &nDoc);
      }
      snprintf(zName, sizeof(zName), "oom-%s-%d.%d", bP ? "persistent" : "once",
               (int)iSql + 1, (int)iDoc + 1);
      if( sqlite3_open(":memory:", &db)!=SQLITE_OK ){ fprintf(stderr, "driver: open\n"); exit(2); }
      oomSetup(db, iSql);
      zWant = runSql(db, oomSql(iSql), zDoc, nDoc, zFmt, &rc);
      sqlite3_close(db);
      for(n=1; n<1000000; n++){
        char *zGot;
        int nF;
        if( sqlite3_open(":memory:", &db)!=SQLITE_OK ){ fprintf(stderr, "driver: open\n"); exit(2); }
        oomSetup(db, iSql);
        arm(n, bP);
        zGot = runSql(db, oomSql(iSql), zDoc, nDoc, zFmt, &rc);
        nF = nFailed;
        arm(0, 0);
        nOomRun++;
        if( strcmp(zGot, zWant)==0 ){
          /* the answer, a failure absorbed or none met */
        }else if( nF==0 ){
          check(zName, 0, zGot, zWant);
          printf("!   (no allocation failed, %d made)\n", nMalloc);
          bOk = 0;
        }else if( rc==SQLITE_NOMEM || isNomemMessage(zGot) ){
          /* out of memory, said so */
        }else if( rc==SQLITE_ERROR && strncmp(zWant, "error: ", 7)==0
               && strstr(zGot, sqlite3_errstr(SQLITE_ERROR))!=0 ){
          /* The query fails anyway, and SQLite could not copy the message
          ** (sqlite3VdbeTransferError()): the code stays SQLITE_ERROR with
          ** the generic text, which srm_inventory() may quote as the inner
          ** statement's message.  SQLite's doing, not srm's. */
        }else{
          char zMsg[64];
          snprintf(zMsg, sizeof(zMsg), "rc=%d, failing allocation %d", rc, n);
          check(zName, 0, zMsg, "the answer, or SQLITE_NOMEM");
          printf("!   message: %s\n", zGot);
          bOk = 0;
        }
        free(zGot);
        sqlite3_close(db);
        if( !bOk || nF==0 ) break;
      }
      if( bOk ) nPass++;
      free(zWant);
      free(zDoc);
    }
  }
}

/*
** A second sqlite3_srm_init() on a connection whose overlay cache is loaded,
** with allocation N failing, N = 1, 2, ...: whatever the init leaves
** registered must answer (each overlay function holds its own reference to
** a cache; under ASan a function left with a freed cache would be caught).
*/
static void checkOomReinit(int bP){
  static const char zSql[] =
    "SELECT effective_responsibility('arn:aws:s3:::b', 'customer_data'),"
    "       effective_responsibility('s3', 'customer_data', NULL),"
    "       effective_decision('arn:aws:s3:::b', 'customer_data'),"
    "       effective_decision('s3', 'customer_data', NULL)";
  static const char zWant[] = "shared|customer|1|NULL";
  const char *zName = bP ? "oom-reinit-persistent" : "oom-reinit-once";
  int n, bOk = 1;
  for(n=1; n<100000; n++){
    sqlite3 *db;
    char *zErr = 0, *zGot;
    int rc, rc2, nF;
    if( sqlite3_open(":memory:", &db)!=SQLITE_OK ){ fprintf(stderr, "driver: open\n"); exit(2); }
    sqlite3_exec(db, "SELECT srm_overlay_init();"
                     "INSERT INTO srm_decisions(service, control, owner, reason, approved_by, resource_arn)"
                     " VALUES ('s3', 'customer_data', 'shared', 'r', 'a', 'arn:aws:s3:::b');", 0, 0, 0);
    zGot = runSql(db, zSql, 0, 0, 0, &rc2);     /* loads the cache */
    free(zGot);
    arm(n, bP);
    rc = sqlite3_srm_init(db, &zErr, 0);
    nF = nFailed;
    arm(0, 0);
    nOomRun++;
    sqlite3_free(zErr);
    zGot = runSql(db, zSql, 0, 0, 0, &rc2);
    if( strcmp(zGot, zWant)!=0 || (rc!=SQLITE_OK && rc!=SQLITE_NOMEM) ){
      char zMsg[600];
      snprintf(zMsg, sizeof(zMsg), "init rc=%d, then '%s' (failing allocation %d)", rc, zGot, n);
      check(zName, 0, zMsg, zWant);
      bOk = 0;
    }
    free(zGot);
    sqlite3_close(db);
    if( !bOk || nF==0 ) break;
  }
  if( bOk ) nPass++;
}

static void checkOom(const char *zDir){
  checkOomOpen(1);
  checkOomOpen(0);
  checkOomReinit(1);
  checkOomReinit(0);
  checkOomQuery(zDir, 1);
  checkOomQuery(zDir, 0);
  printf("oom: %d runs with a failing allocator\n", nOomRun);
}

#endif /* !SRM_TEST_VERSION */

/* ---- 5. the version refusal --------------------------------------------- */

#ifdef SRM_TEST_VERSION
static void checkRefusal(void){
  sqlite3 *db;
  char *zErr = 0;
  char zWant[128];
  int rc;
  snprintf(zWant, sizeof(zWant), "srm needs SQLite 3.31.0 or later, this is %s", sqlite3_libversion());
  sqlite3_open(":memory:", &db);
  rc = sqlite3_srm_init(db, &zErr, 0);
  check("refuse-1.1", rc==SQLITE_ERROR, rc==SQLITE_ERROR ? "SQLITE_ERROR" : "another code", "SQLITE_ERROR");
  check("refuse-1.2", zErr && strcmp(zErr, zWant)==0, zErr ? zErr : "(no message)", zWant);
  sqlite3_free(zErr);
  /* nothing was registered */
  doSql(db, "refuse-1.3", "SELECT count(*) FROM pragma_function_list WHERE name LIKE 'srm%'", "0");
  /* an application may pass no pzErrMsg */
  rc = sqlite3_srm_init(db, 0, 0);
  check("refuse-1.5", rc==SQLITE_ERROR, rc==SQLITE_ERROR ? "SQLITE_ERROR" : "another code", "SQLITE_ERROR");
  sqlite3_close(db);
  /* as an automatic extension, every open fails with the message */
  sqlite3_auto_extension((void(*)(void))sqlite3_srm_init);
  rc = sqlite3_open(":memory:", &db);
  {
    const char *z = sqlite3_errmsg(db);
    check("refuse-1.4", rc!=SQLITE_OK && strstr(z, zWant)!=0, z, zWant);
  }
  sqlite3_close(db);
  sqlite3_reset_auto_extension();
}
#endif

int main(int argc, char **argv){
  sqlite3 *db;
  const char *zDir = argc>1 ? argv[1] : "data/samples";
  setvbuf(stdout, 0, _IONBF, 0);
  printf("driver: SQLite %s (compiled with %s)\n", sqlite3_libversion(), SQLITE_VERSION);
  if( strcmp(sqlite3_libversion(), SQLITE_VERSION)!=0 ){
    printf("! the library is not the SQLite it was compiled against\n");
    nFail++;
  }
#ifdef SRM_TEST_VERSION
  (void)zDir; (void)db;
  checkRefusal();
#else
  {
    static sqlite3_mem_methods m = {
      failMalloc, failFree, failRealloc, failSize, failRoundup, failInit, failShutdown, 0
    };
    sqlite3_config(SQLITE_CONFIG_GETMALLOC, &memDefault);
    if( sqlite3_config(SQLITE_CONFIG_MALLOC, &m)!=SQLITE_OK ){
      printf("! SQLITE_CONFIG_MALLOC refused\n");
      nFail++;
    }
    /* no lookaside: every allocation goes through the failing allocator */
    sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0);
  }
  sqlite3_auto_extension((void(*)(void))sqlite3_srm_init);
  if( sqlite3_open(":memory:", &db)!=SQLITE_OK ){
    printf("! open: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  checkCore(db);
  checkInventories(db, zDir);
  checkClock(db);
  checkLimit(db);
  checkInitBusy(db);
  sqlite3_close(db);
  checkOom(zDir);
  sqlite3_reset_auto_extension();
#endif
  sqlite3_shutdown();
  printf("%d passed, %d failed\n", nPass, nFail);
  return nFail ? 1 : 0;
}
