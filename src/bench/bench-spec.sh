#!/usr/bin/env bash
# Prints the spec the analysis benchmarks use: 10 brands with a domain each, 50 prompts, two sim
# models and SAMPLES answers per (prompt, model), so 100 x SAMPLES answers in all; or, given
# PROMPTS and MODELS, that many prompts (tagged in 7 groups) and sim models.
#   usage: src/bench/bench-spec.sh NAME SAMPLES [PROMPTS] [MODELS] > spec.yaml
set -euo pipefail
echo "version: 1"
echo "name: $1"
echo "brands:"
for b in "Acme CRM" Globex Initech Umbrella Hooli Stark Wayne Cyberdyne Soylent Tyrell; do
  echo "  - {name: $b, domains: [$(echo "$b" | tr -d ' ' | tr 'A-Z' 'a-z').example]}"
done
echo "prompts:"
if [ $# -lt 4 ]; then
  for i in $(seq 1 50); do echo "  - {id: p$i, text: \"Which CRM is best for team $i?\"}"; done
  echo "models: [{id: a, provider: sim, sim: {seed: 1}}, {id: b, provider: sim, sim: {seed: 2}}]"
else
  for i in $(seq 1 "$3"); do
    echo "  - {id: p$i, text: \"Which CRM is best for team $i?\", tags: [t$(( i % 7 ))]}"
  done
  echo "models:"
  for m in $(seq 1 "$4"); do echo "  - {id: model-$m, provider: sim, sim: {seed: $m}}"; done
fi
echo "samples: $2"
echo "concurrency: 64"
