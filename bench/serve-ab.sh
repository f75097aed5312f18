#!/usr/bin/env bash
# A/B of two kovgen serve builds: instructions per request (bench/serve-callgrind.sh,
# independent of the machine's load), then bench/serve.sh's 64-connection runs,
# the builds taking turns round by round so the other load falls on both; prints
# every run and, per build and mix (the same answers saved, or changing answers),
# the median over the rounds of the mix's median, p99 and requests per second. Build A first, e.g. main's binaries copied aside.
# Usage: bench/serve-ab.sh BUILD_A BUILD_B [ROUNDS]   (each BUILD has kovgen and kovgen-serve)
set -euo pipefail
a=$1 b=$2 rounds=${3:-3}
runs=$(mktemp)
trap 'rm -f "$runs"' EXIT
for build in "$a" "$b"; do
  echo "== instructions per request, $build"
  bench/serve-callgrind.sh "$build" 10 2>/dev/null
done
for round in $(seq "$rounds"); do
  for build in "$a" "$b"; do
    echo "== round $round, $build"
    out=$(SERVE_BENCH_LOAD_ONLY=1 bench/serve.sh "$build")
    echo "$out"
    awk -v build="$build" 'function ms(v) {  # wrk prints 900.00us, 12.30ms or 1.20s
        if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; return v * 1000 }
      /^saves and previews/ {print build, "same", ms($5), ms($7), $9}
      /^changing saves and previews/ {print build, "changing", ms($6), ms($8), $10}' <<<"$out" >>"$runs"
  done
done
echo
for mix in same changing; do
  echo "saves and previews, $mix answers, medians over $rounds rounds (median, p99, requests/s):"
  for build in "$a" "$b"; do
    median() { awk -v b="$build" -v m="$mix" -v f="$1" '$1 == b && $2 == m {print $f}' "$runs" | sort -g |
      awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
    echo "$build: $(median 3) ms, $(median 4) ms, $(median 5)"
  done
done
