/*
** bench.c: the srm benchmark.  A report, not a test: it exits 0 whatever
** the numbers are (make bench-check is the gate, through callgrind.sh).
**
**     build/bench [--lib ./srm.so] [--reps 9] [SIZE ...]    default 100000 1000000
**     build/bench --callgrind KIND N                          one query, N rows
**
** It loads the extension with sqlite3_load_extension() into connections of
** the system SQLite, registers noop(x, c) (responsibility()'s signature and
** flags, returning a static "customer") as the floor, and noop_read(x, c),
** which also reads x as text and the control's auxdata, as what any such
** function pays SQLite's API before its own work; and builds in memory
**
**     inventory(arn TEXT, rtype TEXT, svcname TEXT, svcid TEXT, service TEXT, variant TEXT)
**
** from the model itself (srm_resource_types, srm_arn_types, srm_aliases,
** srm_services, srm_variants): every CloudFormation type of the model is a
** "kind" with an ARN namespace and resource type; kinds are drawn with Zipf
** weights 1/rank (a hand-picked head of common types first, the rest in a
** seeded shuffle), over the aws, aws-cn and aws-us-gov partitions, with ids
** shaped as AWS writes them (i-0123..., sg-..., function:name, bucket names).
** service = srm_service(arn); variant is NULL except on 3% of the rows of a
** service with variants.  The PRNG has a fixed seed: runs are repeatable.
**
** Every query is a full aggregate over the table.  Every size is built
** and kept open, each query run once to warm up; then all queries of all
** sizes run round-robin for --reps rounds, so that a ratio between two
** queries, or between two sizes, compares runs of the same minutes.  The
** report is the median ns per row, and its ratio to the reference named in
** the target as the median of the per-round ratios (pairedRatio()).
** Queries 7 (effective_responsibility, srm_inventory) run only when the
** extension registers those names (see benchOptional()).
**
** --callgrind KIND N builds N rows, then runs query KIND once inside
** benchMeasure(), which callgrind.sh names in --toggle-collect; when built
** with <valgrind/callgrind.h> it also turns instrumentation on only around
** that call (run valgrind with --instr-atstart=no).  `--callgrind list`
** prints the kinds.  `--has-callgrind-h` prints 1 or 0.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <sqlite3.h>
#include "bench_cfg.h"
#if BENCH_HAVE_CALLGRIND_H
# include <valgrind/callgrind.h>
#else
# define CALLGRIND_START_INSTRUMENTATION
# define CALLGRIND_STOP_INSTRUMENTATION
#endif

#define BENCH_SEED      0x5eed5a4dULL
#define BENCH_CONTROL   "guest_os_patching"
#define BENCH_MAX_SIZES 8
#define BENCH_MAX_ROWS  64
#define BENCH_VARYING_ROWS 20000
#define BENCH_VARYING_ROWS_S "20000"

static const char *zLib = "./srm.so";
static int nRep = 9;

/* ---------------------------------------------------------------- utils */

static double nowNs(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec*1e9 + (double)ts.tv_nsec;
}

static void die(const char *zWhat, sqlite3 *db){
  fprintf(stderr, "bench: %s: %s\n", zWhat, db ? sqlite3_errmsg(db) : "out of memory");
  exit(1);
}

static int cmpDouble(const void *a, const void *b){
  double x = *(const double*)a, y = *(const double*)b;
  return x<y ? -1 : x>y;
}
/* The median of a[0..n), n <= 64; a is left as it is. */
static double median(const double *a, int n){
  double b[64];
  memcpy(b, a, sizeof(double)*(size_t)n);
  qsort(b, (size_t)n, sizeof(double), cmpDouble);
  return n%2 ? b[n/2] : (b[n/2-1] + b[n/2])/2;
}
/* The median of a[k]/b[k]: each repetition's time against its reference's
** in the same round, so that the machine's slow and fast minutes cancel
** out (a ratio of medians takes them from different minutes). */
static double pairedRatio(const double *a, const double *b, int n){
  double r[64];
  int k;
  for(k=0; k<n; k++) r[k] = a[k]/b[k];
  return median(r, n);
}

static char *benchStrdup(const char *z){
  size_t n = strlen(z) + 1;
  char *p = malloc(n);
  if( p==0 ) die("strdup", 0);
  memcpy(p, z, n);
  return p;
}

/* splitmix64: small, fast, and the same everywhere. */
static unsigned long long rngState = BENCH_SEED;
static unsigned long long rngNext(void){
  unsigned long long z = (rngState += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
static int rngBelow(int n){ return (int)(rngNext() % (unsigned long long)n); }
static double rngUnit(void){ return (double)(rngNext() >> 11) / 9007199254740992.0; }

static void exec(sqlite3 *db, const char *zSql){
  char *zErr = 0;
  if( sqlite3_exec(db, zSql, 0, 0, &zErr)!=SQLITE_OK ){
    fprintf(stderr, "bench: %s\n  in: %s\n", zErr ? zErr : "?", zSql);
    exit(1);
  }
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *zSql){
  sqlite3_stmt *p = 0;
  if( sqlite3_prepare_v2(db, zSql, -1, &p, 0)!=SQLITE_OK ){
    fprintf(stderr, "bench: %s\n  in: %s\n", sqlite3_errmsg(db), zSql);
    exit(1);
  }
  return p;
}

/* The first column of the first row of zSql, as an integer. */
static sqlite3_int64 queryInt(sqlite3 *db, const char *zSql){
  sqlite3_stmt *p = prepare(db, zSql);
  sqlite3_int64 v = sqlite3_step(p)==SQLITE_ROW ? sqlite3_column_int64(p, 0) : -1;
  sqlite3_finalize(p);
  return v;
}

/* ------------------------------------------------------------- noop() */

/* The floor: responsibility()'s signature and flags, and no work. */
static void noopFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc; (void)argv;
  sqlite3_result_text(ctx, "customer", -1, SQLITE_STATIC);
}

/* A second floor: what any function must do with responsibility()'s
** arguments before its own work: read x as text with its length, and find
** the constant control it looked up on the first row (auxdata). */
static void noopReadFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z = (const char*)sqlite3_value_text(argv[0]);
  int n = sqlite3_value_bytes(argv[0]);
  (void)argc;
  if( sqlite3_get_auxdata(ctx, 1)==0 ) sqlite3_set_auxdata(ctx, 1, (void*)"c", 0);
  if( z && n>0 ) sqlite3_result_text(ctx, "customer", -1, SQLITE_STATIC);
}

/* A connection with the extension and noop(); *pLoadNs gets the time of
** sqlite3_load_extension() alone. */
static sqlite3 *benchOpen(double *pLoadNs){
  sqlite3 *db = 0;
  char *zErr = 0;
  double t0;
  if( sqlite3_open(":memory:", &db)!=SQLITE_OK ) die("open", db);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, (int*)0);
  t0 = nowNs();
  if( sqlite3_load_extension(db, zLib, 0, &zErr)!=SQLITE_OK ){
    fprintf(stderr, "bench: cannot load %s: %s\n", zLib, zErr ? zErr : "?");
    exit(1);
  }
  if( pLoadNs ) *pLoadNs = nowNs() - t0;
  if( sqlite3_create_function(db, "noop_read", 2,
        SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, noopReadFunc, 0, 0)!=SQLITE_OK ){
    die("noop_read", db);
  }
  if( sqlite3_create_function(db, "noop", 2,
        SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, noopFunc, 0, 0)!=SQLITE_OK ){
    die("noop", db);
  }
  return db;
}

/* Does the connection have function (bModule==0) or module zName? */
static int benchHas(sqlite3 *db, const char *zName, int bModule){
  sqlite3_stmt *p = prepare(db, bModule
      ? "SELECT 1 FROM pragma_module_list WHERE name = ?1"
      : "SELECT 1 FROM pragma_function_list WHERE name = ?1");
  int b;
  sqlite3_bind_text(p, 1, zName, -1, SQLITE_STATIC);
  b = sqlite3_step(p)==SQLITE_ROW;
  sqlite3_finalize(p);
  return b;
}

/* ------------------------------------------------------- the inventory */

/*
** A kind: one CloudFormation type of the model with the ARN it is written
** as.  zArnType is "" for ARNs with no type (SNS topics, SQS queues, S3
** buckets); cSep is the character after it ('/' or ':').
*/
typedef struct Kind Kind;
struct Kind {
  char *zType;          /* AWS::EC2::Instance */
  char *zService;       /* its service in srm_resource_types */
  char *zNs;            /* ARN namespace */
  char *zArnType;       /* ARN resource type */
  char cSep;
  char zIdPrefix[16];   /* "i-" for EC2-style ids, else "" */
  int bGlobal;          /* no region in the ARN */
  int bBucket;          /* arn:aws:s3:::name */
  char **azName;        /* names and aliases of zService */
  int nName;
  char **azVariant;     /* variants of the service the ARN resolves to */
  int nVariant;
};

static Kind *aKind = 0;
static int nKind = 0;
static double *aCum = 0;        /* Zipf cumulative weights */

/* Common types, most common first; those the model lacks are skipped. */
static const char *const azHead[] = {
  "AWS::IAM::Role", "AWS::EC2::SecurityGroup", "AWS::EC2::NetworkInterface",
  "AWS::EC2::Volume", "AWS::EC2::Instance", "AWS::S3::Bucket",
  "AWS::Lambda::Function", "AWS::Logs::LogGroup", "AWS::IAM::Policy",
  "AWS::CloudWatch::Alarm", "AWS::EC2::Subnet", "AWS::KMS::Key",
  "AWS::EC2::RouteTable", "AWS::SNS::Topic", "AWS::SQS::Queue",
  "AWS::DynamoDB::Table", "AWS::EC2::VPC", "AWS::IAM::User",
  "AWS::ECS::TaskDefinition", "AWS::RDS::DBInstance", "AWS::CloudFormation::Stack",
  "AWS::ECR::Repository", "AWS::EKS::Nodegroup", "AWS::SecretsManager::Secret",
  "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ECS::Service",
  "AWS::Events::Rule", "AWS::SSM::Parameter", "AWS::EKS::Cluster",
  "AWS::Route53::HostedZone", "AWS::CloudFront::Distribution",
  "AWS::ApiGateway::RestApi", "AWS::ElastiCache::CacheCluster",
  "AWS::AutoScaling::AutoScalingGroup", "AWS::EC2::LaunchTemplate",
  "AWS::RDS::DBCluster", "AWS::StepFunctions::StateMachine",
  "AWS::Kinesis::Stream", "AWS::EFS::FileSystem", "AWS::ECS::Cluster",
};

/* Namespaces whose ARNs have no region, or no type, or a ':' after it. */
static int inList(const char *z, const char *const *az){
  for(; *az; az++) if( strcmp(z, *az)==0 ) return 1;
  return 0;
}
static const char *const azGlobalNs[] = {
  "iam", "cloudfront", "route53", "organizations", "globalaccelerator", "shield", 0
};
static const char *const azUntypedNs[] = { "sns", "sqs", 0 };
static const char *const azColonNs[] = {
  "lambda", "rds", "elasticache", "redshift", "logs", "secretsmanager", "states", 0
};

/* "NetworkInterface" -> "network-interface" */
static void kebab(const char *z, char *zOut, size_t nOut){
  size_t j = 0;
  int i;
  for(i=0; z[i] && j+2<nOut; i++){
    char c = z[i];
    if( c>='A' && c<='Z' ){
      int bNewWord = i>0 && ((z[i-1]>='a' && z[i-1]<='z')
                     || (z[i+1]>='a' && z[i+1]<='z' && z[i-1]>='A' && z[i-1]<='Z'));
      if( bNewWord ) zOut[j++] = '-';
      c = (char)(c + 32);
    }
    zOut[j++] = c;
  }
  zOut[j] = 0;
}

/* Equal ignoring '-'. */
static int sameWord(const char *a, const char *b){
  for(;;){
    while( *a=='-' ) a++;
    while( *b=='-' ) b++;
    if( *a!=*b ) return 0;
    if( *a==0 ) return 1;
    a++; b++;
  }
}

static char **column(sqlite3 *db, const char *zSql, const char *zArg, int *pn){
  sqlite3_stmt *p = prepare(db, zSql);
  char **az = 0;
  int n = 0;
  sqlite3_bind_text(p, 1, zArg, -1, SQLITE_STATIC);
  while( sqlite3_step(p)==SQLITE_ROW ){
    const char *z = (const char*)sqlite3_column_text(p, 0);
    if( z==0 ) continue;
    az = realloc(az, sizeof(char*)*(size_t)(n + 1));
    if( az==0 ) die("realloc", 0);
    az[n++] = benchStrdup(z);
  }
  sqlite3_finalize(p);
  *pn = n;
  return az;
}

static const char *const azWord[] = {
  "payments", "orders", "web", "api", "auth", "billing", "search", "etl", "ml",
  "reporting", "inventory", "checkout", "cart", "users", "media", "metrics",
  "gateway", "worker", "batch", "ledger", "notify", "catalog", "fraud", "data"
};
static const char *const azEnv[] = { "prod", "staging", "dev", "test", "qa", "shared" };

typedef struct Partition Partition;
static const struct Partition {
  const char *zName;
  int nWeight;          /* of 100 */
  const char *azRegion[6];
} aPartition[] = {
  { "aws", 92, { "us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1" } },
  { "aws-cn", 4, { "cn-north-1", "cn-northwest-1", 0 } },
  { "aws-us-gov", 4, { "us-gov-west-1", "us-gov-east-1", 0 } },
};
#define N_ACCOUNT 300
static char azAccount[N_ACCOUNT][13];

static void hex(char *z, int n){
  static const char az[] = "0123456789abcdef";
  int i;
  for(i=0; i<n; i++) z[i] = az[rngBelow(16)];
  z[n] = 0;
}

/* One ARN of kind k into z[0..nz). */
static void kindArn(const Kind *k, char *z, size_t nz){
  const Partition *pP;
  const char *zRegion = "";
  const char *zAccount;
  char zName[96], zHex[24];
  int r = rngBelow(100), n = 0;
  for(pP=aPartition; r>=pP->nWeight; pP++) r -= pP->nWeight;
  while( n<6 && pP->azRegion[n] ) n++;
  if( !k->bGlobal ) zRegion = pP->azRegion[rngBelow(n)];
  zAccount = azAccount[rngBelow(N_ACCOUNT)];
  hex(zHex, 8);
  snprintf(zName, sizeof(zName), "%s-%s-%s",
           azWord[rngBelow((int)(sizeof(azWord)/sizeof(azWord[0])))],
           azEnv[rngBelow((int)(sizeof(azEnv)/sizeof(azEnv[0])))], zHex);
  if( k->bBucket ){
    snprintf(z, nz, "arn:%s:s3:::%s", pP->zName, zName);
  }else if( k->zIdPrefix[0] ){
    hex(zHex, 17);
    snprintf(z, nz, "arn:%s:%s:%s:%s:%s/%s%s", pP->zName, k->zNs, zRegion, zAccount,
             k->zArnType, k->zIdPrefix, zHex);
  }else if( k->zArnType[0]==0 ){
    snprintf(z, nz, "arn:%s:%s:%s:%s:%s", pP->zName, k->zNs, zRegion, zAccount, zName);
  }else{
    snprintf(z, nz, "arn:%s:%s:%s:%s:%s%c%s", pP->zName, k->zNs, zRegion, zAccount,
             k->zArnType, k->cSep, zName);
  }
}

/* Fill aKind[] and aCum[] from the model. */
static void kindsLoad(sqlite3 *db){
  sqlite3_stmt *pType, *pNs, *pSvc;
  int i, nHead = (int)(sizeof(azHead)/sizeof(azHead[0]));
  double sum = 0;
  if( aKind ) return;
  rngState = BENCH_SEED;
  for(i=0; i<N_ACCOUNT; i++){
    snprintf(azAccount[i], 13, "%06d%06d", rngBelow(1000000), rngBelow(1000000));
  }
  pType = prepare(db, "SELECT resource_type, service FROM srm_resource_types ORDER BY resource_type");
  /* The namespaces a service is written with: its typed rows, then untyped. */
  pNs = prepare(db, "SELECT namespace, coalesce(resource_type, '') FROM srm_arn_types "
                    "WHERE service = ?1 ORDER BY resource_type IS NULL OR resource_type = '' DESC, namespace");
  pSvc = prepare(db, "SELECT srm_service(?1)");
  while( sqlite3_step(pType)==SQLITE_ROW ){
    Kind k;
    const char *zLast;
    char zWord[128];
    memset(&k, 0, sizeof(k));
    k.zType = benchStrdup((const char*)sqlite3_column_text(pType, 0));
    k.zService = benchStrdup((const char*)sqlite3_column_text(pType, 1));
    zLast = strrchr(k.zType, ':');
    kebab(zLast ? zLast + 1 : k.zType, zWord, sizeof(zWord));
    /* Namespace: the one of an ARN type of this service with the same name,
    ** else the service's untyped namespace, else its first one. */
    sqlite3_bind_text(pNs, 1, k.zService, -1, SQLITE_STATIC);
    while( sqlite3_step(pNs)==SQLITE_ROW ){
      const char *zNs = (const char*)sqlite3_column_text(pNs, 0);
      const char *zT = (const char*)sqlite3_column_text(pNs, 1);
      if( zT[0] && sameWord(zT, zWord) ){
        free(k.zNs); free(k.zArnType);
        k.zNs = benchStrdup(zNs);
        k.zArnType = benchStrdup(zT);
        break;
      }
      if( k.zNs==0 || (zT[0]==0 && k.zArnType) ){
        free(k.zNs); free(k.zArnType);
        k.zNs = benchStrdup(zNs);
        k.zArnType = zT[0] ? benchStrdup(zT) : 0;
      }
    }
    sqlite3_reset(pNs);
    if( k.zNs==0 ){ free(k.zType); free(k.zService); continue; }   /* no ARN form */
    if( k.zArnType==0 ) k.zArnType = benchStrdup(zWord);
    k.cSep = inList(k.zNs, azColonNs) ? ':' : '/';
    k.bGlobal = inList(k.zNs, azGlobalNs) || strcmp(k.zNs, "s3")==0;
    k.bBucket = strcmp(k.zType, "AWS::S3::Bucket")==0;
    if( inList(k.zNs, azUntypedNs) ){ free(k.zArnType); k.zArnType = benchStrdup(""); }
    if( strcmp(k.zNs, "ec2")==0 ){
      /* EC2 ids: initials of the type, "i-" for instances. */
      static const struct { const char *zType, *zPrefix; } aId[] = {
        {"instance","i-"}, {"volume","vol-"}, {"security-group","sg-"},
        {"network-interface","eni-"}, {"route-table","rtb-"}, {"natgateway","nat-"},
        {"internet-gateway","igw-"}, {"launch-template","lt-"}, {"snapshot","snap-"},
        {"subnet","subnet-"}, {"vpc","vpc-"}, {"image","ami-"},
      };
      size_t j, m = 0;
      for(j=0; j<sizeof(aId)/sizeof(aId[0]); j++){
        if( strcmp(aId[j].zType, k.zArnType)==0 ){ strcpy(k.zIdPrefix, aId[j].zPrefix); break; }
      }
      if( j==sizeof(aId)/sizeof(aId[0]) ){
        const char *p;
        for(p=k.zArnType; *p && m<8; p++){
          if( p==k.zArnType || p[-1]=='-' ) k.zIdPrefix[m++] = *p;
        }
        k.zIdPrefix[m++] = '-';
        k.zIdPrefix[m] = 0;
      }
    }
    k.azName = column(db, "SELECT alias FROM srm_aliases WHERE service = ?1 "
                          "UNION SELECT name FROM srm_services WHERE service = ?1",
                      k.zService, &k.nName);
    {
      char zArn[256];
      const char *zSvc;
      kindArn(&k, zArn, sizeof(zArn));
      sqlite3_bind_text(pSvc, 1, zArn, -1, SQLITE_TRANSIENT);
      sqlite3_step(pSvc);
      zSvc = (const char*)sqlite3_column_text(pSvc, 0);
      if( zSvc ){
        k.azVariant = column(db, "SELECT variant FROM srm_variants WHERE service = ?1",
                             zSvc, &k.nVariant);
      }
      sqlite3_reset(pSvc);
    }
    aKind = realloc(aKind, sizeof(Kind)*(size_t)(nKind + 1));
    if( aKind==0 ) die("realloc", 0);
    aKind[nKind++] = k;
  }
  sqlite3_finalize(pType);
  sqlite3_finalize(pNs);
  sqlite3_finalize(pSvc);
  /* Rank: the head in its order, then a seeded shuffle of the rest. */
  {
    int nDone = 0, h;
    for(h=0; h<nHead; h++){
      for(i=nDone; i<nKind; i++){
        if( strcmp(aKind[i].zType, azHead[h])==0 ){
          Kind t = aKind[nDone]; aKind[nDone] = aKind[i]; aKind[i] = t;
          nDone++;
          break;
        }
      }
    }
    for(i=nKind-1; i>nDone; i--){
      int j = nDone + rngBelow(i - nDone + 1);
      Kind t = aKind[i]; aKind[i] = aKind[j]; aKind[j] = t;
    }
  }
  aCum = malloc(sizeof(double)*(size_t)nKind);
  if( aCum==0 ) die("malloc", 0);
  for(i=0; i<nKind; i++){
    sum += 1.0/(double)(i + 1);
    aCum[i] = sum;
  }
  for(i=0; i<nKind; i++) aCum[i] /= sum;
}

static const Kind *kindDraw(void){
  double u = rngUnit();
  int lo = 0, hi = nKind - 1;
  while( lo<hi ){
    int mid = (lo + hi)/2;
    if( aCum[mid]<u ) lo = mid + 1; else hi = mid;
  }
  return &aKind[lo];
}

/*
** A connection holding inventory (nRow rows, from the fixed seed) and the
** native copies used by the plain-SQL queries:
**   m(service, variant, control, owner): srm_matrix, variant '' for NULL
**     (a PRIMARY KEY column of a WITHOUT ROWID table cannot be NULL)
**   ns(namespace, service): srm_arn_types rows with no resource type
*/
static sqlite3 *benchInventory(int nRow, double *pGenNs){
  sqlite3 *db = benchOpen(0);
  sqlite3_stmt *pIns;
  double t0 = nowNs();
  int i;
  kindsLoad(db);
  rngState = BENCH_SEED ^ 0x1234567ULL;
  exec(db,
    "CREATE TABLE inventory(arn TEXT, rtype TEXT, svcname TEXT, svcid TEXT, service TEXT, variant TEXT);"
    "CREATE TABLE m(service TEXT, variant TEXT, control TEXT, owner TEXT,"
    "  PRIMARY KEY(service, control, variant)) WITHOUT ROWID;"
    "INSERT INTO m SELECT service, coalesce(variant, ''), control, owner FROM srm_matrix;"
    "CREATE TABLE ns(namespace TEXT PRIMARY KEY, service TEXT) WITHOUT ROWID;"
    "INSERT INTO ns SELECT namespace, service FROM srm_arn_types"
    "  WHERE resource_type IS NULL OR resource_type = '';"
    "ANALYZE; BEGIN;");
  pIns = prepare(db, "INSERT INTO inventory VALUES(?1, ?2, ?3, ?4, srm_service(?1), ?5)");
  for(i=0; i<nRow; i++){
    const Kind *k = kindDraw();
    char zArn[256];
    kindArn(k, zArn, sizeof(zArn));
    sqlite3_bind_text(pIns, 1, zArn, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(pIns, 2, k->zType, -1, SQLITE_STATIC);
    sqlite3_bind_text(pIns, 3, k->nName ? k->azName[rngBelow(k->nName)] : k->zService, -1, SQLITE_STATIC);
    sqlite3_bind_text(pIns, 4, k->zService, -1, SQLITE_STATIC);
    if( k->nVariant && rngBelow(100)<3 ){
      sqlite3_bind_text(pIns, 5, k->azVariant[rngBelow(k->nVariant)], -1, SQLITE_STATIC);
    }else{
      sqlite3_bind_null(pIns, 5);
    }
    if( sqlite3_step(pIns)!=SQLITE_DONE ) die("insert", db);
    sqlite3_reset(pIns);
  }
  sqlite3_finalize(pIns);
  exec(db, "COMMIT;");
  if( pGenNs ) *pGenNs = nowNs() - t0;
  return db;
}

/* ------------------------------------------------------------ queries */

typedef struct Query Query;
struct Query {
  const char *zKey;     /* --callgrind name */
  const char *zName;    /* report name */
  const char *zSql;
  int bNoAuto;          /* prepared under PRAGMA automatic_index=OFF */
  int bPlan;            /* print its EXPLAIN QUERY PLAN */
};

#define Q_SCAN 0
#define Q_NOOP 1
#define Q_NOOP_READ 2
#define Q_RESP 3
static const Query aQuery[] = {
  { "scan", "floor: scan sum(length(arn))",
    "SELECT sum(length(arn)) FROM inventory", 0, 0 },
  { "noop", "floor: noop(arn, c)",
    "SELECT count(*) FROM inventory WHERE noop(arn, '" BENCH_CONTROL "') = 'customer'", 0, 0 },
  { "noop_read", "floor: noop_read(arn, c)",
    "SELECT count(*) FROM inventory WHERE noop_read(arn, '" BENCH_CONTROL "') = 'customer'", 0, 0 },
  { "resp_arn", "responsibility(arn, c)",
    "SELECT count(*) FROM inventory WHERE responsibility(arn, '" BENCH_CONTROL "') = 'customer'", 0, 0 },
  { "resp_rtype", "responsibility(rtype, c)",
    "SELECT count(*) FROM inventory WHERE responsibility(rtype, '" BENCH_CONTROL "') = 'customer'", 0, 0 },
  { "resp_svcname", "responsibility(svcname, c)",
    "SELECT count(*) FROM inventory WHERE responsibility(svcname, '" BENCH_CONTROL "') = 'customer'", 0, 0 },
  { "resp_svcid", "responsibility(svcid, c)",
    "SELECT count(*) FROM inventory WHERE responsibility(svcid, '" BENCH_CONTROL "') = 'customer'", 0, 0 },
  { "plain_sql", "plain SQL: substr/instr + ns + m",
    "SELECT count(*) FROM (SELECT substr(arn, instr(substr(arn, 5), ':') + 5) AS s FROM inventory) i"
    " JOIN ns ON ns.namespace = substr(i.s, 1, instr(i.s, ':') - 1)"
    " JOIN m ON m.service = ns.service AND m.control = '" BENCH_CONTROL "' AND m.variant = ''"
    " WHERE m.owner = 'customer'", 0, 1 },
  { "join_vtab", "JOIN srm_matrix",
    "SELECT count(*) FROM inventory i JOIN srm_matrix m ON m.service = i.service"
    " AND m.control = '" BENCH_CONTROL "' AND m.variant IS i.variant WHERE m.owner = 'customer'", 0, 1 },
  { "join_native", "JOIN native m (WITHOUT ROWID)",
    "SELECT count(*) FROM inventory i JOIN m ON m.service = i.service"
    " AND m.control = '" BENCH_CONTROL "' AND m.variant = coalesce(i.variant, '') WHERE m.owner = 'customer'", 0, 1 },
  { "join_vtab_noauto", "JOIN srm_matrix, autoindex off",
    "SELECT count(*) FROM inventory i JOIN srm_matrix m ON m.service = i.service"
    " AND m.control = '" BENCH_CONTROL "' AND m.variant IS i.variant WHERE m.owner = 'customer'", 1, 1 },
  { "join_native_noauto", "JOIN native m, autoindex off",
    "SELECT count(*) FROM inventory i JOIN m ON m.service = i.service"
    " AND m.control = '" BENCH_CONTROL "' AND m.variant = coalesce(i.variant, '') WHERE m.owner = 'customer'", 1, 1 },
  { "srm_service", "srm_service(arn)",
    "SELECT count(*) FROM inventory WHERE srm_service(arn) IS NOT NULL", 0, 0 },
  { "srm_arn", "srm_arn(arn, 'resource_type')",
    "SELECT count(*) FROM inventory WHERE srm_arn(arn, 'resource_type') IS NOT NULL", 0, 0 },
};
#define N_QUERY ((int)(sizeof(aQuery)/sizeof(aQuery[0])))

static int queryFind(const char *zKey){
  int i;
  for(i=0; i<N_QUERY; i++) if( strcmp(aQuery[i].zKey, zKey)==0 ) return i;
  return -1;
}

static sqlite3_stmt *queryPrepare(sqlite3 *db, const Query *q){
  sqlite3_stmt *p;
  if( q->bNoAuto ) exec(db, "PRAGMA automatic_index=OFF");
  p = prepare(db, q->zSql);
  if( q->bNoAuto ) exec(db, "PRAGMA automatic_index=ON");
  return p;
}

/* Run p to the end; the first column of the last row. */
static sqlite3_int64 stepAll(sqlite3_stmt *p){
  sqlite3_int64 v = 0;
  int rc;
  while( (rc = sqlite3_step(p))==SQLITE_ROW ) v = sqlite3_column_int64(p, 0);
  if( rc!=SQLITE_DONE ) die("step", sqlite3_db_handle(p));
  sqlite3_reset(p);
  return v;
}

/* The measured loop: callgrind.sh collects inside this function only
** (--toggle-collect=benchMeasure), so it is called once per --callgrind run
** and kept out of line. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
sqlite3_int64 benchMeasure(sqlite3_stmt *p){
  return stepAll(p);
}

static double runOnce(sqlite3_stmt *p, sqlite3_int64 *pv){
  double t0 = nowNs();
  sqlite3_int64 v = benchMeasure(p);
  double t = nowNs() - t0;
  if( pv ) *pv = v;
  return t;
}

static void printPlan(sqlite3 *db, const Query *q){
  char *zSql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", q->zSql);
  sqlite3_stmt *p;
  if( q->bNoAuto ) exec(db, "PRAGMA automatic_index=OFF");
  p = prepare(db, zSql);
  printf("  plan of %s:\n", q->zName);
  while( sqlite3_step(p)==SQLITE_ROW ){
    printf("    %s\n", (const char*)sqlite3_column_text(p, 3));
  }
  sqlite3_finalize(p);
  sqlite3_free(zSql);
  if( q->bNoAuto ) exec(db, "PRAGMA automatic_index=ON");
}

/* ------------------------------------------------------------- report */

typedef struct Row Row;
struct Row {
  char zName[96];
  char zValue[24];
  char zRatio[16];
  char zTarget[48];
  int eVerdict;         /* -1 none, 0 FAIL, 1 PASS */
};
static Row aRow[BENCH_MAX_ROWS*BENCH_MAX_SIZES];
static int nRow = 0;

static Row *rowAdd(const char *zName, const char *zSuffix){
  Row *r = &aRow[nRow++];
  memset(r, 0, sizeof(*r));
  snprintf(r->zName, sizeof(r->zName), "%s%s", zName, zSuffix ? zSuffix : "");
  strcpy(r->zRatio, "-");
  strcpy(r->zTarget, "-");
  r->eVerdict = -1;
  return r;
}

/* A ratio row: ratio checked against bound ("<=" when bMax, else ">="). */
static void rowRatio(Row *r, double ratio, const char *zRef, int bMax, double bound){
  snprintf(r->zRatio, sizeof(r->zRatio), "%.2fx", ratio);
  if( bound>0 ){
    snprintf(r->zTarget, sizeof(r->zTarget), "%s %.2fx %s", bMax ? "<=" : ">=", bound, zRef);
    r->eVerdict = bMax ? ratio<=bound : ratio>=bound;
  }else{
    snprintf(r->zTarget, sizeof(r->zTarget), "(vs %s)", zRef);
  }
}

static void reportPrint(void){
  int i;
  printf("\n%-52s %14s %10s  %-30s %s\n", "name", "ns/row", "ratio", "target", "result");
  for(i=0; i<52+1+14+1+10+2+30+1+6; i++) putchar('-');
  putchar('\n');
  for(i=0; i<nRow; i++){
    const Row *r = &aRow[i];
    if( r->zValue[0]==0 ){ printf("%s\n", r->zName); continue; }
    printf("%-52s %14s %10s  %-30s %s\n", r->zName, r->zValue, r->zRatio, r->zTarget,
           r->eVerdict<0 ? "" : r->eVerdict ? "PASS" : "FAIL");
  }
}

/* ------------------------------------------------- memory and machine */

/* A field of /proc/self/status in kB (VmHWM, VmRSS, RssAnon, RssFile), or -1. */
static long procStatus(const char *zField){
  FILE *f = fopen("/proc/self/status", "r");
  char zLine[256];
  long v = -1;
  size_t n = strlen(zField);
  if( f==0 ) return -1;
  while( fgets(zLine, sizeof(zLine), f) ){
    if( strncmp(zLine, zField, n)==0 && zLine[n]==':' ){ v = atol(zLine + n + 1); break; }
  }
  fclose(f);
  return v;
}
static long maxRss(void){
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

/* Memory of this process in kB (-1 where /proc says nothing). */
typedef struct MemSample MemSample;
struct MemSample { long hwm, max, rss, anon, file; };
static void memSample(MemSample *p){
  p->hwm = procStatus("VmHWM");
  p->max = maxRss();
  p->rss = procStatus("VmRSS");
  p->anon = procStatus("RssAnon");
  p->file = procStatus("RssFile");
}

static void printMachine(void){
  FILE *f = fopen("/proc/cpuinfo", "r");
  char zLine[256], zModel[200] = "unknown";
  int nCpu = 0;
  if( f ){
    while( fgets(zLine, sizeof(zLine), f) ){
      if( strncmp(zLine, "processor", 9)==0 ) nCpu++;
      if( strncmp(zLine, "model name", 10)==0 && strcmp(zModel, "unknown")==0 ){
        char *p = strchr(zLine, ':');
        if( p ){
          p++;
          while( *p==' ' ) p++;
          snprintf(zModel, sizeof(zModel), "%s", p);
          zModel[strcspn(zModel, "\n")] = 0;
        }
      }
    }
    fclose(f);
  }
  printf("machine: nproc %d, %s, SQLite %s\n", nCpu, zModel, sqlite3_libversion());
}

/* ------------------------------------------------------------- load */

/* First queries on a fresh connection, one connection per kind. */
static const struct { const char *zName, *zSql; } aFirst[] = {
  { "first SELECT 1 (floor)", "SELECT 1" },
  { "first responsibility(ARN)",
    "SELECT responsibility('arn:aws:ec2:us-east-1:123456789012:instance/i-0abc', '" BENCH_CONTROL "')" },
  { "first responsibility(type)",
    "SELECT responsibility('AWS::EKS::Nodegroup', '" BENCH_CONTROL "')" },
  { "first srm_service(ARN)",
    "SELECT srm_service('arn:aws:lambda:eu-west-1:123456789012:function:x')" },
  { "first srm_arn(ARN, part)",
    "SELECT srm_arn('arn:aws:lambda:eu-west-1:123456789012:function:x', 'resource_type')" },
  { "first srm_matrix lookup",
    "SELECT owner FROM srm_matrix WHERE service = 'ec2' AND control = '" BENCH_CONTROL "' AND variant IS NULL" },
  { "first responsibility_why(type)",
    "SELECT responsibility_why('AWS::EC2::Instance', '" BENCH_CONTROL "')" },
};
#define N_FIRST ((int)(sizeof(aFirst)/sizeof(aFirst[0])))

static double firstQuery(sqlite3 *db, const char *zSql){
  double t0 = nowNs();
  sqlite3_stmt *p = prepare(db, zSql);
  while( sqlite3_step(p)==SQLITE_ROW ){}
  sqlite3_finalize(p);
  return nowNs() - t0;
}

static void benchLoad(void){
  enum { N_CONN = 20 };
  MemSample aMem[4];
  double aLoad[N_CONN], aT[N_FIRST][N_CONN], aCold[N_FIRST];
  double coldLoad;
  sqlite3 *db;
  char *zErr = 0;
  int i, j;
  Row *r;

  /* Peak RSS: before and after the first load in this process. */
  if( sqlite3_open(":memory:", &db)!=SQLITE_OK ) die("open", db);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, (int*)0);
  firstQuery(db, "SELECT 1");
  memSample(&aMem[0]);
  {
    double t0 = nowNs();
    if( sqlite3_load_extension(db, zLib, 0, &zErr)!=SQLITE_OK ){
      fprintf(stderr, "bench: cannot load %s: %s\n", zLib, zErr ? zErr : "?");
      exit(1);
    }
    coldLoad = nowNs() - t0;
  }
  memSample(&aMem[1]);
  for(j=0; j<N_FIRST; j++) aCold[j] = firstQuery(db, aFirst[j].zSql);
  memSample(&aMem[2]);
  /* Every table once, to see what the whole model costs in memory. */
  {
    sqlite3_stmt *p = prepare(db, "SELECT name FROM pragma_module_list WHERE name LIKE 'srm%'");
    while( sqlite3_step(p)==SQLITE_ROW ){
      char *zSql = sqlite3_mprintf("SELECT count(*) FROM (SELECT * FROM \"%w\")",
                                   (const char*)sqlite3_column_text(p, 0));
      sqlite3_int64 v = queryInt(db, zSql);
      (void)v;
      sqlite3_free(zSql);
    }
    sqlite3_finalize(p);
  }
  memSample(&aMem[3]);
  sqlite3_close(db);

  for(i=0; i<N_CONN; i++){
    sqlite3 *d = benchOpen(&aLoad[i]);
    sqlite3_close(d);
  }
  for(j=0; j<N_FIRST; j++){
    for(i=0; i<N_CONN; i++){
      sqlite3 *d = benchOpen(0);
      aT[j][i] = firstQuery(d, aFirst[j].zSql);
      sqlite3_close(d);
    }
  }

  printf("\nload (%s): first load in the process %.3f ms; ", zLib, coldLoad/1e6);
  {
    static const char *const azWhen[4] = {
      "before", "after load", "after first queries", "after reading every srm_* table"
    };
    printf("RSS kB (VmHWM / ru_maxrss / VmRSS / RssAnon / RssFile):");
    for(j=0; j<4; j++){
      printf("%s %s %ld/%ld/%ld/%ld/%ld", j ? "," : "", azWhen[j],
             aMem[j].hwm, aMem[j].max, aMem[j].rss, aMem[j].anon, aMem[j].file);
    }
    printf("\n");
  }

  rowAdd("== load ==", 0);
  r = rowAdd("load: sqlite3_load_extension, median of 20", 0);
  snprintf(r->zValue, sizeof(r->zValue), "%.4f ms", median(aLoad, N_CONN)/1e6);
  strcpy(r->zTarget, "< 0.2 ms");
  r->eVerdict = median(aLoad, N_CONN) < 0.2e6;
  r = rowAdd("load: first load in the process (cold)", 0);
  snprintf(r->zValue, sizeof(r->zValue), "%.4f ms", coldLoad/1e6);
  for(j=0; j<N_FIRST; j++){
    double m = median(aT[j], N_CONN);
    r = rowAdd(aFirst[j].zName, ", median of 20");
    snprintf(r->zValue, sizeof(r->zValue), "%.4f ms", m/1e6);
    if( j>0 ){
      strcpy(r->zTarget, "< 0.1 ms");
      r->eVerdict = m < 0.1e6;
    }
    snprintf(r->zRatio, sizeof(r->zRatio), "cold %.3f", aCold[j]/1e6);
  }
  {
    long dHwm = aMem[1].hwm - aMem[0].hwm, dMax = aMem[1].max - aMem[0].max;
    long d = dHwm>dMax ? dHwm : dMax;
    r = rowAdd("RSS growth at load (VmHWM, ru_maxrss)", 0);
    snprintf(r->zValue, sizeof(r->zValue), "%ld/%ld kB", dHwm, dMax);
    strcpy(r->zTarget, "< 0.3 MB");
    r->eVerdict = d < 300;
    dHwm = aMem[2].hwm - aMem[0].hwm; dMax = aMem[2].max - aMem[0].max;
    d = dHwm>dMax ? dHwm : dMax;
    r = rowAdd("RSS growth, load + first queries", 0);
    snprintf(r->zValue, sizeof(r->zValue), "%ld/%ld kB", dHwm, dMax);
    /* Of which: private memory (the heap srm and SQLite allocate) and pages
    ** of srm.so's read-only data mapped from the page cache, which the
    ** kernel maps 64 kB around each first touch (fault-around): shared with
    ** every process that loads srm, and reclaimable. */
    r = rowAdd("  of it private (RssAnon)", 0);
    snprintf(r->zValue, sizeof(r->zValue), "%ld kB", aMem[2].anon - aMem[0].anon);
    strcpy(r->zTarget, "< 0.3 MB");
    r->eVerdict = aMem[0].anon>=0 && aMem[2].anon - aMem[0].anon < 300;
    r = rowAdd("  of it mapped read-only file (RssFile)", 0);
    snprintf(r->zValue, sizeof(r->zValue), "%ld kB", aMem[2].file - aMem[0].file);
    r = rowAdd("RSS growth, + every srm_* table read", 0);
    snprintf(r->zValue, sizeof(r->zValue), "%ld/%ld kB", aMem[3].hwm - aMem[0].hwm, aMem[3].max - aMem[0].max);
  }
}

/* ---------------------------------------------------------- optional */

/*
** 7. effective_responsibility() (ext/overlay.c) and srm_inventory()
** (ext/inventory.c), measured only when the extension registers them.
** Decisions go through srm_overlay_init() and srm_decisions as the README
** shows; srm_inventory() reads a generated AWS Config snapshot with its
** format given.  Each is timed round-robin against its reference
** (responsibility(), json_each() reading the same fields).  An error
** prints "skipped: <message>" and the report goes on.
*/

/* Time zSqlA and zSqlB interleaved; medians per unit in pA, pB (0 when
** skipped).  ?1 is zDoc when given. */
static void optionalPair(sqlite3 *db, const char *zNameA, const char *zSqlA,
                         const char *zNameB, const char *zSqlB, const char *zRef,
                         const char *zDoc, int nDoc, double nUnit, const char *zUnit,
                         double *pA, double *pB){
  const char *azName[2], *azSql[2];
  sqlite3_stmt *ap[2] = {0, 0};
  double a[2][64];
  int i, j, n = nRep;
  azName[0] = zNameA; azName[1] = zNameB;
  azSql[0] = zSqlA; azSql[1] = zSqlB;
  *pA = *pB = 0;
  for(j=0; j<2; j++){
    if( sqlite3_prepare_v2(db, azSql[j], -1, &ap[j], 0)!=SQLITE_OK ) goto skipped;
    if( zDoc ) sqlite3_bind_text(ap[j], 1, zDoc, nDoc, SQLITE_STATIC);
  }
  for(i=0; i<=n; i++){
    for(j=0; j<2; j++){
      double t0 = nowNs();
      int rc;
      while( (rc = sqlite3_step(ap[j]))==SQLITE_ROW ){}
      if( rc!=SQLITE_DONE ) goto skipped;
      sqlite3_reset(ap[j]);
      if( i>0 ) a[j][i-1] = (nowNs() - t0)/nUnit;     /* round 0 warms up */
    }
  }
  *pA = median(a[0], n);
  *pB = median(a[1], n);
  for(j=0; j<2; j++){
    Row *r = rowAdd(azName[j], 0);
    snprintf(r->zValue, sizeof(r->zValue), "%.1f %s", j ? *pB : *pA, zUnit);
    if( j ) rowRatio(r, pairedRatio(a[1], a[0], n), zRef, 1, 0);
    sqlite3_finalize(ap[j]);
  }
  return;
skipped:
  printf("  %s skipped: %s\n", azName[j], sqlite3_errmsg(db));
  rowAdd(azName[j], ": skipped (see above)");
  sqlite3_finalize(ap[0]);
  sqlite3_finalize(ap[1]);
  *pA = *pB = 0;
}

static int tryExec(sqlite3 *db, const char *zSql, char **pzErr){
  return sqlite3_exec(db, zSql, 0, 0, pzErr)==SQLITE_OK;
}

/* A ~nTarget-byte AWS Config snapshot of inventory rows. */
static char *configSnapshot(sqlite3 *db, size_t nTarget, int *pn, int *pItems){
  sqlite3_str *s = sqlite3_str_new(db);
  sqlite3_stmt *p = prepare(db, "SELECT arn, rtype FROM inventory");
  int nItem = 0;
  char *z;
  sqlite3_str_appendall(s, "{\"fileVersion\":\"1.0\",\"configSnapshotId\":\"6b1f0d6e-0c1a-4f51-9d1e-3b0b8e6f1a2c\","
                           "\"configurationItems\":[");
  while( (size_t)sqlite3_str_length(s) < nTarget ){
    const char *zArn, *zType, *zId, *zAcct, *zRegion;
    char zA[13] = "", zR[32] = "";
    if( sqlite3_step(p)!=SQLITE_ROW ){ sqlite3_reset(p); continue; }
    zArn = (const char*)sqlite3_column_text(p, 0);
    zType = (const char*)sqlite3_column_text(p, 1);
    zId = strrchr(zArn, '/');
    if( zId==0 ) zId = strrchr(zArn, ':');
    zId++;
    {
      /* region and account are the 4th and 5th fields */
      const char *q = zArn;
      int f;
      for(f=0; f<3 && q; f++){ q = strchr(q, ':'); if( q ) q++; }
      zRegion = q; zAcct = q ? strchr(q, ':') : 0;
      if( zRegion && zAcct ) snprintf(zR, sizeof(zR), "%.*s", (int)(zAcct - zRegion), zRegion);
      if( zAcct ){
        const char *e = strchr(zAcct + 1, ':');
        if( e ) snprintf(zA, sizeof(zA), "%.*s", (int)(e - zAcct - 1), zAcct + 1);
      }
    }
    sqlite3_str_appendf(s,
      "%s{\"relatedEvents\":[],\"relationships\":[{\"resourceId\":\"vpc-0a1b2c3d4e5f60718\","
      "\"resourceType\":\"AWS::EC2::VPC\",\"name\":\"Is contained in Vpc\"}],"
      "\"configuration\":{\"id\":\"%s\",\"state\":{\"code\":16,\"name\":\"running\"},"
      "\"monitoring\":{\"state\":\"disabled\"},\"placement\":{\"availabilityZone\":\"%sa\","
      "\"tenancy\":\"default\"},\"ebsOptimized\":true,\"description\":\"generated by the srm"
      " benchmark so that items are about as long as real ones\"},"
      "\"supplementaryConfiguration\":{},\"tags\":{\"env\":\"prod\",\"team\":\"platform\","
      "\"cost-center\":\"%d\"},\"configurationItemVersion\":\"1.3\","
      "\"configurationItemCaptureTime\":\"2024-05-01T12:00:%02d.000Z\","
      "\"configurationStateId\":%lld,\"awsAccountId\":\"%s\",\"configurationItemStatus\":\"OK\","
      "\"resourceType\":\"%s\",\"resourceId\":\"%s\",\"resourceName\":\"%s\",\"ARN\":\"%s\","
      "\"awsRegion\":\"%s\",\"availabilityZone\":\"%sa\",\"configurationStateMd5Hash\":\"\","
      "\"resourceCreationTime\":\"2023-01-01T00:00:00.000Z\"}",
      nItem ? "," : "", zId, zR, nItem%97, nItem%60, (long long)1700000000000LL + nItem, zA,
      zType, zId, zId, zArn, zR, zR);
    nItem++;
  }
  sqlite3_finalize(p);
  sqlite3_str_appendall(s, "]}");
  *pn = sqlite3_str_length(s);
  *pItems = nItem;
  z = sqlite3_str_finish(s);
  if( z==0 ) die("snapshot", 0);
  return z;
}

/* A ~nTarget-byte aws securityhub get-findings document: a finding per
** inventory row, each a Security Hub control of about the size AWS writes. */
static char *asffDocument(sqlite3 *db, size_t nTarget, int *pn, int *pItems){
  static const char *const azCtl[] = { "S3.1", "EC2.19", "RDS.5", "IAM.1", "Lambda.2", "KMS.4", "CloudTrail.2" };
  static const char *const azSt[] = { "PASSED", "FAILED", "WARNING" };
  sqlite3_str *s = sqlite3_str_new(db);
  sqlite3_stmt *p = prepare(db, "SELECT arn FROM inventory");
  int nItem = 0;
  char *z;
  sqlite3_str_appendall(s, "{\"Findings\":[");
  while( (size_t)sqlite3_str_length(s) < nTarget ){
    const char *zArn, *zCtl = azCtl[nItem % 7];
    if( sqlite3_step(p)!=SQLITE_ROW ){ sqlite3_reset(p); continue; }
    zArn = (const char*)sqlite3_column_text(p, 0);
    sqlite3_str_appendf(s,
      "%s{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"arn:aws:securityhub:us-east-1:111111111111:"
      "security-control/%s/finding/%08x-0000-4000-8000-%012d\",\"ProductArn\":\"arn:aws:securityhub:"
      "us-east-1::product/aws/securityhub\",\"ProductName\":\"Security Hub\",\"GeneratorId\":"
      "\"security-control/%s\",\"AwsAccountId\":\"111111111111\",\"Region\":\"us-east-1\","
      "\"Types\":[\"Software and Configuration Checks/Industry and Regulatory Standards\"],"
      "\"CreatedAt\":\"2026-12-01T10:00:00.000Z\",\"UpdatedAt\":\"2026-12-01T10:00:00.000Z\","
      "\"Severity\":{\"Label\":\"MEDIUM\",\"Normalized\":40},\"Title\":\"A control of the "
      "benchmark, about as long as AWS's titles are\",\"Description\":\"generated by the srm benchmark"
      " so that findings are about as long as real ones; real descriptions run to a few hundred"
      " characters\",\"Remediation\":{\"Recommendation\":{\"Text\":\"see the documentation\","
      "\"Url\":\"https://docs.aws.amazon.com/console/securityhub/%s/remediation\"}},"
      "\"Resources\":[{\"Type\":\"AwsS3Bucket\",\"Id\":\"%s\",\"Partition\":\"aws\","
      "\"Region\":\"us-east-1\"}],\"Compliance\":{\"Status\":\"%s\",\"SecurityControlId\":"
      "\"%s\"},\"Workflow\":{\"Status\":\"NEW\"},\"RecordState\":\"ACTIVE\"}",
      nItem ? "," : "", zCtl, (unsigned)nItem, nItem, zCtl, zCtl, zArn, azSt[nItem % 3], zCtl);
    nItem++;
  }
  sqlite3_finalize(p);
  sqlite3_str_appendall(s, "]}");
  *pn = sqlite3_str_length(s);
  *pItems = nItem;
  z = sqlite3_str_finish(s);
  if( z==0 ) die("findings", 0);
  return z;
}

static void benchOptional(sqlite3 *db, int nInv, int bForce){
  int bEff = benchHas(db, "effective_responsibility", 0);
  int bInv = benchHas(db, "srm_inventory", 0) || benchHas(db, "srm_inventory", 1);
  double x, y;
  rowAdd("== optional ==", 0);
  printf("\noptional (7.), on the %d-row inventory:\n", nInv);
  if( !bEff && !bForce ){
    printf("  effective_responsibility: skipped: not built yet\n");
    rowAdd("effective_responsibility: skipped: not built yet", 0);
  }else{
    static const int aDec[] = { 0, 100, 10000 };
    size_t i;
    char *zErr = 0;
    if( !tryExec(db, "SELECT srm_overlay_init()", &zErr) ){
      printf("  effective_responsibility skipped: %s\n", zErr ? zErr : "?");
      rowAdd("effective_responsibility: skipped (see above)", 0);
    }else for(i=0; i<sizeof(aDec)/sizeof(aDec[0]); i++){
      /* Spread over the inventory: of every 10 decisions 1 on a service,
      ** 1 on an account, 8 on a resource (a MSP's exceptions). */
      int nStep = nInv/(aDec[i] ? aDec[i] : 1);
      char *zSql = sqlite3_mprintf(
        "DELETE FROM srm_decisions;"
        "INSERT INTO srm_decisions(service, control, owner, party, reason, approved_by, account, resource_arn)"
        " SELECT service, '" BENCH_CONTROL "', 'third_party', 'Acme MSP', 'benchmark', 'CISO',"
        "   CASE WHEN (rowid/%d) %% 10 = 1 THEN srm_arn(arn, 'account') END,"
        "   CASE WHEN (rowid/%d) %% 10 > 1 THEN arn END"
        " FROM inventory WHERE rowid %% %d = 0 AND service IS NOT NULL LIMIT %d;",
        nStep, nStep, nStep<1 ? 1 : nStep, aDec[i]);
      char zName[96];
      sqlite3_free(zErr); zErr = 0;
      if( !tryExec(db, zSql, &zErr) ){
        printf("  effective_responsibility, %d decisions skipped: %s\n", aDec[i], zErr ? zErr : "?");
        rowAdd("effective_responsibility: skipped (see above)", 0);
      }else{
        printf("  %d decisions: %lld on resources, %lld on accounts, %lld on services\n", aDec[i],
               queryInt(db, "SELECT count(resource_arn) FROM srm_decisions"),
               queryInt(db, "SELECT count(*) FROM srm_decisions WHERE account IS NOT NULL AND resource_arn IS NULL"),
               queryInt(db, "SELECT count(*) FROM srm_decisions WHERE account IS NULL AND resource_arn IS NULL"));
        snprintf(zName, sizeof(zName), "effective_responsibility(arn, c), %5d decisions", aDec[i]);
        optionalPair(db, "responsibility(arn, c)", aQuery[Q_RESP].zSql, zName,
          "SELECT count(*) FROM inventory WHERE effective_responsibility(arn, '" BENCH_CONTROL "') = 'customer'",
          "resp(arn)", 0, 0, nInv, "ns/row", &x, &y);
        /* The control changing from row to row: every control of the
        ** first BENCH_VARYING_ROWS rows (a report over inventory x
        ** srm_controls). */
        snprintf(zName, sizeof(zName), "effective_responsibility(arn, c.control), %5d decisions", aDec[i]);
        optionalPair(db, "responsibility(arn, c.control), every control",
          "SELECT count(*) FROM inventory i, srm_controls c WHERE i.rowid <= " BENCH_VARYING_ROWS_S
          " AND responsibility(i.arn, c.control) = 'customer'",
          zName,
          "SELECT count(*) FROM inventory i, srm_controls c WHERE i.rowid <= " BENCH_VARYING_ROWS_S
          " AND effective_responsibility(i.arn, c.control) = 'customer'",
          "resp(arn, c.control)", 0, 0,
          (double)(nInv<BENCH_VARYING_ROWS ? nInv : BENCH_VARYING_ROWS)
            *(double)queryInt(db, "SELECT count(*) FROM srm_controls"), "ns/call", &x, &y);
      }
      sqlite3_free(zSql);
    }
    sqlite3_free(zErr);
  }
  if( !bInv && !bForce ){
    printf("  srm_inventory: skipped: not built yet\n");
    rowAdd("srm_inventory: skipped: not built yet", 0);
  }else{
    int nDoc, nItem;
    double t0 = nowNs();
    char *zDoc = configSnapshot(db, 100u<<20, &nDoc, &nItem);
    printf("  AWS Config snapshot: %d items, %.1f MB, built in %.1f s\n",
           nItem, nDoc/1048576.0, (nowNs() - t0)/1e9);
    optionalPair(db, "json_each(snapshot): ARN, resourceType",
      "SELECT count(*), sum(length(json_extract(value, '$.ARN'))), count(json_extract(value, '$.resourceType'))"
      " FROM json_each(?1, '$.configurationItems')",
      "srm_inventory(snapshot): arn, resource_type",
      "SELECT count(*), sum(length(arn)), count(resource_type) FROM srm_inventory(?1, 'aws_config_snapshot')",
      "json_each", zDoc, nDoc, nItem, "ns/item", &x, &y);
    /* The same with every column srm_inventory() reads from an item. */
    optionalPair(db, "json_each(snapshot): 7 fields",
      "SELECT count(*), sum(length(json_extract(value, '$.ARN'))), count(json_extract(value, '$.resourceType')),"
      " count(json_extract(value, '$.resourceId')), count(json_extract(value, '$.resourceName')),"
      " count(json_extract(value, '$.awsAccountId')), count(json_extract(value, '$.awsRegion')),"
      " sum(length(json_extract(value, '$.tags'))) FROM json_each(?1, '$.configurationItems')",
      "srm_inventory(snapshot): every column",
      "SELECT count(*), sum(length(arn)), count(resource_type), count(resource_id), count(name),"
      " count(account), count(region), sum(length(tags)), count(service), count(variant)"
      " FROM srm_inventory(?1, 'aws_config_snapshot')",
      "json_each 7", zDoc, nDoc, nItem, "ns/item", &x, &y);
    sqlite3_free(zDoc);
  }
  if( bInv || bForce ){
    /* srm_findings() on a ~100 MB Security Hub get-findings document, against
    ** json_each() walking the same fields (issue 19: at least as fast). */
    int nDoc, nItem;
    double t0 = nowNs();
    char *zDoc = asffDocument(db, 100u<<20, &nDoc, &nItem);
    printf("  ASFF findings: %d findings, %.1f MB, built in %.1f s\n",
           nItem, nDoc/1048576.0, (nowNs() - t0)/1e9);
    optionalPair(db, "json_each(findings): 9 fields",
      "SELECT count(*), count(json_extract(value, '$.Compliance.SecurityControlId')),"
      " count(json_extract(value, '$.Resources[0].Id')), count(json_extract(value, '$.Resources[0].Type')),"
      " count(json_extract(value, '$.Compliance.Status')), count(json_extract(value, '$.Severity.Label')),"
      " count(json_extract(value, '$.AwsAccountId')), count(json_extract(value, '$.Region')),"
      " count(json_extract(value, '$.UpdatedAt')), count(json_extract(value, '$.Title'))"
      " FROM json_each(?1, '$.Findings')",
      "srm_findings(findings): every column",
      "SELECT count(*), count(check_id), count(arn), count(resource_type), count(status), count(severity),"
      " count(account), count(region), count(time), count(title), count(control), count(service)"
      " FROM srm_findings(?1, 'securityhub_asff')",
      "json_each 9", zDoc, nDoc, nItem, "ns/finding", &x, &y);
    sqlite3_free(zDoc);
  }
}

/* -------------------------------------------------------------- sizes */

/* One inventory size: its database and prepared queries, kept open so that
** the queries of every size run interleaved (the per-row cost at 5M rows
** is compared with 100k rows measured in the same minutes). */
typedef struct SizeResult SizeResult;
struct SizeResult {
  int nRow;
  sqlite3 *db;
  sqlite3_stmt *ap[N_QUERY];
  sqlite3_int64 aV[N_QUERY];
  double a[N_QUERY][64];        /* ns per row, per repetition */
  double aNs[N_QUERY];          /* their medians */
};

/* Build the inventory of nInv rows, describe it, prepare and warm up. */
static void benchSizeOpen(int nInv, SizeResult *pRes){
  double genNs;
  sqlite3 *db = benchInventory(nInv, &genNs);
  int i;
  pRes->nRow = nInv;
  pRes->db = db;

  printf("\n== %d rows (generated in %.1f s) ==\n", nInv, genNs/1e9);
  printf("  distinct: %lld namespaces, %lld services (srm_service), %lld resource types,"
         " %lld partitions; %lld rows with a variant, %lld unresolved\n",
         queryInt(db, "SELECT count(DISTINCT substr(s, 1, instr(s, ':') - 1))"
                     " FROM (SELECT substr(arn, instr(substr(arn, 5), ':') + 5) AS s FROM inventory)"),
         queryInt(db, "SELECT count(DISTINCT service) FROM inventory"),
         queryInt(db, "SELECT count(DISTINCT rtype) FROM inventory"),
         queryInt(db, "SELECT count(DISTINCT substr(arn, 5, instr(substr(arn, 5), ':') - 1)) FROM inventory"),
         queryInt(db, "SELECT count(variant) FROM inventory"),
         queryInt(db, "SELECT count(*) FROM inventory WHERE service IS NULL"));
  if( nInv<=100000 ){
    sqlite3_stmt *p = prepare(db,
      "SELECT rtype, count(*) AS n FROM inventory GROUP BY rtype ORDER BY n DESC LIMIT 5");
    printf("  top types:");
    while( sqlite3_step(p)==SQLITE_ROW ){
      printf(" %s %.1f%%", (const char*)sqlite3_column_text(p, 0),
             100.0*sqlite3_column_int(p, 1)/nInv);
    }
    printf("\n  sample rows:\n");
    sqlite3_finalize(p);
    p = prepare(db, "SELECT arn, rtype, svcname, svcid, service, variant FROM inventory LIMIT 4");
    while( sqlite3_step(p)==SQLITE_ROW ){
      printf("    %s | %s | %s | %s | %s | %s\n",
             sqlite3_column_text(p, 0), sqlite3_column_text(p, 1), sqlite3_column_text(p, 2),
             sqlite3_column_text(p, 3), sqlite3_column_text(p, 4),
             sqlite3_column_type(p, 5)==SQLITE_NULL ? "NULL" : (const char*)sqlite3_column_text(p, 5));
    }
    sqlite3_finalize(p);
  }
  for(i=0; i<N_QUERY; i++){
    if( aQuery[i].bPlan ) printPlan(db, &aQuery[i]);
  }

  for(i=0; i<N_QUERY; i++){
    pRes->ap[i] = queryPrepare(db, &aQuery[i]);
    runOnce(pRes->ap[i], &pRes->aV[i]);           /* warm-up */
  }
}

/* Repetition k of every query of one size. */
static void benchSizeRun(SizeResult *pRes, int k){
  int i;
  for(i=0; i<N_QUERY; i++) pRes->a[i][k] = runOnce(pRes->ap[i], 0)/pRes->nRow;
}

/* The medians of one size, its report rows; the optional queries on the
** last size; then close it. */
#define RATIO(i, j) pairedRatio(pRes->a[i], pRes->a[j], nRep)
static void benchSizeReport(SizeResult *pRes, int bLast, int bForce){
  int nInv = pRes->nRow, i;
  sqlite3 *db = pRes->db;
  Row *r;
  printf("\n== %d rows: ns per row ==\n", nInv);
  printf("  %-20s %12s %10s %10s %10s\n", "query", "result", "median", "min", "max ns/row");
  for(i=0; i<N_QUERY; i++){
    sqlite3_finalize(pRes->ap[i]);
    int k;
    double lo = pRes->a[i][0], hi = pRes->a[i][0];
    for(k=1; k<nRep; k++){
      if( pRes->a[i][k]<lo ) lo = pRes->a[i][k];
      if( pRes->a[i][k]>hi ) hi = pRes->a[i][k];
    }
    pRes->aNs[i] = median(pRes->a[i], nRep);
    printf("  %-20s %12lld %10.1f %10.1f %10.1f\n", aQuery[i].zKey, pRes->aV[i],
           pRes->aNs[i], lo, hi);
  }

  {
    char zHead[64];
    snprintf(zHead, sizeof(zHead), "== %d rows ==", nInv);
    rowAdd(zHead, 0);
  }
  for(i=0; i<N_QUERY; i++){
    double x = pRes->aNs[i];
    const char *zKey = aQuery[i].zKey;
    r = rowAdd(aQuery[i].zName, 0);
    snprintf(r->zValue, sizeof(r->zValue), "%.1f", x);
    if( i==Q_NOOP ){
      rowRatio(r, RATIO(i, Q_SCAN), "scan", 1, 0);
    }else if( i==Q_NOOP_READ ){
      rowRatio(r, RATIO(i, Q_NOOP), "noop", 1, 0);
    }else if( i==Q_RESP ){
      rowRatio(r, RATIO(i, Q_NOOP), "noop", 1, 1.15);
      r = rowAdd("responsibility(arn, c) vs the reading floor", 0);
      snprintf(r->zValue, sizeof(r->zValue), "%.1f", x);
      rowRatio(r, RATIO(i, Q_NOOP_READ), "noop_read", 1, 0);
    }else if( strncmp(zKey, "resp_", 5)==0 ){
      rowRatio(r, RATIO(i, Q_RESP), "resp(arn)", 1, 1.05);
    }else if( strcmp(zKey, "plain_sql")==0 ){
      rowRatio(r, RATIO(i, Q_RESP), "resp(arn)", 0, 10);
    }else if( strncmp(zKey, "join_vtab", 9)==0 ){
      rowRatio(r, RATIO(i, Q_RESP), "resp(arn)", 1, 1.25);
    }else if( strncmp(zKey, "join_native", 11)==0 ){
      rowRatio(r, RATIO(i, i-1), "the JOIN above", 0, 2.5);   /* the query before */
    }else if( i!=Q_SCAN ){
      rowRatio(r, RATIO(i, Q_NOOP), "noop", 1, 0);
    }
  }
  r = rowAdd("responsibility(arn, c) own: minus noop", 0);
  snprintf(r->zValue, sizeof(r->zValue), "%.1f", pRes->aNs[Q_RESP] - pRes->aNs[Q_NOOP]);
  if( bLast ) benchOptional(db, nInv, bForce);
  sqlite3_close(db);
}

/* ---------------------------------------------------------- reports */

/*
** --write-inventory N FILE: the N-row inventory in the shape the reports
** of sql/ read (what srm_inventory() makes of an AWS Config snapshot:
** arn, service, variant, resource_type, resource_id, name, account,
** region, tags), written to a new database FILE for test/bench/reports.sh.
*/
static int benchWriteInventory(int nInv, const char *zFile){
  sqlite3 *db;
  char *zSql;
  if( nInv<1 ){ fprintf(stderr, "bench: bad size %d\n", nInv); return 1; }
  db = benchInventory(nInv, 0);
  zSql = sqlite3_mprintf(
    "ATTACH %Q AS out;"
    "DROP TABLE IF EXISTS out.inventory;"
    "CREATE TABLE out.inventory(arn TEXT, service TEXT, variant TEXT, resource_type TEXT,"
    "  resource_id TEXT, name TEXT, account TEXT, region TEXT, tags TEXT);"
    "INSERT INTO out.inventory SELECT arn, service, variant, rtype, srm_arn(arn, 'resource_id'),"
    "  'r' || rowid, srm_arn(arn, 'account'), srm_arn(arn, 'region'),"
    "  json_object('env', CASE rowid %% 3 WHEN 0 THEN 'prod' WHEN 1 THEN 'dev' ELSE 'test' END)"
    "  FROM inventory ORDER BY rowid;"
    "DETACH out;", zFile);
  exec(db, zSql);
  sqlite3_free(zSql);
  sqlite3_close(db);
  return 0;
}

/* ---------------------------------------------------------- callgrind */

static int benchCallgrind(const char *zKind, int nInv){
  int iq = queryFind(zKind);
  sqlite3 *db;
  sqlite3_stmt *p;
  sqlite3_int64 v;
  if( iq<0 ){
    int i;
    if( strcmp(zKind, "list")!=0 ) fprintf(stderr, "bench: unknown query kind '%s'\n", zKind);
    for(i=0; i<N_QUERY; i++) printf("%s\n", aQuery[i].zKey);
    return strcmp(zKind, "list")!=0;
  }
  db = benchInventory(nInv, 0);
  p = queryPrepare(db, &aQuery[iq]);
  stepAll(p);                         /* warm: auxdata, caches, page faults */
  CALLGRIND_START_INSTRUMENTATION;
  v = benchMeasure(p);
  CALLGRIND_STOP_INSTRUMENTATION;
  printf("%s rows=%d result=%lld\n", zKind, nInv, v);
  /* No sqlite3_close(): it would dlclose() the library before callgrind
  ** writes its profile, and the profile would lose srm's line numbers. */
  sqlite3_finalize(p);
  return 0;
}

/* --------------------------------------------------------------- main */

int main(int argc, char **argv){
  int aSize[BENCH_MAX_SIZES], nSize = 0, i, bForce = 0;
  static SizeResult aRes[BENCH_MAX_SIZES];
  for(i=1; i<argc; i++){
    if( strcmp(argv[i], "--lib")==0 && i+1<argc ){
      zLib = argv[++i];
    }else if( strcmp(argv[i], "--reps")==0 && i+1<argc ){
      nRep = atoi(argv[++i]);
      if( nRep<1 || nRep>64 ){ fprintf(stderr, "bench: --reps 1..64\n"); return 1; }
    }else if( strcmp(argv[i], "--has-callgrind-h")==0 ){
      printf("%d\n", BENCH_HAVE_CALLGRIND_H);
      return 0;
    }else if( strcmp(argv[i], "--callgrind")==0 && i+2<argc ){
      return benchCallgrind(argv[i+1], atoi(argv[i+2]));
    }else if( strcmp(argv[i], "--write-inventory")==0 && i+2<argc ){
      return benchWriteInventory(atoi(argv[i+1]), argv[i+2]);
    }else if( strcmp(argv[i], "--force-optional")==0 ){
      bForce = 1;         /* run 7. even when the names are missing */
    }else if( argv[i][0]>='0' && argv[i][0]<='9' && nSize<BENCH_MAX_SIZES ){
      aSize[nSize++] = atoi(argv[i]);
      if( aSize[nSize-1]<1 ){ fprintf(stderr, "bench: bad size '%s'\n", argv[i]); return 1; }
    }else{
      fprintf(stderr, "usage: %s [--lib PATH] [--reps N] [SIZE ...]\n"
                      "       %s [--lib PATH] --callgrind KIND|list N\n"
                      "       %s [--lib PATH] --write-inventory N FILE\n", argv[0], argv[0], argv[0]);
      return 1;
    }
  }
  if( nSize==0 ){ aSize[0] = 100000; aSize[1] = 1000000; nSize = 2; }

  printf("srm benchmark\n");
  printMachine();
  printf("library: %s; control: %s; seed: %#llx; %d repetitions, round-robin, median\n",
         zLib, BENCH_CONTROL, (unsigned long long)BENCH_SEED, nRep);
  fflush(stdout);
  benchLoad();
  {
    sqlite3 *db = benchOpen(0);
    sqlite3_stmt *p = prepare(db, "SELECT srm_version()");
    if( sqlite3_step(p)==SQLITE_ROW ) printf("srm %s\n", sqlite3_column_text(p, 0));
    sqlite3_finalize(p);
    sqlite3_close(db);
  }
  for(i=0; i<nSize; i++){
    fflush(stdout);
    benchSizeOpen(aSize[i], &aRes[i]);
  }
  {
    int k;
    for(k=0; k<nRep; k++){
      for(i=0; i<nSize; i++) benchSizeRun(&aRes[i], k);
    }
  }
  for(i=0; i<nSize; i++){
    fflush(stdout);
    benchSizeReport(&aRes[i], i==nSize-1, bForce);
  }
  if( nSize>1 ){
    /* Per-row cost at the largest size against the smallest (100k). */
    int iSmall = 0, iLarge = 0;
    char zName[96];
    for(i=1; i<nSize; i++){
      if( aSize[i]<aSize[iSmall] ) iSmall = i;
      if( aSize[i]>aSize[iLarge] ) iLarge = i;
    }
    snprintf(zName, sizeof(zName), "== scaling: ns/row @%d vs @%d ==", aSize[iLarge], aSize[iSmall]);
    rowAdd(zName, 0);
    for(i=0; i<N_QUERY; i++){
      const char *zKey = aQuery[i].zKey;
      int bTarget = strncmp(zKey, "resp_", 5)==0 || strcmp(zKey, "srm_service")==0
                 || strcmp(zKey, "join_vtab")==0;
      char zRef[32];
      Row *r;
      snprintf(zName, sizeof(zName), "%s", aQuery[i].zName);
      r = rowAdd(zName, " (scaling)");
      snprintf(r->zValue, sizeof(r->zValue), "%.1f", aRes[iLarge].aNs[i]);
      snprintf(zRef, sizeof(zRef), "@%d", aSize[iSmall]);
      rowRatio(r, pairedRatio(aRes[iLarge].a[i], aRes[iSmall].a[i], nRep), zRef, 1, bTarget ? 1.10 : 0);
    }
  }
  if( nSize>1 ){
    int iSmall = 0, iLarge = 0;
    Row *r;
    for(i=1; i<nSize; i++){
      if( aSize[i]<aSize[iSmall] ) iSmall = i;
      if( aSize[i]>aSize[iLarge] ) iLarge = i;
    }
    r = rowAdd("responsibility(arn, c) own: minus noop (scaling)", 0);
    snprintf(r->zValue, sizeof(r->zValue), "%.1f", aRes[iLarge].aNs[Q_RESP] - aRes[iLarge].aNs[Q_NOOP]);
    rowRatio(r, (aRes[iLarge].aNs[Q_RESP] - aRes[iLarge].aNs[Q_NOOP])
                / (aRes[iSmall].aNs[Q_RESP] - aRes[iSmall].aNs[Q_NOOP]), "the smallest size", 1, 0);
  }
  reportPrint();
  return 0;
}
