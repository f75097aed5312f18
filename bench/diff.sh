#!/usr/bin/env bash
# Time of kovgen diff (issue 18: under 50 ms for the complete OGS sample against
# its school year update, in every output):
#   bench/diff.sh [KOVGEN] [RUNS]
# One hyperfine run per output set, whole process included: CriticMarkup, the
# tracked-changes DOCX, the change-marked PDF, the Nachtrag as md + docx + pdf,
# the Synopse as md + docx + pdf, and all nine at once: "all" is the one kovgen
# run that writes them from one rendering and one comparison (-o, --nachtrag,
# --synopse), "all-3-runs" the three runs it replaces. Prints medians; say the
# machine's load (uptime) with them.
set -euo pipefail
cd "$(dirname "$0")/.."
kovgen=${1:-build/kovgen}
runs=${2:-50}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
old=samples/ogs/ogs-vollstaendig.yaml
# The school year update: more places and groups, the Land's new rates.
python3 - "$old" "$tmp/neu.yaml" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
for a, b in [("      plaetze: 200\n      plaetze_spf: 12\n      gruppen: 8\n", "      plaetze: 225\n      plaetze_spf: 14\n      gruppen: 9\n"),
             ("      plaetze: 60\n      plaetze_spf: 3\n      gruppen: 3\n", "      plaetze: 75\n      plaetze_spf: 3\n      gruppen: 3\n"),
             ("festbetrag_je_platz: 1.138,15", "festbetrag_je_platz: 1.150,00"),
             ("foerdersatz_spf: 2.772,76", "foerdersatz_spf: 2.800,00")]:
    assert text.count(a) == 1, a
    text = text.replace(a, b)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
export SOURCE_DATE_EPOCH=1775000000
d="$kovgen diff $old $tmp/neu.yaml -q --force"
echo "load: $(uptime)"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$tmp/diff.json" \
  -n critic "$d -o $tmp/a.md" \
  -n docx "$d -o $tmp/a.docx" \
  -n marked-pdf "$d -o $tmp/a.pdf" \
  -n nachtrag "$d --als nachtrag -o $tmp/n.md -o $tmp/n.docx -o $tmp/n.pdf" \
  -n synopse "$d --als synopse -o $tmp/s.md -o $tmp/s.docx -o $tmp/s.pdf" >/dev/null
hyperfine -N --warmup 3 --runs "$runs" --export-json "$tmp/all.json" \
  -n all "$d -o $tmp/a.md -o $tmp/a.docx -o $tmp/a.pdf --nachtrag $tmp/n.md --nachtrag $tmp/n.docx --nachtrag $tmp/n.pdf --synopse $tmp/s.md --synopse $tmp/s.docx --synopse $tmp/s.pdf" \
  -n all-3-runs "sh -c '$d -o $tmp/a.md -o $tmp/a.docx -o $tmp/a.pdf && $d --als nachtrag -o $tmp/n.md -o $tmp/n.docx -o $tmp/n.pdf && $d --als synopse -o $tmp/s.md -o $tmp/s.docx -o $tmp/s.pdf'" >/dev/null
python3 - "$tmp/diff.json" "$tmp/all.json" <<'PY'
import json, statistics, sys
for f in sys.argv[1:]:
    for r in json.load(open(f))["results"]:
        print(f"{r['command']:12s} median {statistics.median(r['times']) * 1000:6.1f} ms  (min {min(r['times']) * 1000:.1f}, max {max(r['times']) * 1000:.1f}, {len(r['times'])} runs)")
PY
