#!/usr/bin/env bash
# Resident memory of Warroom idle and under a saturating load of signed Slack slash commands, per
# configuration, in one run (docs/benchmarks.md, "Start-up time and idle memory").
#
# Usage: [JAVA_HOME=...] [SECONDS_WARMUP=20] [SECONDS_MEASURE=20] [CONNECTIONS=32] bench/memory.sh [config...]
#   config: default | lowmem | bolt   (default: "bolt default lowmem default bolt"; each started fresh, in order)
#   lowmem = the flags in LOWMEM_OPTS (below, or from the environment), MALLOC_ARENA_MAX=2 and the Spring
#            profile "lowmem": what docs/operations.md, "Low memory", recommends.
#   bolt   = the bare Bolt app of the benchmarks (io.warroom.bench.BareBoltServer: Bolt's servlet in an embedded
#            Tomcat, default middleware, a handler that only acks), JVM defaults: the baseline for Warroom's RSS.
#
# Each configuration: the packaged jar on its embedded defaults (H2 file database in a scratch directory) with
# Slack configured against the tests' fake Slack Web API (io.warroom.bench.MemoryLoadSlackApi, its own JVM, so
# Warroom's RSS is Warroom's alone): it answers auth.test and user lookups, takes replies at Slack's rate limits
# (about one post per second per channel, 429 + Retry-After beyond), so the outbox backlog grows during the load
# as it would against the real Slack. wrk (2 threads, CONNECTIONS connections) sends `/warroom help` from a roster member, signed like
# Slack (HMAC-SHA256 over "v0:timestamp:body"; the timestamp is taken just before each wrk run and stays valid
# for Slack's five-minute window). Measured: idle RSS 5 s after ready, acked requests/s, ack latency p50/p99,
# non-2xx answers, and RSS sampled every second during the measured window (max).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
LOWMEM_OPTS=${LOWMEM_OPTS:--XX:+UseSerialGC -Xms16m -Xmx96m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m -XX:TieredStopAtLevel=1}
warmup=${SECONDS_WARMUP:-20}; measure=${SECONDS_MEASURE:-20}; connections=${CONNECTIONS:-32}
configs=("$@")
[ $# -eq 0 ] && configs=(bolt default lowmem default bolt)
jar=$(ls target/warroom-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B package -DskipTests
  jar=$(ls target/warroom-*.jar | grep -v original | head -n 1)
fi
jar=$(realpath "$jar")
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
secret=memory-bench-signing-secret-0123456789
work=$(mktemp -d)
pid=""; fake=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "$fake" ] && kill "$fake" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
trap "exit 130" INT TERM

# The fake Slack Web API from the test classes (built here if missing)
if [ ! -f target/test-classes/io/warroom/bench/MemoryLoadSlackApi.class ] || [ ! -f target/test-classes/io/warroom/bench/BareBoltServer.class ] || [ ! -f target/bench-cp.txt ]; then
  ./mvnw -q -B test-compile
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
fi
"$java_bin" -Xmx256m -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.warroom.bench.MemoryLoadSlackApi \
    >"$work/fake-slack.log" 2>&1 &
fake=$!
for _ in $(seq 1 600); do grep -q "fake Slack API at" "$work/fake-slack.log" && break; sleep 0.1; done
slack_api=$(sed -n 's/^fake Slack API at //p' "$work/fake-slack.log")
[ -n "$slack_api" ] || { cat "$work/fake-slack.log"; exit 1; }

body='token=t&team_id=T0WARROOM&team_domain=warroom&channel_id=C0BENCH&channel_name=ops&user_id=U0ZHANGSAN&user_name=zhang.san&command=%2Fwarroom&text=help&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0WARROOM%2F1%2F2&trigger_id=1.2.bench&api_app_id=A0WARROOM'
lua() {  # a wrk script with a fresh timestamp and its signature
  local ts sig
  ts=$(date +%s)
  sig=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.*= //')
  cat > "$work/slack.lua" <<LUA
wrk.method = "POST"
wrk.body = "$body"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = "$ts"
wrk.headers["X-Slack-Signature"] = "v0=$sig"
LUA
}
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }

echo "load average $(cut -d' ' -f1-3 /proc/loadavg); $("$java_bin" -version 2>&1 | head -n 1); wrk -t2 -c$connections, ${warmup}s warm-up, ${measure}s measured"
printf '%-8s %10s %12s %9s %9s %8s %10s %s\n' config "idle RSS" "requests/s" "p50" "p99" "non-2xx" "max RSS" "flags"
round=0
for config in "${configs[@]}"; do
  round=$((round + 1))
  case "$config" in
    default) opts=""; args=""; arenas="" ;;
    lowmem) opts="$LOWMEM_OPTS"; args="--spring.profiles.active=lowmem"; arenas=2 ;;
    bolt) opts=""; args="(bare Bolt)"; arenas="" ;;
    *) echo "unknown configuration $config" >&2; exit 2 ;;
  esac
  port=$((18580 + round))
  dir="$work/$round"; mkdir -p "$dir"
  if [ "$config" = bolt ]; then
    (cd "$dir" && exec "$java_bin" -cp "$root/target/test-classes:$root/target/classes:$(cat "$root/target/bench-cp.txt")" \
        io.warroom.bench.BareBoltServer "$slack_api" "$secret" "$port" >"$dir/warroom.log" 2>&1) &
  else
    (cd "$dir" && SLACK_SIGNING_SECRET=$secret SLACK_BOT_TOKEN=xoxb-test-0000-fake SLACK_API_BASE_URL=$slack_api \
        exec env ${arenas:+MALLOC_ARENA_MAX=$arenas} "$java_bin" $opts -jar "$jar" --server.port=$port $args >"$dir/warroom.log" 2>&1) &
  fi
  pid=$!
  for _ in $(seq 1 1200); do
    grep -q "Warroom ready in\|Bare Bolt ready on port" "$dir/warroom.log" && break
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$dir/warroom.log"; exit 1; }
    sleep 0.1
  done
  sleep 5
  idle=$(rss "$pid")
  lua
  wrk -t2 -c"$connections" -d"${warmup}s" -s "$work/slack.lua" "http://127.0.0.1:$port/slack/events" >/dev/null
  lua
  wrk -t2 -c"$connections" -d"${measure}s" --latency -s "$work/slack.lua" "http://127.0.0.1:$port/slack/events" >"$dir/wrk.txt" &
  wrk_pid=$!
  peak=0
  while kill -0 "$wrk_pid" 2>/dev/null; do
    r=$(rss "$pid"); [ "$r" -gt "$peak" ] && peak=$r
    sleep 1
  done
  wait "$wrk_pid"
  rps=$(awk '/Requests\/sec/ {print int($2)}' "$dir/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$dir/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$dir/wrk.txt")
  bad=$(awk '/Non-2xx/ {print $NF}' "$dir/wrk.txt"); bad=${bad:-0}
  printf '%-8s %7s MiB %12s %9s %9s %8s %6s MiB %s\n' "$config" "$idle" "$rps" "$p50" "$p99" "$bad" "$peak" "${opts:-(JVM defaults)} $args"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
