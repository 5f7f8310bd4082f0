# Sourced by ./vis, ./build and .ci/run: finds a JDK 21 or newer and exports JAVA_HOME.
# Order: $JAVA_HOME, the java on PATH, then the usual install folders.
# shellcheck shell=bash

vis_java_major() {
  # prints the major version of the java binary $1, or nothing; the JDK's release file is read
  # first because starting a JVM just to ask its version costs tens of milliseconds
  local release
  release="$(dirname "$(dirname "$1")")/release"
  if [ -r "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | sed 's/^1$/8/' | head -1
    return
  fi
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); if (v[1] == "1") print v[2]; else print v[1]; exit }'
}

vis_find_jdk() {
  # $1: "jdk" when javac is needed (building), anything else to run only
  local need=${1:-jre} candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] || continue
    [ "$need" = jdk ] && [ ! -x "$candidate/bin/javac" ] && continue
    major=$(vis_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "vis: no JDK 21 or newer found (looked at \$JAVA_HOME, the java on PATH and /usr/lib/jvm)." >&2
  echo "     Install one (e.g. Temurin 21) or point JAVA_HOME at it." >&2
  return 1
}
