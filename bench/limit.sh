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
# SLASH=true (the default) adds slash-command acknowledgements: the same wrk load posting signed `/detour status`
# commands (bench/slash.lua) to nginx (a fixed 200 JSON on /slack/events: Detour's "busy" acknowledgement, the one
# it gives most often under this load) and to Detour's `POST /slack/events`, after the open-loop run. Detour's
# acknowledgement is the real one: signature and timestamp check, form parse, Bolt, the follow-up queue (bounded:
# beyond detour.slack.follow-up-queue a command is answered "busy"), the replay check in the follow-up. Every
# request carries its own signature, so they are signed in advance (bench/SlashRequests.java, SLASH_RATE per second
# of each Detour run, just before it: one timestamp, good for Slack's 5 minutes) and each is sent once; a run that runs out
# says so. Detour then starts with a signing secret and a bot token whose Slack Web API and response_url are a
# second nginx answering `ok` (nothing leaves the machine; Bolt needs auth.test to answer).
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
SLASH=${SLASH:-true}
# Signed slash commands made per second of a run: well above Detour's acknowledgement rate (7,400-8,000/s on a
# quiet machine, bench/RESULTS.md; 8,000 ran out), else the run says it ran out. nginx checks nothing, so its runs
# repeat the file.
SLASH_RATE=${SLASH_RATE:-20000}
# The OFREP runs warm the HTTP stack but not Bolt's path: its own warm-up, 20 s unless given (Bolt's path was still
# getting faster after 10 s).
SLASH_WARMUP=${SLASH_WARMUP:-20}
SLACK_PORT=${SLACK_PORT:-$(free_port)}
SLACK_SECRET=bench-signing-secret-0123456789abcdef
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
# nginx_preamble DIR WORKERS: the start of an nginx.conf that keeps everything in DIR (no root paths, no logs but
# errors) and an open `http {` block; the caller adds its server and the closing brace.
nginx_preamble() {
  mkdir -p "$1/temp"
  cat <<CONF
worker_processes $2;
daemon off;
pid $1/nginx.pid;
error_log $1/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000000;
  client_body_temp_path $1/temp/body;
  proxy_temp_path $1/temp/proxy;
  fastcgi_temp_path $1/temp/fastcgi;
  uwsgi_temp_path $1/temp/uwsgi;
  scgi_temp_path $1/temp/scgi;
CONF
}
# start_nginx DIR: serves DIR/nginx.conf in the background ($! is its pid); stop_nginx PID DIR stops it, removes DIR.
start_nginx() { "$NGINX" -p "$1" -e "$1/error.log" -c "$1/nginx.conf" & }
stop_nginx() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  rm -rf "$2"
}
slack_env=()
if [ "$SLASH" = true ]; then
  # The fake Slack runs before Detour starts, so that what Detour asks Slack at start-up is answered too.
  slack_dir=$(mktemp -d)
  { nginx_preamble "$slack_dir" 1; cat <<CONF
  server {
    listen 127.0.0.1:$SLACK_PORT;
    location /api/ {
      default_type application/json;
      return 200 '{"ok":true,"user_id":"U0BOT","team_id":"T0BENCH","bot_id":"B0BOT","channel":"C0INCIDENTS","ts":"1760000000.000100","users":[]}';
    }
    location / {
      return 200 'ok';
    }
  }
}
CONF
  } >"$slack_dir/nginx.conf"
  start_nginx "$slack_dir"
  slack_pid=$!
  # Called by stop_detour (bench/lib.sh) too, whose trap replaces this one once Detour is starting.
  after_detour() { stop_nginx "$slack_pid" "$slack_dir"; }
  trap after_detour EXIT
  until curl -sf "http://127.0.0.1:$SLACK_PORT/api/auth.test" >/dev/null; do
    kill -0 "$slack_pid" 2>/dev/null || { echo "nginx (fake Slack) did not start" >&2; exit 1; }
    sleep 0.1
  done
  slack_env=(SLACK_BOT_TOKEN=xoxb-0000000000-0000000000-benchbenchbenchbenchbenc SLACK_SIGNING_SECRET=$SLACK_SECRET
    SLACK_API_URL="http://127.0.0.1:$SLACK_PORT/api/")
fi
start_detour DETOUR_API_TOKEN=$BENCH_TOKEN DETOUR_SIGNAL_TOKEN=$BENCH_SIGNAL_TOKEN "${slack_env[@]}"

# nginx answers what Detour answers for $FLAG, byte for byte, from its own folder (no root paths).
body=$(curl -sf -X POST -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' \
  -d '{"context":{"targetingKey":"user-4711"}}' "http://127.0.0.1:$PORT/ofrep/v1/evaluate/flags/$FLAG")
nginx_dir=$(mktemp -d)
printf '%s' "$body" >"$nginx_dir/flag.json"
{ nginx_preamble "$nginx_dir" auto; cat <<CONF
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      default_type application/json;
      return 200 '$(sed "s/'/\\\\'/g" "$nginx_dir/flag.json")';
    }
    # Detour's acknowledgement of a slash command when its follow-up queue is full, byte for byte.
    location = /slack/events {
      default_type application/json;
      return 200 '{"response_type":"ephemeral","text":"Detour is busy right now and did not take this request. Please try again in a moment.","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"Detour is busy right now and did not take this request. Please try again in a moment."}}]}';
    }
  }
}
CONF
} >"$nginx_dir/nginx.conf"
start_nginx "$nginx_dir"
nginx_pid=$!
stop_all() {
  stop_nginx "$nginx_pid" "$nginx_dir"
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
if [ "$SLASH" = true ]; then
  slash="http://127.0.0.1:$PORT/slack/events"
  slash_yardstick="http://127.0.0.1:$NGINX_PORT/slack/events"
  export SLASH_THREADS=2
  # signed NAME SECONDS: SLASH_RATE signed commands per second of the run, in $nginx_dir/NAME.tsv.
  signed() {
    java bench/SlashRequests.java "$SLACK_SECRET" $(( SLASH_RATE * $2 )) "$nginx_dir/$1.tsv" \
      "http://127.0.0.1:$SLACK_PORT/response" 2>/dev/null
  }
  # slash NAME URL SECONDS FILE [REPEAT]: like run, with bench/slash.lua; non-2xx answers are counted, not fatal.
  slash() {
    local out
    out=$(SLASH_FILE="$nginx_dir/$4.tsv" SLASH_REPEAT=${5:-false} \
      wrk -t$SLASH_THREADS -c"$CONNECTIONS" -d"$3s" --latency -s bench/slash.lua "$2" 2>&1)
    rps=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    answered=$(echo "$out" | sed -n 's/^slash.lua: .* \([0-9]*\) answered, .*/\1/p')
    non2xx=$(echo "$out" | sed -n 's/^slash.lua: .* non-2xx \([0-9]*\).*/\1/p')
    ranout=$(echo "$out" | sed -n 's/^slash.lua: .* ran out: //p')
    [ -n "$rps" ] || { echo "$out" >&2; echo "$1: wrk failed" >&2; exit 1; }
  }
  # Refusals by Detour's counter; a build without it (DETOUR_JAR, older) logged one line per refusal.
  busy() {
    local n
    n=$(curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^detour_slack_busy_refusals_total/ {printf "%d", $2}')
    if [ -n "$n" ]; then echo "$n"; else grep -c 'follow-up-queue is full' "$work/detour.log" || true; fi
  }
  replays() { grep -c 'arrived again with the signature' "$work/detour.log" || true; }
  signed warm "$SLASH_WARMUP"
  slash warmup "$slash" "$SLASH_WARMUP" warm
  [ "$non2xx" = 0 ] || echo "slash-command warm-up: $non2xx answers were not 2xx (see the bot's log)" >&2
  # nginx first, on the warm-up's lines (it checks nothing); Detour's lines are signed just before its own run, so
  # that the last of them is DURATION seconds old, well inside Slack's 5 minutes.
  slash nginx "$slash_yardstick" "$DURATION" warm true; sn1=$rps; sn1_p99=$p99
  signed measured "$DURATION"
  busy0=$(busy); replays0=$(replays)
  slash detour "$slash" "$DURATION" measured; s_rps=$rps; s_p99=$p99; s_non2xx=$non2xx; s_ranout=$ranout; s_answered=$answered
  busy1=$(busy)
  slash nginx "$slash_yardstick" "$DURATION" measured true; sn2=$rps; sn2_p99=$p99
  awk -v n1="$sn1" -v n2="$sn2" -v s="$s_rps" -v sp="$s_p99" -v np1="$sn1_p99" -v np2="$sn2_p99" \
      -v bad="$s_non2xx" -v busy=$(( busy1 - busy0 )) -v acks="$s_answered" -v out="$s_ranout" 'BEGIN {
    n = (n1 + n2) / 2
    printf "slash commands, signed /detour status, each signature sent once, same wrk load:\n"
    printf "  nginx (yardstick)     %9.0f req/s (runs: %.0f, %.0f; p99 %s, %s)\n", n, n1, n2, np1, np2
    printf "  Detour /slack/events  %9.0f req/s  ratio %.2f of nginx (p99 %s)\n", s, s / n, sp
    printf "  of its %d acknowledgements: %d not 2xx, %d answered busy (follow-up queue full);", acks, bad, busy
    printf " ran out of signed requests: %s\n", out
  }'
  sleep 2 # the follow-ups still queued check their signatures
  echo "  replays recognised by Detour (a signature sent twice): $(( $(replays) - replays0 ))"
fi
