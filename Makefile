# srm: the AWS shared responsibility model as a SQLite extension.
#
#   make          build srm.so (srm.dylib on macOS)
#   make test     build, then run the Tcl suite (test/all.tcl)
#   make demo     build, then run the reports over a sample inventory
#   make install  copy the library to $(DESTDIR)$(PREFIX)/lib/sqlite3
#   make dist     the release packages into dist/; make test-dist tests them
#   make clean    remove build/, dist/ and the library
#
# On Debian, run as root, `make test` and `make demo` (and the hardening
# targets) install the packages they lack (ext/need.sh); a plain `make`
# never installs anything: it names what is missing and the apt-get command.

VERSION = 0.2.0

CC      ?= cc
CFLAGS  ?= -O2 -g
SQLITE3 ?= sqlite3
TCLSH   ?= tclsh
PREFIX  ?= /usr/local
WARN     = -Wall -Wextra -Werror -std=c99
# Only sqlite3_srm_init is exported (ext/srm.c): the rest binds locally,
# with no GOT or PLT indirection on the per-row path.
ALL_CFLAGS = $(WARN) -fPIC -fvisibility=hidden -Iext -Ibuild $(CFLAGS)
# The library is built as SQLite's release builds are: assert() off.  The
# hardening builds (test/harden.mk) leave it on.
RELEASE  = -DNDEBUG

UNAME := $(shell uname -s 2>/dev/null)
ifeq ($(UNAME),Darwin)
  SO = dylib
  SHARED = -dynamiclib
else
  SO = so
  SHARED = -shared
endif
LIB = srm.$(SO)

SRC  = ext/srm.c ext/func.c ext/table.c ext/inventory.c ext/decisions.c ext/overlay.c ext/effective.c ext/resolve.c ext/model.c ext/message.c ext/document.c ext/resources.c ext/findings.c ext/framework.c ext/svg.c
OBJ  = $(SRC:ext/%.c=build/%.o) build/srm_data.o
DATA = $(wildcard data/*.csv) $(wildcard data/checks/*.csv) $(wildcard data/frameworks/*.csv)

# What the build and the tests need: Debian package, then how to tell it is
# there (ext/need.sh).  SQLITE_NO_DEPS=1 skips the header checks (another
# SQLite's headers on the include path).
NEED_BUILD = 'gcc:cmd:$(CC)' 'sqlite3:cmd:$(SQLITE3)' \
             $(if $(SQLITE_NO_DEPS),,'libsqlite3-dev:file:/usr/include/sqlite3ext.h' \
                                     'zlib1g-dev:file:/usr/include/zlib.h')
NEED_TEST  = 'tcl:cmd:$(TCLSH)' 'libsqlite3-tcl:tclpkg:sqlite3' \
             'python3:exec:/usr/bin/python3' 'nodejs:cmd:node' 'npm:cmd:npm' \
             'chromium:cmd:chromium'

# better-sqlite3 12 (Node.js 20; it bundles a recent SQLite, 3.53.2 in
# this release) for test/clients.test, from the npm registry into
# build/node; pinned, as the amalgamation of test/harden.mk is.
NODE_SQLITE_VERSION = 12.11.1
NODE_SQLITE = build/node/node_modules/better-sqlite3/build/Release/better_sqlite3.node

.PHONY: all test demo clean install deps deps-test need-build need-test
.DELETE_ON_ERROR:

all: $(LIB)

# deps checks (a plain build installs nothing); need-* install as root.
deps:
	@TCLSH=$(TCLSH) sh ext/need.sh --check $(NEED_BUILD)
need-build:
	@TCLSH=$(TCLSH) sh ext/need.sh $(NEED_BUILD)
need-test: need-build
	@TCLSH=$(TCLSH) sh ext/need.sh $(NEED_TEST)
deps-test:
	@TCLSH=$(TCLSH) sh ext/need.sh --check $(NEED_BUILD) $(NEED_TEST)

# ajv 8 and ajv-formats 3 (test/oscal_validate.js: the OSCAL exports
# against NIST's schemas), pinned, from the npm registry into build/node.
AJV_VERSION = 8.17.1
AJV_FORMATS_VERSION = 3.0.1
AJV = build/node/node_modules/ajv-formats/package.json

$(AJV): $(NODE_SQLITE)
	grep -qs '"version": "$(AJV_VERSION)"' build/node/node_modules/ajv/package.json && \
	grep -qs '"version": "$(AJV_FORMATS_VERSION)"' $@ || \
	  npm install --prefix build/node --no-audit --no-fund --loglevel=error \
	    better-sqlite3@$(NODE_SQLITE_VERSION) ajv@$(AJV_VERSION) ajv-formats@$(AJV_FORMATS_VERSION)

$(NODE_SQLITE): | build deps-test
	grep -qs '"version": "$(NODE_SQLITE_VERSION)"' build/node/node_modules/better-sqlite3/package.json || \
	  npm install --prefix build/node --no-audit --no-fund --loglevel=error better-sqlite3@$(NODE_SQLITE_VERSION)
	test -f $@ || (cd build/node && npm rebuild --loglevel=error better-sqlite3)

build:
	@mkdir -p build

# Build facts for srm_debug(); rewritten only when they change.
build/version.h: FORCE | build
	@printf '#define SRM_VERSION "%s"\n#define SRM_COMMIT "%s"\n' '$(VERSION)' \
	  "$$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)" > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv -f $@.tmp $@
FORCE:

# data/*.csv -> checked database -> C.  Any message from the sqlite3 shell
# (a rejected row, a short row) fails the build.
build/model.db: ext/model.sql $(DATA) | build deps
	@rm -f $@
	@$(SQLITE3) -bail $@ < ext/model.sql > build/model.err 2>&1; rc=$$?; \
	  if [ $$rc -ne 0 ] || [ -s build/model.err ]; then cat build/model.err >&2; rm -f $@; exit 1; fi

build/mkdata: ext/mkdata.c ext/srm.h | build deps
	$(CC) $(WARN) $(CFLAGS) -Iext -o $@ ext/mkdata.c -lsqlite3

build/srm_data.c: build/mkdata build/model.db
	build/mkdata build/model.db "$$(cat $(DATA) | sha256sum | cut -c1-16)" > $@

build/%.o: ext/%.c ext/srm.h ext/overlay.h ext/document.h | build deps
	$(CC) $(ALL_CFLAGS) $(RELEASE) -c -o $@ $<

build/func.o: build/version.h
build/func.o: ALL_CFLAGS += -include build/version.h
build/svg.o: build/version.h
build/svg.o: ALL_CFLAGS += -include build/version.h

build/srm_data.o: build/srm_data.c ext/srm.h
	$(CC) $(ALL_CFLAGS) $(RELEASE) -c -o $@ build/srm_data.c

$(LIB): $(OBJ)
	$(CC) $(ALL_CFLAGS) $(SHARED) -o $@ $(OBJ) $(LDFLAGS) -lz

# test and demo install what they lack first, then build.
test: need-test
	@$(MAKE) --no-print-directory $(LIB) $(NODE_SQLITE) $(AJV)
	$(TCLSH) test/all.tcl ./$(LIB) $(VERSION)

demo: need-build
	@$(MAKE) --no-print-directory $(LIB)
	@sh sql/demo.sh ./$(LIB)

install: $(LIB)
	mkdir -p $(DESTDIR)$(PREFIX)/lib/sqlite3
	cp $(LIB) $(DESTDIR)$(PREFIX)/lib/sqlite3/

clean:
	rm -rf build dist $(LIB)

# Release artifacts into dist/ (ext/dist.sh), and a test that installs each
# one somewhere clean and queries it (test/dist.sh; as root it installs the
# .deb with dpkg and removes it again).
NEED_DIST = 'npm:cmd:npm' 'python3-wheel:file:/usr/lib/python3/dist-packages/wheel/__init__.py' \
            'binutils:cmd:strip'
NEED_TEST_DIST = 'lintian:cmd:lintian' 'python3-venv:file:/usr/lib/python3.11/ensurepip/__init__.py' \
                 'python3-pip-whl:file:/usr/share/python-wheels'
.PHONY: dist test-dist
dist: $(LIB) build/dll/srm.dll
	@sh ext/need.sh $(NEED_DIST)
	sh ext/dist.sh $(VERSION)

test-dist: dist deps-test | $(NODE_SQLITE)
	@sh ext/need.sh $(NEED_TEST_DIST)
	sh test/dist.sh $(VERSION)

# The cells of the model that moved since git FROM (a maintainer's tool for
# CHANGELOG.md): make model-diff FROM=v0.1.0
.PHONY: model-diff
model-diff: $(LIB)
	@test -n "$(FROM)" || { echo "usage: make model-diff FROM=<git ref>" >&2; exit 1; }
	@sh ext/model_diff.sh "$(FROM)" ./$(LIB)

# Benchmarks (not part of make test): make bench, make bench-check.
include test/bench/bench.mk

# Hardening (not part of make test): make harden, see test/harden.mk.
include test/harden.mk
