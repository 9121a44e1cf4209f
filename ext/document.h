/*
** document.h: inventory documents made ready to read (document.c), for
** inventory.c.  Internal to the library.
*/
#ifndef SRM_DOCUMENT_H
#define SRM_DOCUMENT_H

#include <stddef.h>

#if (defined(__GNUC__) || defined(__clang__)) && !defined(_WIN32)
# pragma GCC visibility push(hidden)
#endif

/* The text of a document: z[0..n), followed by a NUL byte. */
typedef struct SrmDocument SrmDocument;
struct SrmDocument {
  const char *z;
  size_t n;
  char *zOwned;                 /* what was inflated or converted, or NULL */
};

/* SQLITE_OK with *p filled, or an error code with *pzErr (from
** sqlite3_malloc; NULL for SQLITE_NOMEM).  pDoc must outlive *p. */
int srmDocumentOpen(sqlite3 *db, sqlite3_value *pDoc, SrmDocument *p, char **pzErr);
void srmDocumentClose(SrmDocument *p);

int srmArnLine(const char *z, size_t n, size_t *pi, int *piLine,
               const char **pzArn, size_t *pnArn, int *pbBad);
int srmArnListCheck(const char *z, size_t n, const char *zWhere, char **pzErr);

#if (defined(__GNUC__) || defined(__clang__)) && !defined(_WIN32)
# pragma GCC visibility pop
#endif

#endif /* SRM_DOCUMENT_H */
