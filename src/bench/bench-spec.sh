#!/usr/bin/env bash
# Prints the spec the analysis benchmarks use: 10 brands with a domain each, 50 prompts, two sim
# models and SAMPLES answers per (prompt, model), so 100 x SAMPLES answers in all.
#   usage: src/bench/bench-spec.sh NAME SAMPLES > spec.yaml
set -euo pipefail
echo "version: 1"
echo "name: $1"
echo "brands:"
for b in "Acme CRM" Globex Initech Umbrella Hooli Stark Wayne Cyberdyne Soylent Tyrell; do
  echo "  - {name: $b, domains: [$(echo "$b" | tr -d ' ' | tr 'A-Z' 'a-z').example]}"
done
echo "prompts:"
for i in $(seq 1 50); do echo "  - {id: p$i, text: \"Which CRM is best for team $i?\"}"; done
echo "models: [{id: a, provider: sim, sim: {seed: 1}}, {id: b, provider: sim, sim: {seed: 2}}]"
echo "samples: $2"
echo "concurrency: 64"
