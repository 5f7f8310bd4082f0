#!/usr/bin/env bash
# Analysis time per 1,000 answers on one thread (matching, list ranks, citations), without the
# database: a sim run's answers are exported once, then src/bench/AnalysisBench.java analyses them
# in memory (10 warm-up passes, the median of 11 timed ones).
#   usage: src/bench/analysis.sh [answers] [jar] [bench]   (default 10000, target/vis.jar,
#   AnalysisBench; src/bench/untracked.sh passes UntrackedBench)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
answers=${1:-10000}
jar=${2:-$root/target/vis.jar}
bench=${3:-AnalysisBench}
samples=$((answers / 100))
"$root/src/bench/bench-spec.sh" bench-analysis "$samples" > "$work/bench.yaml"
[ -f "$jar" ] || "$root/build" >&2
. "$root/.mvn/jdk.sh"
vis_find_jdk jdk
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
export VIS_DB="$work/bench.db"
run=$("$java" --enable-native-access=ALL-UNNAMED -jar "$jar" run "$work/bench.yaml" --progress none 2>/dev/null)
"$java" --enable-native-access=ALL-UNNAMED -jar "$jar" export "$run" --table responses --format jsonl --out "$work/answers.jsonl"
"$java" -cp "$jar" "$root/src/bench/$bench.java" "$work/answers.jsonl" "$work/bench.yaml"
