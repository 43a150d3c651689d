// Parses the audit's Spark query with a real parser of Spark SQL (dt-sql-parser's grammar),
// as no test can run Spark here. Prints what the parser says and exits 1 when it refuses.
// (BigQuery and Snowflake are parsed by sqlglot, parse-sqlglot.py: node-sql-parser 5.4.0, the
// npm parser with their grammars, lacks GROUPING SETS for both.)
//
// Usage: node parse-sql.mjs DIALECT QUERY.sql
import { createRequire, register } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../tools/package.json'));
const [dialect, file] = process.argv.slice(2);
// Session settings come before the query; the parsers check the query.
const sql = readFileSync(file, 'utf8').split('\n').filter((l) => !/^SET /.test(l)).join('\n');

if (dialect !== 'spark') {
  console.error(`parse-sql.mjs: no parser for ${dialect} here`);
  process.exit(2);
}
register('./esm-dirs.mjs', import.meta.url);
const { SparkSQL } = await import(pathToFileURL(require.resolve('dt-sql-parser')).href);
const errors = new SparkSQL().validate(sql);
if (errors.length > 0) {
  for (const e of errors.slice(0, 5)) console.error(`${file}:${e.startLine}:${e.startColumn}: ${e.message}`);
  process.exit(1);
}
console.log(`${file}: parsed as ${dialect}`);
