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
. bench/lib.sh
start_detour
java bench/OfrepLoad.java "http://127.0.0.1:$PORT" "$RATE" "$DURATION" "$BULK"
