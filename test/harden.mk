# test/harden.mk: hardening (GitHub issue "Hardening"), included by the
# Makefile.  None of it is part of `make test`; `make harden` runs it all.
#
#   make asan       build/asan/srm.so with AddressSanitizer and UBSan, the Tcl
#                   suite in a tclsh with the ASan runtime preloaded, leaks on
#   make valgrind   the Tcl suite under valgrind memcheck, leaks on
#   make driver     test/driver/driver.c: srm linked with SQLite's amalgamation
#                   (-DSQLITE_CORE, sqlite3_auto_extension), ASan + UBSan: the
#                   core contract, the samples, a failing allocator, and the
#                   refusal of an old SQLite; against the SQLite of
#                   better-sqlite3 12, the 3.40.1 amalgamation and Debian's
#                   libsqlite3 (dynamic)
#   make fuzz       libFuzzer targets in test/fuzz/: regressions in
#                   test/fuzz/regress/ first, then FUZZ_SECONDS each
#   make tsan       test/threads/threads.c under ThreadSanitizer
#   make coverage   gcc --coverage, the Tcl suite and the driver, gcovr totals
#                   of ext/*.c, the per-line report in build/coverage/; fails
#                   when a branch is not taken (test/coverage-check.sh)
#   make dll        srm.dll with mingw-w64 (-Wall -Wextra -Werror), built
#                   with SRM_OMIT_GZIP (Debian has no zlib for mingw)
#   make lint       cppcheck and clang-tidy over ext/*.c, suppressions in
#                   test/lint-suppressions.txt
#   make harden     all of the above, each even when one fails, with a
#                   summary (2 cores, FUZZ_SECONDS=60: about 5 minutes with
#                   build/ warm, under 20 from a clean tree)
#
# As root on Debian the targets install the packages they lack (ext/need.sh).
# Everything they build goes to build/.

FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang

H_SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
H_SRC      = $(SRC) build/srm_data.c
H_SRC_DEPS = $(SRC) ext/srm.h build/srm_data.c build/version.h
# The extension linked into a program: SQLite's own API, no loader.
H_CORE     = -DSQLITE_CORE -include build/version.h -Iext -Ibuild
H_LIBS     = -lz -lpthread -ldl -lm
# The amalgamation as the drivers use it.  SQLITE_DEBUG turns on SQLite's
# own assert()s, which catch misuse of its API by the extension.
H_SQLITE_OPTS = -DSQLITE_THREADSAFE=1 -DSQLITE_DEBUG -DSQLITE_OMIT_LOAD_EXTENSION
# The runtime that an uninstrumented tclsh needs preloaded.
H_LIBASAN  = $(shell $(CC) -print-file-name=libasan.so)
H_ASAN_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 \
             LSAN_OPTIONS=suppressions=$(CURDIR)/test/driver/lsan.supp:print_suppressions=0 \
             UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

NEED_HARDEN_BUILD = $(NEED_BUILD)
NEED_HARDEN_TEST  = $(NEED_TEST)

.PHONY: harden asan valgrind driver fuzz tsan coverage dll lint harden-deps

harden-deps:
	@TCLSH=$(TCLSH) sh ext/need.sh $(NEED_HARDEN_BUILD) $(NEED_HARDEN_TEST)

# Every part runs even when an earlier one fails; the summary names the
# failures and the exit status is 1 if there is any.
H_PARTS = lint dll asan valgrind driver tsan fuzz coverage syscalls limits

harden:
	@failed=; start=$$(date +%s); \
	for t in $(H_PARTS); do \
	  t0=$$(date +%s); \
	  if $(MAKE) --no-print-directory $$t FUZZ_SECONDS=$(FUZZ_SECONDS); then r=passed; else r=FAILED; failed="$$failed $$t"; fi; \
	  echo "harden: $$t $$r in $$(( $$(date +%s) - t0 )) s"; \
	done; \
	echo "harden: $$(( $$(date +%s) - start )) s in all"; \
	if [ -n "$$failed" ]; then echo "harden: failed:$$failed" >&2; exit 1; fi; \
	echo "harden: all passed"

# ---- 1. AddressSanitizer + UBSan over the Tcl suite -----------------------
#
# tclsh itself is not instrumented, so the ASan runtime is preloaded; the
# children of clients.test (python3, node, the sqlite3 shell) inherit it and
# load build/asan/srm.so too.  test/driver/lsan.supp holds the leaks that are
# python3's own, not srm's (Tcl and node need none).

build/asan/srm.so: $(H_SRC_DEPS) | harden-deps
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -O1 $(H_SAN) -include build/version.h $(SHARED) -o $@ $(H_SRC)

asan: build/asan/srm.so harden-deps deps-test | $(AJV)
	@echo "== asan: the Tcl suite against build/asan/srm.so"
	env $(H_ASAN_ENV) LD_PRELOAD=$(H_LIBASAN) $(TCLSH) test/all.tcl build/asan/srm.so $(VERSION)

# ---- 2. valgrind --------------------------------------------------------
#
# tclsh and what it loads (libtcl, libsqlite3, ./srm.so) under memcheck; the
# children of clients.test are not traced.  Errors count, and so do
# definitely and indirectly lost blocks; test/driver/valgrind.supp is for
# errors proven to be libtcl's or libsqlite3's own (one so far: blocks of
# Tcl's own threaded allocator, never srm's memory).

H_VALGRIND = valgrind --tool=memcheck --error-exitcode=1 --leak-check=full \
             --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
             --suppressions=test/driver/valgrind.supp --num-callers=30 -q

valgrind: $(LIB) harden-deps deps-test | $(AJV)
	@sh ext/need.sh 'valgrind:cmd:valgrind'
	@echo "== valgrind: the Tcl suite against ./$(LIB)"
	$(H_VALGRIND) $(TCLSH) test/all.tcl ./$(LIB) $(VERSION)

# ---- amalgamations ------------------------------------------------------
#
# Two SQLite amalgamations, each pinned by the package it comes from and the
# SHA-256 of its sqlite3.c and sqlite3.h, checked after every copy:
#   build/amalg/node     SQLite 3.53.2, as better-sqlite3 12.11.1 carries it
#                        (the client `make test` installs): copied from
#                        build/node when that is the pinned version, else
#                        from the npm registry's package itself (npm pack: no
#                        install, no build)
#   build/amalg/3.40.1   Debian 12's release of SQLite, as the upstream
#                        amalgamation that better-sqlite3 8.1.0 carries
#                        (Debian's source package cannot be had here)
# The files are SQLite's, unmodified (public domain); neither is committed.

H_AMALG_FILES = sqlite3.c sqlite3.h sqlite3ext.h
H_AMALG_NODE_PKG = better-sqlite3@$(NODE_SQLITE_VERSION)
H_AMALG_NODE_SUMS = 60d2f39a3726cd6b9021da6f4e868608d66fbb6528a9f513dc8ffcc640493422  sqlite3.c \
                    9e69a1353a4288450b0d5239ede11fc7f1f4c8e5eb07491fc8317eacb5b7de7e  sqlite3.h
H_AMALG_3401_PKG = better-sqlite3@8.1.0
H_AMALG_3401_SUMS = de365966681a951cd2fd7b76796a683f0ec6458dfa8fc54cf16029d6833ef1d1  sqlite3.c \
                    dc419c400665bd43b335d04d7562d78e1d5dcd464fa0d6150c9d5c3bc5d705f4  sqlite3.h

# $(call h_amalg_from_deps,DEPS_DIR,OUT_DIR)
h_amalg_from_deps = \
  if [ -f $(1)/sqlite3/sqlite3.c ]; then \
    for f in $(H_AMALG_FILES); do cp $(1)/sqlite3/$$f $(2)/ || exit 1; done; \
  else \
    t=$$(find $(1) -name 'sqlite*.tar*' | head -n 1); \
    [ -n "$$t" ] || { echo "no SQLite amalgamation in $(1)" >&2; exit 1; }; \
    rm -rf $(2)/x && mkdir -p $(2)/x && tar -xf "$$t" -C $(2)/x || exit 1; \
    for f in $(H_AMALG_FILES); do cp "$$(find $(2)/x -name $$f | head -n 1)" $(2)/ || exit 1; done; \
    rm -rf $(2)/x; \
  fi

# $(call h_amalg_npm,PACKAGE@VERSION,OUT_DIR)
h_amalg_npm = \
  sh ext/need.sh 'nodejs:cmd:node' 'npm:cmd:npm' && \
  rm -rf $(2)/pkg && mkdir -p $(2)/pkg && \
  (cd $(2)/pkg && npm pack --silent $(1) >/dev/null && tar -xzf *.tgz) && \
  { $(call h_amalg_from_deps,$(2)/pkg/package/deps,$(2)); } && rm -rf $(2)/pkg

# $(call h_amalg_check,OUT_DIR,SUMS): the pinned checksums, or no files.
h_amalg_check = \
  printf '%s  %s\n' $(2) | (cd $(1) && sha256sum --quiet -c -) || \
    { echo "$(1): the amalgamation is not the pinned one (test/harden.mk)" >&2; \
      rm -f $(addprefix $(1)/,$(H_AMALG_FILES)); exit 1; }

build/amalg/node/sqlite3.c:
	@mkdir -p $(@D)
	@if grep -qs '"version": "$(NODE_SQLITE_VERSION)"' build/node/node_modules/better-sqlite3/package.json; then \
	  $(call h_amalg_from_deps,build/node/node_modules/better-sqlite3/deps,$(@D)); \
	else \
	  $(call h_amalg_npm,$(H_AMALG_NODE_PKG),$(@D)); \
	fi
	@$(call h_amalg_check,$(@D),$(H_AMALG_NODE_SUMS))
	@echo "amalgamation: SQLite $$(sed -n 's/^#define SQLITE_VERSION *"\(.*\)"/\1/p' $(@D)/sqlite3.h) in $(@D) (checksums match)"

build/amalg/3.40.1/sqlite3.c:
	@mkdir -p $(@D)
	@$(call h_amalg_npm,$(H_AMALG_3401_PKG),$(@D))
	@$(call h_amalg_check,$(@D),$(H_AMALG_3401_SUMS))
	@echo "amalgamation: SQLite 3.40.1 in $(@D) (checksums match)"

# ---- 3. the C driver ----------------------------------------------------

H_DRIVER_CFLAGS = $(WARN) -O1 -g $(H_SAN) $(H_CORE)

build/driver/sqlite3-%.o: build/amalg/%/sqlite3.c
	@mkdir -p $(@D)
	$(CC) -O1 -g $(H_SAN) $(H_SQLITE_OPTS) -w -c -o $@ $<

build/driver/driver-node build/driver/driver-3.40.1: build/driver/driver-%: \
    test/driver/driver.c $(H_SRC_DEPS) build/driver/sqlite3-%.o
	$(CC) $(H_DRIVER_CFLAGS) -Ibuild/amalg/$* -o $@ test/driver/driver.c $(H_SRC) \
	  build/driver/sqlite3-$*.o $(H_LIBS)

# Debian's libsqlite3 (3.40.1 with Debian's patches), linked dynamically.
build/driver/driver-system: test/driver/driver.c $(H_SRC_DEPS) | harden-deps
	@mkdir -p $(@D)
	$(CC) $(H_DRIVER_CFLAGS) -o $@ test/driver/driver.c $(H_SRC) -lsqlite3 $(H_LIBS)

# ext/srm.c made to believe SQLite is 3.30.0.
build/driver/driver-refuse: test/driver/driver.c $(H_SRC_DEPS) build/driver/sqlite3-node.o
	$(CC) $(H_DRIVER_CFLAGS) -DSRM_TEST_VERSION=3030000 -Ibuild/amalg/node -o $@ \
	  test/driver/driver.c $(H_SRC) build/driver/sqlite3-node.o $(H_LIBS)

H_DRIVERS = build/driver/driver-node build/driver/driver-3.40.1 build/driver/driver-system \
            build/driver/driver-refuse

# Two at a time (2 cores); each log in build/driver/, its summary printed.
driver: $(H_DRIVERS)
	@echo "== driver: $(H_DRIVERS)"
	@fail=0; for pair in "node 3.40.1" "system refuse"; do \
	  pids=; \
	  for d in $$pair; do \
	    env $(H_ASAN_ENV) build/driver/driver-$$d data/samples > build/driver/driver-$$d.log 2>&1 & \
	    pids="$$pids $$!"; \
	  done; \
	  for p in $$pids; do wait $$p || fail=1; done; \
	done; \
	for d in node 3.40.1 system refuse; do \
	  echo "-- driver-$$d"; grep -v '^\(oom\|driver\):' build/driver/driver-$$d.log | tail -n 40; \
	  grep '^\(oom\|driver\):' build/driver/driver-$$d.log; \
	done; \
	[ $$fail -eq 0 ] || { echo "driver: failed (logs in build/driver/)" >&2; exit 1; }

# ---- 4. fuzzing ---------------------------------------------------------
#
# The targets link the amalgamation of build/amalg/node, compiled with ASan
# and UBSan but without coverage feedback, so that libFuzzer explores srm's
# code rather than SQLite's.  test/fuzz/run.sh replays test/fuzz/regress/
# first, then fuzzes from build/fuzz/corpus/ (kept between runs) and the
# seeds test/fuzz/seeds.sh writes.

H_FUZZERS = resolve arn inventory requirement
H_FUZZ_SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

build/fuzz/sqlite3.o: build/amalg/node/sqlite3.c
	@sh ext/need.sh 'clang:cmd:$(FUZZ_CC)'
	@sh ext/need.sh 'libclang-rt-14-dev:libfuzzer:$(FUZZ_CC)'
	@mkdir -p $(@D)
	$(FUZZ_CC) -O1 -g $(H_FUZZ_SAN) -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -w -c -o $@ $<

build/fuzz/fuzz_%: test/fuzz/fuzz_%.c test/fuzz/fuzz.h $(H_SRC_DEPS) build/fuzz/sqlite3.o
	$(FUZZ_CC) -O1 -g -Wall -Wextra -Werror -std=c99 -fsanitize=fuzzer $(H_FUZZ_SAN) $(H_CORE) \
	  -Ibuild/amalg/node -o $@ $< $(H_SRC) build/fuzz/sqlite3.o $(H_LIBS)

fuzz: $(H_FUZZERS:%=build/fuzz/fuzz_%)
	@sh test/fuzz/seeds.sh build/fuzz/seeds
	@for f in $(H_FUZZERS); do \
	  sh test/fuzz/run.sh $$f $(FUZZ_SECONDS) || exit 1; \
	done

# ---- 5. threads ---------------------------------------------------------

build/threads/sqlite3.o: build/amalg/node/sqlite3.c
	@mkdir -p $(@D)
	$(CC) -O1 -g -fsanitize=thread -DSQLITE_THREADSAFE=1 -DSQLITE_OMIT_LOAD_EXTENSION -w -c -o $@ $<

build/threads/threads: test/threads/threads.c $(H_SRC_DEPS) build/threads/sqlite3.o
	$(CC) $(WARN) -D_POSIX_C_SOURCE=200809L -O1 -g -fsanitize=thread $(H_CORE) \
	  -Ibuild/amalg/node -o $@ test/threads/threads.c $(H_SRC) build/threads/sqlite3.o $(H_LIBS)

tsan: build/threads/threads
	@echo "== tsan: 8 threads"
	env TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 build/threads/threads data/samples

# ---- 6. coverage --------------------------------------------------------
#
# Two instrumented builds of the same ext/*.c, their counts merged by gcovr:
#   build/coverage/*.o           srm.so for the Tcl suite (loaded extension)
#   build/coverage/driver/*.o    test/driver/driver.c with -DSQLITE_CORE,
#                                linked with the 3.53 amalgamation: the
#                                failing allocator reaches the out-of-
#                                memory branches the Tcl suite cannot
#   build/coverage/refuse/*.o    the same with -DSRM_TEST_VERSION (refusal)
# No sanitizers: the driver's checks still hold, only faster.  gcovr looks
# for .gcda files under build/coverage (both subdirectories included) and
# merges the counts per source line.  Every branch must be taken:
# test/coverage-check.sh (branches no input can take are written with
# ALWAYS()/NEVER(), constants under -DSRM_COVERAGE_TEST).

H_COV_CFLAGS = $(WARN) -Iext -Ibuild -O0 -g --coverage -include build/version.h -DSRM_NO_FORCE_INLINE \
               -DNDEBUG -DSRM_COVERAGE_TEST

build/coverage/srm.so: $(H_SRC_DEPS) | harden-deps
	@mkdir -p $(@D)
	rm -f build/coverage/*.gcda
	for f in $(H_SRC); do \
	  $(CC) $(H_COV_CFLAGS) -fPIC \
	    -c -o build/coverage/$$(basename $$f .c).o $$f || exit 1; \
	done
	$(CC) $(SHARED) --coverage -o $@ $(patsubst %.c,build/coverage/%.o,$(notdir $(H_SRC)))

# $(call h_cov_driver,DIR,EXTRA_CFLAGS,SQLITE): SQLITE is the object of an
# amalgamation, or -lsqlite3 for Debian's library.
h_cov_driver = \
  mkdir -p $(1) && rm -f $(1)/*.gcda && \
  for f in $(H_SRC) test/driver/driver.c; do \
    $(CC) $(H_COV_CFLAGS) -DSQLITE_CORE $(2) \
      -c -o $(1)/$$(basename $$f .c).o $$f || exit 1; \
  done && \
  $(CC) --coverage -o $(1)/driver $(patsubst %.c,$(1)/%.o,$(notdir $(H_SRC))) \
    $(1)/driver.o $(3) $(H_LIBS)

# The driver runs on the newer SQLite (its JSONB, its messages) and on
# Debian's, the Tcl suite on Debian's: their counts together cover both.
build/coverage/sqlite3.o: build/amalg/node/sqlite3.c
	@mkdir -p $(@D)
	$(CC) -O1 -g $(H_SQLITE_OPTS) -w -c -o $@ $<

build/coverage/driver/driver: test/driver/driver.c $(H_SRC_DEPS) build/coverage/sqlite3.o | harden-deps
	@$(call h_cov_driver,$(@D),-Ibuild/amalg/node,build/coverage/sqlite3.o)

build/coverage/driver340/driver: test/driver/driver.c $(H_SRC_DEPS) | harden-deps
	@$(call h_cov_driver,$(@D),,-lsqlite3)

build/coverage/refuse/driver: test/driver/driver.c $(H_SRC_DEPS) build/coverage/sqlite3.o | harden-deps
	@$(call h_cov_driver,$(@D),-Ibuild/amalg/node -DSRM_TEST_VERSION=3030000,build/coverage/sqlite3.o)

H_GCOVR = gcovr --root . --filter 'ext/.*\.[ch]' --exclude ext/mkdata.c build/coverage

coverage: build/coverage/srm.so build/coverage/driver/driver build/coverage/driver340/driver \
    build/coverage/refuse/driver harden-deps deps-test | $(AJV)
	@sh ext/need.sh 'gcovr:cmd:gcovr'
	@rm -f build/coverage/*.gcda build/coverage/driver/*.gcda build/coverage/driver340/*.gcda \
	  build/coverage/refuse/*.gcda
	$(TCLSH) test/all.tcl build/coverage/srm.so $(VERSION)
	@for d in driver driver340; do \
	  build/coverage/$$d/driver data/samples > build/coverage/$$d.log 2>&1 || \
	    { tail -n 40 build/coverage/$$d.log; exit 1; }; \
	  grep '^\(oom\|driver\):' build/coverage/$$d.log; tail -n 1 build/coverage/$$d.log; \
	done
	build/coverage/refuse/driver > build/coverage/refuse.log 2>&1 || \
	  { cat build/coverage/refuse.log; exit 1; }
	@tail -n 1 build/coverage/refuse.log
	$(H_GCOVR) --branches --txt build/coverage/branches.txt --print-summary
	$(H_GCOVR) --txt build/coverage/lines.txt \
	  --html-details build/coverage/index.html >/dev/null
	@sed -n '/^File/,$$p' build/coverage/lines.txt
	@sed -n '/^File/,$$p' build/coverage/branches.txt
	@echo "coverage: per file in build/coverage/lines.txt and branches.txt, per line in build/coverage/index.html"
	@sh test/coverage-check.sh build/coverage/branches.txt

# ---- 7. srm.dll ---------------------------------------------------------

H_MINGW = x86_64-w64-mingw32-gcc

build/dll/srm.dll: $(H_SRC_DEPS) | harden-deps
	@sh ext/need.sh 'gcc-mingw-w64-x86-64:cmd:$(H_MINGW)' \
	                'binutils-mingw-w64-x86-64:cmd:x86_64-w64-mingw32-objdump'
	@mkdir -p $(@D)/include
	cp /usr/include/sqlite3.h /usr/include/sqlite3ext.h $(@D)/include/
	$(H_MINGW) $(WARN) -O2 -g -Iext -Ibuild -I$(@D)/include -include build/version.h \
	  -DNDEBUG -DSRM_OMIT_GZIP -shared -o $@ $(H_SRC)

dll: build/dll/srm.dll
	@x86_64-w64-mingw32-objdump -p $< | grep -q '\bsqlite3_srm_init$$' || \
	  { echo "srm.dll does not export sqlite3_srm_init" >&2; exit 1; }
	@echo "dll: $< exports sqlite3_srm_init ($$(wc -c < $<) bytes)"

# ---- 8. lint ------------------------------------------------------------
#
# cppcheck and clang-tidy over the extension's sources (not ext/mkdata.c,
# the build-time generator): test/lint.sh, with the explained suppressions
# of test/lint-suppressions.txt.

H_LINT_SRC = $(filter-out ext/mkdata.c,$(wildcard ext/*.c))

lint: build/srm_data.c build/version.h | harden-deps
	@sh ext/need.sh 'cppcheck:cmd:cppcheck' 'clang-tidy:cmd:clang-tidy'
	@sh test/lint.sh test/lint-suppressions.txt $(H_LINT_SRC)

# make syscalls: the extension reads no file and opens no socket.  The
# sqlite3 shell runs test/syscalls/queries.sql on an in-memory database
# under strace; between the two marker files the script asks for, the trace
# must hold no file or network system call.  Two calls there are not srm's:
# the shell's fstat of its standard output, and SQLite's own seeding of its
# random number generator from /dev/urandom (by the VFS, on first use).
.PHONY: syscalls
syscalls: $(LIB)
	@sh ext/need.sh 'strace:cmd:strace' 'sqlite3:cmd:$(SQLITE3)'
	@mkdir -p build/syscalls
	strace -f -qq -e trace=%file,%network,%desc -o build/syscalls/trace.txt \
	  $(SQLITE3) :memory: -cmd '.load ./$(LIB)' < test/syscalls/queries.sql > build/syscalls/out.txt
	@awk '/srm-syscalls-start/{on=1; next} /srm-syscalls-end/{on=0} \
	  on && /(open|stat|access|socket|connect|bind|sendto|recvfrom|unlink|rename|mkdir|creat|mmap)/ \
	  && !/newfstatat\(1, ""|fstat\(1,|\/dev\/urandom/' build/syscalls/trace.txt > build/syscalls/bad.txt; \
	if [ -s build/syscalls/bad.txt ]; then cat build/syscalls/bad.txt; echo "syscalls: srm made file or network calls" >&2; exit 1; fi; \
	if ! grep -q srm-syscalls-end build/syscalls/trace.txt; then echo "syscalls: the trace is incomplete" >&2; exit 1; fi; \
	n=$$(awk '/srm-syscalls-start/{on=1; next} /srm-syscalls-end/{on=0} on' build/syscalls/trace.txt | wc -l); \
	echo "syscalls: no file or network call in the $$n system calls between the markers"

# make limits: huge inputs (test/limits/limits.test).
.PHONY: limits
limits: $(LIB) deps-test
	$(TCLSH) test/all.tcl ./$(LIB) $(VERSION) test/limits/limits.test
