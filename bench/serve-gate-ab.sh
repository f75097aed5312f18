#!/usr/bin/env bash
# A/B of the admission gate (src/serve/server.cc) under bench/serve.sh's load:
# 64 connections for 20 s on the questionnaire page and on saves and previews,
# for each gate size (KOVGEN_SERVE_HANDLERS; 0 = no gate), the sizes taking
# turns round by round so that the machine's other load falls on all of them.
# Prints every run, then per size and load the medians over the rounds.
# Usage: bench/serve-gate-ab.sh [BUILD_DIR] [ROUNDS] [SIZES...]   e.g. build 3 0 2 4
set -euo pipefail
build=${1:-build}
rounds=${2:-3}
shift $(( $# > 2 ? 2 : $# ))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(0 "$(nproc)")
runs=$(mktemp)
trap 'rm -f "$runs"' EXIT
ms() {  # wrk's "10.70ms" / "1.20s" / "900us" in ms
  awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) sub(/ms/,"",v); else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' <<<"$1"
}
for round in $(seq "$rounds"); do
  for size in "${sizes[@]}"; do
    out=$(KOVGEN_SERVE_HANDLERS=$size SERVE_BENCH_LOAD_ONLY=1 bench/serve.sh "$build")
    echo "== round $round, gate $size"
    echo "$out"
    load=$(awk '/^load before/ {print $3}' <<<"$out")
    while read -r kind median p99 rps errors; do
      echo "$size $kind $(ms "$median") $(ms "$p99") $rps $errors $load" >>"$runs"
    done < <(awk '/^questionnaire page|^saves and previews/ {
        kind = ($1 == "questionnaire") ? "page" : "mix";
        rps = ""; err = 0;
        for (i = 1; i <= NF; i++) {
          if ($i == "Requests/sec:") rps = $(i + 1);
          if ($i == "Non-2xx") err += $(i + 4);
          if ($i == "connect" || $i == "read" || $i == "write" || $i == "timeout") err += $(i + 1);
        }
        median = (kind == "page") ? $4 : $5; p99 = (kind == "page") ? $6 : $7;
        print kind, median, p99, rps, err }' <<<"$out")
  done
done
echo
echo "medians over $rounds rounds (ms; errors summed over the rounds; the load before each run):"
printf '%-6s %-5s %-9s %-9s %-9s %-7s %s\n' gate kind median p99 req/s errors loads
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
for size in "${sizes[@]}"; do
  for kind in page mix; do
    column() { awk -v s="$size" -v k="$kind" -v c="$1" '$1 == s && $2 == k {print $c}' "$runs"; }
    printf '%-6s %-5s %-9s %-9s %-9s %-7s %s\n' "$size" "$kind" "$(column 3 | median)" "$(column 4 | median)" \
      "$(column 5 | median)" "$(column 6 | awk '{e += $1} END {print e + 0}')" "$(column 7 | tr '\n' ' ')"
  done
done
