#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ one after another; with --workers, each
# target on several processes at once.
#
#   fuzz/run.sh TARGET|all SECONDS        fuzz each target for SECONDS
#   fuzz/run.sh --runs N TARGET|all       fuzz each target for N executions
#   fuzz/run.sh --smoke TARGET SECONDS    ctest: replay the seeds, fuzz briefly,
#                                         keep nothing new
#   --workers N splits a --runs or timed run of each target over N processes
#   that share its corpus, e.g. one per core; the counts are summed. A failing
#   worker stops the others.
#
# Targets: answers, compose, csv, docx, pdf (fuzz/<target>_fuzz.cc). The build
# directory is $KOVGEN_FUZZ_BUILD, default build-fuzz/ (made by scripts/test.sh:
# clang, -DKOVGEN_SANITIZE=ON -DKOVGEN_FUZZ=ON, target kovgen_fuzzers). New interesting inputs go to
# $BUILD/fuzz-corpus/<target>/ (the committed seeds in fuzz/corpus/<target>/
# are only read), crashers to $BUILD/fuzz-artifacts/<target>/, logs to
# $BUILD/fuzz-logs/<target>.log. An input that takes over 1 s is a hang and
# fails the run, like a crash, a leak or any sanitizer report.
# Prints "TARGET: N runs in S s: ok" per target; exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

usage="usage: fuzz/run.sh [--workers N] [--smoke] TARGET|all SECONDS | fuzz/run.sh [--workers N] --runs N TARGET|all"
mode=time
runs=""
workers=1
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) workers="${2:-}"; shift 2 || shift ;;
    --smoke) mode=smoke; shift ;;
    --runs) mode=runs; runs="${2:-}"; shift 2 || shift ;;
    -*) echo "$usage" >&2; exit 2 ;;
    *) break ;;
  esac
done
for n in "$workers" ${runs:+"$runs"}; do
  case "$n" in ''|*[!0-9]*|0) echo "fuzz/run.sh: expected a positive number, got '$n'; $usage" >&2; exit 2 ;; esac
done
[ "$mode" = smoke ] && [ "$workers" -ne 1 ] && { echo "fuzz/run.sh: --smoke runs one process" >&2; exit 2; }
target="${1:?$usage}"
seconds="${2:-60}"

build="${KOVGEN_FUZZ_BUILD:-build-fuzz}"
all_targets=()
for f in fuzz/*_fuzz.cc; do
  n="$(basename "$f" _fuzz.cc)"
  all_targets+=("$n")
done
if [ "$target" = all ]; then targets=("${all_targets[@]}"); else targets=("$target"); fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

status=0
for t in "${targets[@]}"; do
  bin="$build/${t}_fuzz"
  if [ ! -x "$bin" ]; then
    echo "$t: $bin not built (configure with clang, -DKOVGEN_FUZZ=ON)" >&2
    status=1
    continue
  fi
  seeds="fuzz/corpus/$t"
  dict=()
  [ -f "fuzz/$t.dict" ] && dict=("-dict=fuzz/$t.dict")
  mkdir -p "$build/fuzz-artifacts/$t" "$build/fuzz-logs"
  common=(-timeout=1 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$t/"
          "${dict[@]}")
  log="$build/fuzz-logs/$t.log"
  case "$mode" in
    smoke)
      scratch="$(mktemp -d)"
      "$bin" "${common[@]}" -max_total_time="$seconds" "$scratch" "$seeds" >"$log" 2>&1
      rc=$?
      rm -rf "$scratch"
      ;;
    time|runs)
      work="$build/fuzz-corpus/$t"
      mkdir -p "$work"
      limit=(-max_total_time="$seconds")
      [ "$mode" = runs ] && limit=(-runs="$(( (runs + workers - 1) / workers ))")
      if [ "$workers" -eq 1 ]; then
        "$bin" "${common[@]}" "${limit[@]}" "$work" "$seeds" >"$log" 2>&1
        rc=$?
      else
        # Each worker logs on its own; the summary below reads them all.
        rm -f "$log".[0-9]*
        pids=()
        for w in $(seq 1 "$workers"); do
          "$bin" "${common[@]}" "${limit[@]}" "$work" "$seeds" >"$log.$w" 2>&1 &
          pids+=("$!")
        done
        # The first worker to fail stops the others: its finding is the result.
        rc=0
        for _ in "${pids[@]}"; do
          wait -n "${pids[@]}" 2>/dev/null && continue
          rc=$?
          kill "${pids[@]}" 2>/dev/null
          wait "${pids[@]}" 2>/dev/null
          break
        done
        cat "$log".[0-9]* >"$log"
      fi
      ;;
  esac
  done_line="$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)"
  execs="$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{n += $2} END {if (NR) print n}')"
  secs="$(echo "$done_line" | awk '{print $5}')"
  if [ "$rc" -eq 0 ]; then
    echo "$t: ${execs:-?} runs in ${secs:-?} s: ok"
  else
    echo "$t: FAILED (exit $rc) after ${execs:-?} runs; see $log" >&2
    grep -E 'ERROR|SUMMARY|ALARM|runtime error|Test unit written|invariant' "$log" | head -20 >&2
    status=1
  fi
done
exit $status
