#!/usr/bin/env bash
# Start-up benchmark: starts bot/target/detour.jar on embedded defaults RUNS times (fresh ./data each time),
# measures the wall time from launch to the first 200 from /health, and the resident memory (RSS) once healthy.
# Prints each run and the medians. CDS=true starts as the container image does: with a class-data-sharing archive
# recorded first by deploy/record-cds.sh from one start-up, as deploy/Dockerfile records it. Build first: ./mvnw -B -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18080}
JAR=$(pwd)/bot/target/detour.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
times=(); rss=()
java_opts=()
if [ "${CDS:-false}" = true ]; then
  archive=$(mktemp -d)/detour.jsa
  deploy/record-cds.sh "$JAR" "$archive"
  java_opts=(-XX:SharedArchiveFile="$archive")
fi
for run in $(seq 1 "$RUNS"); do
  work=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$work" && exec env -u DETOUR_CONFIG -u DATASOURCES_DEFAULT_URL MICRONAUT_SERVER_PORT=$PORT \
      java "${java_opts[@]}" -jar "$JAR" >"$work/detour.log" 2>&1) &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$work/detour.log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  java_pid=$(pgrep -f "$JAR" | head -1)
  kb=$(awk '/VmRSS/ {print $2}' "/proc/$java_pid/status")
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$work"
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms"); rss+=("$(( kb / 1024 ))")
  echo "run $run: healthy after ${ms} ms, RSS $(( kb / 1024 )) MB"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: healthy after $(median "${times[@]}") ms, RSS $(median "${rss[@]}") MB ($RUNS runs)"
