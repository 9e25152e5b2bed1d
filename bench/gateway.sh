#!/usr/bin/env bash
# Gateway ingestion benchmark: starts bot/target/detour.jar on embedded defaults (fresh H2, example config),
# runs bench/GatewayLoad.java against POST /signals/gateway (batches of BATCH outcomes, CONCURRENCY senders) for
# SECONDS, and samples the bot's resident memory (RSS) and used heap every SAMPLE seconds.
# Build first: ./mvnw -B -q -DskipTests package.   DURATION=600 bench/gateway.sh for the 10-minute run;
# JAVA_OPTS (e.g. -Xmx256m) go to the bot's JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${DURATION:-60}
CONCURRENCY=${CONCURRENCY:-4}
BATCH=${BATCH:-500}
SAMPLE=${SAMPLE:-30}
PORT=${PORT:-18081}
TOKEN=bench-signal-token-0123456789
. bench/lib.sh
start_detour DETOUR_SIGNAL_TOKEN=$TOKEN
sample() {
  local kb heap
  kb=$(awk '/VmRSS/ {print $2}' "/proc/$java_pid/status")
  heap=$(jcmd "$java_pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap|total/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')
  echo "memory: t=$1s RSS $(( kb / 1024 )) MB, heap used ${heap:-?}"
}
sample 0
( for t in $(seq "$SAMPLE" "$SAMPLE" "$SECONDS_TO_RUN"); do sleep "$SAMPLE"; sample "$t"; done ) &
sampler=$!
java bench/GatewayLoad.java "http://127.0.0.1:$PORT" "$TOKEN" "$SECONDS_TO_RUN" "$CONCURRENCY" "$BATCH" 10
wait $sampler 2>/dev/null || true
echo "incidents opened during the run: $(curl -s "http://127.0.0.1:$PORT/api/incidents" | grep -o '"id":"INC-[0-9]*"' | wc -l)"
