#!/usr/bin/env bash
# clang-tidy 14 finds nothing in lib/ and cli/ (.clang-tidy): the same run as `make tidy`.
# usage: check-tidy.sh BUILD_DIR      (run from the repository root)
set -uo pipefail
build=$1
command -v run-clang-tidy >/dev/null || { echo "missing clang-tidy: run scripts/install-test-tools"; exit 1; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# GCC-only warning flags in the compile commands are unknown to clang.
if run-clang-tidy -p "$build" -j2 -quiet -extra-arg=-Wno-unknown-warning-option "$(pwd)/(lib|cli)/.*\.cpp$" >"$log" 2>&1 \
   && ! grep -qE '(warning|error): ' "$log"; then
  exit 0
fi
grep -E '(warning|error): ' "$log" | sed 's/\x1b\[[0-9;]*m//g' | sort -u
exit 1
