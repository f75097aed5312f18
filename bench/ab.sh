#!/usr/bin/env bash
# A/B of two kovgen builds in one hyperfine run per task, for changes that must
# not cost speed (the module split of issue 14, say):
#   bench/ab.sh OLD_KOVGEN NEW_KOVGEN [RUNS]
# Each binary uses the templates and fonts its own build finds. Tasks: one
# agreement to Markdown; to md + docx + pdf; the 6-page test agreement converted
# to PDF, and to md + docx + pdf from one process (issue 16's figure); a batch of
# 300 schools as md + docx + pdf. Prints hyperfine's table with
# medians; run it on a quiet machine, and more than once. hyperfine runs all of
# one command before the other: where the machine drifts, bench/ab_interleaved.py
# alternates them.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: bench/ab.sh OLD_KOVGEN NEW_KOVGEN [RUNS]}
new=${2:?usage: bench/ab.sh OLD_KOVGEN NEW_KOVGEN [RUNS]}
runs=${3:-200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sample=samples/ogs/ogs-vollstaendig.yaml
agreement=tests/data/pdf/agreement.md
bench/make-school-list.sh 300 >"$tmp/schulen.csv"

ab() {  # name, runs, command with KOVGEN for the binary, extra hyperfine options
  local name=$1 n=$2 cmd=$3
  shift 3
  echo "## $name"
  hyperfine -N --warmup 5 --runs "$n" "$@" --export-json "$tmp/$name.json" \
    -n old "${cmd//KOVGEN/$old}" -n new "${cmd//KOVGEN/$new}" >/dev/null
  python3 - "$tmp/$name.json" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
for r in results:
    print(f"  {r['command']:>4}: median {1000 * statistics.median(r['times']):8.2f} ms  "
          f"(mean {1000 * r['mean']:.2f} ± {1000 * r['stddev']:.2f} ms, {len(r['times'])} runs)")
old, new = (statistics.median(r["times"]) for r in results)
print(f"  new/old: {new / old:.3f}")
PY
}

ab render-md "$runs" "KOVGEN render $sample -o $tmp/a.md"
ab render-md-docx-pdf "$runs" "KOVGEN render $sample --out $tmp/r -f md,docx,pdf"
ab convert-pdf "$runs" "KOVGEN convert $agreement -o $tmp/a.pdf"
ab convert-md-docx-pdf "$runs" "KOVGEN convert $agreement -o $tmp/c.md -o $tmp/c.docx -o $tmp/c.pdf"
ab batch-300 $((runs / 20 > 3 ? runs / 20 : 3)) \
  "KOVGEN batch --base samples/batch/basis.yaml --schools $tmp/schulen.csv --map samples/batch/nrw-schulliste.map.yaml --out $tmp/b -f md,docx,pdf -j 2" \
  --ignore-failure  # exit 3: the synthetic schools leave sections open
