#!/usr/bin/env bash
# Outputs land where they are pointed without replacing what is there: a symlink is written
# through and stays a link (as root, `-o /dev/stdout` once replaced the system's /dev/stdout
# link with a file), a FIFO is written in place, a regular file is replaced whole and keeps
# its permissions, a file the user may not write is left alone, and a run ended by a signal
# leaves no temporary file behind.
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
grep -q '^table,row,key,column,value' from-pipe.csv || fail "-o did not write into a FIFO"

echo PREVIOUS-CONTENT >plain.txt
"$ak" "${audit[@]}" -o plain.txt
grep -q PREVIOUS-CONTENT plain.txt && fail "-o did not replace a regular file"
[ -z "$(find . -name '.*.??????')" ] || fail "a temporary file was left behind"

# An audit that stops at an unclosed quote writes neither its report nor its breaches.
{ head -3 "$repo/tests/cli/sla/audit-text/export.csv"; printf 'E99,"never closed\n'; } >unclosed.csv
"$ak" sla audit "$repo/bench/audit/sla.yaml" unclosed.csv --as-of 2026-07-01T00:00:00Z -o unclosed.txt \
  --breaches unclosed-breaches.csv 2>/dev/null
[ -e unclosed.txt ] && fail "an audit that failed wrote its report"
[ -e unclosed-breaches.csv ] && fail "an audit that failed wrote its breaches"

# A replaced file keeps its permissions: a private report stays private.
echo old >private.txt
chmod 600 private.txt
"$ak" "${audit[@]}" -o private.txt
[ "$(stat -c %a private.txt)" = 600 ] || fail "-o changed a 0600 file to $(stat -c %a private.txt)"
# Each person's answers are written to a new file only its owner can read.
"$ak" assess report --show-respondents -o answers.txt "$repo/examples/brightline/questionnaire.yaml" \
  "$repo/examples/brightline/responses"
[ "$(stat -c %a answers.txt)" = 600 ] || fail "--show-respondents wrote a $(stat -c %a answers.txt) file"

# A read-only file is not replaced by someone who may not write it, although the folder
# would let the rename through. Root may write anything, so this runs as nobody.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  chmod 711 "$work" # nobody may pass through to the shared folder
  mkdir shared && chmod 777 shared
  echo keep >shared/readonly.json && chmod 444 shared/readonly.json
  setpriv --reuid=65534 --regid=65534 --clear-groups "$ak" schema -o shared/readonly.json 2>err.txt
  code=$?
  [ $code -eq 2 ] || fail "-o over a read-only file exited $code, not 2"
  [ "$(cat shared/readonly.json)" = keep ] || fail "-o replaced a read-only file"
  grep -q "cannot write 'shared/readonly.json': Permission denied" err.txt || fail "unclear message: $(cat err.txt)"
elif [ "$(id -u)" -ne 0 ]; then
  echo keep >readonly.json && chmod 444 readonly.json
  "$ak" schema -o readonly.json 2>/dev/null
  [ "$(cat readonly.json)" = keep ] || fail "-o replaced a read-only file"
fi

# Ended by a signal mid-write, a streamed output leaves no temporary file: the export is a
# FIFO held open, so the run is still reading it when it is stopped.
mkfifo feed
# With job control, a background job keeps SIGINT as a terminal's foreground job has it.
set -m
for signal in TERM INT HUP; do
  "$ak" leads classify "$repo/bench/audit/lead-definitions.yaml" feed -o classified.csv 2>/dev/null &
  pid=$!
  exec 3>feed
  printf 'lead_id,created_at,mql_at,sql_at,won_at\na,,2026-01-01T00:00:00Z,,\n' >&3
  for _ in $(seq 50); do [ -n "$(find . -name '.classified.csv.*')" ] && break; sleep 0.1; done
  [ -n "$(find . -name '.classified.csv.*')" ] || fail "SIG$signal: the temporary file never appeared"
  kill -"$signal" "$pid"
  wait "$pid" 2>/dev/null
  exec 3>&-
  [ -z "$(find . -name '.classified.csv.*')" ] || fail "SIG$signal left a temporary file behind"
  [ -e classified.csv ] && fail "SIG$signal left a partial classified.csv"
done
set +m
exit $status
