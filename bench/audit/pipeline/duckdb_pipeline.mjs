// The pipeline benchmark's audit in DuckDB (@duckdb/node-api): the same figures as
// figures.py takes from `alignkit sla audit -f json`, by the definitions of
// alignkit-sla(1) for this shape (lead-definitions.yaml, sla.yaml, as of 2027-04-01).
//
// Usage: node duckdb_pipeline.mjs INPUT.csv OUTPUT.json [THREADS]
// The module is resolved from $DUCKDB_NODE_DIR (default /tmp/alignkit-bench/duckdb).
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const nodeDir = process.env.DUCKDB_NODE_DIR ?? '/tmp/alignkit-bench/duckdb';
const require = createRequire(join(nodeDir, 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');
const [input, output, threads] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
const con = await instance.connect();
const csv = input.replaceAll("'", "''");

// One pass over the rows: each deal's stages, its engaging clock, its month and source.
await con.run(`
CREATE TEMP TABLE d AS
SELECT
  CASE WHEN lead_source = 'Select' OR lead_source IS NULL THEN '' ELSE lead_source END AS source,
  e AS engage, c AS close,
  (e IS NOT NULL OR s IN ('engaging', 'won')) AS engaging,
  s = 'won' AS won,
  s = 'lost' AS lost
FROM (
  SELECT lead_source, lower(deal_stage) AS s,
         CAST(engage_date AS DATE) AS e, CAST(close_date AS DATE) AS c
  FROM read_csv('${csv}', header = true, all_varchar = true)
)`);
const limit = 91 * 86400; // 13w
const asOf = Date.UTC(2027, 3, 1) / 1000;
const rows = async (sql) => (await con.runAndReadAll(sql)).getRows();
const n = (v) => (v === null ? null : Number(v));

const [funnel] = await rows(`
SELECT count(*), count(*) FILTER (engaging), count(*) FILTER (engaging AND won),
       count(*) FILTER (won), count(*) FILTER (lost AND NOT won)
FROM d`);
// The clock ends at the won or lost close date (the earliest of the stages after it).
const [clock] = await rows(`
WITH k AS (
  SELECT epoch(engage) AS start, CASE WHEN won OR lost THEN epoch(close) END AS done FROM d
  WHERE engaging AND engage IS NOT NULL)
SELECT count(*) FILTER (done IS NULL OR done >= start - 3600),
       count(*) FILTER (done IS NOT NULL AND done >= start - 3600 AND done - start <= ${limit}),
       count(*) FILTER ((done IS NOT NULL AND done - start > ${limit}) OR (done IS NULL AND start + ${limit} <= ${asOf})),
       count(*) FILTER (done IS NULL AND start + ${limit} > ${asOf}),
       quantile_disc(done - start, 0.5) FILTER (done IS NOT NULL AND done >= start - 3600),
       quantile_disc(done - start, 0.9) FILTER (done IS NOT NULL AND done >= start - 3600)
FROM k`);
const volume = await rows(`
SELECT strftime(engage, '%Y-%m') AS m, count(*) FROM d WHERE engaging AND engage IS NOT NULL GROUP BY m ORDER BY m`);
const bySource = await rows(`
SELECT source, count(*), count(*) FILTER (won) FROM d WHERE engaging GROUP BY source ORDER BY source`);

const out = {
  rows: n(funnel[0]),
  funnel: { reached: [n(funnel[0]), n(funnel[1]), n(funnel[3])], won: n(funnel[2]), lost: n(funnel[4]) },
  engaging_clock: { eligible: n(clock[0]), met: n(clock[1]), breached: n(clock[2]), pending: n(clock[3]),
                    median: n(clock[4]), p90: n(clock[5]) },
  engaged_by_month: Object.fromEntries(volume.map((r) => [r[0], n(r[1])])),
  engaged_to_won_by_source: Object.fromEntries(bySource.map((r) => [r[0], [n(r[1]), n(r[2])]])),
};
writeFileSync(output, JSON.stringify(out) + '\n');
