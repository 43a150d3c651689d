#!/usr/bin/env bash
# Checks alignkit's machine formats with the real validators of each format:
#   SARIF 2.1.0 against the OASIS JSON Schema (ajv with draft-04 support) and through
#   Microsoft's SARIF multitool with the SARIF and GitHub rules (relative and absolute paths),
#   JUnit XML against the Ant JUnit XSD (xmllint),
#   the exported JSON Schemas: every example passes them, and every invalid example marked
#   "# schema: rejects" fails them (ajv, draft 2020-12).
# usage: check-formats.sh ALIGNKIT SPECS_DIR NODE_TOOLS_DIR   (from the repo root)
set -uo pipefail
ak=$1
specs=$2
tools=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

# Without the shared reference material beside the project (a clone on its own) there is
# nothing to validate against: CTest reports the test as skipped, not passed.
[ -d "$specs" ] || { echo "skipped: no shared specs at $specs (../shared beside the project)"; exit 77; }
for spec in "$specs/sarif-schema-2.1.0.json" "$specs/junit.xsd"; do
  [ -f "$spec" ] || { echo "missing $spec: the shared specs must sit beside the project (../shared/specs)"; exit 1; }
done
for tool in node xmllint; do
  command -v $tool >/dev/null || { echo "missing $tool: run scripts/install-test-tools"; exit 1; }
done
[ -d "$tools/node_modules/ajv" ] || { echo "missing ajv: run scripts/install-test-tools"; exit 1; }
check_schema() { node "$tools/check-schema.mjs" "$@"; }

# Every format over valid and invalid inputs together, so results exist and files are clean too.
inputs=(examples/brightline examples/invalid)
"$ak" validate --as-of 2026-11-22 --format sarif:"$work/out.sarif" --format junit:"$work/out.xml" \
  --format json:"$work/out.json" "${inputs[@]}" >/dev/null
[ $? -eq 1 ] || fail "validate over the invalid examples should exit 1"

check_schema "$specs/sarif-schema-2.1.0.json" "$work/out.sarif" || fail "SARIF does not match the SARIF 2.1.0 schema"
grep -q '"ruleId"' "$work/out.sarif" || fail "SARIF has no results"
xmllint --noout --schema "$specs/junit.xsd" "$work/out.xml" || fail "JUnit XML does not match junit.xsd"

# What code scanning and other consumers require: no error or warning from the multitool's
# SARIF and GitHub rules, for files named relative and absolute. (The npm wrapper passes its
# arguments through a shell, which splits "Gh;Sarif": the binary is called directly.) Left:
# SARIF2005, informationUri: alignkit has no public home page; a settings file gives the
# links a company keeps (below).
multitool=$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
[ -x "$multitool" ] || { echo "missing the SARIF multitool: run scripts/install-test-tools"; exit 1; }
"$ak" validate --as-of 2026-11-22 --format sarif:"$work/abs.sarif" "$(pwd)/examples/invalid" >/dev/null
for log in out abs; do
  "$multitool" validate "$work/$log.sarif" -o "$work/$log.check.sarif" --rule-kind "Gh;Sarif" \
    --level "Error;Warning" >"$work/$log.check.log" 2>&1 || fail "the SARIF multitool did not run: $(tail -3 "$work/$log.check.log")"
  node -e '
    const log = JSON.parse(require("fs").readFileSync(process.argv[1]));
    const found = log.runs[0].results.filter(r => r.ruleId !== "SARIF2005");
    for (const r of found) console.log(r.ruleId, r.level || "warning", JSON.stringify(r.message.arguments));
    process.exit(found.length ? 1 : 0);' "$work/$log.check.sarif" || fail "the SARIF multitool rejects the $log report"
done
# With the links a settings file gives, nothing is left for the multitool to flag, SARIF2005 included.
"$ak" validate --as-of 2026-11-22 --config examples/settings/.alignkit.yaml --format sarif:"$work/links.sarif" \
  examples/invalid >/dev/null
"$multitool" validate "$work/links.sarif" -o "$work/links.check.sarif" --rule-kind "Gh;Sarif" \
  --level "Error;Warning" >"$work/links.check.log" 2>&1 || fail "the SARIF multitool did not run on links.sarif"
node -e '
  const fs = require("fs");
  const found = JSON.parse(fs.readFileSync(process.argv[1])).runs[0].results;
  for (const r of found) console.log(r.ruleId, r.level || "warning", JSON.stringify(r.message.arguments));
  const driver = JSON.parse(fs.readFileSync(process.argv[2])).runs[0].tool.driver;
  const linked = driver.informationUri === "https://wiki.example.com/alignkit" &&
    driver.rules.every(r => r.helpUri === "https://wiki.example.com/alignkit/" + r.id);
  if (!linked) console.log("the links of the settings file are not in the SARIF report");
  process.exit(found.length || !linked ? 1 : 0);' "$work/links.check.sarif" "$work/links.sarif" ||
  fail "the SARIF multitool rejects the report with links"
node -e 'JSON.parse(require("fs").readFileSync(process.argv[1]))' "$work/out.json" || fail "JSON report does not parse"

# The exported schemas agree with the loader on the examples.
"$ak" schema >"$work/all.json" || fail "alignkit schema failed"
mapfile -t valid < <(find examples/brightline -name '*.yaml' | sort)
check_schema "$work/all.json" "${valid[@]}" || fail "a valid example fails the exported schema"
for kind in Questionnaire Response ServiceLevelAgreement LeadDefinitions Glossary; do
  "$ak" schema "$kind" >"$work/$kind.json" || fail "alignkit schema $kind failed"
  mapfile -t of_kind < <(grep -l "^kind: $kind\$" "${valid[@]}")
  [ ${#of_kind[@]} -gt 0 ] || fail "no example of kind $kind"
  check_schema "$work/$kind.json" "${of_kind[@]}" || fail "an example fails the $kind schema"
done
mapfile -t rejected < <(grep -l '^# schema: rejects' examples/invalid/*.yaml)
[ ${#rejected[@]} -gt 0 ] || fail "no invalid example is marked '# schema: rejects'"
check_schema --expect-invalid "$work/all.json" "${rejected[@]}" || fail "the schema accepts an invalid example it should reject"

# The settings file's schema compiles strictly, takes the example and refuses what the loader refuses.
"$ak" schema --settings >"$work/settings.json" || fail "alignkit schema --settings failed"
check_schema "$work/settings.json" examples/settings/.alignkit.yaml || fail "the example settings file fails its schema"
printf 'severity: {AK3002: warn, ak10: off}\nexclude: vendor/\nas_of: 2027-02-31x\n' >"$work/bad-settings.yaml"
check_schema --expect-invalid "$work/settings.json" "$work/bad-settings.yaml" || fail "the settings schema accepts a bad file"
cp "$work/bad-settings.yaml" "$work/.alignkit.yaml"
[ "$("$ak" validate --no-config "$work/.alignkit.yaml" -f json | node -e '
  const r = JSON.parse(require("fs").readFileSync(0)); console.log(r.summary.errors)')" -ge 3 ] ||
  fail "validate does not report each problem of a bad settings file"

exit $status
