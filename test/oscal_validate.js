// oscal_validate.js: check an OSCAL document that srm exports.
//
//   node test/oscal_validate.js SCHEMA DOCUMENT IDS
//
// SCHEMA is one of NIST's OSCAL 1.1.3 JSON schemas in test/oscal/, whose
// sha256 must be the one test/oscal/SHA256SUMS gives (a changed schema is
// an error, not a pass).  DOCUMENT is validated against it with ajv 8 and
// ajv-formats 3 (installed by the Makefile into build/node), then checked
// for what a schema cannot say:
//   - every role-id (and role-ids entry) names a role of metadata.roles;
//   - every control-id is one of the ids in the file IDS (one a line: the
//     requirements of the framework, from srm_requirements);
//   - every uuid is unique in the document;
//   - every component-uuid names a component of the document.
// Prints "valid" and exits 0, or prints each problem and exits 1.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const root = path.join(__dirname, '..');
const nodeModules = path.join(root, 'build', 'node', 'node_modules');
const Ajv = require(path.join(nodeModules, 'ajv'));
const addFormats = require(path.join(nodeModules, 'ajv-formats'));

if (process.argv.length !== 5) {
  console.error('usage: node test/oscal_validate.js SCHEMA DOCUMENT IDS');
  process.exit(2);
}
const [schemaFile, docFile, idsFile] = process.argv.slice(2);
const problems = [];

// 1. The schema is NIST's, byte for byte.
const schemaBytes = fs.readFileSync(schemaFile);
const sums = fs.readFileSync(path.join(__dirname, 'oscal', 'SHA256SUMS'), 'utf8');
const want = sums.split('\n').map((l) => l.split(/\s+/))
  .find((f) => f.length >= 2 && f[1] === path.basename(schemaFile));
const got = crypto.createHash('sha256').update(schemaBytes).digest('hex');
if (!want) {
  problems.push(`schema ${path.basename(schemaFile)} is not in test/oscal/SHA256SUMS`);
} else if (want[0] !== got) {
  problems.push(`schema ${path.basename(schemaFile)} has sha256 ${got}, not ${want[0]}`);
}

// 2. The schema's verdict.
let doc;
try {
  doc = JSON.parse(fs.readFileSync(docFile, 'utf8'));
} catch (e) {
  problems.push(`not JSON: ${e.message}`);
}
if (doc !== undefined && problems.length === 0) {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(schemaBytes.toString('utf8')));
  if (!validate(doc)) {
    for (const e of validate.errors.slice(0, 20)) {
      problems.push(`schema: ${e.instancePath || '/'} ${e.message}`);
    }
  }
}

// 3. What the schema cannot say.
if (doc !== undefined) {
  const ids = new Set(fs.readFileSync(idsFile, 'utf8').split('\n').filter((l) => l !== ''));
  const roles = new Set();
  const uuids = new Map();
  const components = new Set();
  const refs = [];
  const top = doc[Object.keys(doc)[0]] || {};
  for (const r of ((top.metadata || {}).roles || [])) roles.add(r.id);
  const walk = (v, where) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${where}/${i}`));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const at = `${where}/${k}`;
        if (k === 'uuid' && typeof x === 'string') {
          if (uuids.has(x)) problems.push(`uuid ${x} at ${at} is also at ${uuids.get(x)}`);
          else uuids.set(x, at);
          if (/\/components\/\d+$/.test(where)) components.add(x);
        } else if (k === 'role-id' && !roles.has(x)) {
          problems.push(`role-id '${x}' at ${at} is not declared in metadata.roles`);
        } else if (k === 'role-ids' && Array.isArray(x)) {
          for (const r of x) if (!roles.has(r)) problems.push(`role-ids '${r}' at ${at} is not declared`);
        } else if (k === 'control-id' && !ids.has(x)) {
          problems.push(`control-id '${x}' at ${at} is not a requirement of the framework`);
        } else if (k === 'component-uuid') {
          refs.push([x, at]);
        }
        walk(x, at);
      }
    }
  };
  walk(doc, '');
  for (const [x, at] of refs) {
    if (!components.has(x)) problems.push(`component-uuid ${x} at ${at} names no component`);
  }
}

if (problems.length) {
  for (const p of problems.slice(0, 40)) console.log(p);
  process.exit(1);
}
console.log('valid');
