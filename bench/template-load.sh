#!/usr/bin/env bash
# What loading a template and reading an answers file costs, in callgrind
# instructions (exact and repeatable on a busy machine, unlike wall-clock):
#   bench/template-load.sh [KOVGEN]
# For each complete sample: `render -f md` and `check`, each with the total and
# the inclusive counts of TemplateCache::get (template.yaml, the Mustache files,
# their check) and load_answers (which includes TemplateCache::get). A/B = run it
# for two binaries (copy the old one away before building the new one); both use
# the templates of this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
kovgen=$(realpath "${1:-build/kovgen}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775000000
echo "binary: $kovgen"
echo "load: $(uptime)"

count() {  # name, kovgen arguments...
  local name=$1
  shift
  local out="$tmp/$name.callgrind"
  # check exits 3 for a draft that is not ready to sign; the count stands anyway.
  valgrind --tool=callgrind --callgrind-out-file="$out" "$kovgen" "$@" >/dev/null 2>&1 || true
  [ -s "$out" ] || { echo "$name: callgrind wrote nothing" >&2; return 1; }
  callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null | python3 -c '
import re, sys
name = sys.argv[1]
total, get, answers = None, 0, 0
for line in sys.stdin:
    m = re.match(r"\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(?:\*\s+)?(.*)", line)
    if not m:
        continue
    n, what = int(m.group(1).replace(",", "")), m.group(2)
    if total is None and "PROGRAM TOTALS" in what:
        total = n
    elif "TemplateCache::get(" in what:
        get = max(get, n)
    elif re.search(r"kovgen::load_answers\(", what):
        answers = max(answers, n)
print(f"{name:28s} total {total:>12,}  TemplateCache::get {get:>12,}  load_answers {answers:>12,}")
' "$name"
}

for sample in samples/ogs/ogs-vollstaendig.yaml samples/schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml; do
  base=$(basename "$sample" .yaml)
  count "render-md $base" render "$sample" --out "$tmp/out-$base" -f md --force
  count "check $base" check "$sample"
done
