#!/bin/sh
# test/coverage-check.sh BRANCHES NOTES
#
# make coverage's last step: every branch of ext/ that the suite leaves
# uncovered (the Missing column of gcovr's branch report, BRANCHES) must be
# explained by a line "ext/FILE:LINE: reason" of NOTES
# (test/coverage-notes.txt), and every such line must name a branch still
# uncovered, so that the notes stay true as the code moves.  Exits 1 and
# names each line that breaks the rule.
set -u
branches=$1
notes=$2
tmp=${TMPDIR:-/tmp}/srm-coverage-check.$$
trap 'rm -f "$tmp".*' EXIT
awk '/^ext\// && NF>=5 {
  n = split($5, a, ",")
  for(i=1; i<=n; i++){
    if( split(a[i], r, "-")==2 ){ for(l=r[1]; l<=r[2]; l++) print $1 ":" l }
    else print $1 ":" a[i]
  }
}' "$branches" | sort -u > "$tmp.missing"
grep -o '^ext/[^:]*:[0-9]*' "$notes" | sort -u > "$tmp.notes"
bad=0
for x in $(comm -23 "$tmp.missing" "$tmp.notes"); do
  echo "coverage-check: $x: a branch left uncovered and not explained in $notes"
  bad=1
done
for x in $(comm -13 "$tmp.missing" "$tmp.notes"); do
  echo "coverage-check: $x: explained in $notes, but no branch is uncovered there (moved or now tested?)"
  bad=1
done
[ $bad = 0 ] && echo "coverage-check: every uncovered branch is explained ($(wc -l < "$tmp.missing") in $notes)"
exit $bad
