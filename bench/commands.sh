#!/usr/bin/env bash
# Slash-command acknowledgement benchmark: starts bot/target/detour.jar on embedded defaults with Slack settings
# pointing at bench/CommandLoad.java's fake Slack, then sends BURSTS bursts of CONCURRENCY signed `/detour status`
# requests at the same instant, PAUSE_MS apart (SPREAD=true: each round's requests spread evenly over PAUSE_MS,
# a steady CONCURRENCY per PAUSE_MS over CONCURRENCY connections), and prints the acknowledgement latency
# percentiles. WARMUP bursts (default 100, 250 ms apart) come first and are not counted: until the JIT compiler
# has compiled the request path it takes most of the two cores. Build first:
# ./mvnw -B -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
CONCURRENCY=${CONCURRENCY:-200}
BURSTS=${BURSTS:-30}
PAUSE_MS=${PAUSE_MS:-2000}
PORT=${PORT:-18084}
FAKE_PORT=${FAKE_PORT:-18085}
SECRET=bench-signing-secret-0123456789abcdef
. bench/lib.sh
start_detour SLACK_BOT_TOKEN=xoxb-0000000000-0000000000-benchbenchbenchbenchbenc SLACK_SIGNING_SECRET=$SECRET \
  SLACK_API_URL="http://127.0.0.1:$FAKE_PORT/api/"
java -Dtext="${TEXT:-status}" -Dspread="${SPREAD:-false}" -Dwarmup="${WARMUP:-100}" bench/CommandLoad.java "http://127.0.0.1:$PORT" "$SECRET" "$FAKE_PORT" "$CONCURRENCY" "$BURSTS" "$PAUSE_MS" \
  >"$work/latencies.txt"
bench/percentiles.sh "$work/latencies.txt"
