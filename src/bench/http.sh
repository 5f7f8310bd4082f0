#!/usr/bin/env bash
# SPEC §9 over real HTTP: the README's launcher against a fake OpenAI-compatible server
# (src/bench/LatencyServer.java, run with `java` without a build), workloads S, A, B and C, plus
# `vis --version` and `vis report` of a small run. Prints the medians of REPS runs as a markdown
# table: wall time (JVM start included), its ratio to the ideal (calls / concurrency x latency),
# CPU time (user + system), peak resident memory and failed tasks.
#   usage: src/bench/http.sh [reps]   (default 3)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
reps=${1:-3}
work=$(mktemp -d)
# shellcheck source=../../.mvn/jdk.sh
. "$root/.mvn/jdk.sh"
vis_find_jdk
servers=()
trap 'for s in "${servers[@]}"; do kill "$s" 2>/dev/null; done; rm -rf "$work"' EXIT
"$root/build" >&2

ports=()
start_server() { # name latency_ms pct_429 pct_500 -> sets $port (the server warms itself up first)
  port=$(( 20000 + RANDOM % 20000 ))
  "$JAVA_HOME/bin/java" "$root/src/bench/LatencyServer.java" "$port" "$2" "$3" "$4" > "$work/$1.log" 2>&1 &
  servers+=($!)
  ports+=("$1:$port")
  for _ in $(seq 1 600); do grep -q listening "$work/$1.log" && return; sleep 0.1; done
  echo "the fake server for $1 did not start" >&2; exit 1
}

write_spec() { # name port prompts samples concurrency
  {
    echo "version: 1"
    echo "name: bench-$1"
    echo "brands: [{name: Acme CRM, aliases: [Acme], domains: [acme.com]}, {name: Globex}, {name: Initech}]"
    echo "prompts:"
    for i in $(seq 1 "$3"); do echo "  - {id: p$i, text: \"Which CRM is best for team $i?\"}"; done
    echo "models: [{id: bench, provider: fake, model: bench-1}]"
    echo "providers:"
    echo "  fake: {type: openai-compatible, base_url: \"http://127.0.0.1:$2/v1\"}"
    echo "samples: $4"
    echo "concurrency: $5"
  } > "$work/$1.yaml"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

measure() { # label ideal_s command... ; prints one table row of medians
  local label=$1 ideal=$2; shift 2
  : > "$work/times"
  for _ in $(seq 1 "$reps"); do
    rm -f "$work/db.sqlite"*
    /usr/bin/time -f '%e %U %S %M' -o "$work/time1" "$@" --db "$work/db.sqlite" > /dev/null 2> "$work/stderr" || true
    local failed
    failed=$("$root/vis" runs --db "$work/db.sqlite" --format json 2>/dev/null \
      | grep -o '"failed" *: *[0-9]*' | head -1 | grep -o '[0-9]*$' || echo "-")
    echo "$(cat "$work/time1") ${failed:--}" >> "$work/times"
  done
  local wall cpu rss failed
  wall=$(awk '{ print $1 }' "$work/times" | median)
  cpu=$(awk '{ print $2 + $3 }' "$work/times" | median)
  rss=$(awk '{ print int($4 / 1024) }' "$work/times" | median)
  failed=$(awk '{ print $5 }' "$work/times" | sort -u | tr '\n' ' ')
  local ratio="-"
  [ "$ideal" != "-" ] && ratio=$(awk -v w="$wall" -v i="$ideal" 'BEGIN { printf "%.2f x", w / i }')
  printf '| %s | %s s | %s | %s s | %s MB | %s|\n' "$label" "$wall" "$ratio" "$cpu" "$rss" "$failed"
}

start_server s 100 0 0;   write_spec s "$port" 1 1 1
start_server a 100 0 0;   write_spec a "$port" 20 100 50
start_server b 100 0 0;   write_spec b "$port" 20 25 4
start_server c 100 5 5;   write_spec c "$port" 20 25 20

echo "| workload | wall (median of $reps) | × ideal | CPU | peak RSS | failed tasks |"
echo "|---|---|---|---|---|---|"
measure "S: one call" - "$root/vis" run "$work/s.yaml" --progress none
measure "A: 2,000 calls, concurrency 50, 100 ms" 4.0 "$root/vis" run "$work/a.yaml" --progress none
measure "B: 500 calls, concurrency 4, 100 ms" 12.5 "$root/vis" run "$work/b.yaml" --progress none
measure "C: 500 calls, concurrency 20, 5% 429 + 5% 500" 2.5 "$root/vis" run "$work/c.yaml" --progress none
"$root/vis" run "$work/s.yaml" --progress none --db "$work/small.sqlite" > /dev/null 2>&1
: > "$work/times"
for _ in $(seq 1 "$reps"); do
  /usr/bin/time -f '%e' -o "$work/time1" "$root/vis" report --db "$work/small.sqlite" > /dev/null 2>&1
  cat "$work/time1" >> "$work/times"
done
echo "| vis report (one-answer run) | $(median < "$work/times") s | - | - | - | - |"
: > "$work/times"
for _ in $(seq 1 "$reps"); do
  /usr/bin/time -f '%e' -o "$work/time1" "$root/vis" --version > /dev/null 2>&1
  cat "$work/time1" >> "$work/times"
done
echo "| vis --version | $(median < "$work/times") s | - | - | - | - |"
# how late the fake servers' answers left against their latency (their share of the overhead)
for entry in "${ports[@]}"; do
  exec 3<> "/dev/tcp/127.0.0.1/${entry#*:}"
  printf 'GET /stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  echo "fake server ${entry%%:*}: $(tail -n 1 <&3)"
  exec 3<&-
done
