#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with starting inputs: the project's sample article, and, when
# ../shared is present, PolNeAR dev articles and the 17 real pages. The corpus is not
# committed (publishers' text, and it grows large); rerun this on a fresh clone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
SHARED=../../shared/data
mkdir -p corpus/analyze corpus/analyze_html corpus/blocks_json
cp ../www/sample-article.txt corpus/analyze/sample-article.txt
if [ -f "$SHARED/polnear/polnear_dev.jsonl" ]; then
  # One article per file; blocks_json gets the same articles as one block per paragraph,
  # the shape the content script sends.
  node -e '
    const fs = require("fs");
    const lines = fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean);
    lines.forEach((line, i) => {
      const text = JSON.parse(line).text;
      fs.writeFileSync(`corpus/analyze/polnear-${i}.txt`, text);
      const blocks = text.split("\n").filter((p) => p.trim()).map((p, j) => ({
        tag: j === 0 ? "h1" : "p", text: p, hint: "p | article story-body | main | body",
        link_chars: 0, ancestors: [j + 3, 2, 1] }));
      fs.writeFileSync(`corpus/blocks_json/polnear-${i}.json`, JSON.stringify(blocks));
    });' "$SHARED/polnear/polnear_dev.jsonl"
fi
for page in "$SHARED"/pages/*/source.html; do
  [ -f "$page" ] && cp "$page" "corpus/analyze_html/$(basename "$(dirname "$page")").html"
done
echo "corpus: $(ls corpus/analyze | wc -l) texts, $(ls corpus/analyze_html | wc -l) pages, $(ls corpus/blocks_json | wc -l) block lists"
