#!/usr/bin/env bash
# Instructions per request of kovgen serve (callgrind; not disturbed by the other
# load on the machine as wall-clock figures are): a save, a preview of a version
# already shown, and a save followed by the preview of the version it made (the
# mix bench/serve.sh puts under load, where every save writes the same answers),
# and that pair when each save changes the answers; each the mean of N sequential
# requests.
# Usage: bench/serve-callgrind.sh [BUILD_DIR] [N]
# Compare two builds by running it on each (bench/serve-ab.sh does).
set -euo pipefail
build=${1:-build}
n=${2:-20}
work=$(mktemp -d) server=
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
source "$(dirname "$0")/serve-start.sh"
serve_start valgrind --tool=callgrind --log-file="$work/valgrind.log" --callgrind-out-file="$work/cg.%p" \
  "$build/kovgen-serve"
body="csrf=$csrf&basis=1&aktion=speichern&f.meta.titel=Bench&f.meta.stand=2026-02-10"
save() { curl -s -b "$jar" -o /dev/null -d "$body" "$url/entwurf/1/abschnitt/meta"; }
preview() { curl -s -b "$jar" -o /dev/null "$url/entwurf/1/vorschau"; }
# Warm-up: the template loaded, the first version composed.
save; preview; preview
instructions() {  # runs "$@" n times between two dumps; prints the mean per run
  callgrind_control -z "$server" >/dev/null
  for _ in $(seq "$n"); do "$@"; done
  rm -f "$work"/cg.*.[0-9]*
  callgrind_control -d "$server" >/dev/null
  local total
  total=$(grep -h '^summary:' "$work"/cg.*.[0-9]* | awk '{s += $2} END {print s}')
  if [ -n "${SERVE_CALLGRIND_KEEP:-}" ]; then mkdir -p "$SERVE_CALLGRIND_KEEP"; cp "$work"/cg.*.[0-9]* "$SERVE_CALLGRIND_KEEP/$1.out"; fi
  echo $((total / n))
}
pair() { save; preview; }
changed=0
pair_changed() {  # a save of answers no version had yet, then its preview
  changed=$((changed + 1))
  curl -s -b "$jar" -o /dev/null -d "${body/titel=Bench/titel=Bench-$changed}" "$url/entwurf/1/abschnitt/meta"
  preview
}
printf '%-40s %12s\n' "save" "$(instructions save)"
preview  # the saves' newest version composed
printf '%-40s %12s\n' "preview (version already composed)" "$(instructions preview)"
printf '%-40s %12s\n' "save + preview of the new version" "$(instructions pair)"
printf '%-40s %12s\n' "same, answers changed by each save" "$(instructions pair_changed)"
