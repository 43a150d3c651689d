#!/usr/bin/env bash
# Checks that an example in examples/invalid/ produces exactly the diagnostics written in
# its .expected file (the text report), and exits 1.
# usage: check-invalid-example.sh ALIGNKIT examples/invalid/NAME.yaml   (from the repo root)
set -uo pipefail
ak=$1
example=$2
expected=${example%.yaml}.expected
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT

"$ak" validate --as-of 2026-11-22 --color never "$example" >"$actual" 2>&1
code=$?
if [ "${ALIGNKIT_BLESS:-}" = 1 ]; then
  cp "$actual" "$expected"
  echo "blessed $expected"
  exit 0
fi
status=0
if [ $code -ne 1 ]; then
  echo "expected exit 1 for an invalid example, got $code"
  status=1
fi
diff -u --label "$expected" --label actual "$expected" "$actual" || status=1
exit $status
