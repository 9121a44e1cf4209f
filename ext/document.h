/*
** document.h: documents made ready to read (document.c), for inventory.c
** and findings.c.  Internal to the library.
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
** sqlite3_malloc; NULL for SQLITE_NOMEM), which starts "zWho: " (the name
** of the function reading the document).  pDoc must outlive *p. */
int srmDocumentOpen(sqlite3 *db, sqlite3_value *pDoc, const char *zWho, SrmDocument *p, char **pzErr);
void srmDocumentClose(SrmDocument *p);

/* xBestIndex of a table read from a document (srm_inventory,
** srm_findings): hidden columns iDoc (the document, required: a plan
** without it costs 1e99, one where it is not usable is refused) and iFmt
** (the format, optional).  idxNum bit 1: document = argv[0]; bit 2:
** format = the next argv. */
int srmDocumentBestIndex(sqlite3_index_info *pInfo, int iDoc, int iFmt);

/* A field of a document's item, kept from one statement row to the next
** (a row's values last only until the next step): its SQL type and value,
** text in a buffer that is reused, 'J' when SQLite marked it JSON. */
typedef struct SrmField SrmField;
struct SrmField {
  int eType;                    /* SQLITE_NULL, _INTEGER, _FLOAT, _TEXT */
  int bJson;
  sqlite3_int64 i;
  double r;
  char *z;                      /* n bytes and a NUL, nAlloc allocated */
  int n, nAlloc;
};
int srmFieldSet(SrmField *p, sqlite3_value *pVal);   /* SQLITE_OK or SQLITE_NOMEM */
void srmFieldResult(sqlite3_context *ctx, const SrmField *p);

int srmArnLine(const char *z, size_t n, size_t *pi, int *piLine,
               const char **pzArn, size_t *pnArn, int *pbBad);
int srmArnListCheck(const char *z, size_t n, const char *zWhere, char **pzErr);

#if (defined(__GNUC__) || defined(__clang__)) && !defined(_WIN32)
# pragma GCC visibility pop
#endif

#endif /* SRM_DOCUMENT_H */
