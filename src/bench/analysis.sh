#!/usr/bin/env bash
# Analysis time per 1,000 answers on one thread (matching, list ranks, citations), without the
# database: a sim run's answers are exported once, then src/bench/AnalysisBench.java analyses them
# in memory (10 warm-up passes, the median of 11 timed ones).
#   usage: src/bench/analysis.sh [answers] [jar]   (default 10000, target/vis.jar)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
answers=${1:-10000}
jar=${2:-$root/target/vis.jar}
samples=$((answers / 100))
{
  echo "version: 1"
  echo "name: bench-analysis"
  echo "brands:"
  for b in "Acme CRM" Globex Initech Umbrella Hooli Stark Wayne Cyberdyne Soylent Tyrell; do
    echo "  - {name: $b, domains: [$(echo "$b" | tr -d ' ' | tr 'A-Z' 'a-z').example]}"
  done
  echo "prompts:"
  for i in $(seq 1 50); do echo "  - {id: p$i, text: \"Which CRM is best for team $i?\"}"; done
  echo "models: [{id: a, provider: sim, sim: {seed: 1}}, {id: b, provider: sim, sim: {seed: 2}}]"
  echo "samples: $samples"
  echo "concurrency: 64"
} > "$work/bench.yaml"
[ -f "$jar" ] || "$root/build" >&2
. "$root/.mvn/jdk.sh"
vis_find_jdk jdk
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
export VIS_DB="$work/bench.db"
run=$("$java" --enable-native-access=ALL-UNNAMED -jar "$jar" run "$work/bench.yaml" --progress none 2>/dev/null)
"$java" --enable-native-access=ALL-UNNAMED -jar "$jar" export "$run" --table responses --format jsonl --out "$work/answers.jsonl"
"$java" -cp "$jar" "$root/src/bench/AnalysisBench.java" "$work/answers.jsonl" "$work/bench.yaml"
