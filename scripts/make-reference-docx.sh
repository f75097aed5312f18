#!/usr/bin/env bash
# Writes templates/reference.docx: kovgen's default Word design (the styles, page setup,
# header and footer built into the DOCX writer) as a document that shows every style.
# A municipality opens it in Word, changes the styles (Format > Formatvorlagen), page
# setup or the Kopf-/Fußzeile formats, saves it and passes it back:
#   kovgen render answers.yaml --reference-docx unser-design.docx
# Only styles, page setup, fonts and theme are taken from it, never its text.
#
# Usage: scripts/make-reference-docx.sh [OUTPUT]   (default: templates/reference.docx)
# KOVGEN=path/to/kovgen overrides the binary (default: build/kovgen). The output is
# byte-identical on every run; tests/writers/docx_reference_test.cc checks that the shipped
# file is up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-templates/reference.docx}
kovgen=${KOVGEN:-build/kovgen}
[ -x "$kovgen" ] || scripts/setup.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/reference.md" <<'MD'
# Titel (Formatvorlage „Titel“)

Diese Datei ist die Formatvorlage für die Word-Dokumente von kovgen. Ändern Sie hier die
Formatvorlagen, die Seitenränder und das Format der Kopf- und Fußzeile; der Text wird nicht
übernommen. Speichern Sie die Datei und geben Sie sie mit `--reference-docx` an.

## § 1 Überschrift 1 (Formatvorlage „Überschrift 1“)

(1) Fließtext in der Formatvorlage „Textkörper“ mit *Hervorhebung*, **starker Hervorhebung**,
~~Durchgestrichenem~~, `Quelltext` und einem [Link](https://www.schulministerium.nrw/).

### Überschrift 2

#### Überschrift 3

1. Nummerierte Liste („Listenabsatz“)
2. Zweiter Punkt
   - Aufzählung, zweite Ebene
- [ ] offene Aufgabe
- [x] erledigte Aufgabe

| Tabellenkopf („Table Heading“) | Betrag |
| --- | ---: |
| Tabelleninhalt („Table Text“) | 1.000,00 € |

> Zitat (Formatvorlage „Blocktext“)

```
Quelltext (Formatvorlage „Source Code“)
```

> [!NOTE]
> Hinweis-Kasten

> [!TIP]
> Tipp-Kasten

> [!IMPORTANT]
> Wichtig-Kasten

> [!WARNING]
> Warnung-Kasten

> [!CAUTION]
> Achtung-Kasten: markiert einen unvollständigen Abschnitt und trägt einen Kommentar.
MD

# --force: the file it replaces is this script's own output, whatever it carries.
"$kovgen" convert "$tmp/reference.md" -o "$out" --draft --force --quiet
echo "wrote $out"
