#!/usr/bin/env bash
# OFREP against the machine's own limit (issue 21): nginx (Debian nginx-light, installed if missing) answering a
# fixed OFREP-shaped JSON body to any request is the yardstick. The same closed-loop wrk load
# (`wrk -t2 -c64 -d DURATION`, bench/ofrep.lua: POST, JSON context, bearer token) runs against nginx, Detour's
# single-flag `POST /ofrep/v1/evaluate/flags/{key}` and bulk `POST /ofrep/v1/evaluate/flags`, and nginx again;
# Detour's requests/s are printed as a ratio to the mean of the two nginx runs. Then an open-loop OPEN_RATE/s
# (default 10,000) single-flag run with bench/OpenLoop.java gives the latency percentiles from each request's
# scheduled time. Detour runs with DETOUR_API_TOKEN set, so the bearer check is on the measured path.
# GATEWAY=true (the default) adds gateway ingestion: the same wrk load posting batches of BATCH (500) outcomes
# (bench/gateway.lua) to nginx and to Detour's `POST /signals/gateway`, as requests/s and outcomes/s with the ratio.
# Everything runs on this machine: client and servers share its cores. Build first:
# ./mvnw -B -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-64}
OPEN_RATE=${OPEN_RATE:-10000}
OPEN_SECONDS=${OPEN_SECONDS:-30}
# Free ports unless given: other builds and benchmarks may hold fixed ones.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=${PORT:-$(free_port)}
NGINX_PORT=${NGINX_PORT:-$(free_port)}
FLAG=${FLAG:-route.meeting-summary}
GATEWAY=${GATEWAY:-true}
export BATCH=${BATCH:-500}
export BENCH_TOKEN=bench-api-token-0123456789abcdef
export BENCH_SIGNAL_TOKEN=bench-signal-token-0123456789

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "installing nginx-light (the yardstick)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q nginx-light >&2; else sudo apt-get install -y -q nginx-light >&2; fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

. bench/lib.sh
start_detour DETOUR_API_TOKEN=$BENCH_TOKEN DETOUR_SIGNAL_TOKEN=$BENCH_SIGNAL_TOKEN

# nginx answers what Detour answers for $FLAG, byte for byte, from its own folder (no root paths).
body=$(curl -sf -X POST -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' \
  -d '{"context":{"targetingKey":"user-4711"}}' "http://127.0.0.1:$PORT/ofrep/v1/evaluate/flags/$FLAG")
nginx_dir=$(mktemp -d)
mkdir -p "$nginx_dir/temp"
printf '%s' "$body" >"$nginx_dir/flag.json"
cat >"$nginx_dir/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000000;
  client_body_temp_path $nginx_dir/temp/body;
  proxy_temp_path $nginx_dir/temp/proxy;
  fastcgi_temp_path $nginx_dir/temp/fastcgi;
  uwsgi_temp_path $nginx_dir/temp/uwsgi;
  scgi_temp_path $nginx_dir/temp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      default_type application/json;
      return 200 '$(sed "s/'/\\\\'/g" "$nginx_dir/flag.json")';
    }
  }
}
CONF
"$NGINX" -p "$nginx_dir" -e "$nginx_dir/error.log" -c "$nginx_dir/nginx.conf" &
nginx_pid=$!
stop_all() {
  kill "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" 2>/dev/null || true
  rm -rf "$nginx_dir"
  stop_detour
}
trap stop_all EXIT
until curl -sf -X POST "http://127.0.0.1:$NGINX_PORT/" >/dev/null; do
  kill -0 "$nginx_pid" 2>/dev/null || { echo "nginx did not start" >&2; exit 1; }
  sleep 0.1
done

# run NAME URL SECONDS [SCRIPT]: wrk's requests/s and its closed-loop p99 (SCRIPT defaults to bench/ofrep.lua).
run() {
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$3s" --latency -s "${4:-bench/ofrep.lua}" "$2")
  if echo "$out" | grep -q 'Non-2xx'; then echo "$out" >&2; echo "$1: answers that were not 2xx" >&2; exit 1; fi
  rps=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
}
single="http://127.0.0.1:$PORT/ofrep/v1/evaluate/flags/$FLAG"
bulk="http://127.0.0.1:$PORT/ofrep/v1/evaluate/flags"
yardstick="http://127.0.0.1:$NGINX_PORT/ofrep/v1/evaluate/flags/$FLAG"

echo "warm-up: ${WARMUP} s each of nginx, Detour single-flag and bulk (not counted)"
run warmup "$yardstick" "$WARMUP"
run warmup "$single" "$WARMUP"
run warmup "$bulk" "$WARMUP"

run nginx "$yardstick" "$DURATION"; nginx1=$rps; nginx1_p99=$p99
run single "$single" "$DURATION"; single_rps=$rps; single_p99=$p99
run bulk "$bulk" "$DURATION"; bulk_rps=$rps; bulk_p99=$p99
run nginx "$yardstick" "$DURATION"; nginx2=$rps; nginx2_p99=$p99

awk -v n1="$nginx1" -v n2="$nginx2" -v s="$single_rps" -v b="$bulk_rps" -v c="$CONNECTIONS" -v d="$DURATION" \
    -v np1="$nginx1_p99" -v np2="$nginx2_p99" -v sp="$single_p99" -v bp="$bulk_p99" 'BEGIN {
  n = (n1 + n2) / 2
  printf "wrk -t2 -c%d -d%ds, closed loop, same machine:\n", c, d
  printf "  nginx (yardstick)     %9.0f req/s (runs: %.0f before, %.0f after; p99 %s, %s)\n", n, n1, n2, np1, np2
  printf "  Detour single-flag    %9.0f req/s  ratio %.2f of nginx (target >= 0.6; p99 %s)\n", s, s / n, sp
  printf "  Detour bulk           %9.0f req/s  ratio %.2f of nginx (target >= 0.5; p99 %s)\n", b, b / n, bp
}'
if [ "$GATEWAY" = true ]; then
  gateway="http://127.0.0.1:$PORT/signals/gateway"
  run warmup "$gateway" "$WARMUP" bench/gateway.lua
  run nginx "$yardstick" "$DURATION" bench/gateway.lua; gn1=$rps
  run gateway "$gateway" "$DURATION" bench/gateway.lua; g_rps=$rps; g_p99=$p99
  run nginx "$yardstick" "$DURATION" bench/gateway.lua; gn2=$rps
  awk -v n1="$gn1" -v n2="$gn2" -v g="$g_rps" -v b="$BATCH" -v gp="$g_p99" 'BEGIN {
    n = (n1 + n2) / 2
    printf "gateway, batches of %d outcomes, same wrk load:\n", b
    printf "  nginx (yardstick)     %9.0f req/s (runs: %.0f, %.0f)\n", n, n1, n2
    printf "  Detour /signals/gateway %7.0f req/s = %.0f outcomes/s  ratio %.2f of nginx (p99 %s)\n", g, g * b, g / n, gp
  }'
  incidents=$(curl -s -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$PORT/api/incidents" \
    | { grep -o '"id":"INC-[0-9]*"' || true; } | wc -l)
  echo "  incidents opened during the gateway run: $incidents"
fi
echo "open loop, single-flag:"
java bench/OpenLoop.java "$single" "$OPEN_RATE" "$OPEN_SECONDS" "$CONNECTIONS" "$WARMUP" "$BENCH_TOKEN"
