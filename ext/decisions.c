/*
** decisions.c: the table srm_decisions, where an organization keeps its own
** responsibility decisions on top of AWS's model.
**
**   SELECT srm_overlay_init();          -- or srm_overlay_init('aux')
**   INSERT INTO srm_decisions(service, control, owner, party, reason, approved_by)
**     VALUES ('Amazon EC2', 'patch_management', 'third_party', 'Acme MSP',
**             'MSP contract 2026-114', 'CISO');
**
** srm_overlay_init([schema]) creates, in the schema named (main when
** omitted) and unless they exist:
**
**   srm_decisions(id, service, variant, control, owner, party,
**                 internal_owner, reason, approved_by, decided_on,
**                 expires_on, account, resource_arn)
**   srm_decisions_version(n)        one row (extra rows are deleted): a
**                                   number that every write to
**                                   srm_decisions changes (a random one, so
**                                   that a ROLLBACK and a later write never
**                                   bring back a value the cache has seen)
**   the triggers srm_decisions_insert, _update, _delete
**
** and replaces srm's triggers when they are not the ones this version makes
** (an upgrade), all in one savepoint: all or nothing.  It is direct-only.
**
** A CHECK constraint calls srm_decision_check(), which refuses a bad row
** with one of the messages below, and the statement writes nothing.  The
** triggers store the service as its id and the variant as its id (the one
** the service implies when none is given: a decision on
** AWS::EKS::Nodegroup is one on eks variant managed_node_group).
**
**   S is a blob, not text                    (S a column; dates: not a date)
**   S holds a NUL byte
**   unknown service 'X' (SELECT service FROM srm_services)
**   unknown control 'X' (SELECT control FROM srm_controls)
**   unknown variant 'X' of service 'S' (SELECT variant FROM srm_variants WHERE service = 'S')
**   service 'X' is variant 'V' of S, not 'W'
**   owner 'not_applicable' is a fact of the model, not a decision (aws, customer, shared, third_party)
**   unknown owner 'X' (aws, customer, shared, third_party)
**   owner 'third_party' needs the party's name in party
**   party 'X' is only for owner 'third_party'
**   decided_on 'X' is not a date (YYYY-MM-DD, a UTC day)
**   expires_on 'X' is not a date (YYYY-MM-DD, a UTC day)
**   expires_on 'E' is before decided_on 'D' (dates are UTC days; decided_on defaults to today's)
**   account 'X' is not a 12-digit AWS account id
**   resource_arn 'X' is not an ARN of service 'S'
**   resource_arn 'X' is variant 'V' of S, not 'W'
**   account 'A' is not the account of resource_arn 'X'
**
** Values in messages are quoted by srmQuote() (message.c).  Dates are UTC:
** decided_on defaults to CURRENT_DATE, which is the UTC date, and a
** decision applies up to and including its expires_on, compared with the
** UTC date.
*/
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "overlay.h"

const char *const srmDecisionColumn[] = {
  "service", "variant", "control", "owner", "party", "decided_on", "expires_on",
  "account", "resource_arn", 0
};

/*
** srm's triggers, as SQLite stores their SQL (without IF NOT EXISTS or a
** schema name).  Every write to srm_decisions sets srm_decisions_version.n
** to a new random number, in the same transaction; insert and update also
** store the service and variant ids.  The WHERE clauses stop the update
** trigger from firing itself again (even with recursive_triggers on).
*/
#define SRM_CANON \
  "  UPDATE srm_decisions SET service = srm_service(new.service),\n" \
  "         variant = srm_variant(new.service, new.variant)\n" \
  "   WHERE id = new.id AND (service IS NOT srm_service(new.service)\n" \
  "      OR variant IS NOT srm_variant(new.service, new.variant));\n"
#define SRM_BUMP "  UPDATE srm_decisions_version SET n = random();\n"
const char *const srmOverlayTrigger[3][2] = {
  { "srm_decisions_insert",
    "CREATE TRIGGER srm_decisions_insert AFTER INSERT ON srm_decisions BEGIN\n"
    SRM_CANON SRM_BUMP "END" },
  { "srm_decisions_update",
    "CREATE TRIGGER srm_decisions_update AFTER UPDATE ON srm_decisions BEGIN\n"
    SRM_CANON SRM_BUMP "END" },
  { "srm_decisions_delete",
    "CREATE TRIGGER srm_decisions_delete AFTER DELETE ON srm_decisions BEGIN\n"
    SRM_BUMP "END" },
};

/* ---- validation ---- */

/* Is z[0..n) a date YYYY-MM-DD? */
int srmDecisionIsDate(const char *z, size_t n){
  static const int aDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int i, y, m, d;
  if( n!=10 || z[4]!='-' || z[7]!='-' ) return 0;
  for(i=0; i<10; i++){
    if( i!=4 && i!=7 && (z[i]<'0' || z[i]>'9') ) return 0;
  }
  y = (z[0]-'0')*1000 + (z[1]-'0')*100 + (z[2]-'0')*10 + (z[3]-'0');
  m = (z[5]-'0')*10 + (z[6]-'0');
  d = (z[8]-'0')*10 + (z[9]-'0');
  if( m<1 || m>12 || d<1 || d>aDays[m-1] ) return 0;
  if( m==2 && d==29 && !((y%4==0 && y%100!=0) || y%400==0) ) return 0;
  return 1;
}

/* A message with one or two quoted values: zFmt holds %s for each, which
** get the quoted z1 and z2 (n1, n2 bytes; z2 NULL for none); zA and zB are
** plain strings (%s after them). */
static char *srmMsg2(const char *zFmt, const char *z1, size_t n1, const char *z2, size_t n2,
                     const char *zA, const char *zB){
  char *q1 = srmQuoted(z1, n1);
  char *q2 = z2 ? srmQuoted(z2, n2) : 0;
  char *zMsg = 0;
  if( q1 && (z2==0 || q2) ){
    zMsg = z2 ? sqlite3_mprintf(zFmt, q1, q2, zA, zB) : sqlite3_mprintf(zFmt, q1, zA, zB);
  }
  sqlite3_free(q1);
  sqlite3_free(q2);
  return zMsg;
}
#define SRM_MSG1(F, Z, N)          srmMsg2(F, Z, N, 0, 0, 0, 0)
#define SRM_MSG1S(F, Z, N, A, B)   srmMsg2(F, Z, N, 0, 0, A, B)

/* The owner code of a decision's owner, 0 when unknown. */
static int srmDecisionOwner(const char *z, size_t n){
  if( n==11 && memcmp(z, "third_party", 11)==0 ) return SRM_OWNER_THIRD_PARTY;
  return srmOwnerFind(z, n);
}

char *srmDecisionParse(const char *const *az, const int *an, const int *aType,
                       SrmDecision *pOut, int *pbNoMem){
  const char *zService = az[SRM_DEC_SERVICE], *zVariant = az[SRM_DEC_VARIANT];
  const char *zControl = az[SRM_DEC_CONTROL], *zOwner = az[SRM_DEC_OWNER];
  const char *zParty = az[SRM_DEC_PARTY], *zDecided = az[SRM_DEC_DECIDED];
  const char *zExpires = az[SRM_DEC_EXPIRES], *zAccount = az[SRM_DEC_ACCOUNT];
  const char *zArn = az[SRM_DEC_ARN];
  SrmTarget t;
  char *zMsg = 0;
  int i;
  memset(pOut, 0, sizeof(*pOut));
  *pbNoMem = 0;
  t.iService = -1;
  t.iVariant = 0;
  for(i=0; i<SRM_DEC_N; i++){
    if( az[i]==0 ) continue;
    if( aType[i]==SQLITE_BLOB ){
      zMsg = sqlite3_mprintf(i==SRM_DEC_DECIDED || i==SRM_DEC_EXPIRES
                             ? "%s is a blob, not a date (YYYY-MM-DD, a UTC day)"
                             : "%s is a blob, not text", srmDecisionColumn[i]);
      goto done;
    }
    /* Names are compared as C strings: a NUL inside one would cut it. */
    if( memchr(az[i], 0, (size_t)an[i]) ){
      zMsg = sqlite3_mprintf("%s holds a NUL byte", srmDecisionColumn[i]);
      goto done;
    }
  }
  if( zService ){
    if( !srmResolve(zService, (size_t)an[SRM_DEC_SERVICE], &t) ){
      zMsg = SRM_MSG1("unknown service '%s' (SELECT service FROM srm_services)",
                      zService, (size_t)an[SRM_DEC_SERVICE]);
      goto done;
    }
    pOut->iService = t.iService;
  }
  if( zControl ){
    pOut->iControl = srmControlFind(zControl, (size_t)an[SRM_DEC_CONTROL]);
    if( pOut->iControl<0 ){
      zMsg = SRM_MSG1("unknown control '%s' (SELECT control FROM srm_controls)",
                      zControl, (size_t)an[SRM_DEC_CONTROL]);
      goto done;
    }
  }
  if( zService ){
    const char *zSvc = SRM_STR(srmService[t.iService].zId);
    pOut->iVariant = t.iVariant;
    if( zVariant ){
      int v = srmVariantFind(t.iService, zVariant, (size_t)an[SRM_DEC_VARIANT]);
      if( v<0 ){
        zMsg = SRM_MSG1S("unknown variant '%s' of service '%s'"
                         " (SELECT variant FROM srm_variants WHERE service = '%s')",
                         zVariant, (size_t)an[SRM_DEC_VARIANT], zSvc, zSvc);
        goto done;
      }
      if( t.iVariant && t.iVariant!=v ){
        {
          char *q = srmQuoted(zService, (size_t)an[SRM_DEC_SERVICE]);
          char *w = srmQuoted(zVariant, (size_t)an[SRM_DEC_VARIANT]);
          if( q && w ){
            zMsg = sqlite3_mprintf("service '%s' is variant '%s' of %s, not '%s'", q,
                                   SRM_STR(srmVariant[t.iVariant - 1].zId), zSvc, w);
          }
          sqlite3_free(q);
          sqlite3_free(w);
        }
        goto done;
      }
      pOut->iVariant = v;
    }
  }
  if( zOwner ){
    pOut->eOwner = srmDecisionOwner(zOwner, (size_t)an[SRM_DEC_OWNER]);
    if( pOut->eOwner==SRM_OWNER_NA ){
      zMsg = sqlite3_mprintf("owner 'not_applicable' is a fact of the model, not a decision"
                             " (aws, customer, shared, third_party)");
      goto done;
    }
    if( pOut->eOwner==0 ){
      zMsg = SRM_MSG1("unknown owner '%s' (aws, customer, shared, third_party)",
                      zOwner, (size_t)an[SRM_DEC_OWNER]);
      goto done;
    }
    if( pOut->eOwner==SRM_OWNER_THIRD_PARTY && (zParty==0 || an[SRM_DEC_PARTY]==0) ){
      zMsg = sqlite3_mprintf("owner 'third_party' needs the party's name in party");
      goto done;
    }
    if( pOut->eOwner!=SRM_OWNER_THIRD_PARTY && zParty ){
      zMsg = SRM_MSG1("party '%s' is only for owner 'third_party'", zParty, (size_t)an[SRM_DEC_PARTY]);
      goto done;
    }
  }
  if( zDecided && !srmDecisionIsDate(zDecided, (size_t)an[SRM_DEC_DECIDED]) ){
    zMsg = SRM_MSG1("decided_on '%s' is not a date (YYYY-MM-DD, a UTC day)",
                    zDecided, (size_t)an[SRM_DEC_DECIDED]);
    goto done;
  }
  if( zExpires && !srmDecisionIsDate(zExpires, (size_t)an[SRM_DEC_EXPIRES]) ){
    zMsg = SRM_MSG1("expires_on '%s' is not a date (YYYY-MM-DD, a UTC day)",
                    zExpires, (size_t)an[SRM_DEC_EXPIRES]);
    goto done;
  }
  if( zExpires && zDecided && memcmp(zExpires, zDecided, 10)<0 ){
    zMsg = sqlite3_mprintf("expires_on '%.10s' is before decided_on '%.10s'"
                           " (dates are UTC days; decided_on defaults to today's)", zExpires, zDecided);
    goto done;
  }
  if( zDecided ) memcpy(pOut->zDecided, zDecided, 10);
  if( zExpires ) memcpy(pOut->zExpires, zExpires, 10);
  if( zAccount ){
    for(i=0; i<an[SRM_DEC_ACCOUNT] && zAccount[i]>='0' && zAccount[i]<='9'; i++){}
    if( i!=12 || an[SRM_DEC_ACCOUNT]!=12 ){
      zMsg = SRM_MSG1("account '%s' is not a 12-digit AWS account id", zAccount, (size_t)an[SRM_DEC_ACCOUNT]);
      goto done;
    }
  }
  if( zArn && zService ){
    SrmTarget a;
    const char *azPart[6];
    size_t anPart[6];
    size_t nArn = (size_t)an[SRM_DEC_ARN];
    const char *zSvc = SRM_STR(srmService[t.iService].zId);
    if( !srmIsArn(zArn, nArn) || !srmResolve(zArn, nArn, &a) || a.iService!=t.iService ){
      zMsg = SRM_MSG1S("resource_arn '%s' is not an ARN of service '%s'", zArn, nArn, zSvc, 0);
      goto done;
    }
    if( a.iVariant && pOut->iVariant && a.iVariant!=pOut->iVariant ){
      char *q = srmQuoted(zArn, nArn);
      if( q ){
        zMsg = sqlite3_mprintf("resource_arn '%s' is variant '%s' of %s, not '%s'", q,
                               SRM_STR(srmVariant[a.iVariant - 1].zId), zSvc,
                               SRM_STR(srmVariant[pOut->iVariant - 1].zId));
        sqlite3_free(q);
      }
      goto done;
    }
    srmArnSplit(zArn, nArn, azPart, anPart);
    if( zAccount && anPart[3]>0
     && (anPart[3]!=(size_t)an[SRM_DEC_ACCOUNT] || memcmp(azPart[3], zAccount, anPart[3])!=0) ){
      zMsg = srmMsg2("account '%s' is not the account of resource_arn '%s'",
                     zAccount, (size_t)an[SRM_DEC_ACCOUNT], zArn, nArn, 0, 0);
      goto done;
    }
  }
  pOut->iScope = zArn ? SRM_SCOPE_RESOURCE : zAccount ? SRM_SCOPE_ACCOUNT
               : pOut->iVariant ? SRM_SCOPE_VARIANT : SRM_SCOPE_SERVICE;
  return 0;

done:
  if( zMsg==0 ) *pbNoMem = 1;
  return zMsg;
}

/*
** srm_decision_check(service, variant, control, owner, party, decided_on,
**                    expires_on, account, resource_arn)
** 1 for a valid decision, else an error with the reason.  NULL service,
** control or owner are left to the table's NOT NULL constraints.
*/
static void srmDecisionCheckFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *az[SRM_DEC_N];
  int an[SRM_DEC_N], aType[SRM_DEC_N], i, bNoMem;
  SrmDecision d;
  char *zErr;
  assert( argc==SRM_DEC_N );     /* registered with that many arguments */
  (void)argc;
  for(i=0; i<SRM_DEC_N; i++){
    aType[i] = sqlite3_value_type(argv[i]);
    if( aType[i]==SQLITE_NULL ){
      az[i] = 0;
      an[i] = 0;
      continue;
    }
    az[i] = aType[i]==SQLITE_BLOB ? (const char*)sqlite3_value_blob(argv[i])
                                  : (const char*)sqlite3_value_text(argv[i]);
    an[i] = sqlite3_value_bytes(argv[i]);
    if( az[i]==0 ){
      /* An empty blob has no pointer (nor has a zeroblob whose expansion
      ** failed: SQLite fails the statement with SQLITE_NOMEM); text that
      ** could not be had is out of memory. */
      if( aType[i]==SQLITE_BLOB ){ az[i] = ""; continue; }
      sqlite3_result_error_nomem(ctx);
      return;
    }
  }
  zErr = srmDecisionParse(az, an, aType, &d, &bNoMem);
  if( zErr ){
    sqlite3_result_error(ctx, zErr, -1);
    sqlite3_free(zErr);
  }else if( bNoMem ){
    sqlite3_result_error_nomem(ctx);
  }else{
    sqlite3_result_int(ctx, 1);
  }
}

/* ---- srm_overlay_init([schema]) ---- */

/* The statements that make (or complete, or update) the overlay in schema
** zDb, as one string from sqlite3_malloc(). */
static char *srmOverlaySchemaSql(const char *zDb, int bOldView){
  sqlite3_str *p = sqlite3_str_new(0);
  int i;
  sqlite3_str_appendf(p,
    "CREATE TABLE IF NOT EXISTS \"%w\".srm_decisions(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  service TEXT NOT NULL,\n"
    "  variant TEXT,\n"
    "  control TEXT NOT NULL,\n"
    "  owner TEXT NOT NULL,\n"
    "  party TEXT,\n"
    "  internal_owner TEXT,\n"
    "  reason TEXT NOT NULL,\n"
    "  approved_by TEXT NOT NULL,\n"
    "  decided_on TEXT NOT NULL DEFAULT CURRENT_DATE,\n"
    "  expires_on TEXT,\n"
    "  account TEXT,\n"
    "  resource_arn TEXT,\n"
    "  CONSTRAINT srm_decision_valid CHECK (srm_decision_check(service, variant, control, owner,\n"
    "    party, decided_on, expires_on, account, resource_arn))\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS \"%w\".srm_decisions_version(n INTEGER NOT NULL);\n"
    "INSERT INTO \"%w\".srm_decisions_version(n)\n"
    "  SELECT random() WHERE NOT EXISTS (SELECT 1 FROM \"%w\".srm_decisions_version);\n"
    "DELETE FROM \"%w\".srm_decisions_version\n"
    "  WHERE rowid <> (SELECT min(rowid) FROM \"%w\".srm_decisions_version);\n",
    zDb, zDb, zDb, zDb, zDb, zDb);
  /* The view of srm 0.1 (srm_effective_matrix is a table of the extension
  ** now, usable under trusted_schema=OFF). */
  if( bOldView ) sqlite3_str_appendf(p, "DROP VIEW \"%w\".srm_effective_matrix;\n", zDb);
  for(i=0; i<3; i++){
    /* Replaced, so that an overlay of an older srm gets this one's. */
    sqlite3_str_appendf(p, "DROP TRIGGER IF EXISTS \"%w\".%s;\n", zDb, srmOverlayTrigger[i][0]);
    sqlite3_str_appendf(p, "CREATE TRIGGER \"%w\".%s;\n", zDb,
                        srmOverlayTrigger[i][1] + strlen("CREATE TRIGGER "));
  }
  /* A new number: whatever was cached about this overlay is stale. */
  sqlite3_str_appendf(p, "UPDATE \"%w\".srm_decisions_version SET n = random();\n", zDb);
  return sqlite3_str_finish(p);
}

static void srmOverlayInitFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  const char *zDb = "main";
  char *zErr = 0, *zSql;
  int rc, bOldView;
  if( argc>0 && sqlite3_value_type(argv[0])!=SQLITE_NULL ){
    zDb = (const char*)sqlite3_value_text(argv[0]);
    if( zDb==0 ){ sqlite3_result_error_nomem(ctx); return; }
  }
  {
    /* Is the view srm 0.1 made there? */
    char *zQ = sqlite3_mprintf("SELECT 1 FROM \"%w\".sqlite_master"
                               " WHERE type = 'view' AND name = 'srm_effective_matrix'", zDb);
    sqlite3_stmt *pStmt = 0;
    if( zQ==0 ){ sqlite3_result_error_nomem(ctx); return; }
    rc = sqlite3_prepare_v2(db, zQ, -1, &pStmt, 0);
    sqlite3_free(zQ);
    if( rc==SQLITE_OK ) rc = sqlite3_step(pStmt);
    bOldView = rc==SQLITE_ROW;
    sqlite3_finalize(pStmt);
    if( rc==SQLITE_NOMEM ){ sqlite3_result_error_nomem(ctx); return; }
  }
  zSql = srmOverlaySchemaSql(zDb, bOldView);
  if( zSql==0 ){ sqlite3_result_error_nomem(ctx); return; }
  /* All or nothing: in a savepoint, undone when a statement fails. */
  rc = sqlite3_exec(db, "SAVEPOINT srm_overlay_init", 0, 0, &zErr);
  if( rc==SQLITE_OK ){
    rc = sqlite3_exec(db, zSql, 0, 0, &zErr);
    if( rc!=SQLITE_OK ) sqlite3_exec(db, "ROLLBACK TO srm_overlay_init", 0, 0, 0);
    sqlite3_exec(db, "RELEASE srm_overlay_init", 0, 0, 0);
  }
  sqlite3_free(zSql);
  if( rc!=SQLITE_OK ){
    if( rc==SQLITE_NOMEM ){
      sqlite3_result_error_nomem(ctx);
    }else{
      /* sqlite3_exec() sets a message for every error but SQLITE_NOMEM */
      char *zMsg = sqlite3_mprintf("srm_overlay_init: %s", ALWAYS(zErr) ? zErr : sqlite3_errstr(rc));
      if( zMsg ) sqlite3_result_error(ctx, zMsg, -1); else sqlite3_result_error_nomem(ctx);
      sqlite3_free(zMsg);
    }
    sqlite3_free(zErr);
    return;
  }
  sqlite3_result_text(ctx, "srm_decisions", -1, SQLITE_STATIC);
}

int srmRegisterDecisions(sqlite3 *db){
  int rc = sqlite3_create_function(db, "srm_decision_check", 9,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   0, srmDecisionCheckFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "srm_overlay_init", 0,
                                                   SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                                   0, srmOverlayInitFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "srm_overlay_init", 1,
                                                   SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                                   0, srmOverlayInitFunc, 0, 0);
  return rc;
}
