// Prints the CREATE TABLE statement for an export loaded as a warehouse would hold it: one
// text column per header field, named as the header names it (quoted, whatever it holds).
//
// Usage: node create-table.mjs EXPORT.csv TABLE
import { closeSync, openSync, readSync } from 'node:fs';
import { csvRecords } from './csv-records.mjs';

const [input, table] = process.argv.slice(2);
// The header only: the first 16 MiB hold it (an export may be far larger than a string can be).
const fd = openSync(input, 'r');
const head = Buffer.alloc(16 << 20);
const read = readSync(fd, head, 0, head.length, 0);
closeSync(fd);
const fields = csvRecords(head.subarray(0, read).toString('utf8')).next().value ?? [''];
const name = (s) => `"${s.replaceAll('"', '""')}"`;
console.log(`CREATE TABLE ${name(table)} (${fields.map((f) => `${name(f)} TEXT`).join(', ')});`);
