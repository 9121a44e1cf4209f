#!/bin/sh
# ext/need.sh: make sure the Debian packages a make target needs are there.
#
#     sh ext/need.sh [--check] 'PACKAGE:KIND:ARG' ...
#
# Each spec names a Debian package and how to tell that it is usable:
#
#     cmd:NAME       NAME is a command on PATH
#     exec:PATH      PATH is an executable file
#     file:PATH      PATH exists
#     tclpkg:NAME    $TCLSH (default tclsh) can `package require NAME`
#     cc:FLAGS       a C program compiles and links with $CC (default cc)
#                    and FLAGS (e.g. -lz)
#     libfuzzer:CC   the C compiler CC links a libFuzzer target
#
# Every kind fails when what it looks for is missing; test/need.test checks
# that for each kind.  (The Tcl check runs a script that exits 1 itself:
# `echo 'package require X' | tclsh` exits 0 even when X is missing.)
#
# Missing packages are installed with apt-get when running as root on
# Debian; otherwise, and always with --check, the exact command to run is
# printed and the exit status is 1.  Nothing is installed by a plain `make`:
# only `make test`, `make demo` and the hardening targets call this without
# --check.
check_only=0
if [ "${1:-}" = "--check" ]; then
  check_only=1
  shift
fi

# have KIND ARG: 0 when it is there.
have() {
  case $1 in
    cmd)    command -v "$2" >/dev/null 2>&1 ;;
    exec)   test -x "$2" ;;
    file)   test -e "$2" ;;
    tclpkg) printf 'if {[catch {package require %s}]} {exit 1}\nexit 0\n' "$2" \
              | "${TCLSH:-tclsh}" >/dev/null 2>&1 ;;
    # (the compiler runs without a sanitizer's runtime preloaded, as
    # `make asan` runs the suite: its leak checker would fail the compiler)
    cc)     printf 'int main(void){ return 0; }\n' \
              | LD_PRELOAD= ${CC:-cc} -x c -o /dev/null - $2 >/dev/null 2>&1 ;;
    libfuzzer) printf 'int LLVMFuzzerTestOneInput(const char *p, long n){ (void)p; (void)n; return 0; }\n' \
              | LD_PRELOAD= "$2" -fsanitize=fuzzer -x c -o /dev/null - >/dev/null 2>&1 ;;
    *)      echo "need.sh: unknown kind '$1'" >&2; return 2 ;;
  esac
}

missing=""
for spec in "$@"; do
  pkg=${spec%%:*}
  rest=${spec#*:}
  kind=${rest%%:*}
  arg=${rest#*:}
  have "$kind" "$arg"
  rc=$?
  [ $rc = 2 ] && exit 2
  [ $rc = 0 ] || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ $check_only = 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing:$missing"
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null || exit 1
  # Installed: check again, so that a package that does not provide what
  # the check looks for fails here rather than later.
  for spec in "$@"; do
    pkg=${spec%%:*}; rest=${spec#*:}
    have "${rest%%:*}" "${rest#*:}" || { echo "need.sh: $pkg installed, but ${rest} still fails" >&2; exit 1; }
  done
  exit 0
fi
echo "missing:$missing" >&2
echo "install them with: sudo apt-get install$missing" >&2
exit 1
