// Prints the CREATE TABLE statement for an export loaded as a warehouse would hold it: one
// text column per header field, named as the header names it (quoted, whatever it holds).
//
// Usage: node create-table.mjs EXPORT.csv TABLE
import { readFileSync } from 'node:fs';
import { csvRecords } from './csv-records.mjs';

const [input, table] = process.argv.slice(2);
const fields = csvRecords(readFileSync(input, 'utf8')).next().value ?? [''];
const name = (s) => `"${s.replaceAll('"', '""')}"`;
console.log(`CREATE TABLE ${name(table)} (${fields.map((f) => `${name(f)} TEXT`).join(', ')});`);
