#!/usr/bin/env bash
# Time `alignkit sla audit` (--jobs 1 and 2) against DuckDB (1 and 2 threads), plain Python
# and the newline-count floor on the reference audit, side by side in one interleaved run,
# and check that every audit writes the same canonical JSON byte for byte.
#
# Usage: bench/audit/run.sh [ROWS...]          (default: 1000000 10000000)
# Environment: RUNS (default 3), BENCH_DATA (default /tmp/alignkit-bench), ALIGNKIT
#   (default build/alignkit), PEERS (default duckdb_t2,duckdb_t1,py_csv,nlcount).
# The exports come from ../shared/bench/gen_leads.py (deterministic; generated once and
# kept in BENCH_DATA); DuckDB is installed there from npm on first use, as the peers'
# README describes. The audit's terms are in bench/audit/sla.yaml and its columns in
# bench/audit/lead-definitions.yaml; `--format canonical` writes the reference's JSON.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SHARED="$ROOT/../shared/bench"
BENCH_DATA="${BENCH_DATA:-/tmp/alignkit-bench}"
ALIGNKIT="$(readlink -f "${ALIGNKIT:-$ROOT/build/alignkit}")"
RUNS="${RUNS:-3}"
PEERS="${PEERS:-duckdb_t2,duckdb_t1,py_csv,nlcount}"
# The reference data's exports end on 2026-06-30; the audit is taken the day after.
AS_OF="2026-07-01T00:00:00Z"

[ -x "$ALIGNKIT" ] || { echo "build first: make (no $ALIGNKIT)" >&2; exit 2; }
[ -d "$SHARED" ] || { echo "needs the shared reference bench at $SHARED" >&2; exit 2; }
mkdir -p "$BENCH_DATA"

if [ ! -d "$BENCH_DATA/duckdb/node_modules/@duckdb/node-api" ]; then
  mkdir -p "$BENCH_DATA/duckdb"
  (cd "$BENCH_DATA/duckdb" && npm init -y > /dev/null && npm install --silent @duckdb/node-api@1.5.6-r.1)
fi

label() { # 1000000 -> 1m, 10000000 -> 10m, other counts as they are
  case "$1" in
    *000000) echo "${1%000000}m" ;;
    *000) echo "${1%000}k" ;;
    *) echo "$1" ;;
  esac
}

[ $# -gt 0 ] || set -- 1000000 10000000
for n in "$@"; do
  csv="$BENCH_DATA/leads_$(label "$n").csv"
  if [ ! -s "$csv" ]; then
    echo "generating $csv ($n rows)" >&2
    python3 "$SHARED/gen_leads.py" --rows "$n" --out "$csv"
  fi
  ours="exec '$ALIGNKIT' sla audit '$HERE/sla.yaml' \"\$IN\" --as-of $AS_OF --format canonical -o \"\$OUT\""
  out="$BENCH_DATA/runs/audit-$(label "$n")-$(date -u +%Y%m%dT%H%M%SZ)"
  "$SHARED/run_peers.sh" -n "$RUNS" -w 1 -p "$PEERS" -x "alignkit_j2=$ours --jobs 2" -x "alignkit_j1=$ours --jobs 1" \
    -o "$out" "$csv"
done
