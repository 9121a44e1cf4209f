/*
** message.c: values quoted in srm's error messages.
**
** A message names the value it refuses (unknown control 'xyz'), and the
** value comes from a user or an inventory: it may be long, hold bytes that
** are not UTF-8, or control characters (an ANSI escape that would drive a
** terminal).  Every message srm writes is valid UTF-8, because drivers
** decode it (Python's sqlite3 raises UnicodeDecodeError otherwise):
**
**   - at most SRM_MSG_MAX bytes of the value are shown, cut on a character
**     boundary, followed by "..." when something was cut;
**   - a byte that does not start or continue a valid UTF-8 sequence, an
**     ASCII control character (0x00-0x1f, 0x7f) and a C1 control character
**     (U+0080-U+009F) are written as \xNN, one escape per byte;
**   - a backslash is written as it is (it cannot start an escape that
**     srm writes, since a literal \x.. in the value is shown as such).
*/
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "srm.h"

/* The length of the valid UTF-8 sequence at z[0..n), or 0 when z[0] does
** not start one. */
static size_t srmUtf8Len(const unsigned char *z, size_t n){
  unsigned char c = z[0];
  size_t len, i;
  unsigned char lo = 0x80, hi = 0xbf;       /* bounds of the second byte */
  if( c<0x80 ) return 1;
  if( c>=0xc2 && c<=0xdf ) len = 2;
  else if( c>=0xe0 && c<=0xef ){
    len = 3;
    if( c==0xe0 ) lo = 0xa0;                /* no overlong forms */
    if( c==0xed ) hi = 0x9f;                /* no surrogates */
  }else if( c>=0xf0 && c<=0xf4 ){
    len = 4;
    if( c==0xf0 ) lo = 0x90;
    if( c==0xf4 ) hi = 0x8f;                /* nothing past U+10FFFF */
  }else{
    return 0;
  }
  if( n<len || z[1]<lo || z[1]>hi ) return 0;
  for(i=2; i<len; i++){
    if( z[i]<0x80 || z[i]>0xbf ) return 0;
  }
  return len;
}

void srmQuote(sqlite3_str *p, const char *zIn, size_t n){
  const unsigned char *z = (const unsigned char*)zIn;
  size_t i = 0;
  while( i<n ){
    size_t len = srmUtf8Len(z + i, n - i);
    if( i + (len ? len : 1) > SRM_MSG_MAX ) break;
    if( len==0 || z[i]<0x20 || z[i]==0x7f || (len==2 && z[i]==0xc2 && z[i+1]<0xa0) ){
      size_t k, nEsc = len ? len : 1;
      for(k=0; k<nEsc; k++) sqlite3_str_appendf(p, "\\x%02x", z[i+k]);
      i += nEsc;
    }else{
      sqlite3_str_append(p, (const char*)z + i, (int)len);
      i += len;
    }
  }
  if( i<n ) sqlite3_str_appendall(p, "...");
}

/* The quoted value as a string from sqlite3_malloc(), or NULL when out of
** memory. */
char *srmQuoted(const char *z, size_t n){
  sqlite3_str *p = sqlite3_str_new(0);
  int rc;
  char *zOut;
  srmQuote(p, z, n);
  rc = sqlite3_str_errcode(p);
  zOut = sqlite3_str_finish(p);
  if( rc!=SQLITE_OK ){
    sqlite3_free(zOut);
    return 0;
  }
  return zOut ? zOut : sqlite3_mprintf("%s", "");   /* an empty value: no buffer */
}
