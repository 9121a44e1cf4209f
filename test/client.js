// client.js: run test/client_queries.sql through Node.js and better-sqlite3.
//
//     node test/client.js LIBRARY test/client_queries.sql
//
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
