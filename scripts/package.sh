#!/usr/bin/env bash
# Builds the Debian package kovgen_<version>_amd64.deb and checks it with lintian.
# Usage: scripts/package.sh [BUILD_DIR [OUT_DIR]]   (default: build-deb and dist)
# Install it with: sudo apt install ./dist/kovgen_<version>_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-deb}
out=${2:-dist}

# The man page's date from the commit, so that the same commit gives the same page.
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && git rev-parse --git-dir >/dev/null 2>&1; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
  export SOURCE_DATE_EPOCH
fi

# A build folder of its own, linked against Debian's shared libraries: the
# development build links some of them statically for start-up time
# (KOVGEN_STATIC_DEPS), but a package must not carry its own copy of a library
# that Debian updates for security (Debian Policy 4.13; lintian's embedded-library).
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKOVGEN_STATIC_DEPS=OFF "${launcher[@]}" >/dev/null
# What the package holds: the program, its catalog, fonts and man page (not the tests).
cmake --build "$build" --target kovgen kovgen_manpage
rm -rf "$out"
cpack --config "$build/CPackConfig.cmake" -B "$out"
rm -rf "$out/_CPack_Packages"
deb=$(ls "$out"/kovgen_*.deb)
dpkg-deb -I "$deb" | sed -n 's/^ \(Package\|Version\|Architecture\|Depends\):/\1:/p'
# Errors fail the script; warnings are printed (docs/packaging.md lists the ones we keep).
lintian --allow-root --tag-display-limit 0 "$deb"
echo "package: $deb"
