#!/usr/bin/env bash
# The analyst's view at scale: `vis report` (md, html, json) of one run of ANSWERS sim answers,
# `vis trend` (md, html) of RUNS runs of 1,000 answers each, and the size of the HTML report of a
# run of 100 prompts x 10 models (3 samples). Wall time (JVM start included) and CPU (user + system)
# of each command, through the README's launcher.
#   usage: src/bench/analyst.sh [answers] [runs]   (default 100000 30)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
answers=${1:-100000}; runs=${2:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/build" >&2

timed() { # label command... -> one table row
  local label=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" > "$work/out" 2> /dev/null
  awk -v l="$label" '{ printf "| %s | %s s | %.2f s | %d MB |\n", l, $1, $2 + $3, $4 / 1024 }' "$work/time"
}

echo "| command | wall | CPU | peak RSS |"
echo "|---|---|---|---|"
"$root/src/bench/bench-spec.sh" bench-report $(( answers / 100 )) > "$work/report.yaml"
big=$("$root/vis" run "$work/report.yaml" --db "$work/report.db" --progress none 2> /dev/null)
for format in md html json; do
  timed "report --format $format, $answers answers" \
    "$root/vis" report "$big" --db "$work/report.db" --format "$format"
done

"$root/src/bench/bench-spec.sh" bench-trend 10 > "$work/trend.yaml"
for i in $(seq 1 "$runs"); do
  sed "s/sim: {seed: \([0-9]*\)}/sim: {seed: \1$i}/" "$work/trend.yaml" > "$work/trend-$i.yaml"
  "$root/vis" run "$work/trend-$i.yaml" --db "$work/trend.db" --progress none > /dev/null 2>&1
done
for format in md html; do
  timed "trend --format $format, $runs runs x 1,000 answers" \
    "$root/vis" trend bench-trend --db "$work/trend.db" --format "$format"
done

"$root/src/bench/bench-spec.sh" bench-html 3 100 10 > "$work/html.yaml"
"$root/vis" run "$work/html.yaml" --db "$work/html.db" --progress none > /dev/null 2>&1
"$root/vis" report --db "$work/html.db" --format html --out "$work/report.html" 2> /dev/null
echo
echo "HTML report of 100 prompts x 10 models x 10 brands (3 samples): $(wc -c < "$work/report.html") bytes"
