#!/usr/bin/env bash
# The library's folders include one another only as ARCHITECTURE.md's table allows, public
# headers include only the standard library and the public API, and the command line never
# reaches into lib/src: the picture ARCHITECTURE.md draws stays true of the code.
set -uo pipefail

# The table's rows: | `lib/src/<area>/` | `a`, `b` | ... |
declare -A allowed
while IFS='|' read -r _ folder uses _; do
  area=$(sed -E 's/.*`lib\/src\/([a-z]+)\/`.*/\1/' <<<"$folder")
  allowed[$area]="$area $(tr -d '`,' <<<"$uses")"
done < <(grep -E '^\| `lib/src/[a-z]+/` \|' ARCHITECTURE.md)
[ ${#allowed[@]} -gt 0 ] || { echo "ARCHITECTURE.md has no layering table"; exit 1; }

failures=0
fail() { echo "$1"; failures=$((failures + 1)); }

for dir in lib/src/*/ lib/include/alignkit/*/; do
  area=$(basename "$dir")
  [ -n "${allowed[$area]+set}" ] || fail "$dir: a folder ARCHITECTURE.md does not describe"
done
for file in lib/*.cpp lib/*.hpp lib/src/*.[ch]pp lib/include/alignkit/*.hpp; do
  [ -e "$file" ] && fail "$file: outside any area folder"
done

while IFS= read -r file; do
  area=$(sed -E 's#^lib/(src|include/alignkit)/([a-z]+)/.*#\2#' <<<"$file")
  while IFS=: read -r line target; do
    target_area=$(sed -E 's#^(alignkit/)?([a-z_]+)/.*#\2#' <<<"$target")
    if [[ $target != */* ]]; then
      fail "$file:$line: includes \"$target\"; name its folder (\"$area/$target\")"
    elif [[ " ${allowed[$area]:-} " != *" $target_area "* ]]; then
      fail "$file:$line: $area may not include $target ($area uses: ${allowed[$area]:-nothing})"
    fi
  done < <(grep -nE '^#include "' "$file" | sed -E 's/^([0-9]+):#include "([^"]+)".*/\1:\2/')
done < <(find lib/src lib/include -name '*.[ch]pp' | sort)

# Public headers: the standard library and other public headers only.
while IFS= read -r file; do
  while IFS= read -r line; do
    fail "$file: a public header includes a third-party or private header: $line"
  done < <(grep -E '^#include' "$file" | grep -vE '^#include (<[a-z_]+>|"alignkit/[a-z]+/[a-z_]+\.hpp")$')
done < <(find lib/include -name '*.hpp' | sort)

# The command line uses the public API only.
while IFS= read -r hit; do
  fail "$hit: the command line includes a private library header"
done < <(grep -nE '^#include "[a-z]+/[a-z_]+\.hpp"' cli/*.cpp cli/*.hpp | grep -v '"alignkit/')

[ $failures -eq 0 ] || { echo "$failures include(s) cross a boundary ARCHITECTURE.md forbids"; exit 1; }
