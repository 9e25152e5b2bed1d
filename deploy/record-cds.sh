#!/usr/bin/env sh
# Records Detour's class-data-sharing archive: starts JAR as it serves (embedded defaults, a fresh database in a
# temporary folder, console mode), waits for the first 200 from /health, asks /health/readiness,
# /ofrep/v1/configuration and /api/status once, then stops it with SIGTERM; the JVM writes ARCHIVE as it exits. So
# the archive holds the classes of a real start-up (Micronaut, Flyway, H2, Netty, the first requests), not only
# those of the demo. Used by deploy/Dockerfile and by `CDS=true bench/startup.sh`, so both measure the same archive.
# Usage: deploy/record-cds.sh JAR ARCHIVE [JVM flags...]   (CDS_PORT picks the port, 18099 by default)
set -eu
jar=$1
archive=$2
shift 2
port=${CDS_PORT:-18099}
work=$(mktemp -d)
(cd "$work" && exec env -u DETOUR_CONFIG -u DATASOURCES_DEFAULT_URL MICRONAUT_SERVER_PORT="$port" \
    java "$@" -XX:ArchiveClassesAtExit="$archive" -jar "$jar" </dev/null >"$work/detour.log" 2>&1) &
pid=$!
tries=0
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
  if ! kill -0 "$pid" 2>/dev/null || [ "$tries" -ge 1200 ]; then
    cat "$work/detour.log" >&2
    kill "$pid" 2>/dev/null || true
    rm -rf "$work"
    echo "record-cds: Detour did not become healthy" >&2
    exit 1
  fi
  tries=$((tries + 1))
  sleep 0.1
done
curl -s -o /dev/null "http://127.0.0.1:$port/health/readiness" || true
curl -s -o /dev/null "http://127.0.0.1:$port/ofrep/v1/configuration" || true
curl -s -o /dev/null "http://127.0.0.1:$port/api/status" || true
kill -TERM "$pid"
wait "$pid" || true
rm -rf "$work"
[ -s "$archive" ] || { echo "record-cds: no archive written to $archive" >&2; exit 1; }
