#!/usr/bin/env bash
# Sets everything up, builds, and renders every sample agreement into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p out
status=0
for answers in samples/*/*.yaml; do
  case "$answers" in samples/batch/*) continue ;; esac
  name=$(basename "$answers" .yaml)
  echo "demo: $answers"
  build/kovgen render "$answers" --out out --name "$name" --report "out/$name.report.json" || status=$?
done
# Batch: one agreement per primary school of the MSB-format sample list, with a summary.
echo "demo: samples/batch (every Grundschule of samples/batch/schulen-beispiel.csv)"
rm -rf out/batch
batch_status=0
build/kovgen batch --base samples/batch/basis.yaml --schools samples/batch/schulen-beispiel.csv \
  --map samples/batch/nrw-schulliste.map.yaml --out out/batch --where Schulform=02 || batch_status=$?
# 3 = produced, but some agreements are incomplete: expected, the MSB list has no staffing data.
[ "$batch_status" -eq 0 ] || [ "$batch_status" -eq 3 ] || status=$batch_status
ls -l out
echo "demo: the questionnaire in the browser: build/kovgen serve, then open http://127.0.0.1:8080/"
exit $status
