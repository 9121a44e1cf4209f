#!/bin/sh
# test/dist.sh VERSION: install each artifact of dist/ (ext/dist.sh)
# somewhere clean and run the same three queries through it: the version,
# an answer of the model, a count of a table.  `make test-dist` runs it.
#
#   the source tarball   extracted, built by make, loaded
#   the binary tarball   extracted, loaded by the sqlite3 shell
#   the npm package      npm install of the tarball into an empty project,
#                        require('sqlite-srm').load(db) with better-sqlite3
#   the Python wheel     pip install --no-index into a new venv,
#                        sqlite_srm.load(conn)
#   the Debian package   lintian; as root, dpkg -i, the documented .load
#                        line, dpkg -r
#   SHA256SUMS           checked
#
# Prints one line per artifact and "test-dist: N passed, N failed"; exits 1
# on a failure.
set -u
version=${1:?usage: dist.sh VERSION}
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
want="$version|not_applicable|1703"
pass=0
fail=0
check(){   # check NAME GOT
  if [ "$2" = "$want" ]; then
    echo "test-dist: $1: ok"
    pass=$((pass + 1))
  else
    echo "test-dist: $1: got '$2', want '$want'"
    fail=$((fail + 1))
  fi
}
q1="SELECT srm_version()"
q2="SELECT responsibility('AWS::EC2::Volume', 'guest_os_patching')"
q3="SELECT count(*) FROM srm_checks"

(cd dist && sha256sum --quiet -c SHA256SUMS) && check SHA256SUMS "$want" || check SHA256SUMS "mismatch"

# the source tarball: builds with a plain make, no git
mkdir -p "$tmp/src"
tar -xzf "dist/srm-$version.tar.gz" -C "$tmp/src"
if make -s -C "$tmp/src/srm-$version" >"$tmp/src/make.log" 2>&1; then
  got=$(sqlite3 :memory: -cmd ".load $tmp/src/srm-$version/srm" "$q1; $q2; $q3" | tr '\n' '|' | sed 's/|$//')
else
  cat "$tmp/src/make.log"
  got="make failed"
fi
check "srm-$version.tar.gz: make" "$got"

# the binary tarball
tar -xzf "dist/srm-$version-linux-x86_64.tar.gz" -C "$tmp"
got=$(sqlite3 :memory: -cmd ".load $tmp/srm-$version-linux-x86_64/srm" "$q1; $q2; $q3" | tr '\n' '|' | sed 's/|$//')
check "srm-$version-linux-x86_64.tar.gz" "$got"

# npm
mkdir -p "$tmp/npm"
(cd "$tmp/npm" && npm init -y >/dev/null 2>&1 \
   && npm install --offline --no-audit --no-fund --loglevel=error "$root/dist/sqlite-srm-$version.tgz" >/dev/null 2>&1)
cat > "$tmp/npm/q.js" <<EOF
const Database = require('$root/build/node/node_modules/better-sqlite3');
const srm = require('sqlite-srm');
const db = new Database(':memory:');
srm.load(db);
const out = ["$q1", "$q2", "$q3"].map(q => db.prepare(q).pluck().get());
if (!srm.getLoadablePath().endsWith('srm.so')) out.push('no path');
console.log(out.join('|'));
EOF
got=$(cd "$tmp/npm" && node q.js 2>&1)
check "sqlite-srm-$version.tgz" "$got"

# Python
/usr/bin/python3 -m venv "$tmp/venv" >/dev/null 2>&1
"$tmp/venv/bin/pip" install --no-index --quiet "dist/sqlite_srm-$version-py3-none-linux_x86_64.whl" >/dev/null 2>&1
got=$(cd "$tmp" && "$tmp/venv/bin/python" -c "
import sqlite3, sqlite_srm
conn = sqlite3.connect(':memory:')
sqlite_srm.load(conn)
print('|'.join(str(conn.execute(q).fetchone()[0]) for q in [\"$q1\", \"$q2\", \"$q3\"]))
" 2>&1)
check "sqlite_srm-$version-py3-none-linux_x86_64.whl" "$got"

# Debian
deb="dist/sqlite3-srm_${version}_amd64.deb"
if lintian --fail-on error "$deb" >"$tmp/lintian.txt" 2>&1; then
  check "$deb: lintian" "$want"
else
  cat "$tmp/lintian.txt"
  check "$deb: lintian" "errors"
fi
if [ "$(id -u)" = 0 ]; then
  if dpkg -i "$deb" >/dev/null 2>&1; then
    got=$(sqlite3 :memory: -cmd ".load /usr/lib/sqlite3/srm" "$q1; $q2; $q3" | tr '\n' '|' | sed 's/|$//')
    [ -f /usr/share/sqlite3-srm/sql/obligations.sql ] || got="$got (no reports)"
    dpkg -r sqlite3-srm >/dev/null 2>&1 || got="$got (dpkg -r failed)"
    [ ! -e /usr/lib/sqlite3/srm.so ] || got="$got (left behind)"
  else
    got="dpkg -i failed"
  fi
  check "$deb: dpkg -i, .load /usr/lib/sqlite3/srm, dpkg -r" "$got"
else
  echo "test-dist: $deb: not installed (not root)"
fi

echo "test-dist: $pass passed, $fail failed"
[ "$fail" = 0 ]
