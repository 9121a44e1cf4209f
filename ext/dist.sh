#!/bin/sh
# ext/dist.sh VERSION: the release artifacts of srm, built offline into
# dist/ from the tree as it is (`make dist` runs it after building srm.so
# and srm.dll):
#
#   srm-VERSION.tar.gz                   the sources (git archive of HEAD)
#   srm-VERSION-linux-x86_64.tar.gz      srm.so, sql/, docs/, README, LICENSE
#   srm-VERSION-windows-x86_64.tar.gz    srm.dll (built with SRM_OMIT_GZIP)
#   sqlite-srm-VERSION.tgz               the npm package: getLoadablePath(),
#                                        load(db) for better-sqlite3, types
#   sqlite_srm-VERSION-py3-none-linux_x86_64.whl
#                                        the Python package: loadable_path(),
#                                        load(conn); made by Debian's wheel
#   sqlite3-srm_VERSION_amd64.deb        /usr/lib/sqlite3/srm.so (as Debian's
#                                        sqlite3-pcre puts its extension), the
#                                        reports and the docs; lintian-clean
#   SHA256SUMS
#
# test/dist.sh installs each one somewhere clean and queries it.
set -eu
version=${1:?usage: dist.sh VERSION}
out=dist
work=build/dist
rm -rf "$out" "$work"
mkdir -p "$out" "$work"

# ---- sources ----
if git rev-parse --git-dir >/dev/null 2>&1; then
  git archive --format=tar.gz --prefix="srm-$version/" -o "$out/srm-$version.tar.gz" HEAD
else
  tar -czf "$out/srm-$version.tar.gz" --exclude=./build --exclude=./dist \
      --transform "s,^\.,srm-$version," .
fi

# ---- binary tarballs ----
b=$work/srm-$version-linux-x86_64
mkdir -p "$b"
cp srm.so LICENSE NOTICE README.md CHANGELOG.md "$b/"
cp -r sql docs "$b/"
tar -czf "$out/srm-$version-linux-x86_64.tar.gz" -C "$work" "srm-$version-linux-x86_64"
w=$work/srm-$version-windows-x86_64
mkdir -p "$w"
cp build/dll/srm.dll LICENSE NOTICE README.md CHANGELOG.md "$w/"
cp -r sql docs "$w/"
tar -czf "$out/srm-$version-windows-x86_64.tar.gz" -C "$work" "srm-$version-windows-x86_64"

# ---- npm: sqlite-srm ----
n=$work/npm
mkdir -p "$n"
cp srm.so LICENSE NOTICE "$n/"
cat > "$n/package.json" <<EOF
{
  "name": "sqlite-srm",
  "version": "$version",
  "description": "The AWS shared responsibility model as a SQLite extension: who owns each security control for each resource",
  "license": "Apache-2.0",
  "main": "index.js",
  "types": "index.d.ts",
  "os": ["linux"],
  "cpu": ["x64"],
  "files": ["index.js", "index.d.ts", "srm.so", "LICENSE", "NOTICE", "README.md"],
  "keywords": ["sqlite", "sqlite-extension", "aws", "security", "compliance", "shared-responsibility"]
}
EOF
cat > "$n/index.js" <<'EOF'
'use strict';
// sqlite-srm: the path of the srm SQLite extension inside this package, and
// a helper that loads it into a better-sqlite3 database (or anything with a
// loadExtension(path) method).
const path = require('path');

function getLoadablePath() {
  return path.join(__dirname, 'srm.so');
}

function load(db) {
  db.loadExtension(getLoadablePath());
}

module.exports = { getLoadablePath, load };
EOF
cat > "$n/index.d.ts" <<'EOF'
/** The absolute path of the srm extension in this package (srm.so). */
export declare function getLoadablePath(): string;

/** Loads srm into a database that has loadExtension(path), such as a better-sqlite3 Database. */
export declare function load(db: { loadExtension(path: string): unknown }): void;
EOF
cat > "$n/README.md" <<'EOF'
# sqlite-srm

The srm SQLite extension for Node.js (Linux x86-64).

    const Database = require('better-sqlite3');
    const srm = require('sqlite-srm');
    const db = new Database(':memory:');
    srm.load(db);
    db.prepare("SELECT responsibility('AWS::EC2::Instance', 'guest_os_patching')").pluck().get();  // 'customer'

The reference of every function and table is docs/reference.md of srm.
EOF
(cd "$n" && npm pack --silent --pack-destination "../../../$out" >/dev/null)

# ---- Python: sqlite_srm ----
p=$work/wheel/sqlite_srm-$version
mkdir -p "$p/sqlite_srm" "$p/sqlite_srm-$version.dist-info"
cp srm.so "$p/sqlite_srm/"
cat > "$p/sqlite_srm/__init__.py" <<EOF
"""srm: the AWS shared responsibility model as a SQLite extension.

    import sqlite3, sqlite_srm
    conn = sqlite3.connect(":memory:")
    sqlite_srm.load(conn)
    conn.execute("SELECT responsibility('AWS::EC2::Instance', 'guest_os_patching')").fetchone()
"""
import os

__version__ = "$version"


def loadable_path():
    """The path of the srm extension in this package, as load_extension() takes it."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "srm")


def load(conn):
    """Load srm into a sqlite3 connection (extension loading is turned on for the call)."""
    conn.enable_load_extension(True)
    try:
        conn.load_extension(loadable_path())
    finally:
        conn.enable_load_extension(False)
EOF
cat > "$p/sqlite_srm-$version.dist-info/METADATA" <<EOF
Metadata-Version: 2.1
Name: sqlite-srm
Version: $version
Summary: The AWS shared responsibility model as a SQLite extension
License: Apache-2.0
Requires-Python: >=3.7

The srm SQLite extension (Linux x86-64): sqlite_srm.load(conn) loads it into
a sqlite3 connection; sqlite_srm.loadable_path() is its path.
EOF
cat > "$p/sqlite_srm-$version.dist-info/WHEEL" <<EOF
Wheel-Version: 1.0
Generator: srm ext/dist.sh
Root-Is-Purelib: false
Tag: py3-none-linux_x86_64
EOF
cp LICENSE NOTICE "$p/sqlite_srm-$version.dist-info/"
: > "$p/sqlite_srm-$version.dist-info/RECORD"
/usr/bin/python3 -m wheel pack --dest-dir "$out" "$p" >/dev/null

# ---- Debian: sqlite3-srm ----
d=$work/deb
doc=$d/usr/share/doc/sqlite3-srm
mkdir -p "$d/DEBIAN" "$d/usr/lib/sqlite3" "$doc" "$d/usr/share/sqlite3-srm"
cp srm.so "$d/usr/lib/sqlite3/srm.so"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$d/usr/lib/sqlite3/srm.so"
chmod 0644 "$d/usr/lib/sqlite3/srm.so"
cp -r sql "$d/usr/share/sqlite3-srm/"
rm -f "$d/usr/share/sqlite3-srm/sql/demo.sh"          # make demo's, of a source tree
cp -r docs/. "$doc/"
cp README.md "$doc/"
gzip -9n -c CHANGELOG.md > "$doc/NEWS.md.gz"
# A Debian changelog of one entry, dated as CHANGELOG.md dates the version.
day=$(sed -n "s/^## $version (\([0-9-]*\)).*/\1/p" CHANGELOG.md | head -n 1)
{
  echo "sqlite3-srm ($version) unstable; urgency=medium"
  echo ""
  echo "  * srm $version: see NEWS.md.gz."
  echo ""
  echo " -- srm authors <srm@example.org>  $(LC_ALL=C date -u -R -d "${day:-1970-01-01}")"
} | gzip -9n > "$doc/changelog.gz"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: srm"
  echo "Source: https://github.com/srm/srm"
  echo ""
  echo "Files: *"
  echo "Copyright: 2026 the srm authors"
  echo "License: Apache-2.0"
  echo " On Debian systems, the full text of the Apache License, Version 2.0 can be"
  echo " found in /usr/share/common-licenses/Apache-2.0."
  echo ""
  echo "Comment:"
  sed 's/^$/./; s/^/ /' NOTICE
} > "$doc/copyright"
find "$d/usr" -type d -exec chmod 0755 {} +
find "$d/usr/share" -type f -exec chmod 0644 {} +
size=$(du -k -s "$d/usr" | cut -f1)
cat > "$d/DEBIAN/control" <<EOF
Package: sqlite3-srm
Version: $version
Architecture: amd64
Maintainer: srm authors <srm@example.org>
Installed-Size: $size
Depends: libc6 (>= 2.34), libsqlite3-0 (>= 3.31.0), zlib1g (>= 1:1.2.0)
Section: database
Priority: optional
Homepage: https://github.com/srm/srm
Description: AWS shared responsibility model as a SQLite extension
 srm tells, for any AWS resource and any security control, who owns it:
 AWS, the customer, both, or nobody (the control does not apply). Load it
 with .load /usr/lib/sqlite3/srm in the sqlite3 shell; the reports are in
 /usr/share/sqlite3-srm/sql.
EOF
(cd "$d" && find usr -type f -exec md5sum {} + | LC_ALL=C sort -k2) > "$d/DEBIAN/md5sums"
chmod 0644 "$d/DEBIAN/control" "$d/DEBIAN/md5sums"
dpkg-deb --root-owner-group --build "$d" "$out/sqlite3-srm_${version}_amd64.deb" >/dev/null

(cd "$out" && sha256sum -- * > SHA256SUMS)
ls -1 "$out"
