#!/usr/bin/env bash
# Instruction counts (callgrind) of loading a template, reading answers and
# composing a draft: `kovgen render … -f md` and `kovgen check` of both complete
# samples, and `kovgen diff` of the OGS sample against a changed copy (two
# drafts). Per run: the whole process, and inclusive TemplateCache::get
# (template.yaml, the Mustache files, their check), load_answers (which includes
# TemplateCache::get) and make_draft (answers + loaded template -> Markdown,
# checklist included; over all of a run's drafts). Instruction counts do not
# depend on the machine's load, so an A/B is two binaries on a busy machine:
#   bench/instructions.sh [KOVGEN] [KOVGEN_B]
# e.g. cp build/kovgen build/kovgen-main; …change, build…; bench/instructions.sh build/kovgen-main build/kovgen
# Keep the copy next to build/kovgen: kovgen finds its German catalog from where
# it lies, and a copy elsewhere runs in English, which costs a different amount.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is missing (scripts/setup.sh installs it)" >&2; exit 1; }
binaries=("${@:-build/kovgen}")
samples=(samples/ogs/ogs-vollstaendig.yaml samples/schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775000000
echo "load: $(uptime)"

# Inclusive instructions of the first function whose name starts with $2 (0 if none ran).
inclusive() {
  callgrind_annotate --inclusive=yes --threshold=100 "$1" 2>/dev/null |
    awk -v fn="$2" '$0 ~ (":" fn "\\(") { gsub(",", "", $1); print $1; found = 1; exit } END { if (!found) print 0 }'
}

# kovgen diff composes two drafts (issue 18): the complete OGS sample against
# itself with more places at one site.
grep -q '      plaetze: 200$' samples/ogs/ogs-vollstaendig.yaml
sed 's/^      plaetze: 200$/      plaetze: 225/' samples/ogs/ogs-vollstaendig.yaml >"$tmp/neu.yaml"

# One run under callgrind: binary, what it ran, then kovgen's arguments. check
# exits 3 for a draft that is not ready to sign; the count stands anyway.
measure() {
  local bin=$1 label=$2
  shift 2
  rm -rf "$tmp/out"
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$bin" "$@" >/dev/null 2>"$tmp/log" || true
  [ -s "$tmp/cg" ] || { echo "$label: callgrind wrote nothing" >&2; return 1; }
  printf '%-28s %-48s %13s %13s %13s %13s\n' "$(basename "$(dirname "$bin")")/$(basename "$bin")" "$label" \
    "$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/log")" "$(inclusive "$tmp/cg" 'kovgen::TemplateCache::get')" \
    "$(inclusive "$tmp/cg" 'kovgen::load_answers')" "$(inclusive "$tmp/cg" 'kovgen::make_draft')"
  rm -f "$tmp/cg"
}

printf '%-28s %-48s %13s %13s %13s %13s\n' binary run total TemplateCache load_answers make_draft
for bin in "${binaries[@]}"; do
  for sample in "${samples[@]}"; do
    measure "$bin" "render $(basename "$sample") -f md" render "$sample" --out "$tmp/out" -f md
    measure "$bin" "check $(basename "$sample")" check "$sample"
  done
  measure "$bin" "diff ogs-vollstaendig.yaml neu.yaml" diff samples/ogs/ogs-vollstaendig.yaml "$tmp/neu.yaml" \
    -q --force -o "$tmp/a.md"
done
