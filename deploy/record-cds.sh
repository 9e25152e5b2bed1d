#!/usr/bin/env sh
# Records Detour's start-up archive: starts JAR as it serves (embedded defaults, a fresh database in a temporary
# folder, console mode), waits for the first 200 from /health, asks /health/readiness, /ofrep/v1/configuration and
# /api/status once, then stops it with SIGTERM; the JVM writes ARCHIVE as it exits. So the archive holds the classes
# of a real start-up (Micronaut, Flyway, H2, Netty, the first requests), not only those of the demo. Used by
# deploy/Dockerfile and by `CDS=true bench/startup.sh`, so both measure the same archive.
# The kind of archive follows the JVM that runs it ($JAVA, else `java` on PATH), since an archive only fits the JVM
# that made it (docs/deploy.md, "The start-up archive"):
# - JDK 25 and later: an AOT cache (-XX:AOTCacheOutput), the classes loaded and linked plus the method profiles of
#   the run; start with -XX:AOTCache=ARCHIVE, the same JVM build, the same jar file (its size and time are
#   checked) and the same module options (--add-opens...), or the JVM prints why and starts without it. Pass the
#   flags it will run with.
# - older JDKs: a dynamic class-data-sharing archive (-XX:ArchiveClassesAtExit); start with -XX:SharedArchiveFile.
# Usage: deploy/record-cds.sh JAR ARCHIVE [JVM flags...]   (CDS_PORT picks the port, 18099 by default)
set -eu
# Absolute paths: the JVM runs in a temporary folder.
jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
archive=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
shift 2
port=${CDS_PORT:-18099}
java=${JAVA:-java}
feature=$("$java" -XshowSettings:properties -version 2>&1 \
  | awk -F' = ' '/^ *java\.specification\.version = / {print $2}')
case $feature in
  1.*|'') echo "record-cds: needs JDK 13 or later; $java is Java '$feature'" >&2; exit 1 ;;
esac
if [ "$feature" -ge 25 ]; then
  # One training run (JEP 514): at exit the JVM writes its AOT configuration (ARCHIVE.config), then starts a second
  # JVM that assembles ARCHIVE from it, waits for it and removes the configuration; `wait` below takes those few
  # seconds. Its log (in $work/detour.log) warns "Skipping ...: Unlinked class", "Failed verification", "JFR event
  # class", "Unsupported location": classes that reference optional libraries not in the jar (Netty's OpenSSL,
  # Jakarta Data, javax.inject, WebSocket), JFR events and dynamic proxies, which the cache cannot hold; they are
  # loaded from the jar as without a cache. Nothing to fix, so the log is shown only when recording fails.
  record="-XX:AOTCacheOutput=$archive"
  kind="AOT cache"
else
  record="-XX:ArchiveClassesAtExit=$archive"
  kind="class-data-sharing archive"
fi
rm -f "$archive"
work=$(mktemp -d)
(cd "$work" && exec env -u DETOUR_CONFIG -u DATASOURCES_DEFAULT_URL MICRONAUT_SERVER_PORT="$port" \
    "$java" "$@" "$record" -jar "$jar" </dev/null >"$work/detour.log" 2>&1) &
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
status=0
wait "$pid" || status=$?
if [ ! -s "$archive" ]; then
  cat "$work/detour.log" >&2
  rm -rf "$work"
  echo "record-cds: no $kind written to $archive (exit status $status)" >&2
  exit 1
fi
rm -rf "$work"
echo "record-cds: $kind $archive ($(du -m "$archive" | cut -f1) MB) from $java, Java $feature"
