/*
** document.c: an inventory document's bytes, made ready for srm_inventory()
** (inventory.c), and the checks of an ARN list.
**
** srmDocumentOpen() takes the value given to srm_inventory() or
** srm_findings() and gives the UTF-8 text to read:
**
**   - a gzip stream (magic bytes 1f 8b: AWS Config delivers snapshots to S3
**     as .json.gz) is inflated with zlib, member after member, into at most
**     SQLITE_LIMIT_LENGTH bytes, and what it holds is read as any document;
**   - a UTF-8 byte order mark is skipped;
**   - UTF-16 (a byte order mark FF FE or FE FF, or NUL bytes between ASCII
**     characters at the start) is refused: SQLite's JSON functions and the
**     ARN lines read UTF-8;
**   - a JSONB blob (SQLite 3.45's binary JSON: a BLOB whose first element
**     spans exactly the blob) is turned into JSON text with json().
**
** Errors (F is the function, srm_inventory or srm_findings):
**   F: the gzip stream is corrupt (zlib: MESSAGE)
**   F: the document is gzip, which this build of srm does not read (built
**      with SRM_OMIT_GZIP): gunzip it first
**   F: the gzip stream is truncated
**   F: the gzip stream inflates to more than N bytes (SQLITE_LIMIT_LENGTH)
**   F: the document is UTF-16; srm reads UTF-8 (iconv -f UTF-16 -t UTF-8)
**   F: the document is JSONB, which SQLite X cannot read (SQLite 3.45 or later can)
**   F: malformed JSONB (SQLite's message)
**
** srmArnLine() reads one line of an ARN list: blank lines and lines that
** start with # are skipped; a # after white space starts a comment; tabs
** separate ARNs on one line (what `aws ... --output text` prints); spaces
** and CR around each are trimmed.  srmArnListCheck() runs it over a whole
** document first, so that a line that is not an ARN is an error before any
** row is returned:
**   srm_inventory: line N is not an ARN: 'START' (format arn_list)
*/
#include <string.h>
#ifndef SRM_OMIT_GZIP
# include <zlib.h>
#endif
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "srm.h"
#include "document.h"

void srmDocumentClose(SrmDocument *p){
  sqlite3_free(p->zOwned);
  memset(p, 0, sizeof(*p));
}

#ifndef SRM_OMIT_GZIP
/* zlib's allocations through SQLite's allocator, so that they count
** against SQLite's limits and fail as SQLite's do. */
static voidpf srmZalloc(voidpf pOpaque, uInt nItems, uInt nSize){
  (void)pOpaque;
  return sqlite3_malloc64((sqlite3_uint64)nItems*nSize);
}
static void srmZfree(voidpf pOpaque, voidpf p){
  (void)pOpaque;
  sqlite3_free(p);
}

/* zlib counts bytes in 32-bit fields: input and output are handed to it
** in chunks of at most this much (smaller in the coverage build, so that
** the tests cross chunk boundaries). */
#ifdef SRM_COVERAGE_TEST
# define SRM_ZCHUNK 4096u
#else
# define SRM_ZCHUNK 0x40000000u
#endif

/* Inflate the gzip stream z[0..n) into p->zOwned.  SQLITE_OK, or an error
** with *pzErr (SQLITE_NOMEM without one). */
static int srmInflate(sqlite3 *db, const unsigned char *z, size_t n, SrmDocument *p,
                      const char *zWho, char **pzErr){
  z_stream s;
  sqlite3_int64 mxOut = sqlite3_limit(db, SQLITE_LIMIT_LENGTH, -1);
  size_t nAlloc = 4*n + 1024, nOut = 0;
  unsigned char *zOut = 0;
  int zrc, rc = SQLITE_OK;
  memset(&s, 0, sizeof(s));
  s.zalloc = srmZalloc;
  s.zfree = srmZfree;
  if( inflateInit2(&s, 16 + MAX_WBITS)!=Z_OK ) return SQLITE_NOMEM;
  s.next_in = (unsigned char*)z;
  for(;;){
    size_t nIn = n - (size_t)(s.next_in - z);
    if( zOut==0 || nOut + 1==nAlloc ){
      /* Room for more output and the terminator.  At most one byte more
      ** than the limit: a stream that fills it is too big. */
      unsigned char *zNew;
      if( zOut ) nAlloc *= 2;
      if( (sqlite3_int64)nAlloc > mxOut + 2 ) nAlloc = (size_t)mxOut + 2;
      zNew = sqlite3_realloc64(zOut, nAlloc);
      if( zNew==0 ){ rc = SQLITE_NOMEM; break; }
      zOut = zNew;
    }
    s.avail_in = (uInt)(nIn>SRM_ZCHUNK ? SRM_ZCHUNK : nIn);
    s.next_out = zOut + nOut;
    s.avail_out = (uInt)(nAlloc - 1 - nOut>SRM_ZCHUNK ? SRM_ZCHUNK : nAlloc - 1 - nOut);
    zrc = inflate(&s, Z_NO_FLUSH);
    nOut = (size_t)(s.next_out - zOut);
    if( (sqlite3_int64)nOut > mxOut ){
      *pzErr = sqlite3_mprintf("%s: the gzip stream inflates to more than %lld bytes"
                               " (SQLITE_LIMIT_LENGTH)", zWho, mxOut);
      rc = SQLITE_TOOBIG;
      break;
    }
    if( zrc==Z_STREAM_END ){
      /* Another member may follow (gzip files can be concatenated). */
      size_t nLeft = n - (size_t)(s.next_in - z);
      if( nLeft==0 ) break;
      if( nLeft<2 || s.next_in[0]!=0x1f || s.next_in[1]!=0x8b ){
        *pzErr = sqlite3_mprintf("%s: the gzip stream is corrupt (zlib: %lld byte%s of"
                                 " garbage after the end)", zWho, (long long)nLeft, nLeft==1 ? "" : "s");
        rc = SQLITE_ERROR;
        break;
      }
      zrc = inflateReset(&s);         /* (not inside NEVER(): it must run) */
      if( NEVER(zrc!=Z_OK) ){ rc = SQLITE_NOMEM; break; }
    }else if( zrc==Z_MEM_ERROR ){
      rc = SQLITE_NOMEM;
      break;
    }else if( zrc==Z_BUF_ERROR ){
      /* No progress: there is room for output (the loop grows it), so the
      ** input is all read and the stream has not ended. */
      assert( (size_t)(s.next_in - z)==n );
      *pzErr = sqlite3_mprintf("%s: the gzip stream is truncated", zWho);
      rc = SQLITE_ERROR;
      break;
    }else if( zrc!=Z_OK ){
      const char *zMsg = s.msg;
      if( NEVER(zMsg==0) ) zMsg = "invalid data";   /* zlib names every data error */
      *pzErr = sqlite3_mprintf("%s: the gzip stream is corrupt (zlib: %s)", zWho, zMsg);
      rc = SQLITE_ERROR;
      break;
    }
  }
  inflateEnd(&s);
  if( rc!=SQLITE_OK ){
    sqlite3_free(zOut);
    if( *pzErr==0 ) rc = SQLITE_NOMEM;
    return rc;
  }
  zOut[nOut] = 0;
  p->zOwned = (char*)zOut;
  p->z = p->zOwned;
  p->n = nOut;
  return SQLITE_OK;
}

#else  /* SRM_OMIT_GZIP: a build without zlib (srm.dll) */

static int srmInflate(sqlite3 *db, const unsigned char *z, size_t n, SrmDocument *p,
                      const char *zWho, char **pzErr){
  (void)db; (void)z; (void)n; (void)p;
  *pzErr = sqlite3_mprintf("%s: the document is gzip, which this build of srm does not read"
                           " (built with SRM_OMIT_GZIP): gunzip it first", zWho);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

#endif /* SRM_OMIT_GZIP */

/* Is z[0..n), a BLOB, one JSONB element that spans all of it, an array or
** an object?  (Header: the low 4 bits the type, 11 array, 12 object; the
** high 4 the payload size, or 12..15 for a size in the next 1, 2, 4 or 8
** bytes, big-endian.) */
static int srmIsJsonb(const unsigned char *z, size_t n){
  int eType, eSize, nHdr, i;
  sqlite3_uint64 nPayload;
  if( n<1 ) return 0;
  eType = z[0] & 0x0f;
  eSize = z[0] >> 4;
  if( eType!=11 && eType!=12 ) return 0;
  if( eSize<12 ){
    nHdr = 1;
    nPayload = (sqlite3_uint64)eSize;
  }else{
    nHdr = 1 + (1 << (eSize - 12));
    if( n<(size_t)nHdr ) return 0;
    nPayload = 0;
    for(i=1; i<nHdr; i++) nPayload = (nPayload << 8) | z[i];
  }
  return (sqlite3_uint64)nHdr + nPayload==(sqlite3_uint64)n;
}

/* JSONB into JSON text, by SQLite's json() (3.45 and later; earlier
** SQLite reads the blob as text and fails). */
static int srmJsonbText(sqlite3 *db, const unsigned char *z, size_t n, SrmDocument *p,
                        const char *zWho, char **pzErr){
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v2(db, "SELECT json(?1)", -1, &pStmt, 0);
  if( rc==SQLITE_OK ){
    /* SQLITE_STATIC and a length SQLite already held: binding cannot fail */
    sqlite3_bind_blob64(pStmt, 1, z, n, SQLITE_STATIC);
    rc = sqlite3_step(pStmt);
  }
  if( rc==SQLITE_ROW ){
    const char *zText = (const char*)sqlite3_column_text(pStmt, 0);
    int nText = sqlite3_column_bytes(pStmt, 0);
    rc = SQLITE_NOMEM;
    /* json() gives text: no conversion, no failure */
    if( ALWAYS(zText) && (p->zOwned = sqlite3_malloc(nText + 1))!=0 ){
      memcpy(p->zOwned, zText, (size_t)nText + 1);
      p->z = p->zOwned;
      p->n = (size_t)nText;
      rc = SQLITE_OK;
    }
  }else if( rc!=SQLITE_NOMEM ){
    if( sqlite3_libversion_number()<3045000 ){
      *pzErr = sqlite3_mprintf("%s: the document is JSONB, which SQLite %s cannot read"
                               " (SQLite 3.45 or later can)", zWho, sqlite3_libversion());
    }else{
      *pzErr = sqlite3_mprintf("%s: malformed JSONB (%s)", zWho, sqlite3_errmsg(db));
    }
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  sqlite3_finalize(pStmt);
  return rc;
}

int srmDocumentOpen(sqlite3 *db, sqlite3_value *pDoc, const char *zWho, SrmDocument *p, char **pzErr){
  int eType = sqlite3_value_type(pDoc), bInflated = 0;
  const unsigned char *z = 0;
  size_t n = 0;
  memset(p, 0, sizeof(*p));
  *pzErr = 0;
  if( eType==SQLITE_BLOB ){
    z = (const unsigned char*)sqlite3_value_blob(pDoc);
    n = (size_t)sqlite3_value_bytes(pDoc);
    if( z==0 ){ z = (const unsigned char*)""; n = 0; }       /* an empty blob */
  }
  if( eType!=SQLITE_BLOB || !((n>=2 && z[0]==0x1f && z[1]==0x8b) || srmIsJsonb(z, n)) ){
    /* Read as text: SQLite adds the NUL the readers count on. */
    z = (const unsigned char*)sqlite3_value_text(pDoc);
    n = (size_t)sqlite3_value_bytes(pDoc);
    if( z==0 ) return SQLITE_NOMEM;
  }
  p->z = (const char*)z;
  p->n = n;
  if( n>=2 && z[0]==0x1f && z[1]==0x8b ){
    int rc = srmInflate(db, z, n, p, zWho, pzErr);
    if( rc!=SQLITE_OK ) return rc;
    z = (const unsigned char*)p->z;
    n = p->n;
    bInflated = 1;
  }
  if( n>=3 && z[0]==0xef && z[1]==0xbb && z[2]==0xbf ){
    z += 3;
    n -= 3;
  }else if( (n>=2 && ((z[0]==0xff && z[1]==0xfe) || (z[0]==0xfe && z[1]==0xff)))
         || (n>=4 && ((z[0]==0 && z[1]!=0 && z[2]==0 && z[3]!=0)
                     || (z[0]!=0 && z[1]==0 && z[2]!=0 && z[3]==0))) ){
    srmDocumentClose(p);
    *pzErr = sqlite3_mprintf("%s: the document is UTF-16; srm reads UTF-8"
                             " (iconv -f UTF-16 -t UTF-8)", zWho);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if( (eType==SQLITE_BLOB || bInflated) && srmIsJsonb(z, n) ){
    char *zOld = p->zOwned;
    int rc;
    p->zOwned = 0;
    rc = srmJsonbText(db, z, n, p, zWho, pzErr);
    sqlite3_free(zOld);
    return rc;
  }
  p->z = (const char*)z;
  p->n = n;
  return SQLITE_OK;
}

/* ---- fields ---- */

int srmFieldSet(SrmField *p, sqlite3_value *pVal){
  int eType = sqlite3_value_type(pVal);
  const char *z;
  int n;
  p->eType = SQLITE_NULL;
  if( eType==SQLITE_NULL ) return SQLITE_OK;
  if( eType==SQLITE_INTEGER ) p->i = sqlite3_value_int64(pVal);
  else if( eType==SQLITE_FLOAT ) p->r = sqlite3_value_double(pVal);
  p->bJson = sqlite3_value_subtype(pVal)=='J';
  z = (const char*)sqlite3_value_text(pVal);
  n = sqlite3_value_bytes(pVal);
  if( z==0 ) return SQLITE_NOMEM;
  if( n+1>p->nAlloc ){
    int nNew = n+1<64 ? 64 : (n+1)*2;
    char *zNew = sqlite3_realloc(p->z, nNew);
    if( zNew==0 ) return SQLITE_NOMEM;
    p->z = zNew;
    p->nAlloc = nNew;
  }
  memcpy(p->z, z, (size_t)n+1);
  p->n = n;
  p->eType = eType;
  return SQLITE_OK;
}

void srmFieldResult(sqlite3_context *ctx, const SrmField *p){
  switch( p->eType ){
    case SQLITE_INTEGER: sqlite3_result_int64(ctx, p->i); break;
    case SQLITE_FLOAT:   sqlite3_result_double(ctx, p->r); break;
    case SQLITE_TEXT:
      sqlite3_result_text(ctx, p->z, p->n, SQLITE_TRANSIENT);
      if( p->bJson ) sqlite3_result_subtype(ctx, 'J');
      break;
    default: break;
  }
}

/* ---- ARN lists ---- */

static int srmIsBlank(char c){
  return c==' ' || c=='\t' || c=='\r';
}

/*
** The next ARN of the list z[0..n) from *pi on, the line number kept in
** *piLine (the line *pi is on; start at 1).  Sets *pzArn, *pnArn and
** returns 1, or returns 0 at the end.  A field that is not an ARN is
** returned too, with *pbBad set.
*/
int srmArnLine(const char *z, size_t n, size_t *pi, int *piLine,
               const char **pzArn, size_t *pnArn, int *pbBad){
  size_t i = *pi;
  while( i<n ){
    size_t j, k;
    /* The field from i to the next tab, newline, comment or the end. */
    while( i<n && srmIsBlank(z[i]) ) i++;
    if( i<n && z[i]=='\n' ){ i++; (*piLine)++; continue; }
    if( i<n && z[i]=='#' ){
      const char *zNl = memchr(z + i, '\n', n - i);
      i = zNl ? (size_t)(zNl - z) : n;
      continue;
    }
    if( i>=n ) break;
    for(j=i; j<n && z[j]!='\t' && z[j]!='\n' && !(z[j]=='#' && srmIsBlank(z[j-1])); j++){}
    /* (z[i] is not blank: the trim stops before it) */
    for(k=j; ALWAYS(k>i) && (z[k-1]==' ' || z[k-1]=='\r'); k--){}
    *pzArn = z + i;
    *pnArn = k - i;
    *pbBad = !srmIsArn(z + i, k - i);
    *pi = j;
    return 1;
  }
  *pi = n;
  return 0;
}

int srmArnListCheck(const char *z, size_t n, const char *zWhere, char **pzErr){
  size_t i = 0, nArn;
  int iLine = 1, bBad = 0;
  const char *zArn;
  while( srmArnLine(z, n, &i, &iLine, &zArn, &nArn, &bBad) ){
    if( bBad ){
      char *zQ = srmQuoted(zArn, nArn);
      *pzErr = zQ ? sqlite3_mprintf("srm_inventory: line %d is not an ARN: '%s' (%s)", iLine, zQ, zWhere) : 0;
      sqlite3_free(zQ);
      return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
  }
  return SQLITE_OK;
}

int srmDocumentBestIndex(sqlite3_index_info *pInfo, int iDocCol, int iFmtCol){
  int iDoc = -1, iFmt = -1, i;
  for(i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *p = &pInfo->aConstraint[i];
    if( p->op!=SQLITE_INDEX_CONSTRAINT_EQ ) continue;
    if( p->iColumn==iDocCol ){
      if( !p->usable ) return SQLITE_CONSTRAINT;
      iDoc = i;
    }else if( p->iColumn==iFmtCol ){
      if( !p->usable ) return SQLITE_CONSTRAINT;
      iFmt = i;
    }
  }
  pInfo->idxNum = 0;
  if( iDoc<0 ){
    pInfo->estimatedCost = 1e99;
    return SQLITE_OK;
  }
  pInfo->idxNum = 1;
  pInfo->aConstraintUsage[iDoc].argvIndex = 1;
  pInfo->aConstraintUsage[iDoc].omit = 1;
  if( iFmt>=0 ){
    pInfo->idxNum |= 2;
    pInfo->aConstraintUsage[iFmt].argvIndex = 2;
    pInfo->aConstraintUsage[iFmt].omit = 1;
  }
  pInfo->estimatedCost = 1000;
  pInfo->estimatedRows = 1000;
  return SQLITE_OK;
}
