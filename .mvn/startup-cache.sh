# Sourced by ./vis and ./build after .mvn/jdk.sh: the JDK start-up cache of target/vis.jar. On
# JDK 25+ an AOT cache (JEP 483/514), on JDK 21-24 an AppCDS archive, recorded from a training
# run (dev.vis.cli.StartupTraining: a tiny sim run, one over local HTTP, reports) and kept per
# JDK under target/startup/. A cache older than the jar is rebuilt; where the JDK cannot make one
# (or the folder is read-only) vis runs without, and a cache the JVM rejects (another JDK, another
# jar) is ignored quietly. The JVM does not checksum a cache it maps (-XX:+VerifySharedSpaces costs
# 0.3 s), and a damaged one can crash it: a cache whose size, time or inode changed since it was
# recorded is recorded again instead. VIS_STARTUP_CACHE=off turns it off.
# shellcheck shell=bash

vis_cache_file() {
  # $1: the jar; sets vis_cache to its cache file for the JDK in $JAVA_HOME, named for that JDK's
  # build and folder (shell builtins only: ./vis runs this before every command)
  local line runtime= key=0 i c
  vis_read_major "$JAVA_HOME"
  if [ -r "$JAVA_HOME/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in JAVA_RUNTIME_VERSION=*) runtime=${line#JAVA_RUNTIME_VERSION=} ;; esac
    done < "$JAVA_HOME/release"
  fi
  runtime=${runtime//[!A-Za-z0-9.+-]/}
  for ((i = 0; i < ${#JAVA_HOME}; i++)); do
    printf -v c '%d' "'${JAVA_HOME:i:1}"
    key=$(((key * 31 + c) % 4294967296))
  done
  vis_cache="${1%/*}/startup/jdk${runtime:-$vis_major}-$key"
  if [ "$vis_major" -ge 25 ] 2>/dev/null; then
    vis_cache+=.aot
  else
    vis_cache+=.jsa
  fi
}

vis_file_stamp() {
  # $1: a file; prints its size, modification time and inode (GNU stat, to the nanosecond: a cache
  # damaged within the second it was recorded in must not pass; then BSD stat)
  stat -c '%s %.9Y %i' "$1" 2>/dev/null || stat -f '%z %m %i' "$1" 2>/dev/null
}

vis_cache_usable() {
  # $1: the cache, $2: the jar; whether the cache was recorded for this jar and is as recorded
  local recorded=
  [ "$1" -nt "$2" ] && [ -f "$1.stamp" ] && read -r recorded < "$1.stamp" \
    && [ "$(vis_file_stamp "$1")" = "$recorded" ]
}

vis_train_cache() {
  # $1: the jar; records its start-up cache for $JAVA_HOME, or leaves a .failed mark saying why not
  [ "${VIS_STARTUP_CACHE:-}" = off ] && return 0
  local jar=$1 cache dir work tmp record vis_cache
  vis_cache_file "$jar"
  cache=$vis_cache
  dir=${cache%/*}
  mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ] || return 0
  work=$(mktemp -d) || return 0
  tmp="$cache.$$.tmp"
  case "$cache" in
    *.aot) record=(-XX:AOTCacheOutput="$tmp") ;;
    *) record=(-XX:ArchiveClassesAtExit="$tmp") ;;
  esac
  echo "vis: recording a start-up cache for this JDK (a few seconds, once per build)..." >&2
  if "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "${record[@]}" -Dvis.cache="$dir" \
      -cp "$jar" dev.vis.cli.StartupTraining "$work" > "$cache.log" 2>&1 && [ -s "$tmp" ]; then
    mv -f "$tmp" "$cache"
    vis_file_stamp "$cache" > "$cache.stamp"
    rm -f "$cache.failed"
  else
    rm -f "$tmp"
    touch "$cache.failed"
  fi
  rm -rf "$work" "$tmp.config"
  return 0
}

vis_cache_flags() {
  # $1: the jar; sets the array VIS_CACHE_FLAGS to the JVM options that use its start-up cache,
  # recording the cache first when it is missing or older than the jar (unless that failed for
  # this jar already)
  VIS_CACHE_FLAGS=()
  [ "${VIS_STARTUP_CACHE:-}" = off ] && return 0
  local jar=$1 cache vis_cache
  vis_cache_file "$jar"
  cache=$vis_cache
  if ! vis_cache_usable "$cache" "$jar" && [ ! "$cache.failed" -nt "$jar" ]; then
    vis_train_cache "$jar"
  fi
  # the store keeps SQLite's native library there too (dev.vis.store.SqliteNativeLibrary)
  [ -d "${cache%/*}" ] && VIS_CACHE_FLAGS=(-Dvis.cache="${cache%/*}")
  vis_cache_usable "$cache" "$jar" || return 0
  # the JVM prints a rejected cache's complaints on stdout, where vis's output goes: silence them
  case "$cache" in
    *.aot) VIS_CACHE_FLAGS+=(-XX:AOTCache="$cache" -Xlog:aot*=off -Xlog:cds*=off) ;;
    *) VIS_CACHE_FLAGS+=(-XX:SharedArchiveFile="$cache" -Xlog:cds*=off) ;;
  esac
}
