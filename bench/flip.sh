#!/usr/bin/env bash
# Gateway-to-flag benchmark: starts bot/target/detour.jar on embedded defaults with a catalog of MODELS models of
# a provider that switches its models off by itself, then runs bench/FlipLatency.java: one threshold-crossing
# gateway batch per model, timed until OFREP serves the flipped flag. Build first: ./mvnw -B -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLES=${SAMPLES:-100}
PORT=${PORT:-18086}
TOKEN=bench-signal-token
config=$(mktemp --suffix=.yml)
{
  echo "detour:"
  echo "  providers:"
  echo "    - id: bench"
  echo "      name: Bench"
  echo "      auto-disable: true"
  echo "      models:"
  for i in $(seq 0 $((SAMPLES - 1))); do printf '        - { id: m%03d, name: "Model %d" }\n' "$i" "$i"; done
  echo "    - id: openai"
  echo "      name: OpenAI"
  echo "      models:"
  echo "        - { id: gpt-5, name: GPT-5 }"
  echo "  task-classes:"
  echo "    - { id: meeting-summary, name: Meeting summaries, route: [m000, gpt-5], failover: auto }"
  echo "  slack: { incident-channel: C0INCIDENTS, on-call: [U0ALICE] }"
} >"$config"
. bench/lib.sh
start_detour DETOUR_CONFIG="$config" DETOUR_SIGNAL_TOKEN=$TOKEN
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work" "$config"' EXIT
java bench/FlipLatency.java "http://127.0.0.1:$PORT" "$TOKEN" "$SAMPLES" >"$work/latencies.txt"
bench/percentiles.sh "$work/latencies.txt"
