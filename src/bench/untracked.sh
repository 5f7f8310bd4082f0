#!/usr/bin/env bash
# Untracked-brand time per 1,000 answers on one thread (detection and exact counting), without the
# database: src/bench/analysis.sh's sim answers, read by src/bench/UntrackedBench.java (5 warm-up
# passes, the median of 11 timed ones).
#   usage: src/bench/untracked.sh [answers] [jar]   (default 10000, target/vis.jar)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
exec "$root/src/bench/analysis.sh" "${1:-10000}" "${2:-$root/target/vis.jar}" UntrackedBench
