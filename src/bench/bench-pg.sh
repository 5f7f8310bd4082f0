# Sourced by the benchmarks that need PostgreSQL: bench_pg WORK prints the URL of the database to
# use, VIS_BENCH_PG (an empty database vis may fill) if set, else that of a throwaway server from the
# test suite's own Maven artifact (EmbeddedPostgresServer.java on the test classpath), started in
# the background; its pid is in $bench_pg_pid (empty when none was started). Needs $root and
# $JAVA_HOME.
bench_pg() {
  bench_pg_pid=
  if [ -n "${VIS_BENCH_PG:-}" ]; then
    echo "$VIS_BENCH_PG"
    return
  fi
  (cd "$root" && ./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$1/cp.txt" > /dev/null)
  "$JAVA_HOME/bin/java" -cp "$(cat "$1/cp.txt")" "$root/src/bench/EmbeddedPostgresServer.java" \
    > "$1/pg.log" 2>&1 &
  bench_pg_pid=$!
  for _ in $(seq 1 600); do
    if grep -qs "^vis-bench-port " "$1/pg.log"; then
      echo "postgresql://postgres@127.0.0.1:$(awk '$1 == "vis-bench-port" { print $2; exit }' "$1/pg.log")/postgres"
      return
    fi
    sleep 0.1
  done
  echo "no PostgreSQL server started:" >&2
  cat "$1/pg.log" >&2
  return 1
}
