#!/usr/bin/env bash
# Sets everything up, builds, and runs every test through ctest; then the whole
# suite again under AddressSanitizer and UBSan (build-asan/), and a few seconds of
# every libFuzzer target (build-fuzz/, clang; fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"

# Sanitizers: leaks count, and any UBSan report stops the program with a stack
# trace. Left out: the cases labelled slow (doctest suite "slow"), which spend their
# time in LibreOffice, pandoc or a second, unsanitized build for the Debian package,
# on documents that the other cases already produce under the sanitizers.
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKOVGEN_SANITIZE=ON >/dev/null
cmake --build build-asan
ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -LE slow

# Fuzz smoke run: the seeds, then 3 s of fuzzing per target.
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DKOVGEN_SANITIZE=ON -DKOVGEN_FUZZ=ON >/dev/null
cmake --build build-fuzz --target kovgen_fuzzers
ctest --test-dir build-fuzz --output-on-failure -L fuzz
