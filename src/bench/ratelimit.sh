#!/usr/bin/env bash
# SPEC §9 rate limits: with `rpm` set to the provider's limit, at least 95% of that rate and zero
# 429s. A fake provider (RpmLimitedServer.java, run without a build) enforces LIMIT requests in any
# sliding 60 s window and answers in LATENCY_MS; vis makes CALLS calls with `rpm: LIMIT`. The rate
# is the server's own count: accepted requests per minute from its first to its last.
#   usage: src/bench/ratelimit.sh [limit] [calls] [latency_ms] [workers]   (default 300 400 50 1)
# With WORKERS above 1, that many processes of one run (`--run-id`) share the limit (SPEC §8) on
# PostgreSQL: the database in VIS_BENCH_PG, else a throwaway server (bench-pg.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
limit=${1:-300}; calls=${2:-400}; latency=${3:-50}; workers=${4:-1}
work=$(mktemp -d)
# shellcheck source=../../.mvn/jdk.sh
. "$root/.mvn/jdk.sh"
vis_find_jdk
port=$(( 20000 + RANDOM % 20000 ))
"$JAVA_HOME/bin/java" "$root/src/bench/RpmLimitedServer.java" "$port" "$limit" "$latency" > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" ${bench_pg_pid:-} 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
db=$work/bench.db
if [ "$workers" -gt 1 ]; then
  # shellcheck source=bench-pg.sh
  . "$root/src/bench/bench-pg.sh"
  bench_pg "$work" > "$work/db.txt"
  db=$(cat "$work/db.txt")
fi
samples=$(( (calls + 19) / 20 ))
{
  echo "version: 1"
  echo "name: bench-ratelimit"
  echo "brands: [{name: Acme CRM}, {name: Globex}]"
  echo "prompts:"
  for i in $(seq 1 20); do echo "  - {id: p$i, text: \"Which CRM is best for team $i?\"}"; done
  echo "models: [{id: limited, provider: limited, model: bench}]"
  echo "providers:"
  echo "  limited: {type: openai-compatible, base_url: \"http://127.0.0.1:$port/v1\", rpm: $limit}"
  echo "samples: $samples"
  echo "concurrency: 16"
} > "$work/bench.yaml"
"$root/build" >&2
for _ in $(seq 1 50); do grep -q listening "$work/server.log" && break; sleep 0.2; done
if [ "$workers" -eq 1 ]; then
  "$root/vis" run "$work/bench.yaml" --db "$db" --progress none 2>&1 >/dev/null | grep -o 'bench-ratelimit .*'
else
  id="ratelimit-$(date +%s)"
  for w in $(seq 1 "$workers"); do
    "$root/vis" run "$work/bench.yaml" --db "$db" --run-id "$id" --progress none > /dev/null 2> "$work/worker-$w.log" &
  done
  wait $(jobs -p | grep -vx -e "$server" -e "${bench_pg_pid:-none}") || true
  for w in $(seq 1 "$workers"); do grep -o 'bench-ratelimit .*' "$work/worker-$w.log" || tail -1 "$work/worker-$w.log"; done
fi
curl -s "http://127.0.0.1:$port/stats"
