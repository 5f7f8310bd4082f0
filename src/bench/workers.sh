#!/usr/bin/env bash
# SPEC §8 workers: calls per second for 1, 2 and 3 `vis run --run-id` processes sharing one run on
# one PostgreSQL database, against the fake OpenAI-compatible server (LatencyServer.java) answering
# in LATENCY_MS; then the lease-expiry recovery: 3 workers with VIS_LEASE_SECONDS=5, one killed
# with kill -9 once a third of the calls are answered, and how long the two survivors take after
# the kill against what the calls left need at the measured two-worker rate.
# PostgreSQL: the URL in VIS_BENCH_PG (an empty database vis may fill), else a throwaway server
# from the test suite's own Maven artifact (EmbeddedPostgresServer.java on the test classpath).
#   usage: src/bench/workers.sh [tasks] [latency_ms] [concurrency per worker]   (default 600 200 4)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tasks=${1:-600}; latency=${2:-200}; concurrency=${3:-4}
work=$(mktemp -d)
# shellcheck source=../../.mvn/jdk.sh
. "$root/.mvn/jdk.sh"
vis_find_jdk
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; [ -n "${VIS_BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT
"$root/build" >&2

wait_for() { # log marker -> the word after the marker that starts a line
  for _ in $(seq 1 600); do
    if grep -q "^$2 " "$1"; then awk -v m="$2" '$1 == m { print $2; exit }' "$1"; return; fi
    sleep 0.1
  done
  echo "no server in $1" >&2; cat "$1" >&2; exit 1
}

port=$(( 20000 + RANDOM % 20000 ))
"$JAVA_HOME/bin/java" "$root/src/bench/LatencyServer.java" "$port" "$latency" 0 0 > "$work/fake.log" 2>&1 &
pids+=($!)
wait_for "$work/fake.log" listening > /dev/null

# shellcheck source=bench-pg.sh
. "$root/src/bench/bench-pg.sh"
bench_pg "$work" > "$work/db.txt"
db=$(cat "$work/db.txt")
[ -z "$bench_pg_pid" ] || pids+=("$bench_pg_pid")

prompts=20
{
  echo "version: 1"
  echo "name: bench-workers"
  echo "brands: [{name: Acme CRM, aliases: [Acme], domains: [acme.com]}, {name: Globex}, {name: Initech}]"
  echo "prompts:"
  for i in $(seq 1 "$prompts"); do echo "  - {id: p$i, text: \"Which CRM is best for team $i?\"}"; done
  echo "models: [{id: bench, provider: fake, model: bench-1}]"
  echo "providers:"
  echo "  fake: {type: openai-compatible, base_url: \"http://127.0.0.1:$port/v1\"}"
  echo "samples: $(( tasks / prompts ))"
  echo "concurrency: $concurrency"
} > "$work/spec.yaml"
calls=$(( tasks / prompts * prompts ))

now() { date +%s.%N; }
workers() { # n run_id -> starts n workers in the background, their pids in $started
  started=()
  for w in $(seq 1 "$1"); do
    "$root/vis" run "$work/spec.yaml" --db "$db" --run-id "$2" --progress none \
      > "$work/$2-$w.out" 2> "$work/$2-$w.err" &
    started+=($!)
  done
}

echo "| workers | calls | wall | calls/s | per worker | ideal per worker |"
echo "|---|---|---|---|---|---|"
ideal=$(awk -v c="$concurrency" -v l="$latency" 'BEGIN { printf "%.1f", c * 1000 / l }')
for n in 1 2 3; do
  t0=$(now)
  workers "$n" "bench-$n"
  for p in "${started[@]}"; do wait "$p"; done
  t1=$(now)
  awk -v n="$n" -v c="$calls" -v a="$t0" -v b="$t1" -v i="$ideal" \
    'BEGIN { w = b - a; printf "| %d | %d | %.2f s | %.1f | %.1f | %s |\n", n, c, w, c / w, c / w / n, i }'
  [ "$n" = 2 ] && rate2=$(awk -v c="$calls" -v a="$t0" -v b="$t1" 'BEGIN { print c / (b - a) }')
done

# recovery: kill one of three workers once a third of the calls are answered
export VIS_LEASE_SECONDS=5
field() { # run_id name -> that field of the run in `vis runs --format json`
  "$root/vis" runs --db "$db" --format json 2> /dev/null \
    | awk -v id="\"$1\"" -v f="\"$2\"" '$1 == "\"id\"" { on = ($3 == id "," || $3 == id) }
        on && $1 == f { gsub(/[",]/, "", $3); print $3; exit }'
}
t0=$(now)
workers 3 bench-kill
until [ "$(field bench-kill ok || echo 0)" -ge $(( calls / 3 )) ] 2> /dev/null; do sleep 0.2; done
kill -9 "${started[0]}" 2> /dev/null || echo "the first worker had already exited: use more tasks" >&2
tk=$(now)
left=$(( calls - $(field bench-kill ok) ))
for p in "${started[@]:1}"; do wait "$p"; done
t1=$(now)
wait "${started[0]}" 2> /dev/null || true
echo
echo "kill -9 of 1 of 3 workers (VIS_LEASE_SECONDS=5) with $left of $calls calls left:" \
  "the two others finished $(awk -v a="$tk" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s later;" \
  "at the two-worker rate above those calls need $(awk -v l="$left" -v r="$rate2" 'BEGIN { printf "%.1f", l / r }') s;" \
  "run $(field bench-kill status), $(field bench-kill ok) ok of $(field bench-kill tasks)"
