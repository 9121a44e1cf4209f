#!/bin/sh
# ext/need.sh: make sure the Debian packages a make target needs are there.
#
#     sh ext/need.sh 'PACKAGE:TEST' ...
#
# TEST is a shell command that succeeds when PACKAGE is usable.  Missing
# packages are installed with apt-get when running as root on Debian;
# otherwise the exact command to run is printed and the exit status is 1.
missing=""
for spec in "$@"; do
  pkg=${spec%%:*}
  check=${spec#*:}
  sh -c "$check" >/dev/null 2>&1 || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing:$missing"
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null || exit 1
  exit 0
fi
echo "missing:$missing" >&2
echo "install them with: sudo apt-get install$missing" >&2
exit 1
