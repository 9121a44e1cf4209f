// client.js: run test/client_queries.sql, or a report, through Node.js and
// better-sqlite3.
//
//     node test/client.js LIBRARY test/client_queries.sql
//     node test/client.js LIBRARY --report DATABASE sql/NAME.sql
//
// Report: runs the script with db.exec() (as a user would; it must not
// fail), then statement by statement (a statement ends with a line that
// ends with ';'; parameters bound to null) and prints each result set as
// one JSON line.
// Prints one JSON line per query: the rows as objects keyed by column name,
// or {"error": message}.  readfile('F') in a query is replaced by a bound
// parameter holding the text of F.  better-sqlite3 comes from
// build/node/node_modules (the Makefile installs it); run from the top of
// the tree.
'use strict';
const fs = require('fs');
const path = require('path');
const Database = require(path.resolve('build/node/node_modules/better-sqlite3'));

const [lib, queries] = process.argv.slice(2);
if (queries === '--report') {
  runReport(...process.argv.slice(4));
} else {
  queryAll();
}
// Statements are freed when collected: collect them (out of scope now)
// before the process exits, so that a leak checker sees only what is
// really left.
if (global.gc) { global.gc(); global.gc(); }

function runReport(dbfile, file) {
  const rdb = new Database(dbfile);
  rdb.loadExtension(lib);
  const script = fs.readFileSync(file, 'utf8');
  rdb.exec(script);
  let stmt = '';
  for (const line of script.split('\n')) {
    if (stmt === '' && (line.startsWith('--') || line.trim() === '')) continue;
    stmt += line + '\n';
    if (!line.trimEnd().endsWith(';')) continue;
    const params = {};
    for (const m of stmt.replace(/--[^\n]*/g, '').matchAll(/:([A-Za-z_]\w*)/g)) params[m[1]] = null;
    const st = rdb.prepare(stmt);
    if (st.reader) console.log(JSON.stringify(Object.keys(params).length ? st.all(params) : st.all()));
    else if (Object.keys(params).length) st.run(params); else st.run();
    stmt = '';
  }
  rdb.close();
}


function queryAll() {
const db = new Database(':memory:');
db.loadExtension(lib);

for (const line of fs.readFileSync(queries, 'utf8').split('\n')) {
  let sql = line.trim();
  if (!sql || sql.startsWith('#')) continue;
  const params = [];
  sql = sql.replace(/readfile\('([^']*)'\)/g, (m, f) => {
    params.push(fs.readFileSync(f, 'utf8'));
    return '?';
  });
  try {
    const rows = db.prepare(sql).all(...params);
    console.log(JSON.stringify(rows));
  } catch (e) {
    console.log(JSON.stringify({ error: e.message }));
  }
}
db.close();
}
