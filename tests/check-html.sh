#!/usr/bin/env bash
# HTML output is one self-contained page: it parses, it loads nothing (no scripts, images,
# links or imports), and text from configs cannot inject markup.
set -uo pipefail
ak=$1
command -v xmllint >/dev/null || { echo "missing xmllint: run scripts/install-test-tools"; exit 1; }
status=0
fail() { echo "FAIL: $*"; status=1; }
for sla in examples/brightline/sla.yaml tests/fixtures/hostile-sla.yaml; do
  html=$("$ak" sla render --format html "$sla") || fail "$sla: render failed"
  xmllint --html --noout - <<<"$html" 2>&1 | grep . && fail "$sla: the HTML does not parse cleanly"
  grep -qiE '<(script|img|link|iframe|object|embed)|<[a-z]+[^>]* (src|href|on[a-z]+)=' <<<"$html" \
    && fail "$sla: the page loads or runs something"
  sed -n '/<style>/,/<\/style>/p' <<<"$html" | grep -qiE '@import|url\(' && fail "$sla: the styles load something"
  grep -q '@media print' <<<"$html" || fail "$sla: no print styles"
done
grep -q 'onerror=alert' <<<"$("$ak" sla render --format html tests/fixtures/hostile-sla.yaml | grep -v '&lt;img')" \
  && fail "hostile: an attribute got through unescaped"
exit $status
