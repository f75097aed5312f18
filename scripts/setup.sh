#!/usr/bin/env bash
# Installs what kovgen needs from Debian packages (idempotent, quick when all is
# present) and builds into build/. Usage: scripts/setup.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # build
  build-essential cmake pkg-config ninja-build
  # libraries
  libkainjow-mustache-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libpugixml-dev libhpdf-dev doctest-dev libminizip-dev libyaml-dev zlib1g-dev libxxhash-dev
  # Unicode (NFC, case folding, widths) and the interview's line editing (BSD licence)
  libutf8proc-dev libedit-dev
  # the German message catalog (msgfmt, msgcat, xgettext) for po/
  gettext
  # fonts embedded in the PDF, and the subsetter used at build time
  fonts-dejavu-core fonts-liberation2 python3-fonttools
  # real clients the tests read our outputs with
  pandoc qpdf poppler-utils libreoffice-writer-nogui unzip bsdutils
  # benchmarks
  hyperfine time wrk valgrind
  # German hyphenation for the PDF (libhyphen with LibreOffice's German patterns)
  libhyphen-dev hyphen-de
  # kovgen serve: HTTP, the draft database, password hashing
  libcpp-httplib-dev libsqlite3-dev libsodium-dev
  # the web pages tested in a real browser (Debian's Python packages, /usr/bin/python3)
  chromium chromium-driver python3-selenium
  # amendments: word diff, and deadlines as iCalendar
  libdtl-dev libical-dev
  # packaging: the man page from --help, completion, the .deb and its checks
  help2man man-db bash-completion dpkg-dev fakeroot lintian
  # the sanitizer build and the fuzzers (scripts/test.sh, fuzz/run.sh): clang with
  # libFuzzer and the sanitizer runtimes, llvm-symbolizer for readable reports
  clang libclang-rt-14-dev llvm
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# axe-core checks the served pages for accessibility in the browser tests; npm
# puts it into tests/browser/node_modules (ignored by git), once.
if command -v npm >/dev/null && [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
  npm install --no-save --no-audit --no-fund --prefix tests/browser axe-core@4 >/dev/null
fi
# ical.js, the iCalendar parser of Thunderbird's calendar, reads kovgen fristen's
# files in a client test (tests/deadlines/deadlines_client_test.cc).
if command -v npm >/dev/null && [ ! -f tests/clients/node_modules/ical.js/dist/ical.js ]; then
  npm install --no-save --no-audit --no-fund --prefix tests/clients ical.js@2 >/dev/null
fi

if [ "${1:-}" != "--no-build" ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build
fi
