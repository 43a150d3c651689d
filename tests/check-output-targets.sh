#!/usr/bin/env bash
# Outputs land where they are pointed without replacing what is there: a symlink is written
# through and stays a link (as root, `-o /dev/stdout` once replaced the system's /dev/stdout
# link with a file), a FIFO is written in place, a regular file is replaced whole.
set -uo pipefail
ak=$(readlink -f "$1")
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
audit=(sla audit "$repo/bench/audit/sla.yaml" "$repo/tests/cli/sla/audit-text/export.csv" --as-of 2026-07-01T00:00:00Z)
cd "$work" || exit 1

: >report.txt
ln -s report.txt report-link.txt
: >breaches.csv
ln -s breaches.csv breaches-link.csv
"$ak" "${audit[@]}" -o report-link.txt --breaches breaches-link.csv
[ -L report-link.txt ] || fail "-o replaced a symlink with a file"
[ -L breaches-link.csv ] || fail "--breaches replaced a symlink with a file"
grep -q '^SLA audit as of' report.txt || fail "-o through a symlink did not write its target"
grep -q '^lead_id,term,deadline' breaches.csv || fail "--breaches through a symlink did not write its target"

mkfifo pipe
cat pipe >from-pipe.csv &
reader=$!
"$ak" "${audit[@]}" -f csv -o pipe
# Had alignkit never opened the FIFO, the reader would wait for a writer for ever.
timeout 2 bash -c ': >pipe' 2>/dev/null
wait $reader
[ -p pipe ] || fail "-o replaced a FIFO with a file"
grep -q '^term,group_by,group' from-pipe.csv || fail "-o did not write into a FIFO"

echo PREVIOUS-CONTENT >plain.txt
"$ak" "${audit[@]}" -o plain.txt
grep -q PREVIOUS-CONTENT plain.txt && fail "-o did not replace a regular file"
[ -z "$(find . -name '.*.??????')" ] || fail "a temporary file was left behind"
exit $status
