#!/usr/bin/env bash
# HTML output is one self-contained page: it parses, it loads nothing (no scripts, images,
# links or imports), and text from configs cannot inject markup.
set -uo pipefail
ak=$1
command -v xmllint >/dev/null || { echo "missing xmllint: run scripts/install-test-tools"; exit 1; }
status=0
fail() { echo "FAIL: $*"; status=1; }
pages=("sla render --format html examples/brightline/sla.yaml"
       "sla render --format html tests/fixtures/hostile-sla.yaml"
       "assess report --format html --explain examples/brightline/questionnaire.yaml examples/brightline/responses"
       "sla audit --format html --as-of 2026-07-01T00:00:00Z bench/audit/sla.yaml tests/fixtures/audit/hostile.csv")
for page in "${pages[@]}"; do
  sla=$page
  # shellcheck disable=SC2086
  html=$("$ak" $page) || fail "$page: render failed"
  # libxml2's HTML parser predates inline SVG: check the page without its SVG, and each SVG
  # picture on its own as the XML it is.
  without_svg=$(perl -0pe 's{<svg\b.*?</svg>}{}gs' <<<"$html")
  xmllint --html --noout - <<<"$without_svg" 2>&1 | grep . && fail "$sla: the HTML does not parse cleanly"
  while IFS= read -r -d '' picture; do
    xmllint --noout - <<<"$picture" 2>&1 | grep . && fail "$sla: an SVG picture is not well-formed"
  done < <(perl -0ne 'print "$1\0" while m{(<svg\b.*?</svg>)}gs' <<<"$html")
  grep -qiE '<(script|img|link|iframe|object|embed)|<[a-z]+[^>]* (src|href|on[a-z]+)=' <<<"$html" \
    && fail "$sla: the page loads or runs something"
  sed -n '/<style>/,/<\/style>/p' <<<"$html" | grep -qiE '@import|url\(' && fail "$sla: the styles load something"
  grep -q '@media print' <<<"$html" || fail "$sla: no print styles"
done
grep -q 'onerror=alert' <<<"$("$ak" sla render --format html tests/fixtures/hostile-sla.yaml | grep -v '&lt;img')" \
  && fail "hostile: an attribute got through unescaped"
exit $status
