#!/bin/sh
# test/lint.sh: cppcheck and clang-tidy over the extension's sources, as
# `make lint` runs them (from the top of the tree, build/srm_data.c and
# build/version.h made first).
#
#     sh test/lint.sh SUPPRESSIONS FILE.c...
#
# SUPPRESSIONS (test/lint-suppressions.txt) holds one suppression a line,
# each with its reason after a '#':
#   cppcheck ID[:FILE[:LINE]]       passed to cppcheck --suppressions-list
#   clang-tidy CHECK                CHECK turned off
#   clang-tidy CHECK:FILE:LINE      that one warning dropped
# Exits 1 on any warning left; everything clang-tidy printed is kept in
# build/lint/clang-tidy.txt.
set -u
supp=$1
shift
checks='clang-analyzer-*,bugprone-*,cert-*,misc-*,performance-*,portability-*'
out=build/lint
mkdir -p "$out"

echo "== cppcheck $*"
sed -n 's/^cppcheck[ 	]\{1,\}\([^ 	#]*\).*/\1/p' "$supp" > "$out/cppcheck.supp"
cppcheck -q --std=c99 --enable=warning,style,performance,portability --inline-suppr \
  --error-exitcode=1 --suppressions-list="$out/cppcheck.supp" \
  -Iext -Ibuild -D__GNUC__ "$@" || exit 1

# Checks turned off: ",-CHECK" for each "clang-tidy CHECK" line.
off=$(sed -n 's/^clang-tidy[ 	]\{1,\}\([^ 	#:]*\)[ 	#].*/,-\1/p
              s/^clang-tidy[ 	]\{1,\}\([^ 	#:]*\)$/,-\1/p' "$supp" | tr -d '\n')
echo "== clang-tidy -*,$checks$off"
clang-tidy -quiet --checks="-*,$checks$off" "$@" -- \
  -std=c99 -Iext -Ibuild -include build/version.h > "$out/clang-tidy.txt" 2>/dev/null
# Single warnings dropped: "FILE:LINE:[CHECK]" for each "clang-tidy CHECK:FILE:LINE".
sed -n 's/^clang-tidy[ 	]\{1,\}\([^ 	#:]*\):\([^ 	#:]*\):\([0-9]*\).*/\2:\3:[\1]/p' "$supp" \
  > "$out/clang-tidy.supp"
awk 'NR==FNR { supp[$0] = 1; next }
     / (warning|error): / {
       split($1, a, ":"); f = a[1]; sub(".*/ext/", "ext/", f);
       key = f ":" a[2] ":" $NF
       if( key in supp ) next
       print; n++ }
     END { exit n>0 }' "$out/clang-tidy.supp" "$out/clang-tidy.txt" || {
  echo "clang-tidy: warnings above (all of them in $out/clang-tidy.txt)" >&2
  exit 1
}
echo "lint: clean"
