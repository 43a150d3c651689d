// Prints the CREATE TABLE statement for an export loaded as a warehouse would hold it: one
// text column per header field, named as the header names it (quoted, whatever it holds).
//
// Usage: node create-table.mjs EXPORT.csv TABLE
import { readFileSync } from 'node:fs';

const [input, table] = process.argv.slice(2);
const text = readFileSync(input, 'utf8').replace(/^\uFEFF/, '');
// The header record, RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
const fields = [];
let field = '';
let quoted = false;
for (let i = 0; i < text.length; i++) {
  const c = text[i];
  if (quoted) {
    if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
    else if (c === '"') quoted = false;
    else field += c;
  } else if (c === '"') quoted = true;
  else if (c === ',') { fields.push(field); field = ''; }
  else if (c === '\n' || c === '\r') break;
  else field += c;
}
fields.push(field);
const name = (s) => `"${s.replaceAll('"', '""')}"`;
console.log(`CREATE TABLE ${name(table)} (${fields.map((f) => `${name(f)} TEXT`).join(', ')});`);
