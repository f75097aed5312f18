#!/usr/bin/env bash
# Times one agreement through the pipeline with hyperfine (public tool, no timed tests).
#   bench/render.sh            Markdown only (issue target: < 5 ms)
#   bench/render.sh all        md + docx + xml + pdf into a temp folder
#   bench/render.sh pinned     Markdown only, once pinned to each CPU (taskset):
#                              on a VM whose vCPUs differ in speed, the unpinned
#                              median depends on where the scheduler puts each run
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || scripts/setup.sh --no-build
[ -x build/kovgen ] || scripts/setup.sh
sample=${SAMPLE:-samples/ogs/ogs-vollstaendig.yaml}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ "${1:-md}" = pinned ]; then
  for cpu in $(seq 0 $(( $(nproc) - 1 ))); do
    echo "CPU $cpu:"
    # hyperfine itself is pinned (children inherit it): taskset inside the timed
    # command would add an exec of its own.
    taskset -c "$cpu" hyperfine -N --warmup 20 --runs 300 --export-markdown "$tmp/r$cpu.md" \
      "build/kovgen render $sample -o $tmp/a.md"
    cat "$tmp/r$cpu.md"
  done
  exit 0
elif [ "${1:-md}" = all ]; then
  hyperfine -N --warmup 20 --runs 200 --export-markdown "$tmp/r.md" \
    "build/kovgen render $sample --out $tmp"
else
  hyperfine -N --warmup 20 --runs 300 --export-markdown "$tmp/r.md" \
    "build/kovgen render $sample -o $tmp/a.md"
fi
cat "$tmp/r.md"
