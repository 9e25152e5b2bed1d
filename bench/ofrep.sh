#!/usr/bin/env bash
# OFREP benchmark: starts bot/target/detour.jar on embedded defaults and runs bench/OfrepLoad.java against it:
# RATE single-flag evaluations per second for DURATION seconds (latency measured from each request's scheduled
# start), then BULK bulk evaluations. Build first: ./mvnw -B -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-500}
DURATION=${DURATION:-60}
BULK=${BULK:-5000}
PORT=${PORT:-18082}
JAR=$(pwd)/bot/target/detour.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
(cd "$work" && exec env -u DETOUR_CONFIG -u DATASOURCES_DEFAULT_URL -u DETOUR_API_TOKEN MICRONAUT_SERVER_PORT=$PORT \
    DETOUR_STATUSPAGE_POLL=false java ${JAVA_OPTS:-} -jar "$JAR" >"$work/detour.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do
  kill -0 $pid 2>/dev/null || { cat "$work/detour.log" >&2; exit 1; }
  sleep 0.1
done
java bench/OfrepLoad.java "http://127.0.0.1:$PORT" "$RATE" "$DURATION" "$BULK"
