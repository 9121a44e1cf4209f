/*
** threads.c: srm on 8 threads at once, under ThreadSanitizer (make tsan).
**
**     build/threads/threads data/samples
**
** SQLite's amalgamation (SQLITE_THREADSAFE=1) and srm (-DSQLITE_CORE,
** registered with sqlite3_auto_extension) are both built with
** -fsanitize=thread.  Every thread opens its own connection, even ones with
** SQLITE_OPEN_FULLMUTEX and odd ones with SQLITE_OPEN_NOMUTEX, and runs the
** same workload ROUNDS times, starting at a different query each: lookups,
** responsibility_why(), srm_matrix scans and lookups, srm_inventory() over
** each sample.  Each answer must equal the one a single thread gave before
** the threads started.
**
** When the library has srm_overlay_init() (ext/overlay.c), the threads also
** share one database file (WAL, busy timeout) holding srm_decisions: each
** thread writes decisions for an account of its own and reads
** effective_responsibility() for a resource in it, so its answers do not
** depend on the others while the decisions cache of every connection is
** invalidated by the others' commits.
**
** The last line is "N passed, N failed"; TSan's reports fail the run
** (halt_on_error=1).
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite3.h"

int sqlite3_srm_init(sqlite3*, char**, const sqlite3_api_routines*);

#define N_THREAD 8
#define ROUNDS   6

static const char *const azQuery[] = {
  "SELECT responsibility('arn:aws:ec2:us-east-1:123456789012:instance/i-1', 'guest_os_patching')",
  "SELECT responsibility('ecs', 'guest_os_patching', 'fargate'), responsibility('Amazon EC2', 'patch_management')",
  "SELECT responsibility_why('rds', 'guest_os_patching', 'custom')",
  "SELECT srm_service('aws_ec2_instances'), srm_category('AWS::Lambda::Function'), srm_variant('AWS::EKS::Nodegroup')",
  "SELECT srm_arn('arn:aws-us-gov:iam::123456789012:role/admin', 'partition')",
  "SELECT count(*), sum(owner = 'customer'), sum(basis = 'variant') FROM srm_matrix",
  "SELECT variant, owner FROM srm_matrix WHERE service = 'eks' AND control = 'guest_os_patching' ORDER BY variant",
  "SELECT control, owner FROM srm_matrix WHERE service = 'lambda' AND variant IS NULL ORDER BY control",
  "SELECT count(*) FROM srm_services s JOIN srm_matrix m USING(service) WHERE m.control = 'host_os' AND m.owner = 'aws'",
  "SELECT responsibility('ec2', 'nope')",
  "SELECT json_extract(srm_debug(), '$.rows')",
  /* ?1 a sample document */
  "INV SELECT arn, service, variant, account, region, tags FROM srm_inventory(?1) ORDER BY rowid",
  "INV SELECT i.service, m.control, count(*) FROM srm_inventory(?1) i"
  " JOIN srm_matrix m ON m.service = i.service AND m.variant IS i.variant"
  " WHERE m.owner = 'customer' GROUP BY 1, 2 ORDER BY 1, 2",
};
#define N_QUERY ((int)(sizeof(azQuery)/sizeof(azQuery[0])))

static const char *const azSample[] = {
  "aws_config_snapshot.json", "aws_config_query.json", "aws_tagging.json",
  "aws_resource_explorer.json", "arn_list.txt",
};
#define N_SAMPLE ((int)(sizeof(azSample)/sizeof(azSample[0])))

/* Jobs: every query without a document, every document query per sample. */
typedef struct Job Job;
struct Job { const char *zSql; int iSample; char *zWant; };
static Job aJob[N_QUERY*N_SAMPLE];
static int nJob = 0;
static char *azDoc[N_SAMPLE];
static int anDoc[N_SAMPLE];
static int bOverlay = 0;
static char zDbFile[4096];

/* A hash-free but complete rendering of an answer. */
static char *answer(sqlite3 *db, const char *zSql, int iSample){
  sqlite3_stmt *pStmt = 0;
  size_t n = 0, nAlloc = 256;
  char *z = malloc(nAlloc);
  int rc;
  z[0] = 0;
#define APPEND(s, len) do{ size_t l_ = (len); \
    if( n + l_ + 2 > nAlloc ){ nAlloc = (n + l_ + 2)*2; z = realloc(z, nAlloc); } \
    memcpy(z + n, (s), l_); n += l_; z[n] = 0; }while(0)
  rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
  if( rc==SQLITE_OK && iSample>=0 ){
    rc = sqlite3_bind_text(pStmt, 1, azDoc[iSample], anDoc[iSample], SQLITE_STATIC);
  }
  while( rc==SQLITE_OK && (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    int i;
    for(i=0; i<sqlite3_column_count(pStmt); i++){
      const char *v = (const char*)sqlite3_column_text(pStmt, i);
      if( v ) APPEND(v, strlen(v)); else APPEND("NULL", 4);
      APPEND("|", 1);
    }
    APPEND("\n", 1);
    rc = SQLITE_OK;
  }
  if( rc!=SQLITE_DONE ){
    const char *zErr = sqlite3_errmsg(db);
    APPEND("error: ", 7);
    APPEND(zErr, strlen(zErr));
  }
  sqlite3_finalize(pStmt);
  return z;
#undef APPEND
}

static char *readFile(const char *zPath, int *pn){
  FILE *f = fopen(zPath, "rb");
  char *z;
  long n;
  if( f==0 ){ fprintf(stderr, "threads: cannot open %s\n", zPath); exit(2); }
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  z = malloc((size_t)n + 1);
  if( fread(z, 1, (size_t)n, f)!=(size_t)n ){ fprintf(stderr, "threads: cannot read %s\n", zPath); exit(2); }
  z[n] = 0;
  fclose(f);
  *pn = (int)n;
  return z;
}

static int exec(sqlite3 *db, const char *zSql){
  char *zErr = 0;
  int rc = sqlite3_exec(db, zSql, 0, 0, &zErr);
  if( rc!=SQLITE_OK ){
    fprintf(stderr, "threads: %s: %s\n", zSql, zErr ? zErr : sqlite3_errstr(rc));
    sqlite3_free(zErr);
  }
  return rc;
}

typedef struct Worker Worker;
struct Worker {
  int iThread;
  int nPass, nFail;
};

/* The overlay on a file shared by all threads: account 10000000000N. */
static void overlayRound(sqlite3 *db, Worker *w, int iRound){
  char zSql[1024], zArn[128];
  char *zGot;
  const char *zWant;
  snprintf(zArn, sizeof(zArn), "arn:aws:ec2:us-east-1:1000000000%02d:instance/i-%d", w->iThread, iRound);
  snprintf(zSql, sizeof(zSql),
    "INSERT INTO srm_decisions(service, control, owner, reason, approved_by, account)"
    " VALUES ('ec2', 'guest_os_patching', 'aws', 'thread %d round %d', 'tsan', '1000000000%02d')",
    w->iThread, iRound, w->iThread);
  if( exec(db, zSql)!=SQLITE_OK ){ w->nFail++; return; }
  snprintf(zSql, sizeof(zSql), "SELECT effective_responsibility('%s', 'guest_os_patching')", zArn);
  zGot = answer(db, zSql, -1);
  zWant = "aws|\n";
  if( strcmp(zGot, zWant)==0 ) w->nPass++;
  else{ w->nFail++; printf("! thread %d overlay: got %s\n", w->iThread, zGot); }
  free(zGot);
  snprintf(zSql, sizeof(zSql), "DELETE FROM srm_decisions WHERE account = '1000000000%02d'", w->iThread);
  if( exec(db, zSql)!=SQLITE_OK ){ w->nFail++; return; }
  snprintf(zSql, sizeof(zSql), "SELECT effective_responsibility('%s', 'guest_os_patching')", zArn);
  zGot = answer(db, zSql, -1);
  zWant = "customer|\n";
  if( strcmp(zGot, zWant)==0 ) w->nPass++;
  else{ w->nFail++; printf("! thread %d overlay after delete: got %s\n", w->iThread, zGot); }
  free(zGot);
}

static void *work(void *pArg){
  Worker *w = (Worker*)pArg;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
            | ((w->iThread & 1) ? SQLITE_OPEN_NOMUTEX : SQLITE_OPEN_FULLMUTEX);
  sqlite3 *db = 0, *dbShared = 0;
  int r, j;
  if( sqlite3_open_v2(":memory:", &db, flags, 0)!=SQLITE_OK ){ w->nFail++; return 0; }
  if( bOverlay ){
    if( sqlite3_open_v2(zDbFile, &dbShared, flags, 0)!=SQLITE_OK ){ w->nFail++; return 0; }
    sqlite3_busy_timeout(dbShared, 30000);
  }
  for(r=0; r<ROUNDS; r++){
    for(j=0; j<nJob; j++){
      Job *p = &aJob[(j + w->iThread*7 + r) % nJob];
      char *zGot = answer(db, p->zSql, p->iSample);
      if( strcmp(zGot, p->zWant)==0 ){
        w->nPass++;
      }else{
        w->nFail++;
        printf("! thread %d: %s\n!   expected: %.200s\n!   got:      %.200s\n",
               w->iThread, p->zSql, p->zWant, zGot);
      }
      free(zGot);
    }
    if( bOverlay ) overlayRound(dbShared, w, r);
  }
  sqlite3_close(dbShared);
  sqlite3_close(db);
  return 0;
}

int main(int argc, char **argv){
  const char *zDir = argc>1 ? argv[1] : "data/samples";
  pthread_t aThread[N_THREAD];
  Worker aWorker[N_THREAD];
  sqlite3 *db;
  int i, j, nPass = 0, nFail = 0;
  if( !sqlite3_threadsafe() ){ printf("SQLite is not threadsafe\n0 passed, 1 failed\n"); return 1; }
  sqlite3_initialize();
  sqlite3_auto_extension((void(*)(void))sqlite3_srm_init);
  for(i=0; i<N_SAMPLE; i++){
    char zPath[4096];
    snprintf(zPath, sizeof(zPath), "%s/%s", zDir, azSample[i]);
    azDoc[i] = readFile(zPath, &anDoc[i]);
  }
  /* The single-threaded answers. */
  sqlite3_open(":memory:", &db);
  for(i=0; i<N_QUERY; i++){
    if( strncmp(azQuery[i], "INV ", 4)==0 ){
      for(j=0; j<N_SAMPLE; j++){
        aJob[nJob].zSql = azQuery[i] + 4;
        aJob[nJob].iSample = j;
        aJob[nJob].zWant = answer(db, azQuery[i] + 4, j);
        nJob++;
      }
    }else{
      aJob[nJob].zSql = azQuery[i];
      aJob[nJob].iSample = -1;
      aJob[nJob].zWant = answer(db, azQuery[i], -1);
      nJob++;
    }
  }
  {
    char *z = answer(db, "SELECT count(*) FROM pragma_function_list WHERE name = 'srm_overlay_init'", -1);
    bOverlay = strcmp(z, "1|\n")==0;
    free(z);
  }
  sqlite3_close(db);
  if( bOverlay ){
    snprintf(zDbFile, sizeof(zDbFile), "%s", "build/threads/decisions.db");
    remove(zDbFile);
    remove("build/threads/decisions.db-wal");
    remove("build/threads/decisions.db-shm");
    sqlite3_open(zDbFile, &db);
    if( exec(db, "PRAGMA journal_mode=WAL")!=SQLITE_OK
     || exec(db, "SELECT srm_overlay_init()")!=SQLITE_OK ){
      nFail++;
      bOverlay = 0;
    }
    sqlite3_close(db);
  }
  printf("threads: %d threads, %d rounds of %d queries%s\n", N_THREAD, ROUNDS, nJob,
         bOverlay ? ", and srm_decisions on a shared file" : " (no overlay in this build)");
  for(i=0; i<N_THREAD; i++){
    aWorker[i].iThread = i;
    aWorker[i].nPass = aWorker[i].nFail = 0;
    if( pthread_create(&aThread[i], 0, work, &aWorker[i])!=0 ){ fprintf(stderr, "pthread_create\n"); return 2; }
  }
  for(i=0; i<N_THREAD; i++){
    pthread_join(aThread[i], 0);
    nPass += aWorker[i].nPass;
    nFail += aWorker[i].nFail;
  }
  for(i=0; i<nJob; i++) free(aJob[i].zWant);
  for(i=0; i<N_SAMPLE; i++) free(azDoc[i]);
  sqlite3_reset_auto_extension();
  sqlite3_shutdown();
  printf("%d passed, %d failed\n", nPass, nFail);
  return nFail ? 1 : 0;
}
