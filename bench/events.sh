#!/usr/bin/env bash
# OFREP event-stream benchmark: starts bot/target/detour.jar on embedded defaults with SAMPLES models of a
# provider that switches its models off by itself, installs the pinned OpenFeature web packages
# (bot/src/test/node/ofrep-web-client's lockfile) and runs bench/EventsLoad.mjs with Node 20:
#   latency: CLIENTS raw event streams + WEB_CLIENTS web providers; SAMPLES flag flips by gateway batches;
#   idle:    IDLE raw event streams held open; the bot's resident memory read after HOLD seconds.
# PER_SAMPLE=1 adds one line per flip (its first, median and last arrival).
# Build first: ./mvnw -B -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-1000}
WEB_CLIENTS=${WEB_CLIENTS:-20}
SAMPLES=${SAMPLES:-30}
IDLE=${IDLE:-5000}
HOLD=${HOLD:-40}
PORT=${PORT:-18087}
TOKEN=bench-signal-token
config=$(mktemp --suffix=.yml)
node_dir=$(mktemp -d)
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
cp bot/src/test/node/ofrep-web-client/package.json bot/src/test/node/ofrep-web-client/package-lock.json \
  bench/EventsLoad.mjs "$node_dir/"
(cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
. bench/lib.sh
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$java_pid/status"; }
streams=$(( IDLE > CLIENTS + WEB_CLIENTS ? IDLE : CLIENTS + WEB_CLIENTS ))
start_detour DETOUR_CONFIG="$config" DETOUR_SIGNAL_TOKEN=$TOKEN DETOUR_OFREP_MAX_CONNECTIONS=$((streams + 100))
trap 'peak_rss; kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work" "$config" "$node_dir"' EXIT
echo "== latency: $CLIENTS streams, $WEB_CLIENTS web providers, $SAMPLES flips"
node "$node_dir/EventsLoad.mjs" latency "http://127.0.0.1:$PORT" "$TOKEN" "$CLIENTS" "$SAMPLES" "$WEB_CLIENTS"
sleep 2
echo "== idle: $IDLE streams held ${HOLD}s (RSS before: $(rss) MB)"
node "$node_dir/EventsLoad.mjs" idle "http://127.0.0.1:$PORT" - "$IDLE" "$HOLD" >"$work/idle.out" &
node_pid=$!
until grep -q ready "$work/idle.out" 2>/dev/null; do kill -0 $node_pid || { cat "$work/idle.out"; exit 1; }; sleep 0.5; done
echo "all $IDLE connected: RSS $(rss) MB; streams by /metrics: $(curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^detour_ofrep_event_streams / {print $2}')"
sleep $((HOLD / 2))
echo "after $((HOLD / 2)) s idle (heartbeats every 15 s): RSS $(rss) MB"
wait $node_pid
