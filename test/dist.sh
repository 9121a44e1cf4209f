#!/bin/sh
# test/dist.sh VERSION: the install and load lines of README.md's "Release
# packages" table, run as written, each in a clean place, through its own
# client; then three queries (the version, an answer of the model, a count
# of a table) through what they loaded.  `make test-dist` runs it after
# `make dist` (ext/dist.sh).
#
#   sources, binary tarball   an empty directory; the sqlite3 shell
#   npm package               an empty npm project (npm init -y); node with
#                             better-sqlite3 (build/node, from make test)
#   Python wheel              a new venv of /usr/bin/python3, pip with
#                             PIP_NO_INDEX=1 (no package index is reachable)
#   Debian package            lintian; as root: the apt-get line, the .load
#                             line, dpkg -r
#   make install              as root: a real make install, then the
#                             "installed copy" column of the client table
#                             (test/load_lines.tcl), then the files removed
#   SHA256SUMS                checked
#
# The Windows tarball is only listed: nothing here runs srm.dll.  Prints one
# line per check and "test-dist: N passed, N failed"; exits 1 on a failure.
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
join(){ tr '\n' '|' | sed 's/|$//'; }

# cell ARTIFACT COLUMN: the first `code` of that column (2 install, 3 load)
# in the row of the table that starts with `ARTIFACT`.
cell(){
  grep -F "| \`$1\`" README.md | head -n 1 \
    | awk -F'|' -v n="$2" '{ print $(n + 1) }' \
    | sed -n 's/^[^`]*`\([^`]*\)`.*/\1/p'
}
# a fresh directory holding only the artifact
fresh(){ d=$(mktemp -d -p "$tmp"); cp "dist/$1" "$d/"; echo "$d"; }

(cd dist && sha256sum --quiet -c SHA256SUMS) && check SHA256SUMS "$want" || check SHA256SUMS "mismatch"

# ---- the sources and the Linux binary: the shell ----
for a in "srm-$version.tar.gz" "srm-$version-linux-x86_64.tar.gz"; do
  install=$(cell "$a" 2); load=$(cell "$a" 3)
  d=$(fresh "$a")
  if [ -z "$install" ] || [ -z "$load" ]; then
    got="no row for $a in README.md"
  elif (cd "$d" && sh -c "$install") >"$d/log" 2>&1; then
    got=$(cd "$d" && sqlite3 :memory: -cmd "$load" "$q1; $q2; $q3" 2>&1 | join)
  else
    cat "$d/log"; got="'$install' failed"
  fi
  check "$a: $install; $load" "$got"
done
[ -n "$(cell "srm-$version-windows-x86_64.tar.gz" 2)" ] && tar -tzf "dist/srm-$version-windows-x86_64.tar.gz" \
  | grep -q "/srm.dll$" && check "srm-$version-windows-x86_64.tar.gz: listed, holds srm.dll" "$want" \
  || check "srm-$version-windows-x86_64.tar.gz" "not listed or no srm.dll"

# ---- npm ----
a="sqlite-srm-$version.tgz"
install=$(cell "$a" 2); load=$(cell "$a" 3)
d=$(fresh "$a")
cat > "$d/q.js" <<EOF
const Database = require('better-sqlite3');
const db = new Database(':memory:');
$load;
const out = ["$q1", "$q2", "$q3"].map(q => db.prepare(q).pluck().get());
if (!require('sqlite-srm').getLoadablePath().endsWith('/srm.so')) out.push('getLoadablePath');
console.log(out.join('|'));
EOF
if (cd "$d" && npm init -y && sh -c "$install") >"$d/log" 2>&1; then
  got=$(cd "$d" && NODE_PATH="$root/build/node/node_modules" node q.js 2>&1)
else
  cat "$d/log"; got="'$install' failed"
fi
check "$a: $install; $load" "$got"

# ---- Python ----
a="sqlite_srm-$version-py3-none-linux_x86_64.whl"
install=$(cell "$a" 2); load=$(cell "$a" 3)
d=$(fresh "$a")
cat > "$d/q.py" <<EOF
import os, sqlite3
conn = sqlite3.connect(':memory:')
$load
out = [str(conn.execute(q).fetchone()[0]) for q in ["$q1", "$q2", "$q3"]]
if not os.path.exists(sqlite_srm.loadable_path() + '.so'): out.append('loadable_path')
print('|'.join(out))
EOF
if /usr/bin/python3 -m venv "$d/venv" >"$d/log" 2>&1 \
   && (cd "$d" && PATH="$d/venv/bin:$PATH" PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
       sh -c "$install") >>"$d/log" 2>&1; then
  got=$(cd "$d" && "$d/venv/bin/python" q.py 2>&1)
else
  cat "$d/log"; got="'$install' failed"
fi
check "$a: $install; $load" "$got"

# ---- Debian ----
a="sqlite3-srm_${version}_amd64.deb"
if lintian --fail-on error "dist/$a" >"$tmp/lintian.txt" 2>&1; then
  check "$a: lintian" "$want"
else
  cat "$tmp/lintian.txt"
  check "$a: lintian" "errors"
fi
if [ "$(id -u)" = 0 ]; then
  install=$(cell "$a" 2); load=$(cell "$a" 3)
  d=$(fresh "$a")
  if (cd "$d" && DEBIAN_FRONTEND=noninteractive sh -c "$install" </dev/null) >"$d/log" 2>&1; then
    got=$(sqlite3 :memory: -cmd "$load" "$q1; $q2; $q3" 2>&1 | join)
    [ -f /usr/share/sqlite3-srm/sql/obligations.sql ] || got="$got (no reports)"
    dpkg -r sqlite3-srm >/dev/null 2>&1 || got="$got (dpkg -r failed)"
    [ ! -e /usr/lib/sqlite3/srm.so ] || got="$got (left behind)"
  else
    cat "$d/log"; got="'$install' failed"
  fi
  check "$a: $install; $load; dpkg -r" "$got"
else
  echo "test-dist: $a: not installed (not root)"
fi

# ---- make install, and the client table's installed column ----
if [ "$(id -u)" = 0 ]; then
  lib=/usr/local/lib/sqlite3/srm.so
  if [ -e "$lib" ]; then
    check "make install" "$lib is there already: not overwritten"
  elif make -s install >"$tmp/install.log" 2>&1; then
    out=$(tclsh test/load_lines.tcl installed)
    rm -f "$lib"; rmdir /usr/local/lib/sqlite3 2>/dev/null
    echo "$out" | while IFS= read -r line; do echo "test-dist: make install: $line"; done
    n=$(echo "$out" | grep -c ": $version\$")
    [ "$n" = 4 ] && got=$want || got="$n of 4 clients loaded it"
    check "make install; the client table's installed column" "$got"
  else
    cat "$tmp/install.log"; check "make install" "failed"
  fi
else
  echo "test-dist: make install: not run (not root)"
fi

echo "test-dist: $pass passed, $fail failed"
[ "$fail" = 0 ]
