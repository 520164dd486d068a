#!/usr/bin/env bash
# Start-up time and idle memory of Warroom on its embedded defaults, median of N runs.
# Usage: [JAVA_OPTS=...] [WARROOM_JAR=...] bench/startup.sh [runs] (builds the jar if missing). One line per run,
# then the medians. WARROOM_JAR runs another jar, e.g. the extracted one bench/cds.sh trains an archive for.
# "CPU" is the CPU time the process used until ready (all threads): steadier than the wall time on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=${WARROOM_JAR:-$(ls target/warroom-*.jar 2>/dev/null | grep -v original | head -n 1 || true)}
if [ -z "$jar" ]; then
  ./mvnw -q -B package -DskipTests
  jar=$(ls target/warroom-*.jar | grep -v original | head -n 1)
fi
jar=$(realpath "$jar")
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
times=(); rss=(); cpus=()
for i in $(seq 1 "$runs"); do
  port=$((18080 + i))
  log="$work/run$i.log"
  (cd "$work" && rm -rf data && exec "$java_bin" ${JAVA_OPTS:-} -jar "$jar" --server.port=$port >"$log" 2>&1) &
  pid=$!
  for _ in $(seq 1 900); do
    grep -q "Warroom ready in" "$log" && break
    sleep 0.1
  done
  ms=$(grep -o "Warroom ready in [0-9]*" "$log" | grep -o "[0-9]*$")
  cpu=$(grep -o "ms ([0-9]* ms of CPU)" "$log" | grep -o "([0-9]*" | tr -d '(')
  sleep 5   # let start-up garbage settle: "idle" RSS
  jpid=$(pgrep -P "$pid" java || echo "$pid")
  kb=$(awk '/VmRSS/ {print $2}' "/proc/$jpid/status")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "run $i: ready in ${ms} ms (CPU ${cpu} ms), idle RSS $((kb / 1024)) MiB"
  times+=("$ms"); rss+=("$kb"); cpus+=("$cpu")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median ready time: $(median "${times[@]}") ms (CPU $(median "${cpus[@]}") ms); load average $(cut -d' ' -f1-3 /proc/loadavg); median idle RSS: $(( $(median "${rss[@]}" | cut -d. -f1) / 1024 )) MiB ($("$java_bin" -version 2>&1 | head -n 1))"
