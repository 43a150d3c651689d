// Runs the audit's DuckDB query on a CSV export, as a warehouse would hold it: the export
// loaded as a table TABLE of text columns, the query run, its result written as CSV.
//
// Usage: node duckdb-run.mjs EXPORT.csv TABLE QUERY.sql RESULT.csv [FIRST.sql]
// FIRST.sql, when given, is run before the query (the view `leads classify --sql` makes).
// @duckdb/node-api is resolved from $DUCKDB_NODE_DIR (the directory npm installed it in).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [input, table, queryFile, output, first] = process.argv.slice(2);
if (!input || !table || !queryFile || !output) {
  console.error('usage: duckdb-run.mjs EXPORT.csv TABLE QUERY.sql RESULT.csv');
  process.exit(2);
}
const require = createRequire(join(process.env.DUCKDB_NODE_DIR ?? '.', 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');
const quote = (s) => `'${s.replaceAll("'", "''")}'`;

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
// DUCKDB_AS_VIEW=1 (the benchmark): a view that reads the CSV in the query, as the
// hand-written peer SQL does, instead of a table loaded first.
const kind = process.env.DUCKDB_AS_VIEW === '1' ? 'VIEW' : 'TABLE';
await con.run(`CREATE ${kind} "${table.replaceAll('"', '""')}" AS SELECT * FROM read_csv(${quote(input)}, header = true, all_varchar = true,
  delim = ',', quote = '"', escape = '"')`);
if (first) await con.run(readFileSync(first, 'utf8'));
const query = readFileSync(queryFile, 'utf8').trim().replace(/;\s*$/, '');
await con.run(`COPY (${query}) TO ${quote(output)} (HEADER, DELIMITER ',')`);
