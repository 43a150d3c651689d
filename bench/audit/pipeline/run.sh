#!/usr/bin/env bash
# The second benchmark shape: `alignkit sla audit` (--jobs 1 and 2) on a deal-pipeline export
# whose stages come from a status column (lead-definitions.yaml: `reached: [entry]`), against
# the same audit written for DuckDB (duckdb_pipeline.mjs, 1 and 2 threads), side by side in
# one interleaved run of ../shared/bench/run_peers.sh, checking that both give the same
# figures byte for byte (ours through figures.py, which picks them from the JSON report).
#
# Usage: bench/audit/pipeline/run.sh [ROWS...]       (default: 1000000 10000000)
# Environment: RUNS (default 3), BENCH_DATA (default /tmp/alignkit-bench), ALIGNKIT
#   (default build/alignkit). DuckDB is installed from npm on first use, as for bench/audit.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
SHARED="$ROOT/../shared/bench"
BENCH_DATA="${BENCH_DATA:-/tmp/alignkit-bench}"
ALIGNKIT="$(readlink -f "${ALIGNKIT:-$ROOT/build/alignkit}")"
RUNS="${RUNS:-3}"
AS_OF="2027-04-01T00:00:00Z"

[ -x "$ALIGNKIT" ] || { echo "build first: make (no $ALIGNKIT)" >&2; exit 2; }
[ -d "$SHARED" ] || { echo "needs the shared reference bench at $SHARED" >&2; exit 2; }
mkdir -p "$BENCH_DATA"
if [ ! -d "$BENCH_DATA/duckdb/node_modules/@duckdb/node-api" ]; then
  mkdir -p "$BENCH_DATA/duckdb"
  (cd "$BENCH_DATA/duckdb" && npm init -y > /dev/null && npm install --silent @duckdb/node-api@1.5.6-r.1)
fi

[ $# -gt 0 ] || set -- 1000000 10000000
for n in "$@"; do
  case "$n" in *000000) label="${n%000000}m" ;; *000) label="${n%000}k" ;; *) label="$n" ;; esac
  csv="$BENCH_DATA/pipeline_$label.csv"
  if [ ! -s "$csv" ]; then
    echo "generating $csv ($n rows)" >&2
    python3 "$HERE/gen_pipeline.py" --rows "$n" --out "$csv"
  fi
  # exit 1 is the report's verdict (a target missed), not a failure of the run
  ours() { echo "'$ALIGNKIT' sla audit '$HERE/sla.yaml' \"\$IN\" --as-of $AS_OF --format json -o \"\$OUT.report\" \
--jobs $1 2>/dev/null; [ \$? -le 1 ] && exec python3 '$HERE/figures.py' \"\$OUT.report\" \"\$OUT\""; }
  duck="exec node '$HERE/duckdb_pipeline.mjs' \"\$IN\" \"\$OUT\""
  REF=duckdb_t2 "$SHARED/run_peers.sh" -n "$RUNS" -w 1 -p nlcount \
    -x "duckdb_t2=$duck 2" -x "duckdb_t1=$duck 1" -x "alignkit_j2=$(ours 2)" -x "alignkit_j1=$(ours 1)" \
    -o "$BENCH_DATA/runs/pipeline-$label-$(date -u +%Y%m%dT%H%M%SZ)" "$csv"
done
