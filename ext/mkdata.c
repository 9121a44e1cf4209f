/*
** mkdata.c: compile the checked model into C.
**
**     mkdata build/model.db CHECKSUM > build/srm_data.c
**
** build/model.db is what ext/model.sql made of data/ CSV files.  mkdata prints
** every row of its "problems" view as "file:line: message" and exits 1 when
** there is any.  Otherwise it emits what model.sql's views say: the base
** cells of the matrix come resolved from the view "cells", the composite
** cells are derived from their parts (view "composite_parts") by
** srmCompose(), the slot layout is srm.h's srmSlotCount() / srmSlotOf();
** it builds the open-addressing table that resolves identifiers, and writes
** the const arrays declared in ext/srm.h, sorted and deterministic.  It
** fails when a count outgrows the field srm.h keeps it in.  CHECKSUM is the
** Makefile's digest of data/ CSV files, reported by srm_debug().
**
** Like SQLite's tool/mkkeywordhash.c it runs at build time only; its output
** holds data and no logic.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "srm.h"

typedef struct Key Key;
struct Key {
  char *z;                      /* lower case key */
  int iService, iVariant, eKind;
  char *zWhere;                 /* "data/x.csv:N" for messages */
};

static sqlite3 *db;
static int nError = 0;

static void die(const char *zMsg){
  fprintf(stderr, "mkdata: %s\n", zMsg);
  exit(1);
}

static sqlite3_stmt *prep(const char *zSql){
  sqlite3_stmt *p = 0;
  if( sqlite3_prepare_v2(db, zSql, -1, &p, 0)!=SQLITE_OK ){
    fprintf(stderr, "mkdata: %s\n  in: %s\n", sqlite3_errmsg(db), zSql);
    exit(1);
  }
  return p;
}

static char *dup(const unsigned char *z){
  const char *zIn = z ? (const char*)z : "";
  size_t n = strlen(zIn) + 1;
  char *p = malloc(n);
  if( p==0 ) die("out of memory");
  memcpy(p, zIn, n);
  return p;
}

static void *grow(void *p, size_t n){
  p = realloc(p, n);
  if( p==0 && n ) die("out of memory");
  return p;
}

static int count(const char *zSql){
  sqlite3_stmt *p = prep(zSql);
  int n = sqlite3_step(p)==SQLITE_ROW ? sqlite3_column_int(p, 0) : 0;
  sqlite3_finalize(p);
  return n;
}

/* Write z as a C string literal. */
static void lit(const char *z){
  putchar('"');
  for(; *z; z++){
    unsigned char c = (unsigned char)*z;
    if( c=='"' || c=='\\' || c=='?' ) printf("\\%c", c);     /* ? : no trigraphs */
    else if( c<0x20 || c>=0x7f ) printf("\\%03o", c);
    else putchar(c);
  }
  putchar('"');
}

/* ---- the string pool: each distinct string once, NUL-terminated ---- */
static char *zPool = 0;
static unsigned int nPool = 0, nPoolAlloc = 0;
static unsigned int *aPoolSlot = 0;       /* open addressing: 1 + offset, 0 empty */
static unsigned int nPoolSlot = 0;

static unsigned int poolAdd(const char *z){
  size_t n = strlen(z);
  unsigned int h, k, off;
  if( nPoolSlot==0 ){
    nPoolSlot = 1<<17;
    aPoolSlot = grow(0, sizeof(unsigned int)*nPoolSlot);
    memset(aPoolSlot, 0, sizeof(unsigned int)*nPoolSlot);
    zPool = grow(0, 1);
    zPool[0] = 0;               /* offset 0 is "" */
    nPool = nPoolAlloc = 1;
  }
  if( n==0 ) return 0;
  h = srmHashEnd(srmHashMore(SRM_HASH_SEED, z, n, z + n));
  for(k=h & (nPoolSlot-1); aPoolSlot[k]; k=(k+1) & (nPoolSlot-1)){
    if( strcmp(zPool + aPoolSlot[k] - 1, z)==0 ) return aPoolSlot[k] - 1;
  }
  if( nPool + n + 1 > nPoolAlloc ){
    nPoolAlloc = 2*(nPool + (unsigned int)n + 1);
    zPool = grow(zPool, nPoolAlloc);
  }
  off = nPool;
  memcpy(zPool + nPool, z, n + 1);
  nPool += (unsigned int)n + 1;
  aPoolSlot[k] = off + 1;
  return off;
}
static unsigned int poolCol(sqlite3_stmt *p, int i){
  const unsigned char *z = sqlite3_column_text(p, i);
  return poolAdd(z ? (const char*)z : "");
}

/* ---- services and variants, looked up by id while building ---- */
static int nService, nVariant, nControl, nCategory;
static char **azService;        /* sorted */
static int *aSvcVariant, *aSvcNVariant, *aSvcDefault, *aSvcSlot, *aSvcCategory;
static char **azVariant;        /* sorted by service, variant */
static int *aVarService;
static char **azControl;        /* by position */
static char **azCategory;

static int findService(const char *z){
  int lo = 0, hi = nService-1;
  while( lo<=hi ){
    int mid = (lo+hi)/2, c = strcmp(azService[mid], z);
    if( c==0 ) return mid;
    if( c<0 ) lo = mid+1; else hi = mid-1;
  }
  return -1;
}
static int findVariant(int iSvc, const char *z){   /* 0 for "", else 1+index */
  int i;
  if( z[0]==0 ) return 0;
  for(i=0; i<aSvcNVariant[iSvc]; i++){
    if( strcmp(azVariant[aSvcVariant[iSvc]+i], z)==0 ) return aSvcVariant[iSvc]+i+1;
  }
  return -1;                    /* model.sql has checked this already */
}
static int findIn(char **az, int n, const char *z){
  int i;
  for(i=0; i<n; i++) if( strcmp(az[i], z)==0 ) return i;
  return -1;
}
static int ownerCode(const char *z){
  int e;
  for(e=SRM_OWNER_AWS; e<SRM_OWNER_THIRD_PARTY; e++){
    if( strcmp(z, srmOwnerName(e))==0 ) return e;
  }
  die("unknown owner in the model");    /* model.sql's CHECKs refuse it */
  return 0;
}

/* Fail when n does not fit a field of nMax values (srm.h's narrow fields:
** an unsigned short, a bit field). */
static void fits(const char *zWhat, long n, long nMax){
  if( n>=nMax ){
    fprintf(stderr, "mkdata: %ld %s do not fit the %ld that ext/srm.h allows\n", n, zWhat, nMax);
    exit(1);
  }
}

/* ---- keys ---- */
static Key *aKey = 0;
static int nKey = 0;

/* The key's hash as ext/resolve.c computes it for an input: ARN keys
** "namespace:type" in two parts (after the first ':'), all others whole. */
static unsigned int keyHash(const Key *p){
  const char *z = p->z, *zEnd = z + strlen(z), *zColon = strchr(z, ':');
  if( p->eKind==SRM_KEY_ARN && zColon && zColon[1] ){
    uint64_t h = srmHashMore(SRM_HASH_SEED, z, (size_t)(zColon + 1 - z), zColon + 1);
    return srmHashEnd(srmHashMore(h, zColon + 1, (size_t)(zEnd - zColon - 1), zEnd));
  }
  return srmHashEnd(srmHashMore(SRM_HASH_SEED, z, (size_t)(zEnd - z), zEnd));
}

static void addKey(const char *zKey, int iService, int iVariant, int eKind, const char *zWhere){
  int i;
  char *z = dup((const unsigned char*)zKey);
  for(i=0; z[i]; i++) z[i] = (char)srmLower((unsigned char)z[i]);
  for(i=0; i<nKey; i++){
    if( strcmp(aKey[i].z, z)==0 ){
      if( aKey[i].iService==iService && aKey[i].iVariant==iVariant ){
        free(z);                /* the same name in two lists, same answer */
        return;
      }
      fprintf(stderr, "%s: '%s' resolves to service '%s' here but to '%s' at %s\n",
              zWhere, zKey, azService[iService], azService[aKey[i].iService], aKey[i].zWhere);
      nError++;
      free(z);
      return;
    }
  }
  aKey = grow(aKey, sizeof(Key)*(nKey+1));
  aKey[nKey].z = z;
  aKey[nKey].iService = iService;
  aKey[nKey].iVariant = iVariant;
  aKey[nKey].eKind = eKind;
  aKey[nKey].zWhere = dup((const unsigned char*)zWhere);
  nKey++;
}

/* Add the keys of one table: SELECT key, service, variant, 'file:line'. */
static void addKeys(const char *zSql, int eKind){
  sqlite3_stmt *p = prep(zSql);
  while( sqlite3_step(p)==SQLITE_ROW ){
    int iSvc = findService((const char*)sqlite3_column_text(p, 1));
    int iVar = findVariant(iSvc, (const char*)sqlite3_column_text(p, 2));
    addKey((const char*)sqlite3_column_text(p, 0), iSvc, iVar, eKind,
           (const char*)sqlite3_column_text(p, 3));
  }
  sqlite3_finalize(p);
}

/* An array of {string, string, service, variant} rows from zSql, whose
** columns are those four; zDecl is "Type name". */
static void emitPairs(const char *zDecl, const char *zSql){
  sqlite3_stmt *p = prep(zSql);
  int i;
  printf("const %s[] = {\n", zDecl);
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    int s = findService((const char*)sqlite3_column_text(p, 2));
    printf("  {%u, %u, %d, %d},\n", poolCol(p, 0), poolCol(p, 1), s,
           findVariant(s, (const char*)sqlite3_column_text(p, 3)));
  }
  if( i==0 ) printf("  {0, 0, 0, 0}\n");
  sqlite3_finalize(p);
  printf("};\n\n");
}

int main(int argc, char **argv){
  sqlite3_stmt *p;
  int i, j, nSlot, nText, nDefault, nException, nKeySlot;
  SrmCell *aCell;
  Key **apSlot;
  int counts[SRM_COUNT_N];

  if( argc!=3 ) die("usage: mkdata MODEL.db CHECKSUM");
  if( sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, 0)!=SQLITE_OK ){
    die(sqlite3_errmsg(db));
  }

  /* 1. Refuse a model with problems. */
  p = prep("SELECT message FROM problems");
  while( sqlite3_step(p)==SQLITE_ROW ){
    fprintf(stderr, "%s\n", sqlite3_column_text(p, 0));
    nError++;
  }
  sqlite3_finalize(p);
  if( nError ) return 1;

  printf("/* DO NOT EDIT: generated by ext/mkdata.c from data/ CSV files. */\n");
  printf("#include \"srm.h\"\n\n");

  /* 2. Categories, in file order. */
  nCategory = count("SELECT count(*) FROM categories");
  azCategory = grow(0, sizeof(char*)*nCategory);
  printf("const SrmCategory srmCategory[] = {\n");
  p = prep("SELECT category, title, description, source FROM categories ORDER BY rowid");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    azCategory[i] = dup(sqlite3_column_text(p, 0));
    printf("  {");
    for(j=0; j<4; j++){ if( j ) printf(", "); printf("%u", poolCol(p, j)); }
    printf("},\n");
  }
  sqlite3_finalize(p);
  printf("};\n\n");

  /* 3. Controls, by position, with composite parts (view composite_parts)
  ** as indices. */
  nControl = count("SELECT count(*) FROM controls");
  fits("controls", nControl, 1<<15);          /* SrmHit.iControl in overlay.c */
  azControl = grow(0, sizeof(char*)*nControl);
  p = prep("SELECT control FROM controls ORDER BY position");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++) azControl[i] = dup(sqlite3_column_text(p, 0));
  sqlite3_finalize(p);
  fits("controls", nControl, SRM_CONTROL_SLOTS/2);   /* the hash is at most half full */
  assert( SRM_CONTROL_SLOTS==128 );                 /* srmControlHash() keeps 7 bits */
  {
    unsigned char aSlot[SRM_CONTROL_SLOTS];
    memset(aSlot, 0, sizeof(aSlot));
    for(i=0; i<nControl; i++){
      size_t n = strlen(azControl[i]);
      unsigned int k = srmControlHash(azControl[i], n);
      while( aSlot[k] ) k = (k+1) & (SRM_CONTROL_SLOTS-1);
      aSlot[k] = (unsigned char)(i + 1);
    }
    printf("const unsigned char srmControlSlot[SRM_CONTROL_SLOTS] = {");
    for(i=0; i<SRM_CONTROL_SLOTS; i++) printf("%s%d", i%16 ? ", " : (i ? ",\n  " : "\n  "), aSlot[i]);
    printf("\n};\n\n");
  }
  printf("const SrmControl srmControl[] = {\n");
  p = prep("SELECT c.control, c.layer, c.scope, c.title, c.description, c.parts, c.position,"
           " (SELECT group_concat(pos, ',') FROM (SELECT x.position - 1 AS pos"
           "    FROM composite_parts q JOIN controls x ON x.control = q.part"
           "   WHERE q.control = c.control ORDER BY q.k)),"
           " (SELECT count(*) FROM composite_parts q WHERE q.control = c.control)"
           " FROM controls c ORDER BY c.position");
  while( sqlite3_step(p)==SQLITE_ROW ){
    const char *zParts = (const char*)sqlite3_column_text(p, 7);
    int nPart = sqlite3_column_int(p, 8);
    fits("parts in a composite", nPart, SRM_MAX_PARTS + 1);
    printf("  {");
    for(j=0; j<6; j++){ if( j ) printf(", "); printf("%u", poolCol(p, j)); }
    fits("bytes in a control id", sqlite3_column_bytes(p, 0), 256);   /* SrmControl.nId */
    printf(", %d, %d, /* parts */ %d, {", sqlite3_column_bytes(p, 0), sqlite3_column_int(p, 6), nPart);
    if( zParts ) printf("%s", zParts);    /* indices: 6,8,... */
    printf("}},\n");
  }
  sqlite3_finalize(p);
  printf("};\n\n");

  /* 4. Services (sorted by id) and variants (by service, id). */
  nService = count("SELECT count(*) FROM services");
  nVariant = count("SELECT count(*) FROM variants");
  fits("services", nService, 1<<16);          /* SrmKey.iService, srmSlotService[] */
  fits("variants", nVariant + 1, 1<<16);      /* SrmKey.iVariant */
  azService = grow(0, sizeof(char*)*nService);
  aSvcVariant = grow(0, sizeof(int)*nService);
  aSvcNVariant = grow(0, sizeof(int)*nService);
  aSvcDefault = grow(0, sizeof(int)*nService);
  aSvcSlot = grow(0, sizeof(int)*nService);
  aSvcCategory = grow(0, sizeof(int)*nService);
  azVariant = grow(0, sizeof(char*)*(nVariant+1));
  aVarService = grow(0, sizeof(int)*(nVariant+1));
  p = prep("SELECT service, category FROM services ORDER BY service");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    azService[i] = dup(sqlite3_column_text(p, 0));
    aSvcCategory[i] = findIn(azCategory, nCategory, (const char*)sqlite3_column_text(p, 1));
    aSvcNVariant[i] = 0;
    aSvcVariant[i] = 0;
    aSvcDefault[i] = 0;
  }
  sqlite3_finalize(p);
  p = prep("SELECT service, variant, is_default, k FROM variant_order ORDER BY service, variant");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    int s = findService((const char*)sqlite3_column_text(p, 0));
    azVariant[i] = dup(sqlite3_column_text(p, 1));
    aVarService[i] = s;
    if( aSvcNVariant[s]==0 ) aSvcVariant[s] = i;
    if( sqlite3_column_int(p, 2) ) aSvcDefault[s] = sqlite3_column_int(p, 3);
    aSvcNVariant[s]++;
  }
  sqlite3_finalize(p);
  for(i=nSlot=0; i<nService; i++){
    aSvcSlot[i] = nSlot;
    nSlot += srmSlotCount(aSvcNVariant[i]);
  }
  if( nSlot!=count("SELECT count(*) FROM slots") ) die("the slots view and srmSlotCount() disagree");

  printf("const SrmService srmService[] = {\n");
  p = prep("SELECT service, name, abbreviation, category_basis, category_source, category_note,"
           " reviewed_on, reviewed_pages FROM services ORDER BY service");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    printf("  {");
    for(j=0; j<8; j++){ if( j ) printf(", "); printf("%u", poolCol(p, j)); }
    printf(", %d, %d, %d, %d, %d},\n", aSvcCategory[i], aSvcSlot[i],
           aSvcVariant[i], aSvcNVariant[i], aSvcDefault[i]);
  }
  sqlite3_finalize(p);
  printf("};\n\n");

  printf("const SrmVariant srmVariant[] = {\n");
  p = prep("SELECT service, variant, kind, title, note, source, is_default FROM variants"
           " ORDER BY service, variant");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    printf("  {%d", aVarService[i]);
    for(j=1; j<6; j++){ printf(", "); printf("%u", poolCol(p, j)); }
    printf(", %d},\n", sqlite3_column_int(p, 6));
  }
  if( i==0 ) printf("  {0, 0, 0, 0, 0, 0, 0}\n");
  sqlite3_finalize(p);
  printf("};\n\n");
  /* The same checks by the name a finding gives them (srmCheckFind()). */
  printf("const SrmCheckKey srmCheckKey[] = {\n");
  p = prep("WITH c AS (SELECT *, row_number() OVER (ORDER BY control COLLATE BINARY,"
           "   scanner COLLATE BINARY, check_id COLLATE BINARY) - 1 AS i FROM checks)"
           " SELECT scanner, lower(replace(CASE scanner WHEN 'config' THEN title ELSE check_id END,"
           "   '_', '-')) AS k, i FROM c ORDER BY scanner COLLATE BINARY, k COLLATE BINARY");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    printf("  {%u, %u, %d},\n", poolCol(p, 0), poolCol(p, 1), sqlite3_column_int(p, 2));
  }
  if( i==0 ) printf("  {0, 0, 0}\n");
  sqlite3_finalize(p);
  printf("};\n\n");

  /* 5. Texts (view texts): the category defaults, then the exceptions. */
  nDefault = count("SELECT count(*) FROM defaults");
  nException = count("SELECT count(*) FROM exceptions");
  nText = nDefault + nException;
  fits("texts", nText, 1<<16);                /* SrmCell.iText */
  printf("const SrmText srmText[] = {\n");
  p = prep("SELECT aws_duty, customer_duty, source, read_on FROM texts ORDER BY t");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    printf("  {");
    for(j=0; j<4; j++){ if( j ) printf(", "); printf("%u", poolCol(p, j)); }
    printf("},\n");
  }
  sqlite3_finalize(p);
  if( i!=nText ) die("the texts view has the wrong number of rows");
  printf("};\n\n");

  printf("const SrmDefault srmDefault[] = {\n");
  p = prep("SELECT d.category, d.control, d.owner, x.t"
           " FROM defaults d JOIN categories k USING (category) JOIN controls c USING (control)"
           " JOIN texts x ON x.category = d.category AND x.control = d.control"
           " ORDER BY k.rowid, c.position");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    printf("  {%d, %d, %d, %d},\n",
           findIn(azCategory, nCategory, (const char*)sqlite3_column_text(p, 0)),
           findIn(azControl, nControl, (const char*)sqlite3_column_text(p, 1)),
           ownerCode((const char*)sqlite3_column_text(p, 2)), sqlite3_column_int(p, 3));
  }
  sqlite3_finalize(p);
  printf("};\n\n");

  /* 6. The matrix: base cells as the view "cells" resolves them, then the
  ** composites from their parts by srmCompose(). */
  aCell = grow(0, sizeof(SrmCell)*nSlot*nControl);
  memset(aCell, 0, sizeof(SrmCell)*nSlot*nControl);
  p = prep("SELECT slot, position - 1, owner, basis, t FROM cells ORDER BY slot, position");
  while( sqlite3_step(p)==SQLITE_ROW ){
    SrmCell *pCell = &aCell[sqlite3_column_int(p, 0)*nControl + sqlite3_column_int(p, 1)];
    const char *zBasis = (const char*)sqlite3_column_text(p, 3);
    pCell->eOwner = (unsigned char)ownerCode((const char*)sqlite3_column_text(p, 2));
    pCell->eBasis = (unsigned char)(strcmp(zBasis, "variant")==0 ? SRM_BASIS_VARIANT
                                    : strcmp(zBasis, "service")==0 ? SRM_BASIS_SERVICE
                                    : SRM_BASIS_CATEGORY);
    pCell->iText = (unsigned short)sqlite3_column_int(p, 4);
  }
  sqlite3_finalize(p);
  p = prep("SELECT c.position - 1, x.position - 1 FROM composite_parts q"
           " JOIN controls c ON c.control = q.control JOIN controls x ON x.control = q.part"
           " ORDER BY c.position, q.k");
  {
    int *aPart = grow(0, sizeof(int)*nControl*SRM_MAX_PARTS);   /* [c*SRM_MAX_PARTS + k] */
    int *anPart = grow(0, sizeof(int)*nControl), s;
    memset(anPart, 0, sizeof(int)*nControl);
    while( sqlite3_step(p)==SQLITE_ROW ){
      int c = sqlite3_column_int(p, 0);
      aPart[c*SRM_MAX_PARTS + anPart[c]++] = sqlite3_column_int(p, 1);
    }
    for(s=0; s<nSlot; s++){
      for(j=0; j<nControl; j++){
        unsigned char aOwner[SRM_MAX_PARTS];
        int k;
        if( anPart[j]==0 ) continue;
        for(k=0; k<anPart[j]; k++) aOwner[k] = aCell[s*nControl + aPart[j*SRM_MAX_PARTS + k]].eOwner;
        aCell[s*nControl + j].eOwner = (unsigned char)srmCompose(aOwner, anPart[j]);
        aCell[s*nControl + j].eBasis = SRM_BASIS_DERIVED;
        aCell[s*nControl + j].iText = 0;
      }
    }
    free(aPart);
    free(anPart);
  }
  sqlite3_finalize(p);
  printf("const SrmCell srmCell[] = {\n");
  for(i=0; i<nSlot*nControl; i++){
    if( aCell[i].eOwner==0 ) die("a matrix cell has no owner");
    printf("  {%d, %d, %d},%s", aCell[i].eOwner, aCell[i].eBasis, aCell[i].iText,
           (i+1)%nControl==0 ? "\n" : "");
  }
  printf("};\n\n");

  /* 7. The tables that srm_* shows, sorted by their keys (BINARY). */
  printf("const SrmAlias srmAlias[] = {\n");
  p = prep("SELECT alias, kind, service FROM aliases ORDER BY alias COLLATE BINARY");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    printf("  {%u, %u, %d},\n", poolCol(p, 0), poolCol(p, 1),
           findService((const char*)sqlite3_column_text(p, 2)));
  }
  if( i==0 ) printf("  {0, 0, 0}\n");
  sqlite3_finalize(p);
  printf("};\n\n");

  printf("const SrmResourceType srmResourceType[] = {\n");
  p = prep("SELECT resource_type, service, variant FROM resource_types"
           " ORDER BY resource_type COLLATE BINARY");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    int s = findService((const char*)sqlite3_column_text(p, 1));
    printf("  {%u, %d, %d},\n", poolCol(p, 0), s, findVariant(s, (const char*)sqlite3_column_text(p, 2)));
  }
  if( i==0 ) printf("  {0, 0, 0}\n");
  sqlite3_finalize(p);
  printf("};\n\n");

  emitPairs("SrmArnType srmArnType",
            "SELECT namespace, resource_type, service, variant FROM arn_types"
            " ORDER BY namespace COLLATE BINARY, resource_type COLLATE BINARY");
  emitPairs("SrmTableName srmTableName",
            "SELECT table_name, dialect, service, variant FROM tables"
            " ORDER BY table_name COLLATE BINARY, dialect COLLATE BINARY");

  printf("const SrmExclusion srmExclusion[] = {\n");
  p = prep("SELECT dialect, name, reason FROM exclusions"
           " ORDER BY dialect COLLATE BINARY, name COLLATE BINARY");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    printf("  {%u, %u, %u},\n", poolCol(p, 0), poolCol(p, 1), poolCol(p, 2));
  }
  if( i==0 ) printf("  {0, 0, 0}\n");
  sqlite3_finalize(p);
  printf("};\n\n");

  printf("const SrmCheck srmCheck[] = {\n");
  p = prep("SELECT scanner, check_id, title, service, resource_type, control, rationale FROM checks"
           " ORDER BY control COLLATE BINARY, scanner COLLATE BINARY, check_id COLLATE BINARY");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    printf("  {");
    for(j=0; j<7; j++) printf("%s%u", j ? ", " : "", poolCol(p, j));
    printf("},\n");
  }
  if( i==0 ) printf("  {0, 0, 0, 0, 0, 0, 0}\n");
  sqlite3_finalize(p);
  printf("};\n\n");

  /* 7b. Frameworks, requirements (view requirements, in its order), their
  ** ids sorted, the mapping and the CRM rows. */
  printf("const SrmFramework srmFramework[] = {\n");
  p = prep("SELECT f.framework, f.title, f.version, f.publisher, f.source, f.licence,"
           " (SELECT min(k) FROM requirements r WHERE r.framework = f.framework),"
           " (SELECT count(*) FROM requirements r WHERE r.framework = f.framework)"
           " FROM frameworks f ORDER BY f.rowid");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    printf("  {");
    for(j=0; j<6; j++) printf("%s%u", j ? ", " : "", poolCol(p, j));
    printf(", %d, %d},\n", sqlite3_column_int(p, 6), sqlite3_column_int(p, 7));
  }
  sqlite3_finalize(p);
  printf("};\n\n");
  if( count("SELECT count(*) FROM requirements r JOIN frameworks f USING (framework)"
            " WHERE r.k <> (SELECT count(*) FROM requirements x JOIN frameworks g USING (framework)"
            "   WHERE g.rowid < f.rowid OR (g.rowid = f.rowid AND x.k < r.k))") ){
    die("the requirements view is not in the order of frameworks.csv");
  }
  fits("requirements", count("SELECT count(*) FROM requirements"), 1<<16);
  fits("mapping rows", count("SELECT count(*) FROM requirement_controls"), 1<<16);
  printf("const SrmRequirement srmRequirement[] = {\n");
  p = prep("WITH m AS (SELECT framework, requirement, count(*) n,"
           "   min(rowid) first FROM requirement_controls GROUP BY framework, requirement),"
           " o AS (SELECT rowid r, row_number() OVER (ORDER BY (SELECT rowid FROM frameworks f"
           "   WHERE f.framework = c.framework), (SELECT k FROM requirements q"
           "   WHERE q.framework = c.framework AND q.requirement = c.requirement), rowid) - 1 i"
           "   FROM requirement_controls c)"
           " SELECT r.oscal_id, r.label, r.family, r.family_title, r.title, r.incorporated_into,"
           " r.related, (SELECT f.rowid - 1 FROM frameworks f WHERE f.framework = r.framework),"
           " r.withdrawn + 2*(r.low IS 1) + 4*(r.moderate IS 1) + 8*(r.high IS 1)"
           "  + 16*(r.privacy IS 1) + 32*(r.fedramp_low IS 1) + 64*(r.fedramp_moderate IS 1)"
           "  + 128*(r.fedramp_high IS 1) + 256*(r.fedramp_li_saas IS 1) + 512*(r.low IS NOT NULL),"
           " coalesce((SELECT i FROM o WHERE o.r = m.first), 0), coalesce(m.n, 0)"
           " FROM requirements r LEFT JOIN m USING (framework, requirement) ORDER BY r.k");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    printf("  {");
    for(j=0; j<7; j++) printf("%s%u", j ? ", " : "", poolCol(p, j));
    printf(", %d, %d, %d, %d},\n", sqlite3_column_int(p, 7), sqlite3_column_int(p, 8),
           sqlite3_column_int(p, 9), sqlite3_column_int(p, 10));
  }
  sqlite3_finalize(p);
  printf("};\n\n");
  printf("const unsigned short srmRequirementById[] = {");
  p = prep("SELECT r.k FROM requirements r JOIN frameworks f USING (framework)"
           " ORDER BY f.rowid, r.oscal_id COLLATE BINARY");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    printf("%s%d", i%16 ? ", " : (i ? ",\n  " : "\n  "), sqlite3_column_int(p, 0));
  }
  sqlite3_finalize(p);
  printf("\n};\n\n");
  printf("const SrmReqControl srmReqControl[] = {\n");
  p = prep("SELECT c.rationale, c.source, r.k, coalesce(x.position - 1, -1),"
           " CASE c.relation WHEN 'whole' THEN 1 WHEN 'part' THEN 2 ELSE 3 END"
           " FROM requirement_controls c JOIN frameworks f USING (framework)"
           " JOIN requirements r USING (framework, requirement)"
           " LEFT JOIN controls x ON x.control = c.control"
           " ORDER BY f.rowid, r.k, c.rowid");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    printf("  {%u, %u, %d, %d, %d},\n", poolCol(p, 0), poolCol(p, 1), sqlite3_column_int(p, 2),
           sqlite3_column_int(p, 3), sqlite3_column_int(p, 4));
  }
  if( i==0 ) printf("  {0, 0, 0, 0, 0}\n");
  sqlite3_finalize(p);
  printf("};\n\n");
  printf("const SrmCrmRow srmCrmRow[] = {\n");
  p = prep("SELECT c.baseline, c.row, r.k, c.sheet_row FROM crm_rows c"
           " JOIN requirements r ON r.framework = 'nist_800_53_r5' AND r.requirement = c.requirement"
           " ORDER BY c.line");
  for(i=0; sqlite3_step(p)==SQLITE_ROW; i++){
    printf("  {%u, %u, %d, %d},\n", poolCol(p, 0), poolCol(p, 1), sqlite3_column_int(p, 2),
           sqlite3_column_int(p, 3));
  }
  if( i==0 ) printf("  {0, 0, 0, 0}\n");
  sqlite3_finalize(p);
  printf("};\n\n");

  /* 8. The identifier table: ids, aliases, types, "namespace:type", tables. */
  for(i=0; i<nService; i++) addKey(azService[i], i, 0, SRM_KEY_ID, "data/services.csv");
  addKeys("SELECT alias, service, '', 'data/aliases.csv:' || (rowid+1) FROM aliases ORDER BY rowid",
          SRM_KEY_NAME);
  addKeys("SELECT resource_type, service, variant, 'data/resource_types.csv:' || (rowid+1)"
          " FROM resource_types ORDER BY rowid", SRM_KEY_NAME);
  addKeys("SELECT namespace || ':' || resource_type, service, variant,"
          " 'data/arn_types.csv:' || (rowid+1) FROM arn_types ORDER BY rowid", SRM_KEY_ARN);
  addKeys("SELECT table_name, service, variant, 'data/tables.csv:' || (rowid+1)"
          " FROM tables ORDER BY rowid", SRM_KEY_NAME);
  if( nError ) return 1;
  for(nKeySlot=64; nKeySlot < 2*nKey; nKeySlot*=2){}
  apSlot = grow(0, sizeof(Key*)*nKeySlot);
  memset(apSlot, 0, sizeof(Key*)*nKeySlot);
  for(i=0; i<nKey; i++){
    unsigned int h = keyHash(&aKey[i]);
    unsigned int k = h & (unsigned)(nKeySlot-1);
    while( apSlot[k] ) k = (k+1) & (unsigned)(nKeySlot-1);
    apSlot[k] = &aKey[i];
  }
  printf("const SrmKey srmKey[] = {\n");
  for(i=0; i<nKeySlot; i++){
    Key *pK = apSlot[i];
    size_t nK;
    int bTyped = 0;
    if( pK==0 ){ printf("  {0, 0, 0, 0, 0, 0, 0},\n"); continue; }
    nK = strlen(pK->z);
    fits("bytes in an identifier", (long)nK, 1<<16);   /* SrmKey.nKey */
    if( pK->eKind==SRM_KEY_ARN && pK->z[nK-1]==':' ){
      /* Does some "namespace:type" key share this namespace? */
      int j;
      for(j=0; j<nKey; j++){
        if( aKey[j].eKind==SRM_KEY_ARN && strncmp(aKey[j].z, pK->z, nK)==0 && aKey[j].z[nK] ){
          bTyped = 1;
          break;
        }
      }
    }
    printf("  {%u, %uu, %d, %d, %d, %d, %d},\n", poolAdd(pK->z), keyHash(pK),
           (int)nK, pK->iService, pK->iVariant, pK->eKind, bTyped);
  }
  printf("};\n\n");

  /* 9. Counts and checksum. */
  counts[SRM_COUNT_CATEGORY] = nCategory;
  counts[SRM_COUNT_CONTROL] = nControl;
  counts[SRM_COUNT_SERVICE] = nService;
  counts[SRM_COUNT_VARIANT] = nVariant;
  counts[SRM_COUNT_SLOT] = nSlot;
  counts[SRM_COUNT_DEFAULT] = nDefault;
  counts[SRM_COUNT_EXCEPTION] = nException;
  counts[SRM_COUNT_ALIAS] = count("SELECT count(*) FROM aliases");
  counts[SRM_COUNT_TYPE] = count("SELECT count(*) FROM resource_types");
  counts[SRM_COUNT_ARN] = count("SELECT count(*) FROM arn_types");
  counts[SRM_COUNT_TABLE] = count("SELECT count(*) FROM tables");
  counts[SRM_COUNT_EXCLUSION] = count("SELECT count(*) FROM exclusions");
  counts[SRM_COUNT_KEY] = nKey;
  counts[SRM_COUNT_KEY_SLOTS] = nKeySlot;
  counts[SRM_COUNT_REVIEWED] = count("SELECT count(*) FROM services WHERE reviewed_on <> ''");
  counts[SRM_COUNT_CHECK] = count("SELECT count(*) FROM checks");
  counts[SRM_COUNT_FRAMEWORK] = count("SELECT count(*) FROM frameworks");
  counts[SRM_COUNT_REQUIREMENT] = count("SELECT count(*) FROM requirements");
  counts[SRM_COUNT_REQ_CONTROL] = count("SELECT count(*) FROM requirement_controls");
  counts[SRM_COUNT_CRM_ROW] = count("SELECT count(*) FROM fedramp_crm_rows");
  printf("const int srmCount[] = {");
  for(i=0; i<SRM_COUNT_N; i++) printf("%s%d", i ? ", " : "", counts[i]);
  printf("};\n\n");
  printf("const char srmDataChecksum[] = "); lit(argv[2]); printf(";\n\n");

  printf("const unsigned short srmSlotService[] = {");
  for(i=0; i<nService; i++){
    int s, nS = aSvcNVariant[i] ? 1 + aSvcNVariant[i] : 1;
    for(s=0; s<nS; s++){
      int k = aSvcSlot[i] + s;
      printf("%s%d", k==0 ? "\n  " : k%16 ? ", " : ",\n  ", i);
    }
  }
  printf("\n};\n\n");

  /* The pool, as string literals of about 72 bytes of source each, and 8
  ** zero bytes more so that resolve.c can read any key as whole words. */
  if( nPool + 8 > nPoolAlloc ){
    nPoolAlloc = nPool + 8;
    zPool = grow(zPool, nPoolAlloc);
  }
  memset(zPool + nPool, 0, 8);
  nPool += 8;
  printf("const char srmPool[] =");
  {
    unsigned int o;
    int n = 0;
    for(o=0; o<nPool; o++){
      unsigned char c = (unsigned char)zPool[o];
      if( n==0 ) printf("\n  \"");
      if( c=='"' || c=='\\' || c=='?' ){ printf("\\%c", c); n += 2; }
      else if( c<0x20 || c>=0x7f ){ printf("\\%03o", c); n += 4; }
      else{ putchar(c); n++; }
      if( n>=72 || o+1==nPool ){ printf("\""); n = 0; }
    }
  }
  printf(";\n");
  sqlite3_close(db);
  return 0;
}
