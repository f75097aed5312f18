#!/usr/bin/env bash
# The DOCX writer's speed target from issue 3, measured with hyperfine: `kovgen
# convert` of the 6-page agreement to DOCX at least 20x faster than
# `pandoc -f markdown -t docx` on the same file, in one run.
# Usage: bench/docx.sh [--instructions]
#   --instructions  also count instructions with callgrind (valgrind), a figure that
#                   does not depend on how busy the machine is.
# Run it on an otherwise idle machine: wall-clock times of a 5 ms process suffer most
# from other load.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || scripts/setup.sh --no-build
[ -x build/kovgen ] || scripts/setup.sh
agreement=${AGREEMENT:-tests/data/docx/agreement.md}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

hyperfine -N --warmup 20 --runs 200 --export-markdown "$tmp/r.md" \
  "build/kovgen convert $agreement -o $tmp/kovgen.docx" \
  "pandoc -f markdown -t docx $agreement -o $tmp/pandoc.docx"
cat "$tmp/r.md"
ls -l "$tmp/kovgen.docx" "$tmp/pandoc.docx"

if [ "${1:-}" = --instructions ] && command -v valgrind >/dev/null; then
  count() {
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$@" 2>&1 |
      sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
  }
  k=$(count build/kovgen convert "$agreement" -o "$tmp/k.docx")
  p=$(count pandoc -f markdown -t docx "$agreement" -o "$tmp/p.docx")
  echo "instructions: kovgen $k, pandoc $p, ratio $((p / k))"
fi
