#!/usr/bin/env bash
# The PDF writer's targets from issue 4, measured with hyperfine:
#   1. an agreement rendered as md + docx + pdf: < 10 ms per agreement (median);
#   2. `kovgen convert` to PDF at least 40x faster than
#      `pandoc --pdf-engine=wkhtmltopdf` on the same Markdown, in the same run;
#   3. the PDF of the 6-page agreement at most 40 KB.
# Usage: bench/pdf.sh            (installs wkhtmltopdf for the comparison if needed)
# Run it on an otherwise idle machine: the figures are wall-clock medians.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || scripts/setup.sh --no-build
[ -x build/kovgen ] || scripts/setup.sh
if ! command -v wkhtmltopdf >/dev/null; then
  # Only the comparison needs it, so it is installed here, not in scripts/setup.sh.
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    wkhtmltopdf xvfb >/dev/null
fi

agreement=${AGREEMENT:-tests/data/pdf/agreement.md}  # the 6-page agreement
sample=${SAMPLE:-samples/schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== 1. one agreement as md + docx + pdf"
hyperfine -N --warmup 10 --runs 100 --export-markdown "$tmp/1.md" \
  "build/kovgen render $sample --out $tmp/r -f md,docx,pdf" \
  "build/kovgen render samples/ogs/ogs-vollstaendig.yaml --out $tmp/r -f md,docx,pdf"
cat "$tmp/1.md"
for f in md docx pdf; do build/kovgen convert "$agreement" -o "$tmp/a.$f"; done
echo "(all three formats from one process:)"
hyperfine -N --warmup 10 --runs 100 "build/kovgen convert $agreement -o $tmp/3.md -o $tmp/3.docx -o $tmp/3.pdf"
hyperfine -N --warmup 10 --runs 100 --export-markdown "$tmp/1b.md" \
  "build/kovgen convert $agreement -o $tmp/a.md" \
  "build/kovgen convert $agreement -o $tmp/a.docx" \
  "build/kovgen convert $agreement -o $tmp/a.pdf"
cat "$tmp/1b.md"

echo "== 2. convert to PDF against pandoc with wkhtmltopdf, same Markdown"
# wkhtmltopdf needs an X display on some builds; xvfb-run supplies one if present.
wk="pandoc $agreement -o $tmp/p.pdf --pdf-engine=wkhtmltopdf --metadata title=Vereinbarung"
command -v xvfb-run >/dev/null && ! wkhtmltopdf --version >/dev/null 2>&1 && wk="xvfb-run -a $wk"
hyperfine --warmup 2 --runs 10 --export-markdown "$tmp/2.md" \
  "build/kovgen convert $agreement -o $tmp/k.pdf" "$wk"
cat "$tmp/2.md"

echo "== 3. size and pages"
pdfinfo "$tmp/a.pdf" | grep -E "Pages|Page size"
stat -c "%s bytes  $agreement as PDF" "$tmp/a.pdf"
build/kovgen render "$sample" --out "$tmp/s" -f pdf --name s >/dev/null 2>&1 || true
build/kovgen render samples/ogs/ogs-vollstaendig.yaml --out "$tmp/s" -f pdf --name o >/dev/null 2>&1 || true
for f in "$tmp/s/s.pdf" "$tmp/s/o.pdf"; do
  echo "$(stat -c %s "$f") bytes, $(pdfinfo "$f" | awk '/^Pages/ {print $2}') pages: $(basename "$f")"
done
