# Shared by the benchmark scripts: start bot/target/detour.jar on embedded defaults in a temporary folder, on
# $PORT, with extra environment given as arguments; wait until /health answers. Sets $pid and $java_pid, and
# stops the bot and removes the folder on exit (stop_detour), printing the bot's peak resident memory (VmHWM) first.
# A script that starts more beside the bot defines after_detour, which stop_detour calls last, so that the trap
# start_detour sets stops that too.
# The JVM runs with README.md's flags (an explicit heap); JAVA_OPTS replaces them.
# DETOUR_JAR runs another build (e.g. an older one, for a before/after in the same conditions).
README_JAVA_OPTS="-Xmx256m -Xss512k -XX:MaxMetaspaceSize=128m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError"
peak_rss() {
  local kb
  kb=$(awk '/VmHWM/ {print $2}' "/proc/$java_pid/status" 2>/dev/null || true)
  [ -n "$kb" ] && echo "peak RSS of the bot: $(( kb / 1024 )) MB (JVM options: ${JAVA_OPTS-$README_JAVA_OPTS})"
  return 0
}
stop_detour() {
  peak_rss
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  rm -rf "$work"
  if declare -F after_detour >/dev/null; then after_detour; fi
}
start_detour() {
  local jar
  jar=${DETOUR_JAR:-$(pwd)/bot/target/detour.jar}
  [ -f "$jar" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
  work=$(mktemp -d)
  (cd "$work" && exec env -u DETOUR_CONFIG -u DATASOURCES_DEFAULT_URL -u DETOUR_API_TOKEN \
      MICRONAUT_SERVER_PORT="$PORT" DETOUR_STATUSPAGE_POLL=false "$@" java ${JAVA_OPTS-$README_JAVA_OPTS} -jar "$jar" \
      >"$work/detour.log" 2>&1) &
  pid=$!
  trap stop_detour EXIT
  until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$work/detour.log" >&2; exit 1; }
    sleep 0.1
  done
  java_pid=$(pgrep -f "$jar" | head -1)
}
