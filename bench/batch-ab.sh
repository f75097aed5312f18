#!/usr/bin/env bash
# A/B of two kovgen checkouts on the same batch: each runs `kovgen batch` on its
# own samples/batch base (a build reads the templates of its own tree), the two
# taking turns round by round so that the machine's drift falls on both. Prints
# each run, then per checkout the median wall time, the pages per school (of the
# first school's PDF) and the median time per page.
# Usage: bench/batch-ab.sh A_CHECKOUT B_CHECKOUT [ROWS] [ROUNDS] [FORMATS]
#        e.g. bench/batch-ab.sh /work/pre16 . 1000 5 md,docx,pdf
# Each checkout needs build/kovgen. Needs pdfinfo (poppler-utils).
set -euo pipefail
a=$(cd "$1" && pwd)
b=$(cd "$2" && pwd)
rows=${3:-1000}
rounds=${4:-5}
formats=${5:-md,docx,pdf}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/kovgen-batch-ab.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$here/make-school-list.sh" "$rows" >"$work/schulen.csv"
run() {  # run CHECKOUT OUT -> wall seconds
  local tree=$1 out=$2 start end
  rm -rf "$out"
  start=$(date +%s.%N)
  (cd "$tree" && build/kovgen batch --base samples/batch/basis.yaml --map samples/batch/nrw-schulliste.map.yaml \
     --schools "$work/schulen.csv" --out "$out" --format "$formats" --jobs "$(nproc)" >/dev/null 2>&1) || [ $? -le 3 ]
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
: >"$work/times"
for round in $(seq "$rounds"); do
  for side in A B; do
    tree=$a; [ "$side" = B ] && tree=$b
    t=$(run "$tree" "$work/out-$side")
    echo "round $round $side $t s (load $(cut -d' ' -f1 /proc/loadavg))"
    echo "$side $t" >>"$work/times"
  done
done
for side in A B; do
  tree=$a; [ "$side" = B ] && tree=$b
  pdf=$(find "$work/out-$side" -name '*.pdf' ! -name 'summary.pdf' | sort | awk 'NR == 1')
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  m=$(awk -v s="$side" '$1 == s {print $2}' "$work/times" | median)
  printf '%s %s: median %.2f s for %d schools, %d pages per school, %.3f ms per page\n' \
    "$side" "$tree" "$m" "$rows" "$pages" "$(echo "$m * 1000 / ($rows * $pages)" | bc -l)"
done
