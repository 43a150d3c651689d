#!/usr/bin/env bash
# Markdown output, rendered by a real CommonMark/GFM renderer (cmark-gfm), has the structure
# we meant, and text from configs stays text.
set -uo pipefail
ak=$1
command -v cmark-gfm >/dev/null || { echo "missing cmark-gfm: run scripts/install-test-tools"; exit 1; }
status=0
fail() { echo "FAIL: $*"; status=1; }
# The extensions GitHub renders with: tables, bare links, strikethrough, and its tag filter.
render() { cmark-gfm -e table -e autolink -e strikethrough -e tagfilter; }

html=$("$ak" stages --format markdown | render)
[ "$(grep -c '<h2>' <<<"$html")" -eq 4 ] || fail "stages: expected 4 stage headings"
[ "$(grep -c '<ol>' <<<"$html")" -eq 4 ] || fail "stages: expected a numbered list of steps per stage"

html=$("$ak" glossary -c tests/fixtures/hostile-glossary.yaml --format markdown | render)
rows=$(grep -c '^<tr>' <<<"$html")
terms=$("$ak" glossary -c tests/fixtures/hostile-glossary.yaml --format json | grep -c '"term":')
[ "$rows" -eq $((terms + 1)) ] || fail "glossary: $rows table rows for $terms terms (plus the header)"
grep -q '<td><strong>A|B &lt;script&gt;alert(1)&lt;/script&gt;</strong></td>' <<<"$html" || fail "glossary: hostile term not kept as text"
grep -q '<script>' <<<"$html" && fail "glossary: raw HTML got through"
grep -q 'Pipes | stars \*bold\* _under_ `code` \[link\](http://x) # not a heading' <<<"$html" \
  || fail "glossary: definition not kept as literal text"
# The SLA document: its sections render as headings and tables, hostile text stays text.
html=$("$ak" sla render examples/brightline/sla.yaml | render)
for section in Parties Purpose Definitions Commitments Targets "Hand-off and follow-up" Communication \
  "Escalation and disputes" "Review and dissolution" Signatures; do
  grep -q "<h2>$section</h2>" <<<"$html" || fail "sla render: no '$section' section"
done
[ "$(grep -c '<table>' <<<"$html")" -ge 7 ] || fail "sla render: expected the parties, terms, stages, exits, targets, meetings, feedback and signature tables"
# The audit report: sections as headings and tables; owners and sources from an export stay text.
html=$("$ak" sla audit bench/audit/sla.yaml tests/fixtures/audit/hostile.csv --as-of 2026-07-01T00:00:00Z \
  --format markdown | render)
for section in "SLA terms" "By owner" "By source" "Monthly trend" "How the numbers are defined"; do
  grep -q "<h2>$section</h2>" <<<"$html" || fail "sla audit: no '$section' section"
done
grep -q '<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>' <<<"$html" || fail "sla audit: hostile owner not kept as text"
grep -q '<td>| pipes \*stars\* \[link\](http://x) # no heading</td>' <<<"$html" \
  || fail "sla audit: hostile source not kept as literal text"
grep -qE '<script>|<img' <<<"$html" && fail "sla audit: raw HTML got through"
html=$("$ak" sla render tests/fixtures/hostile-sla.yaml | render)
grep -q '<h1>Q1 &lt;script&gt;alert(.x.)&lt;/script&gt; &amp; | \*SLA\*</h1>' <<<"$html" || fail "sla render: hostile title not kept as text"
grep -qi '<script\|<img\|<b>\|<i>' <<<"$html" && fail "sla render: raw HTML from the config got through"
grep -q '<h1># not a heading' <<<"$html" && fail "sla render: a party name became a heading"
html=$("$ak" sla diff --format markdown tests/cli/sla/diff-versions/old-sla.yaml examples/brightline/sla.yaml | render)
[ "$(grep -c '<h3>' <<<"$html")" -ge 3 ] || fail "sla diff: expected a heading per changed section"
grep -q '<li>first contact: 2 days → 24 hours</li>' <<<"$html" || fail "sla diff: a change did not render as a list item"
html=$("$ak" assess report --explain --format markdown examples/brightline/questionnaire.yaml examples/brightline/responses | render)
for section in Dimensions "How each stage was reached" Strengths "Next steps" Inputs; do
  grep -q "<h2>$section</h2>" <<<"$html" || fail "assess report: no '$section' section"
done
[ "$(grep -c '^<tr>' <<<"$html")" -eq 5 ] || fail "assess report: expected a header and four dimension rows"
# Text that GFM would turn into markup (strikethrough, lists, code blocks, live links) stays text.
html=$("$ak" sla render tests/fixtures/hostile-text-sla.yaml | render)
grep -qE '<a |<del>|<ol|<pre>|<code>' <<<"$html" && fail "sla render: config text became a link, strikethrough, list or code"
grep -q '<p>1. not a list, see www.example.com and https://example.com/x</p>' <<<"$html" \
  || fail "sla render: the purpose is not one literal paragraph"
grep -q '<li>- not a bullet</li>' <<<"$html" || fail "sla render: a commitment became a nested list"
grep -q $'\e' <<<"$html" && fail "sla render: an escape character got through"
exit $status
