#!/usr/bin/env bash
# Start-up benchmark: starts bot/target/detour.jar on embedded defaults RUNS times (fresh ./data each time),
# measures the wall time from launch to the first 200 from /health, and the resident memory (RSS) once healthy.
# Prints each run (wall time, the JVM's CPU time until healthy, RSS) and the medians. DETOUR_JAR starts another
# build (e.g. an older one, for a before/after in the same minutes). JAVA=/path/to/bin/java picks the JVM for the
# runs and the recording (default: `java` on PATH). CDS=true starts as the container image does: with the start-up
# archive deploy/record-cds.sh records first from one start-up with the same JVM, as deploy/Dockerfile records it
# (an AOT cache on JDK 25 and later, a class-data-sharing archive before). Build first: ./mvnw -B -q -DskipTests package
#
# The yardstick (FLOOR=true, the default): each run of Detour is followed by one of bench/floor, an application
# with no code of its own on the same framework (Micronaut's Netty server, Jackson and /health), packaged and
# started the same way (with its own archive when CDS=true). Its start is this machine's floor for a Micronaut
# start-up on that day; Detour's median is printed as a ratio to the floor's, which varies far less from one day
# (or machine) to the next than the absolute figure does (bench/RESULTS.md, "Start-up against its floor").
# FLOOR=false skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18080}
JAR=${DETOUR_JAR:-$(pwd)/bot/target/detour.jar}
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
JAVA=${JAVA:-java}
FLOOR=${FLOOR:-true}
FLOOR_JAR=$(pwd)/bench/floor/target/floor.jar
if [ "$FLOOR" = true ]; then
  # Built on demand (not part of the reactor build); quick once the parent build has fetched its modules.
  if [ ! -f "$FLOOR_JAR" ] || [ -n "$(find bench/floor/pom.xml bench/floor/src -newer "$FLOOR_JAR" -type f)" ]; then
    ./mvnw -B -q -f bench/floor/pom.xml -DskipTests package >/dev/null
  fi
fi
echo "JVM: $(command -v "$JAVA") ($("$JAVA" -version 2>&1 | grep -m1 -i 'version'))"
feature=$("$JAVA" -XshowSettings:properties -version 2>&1 \
  | awk -F' = ' '/^ *java\.specification\.version = / {print $2}')

# The JVM options that start JAR with its archive (none unless CDS=true); records the archive first.
# CDS_ARCHIVE reuses an archive recorded earlier from the same jar and JVM (for runs interleaved with another build's).
archive_options() {
  local jar=$1 archive=$2
  [ "${CDS:-false}" = true ] || return 0
  if [ -z "$archive" ]; then
    archive=$(mktemp -d)/archive.$([ "$feature" -ge 25 ] && echo aot || echo jsa)
    JAVA=$JAVA deploy/record-cds.sh "$jar" "$archive" >&2
  fi
  if [ "$feature" -ge 25 ]; then echo "-XX:AOTCache=$archive"; else echo "-XX:SharedArchiveFile=$archive"; fi
}
detour_opts=$(archive_options "$JAR" "${CDS_ARCHIVE:-}")
[ "$FLOOR" = true ] && floor_opts=$(archive_options "$FLOOR_JAR" "")

# One start of JAR in a fresh folder; prints "wall-ms cpu-ms rss-mb".
start_once() {
  local jar=$1 opts=$2 work pid start end kb cpu
  work=$(mktemp -d)
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # opts is empty or one option
  (cd "$work" && exec env -u DETOUR_CONFIG -u DATASOURCES_DEFAULT_URL MICRONAUT_SERVER_PORT=$PORT \
      "$JAVA" $opts -jar "$jar" >"$work/app.log" 2>&1) &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  # $pid is the JVM itself (the subshell execs env, which execs java): never look it up by name, other jars run too.
  kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  # CPU time of the JVM until healthy (utime + stime, in clock ticks), far less disturbed by a loaded machine.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$work"
  echo "$(( (end - start) / 1000000 )) $cpu $(( kb / 1024 ))"
}

times=(); rss=(); cpus=(); floor_times=(); floor_cpus=()
for run in $(seq 1 "$RUNS"); do
  read -r ms cpu mb < <(start_once "$JAR" "$detour_opts")
  times+=("$ms"); rss+=("$mb"); cpus+=("$cpu")
  line="run $run: healthy after ${ms} ms, CPU ${cpu} ms, RSS ${mb} MB"
  if [ "$FLOOR" = true ]; then
    read -r ms cpu mb < <(start_once "$FLOOR_JAR" "$floor_opts")
    floor_times+=("$ms"); floor_cpus+=("$cpu")
    line="$line; floor ${ms} ms, CPU ${cpu} ms"
  fi
  echo "$line"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: healthy after $(median "${times[@]}") ms, CPU $(median "${cpus[@]}") ms, RSS $(median "${rss[@]}") MB ($RUNS runs)"
if [ "$FLOOR" = true ]; then
  detour_ms=$(median "${times[@]}"); floor_ms=$(median "${floor_times[@]}")
  detour_cpu=$(median "${cpus[@]}"); floor_cpu=$(median "${floor_cpus[@]}")
  echo "floor (bench/floor, same JVM and archive kind): healthy after ${floor_ms} ms, CPU ${floor_cpu} ms"
  echo "ratio to the floor: wall $(awk -v a="$detour_ms" -v b="$floor_ms" 'BEGIN {printf "%.2f", a / b}')," \
    "CPU $(awk -v a="$detour_cpu" -v b="$floor_cpu" 'BEGIN {printf "%.2f", a / b}')"
fi
