#!/usr/bin/env bash
# What alignkit writes for people to edit passes yamllint's default rules, warnings included:
# `sla init`, `assess init`, and a response `assess take` saves (with a role and, resumed, a
# long note).
# usage: check-yamllint.sh ALIGNKIT      (run from the repository root)
set -uo pipefail
ak=$(realpath "$1")
command -v yamllint >/dev/null || { echo "missing yamllint: run scripts/install-test-tools"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
status=0

"$ak" sla init -o sla.yaml || status=1
"$ak" assess init -o questionnaire.yaml || status=1
printf '4\n2\ns\n' | "$ak" assess take questionnaire.yaml -o answers.yaml --respondent r-1 --team sales \
  --role "Sales development representative for the northern region" --date 2026-11-22 2>/dev/null
# A note as long as people write them, then the same response resumed and saved again.
sed -i 's/^    leaders-expectations: 4$/    leaders-expectations:\n      value: 4\n      note: "We meet every Monday, but the agenda is set by sales alone and marketing often learns of changes a week later."/' answers.yaml
grep -q 'note:' answers.yaml || { echo "FAIL: the test could not add a note"; status=1; }
printf '1\n' | "$ak" assess take questionnaire.yaml -o answers.yaml --respondent r-1 --team sales \
  --role "Sales development representative for the northern region" --date 2026-11-22 2>/dev/null
"$ak" validate --as-of 2026-11-22 -q sla.yaml questionnaire.yaml answers.yaml >/dev/null || {
  echo "FAIL: what alignkit wrote does not validate"; status=1; }
yamllint --strict sla.yaml questionnaire.yaml answers.yaml || { echo "FAIL: yamllint finds problems"; status=1; }
exit $status
