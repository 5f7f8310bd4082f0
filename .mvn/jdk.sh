# Sourced by ./vis, ./build and .ci/run: finds a JDK 21 or newer and exports JAVA_HOME.
# Order: $JAVA_HOME, the java on PATH, then the usual install folders. ./vis runs this before every
# command, so the common case (a good $JAVA_HOME) is answered with shell builtins alone.
# shellcheck shell=bash

vis_read_major() {
  # sets vis_major to the major version of the JDK in folder $1, or to nothing; the JDK's release
  # file is read first because starting a JVM just to ask its version costs tens of milliseconds
  local line
  vis_major=
  if [ -r "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in
        JAVA_VERSION=*)
          line=${line#JAVA_VERSION=}
          line=${line//\"/}
          vis_major=${line%%[!0-9]*}
          [ "$vis_major" = 1 ] && vis_major=8
          return 0 ;;
      esac
    done < "$1/release"
    return 0
  fi
  vis_major=$("$1/bin/java" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); if (v[1] == "1") print v[2]; else print v[1]; exit }')
}

vis_java_major() {
  # prints the major version of the java binary $1, or nothing
  vis_read_major "$(dirname "$(dirname "$1")")"
  echo "$vis_major"
}

vis_jdk_fits() {
  # $1: a folder, $2: "jdk" when javac is needed; exports JAVA_HOME=$1 when it holds a JDK 21+
  [ -x "$1/bin/java" ] || return 1
  [ "$2" = jdk ] && [ ! -x "$1/bin/javac" ] && return 1
  vis_read_major "$1"
  if [ -n "$vis_major" ] && [ "$vis_major" -ge 21 ] 2>/dev/null; then
    export JAVA_HOME="$1"
    return 0
  fi
  return 1
}

vis_find_jdk() {
  # $1: "jdk" when javac is needed (building), anything else to run only
  local need=${1:-jre} candidate
  [ -n "${JAVA_HOME:-}" ] && vis_jdk_fits "$JAVA_HOME" "$need" && return 0
  if command -v java >/dev/null 2>&1; then
    vis_jdk_fits "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" "$need" && return 0
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$candidate" ] && vis_jdk_fits "$candidate" "$need" && return 0
  done
  echo "vis: no JDK 21 or newer found (looked at \$JAVA_HOME, the java on PATH and /usr/lib/jvm)." >&2
  echo "     Install one (e.g. Temurin 21) or point JAVA_HOME at it." >&2
  return 1
}
