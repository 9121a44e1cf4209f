"""client.py: run test/client_queries.sql, or a report, through Python's
sqlite3 module.

    /usr/bin/python3 test/client.py LIBRARY test/client_queries.sql
    /usr/bin/python3 test/client.py LIBRARY --report DATABASE sql/NAME.sql

Queries: prints one JSON line per query: the rows as objects keyed by
column name, or {"error": message}.  readfile('F') in a query is replaced
by a bound parameter holding the text of F.  Report: runs the script with
executescript() (as a user would; it must not fail), then statement by
statement (split with sqlite3.complete_statement, parameters bound to
NULL) and prints each result set as one JSON line.  Run from the top of
the tree.
"""
import json
import re
import sqlite3
import sys

lib = sys.argv[1]
if sys.argv[2] == "--report":
    conn = sqlite3.connect(sys.argv[3])
    conn.enable_load_extension(True)
    conn.load_extension(lib)
    conn.enable_load_extension(False)
    script = open(sys.argv[4], encoding="utf-8").read()
    conn.executescript(script)
    stmt = ""
    for line in script.splitlines(keepends=True):
        stmt += line
        if not sqlite3.complete_statement(stmt):
            continue
        params = {name: None for name in re.findall(r":([A-Za-z_]\w*)", re.sub(r"--[^\n]*", "", stmt))}
        cur = conn.execute(stmt, params)
        if cur.description:
            names = [d[0] for d in cur.description]
            print(json.dumps([dict(zip(names, r)) for r in cur.fetchall()], ensure_ascii=False))
        stmt = ""
    sys.exit(0)
path = sys.argv[2]
conn = sqlite3.connect(":memory:")
conn.enable_load_extension(True)
conn.load_extension(lib)
conn.enable_load_extension(False)

for line in open(path, encoding="utf-8"):
    sql = line.strip()
    if not sql or sql.startswith("#"):
        continue
    params = []
    def bind(m):
        params.append(open(m.group(1), encoding="utf-8").read())
        return "?"
    sql = re.sub(r"readfile\('([^']*)'\)", bind, sql)
    try:
        cur = conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r)) for r in cur.fetchall()]
        print(json.dumps(rows))
    except sqlite3.Error as e:
        print(json.dumps({"error": str(e)}))
