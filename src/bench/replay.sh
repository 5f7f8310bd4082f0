#!/usr/bin/env bash
# SPEC §9 analysis targets: replay of 100,000 stored answers (target: under 3 s on 2 cores), a
# report on 100,000 answers (target: under 1 s) and `vis --version` (target: under 0.3 s). The
# answers come from the sim provider with no latency; the replay and report times are wall times of
# the whole command, JVM start included.
#   usage: src/bench/replay.sh [answers]   (default 100000)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
answers=${1:-100000}
samples=$((answers / 100))
"$root/src/bench/bench-spec.sh" bench-replay "$samples" > "$work/bench.yaml"
"$root/build" >&2
export VIS_DB="$work/bench.db"
start=$(date +%s.%N); run=$("$root/vis" run "$work/bench.yaml" --progress none 2>/dev/null); end=$(date +%s.%N)
echo "run of $answers answers: $(echo "$end - $start" | bc) s"
start=$(date +%s.%N); "$root/vis" replay "$run" >/dev/null 2>&1; end=$(date +%s.%N)
echo "replay of $answers answers: $(echo "$end - $start" | bc) s"
start=$(date +%s.%N); "$root/vis" report "$run" >/dev/null; end=$(date +%s.%N)
echo "report on $answers answers: $(echo "$end - $start" | bc) s"
start=$(date +%s.%N); "$root/vis" --version >/dev/null; end=$(date +%s.%N)
echo "vis --version: $(echo "$end - $start" | bc) s"
