#!/usr/bin/env bash
# Runs one golden case of the alignkit binary and compares what it printed.
#
# usage: run-case.sh ALIGNKIT CASE_DIR      (run from the repository root)
#
# A case folder holds:
#   cmd          the arguments, as shell words (may use $OUT, a fresh temporary folder)
#   setup        optional: bash run in $OUT first, to make inputs too odd to commit
#   stdin        optional: fed to standard input (otherwise /dev/null)
#   cwd          optional: the folder under $OUT to run in (otherwise the repository root),
#                for what alignkit finds from where it runs (the settings file)
#   stdout, stderr, exit-code    what must come out, byte for byte
#   files/       optional: files the command must have written to $OUT, byte for byte
# ALIGNKIT_BLESS=1 rewrites the expectations from the actual output; review the diff.
set -uo pipefail

ak=$1
case_dir=${2%/}
OUT=$(mktemp -d)
export OUT
trap 'chmod -R u+rwx "$OUT" 2>/dev/null; rm -rf "$OUT"' EXIT
actual=$(mktemp -d)
trap 'chmod -R u+rwx "$OUT" 2>/dev/null; rm -rf "$OUT" "$actual"' EXIT

if [ -f "$case_dir/setup" ]; then
  (cd "$OUT" && bash "$OLDPWD/$case_dir/setup") || { echo "setup failed"; exit 1; }
fi
eval "set -- $(cat "$case_dir/cmd")"
input=/dev/null
[ -f "$case_dir/stdin" ] && input=$PWD/$case_dir/stdin
run_in=$PWD
[ -f "$case_dir/cwd" ] && run_in=$OUT/$(cat "$case_dir/cwd")
(cd "$run_in" && env -u NO_COLOR TERM=dumb "$ak" "$@" <"$input" >"$actual/stdout" 2>"$actual/stderr")
echo $? >"$actual/exit-code"
# The temporary folder's name changes every run: show it as $OUT.
sed -i "s|$OUT|\$OUT|g" "$actual/stdout" "$actual/stderr"

if [ "${ALIGNKIT_BLESS:-}" = 1 ]; then
  cp "$actual/stdout" "$actual/stderr" "$actual/exit-code" "$case_dir/"
  if [ -d "$case_dir/files" ]; then
    rm -rf "$case_dir/files"
    mkdir -p "$case_dir/files"
    for f in "$OUT"/*; do [ -f "$f" ] && cp "$f" "$case_dir/files/"; done
  fi
  echo "blessed $case_dir"
  exit 0
fi

status=0
for part in exit-code stdout stderr; do
  if ! diff -u --label "expected $part" --label "actual $part" "$case_dir/$part" "$actual/$part"; then
    status=1
  fi
done
if [ -d "$case_dir/files" ]; then
  for expected in "$case_dir"/files/*; do
    name=$(basename "$expected")
    if ! diff -u --label "expected $name" --label "actual $name" "$expected" "$OUT/$name"; then
      status=1
    fi
  done
fi
[ $status -eq 0 ] || echo "case $case_dir failed (ALIGNKIT_BLESS=1 to accept the new output)"
exit $status
