#!/usr/bin/env bash
# The reference audit where the records live: alignkit's generated SQL run in DuckDB and in
# PostgreSQL, beside the native CSV audit and the hand-written DuckDB SQL of the shared
# reference bench (../shared/bench/peers/duckdb_audit.sql), on the same export.
#
# Usage: bench/warehouse/run.sh [ROWS]            (default: 10000000)
# Environment: RUNS (default 3), BENCH_DATA (default /tmp/alignkit-bench), ALIGNKIT (default
#   build/alignkit), POSTGRES=0 to leave PostgreSQL out (it takes minutes at 10M rows).
# DuckDB comes from tests/tools (scripts/install-test-tools); PostgreSQL is started here as
# the tests start it (initdb, pg_ctl, a Unix socket), the export loaded once with COPY.
# Every engine's report is checked against the CSV audit's canonical JSON before timing.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SHARED="$ROOT/../shared/bench"
BENCH_DATA="${BENCH_DATA:-/tmp/alignkit-bench}"
ALIGNKIT="$(readlink -f "${ALIGNKIT:-$ROOT/build/alignkit}")"
RUNS="${RUNS:-3}"
ROWS="${1:-10000000}"
AS_OF=(--as-of 2026-07-01T00:00:00Z)
SLA="$ROOT/bench/audit/sla.yaml"
export DUCKDB_NODE_DIR="$ROOT/tests/tools"

[ -x "$ALIGNKIT" ] || { echo "build first: make (no $ALIGNKIT)" >&2; exit 2; }
[ -d "$DUCKDB_NODE_DIR/node_modules/@duckdb/node-api" ] || { echo "run scripts/install-test-tools first" >&2; exit 2; }
mkdir -p "$BENCH_DATA"
case "$ROWS" in *000000) label="${ROWS%000000}m" ;; *000) label="${ROWS%000}k" ;; *) label=$ROWS ;; esac
csv="$BENCH_DATA/leads_$label.csv"
[ -s "$csv" ] || python3 "$SHARED/gen_leads.py" --rows "$ROWS" --out "$csv"
work=$(mktemp -d)
chmod 755 "$work"

seconds() { # the wall time of a command, in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
best() { # the least of RUNS timings of a command
  local b="" t
  for _ in $(seq "$RUNS"); do
    t=$(seconds "$@")
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
  done
  printf '%.2f' "$b"
}

"$ALIGNKIT" sla audit "$SLA" "$csv" "${AS_OF[@]}" -f canonical > "$work/native.json"
"$ALIGNKIT" sla audit "$SLA" "$csv" "${AS_OF[@]}" -f canonical --sql duckdb --table leads > "$work/duckdb.sql"
ours_duckdb() { # the CSV loaded as a table of text first
  node "$ROOT/tests/warehouse/duckdb-run.mjs" "$csv" leads "$work/duckdb.sql" "$work/duckdb.csv"
}
ours_duckdb_view() { # the CSV read as text by the query, as the hand-written SQL reads it
  DUCKDB_AS_VIEW=1 node "$ROOT/tests/warehouse/duckdb-run.mjs" "$csv" leads "$work/duckdb.sql" "$work/duckdb.csv"
}
ours_duckdb
"$ALIGNKIT" sla audit "$SLA" --result "$work/duckdb.csv" -f canonical | cmp - "$work/native.json"
peer_duckdb() { node "$SHARED/peers/duckdb_audit.mjs" "$csv" "$work/peer.json" 2; }
peer_duckdb
cmp "$work/peer.json" "$work/native.json"
native() { "$ALIGNKIT" sla audit "$SLA" "$csv" "${AS_OF[@]}" -f canonical --jobs 2; }

echo "rows: $ROWS ($csv), best of $RUNS, 2 cores; every report equal to the native one"
echo "native CSV audit (--jobs 2):        $(best native) s"
echo "DuckDB, hand-written SQL (2 threads): $(best peer_duckdb) s"
echo "DuckDB, alignkit's SQL:             $(best ours_duckdb) s   (the CSV loaded as text, then the query)"
echo "DuckDB, alignkit's SQL:             $(best ours_duckdb_view) s   (the CSV read as text by the query)"

if [ "${POSTGRES:-1}" != 0 ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  as_server=()
  mkdir "$work/pg"
  if [ "$(id -u)" = 0 ]; then as_server=(runuser -u nobody --); chown nobody "$work/pg"; fi
  trap '"${as_server[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1; rm -rf "$work"' EXIT
  "${as_server[@]}" "$pg_bin/initdb" -D "$work/pg/data" -A trust -U alignkit --no-sync >/dev/null
  "${as_server[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -o "-k $work/pg -c listen_addresses= -F" \
    start >/dev/null
  psql_=(psql -h "$work/pg" -U alignkit -d postgres -v ON_ERROR_STOP=1 -q -X)
  "${psql_[@]}" -c "$(node "$ROOT/tests/warehouse/create-table.mjs" "$csv" leads)"
  load_start=$(date +%s.%N)
  "${psql_[@]}" -c "\\copy leads FROM '$csv' WITH (FORMAT csv, HEADER true)"
  echo "PostgreSQL: loaded once with COPY in $(echo "$(date +%s.%N) - $load_start" | bc | xargs printf '%.1f') s"
  "$ALIGNKIT" sla audit "$SLA" "${AS_OF[@]}" -f canonical --sql postgres --table leads > "$work/pg.sql"
  ours_postgres() { "${psql_[@]}" --csv -f "$work/pg.sql" > "$work/pg.csv"; }
  # Minutes at 10M rows: the one run is timed and checked.
  pg_seconds=$(seconds ours_postgres)
  "$ALIGNKIT" sla audit "$SLA" --result "$work/pg.csv" -f canonical | cmp - "$work/native.json"
  echo "PostgreSQL, alignkit's SQL:         $(printf '%.2f' "$pg_seconds") s   (one run, the one checked)"
else
  rm -rf "$work"
fi
