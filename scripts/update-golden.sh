#!/usr/bin/env bash
# Re-renders every sample's Markdown into tests/golden/ after an intended change to a
# template, fragment or the composer. Review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
export SOURCE_DATE_EPOCH=1785542400   # 2026-08-01, used only where a sample has no meta.stand
# In English: samples_test compares in-process, where no catalog is bound (src/base/i18n.h).
for answers in samples/*/*.yaml; do
  case "$answers" in samples/batch/*) continue ;; esac
  # The golden is the draft itself: without the fingerprint line a written .md ends with.
  KOVGEN_LANG=en build/kovgen render "$answers" -o - 2>/dev/null | head -n -1 >"tests/golden/$(basename "$answers" .yaml).md"
done
# The Beschlussvorlage of the complete OGS sample (kovgen vorlage), for the Rat.
KOVGEN_LANG=en build/kovgen vorlage samples/ogs/ogs-vollstaendig.yaml --gremium Rat -o - 2>/dev/null | head -n -1 \
  >tests/golden/ogs-vollstaendig-beschlussvorlage.md
# The Nachtrag of the school year update: its test writes it when asked.
KOVGEN_UPDATE_GOLDEN=1 build/kovgen_unit_tests -tc="nachtrag: the school year update*" >/dev/null || true
# The Synopse of the school year update, likewise.
KOVGEN_UPDATE_GOLDEN=1 build/kovgen_unit_tests -tc="synopse: the school year update*" >/dev/null || true
git status --short tests/golden
