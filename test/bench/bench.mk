# test/bench/bench.mk: the benchmark harness, included by the Makefile.
#
#   make bench        build/bench over 100k and 1M rows (BENCH_SIZES to change),
#                     then every report of sql/ at those sizes against one
#                     pass over every control (test/bench/reports.sh,
#                     BENCH_REPORT_REPS rounds); a report that always exits 0
#   make bench-check  instructions per row under callgrind (test/bench/callgrind.sh)
#                     against test/bench/thresholds.txt; exits 1 on a regression
#
# Neither is part of `make test`.

BENCH_SIZES ?= 100000 1000000
BENCH_REPORT_REPS ?= 3
BENCH_CFLAGS = -O2 -g -Wall -Wextra -Werror -std=c99 -D_POSIX_C_SOURCE=200809L -Ibuild

.PHONY: bench bench-check bench-deps

# Whether <valgrind/callgrind.h> is there; rewritten only when that changes,
# so that installing valgrind rebuilds build/bench with the client requests.
build/bench_cfg.h: FORCE | build
	@if printf '#include <valgrind/callgrind.h>\n' | $(CC) -E -x c - >/dev/null 2>&1; \
	  then v=1; else v=0; fi; \
	  printf '#define BENCH_HAVE_CALLGRIND_H %s\n' $$v > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv -f $@.tmp $@

build/bench: test/bench/bench.c build/bench_cfg.h $(LIB) | build deps
	$(CC) $(BENCH_CFLAGS) -o $@ test/bench/bench.c -lsqlite3

bench: build/bench
	build/bench --lib ./$(LIB) $(BENCH_SIZES)
	sh test/bench/reports.sh build/bench ./$(LIB) $(BENCH_REPORT_REPS) $(BENCH_SIZES)

bench-deps:
	@sh ext/need.sh 'valgrind:cmd:valgrind'

bench-check: bench-deps
	@$(MAKE) --no-print-directory build/bench
	@sh test/bench/callgrind.sh --check test/bench/thresholds.txt build/bench ./$(LIB)
