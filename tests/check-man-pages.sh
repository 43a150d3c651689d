#!/usr/bin/env bash
# Every man page renders without a single groff warning.
set -uo pipefail
command -v groff >/dev/null || { echo "missing groff: run scripts/install-test-tools"; exit 1; }
status=0
for page in man/*.1 man/*.5; do
  out=$(groff -man -ww -z "$page" 2>&1)
  if [ -n "$out" ]; then
    echo "$page:"; echo "$out"; status=1
  fi
done
exit $status
