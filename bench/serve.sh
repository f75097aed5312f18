#!/usr/bin/env bash
# kovgen serve under load (wrk, loopback only): the time per request with one
# connection (median and p99) for the questionnaire page, a save, the preview and
# the PDF download; then 64 connections for 20 s on the questionnaire page and on
# a mix of saves and previews (the same answers saved, then changing answers),
# with the server's RSS before and after.
# Usage: bench/serve.sh [BUILD_DIR]   (the machine's load is printed with the figures)
# SERVE_BENCH_LOAD_ONLY=1 leaves out the one-connection figures (bench/serve-gate-ab.sh).
set -euo pipefail
build=${1:-build}
work=$(mktemp -d) server=
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
source "$(dirname "$0")/serve-start.sh"
serve_start "$build/kovgen" serve
page=/entwurf/1/abschnitt/finanzierung
cat > "$work/save.lua" <<LUA
wrk.method = "POST"
wrk.path = "/entwurf/1/abschnitt/meta"
wrk.body = "csrf=$csrf&basis=1&aktion=speichern&f.meta.titel=Bench&f.meta.stand=2026-02-10"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "kovgen_sitzung=$session"
LUA
# A mix of saves and previews, alternating on each connection; the save's title is
# the Lua expression $2. With a fixed title every save stores the same answers, and
# versions with the same answers share one composition; with a title that changes
# at every save ("Bench <thread> 1", "… 2", ...) every preview of a new version
# composes it anew.
write_mix() {  # FILE TITLE_EXPRESSION
  cat > "$1" <<LUA
local n = 0
local thread_mark = tostring(math.random(1, 1000000))
request = function()
  n = n + 1
  if n % 2 == 0 then
    local body = "csrf=$csrf&basis=1&aktion=speichern&f.meta.titel=" .. $2 .. "&f.meta.stand=2026-02-10"
    return wrk.format("POST", "/entwurf/1/abschnitt/meta", {["Cookie"] = "kovgen_sitzung=$session",
      ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
  end
  return wrk.format("GET", "/entwurf/1/vorschau", {["Cookie"] = "kovgen_sitzung=$session"})
end
LUA
}
write_mix "$work/mix.lua" '"Bench"'
write_mix "$work/mix-changing.lua" '"Bench+" .. thread_mark .. "+" .. n'
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$server/status"; }
latency() {  # label, then wrk's arguments
  local label=$1; shift
  local out; out=$(wrk --latency "$@")
  printf '%-28s median %-9s p99 %-9s %s\n' "$label" "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
    "$(awk '$1 == "99%" {print $2}' <<<"$out")" "$(grep -E 'Requests/sec|Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | tr '\n' ' ')"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
if [ -z "${SERVE_BENCH_LOAD_ONLY:-}" ]; then
  echo "one connection, 5 s each:"
  latency "questionnaire page" -t1 -c1 -d5s -H "Cookie: kovgen_sitzung=$session" "$url$page"
  latency "save" -t1 -c1 -d5s -s "$work/save.lua" "$url"
  latency "preview" -t1 -c1 -d5s -H "Cookie: kovgen_sitzung=$session" "$url/entwurf/1/vorschau"
  latency "PDF download" -t1 -c1 -d5s -H "Cookie: kovgen_sitzung=$session" "$url/entwurf/1/download/pdf"
fi
echo "64 connections, 20 s:"
echo "RSS before: $(rss)"
latency "questionnaire page" -t2 -c64 -d20s -H "Cookie: kovgen_sitzung=$session" "$url$page"
latency "saves and previews" -t2 -c64 -d20s -s "$work/mix.lua" "$url"
latency "changing saves and previews" -t2 -c64 -d20s -s "$work/mix-changing.lua" "$url"
echo "RSS after: $(rss)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
