#!/bin/sh
# test/bench/callgrind.sh: instructions per row of srm's functions, counted
# by callgrind over the measured loop only (build/bench --callgrind).
#
#     sh test/bench/callgrind.sh [--check THRESHOLDS] [--rows N] [BENCH [LIB]]
#
# Runs noop, noop_read, responsibility(arn), responsibility(rtype) and
# srm_service(arn) over N rows (default 100000), each in its own valgrind
# run, and prints instructions per row and each function's own instructions
# per row (its query minus the noop() query).  noop_read_own_ipr is the part
# of that any function with responsibility()'s arguments pays SQLite's API
# (reading x as text, its length, the control's auxdata).  With --check, compares with THRESHOLDS
# (lines "NAME MAX", # comments) and exits 1 naming every value above its
# maximum.  Profiles are kept in build/callgrind/ for callgrind_annotate:
#
#     callgrind_annotate --auto=yes --include=. build/callgrind/resp_arn.out
set -u
check=""
rows=100000
while [ $# -gt 0 ]; do
  case $1 in
    --check) check=$2; shift 2 ;;
    --rows) rows=$2; shift 2 ;;
    *) break ;;
  esac
done
bench=${1:-build/bench}
lib=${2:-./srm.so}
out=build/callgrind
mkdir -p "$out"

command -v valgrind >/dev/null 2>&1 || { echo "callgrind.sh: valgrind is not installed" >&2; exit 1; }
# Without <valgrind/callgrind.h> at build time, instrument from the start
# (slower, same counts: collection is toggled on benchMeasure either way).
if [ "$("$bench" --has-callgrind-h)" = 1 ]; then instr=--instr-atstart=no; else instr=; fi

# Instructions collected in benchMeasure for query $1, over $rows rows.
count(){
  valgrind --tool=callgrind --callgrind-out-file="$out/$1.out" \
    --toggle-collect=benchMeasure --collect-atstart=no $instr \
    "$bench" --lib "$lib" --callgrind "$1" "$rows" >"$out/$1.log" 2>&1 \
    || { echo "callgrind.sh: valgrind failed for $1, see $out/$1.log" >&2; exit 1; }
  n=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$out/$1.out")
  [ -n "$n" ] && [ "$n" -gt 0 ] || { echo "callgrind.sh: no instructions counted for $1 ($out/$1.out)" >&2; exit 1; }
  echo "$n"
}

ipr(){ awk -v n="$1" -v r="$rows" 'BEGIN{ printf "%.1f", n/r }'; }

noop=$(count noop) || exit 1
noopread=$(count noop_read) || exit 1
arn=$(count resp_arn) || exit 1
rtype=$(count resp_rtype) || exit 1
svc=$(count srm_service) || exit 1

results="noop_ipr $(ipr "$noop")
noop_read_own_ipr $(ipr $((noopread - noop)))
responsibility_arn_ipr $(ipr "$arn")
responsibility_rtype_ipr $(ipr "$rtype")
srm_service_ipr $(ipr "$svc")
responsibility_own_ipr $(ipr $((arn - noop)))
responsibility_rtype_own_ipr $(ipr $((rtype - noop)))
srm_service_own_ipr $(ipr $((svc - noop)))"

echo "instructions per row over $rows rows (callgrind, measured loop only; own = minus noop):"
printf '%s\n' "$results" | awk '{ printf "  %-30s %10s\n", $1, $2 }'

[ -n "$check" ] || exit 0
[ -f "$check" ] || { echo "callgrind.sh: no thresholds file $check" >&2; exit 1; }
printf '%s\n' "$results" | awk -v file="$check" '
  BEGIN {
    while( (getline line < file) > 0 ){
      sub(/#.*/, "", line)
      if( split(line, f) >= 2 ) max[f[1]] = f[2]
    }
  }
  { got[$1] = $2 }
  END {
    bad = 0
    for( k in max ){
      if( !(k in got) ){ printf "bench-check: %s: unknown name in %s\n", k, file; bad = 1; continue }
      if( got[k] + 0 > max[k] + 0 ){
        printf "bench-check: REGRESSION %s = %s instructions per row, above the threshold %s (%s)\n", k, got[k], max[k], file
        bad = 1
      }
    }
    if( !bad ) printf "bench-check: ok, every value within %s\n", file
    exit bad
  }'
