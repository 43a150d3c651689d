#!/usr/bin/env bash
# The audit where the records live: for each case, the export is loaded as a table of text
# columns into a real PostgreSQL server (started here: initdb and pg_ctl in a temporary
# directory, a Unix socket only, stopped on exit) and into DuckDB (from npm, in
# tests/tools), the query `sla audit --sql` compiles is run there, and the report `--result`
# makes of what the engine returned must equal the report of the CSV audit: byte for byte,
# except where a row with a problem is (a line of the file, a lead id of the table). The
# Spark, BigQuery and Snowflake queries are parsed by real parsers of those dialects.
#
# Usage: tests/check-warehouse.sh ALIGNKIT SHARED [sanitized]   (run from the repository root)
# With "sanitized" (the ASan build) the million-row case is left out: there the engines do
# the work, and the plain build's run has checked it.
set -uo pipefail
ak=$(readlink -f "$1")
shared=$2
sanitized=${3:-}
here=$(pwd)
tools=$here/tests/tools/node_modules
status=0

command -v node >/dev/null || { echo "skipped: no node (scripts/install-test-tools installs it)"; exit 77; }
[ -d "$tools/@duckdb/node-api" ] || { echo "skipped: no DuckDB in tests/tools (scripts/install-test-tools)"; exit 77; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pg_bin/initdb" ] || { echo "skipped: no PostgreSQL server (Debian postgresql; scripts/install-test-tools)"; exit 77; }
command -v psql >/dev/null || { echo "skipped: no psql (Debian postgresql-client)"; exit 77; }
# Debian's Python, where python3-sqlglot is (a python3 elsewhere on PATH may not see it).
/usr/bin/python3 -c 'import sqlglot' 2>/dev/null ||
  { echo "skipped: no sqlglot (Debian python3-sqlglot; scripts/install-test-tools)"; exit 77; }

work=$(mktemp -d)
chmod 755 "$work"
# initdb refuses to run as root: the server runs as an unprivileged user.
as_server=()
if [ "$(id -u)" = 0 ]; then
  as_server=(runuser -u nobody --)
  mkdir "$work/pg" && chown nobody "$work/pg"
else
  mkdir "$work/pg"
fi
stop() {
  "${as_server[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$work"
}
trap stop EXIT
"${as_server[@]}" "$pg_bin/initdb" -D "$work/pg/data" -A trust -U alignkit --no-sync >"$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log"; echo "FAIL: initdb"; exit 1; }
"${as_server[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
  -o "-k $work/pg -c listen_addresses= -F" start >/dev/null ||
  { cat "$work/pg/log"; echo "FAIL: the PostgreSQL server did not start"; exit 1; }
psql_=(psql -h "$work/pg" -U alignkit -d postgres -v ON_ERROR_STOP=1 -q -X)

# load EXPORT TABLE: the export as a table of text columns named as its header.
load() {
  "${psql_[@]}" -c "DROP TABLE IF EXISTS \"$2\"" 2>/dev/null &&
    "${psql_[@]}" -c "$(node tests/warehouse/create-table.mjs "$1" "$2")" &&
    "${psql_[@]}" -c "\\copy \"$2\" FROM '$1' WITH (FORMAT csv, HEADER true)"
}

# The JSON report without where its problem rows are, which a table cannot say.
without_places() {
  node -e '
    const j = JSON.parse(require("fs").readFileSync(0, "utf8"));
    for (const k of Object.keys(j.bad_rows || {})) { delete j.bad_rows[k].first_lines; delete j.bad_rows[k].example_lead; }
    process.stdout.write(JSON.stringify(j, null, 1) + "\n");'
}

# run ENGINE NAME EXPORT QUERY RESULT: the query on the engine, its result as CSV.
run() {
  if [ "$1" = postgres ]; then
    "${psql_[@]}" --csv -f "$4" >"$5" 2>"$5.err"
  else
    DUCKDB_NODE_DIR=$here/tests/tools node tests/warehouse/duckdb-run.mjs "$3" "$2" "$4" "$5" 2>"$5.err"
  fi || { echo "FAIL: $2: $1 refused the query:"; head -5 "$5.err"; status=1; return 1; }
}

# parses NAME DIR ARGS...: what `alignkit ARGS --sql DIALECT` prints for the engines no test
# runs here is parsed by a real parser of each: Spark SQL's grammar (dt-sql-parser), and
# sqlglot's for BigQuery and Snowflake.
parses() {
  local name=$1 dir=$2
  shift 2
  for dialect in spark bigquery snowflake; do
    "$ak" "$@" --sql $dialect >"$dir/$dialect.parsed.sql" 2>"$dir/$dialect.parsed.err" ||
      { echo "FAIL: $name: --sql $dialect:"; head -3 "$dir/$dialect.parsed.err"; status=1; continue; }
    if [ $dialect = spark ]; then
      node tests/warehouse/parse-sql.mjs spark "$dir/$dialect.parsed.sql" >/dev/null 2>"$dir/$dialect.parsed.err"
    else
      /usr/bin/python3 tests/warehouse/parse-sqlglot.py $dialect "$dir/$dialect.parsed.sql" >/dev/null \
        2>"$dir/$dialect.parsed.err"
    fi || { echo "FAIL: $name: the $dialect SQL does not parse:"; head -3 "$dir/$dialect.parsed.err"; status=1; }
  done
}

# check NAME SLA EXPORT HOW ARGS...: the CSV audit against PostgreSQL's and DuckDB's. HOW is
# "exact" (whole reports, text and JSON, and the reference's canonical JSON from a query
# compiled for it), "places" (the JSON without the problem rows' places) or "large" (the JSON).
check() {
  local name=$1 sla=$2 export=$3 how=$4
  shift 4
  local dir=$work/$name
  mkdir -p "$dir"
  load "$export" "$name" || { echo "FAIL: $name: could not load the export into PostgreSQL"; status=1; return; }
  local formats=(json)
  [ "$how" = exact ] && formats=(json text)
  # The breaches too, but for the million rows: the query lists them, --result writes them.
  local breaches=()
  [ "$how" = large ] || breaches=(--breaches "$dir/breaches.csv")
  for format in "${formats[@]}" canonical; do
    "$ak" sla audit "$sla" "$export" "$@" -f $format >"$dir/csv.$format" 2>/dev/null
  done
  if [ ${#breaches[@]} -gt 0 ]; then
    "$ak" sla audit "$sla" "$export" "$@" --breaches "$dir/csv.breaches" >/dev/null 2>&1
    # A table's rows have no lines: a lead without an id is unnamed there.
    sed 1d "$dir/csv.breaches" | sed 's/^line [0-9]*,/,/' | sort >"$dir/csv.breaches.sorted"
  fi
  for engine in postgres duckdb; do
    "$ak" sla audit "$sla" "$export" --sql $engine --table "$name" "$@" ${breaches[@]+"${breaches[@]}"} \
      >"$dir/$engine.sql" || { echo "FAIL: $name: --sql $engine"; status=1; continue; }
    run $engine "$name" "$export" "$dir/$engine.sql" "$dir/$engine.csv" || continue
    if [ ${#breaches[@]} -gt 0 ]; then
      rm -f "$dir/breaches.csv"
      "$ak" sla audit "$sla" --result "$dir/$engine.csv" "$@" "${breaches[@]}" >/dev/null 2>&1
      sed 1d "$dir/breaches.csv" | sort | cmp -s "$dir/csv.breaches.sorted" - ||
        { echo "FAIL: $name: $engine's breaches differ:"; sed 1d "$dir/breaches.csv" | sort |
          diff "$dir/csv.breaches.sorted" - | head -10; status=1; }
    fi
    for format in "${formats[@]}"; do
      "$ak" sla audit "$sla" --result "$dir/$engine.csv" "$@" -f $format >"$dir/$engine.$format" 2>/dev/null
      if [ "$how" = places ]; then
        diff <(without_places <"$dir/csv.json") <(without_places <"$dir/$engine.json") >"$dir/$engine.diff" ||
          { echo "FAIL: $name: $engine's JSON report differs:"; head -20 "$dir/$engine.diff"; status=1; }
      else
        cmp -s "$dir/csv.$format" "$dir/$engine.$format" ||
          { echo "FAIL: $name: $engine's $format report differs:"; diff "$dir/csv.$format" "$dir/$engine.$format" | head -20; status=1; }
      fi
    done
    if [ $engine = postgres ] && [ "$how" != large ]; then
      # PostgreSQL asked directly, through libpq: the same report as through psql.
      "$ak" sla audit "$sla" "postgresql://alignkit@/postgres?host=$work/pg" --table "$name" "$@" -f json \
        --breaches "$dir/direct.breaches" >"$dir/direct.json" 2>"$dir/direct.err"
      cmp -s "$dir/postgres.json" "$dir/direct.json" ||
        { echo "FAIL: $name: PostgreSQL asked directly differs:"; head -5 "$dir/direct.err"; status=1; }
      sed 1d "$dir/direct.breaches" 2>/dev/null | sort | cmp -s "$dir/csv.breaches.sorted" - ||
        { echo "FAIL: $name: PostgreSQL asked directly lists other breaches"; status=1; }
    fi
    if [ "$how" = exact ]; then
      # The reference's JSON counts less (no funnel, no stage clocks): its own query.
      "$ak" sla audit "$sla" "$export" --sql $engine --table "$name" "$@" -f canonical >"$dir/$engine.c.sql" &&
        run $engine "$name" "$export" "$dir/$engine.c.sql" "$dir/$engine.c.csv" &&
        "$ak" sla audit "$sla" --result "$dir/$engine.c.csv" "$@" -f canonical >"$dir/$engine.canonical" 2>/dev/null
      cmp -s "$dir/csv.canonical" "$dir/$engine.canonical" ||
        { echo "FAIL: $name: $engine's canonical JSON differs"; diff "$dir/csv.canonical" "$dir/$engine.canonical" | head -5; status=1; }
    fi
  done
  parses "$name" "$dir" sla audit "$sla" "$export" --table "$name" "$@" ${breaches[@]+"${breaches[@]}"}
  echo "checked: $name"
}

# check_stages NAME DEFINITIONS EXPORT: the view `leads classify --sql` makes over the table
# `check NAME` loaded gives each lead, in PostgreSQL and in DuckDB, the stage and the rule the
# CSV classification gives it, row for row; the Spark view parses.
check_stages() {
  local name=$1 defs=$2 export=$3
  local dir=$work/$name/stages
  mkdir -p "$dir"
  "$ak" leads classify "$defs" "$export" >"$dir/csv.csv" 2>/dev/null
  node tests/warehouse/stage-columns.mjs "$dir/csv.csv" >"$dir/csv.stages"
  [ -s "$dir/csv.stages" ] || { echo "FAIL: $name: leads classify gave no rows"; status=1; return; }
  printf 'SELECT * FROM "%s_stages"\n' "$name" >"$dir/select.sql"
  for engine in postgres duckdb; do
    "$ak" leads classify "$defs" "$export" --sql $engine --table "$name" >"$dir/$engine.view.sql" ||
      { echo "FAIL: $name: leads classify --sql $engine"; status=1; continue; }
    if [ $engine = postgres ]; then
      "${psql_[@]}" -f "$dir/$engine.view.sql" 2>"$dir/$engine.err" &&
        "${psql_[@]}" --csv -f "$dir/select.sql" >"$dir/$engine.csv" 2>>"$dir/$engine.err"
    else
      DUCKDB_NODE_DIR=$here/tests/tools node tests/warehouse/duckdb-run.mjs "$export" "$name" "$dir/select.sql" \
        "$dir/$engine.csv" "$dir/$engine.view.sql" 2>"$dir/$engine.err"
    fi || { echo "FAIL: $name: $engine refused the view:"; head -5 "$dir/$engine.err"; status=1; continue; }
    node tests/warehouse/stage-columns.mjs "$dir/$engine.csv" >"$dir/$engine.stages"
    cmp -s "$dir/csv.stages" "$dir/$engine.stages" ||
      { echo "FAIL: $name: $engine's stages differ:"; diff "$dir/csv.stages" "$dir/$engine.stages" | head -10; status=1; }
  done
  parses "$name (stages)" "$dir" leads classify "$defs" "$export" --table "$name"
  echo "checked: $name (stages)"
}

fixtures=$shared/bench/fixtures
as_of=(--as-of 2026-07-01T00:00:00Z)
if [ -d "$fixtures" ]; then
  check edge_cases bench/audit/sla.yaml "$fixtures/edge_cases.csv" exact "${as_of[@]}"
  check_stages edge_cases bench/audit/lead-definitions.yaml "$fixtures/edge_cases.csv"
  check header_only bench/audit/sla.yaml "$fixtures/header_only.csv" exact "${as_of[@]}"
  # A generated export of a million leads, as the reference benchmark makes them.
  if [ -z "$sanitized" ]; then
    python3 "$shared/bench/gen_leads.py" --rows 1000000 --out "$work/leads_1m.csv" &&
      check leads_1m bench/audit/sla.yaml "$work/leads_1m.csv" large "${as_of[@]}" --by owner,source,month
  fi
else
  echo "note: no reference fixtures at $fixtures (../shared beside the project): those cases are left out"
fi
b=examples/brightline
check brightline $b/sla.yaml $b/crm-export.csv places --as-of 2027-07-01
check_stages brightline $b/lead-definitions.yaml $b/crm-export.csv
check brightline_march $b/sla.yaml $b/crm-export.csv places --as-of 2027-03-01T12:00:00Z --by owner,source,month,country
check brightline_periods $b/sla.yaml $b/crm-export.csv places --as-of 2027-01-20T15:00:00Z --from 2027-01-01 \
  --until 2027-04-01 --zone UTC
check hostile tests/warehouse/hostile/sla.yaml tests/warehouse/hostile/export.csv places --as-of 2026-06-01 \
  --by owner,source,month,country
check_stages hostile tests/warehouse/hostile/lead-definitions.yaml tests/warehouse/hostile/export.csv
# Values no engine's cast may be left to refuse: a day a month lacks, hours and offsets out of
# range, years 0000 and 9999, numbers past a double, NaN and infinities, 29 February of years
# that are and are not leap years, a comma fraction.
check out_of_range tests/warehouse/hostile/sla.yaml tests/warehouse/hostile/out-of-range.csv places \
  --as-of 2028-06-01 --by owner,source,month,country
check_stages out_of_range tests/warehouse/hostile/lead-definitions.yaml tests/warehouse/hostile/out-of-range.csv
exit $status
