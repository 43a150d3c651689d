#!/usr/bin/env bash
# man/alignkit-config.5 is generated from the declarations (via `alignkit schema`); it must
# match what the generator makes now. To update it:
#   build/alignkit schema | node scripts/gen-config-man.mjs <(build/alignkit schema --settings) > man/alignkit-config.5
set -uo pipefail
ak=$1
command -v node >/dev/null || { echo "missing node: run scripts/install-test-tools"; exit 1; }
"$ak" schema | node scripts/gen-config-man.mjs <("$ak" schema --settings) | diff -u man/alignkit-config.5 - \
  || { echo "man/alignkit-config.5 is out of date; regenerate it (see the comment in this script)"; exit 1; }
