#!/bin/sh
# reports.sh: what each report of sql/ costs on large inventories, as a
# user runs it: the sqlite3 shell, CSV output to /dev/null.
#
#     sh test/bench/reports.sh BENCH LIB REPS SIZE...
#
# For each SIZE, `BENCH --write-inventory SIZE` writes an inventory of that
# many rows (the benchmark's generator: ARNs of every namespace in a skewed
# mix, in the columns srm_inventory() makes of an AWS Config snapshot) to
# build/bench_reports_SIZE.db, with srm_overlay_init() and 100 decisions
# (10 on services, 10 on accounts, 80 on resources).  The reference is one
# pass that answers every control for every row:
#
#     SELECT i.arn, c.control, responsibility(...) FROM inventory i, srm_controls c
#
# Then every report and the reference run REPS rounds, round-robin over the
# sizes, so that the ratios compare runs of the same minutes.  Printed: the
# median seconds of each, its ratio to the reference (the median of the
# per-round ratios; target <= 3x), and its seconds per row at the largest
# size against the smallest (target <= 1.2x: linear).  The plans of each
# report's statements are printed first.  A report; it always exits 0.
set -eu
bench=$1 lib=$2 reps=$3
shift 3
sizes="$*"
reports="summary obligations organization matrix matrix_long shift unmapped effective_obligations report_html"
ref="SELECT i.arn, c.control,
       responsibility(coalesce(i.arn, i.resource_type, i.service), c.control, i.variant)
  FROM inventory i, srm_controls c;"
tmp=build/bench_reports.tmp
mkdir -p build

now() { date +%s%N; }

for n in $sizes; do
  db=build/bench_reports_$n.db
  rm -f "$db"
  "$bench" --lib "$lib" --write-inventory "$n" "$db"
  sqlite3 "$db" -cmd ".load $lib" >/dev/null <<'EOF'
SELECT srm_overlay_init();
INSERT INTO srm_decisions(service, control, owner, party, reason, approved_by, account, resource_arn)
  SELECT service, 'guest_os_patching', 'third_party', 'Acme MSP', 'benchmark', 'CISO',
         CASE WHEN k % 10 = 1 THEN account END,
         CASE WHEN k % 10 > 1 THEN arn END
    FROM (SELECT row_number() OVER (ORDER BY rowid) AS k, * FROM inventory
           WHERE service IS NOT NULL AND account GLOB '[0-9]*' AND length(account) = 12
             AND srm_service(arn) = service AND srm_variant(arn) IS variant
             AND rowid % 97 = 0)
   WHERE k <= 100;
EOF
done

small=${sizes%% *}
echo
echo "== plans (EXPLAIN QUERY PLAN of each statement, $small rows)"
for r in $reports; do
  echo "-- sql/$r.sql"
  sqlite3 -csv "build/bench_reports_$small.db" -cmd ".load $lib" -cmd '.eqp on' \
    < "sql/$r.sql" 2>&1 | grep -E '^(QUERY PLAN|[|` ]*(\|--|`--))' || true
done

# Round-robin: reps x sizes x (reference + reports).
: > "$tmp"
i=0
while [ "$i" -lt "$reps" ]; do
  for n in $sizes; do
    db=build/bench_reports_$n.db
    t0=$(now)
    echo "$ref" | sqlite3 -csv "$db" -cmd ".load $lib" > /dev/null
    t1=$(now)
    echo "$i $n reference $((t1 - t0))" >> "$tmp"
    for r in $reports; do
      t0=$(now)
      sqlite3 -csv "$db" -cmd ".load $lib" < "sql/$r.sql" > /dev/null
      t1=$(now)
      echo "$i $n $r $((t1 - t0))" >> "$tmp"
    done
  done
  i=$((i + 1))
done

large=$small
for n in $sizes; do [ "$n" -gt "$large" ] && large=$n; done
echo
echo "== reports: seconds (median of $reps), ratio to the all-controls pass (target <= 3x),"
echo "   per-row cost at $large rows vs $small (target <= 1.2x)"
awk -v small="$small" -v large="$large" -v list="reference $reports" '
  { t[$1, $2, $3] = $4; rounds[$1] = 1; sz[$2] = 1 }
  function median(a, k,   i, j, x) {
    for (i = 2; i <= k; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j+1] = a[j]; a[j+1] = x }
    return (k % 2) ? a[(k+1)/2] : (a[k/2] + a[k/2+1]) / 2
  }
  END {
    nr = 0; for (r in rounds) nr++
    ns = split(list, names, " ")
    printf "  %-22s", "report"
    for (n in sz) order[++no] = n + 0
    for (i = 2; i <= no; i++) { x = order[i]; for (j = i - 1; j >= 1 && order[j] > x; j--) order[j+1] = order[j]; order[j+1] = x }
    for (k = 1; k <= no; k++) printf " %9s s %7s", order[k], "ratio"
    printf " %8s\n", "scaling"
    for (q = 1; q <= ns; q++) {
      name = names[q]
      printf "  %-22s", name
      for (k = 1; k <= no; k++) {
        n = order[k]
        for (r = 0; r < nr; r++) { a[r+1] = t[r, n, name] / 1e9; b[r+1] = t[r, n, name] / t[r, n, "reference"] }
        s = median(a, nr); ratio = median(b, nr)
        flag = (name != "reference" && ratio > 3) ? "!" : " "
        printf " %11.3f %6.2fx%s", s, ratio, flag
      }
      for (r = 0; r < nr; r++) c[r+1] = (t[r, large, name] / large) / (t[r, small, name] / small)
      sc = median(c, nr)
      printf " %7.2fx%s\n", sc, (sc > 1.2 && large != small) ? "!" : " "
    }
    print "  (! marks a target not met)"
  }' "$tmp"
rm -f "$tmp"
