#!/usr/bin/env bash
# Instruction counts (callgrind) of composing a draft: `kovgen render … -f md` of
# both complete samples and `kovgen diff` of the OGS sample against a changed
# copy (two drafts), the whole process and make_draft inclusive (answers + loaded
# template -> Markdown, checklist included; summed over a diff's two drafts). Instruction counts do not
# depend on the machine's load, so an A/B is two binaries on a busy machine:
#   bench/compose.sh [KOVGEN] [KOVGEN_B]
# e.g. keep a copy of main's binary before a change and compare:
#   cp build/kovgen build/kovgen-main; …change, build…; bench/compose.sh build/kovgen-main build/kovgen
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

# Inclusive instructions of the first function whose name starts with $2.
inclusive() {
  callgrind_annotate --inclusive=yes --threshold=100 "$1" 2>/dev/null |
    awk -v fn="$2" '$0 ~ (":" fn "\\(") { gsub(",", "", $1); print $1; exit }'
}

# kovgen diff composes two drafts (issue 18): the complete OGS sample against
# itself with more places at one site.
grep -q '      plaetze: 200$' samples/ogs/ogs-vollstaendig.yaml
sed 's/^      plaetze: 200$/      plaetze: 225/' samples/ogs/ogs-vollstaendig.yaml >"$tmp/neu.yaml"

# One run under callgrind: binary, what it ran, then kovgen's arguments.
measure() {
  local bin=$1 label=$2
  shift 2
  rm -rf "$tmp/out"
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$bin" "$@" >/dev/null 2>"$tmp/log"
  printf '%-28s %-44s %14s %14s\n' "$(basename "$(dirname "$bin")")/$(basename "$bin")" "$label" \
    "$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/log")" "$(inclusive "$tmp/cg" 'kovgen::make_draft')"
}

printf '%-28s %-44s %14s %14s\n' binary run total make_draft
for bin in "${binaries[@]}"; do
  for sample in "${samples[@]}"; do
    measure "$bin" "render $(basename "$sample") -f md" render "$sample" --out "$tmp/out" -f md
  done
  measure "$bin" "diff ogs-vollstaendig.yaml neu.yaml -o a.md" diff samples/ogs/ogs-vollstaendig.yaml "$tmp/neu.yaml" \
    -q --force -o "$tmp/a.md"
done
