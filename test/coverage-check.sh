#!/bin/sh
# test/coverage-check.sh BRANCHES
#
# make coverage's last step: every branch of ext/ must be taken by the Tcl
# suite or the C driver.  Branches that no input can take are not counted:
# they are written with ALWAYS() or NEVER() (ext/srm.h), which the coverage
# build (-DSRM_COVERAGE_TEST) turns into constants.  BRANCHES is gcovr's
# branch report (build/coverage/branches.txt); each line of ext/ with a
# branch left untaken is printed with its source, and the exit status is 1.
set -u
branches=$1
missing=$(awk '/^ext\// && NF>=5 {
  n = split($5, a, ",")
  for(i=1; i<=n; i++){
    if( split(a[i], r, "-")==2 ){ for(l=r[1]; l<=r[2]; l++) print $1 ":" l }
    else print $1 ":" a[i]
  }
}' "$branches" | sort -u)
if [ -z "$missing" ]; then
  echo "coverage-check: every branch of ext/ is taken"
  exit 0
fi
for x in $missing; do
  f=${x%%:*}
  l=${x##*:}
  printf 'coverage-check: %s: a branch not taken: %s\n' "$x" "$(sed -n "${l}p" "$f" | sed 's/^ *//')"
done
echo "coverage-check: $(printf '%s\n' $missing | wc -l) lines with a branch not taken: test them, or," \
     "if no input can take them, write the condition with ALWAYS() or NEVER()"
exit 1
