/*
** fuzz.h: what the libFuzzer targets in test/fuzz/ share.
**
** Each target links srm (-DSQLITE_CORE) with SQLite's amalgamation, opens
** one in-memory connection at start-up with srm registered, and runs its
** statements on every input.  A statement may fail only with the errors
** srm documents; anything else (another error code, a crash, a sanitizer
** report, a leak) is a finding: fuzzFail() aborts, and libFuzzer saves the
** input under build/fuzz/artifacts/.
*/
#ifndef FUZZ_H
#define FUZZ_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite3.h"
#include "srm.h"

int sqlite3_srm_init(sqlite3*, char**, const sqlite3_api_routines*);

static sqlite3 *fuzzDb = 0;

static void fuzzFail(const char *zWhat, const char *zDetail){
  fprintf(stderr, "fuzz: %s: %s\n", zWhat, zDetail ? zDetail : "");
  abort();
}

static void fuzzOpen(void){
  char *zErr = 0;
  if( fuzzDb ) return;
  if( sqlite3_open(":memory:", &fuzzDb)!=SQLITE_OK ) fuzzFail("open", sqlite3_errmsg(fuzzDb));
  if( sqlite3_srm_init(fuzzDb, &zErr, 0)!=SQLITE_OK ) fuzzFail("sqlite3_srm_init", zErr);
}

static sqlite3_stmt *fuzzPrepare(const char *zSql){
  sqlite3_stmt *pStmt = 0;
  fuzzOpen();
  if( sqlite3_prepare_v3(fuzzDb, zSql, -1, SQLITE_PREPARE_PERSISTENT, &pStmt, 0)!=SQLITE_OK ){
    fuzzFail("prepare", sqlite3_errmsg(fuzzDb));
  }
  return pStmt;
}

/* A copy of z[0..n) in a buffer of exactly n bytes (no terminator), so
** that ASan sees any read past the end. */
static inline char *fuzzCopy(const uint8_t *z, size_t n){
  char *p = malloc(n ? n : 1);
  if( p==0 ) abort();
  if( n ) memcpy(p, z, n);
  return p;
}

/* Bind z[0..n) as text or, when bBlob, as a blob. */
static void fuzzBind(sqlite3_stmt *pStmt, int i, const char *z, size_t n, int bBlob){
  int rc = bBlob ? sqlite3_bind_blob(pStmt, i, z, (int)n, SQLITE_TRANSIENT)
                 : sqlite3_bind_text(pStmt, i, z, (int)n, SQLITE_TRANSIENT);
  if( rc!=SQLITE_OK ) fuzzFail("bind", sqlite3_errstr(rc));
}

static int fuzzStartsWith(const char *z, const char *zPrefix){
  return z && strncmp(z, zPrefix, strlen(zPrefix))==0;
}

/* Step a statement to its end; the error message, or NULL when it ran.
** xRow, when not NULL, checks every row. */
static const char *fuzzRun(sqlite3_stmt *pStmt, void (*xRow)(sqlite3_stmt*)){
  int rc;
  const char *zErr = 0;
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    int i;
    for(i=0; i<sqlite3_column_count(pStmt); i++){
      if( sqlite3_column_type(pStmt, i)!=SQLITE_NULL && sqlite3_column_text(pStmt, i)==0 ){
        fuzzFail("column_text", "out of memory");
      }
    }
    if( xRow ) xRow(pStmt);
  }
  if( rc!=SQLITE_DONE ){
    if( rc!=SQLITE_ERROR ) fuzzFail("step", sqlite3_errstr(rc));
    zErr = sqlite3_errmsg(fuzzDb);
  }
  return zErr;
}

#endif /* FUZZ_H */
