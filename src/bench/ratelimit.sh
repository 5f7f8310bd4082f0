#!/usr/bin/env bash
# SPEC §9 rate limits: with `rpm` set to the provider's limit, at least 95% of that rate and zero
# 429s. A fake provider (RpmLimitedServer.java, run without a build) enforces LIMIT requests in any
# sliding 60 s window and answers in LATENCY_MS; vis makes CALLS calls with `rpm: LIMIT`. The rate
# is the server's own count: accepted requests per minute from its first to its last.
#   usage: src/bench/ratelimit.sh [limit] [calls] [latency_ms]   (default 300 400 50)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
limit=${1:-300}; calls=${2:-400}; latency=${3:-50}
work=$(mktemp -d)
# shellcheck source=../../.mvn/jdk.sh
. "$root/.mvn/jdk.sh"
vis_find_jdk
port=$(( 20000 + RANDOM % 20000 ))
"$JAVA_HOME/bin/java" "$root/src/bench/RpmLimitedServer.java" "$port" "$limit" "$latency" > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
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
"$root/vis" run "$work/bench.yaml" --db "$work/bench.db" --progress none 2>&1 >/dev/null | grep -o 'bench-ratelimit .*'
curl -s "http://127.0.0.1:$port/stats"
