"""client.py: run test/client_queries.sql through Python's sqlite3 module.

    /usr/bin/python3 test/client.py LIBRARY test/client_queries.sql

Prints one JSON line per query: the rows as objects keyed by column name,
or {"error": message}.  readfile('F') in a query is replaced by a bound
parameter holding the text of F.  Run from the top of the tree.
"""
import json
import re
import sqlite3
import sys

lib, path = sys.argv[1], sys.argv[2]
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
