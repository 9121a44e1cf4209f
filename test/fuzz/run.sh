#!/bin/sh
# test/fuzz/run.sh NAME SECONDS: run build/fuzz/fuzz_NAME.
#
# 1. Replays every input in test/fuzz/regress/NAME/ (crashes found before);
# 2. fuzzes for SECONDS from build/fuzz/corpus/NAME (kept between runs) and
#    build/fuzz/seeds/NAME.
# Exits 1 on any crash, leak, timeout or sanitizer report; the input that
# caused it is in build/fuzz/artifacts/, to be copied to
# test/fuzz/regress/NAME/ once the bug is fixed.
name=${1:?usage: run.sh NAME SECONDS}
secs=${2:-60}
bin=build/fuzz/fuzz_$name
mkdir -p "build/fuzz/corpus/$name" build/fuzz/artifacts
# A smaller quarantine: with documents of 60 KB the default 256 MB one lets
# the fuzzer's RSS climb to ~1.8 GB (a plateau, not a leak).
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:quarantine_size_mb=64
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

set -- test/fuzz/regress/$name/*
if [ -e "$1" ]; then
  echo "== fuzz $name: replaying $# regression inputs"
  "$bin" -runs=1 "$@" > "build/fuzz/$name-regress.log" 2>&1 || {
    cat "build/fuzz/$name-regress.log"
    echo "fuzz $name: a regression input fails" >&2
    exit 1
  }
fi

echo "== fuzz $name: $secs s"
"$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
  -artifact_prefix="build/fuzz/artifacts/$name-" \
  "build/fuzz/corpus/$name" "build/fuzz/seeds/$name" > "build/fuzz/$name.log" 2>&1
rc=$?
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' \
  "build/fuzz/$name.log" | tr '\n' ' '
echo "corpus: $(ls "build/fuzz/corpus/$name" | wc -l) inputs"
if [ $rc -ne 0 ]; then
  grep -v '^#' "build/fuzz/$name.log" | tail -n 60
  echo "fuzz $name: failed (exit $rc); the input is in build/fuzz/artifacts/" >&2
  exit 1
fi
