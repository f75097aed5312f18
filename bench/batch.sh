#!/usr/bin/env bash
# Batch benchmark: documents per second per format and peak memory of
# "kovgen batch" on a synthetic NRW school list, memory at 300 vs 3,000 rows, and
# pandoc (markdown -> docx) on the same Markdown for comparison.
#
# Usage: bench/batch.sh [ROWS] [RUNS]        (defaults: 3000 rows, 3 runs)
# Environment: KOVGEN (binary, default build/kovgen), JOBS (default: nproc),
#              PANDOC_DOCS (Markdown files given to pandoc, default 60),
#              FORMATS (default "md docx pdf md,docx,pdf"), WORK (scratch folder).
# Needs hyperfine, /usr/bin/time, jq, pandoc. Run it on a quiet machine: the
# figures are wall-clock times.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-3000}"
runs="${2:-3}"
kovgen="${KOVGEN:-build/kovgen}"
jobs="${JOBS:-$(nproc)}"
pandoc_docs="${PANDOC_DOCS:-60}"
formats="${FORMATS:-md docx pdf md,docx,pdf}"
work="${WORK:-$(mktemp -d /tmp/kovgen-bench.XXXXXX)}"
small=$((rows / 10))
mkdir -p "$work"

for tool in hyperfine jq pandoc /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/batch.sh: $tool is missing" >&2; exit 2; }
done
[ -x "$kovgen" ] || { echo "bench/batch.sh: build kovgen first ($kovgen)" >&2; exit 2; }

bench/make-school-list.sh "$rows" > "$work/schulen-$rows.csv"
bench/make-school-list.sh "$small" > "$work/schulen-$small.csv"

batch() {  # batch LIST OUT FORMAT
  echo "$kovgen batch --base samples/batch/basis.yaml --map samples/batch/nrw-schulliste.map.yaml" \
       "--schools $1 --out $2 --format $3 --jobs $jobs"
}

peak_rss_mb() {  # peak_rss_mb COMMAND...: runs once, prints the peak RSS in MB
  local out="$work/time.txt"
  /usr/bin/time -f "%M" -o "$out" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$out" | awk '{printf "%.1f", $1 / 1024}'
}

echo "kovgen batch benchmark: $rows schools (NRW list format), $jobs jobs, $runs runs, $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| format | wall (mean ± sd) | documents/s | peak RSS $small rows | peak RSS $rows rows |"
echo "| --- | ---: | ---: | ---: | ---: |"
for f in $formats; do
  out="$work/out-$f"
  hyperfine --runs "$runs" --prepare "rm -rf $out" --export-json "$work/h-$f.json" \
    "$(batch "$work/schulen-$rows.csv" "$out" "$f") ; test \$? -le 3" >/dev/null 2>&1 </dev/null
  mean=$(jq '.results[0].mean' "$work/h-$f.json")
  sd=$(jq '.results[0].stddev // 0' "$work/h-$f.json")
  docs=$(echo "$f" | tr ',' '\n' | wc -l)
  rm -rf "$out"
  rss_large=$(peak_rss_mb $(batch "$work/schulen-$rows.csv" "$out" "$f"))
  rm -rf "$out-small"
  rss_small=$(peak_rss_mb $(batch "$work/schulen-$small.csv" "$out-small" "$f"))
  awk -v f="$f" -v m="$mean" -v s="$sd" -v n="$rows" -v d="$docs" -v a="$rss_small" -v b="$rss_large" \
    'BEGIN { printf "| %s | %.2f s ± %.2f | %.0f schools/s (%.0f files/s) | %s MB | %s MB |\n", f, m, s, n / m, n * d / m, a, b }'
done

# pandoc on the same Markdown: the first PANDOC_DOCS drafts of the md run, converted
# to docx with the same number of parallel jobs.
md_dir="$work/out-md"
[ -d "$md_dir" ] || eval "$(batch "$work/schulen-$rows.csv" "$md_dir" md)" >/dev/null 2>&1 || true
# (sed, not head: with pipefail, head closing the pipe early would end the script)
find "$md_dir" -name '*.md' ! -name summary.md | sort | sed -n "1,${pandoc_docs}p" > "$work/md-files.txt"
n=$(wc -l < "$work/md-files.txt")
mkdir -p "$work/pandoc" "$work/kovgen-docx"
hyperfine --runs "$runs" --export-json "$work/h-pandoc.json" \
  "xargs -P $jobs -I{} sh -c 'pandoc -f markdown -t docx -o $work/pandoc/\$(basename {} .md).docx {}' < $work/md-files.txt" \
  "xargs -P $jobs -I{} sh -c '$kovgen convert {} -o $work/kovgen-docx/\$(basename {} .md).docx' < $work/md-files.txt" \
  >/dev/null 2>&1 </dev/null
echo
echo "Same Markdown, $n drafts to DOCX, one process per document, $jobs in parallel:"
echo
echo "| converter | wall (mean) | documents/s |"
echo "| --- | ---: | ---: |"
jq -r --argjson n "$n" '.results[] | [(.command | if test("pandoc") then "pandoc -f markdown -t docx" else "kovgen convert (md -> docx)" end), .mean, ($n / .mean)] | @tsv' \
  "$work/h-pandoc.json" | awk -F'\t' '{ printf "| %s | %.2f s | %.1f |\n", $1, $2, $3 }'
docx_json="$work/h-docx.json"
if [ -f "$docx_json" ]; then
  jq -r --argjson n "$rows" '"| kovgen batch --format docx (\($n) schools, one process) | \(.results[0].mean | . * 100 | round / 100) s | \($n / .results[0].mean | round) |"' "$docx_json"
fi
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "scratch folder: $work"
