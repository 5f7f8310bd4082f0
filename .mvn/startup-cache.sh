# Sourced by ./vis and ./build after .mvn/jdk.sh: the JDK start-up cache of target/vis.jar. On
# JDK 25+ an AOT cache (JEP 483/514), on JDK 21-24 an AppCDS archive, recorded from a training
# run (dev.vis.cli.StartupTraining: a tiny sim run, one over local HTTP, reports) and kept per
# JDK under target/startup/. A cache older than the jar is rebuilt; where the JDK cannot make one
# (or the folder is read-only) vis runs without, and a cache the JVM rejects (another JDK, another
# jar) is ignored quietly. The JVM does not checksum a cache it maps (-XX:+VerifySharedSpaces costs
# 0.3 s), and a damaged one can crash it: a cache whose size, time or inode changed since it was
# recorded is recorded again instead. VIS_STARTUP_CACHE=off turns it off. On JDK 25+ the
# recording also writes the jar's Java 5 class files (picocli's), which the AOT cache refuses, as
# Java 8 ones (.mvn/OldClassUpgrade.java) into a small jar beside the cache, first on the class path
# of the training and of every command that uses the cache.
# shellcheck shell=bash

# where this file is, for OldClassUpgrade.java beside it (a builtin: ./vis sources this each time)
vis_mvn_dir=${BASH_SOURCE[0]%/*}

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
  # $@: files; prints each one's size, modification time and inode on a line (GNU stat, to the
  # nanosecond: a cache damaged within the second it was recorded in must not pass; then BSD stat)
  stat -c '%s %.9Y %i' "$@" 2>/dev/null || stat -f '%z %m %i' "$@" 2>/dev/null
}

vis_upgraded_jar() {
  # $1: the cache; prints the jar of its upgraded class files (OldClassUpgrade.java)
  echo "${1%.*}-upgraded.jar"
}

vis_cache_usable() {
  # $1: the cache, $2: the jar; whether the cache was recorded for this jar and is as recorded, and
  # so is its jar of upgraded classes when it was recorded with one (the stamp's second line); sets
  # vis_upgraded to that jar, or to nothing
  local recorded= upgraded= now
  vis_upgraded=
  [ "$1" -nt "$2" ] && [ -f "$1.stamp" ] || return 1
  { read -r recorded && { read -r upgraded || true; }; } < "$1.stamp" || return 1
  if [ -z "$upgraded" ]; then
    [ "$(vis_file_stamp "$1")" = "$recorded" ]
    return
  fi
  vis_upgraded=${1%.*}-upgraded.jar
  now=$(vis_file_stamp "$1" "$vis_upgraded") || true
  [ "$now" = "$recorded"$'\n'"$upgraded" ] || { vis_upgraded=; return 1; }
}

vis_train_cache() {
  # $1: the jar; records its start-up cache for $JAVA_HOME, or leaves a .failed mark saying why not
  [ "${VIS_STARTUP_CACHE:-}" = off ] && return 0
  local jar=$1 cache dir work tmp record vis_cache upgraded= classpath=$1
  vis_cache_file "$jar"
  cache=$vis_cache
  dir=${cache%/*}
  mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ] || return 0
  work=$(mktemp -d) || return 0
  tmp="$cache.$$.tmp"
  echo "vis: recording a start-up cache for this JDK (a few seconds, once per build)..." >&2
  rm -f "$(vis_upgraded_jar "$cache")" "$cache.noreplay"
  case "$cache" in
    *.aot)
      record=(-XX:AOTCacheOutput="$tmp")
      # without it, picocli's classes and every class of vis that implements one of them load
      # from the jar, verified by the old verifier, on every command
      if [ -f "$vis_mvn_dir/OldClassUpgrade.java" ] \
        && "$JAVA_HOME/bin/java" "$vis_mvn_dir/OldClassUpgrade.java" "$jar" "$tmp.jar" \
          > "$cache.log" 2>&1 && [ -s "$tmp.jar" ]; then
        upgraded=$(vis_upgraded_jar "$cache")
        mv -f "$tmp.jar" "$upgraded"
        classpath="$upgraded:$jar"
      fi ;;
    *) record=(-XX:ArchiveClassesAtExit="$tmp") ;;
  esac
  if "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "${record[@]}" -Dvis.cache="$dir" \
      -cp "$classpath" dev.vis.cli.StartupTraining "$work" >> "$cache.log" 2>&1 && [ -s "$tmp" ]; then
    mv -f "$tmp" "$cache"
    vis_file_stamp "$cache" ${upgraded:+"$upgraded"} > "$cache.stamp"
    rm -f "$cache.failed"
    # a diagnostic flag, so asked of this JDK once here: a JDK without it would refuse to start
    case "$cache" in
      *.aot) if "$JAVA_HOME/bin/java" "${VIS_NO_REPLAY_FLAGS[@]}" -version > /dev/null 2>&1; then
          touch "$cache.noreplay"
        fi ;;
    esac
  else
    rm -f "$tmp" ${upgraded:+"$upgraded"}
    touch "$cache.failed"
  fi
  rm -rf "$work" "$tmp.config" "$tmp.jar"
  return 0
}

# Whether the JVM compiles at start what the training run compiled (the AOT cache's profiles): on C1
# alone that costs more than it saves for a short command (docs/benchmarks.md: a one-call run took
# 0.93 s of CPU without it against 1.06 s with it, medians of 7)
VIS_NO_REPLAY_FLAGS=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining)

vis_cache_flags() {
  # $1: the jar; sets the array VIS_CACHE_FLAGS to the JVM options that use its start-up cache,
  # VIS_CACHE_C1_FLAGS to those that serve it under C1 alone, and VIS_LAUNCH to what runs the jar
  # after them, recording the cache first when it is missing or older than the jar (unless that
  # failed for this jar already)
  VIS_CACHE_FLAGS=()
  VIS_CACHE_C1_FLAGS=()
  VIS_LAUNCH=(-jar "$1")
  [ "${VIS_STARTUP_CACHE:-}" = off ] && return 0
  local jar=$1 cache vis_cache vis_upgraded usable=
  vis_cache_file "$jar"
  cache=$vis_cache
  if vis_cache_usable "$cache" "$jar"; then
    usable=1
  elif [ ! "$cache.failed" -nt "$jar" ]; then
    vis_train_cache "$jar"
    vis_cache_usable "$cache" "$jar" && usable=1
  fi
  # the store keeps SQLite's native library there too (dev.vis.store.SqliteNativeLibrary)
  [ -d "${cache%/*}" ] && VIS_CACHE_FLAGS=(-Dvis.cache="${cache%/*}")
  [ -n "$usable" ] || return 0
  # the class path the cache was recorded with (the JVM ignores the cache under any other), so
  # the jar's Main-Class named here
  [ -n "$vis_upgraded" ] && VIS_LAUNCH=(-cp "$vis_upgraded:$jar" dev.vis.cli.Main)
  # the JVM prints a rejected cache's complaints on stdout, where vis's output goes: silence them
  case "$cache" in
    *.aot) VIS_CACHE_FLAGS+=(-XX:AOTCache="$cache" -Xlog:aot*=off -Xlog:cds*=off)
      if [ -f "$cache.noreplay" ]; then VIS_CACHE_C1_FLAGS=("${VIS_NO_REPLAY_FLAGS[@]}"); fi ;;
    *) VIS_CACHE_FLAGS+=(-XX:SharedArchiveFile="$cache" -Xlog:cds*=off) ;;
  esac
}
