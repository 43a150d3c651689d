#!/usr/bin/env bash
# Every C++ file is laid out by clang-format 14 (.clang-format); `make format` fixes it.
set -uo pipefail
command -v clang-format >/dev/null || { echo "missing clang-format: run scripts/install-test-tools"; exit 1; }
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find lib cli tests bench -name '*.[ch]pp')
clang-format --dry-run --Werror "${files[@]}"
