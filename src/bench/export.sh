#!/usr/bin/env bash
# SPEC §9: `export` of a million rows with -Xmx256m. One run of ANSWERS sim answers (10 brands, so
# several mentions and citations per answer), then each table exported as jsonl and csv through the
# README's launcher with VIS_JAVA_OPTS=-Xmx256m: rows written, wall time (JVM start included), CPU
# (user + system), peak resident memory and the exit status. The rows column tells whether a table
# reached a million; raise ANSWERS until the mentions table does.
#   usage: src/bench/export.sh [answers]   (default 200000)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
answers=${1:-200000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/build" >&2
"$root/src/bench/bench-spec.sh" bench-export $(( answers / 100 )) > "$work/export.yaml"
run=$("$root/vis" run "$work/export.yaml" --db "$work/export.db" --progress none \
  --max-tasks "$answers" 2> /dev/null)

echo "| table, format | rows | wall | CPU | peak RSS | exit |"
echo "|---|---|---|---|---|---|"
for table in responses mentions citations; do
  for format in jsonl csv; do
    status=0
    VIS_JAVA_OPTS=-Xmx256m /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
      "$root/vis" export "$run" --db "$work/export.db" --table "$table" --format "$format" \
      > "$work/out" 2> "$work/err" || status=$?
    # a csv field may hold line breaks, so the row count is the jsonl export's (one line a row)
    [ "$format" = jsonl ] && rows=$(wc -l < "$work/out")
    awk -v l="$table, $format" -v r="$rows" -v s="$status" \
      '{ printf "| %s | %d | %s s | %.2f s | %d MB | %s |\n", l, r, $1, $2 + $3, $4 / 1024, s }' \
      "$work/time"
  done
done
