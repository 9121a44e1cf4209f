#!/bin/sh
# demo.sh: the main job of srm on a bundled sample, as `make demo` runs it.
#
#     sh sql/demo.sh ./srm.so
#
# Loads data/samples/aws_config_snapshot.json (37 resources of 18 services
# in 3 accounts) into build/demo.db with sql/load_inventory.sql, then runs
# the summary, obligations, unmapped and shift reports in box mode.
set -e
lib=${1:-./srm.so}
db=build/demo.db
mkdir -p build
rm -f "$db"
sqlite3 "$db" -cmd ".load $lib" \
  -cmd ".parameter set :file data/samples/aws_config_snapshot.json" < sql/load_inventory.sql
for report in summary obligations unmapped shift; do
  echo
  echo "== sql/$report.sql"
  sqlite3 -box "$db" -cmd ".load $lib" < "sql/$report.sql"
done
