#!/usr/bin/env bash
# Every command on hostile input of every class, each run bounded in time and memory: the
# answer must be an exit status of 0, 1 or 2 and a message, never a crash (a signal), a hang
# (the time limit), a runaway (the memory limit) or an output out of proportion.
# usage: check-hostile.sh ALIGNKIT [sanitized]      (run from the repository root)
set -uo pipefail
ak=$(readlink -f "$1")
sanitized=${2:-}
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
status=0
runs=0
limit=20
[ -n "$sanitized" ] && limit=60
fail() { echo "FAIL: $*"; status=1; }

# One command: at most 20 s (60 s under sanitizers, which run it ten to twenty times slower:
# there the suite looks for memory errors, the plain build for hangs and runaway time) and
# (without sanitizers, which reserve far more address space)
# 1 GiB; its standard output at most 48 MiB (20,000 findings in SARIF take 25 MB).
run() {
  local name=$1
  shift
  runs=$((runs + 1))
  (
    [ -z "$sanitized" ] && ulimit -v 1048576
    exec timeout "$limit" "$ak" "$@"
  ) </dev/null >"out.$runs" 2>"err.$runs"
  local code=$?
  if [ $code -eq 124 ]; then
    fail "$name: still running after $limit s: alignkit $*"
  elif [ $code -gt 2 ]; then
    fail "$name: exit $code (a crash?): alignkit $*"
    head -5 "err.$runs"
  elif grep -qE 'terminate called|Segmentation|AddressSanitizer|runtime error|std::bad_alloc' "err.$runs"; then
    fail "$name: $(head -1 "err.$runs")"
  elif [ "$(stat -c %s "out.$runs")" -gt $((48 << 20)) ]; then
    fail "$name: $(stat -c %s "out.$runs") bytes of output: alignkit $*"
  fi
  rm -f "out.$runs" "err.$runs"
}

# --- configs ----------------------------------------------------------------------------
header='apiVersion: alignkit/v1'
{ printf '%s\nkind: Glossary\nmetadata: {name: deep}\nspec:\n  terms: ' "$header"; printf '%.0s[' $(seq 5000); printf '%.0s]' $(seq 5000); echo; } >deep.yaml
{ printf '%s\nkind: Glossary\nmetadata: {name: bomb}\nspec:\n  terms:\n' "$header"
  echo '    - &a {term: x, definition: y}'
  prev=a
  for i in $(seq 1 30); do echo "    - &b$i [*$prev, *$prev, *$prev, *$prev]"; prev=b$i; done; } >alias-bomb.yaml
printf '%s\nkind: Glossary\x00\n' "$header" >nul.yaml
printf '%s\nkind: Gloss\xff\xfeary\n' "$header" >not-utf8.yaml
{ printf '%s\nkind: Glossary\nmetadata: {name: "t\e]0;owned\a"}\nspec:\n  terms:\n' "$header"
  printf '    - {term: "\e[2J\u202Ex", definition: "~~a~~ www.x.com\\n1. b"}\n'; } >escapes.yaml
{ printf '%s\nkind: Glossary\nmetadata: {name: many}\nspec:\n  terms:\n' "$header"
  for i in $(seq 20000); do echo "    - {term: t$i, definitoin: d}"; done; } >many-findings.yaml
{ printf '%s\nkind: Glossary\nmetadata: {name: long}\nspec:\n  terms:\n    - {term: x, definition: "' "$header"
  head -c 4000000 /dev/zero | tr '\0' a; echo '"}'; } >long-line.yaml
{ for i in $(seq 3000); do printf -- '---\n%s\nkind: Glossary\nmetadata: {name: g%d}\nspec: {terms: []}\n' "$header" "$i"; done; } >many-docs.yaml
# Each document names a related term no glossary defines: a "did you mean" among all terms
# for each (once quadratic: 87 s at 20,000).
{ for i in $(seq 15000); do
    printf -- '---\n%s\nkind: Glossary\nmetadata: {name: g%d}\nspec: {terms: [{term: t%d, definition: d, related: [nope%d]}]}\n' \
      "$header" "$i" "$i" "$i"
  done; } >many-suggestions.yaml
# Suppressions: one per finding, one comment naming a code 200,000 times, and an exclude of
# many "**/" (once quadratic, or doubling with each "**").
{ printf '%s\nkind: Glossary\nmetadata: {name: s}\nspec:\n  terms:\n' "$header"
  for i in $(seq 20000); do echo "    - {term: t$i, definition: d, related: [nope$i]}  # alignkit-disable-line AK2004"; done
  printf '    - {term: x, definition: d}  # alignkit-disable-line'; printf ' AK2003%.0s' $(seq 200000); echo; } >many-suppressions.yaml
run "validate many-suppressions" validate many-suppressions.yaml
mkdir -p deep/a/b/c/d/e/f/g/h/i/j && cp many-suppressions.yaml deep/a/b/c/d/e/f/g/h/i/j/
run "validate --exclude many **/" validate deep --exclude "$(printf '**/%.0s' $(seq 200))x"
# A mapping of 100,000 keys, one of them misfit: duplicate keys looked for by a search
# through those before (once quadratic: 4 s at 40,000 keys).
{ printf '%s\nkind: Glossary\nmetadata:\n  name: labels\n  labels:\n' "$header"
  seq 100000 | sed 's/.*/    k&: v/'; echo '    bad: [x]'; echo 'spec: {terms: [{term: t, definition: d}]}'; } >many-keys.yaml
run "validate many-keys" validate many-keys.yaml
{ printf '%s\nkind: LeadDefinitions\nmetadata: {name: long}\nspec:\n  fields: [{name: n, type: number}]\n' "$header"
  printf '  stages:\n    - {id: mql, name: MQL, owner: marketing, entry: "n > 0'
  for i in $(seq 40000); do printf ' and n > %d' "$i"; done; echo '"}'; } >long-criteria.yaml
: >empty.yaml
mkfifo fifo.yaml
for file in deep alias-bomb nul not-utf8 escapes many-findings long-line many-docs many-suggestions long-criteria empty; do
  for format in text json sarif github gitlab junit; do
    run "validate $file -f $format" validate -f "$format" "$file.yaml"
  done
  run "leads check $file" leads check "$file.yaml"
  run "sla check $file" sla check "$file.yaml"
  run "sla render $file" sla render "$file.yaml"
  run "glossary -c $file" glossary -c "$file.yaml"
  run "assess report $file" assess report "$file.yaml" "$file.yaml"
done
run "validate fifo" validate fifo.yaml
run "validate /dev/zero" validate /dev/zero

# --- exports ----------------------------------------------------------------------------
sla=$repo/bench/audit/sla.yaml
defs=$repo/bench/audit/lead-definitions.yaml
h='lead_id,created_at,source,owner,mql_at,assigned_at,first_touch_at,touch_attempts,sql_at,disqualified_at,disqualify_reason,won_at'
{ echo "$h"; printf 'E1,"'; head -c 30000000 /dev/zero | tr '\0' x; } >unclosed.csv
{ echo "$h"; printf 'E1,2026-01-01T00:00:00Z,web,'; head -c 5000000 /dev/zero | tr '\0' o; echo ',2026-01-01T10:00:00Z,,,,,,,'; } >huge-owner.csv
{ echo "$h"; echo 'E1,0000-01-01T00:00:00Z,web,a,0000-01-01T00:00:00Z,9999-12-31T00:00:00Z,,,,,,'; } >years.csv
{ echo "$h"; echo 'E1,2026-01-09T00:00:00Z,web,a,2026-01-09T00:00:00Z,2026-01-01T00:00:00Z,,,,,,'; } >negative.csv
{ printf '\xef\xbb\xbf%s\r\n' "$h"; printf 'E1,,web,a\x00b,2026-01-01T00:00:00Z,,,,,,,\r\n'; } >nul-crlf.csv
{ echo "$h"; for i in $(seq 2000); do printf 'E%d,,"\e]0;x\a",\u202Eo%d,,,,,,,,\n' "$i" "$i"; done; } >escapes.csv
{ echo "$h"; printf 'a,b\n,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n"x""y",\n'; } >ragged.csv
: >empty.csv
for file in unclosed huge-owner years negative nul-crlf escapes ragged empty; do
  for format in text markdown html json csv canonical; do
    run "sla audit $file -f $format" sla audit "$sla" "$file.csv" --as-of 2026-07-01T00:00:00Z -f "$format" --breaches breaches.csv
  done
  run "leads classify $file" leads classify "$defs" "$file.csv"
  run "sla audit --costs $file" sla audit "$sla" empty.csv --costs "$file.csv"
done
run "sla audit /dev/zero" sla audit "$sla" /dev/zero
run "leads classify /dev/zero" leads classify "$defs" /dev/zero
for file in unclosed escapes ragged empty nul-crlf; do
  run "assess report survey $file" assess report "$repo/examples/brightline/questionnaire.yaml" "$file.csv"
done

# --- options ----------------------------------------------------------------------------
audit=(sla audit "$sla" "$repo/tests/cli/sla/audit-text/export.csv")
for args in "-j 0" "-j 99999999999" "--by ,,," "--as-of ''" "--as-of 99999-01-01" "--time-format ''" \
  "--time-format %%%%" "--fail-under nan" "--fail-under -1" "--columns =" "--preset x" "-o /nonexistent/x"; do
  eval "run \"sla audit $args\" \"\${audit[@]}\" $args"
done
run "schema -o a folder" schema -o /
run "assess compare junk" assess compare nul.yaml not-utf8.yaml

echo "$runs runs"
exit $status
