#!/bin/sh
# demo.sh: the main job of srm on a bundled sample, as `make demo` runs it.
#
#     sh sql/demo.sh ./srm.so
#
# Loads data/samples/aws_config_snapshot.json (an AWS Config snapshot of
# 37 resources in 3 accounts) into build/demo.db with
# sql/load_inventory.sql, then shows what a person reads, one screen at a
# time: the summary, the services against every control, what would move
# if a workload ran another way, what srm could not resolve, and the duties
# that are once per account.  The long
# list of obligations (one row per resource and duty) goes to
# build/demo-obligations.csv, the whole report as one HTML page
# (sql/report_html.sql) to build/demo-report.html, and the FedRAMP High
# CRM of the sample's services (sql/crm.sql) to build/demo-crm.csv, after
# the NIST SP 800-171 summary; it names each.
set -e
lib=${1:-./srm.so}
db=build/demo.db
csv=build/demo-obligations.csv
html=build/demo-report.html
crm=build/demo-crm.csv
sample=data/samples/aws_config_snapshot.json
mkdir -p build
rm -f "$db" "$csv" "$html" "$crm"

run() {   # run MODE SCRIPT [shell arguments]: sql/SCRIPT.sql on the demo database
  mode=$1 script=$2
  shift 2
  sqlite3 "$mode" "$db" -cmd ".load $lib" "$@" < "sql/$script.sql"
}

loaded=$(sqlite3 "$db" -cmd ".load $lib" -cmd ".parameter set :document readfile('$sample')" \
  < sql/load_inventory.sql)
echo "Loaded $loaded resources from $sample into $db (table inventory)."

echo
echo "== 1. Summary (sql/summary.sql): resources and their duties, by owner"
echo "   A duty is one control for one resource; controls that do not apply are not counted."
run -box summary

echo
echo "== 2. The services in use against every control (sql/matrix.sql)"
echo "   Legend: column number, control; then one letter a control:"
echo "   A aws, S shared, C customer, - does not apply."
run -box matrix

echo
echo "== 3. What moves if a workload ran another way (sql/shift.sql)"
run -box shift

echo
echo "== 4. What srm could not resolve (sql/unmapped.sql)"
run -box unmapped

echo
echo "== 5. Duties once per account, not per resource (sql/organization.sql)"
run -box organization

run -csv obligations -header > "$csv"
rows=$(($(wc -l < "$csv") - 1))
echo
echo "== 6. Obligations (sql/obligations.sql): $rows rows, one a resource and duty of the"
echo "   customer's (with the AWS page behind it), written to $csv"

run -list report_html > "$html"
echo
echo "== 7. The report as one page (sql/report_html.sql), written to $html:"
echo "   counts by owner, a picture of each service's stack, the matrix, what is"
echo "   unmapped, the decisions, where each number comes from. Open it in a browser"
echo "   (it loads nothing else, needs no script, and prints)."
echo
echo "== 8. NIST SP 800-171 r3, requirement by requirement (sql/origination_summary.sql):"
echo "   how many the services of the inventory inherit from AWS, share, or leave to you"
run -box origination_summary -cmd ".parameter set :framework nist_800_171_r3"
run -csv crm -header > "$crm"
echo "   The FedRAMP High Customer Responsibility Matrix of these services (sql/crm.sql,"
echo "   derived by srm, not AWS's own) is in $crm; OSCAL exports: sql/oscal_*.sql."
echo
echo "Next: sqlite3 -box $db -cmd '.load $lib' < sql/obligations.sql"
