#!/usr/bin/env bash
# Start-up benchmark: starts bot/target/detour.jar on embedded defaults RUNS times (fresh ./data each time),
# measures the wall time from launch to the first 200 from /health, and the resident memory (RSS) once healthy.
# Prints each run (wall time, the JVM's CPU time until healthy, RSS) and the medians. DETOUR_JAR starts another
# build (e.g. an older one, for a before/after in the same minutes). JAVA=/path/to/bin/java picks the JVM for the
# runs and the recording (default: `java` on PATH). CDS=true starts as the container image does: with the start-up
# archive deploy/record-cds.sh records first from one start-up with the same JVM, as deploy/Dockerfile records it
# (an AOT cache on JDK 25 and later, a class-data-sharing archive before). Build first: ./mvnw -B -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18080}
JAR=${DETOUR_JAR:-$(pwd)/bot/target/detour.jar}
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
JAVA=${JAVA:-java}
echo "JVM: $(command -v "$JAVA") ($("$JAVA" -version 2>&1 | grep -m1 -i 'version'))"
times=(); rss=(); cpus=()
java_opts=()
if [ "${CDS:-false}" = true ]; then
  feature=$("$JAVA" -XshowSettings:properties -version 2>&1 \
    | awk -F' = ' '/^ *java\.specification\.version = / {print $2}')
  # CDS_ARCHIVE reuses an archive recorded earlier from the same jar and JVM (for runs interleaved with another
  # build's).
  archive=${CDS_ARCHIVE:-}
  if [ -z "$archive" ]; then
    archive=$(mktemp -d)/detour.$([ "$feature" -ge 25 ] && echo aot || echo jsa)
    JAVA=$JAVA deploy/record-cds.sh "$JAR" "$archive"
  fi
  if [ "$feature" -ge 25 ]; then
    java_opts=(-XX:AOTCache="$archive")
  else
    java_opts=(-XX:SharedArchiveFile="$archive")
  fi
fi
for run in $(seq 1 "$RUNS"); do
  work=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$work" && exec env -u DETOUR_CONFIG -u DATASOURCES_DEFAULT_URL MICRONAUT_SERVER_PORT=$PORT \
      "$JAVA" "${java_opts[@]}" -jar "$JAR" >"$work/detour.log" 2>&1) &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$work/detour.log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  # $pid is the JVM itself (the subshell execs env, which execs java): never look it up by name, other jars run too.
  kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  # CPU time of the JVM until healthy (utime + stime, in clock ticks), far less disturbed by a loaded machine.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$work"
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms"); rss+=("$(( kb / 1024 ))"); cpus+=("$cpu")
  echo "run $run: healthy after ${ms} ms, CPU ${cpu} ms, RSS $(( kb / 1024 )) MB"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: healthy after $(median "${times[@]}") ms, CPU $(median "${cpus[@]}") ms, RSS $(median "${rss[@]}") MB ($RUNS runs)"
