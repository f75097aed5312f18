#!/usr/bin/env bash
# Instruction counts (callgrind) of composing a draft: `kovgen render … -f md` of
# both complete samples, the whole process and make_draft inclusive (answers +
# loaded template -> Markdown, checklist included). Instruction counts do not
# depend on the machine's load, so an A/B is two binaries on a busy machine:
#   bench/compose.sh [KOVGEN] [KOVGEN_B]
# e.g. keep a copy of main's binary before a change and compare:
#   cp build/kovgen /tmp/kovgen-main; …change, build…; bench/compose.sh /tmp/kovgen-main build/kovgen
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

printf '%-28s %-44s %14s %14s\n' binary sample total make_draft
for bin in "${binaries[@]}"; do
  for sample in "${samples[@]}"; do
    out="$tmp/out"
    rm -rf "$out"
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$bin" render "$sample" --out "$out" -f md \
      >/dev/null 2>"$tmp/log"
    total=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/log")
    printf '%-28s %-44s %14s %14s\n' "$(basename "$(dirname "$bin")")/$(basename "$bin")" "$(basename "$sample")" \
      "$total" "$(inclusive "$tmp/cg" 'kovgen::make_draft')"
  done
done
