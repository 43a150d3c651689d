#!/usr/bin/env bash
# The README shows real output: every fenced block that starts with "$ alignkit ..." must
# be exactly what that command prints today.
set -uo pipefail
ak=$1
status=0
block=""
in_block=0
check_block() {
  local first rest expected actual
  first=$(head -n 1 <<<"$block")
  [[ "$first" == '$ alignkit '* ]] || return 0
  expected=$(tail -n +2 <<<"$block")
  # shellcheck disable=SC2086
  actual=$(eval "\"$ak\" ${first#\$ alignkit }" 2>&1)
  if [ "$actual" != "$expected" ]; then
    echo "README block '$first' differs from the real output:"
    diff -u <(echo "$expected") <(echo "$actual")
    status=1
  fi
}
while IFS= read -r line; do
  if [[ "$line" == '```'* ]]; then
    if [ $in_block -eq 1 ]; then
      check_block
      in_block=0
    else
      in_block=1
      block=""
    fi
    continue
  fi
  if [ $in_block -eq 1 ]; then
    block+="${block:+$'\n'}$line"
  fi
done < README.md
exit $status
