#!/usr/bin/env bash
# alignkit sla audit agrees byte for byte with the reference audit's hand-checked fixtures
# (../shared/bench/fixtures: exact limits, negative delays, deadline == as-of, pending, ""
# versus spaces-only reasons, an owner named NA, a quoted newline in a source, zero rows).
set -uo pipefail
ak=$1
fixtures=$2
status=0
# Without the shared bench beside the project (a clone on its own) CTest reports a skip.
[ -d "$fixtures" ] || { echo "skipped: no reference fixtures at $fixtures (../shared beside the project)"; exit 77; }
for name in edge_cases header_only; do
  [ -f "$fixtures/$name.csv" ] || { echo "missing $fixtures/$name.csv: the shared bench must sit beside the project"; exit 1; }
  "$ak" sla audit bench/audit/sla.yaml "$fixtures/$name.csv" --as-of 2026-07-01T00:00:00Z --format canonical \
    | diff -u "$fixtures/$name.expected.json" - || { echo "FAIL: $name differs from the reference"; status=1; }
done
exit $status
