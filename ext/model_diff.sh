#!/bin/sh
# ext/model_diff.sh REF [LIB]: the cells of the model whose owner differs
# between git REF and the library LIB (./srm.so by default), as CSV:
#
#     service,variant,control,old,new,source
#
# one row per cell that changed owner, appeared (old empty) or went (new
# empty), with the AWS page behind the new answer.  `make model-diff
# FROM=REF` runs it.  REF's tree is built once into build/model-diff/
# (a plain build: it installs nothing).  A maintainer's tool for the
# changelog: an auditor must know when an answer they relied on moved.
set -eu
ref=${1:?usage: model_diff.sh REF [LIB]}
lib=${2:-./srm.so}
commit=$(git rev-parse --verify --short "$ref^{commit}")
dir=build/model-diff/$commit
if [ ! -f "$dir/srm.so" ]; then
  rm -rf "$dir"
  mkdir -p "$dir"
  git archive "$commit" | tar -x -C "$dir"
  make -C "$dir" -s srm.so >&2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dump="CREATE TABLE m AS SELECT service, ifnull(variant, '') AS variant, control, owner,
                         ifnull(source, '') AS source FROM srm_matrix"
sqlite3 "$tmp/old.db" -cmd ".load $dir/srm" "$dump"
sqlite3 "$tmp/new.db" -cmd ".load $lib" "$dump"
sqlite3 -csv -header "$tmp/new.db" "ATTACH '$tmp/old.db' AS o;
  SELECT service, variant, control, old, new, source FROM (
    SELECT n.service, n.variant, n.control, x.owner AS old, n.owner AS new, n.source
      FROM m n JOIN o.m x USING (service, variant, control) WHERE n.owner <> x.owner
    UNION ALL
    SELECT n.service, n.variant, n.control, '', n.owner, n.source FROM m n
     WHERE NOT EXISTS (SELECT 1 FROM o.m x WHERE x.service = n.service AND x.variant = n.variant
                         AND x.control = n.control)
    UNION ALL
    SELECT x.service, x.variant, x.control, x.owner, '', '' FROM o.m x
     WHERE NOT EXISTS (SELECT 1 FROM m n WHERE n.service = x.service AND n.variant = x.variant
                         AND n.control = x.control))
  ORDER BY service, variant, control;"
