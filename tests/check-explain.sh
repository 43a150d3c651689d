#!/usr/bin/env bash
# Every diagnostic code has an explanation, and the validate man page lists every code.
set -uo pipefail
ak=$1
status=0
codes=$("$ak" explain | awk '{print $1}')
[ -n "$codes" ] || { echo "alignkit explain lists no codes"; exit 1; }
for code in $codes; do
  text=$("$ak" explain "$code") || { echo "explain $code failed"; status=1; continue; }
  grep -q "How to fix it:" <<<"$text" || { echo "explain $code has no fix"; status=1; }
  grep -q "$code" man/alignkit-explain.1 || { echo "man/alignkit-explain.1 does not list $code"; status=1; }
done
exit $status
