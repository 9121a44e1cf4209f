/*
** overlay.h: the organization's decisions, shared by decisions.c (the
** table, its validation and srm_overlay_init()), overlay.c (the cache of
** the decisions in force, one per connection) and effective.c (the
** functions and the table that apply them).  Internal to the library.
*/
#ifndef SRM_OVERLAY_H
#define SRM_OVERLAY_H

#include <stdint.h>
#include "srm.h"

#if (defined(__GNUC__) || defined(__clang__)) && !defined(_WIN32)
# pragma GCC visibility push(hidden)
#endif

/* Decision scopes, most specific first when sorted in decreasing order. */
#define SRM_SCOPE_SERVICE   0
#define SRM_SCOPE_VARIANT   1
#define SRM_SCOPE_ACCOUNT   2
#define SRM_SCOPE_RESOURCE  3

/* The columns of a decision, as text (NULL for SQL NULL), with their
** lengths, in srm_decisions' order of the CHECK's arguments. */
#define SRM_DEC_SERVICE     0
#define SRM_DEC_VARIANT     1
#define SRM_DEC_CONTROL     2
#define SRM_DEC_OWNER       3
#define SRM_DEC_PARTY       4
#define SRM_DEC_DECIDED     5
#define SRM_DEC_EXPIRES     6
#define SRM_DEC_ACCOUNT     7
#define SRM_DEC_ARN         8
#define SRM_DEC_N           9

/* One decision, as the cache holds it. */
typedef struct SrmDecision SrmDecision;
struct SrmDecision {
  sqlite3_int64 id;
  int iService;
  int iVariant;                 /* 0 every variant, else 1 + srmVariant[] */
  int iControl;
  int eOwner;                   /* SRM_OWNER_AWS .. SHARED, or THIRD_PARTY */
  int iScope;                   /* SRM_SCOPE_* */
  int nKey;                     /* bytes of zArn (resource) or zAccount (account) */
  char zDecided[11];
  char zExpires[11];            /* "" when it never expires */
  char *zAccount;               /* NULL unless account scope */
  char *zArn;                   /* NULL unless resource scope */
};

/*
** decisions.c.  srmDecisionParse() checks one decision (the values of
** SRM_DEC_*; a NULL z is SQL NULL; aType the SQLite types) and fills *pOut
** (but its id, zAccount and zArn).  Returns NULL when it is valid, else
** the reason, from sqlite3_malloc(), as srm_decision_check() gives it;
** *pbNoMem is set when the reason could not be made for lack of memory.
*/
char *srmDecisionParse(const char *const *az, const int *an, const int *aType,
                       SrmDecision *pOut, int *pbNoMem);
int srmDecisionIsDate(const char *z, size_t n);

/* The SQL of srm's triggers (as SQLite stores it) and the columns it reads. */
extern const char *const srmOverlayTrigger[3][2];   /* {name, "CREATE TRIGGER ..."} */
extern const char *const srmDecisionColumn[];       /* NULL-terminated */

/* func.c: the control argument of a function, as responsibility() reads
** it (its index in srmControl[], or -1 with the result set). */
int srmControlArg(sqlite3_context *ctx, sqlite3_value *pVal);

/* overlay.c: the per-connection cache. */
typedef struct SrmOverlay SrmOverlay;
SrmOverlay *srmOverlayNew(sqlite3 *db);
void srmOverlayRef(SrmOverlay *p);
void srmOverlayUnref(void *p);
/* Make the cache match what srm_decisions holds now.  SQLITE_OK, or an
** error code with *pzErr (from sqlite3_malloc) set, but for SQLITE_NOMEM. */
int srmOverlayRefresh(SrmOverlay *p, char **pzErr);

/* One question to the cache: a target and the resource it is about. */
typedef struct SrmAsk SrmAsk;
struct SrmAsk {
  const char *zX;               /* x as given (an ARN for resource decisions) */
  size_t nX;
  int bArn;                     /* x is an ARN (resource decisions may apply) */
  const char *zAccount;         /* the resource's account, or NULL */
  size_t nAccount;
  SrmTarget t;                  /* service and the variant named or implied */
  int iSlot;
};
/* The effective owner of control iControl (SRM_OWNER_*, THIRD_PARTY among
** them) and, in *piDecision, the index of the decision that gave it (-1
** when none did); srmOverlayDecisionId() turns that into its id. */
int srmOverlayAnswer(const SrmOverlay *p, const SrmAsk *q, int iControl, int *piDecision);
sqlite3_int64 srmOverlayDecisionId(const SrmOverlay *p, int iDecision);

/* effective.c: refresh the cache once per statement and read x, variant
** and account (pVariant, pAccount may be null pointers) as
** effective_responsibility() does.  1 with *pQ filled, or 0 with the
** result set (NULL or an error). */
/* framework.c: effective_origination(), registered by effective.c */
void srmEffectiveOriginationFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv);

int srmAskArgs(sqlite3_context *ctx, SrmOverlay *p, sqlite3_value *pX, sqlite3_value *pVariant,
               sqlite3_value *pAccount, SrmAsk *pQ);

#if (defined(__GNUC__) || defined(__clang__)) && !defined(_WIN32)
# pragma GCC visibility pop
#endif

#endif /* SRM_OVERLAY_H */
