// The stage and rule of each lead, one line each, from `leads classify`'s CSV or from the
// rows an engine returned for the view `leads classify --sql` makes: the last two fields of
// each record after the header, as JSON, so the two can be compared line for line.
//
// Usage: node stage-columns.mjs FILE.csv
import { readFileSync } from 'node:fs';
import { csvRecords } from './csv-records.mjs';

let header = true;
for (const fields of csvRecords(readFileSync(process.argv[2], 'utf8'))) {
  if (header) { header = false; continue; }
  console.log(JSON.stringify(fields.slice(-2)));
}
