#!/usr/bin/env bash
# OTLP trace ingestion benchmark: starts bot/target/detour.jar on embedded defaults (fresh H2, example config),
# runs bench/OtlpLoad.java against POST /v1/traces (exports of BATCH GenAI spans, CONCURRENCY senders, ENCODING
# protobuf or json) for DURATION seconds, and samples the bot's resident memory (RSS) and used heap every SAMPLE
# seconds. Build first: ./mvnw -B -q -DskipTests package (the generator takes opentelemetry-proto and
# protobuf-java from ~/.m2, where that build put them).   DURATION=600 bench/otlp.sh for the 10-minute run.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${DURATION:-60}
CONCURRENCY=${CONCURRENCY:-4}
BATCH=${BATCH:-512}
ENCODING=${ENCODING:-protobuf}
SAMPLE=${SAMPLE:-30}
PORT=${PORT:-18083}
TOKEN=bench-signal-token-0123456789
M2=${M2:-$HOME/.m2/repository}
PROTO_JARS="$M2/io/opentelemetry/proto/opentelemetry-proto/1.9.0-alpha/opentelemetry-proto-1.9.0-alpha.jar:$M2/com/google/protobuf/protobuf-java/4.33.5/protobuf-java-4.33.5.jar"
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
java -cp "$PROTO_JARS" bench/OtlpLoad.java "http://127.0.0.1:$PORT" "$TOKEN" "$SECONDS_TO_RUN" "$CONCURRENCY" \
    "$BATCH" 10 "$ENCODING"
wait $sampler 2>/dev/null || true
echo "spans Detour counted as outcomes (detour_signals_received_total, source otlp): $(curl -s "http://127.0.0.1:$PORT/metrics" \
    | awk '/^detour_signals_received_total\{.*source="otlp"/ {sum += $NF} END {printf "%.0f", sum}')"
curl -s "http://127.0.0.1:$PORT/metrics" | grep '^detour_otlp_spans_skipped_total' || true
echo "incidents opened during the run: $(curl -s "http://127.0.0.1:$PORT/api/incidents" | grep -o '"id":"INC-[0-9]*"' | wc -l)"
