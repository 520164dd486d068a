#!/usr/bin/env bash
# Class data sharing for Warroom: extracts the packaged jar (CDS needs plain jars on the class path, not a
# jar inside a jar), runs Warroom once as a training run, and writes the archive of every class it loaded:
#   JDK 17-24: a dynamic CDS archive  (-XX:ArchiveClassesAtExit, used with -XX:SharedArchiveFile)
#   JDK 25+:   an AOT cache           (-XX:AOTCacheOutput, used with -XX:AOTCache): classes loaded *and linked*,
#              plus the training run's method profiles
# The training run starts Warroom on its embedded defaults in a scratch directory, waits until it is ready
# and the sandbox cluster is seeded, then stops it; the JVM writes the archive as it exits.
#
# Usage: [JAVA_HOME=...] bench/cds.sh [output-dir]   (default target/cds/<java version>; builds the jar if missing)
# It prints the command that starts Warroom with the archive. The archive fits only the JVM that wrote it and
# the extracted jars at the same absolute paths: rebuild it after a JDK upgrade or a new build.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/warroom-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B package -DskipTests
  jar=$(ls target/warroom-*.jar | grep -v original | head -n 1)
fi
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
feature=$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
out=$(realpath -m "${1:-target/cds/$feature}")
rm -rf "$out"
mkdir -p "$out"
"$java_bin" -Djarmode=tools -jar "$jar" extract --destination "$out/app" >/dev/null
app="$out/app/$(basename "$jar")"
if [ "$feature" -ge 25 ]; then
  archive="$out/warroom.aot"; train="-XX:AOTCacheOutput=$archive"; use="-XX:AOTCache=$archive"
else
  archive="$out/warroom.jsa"; train="-XX:ArchiveClassesAtExit=$archive"; use="-XX:SharedArchiveFile=$archive"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log="$work/training.log"
(cd "$work" && exec "$java_bin" $train ${JAVA_OPTS:-} -jar "$app" --server.port=0 >"$log" 2>&1) &
pid=$!
for _ in $(seq 1 1200); do
  if grep -q "sandbox cluster seeded" "$log" && grep -q "Warroom ready in" "$log"; then break; fi
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "training run exited early" >&2; exit 1; }
  sleep 0.1
done
grep -q "Warroom ready in" "$log" || { cat "$log"; echo "training run never became ready" >&2; exit 1; }
sleep 1
jpid=$(pgrep -P "$pid" java || echo "$pid")
kill -TERM "$jpid"
wait "$pid" || true
[ -s "$archive" ] || { tail -n 30 "$log"; echo "no archive written" >&2; exit 1; }
echo "wrote $archive ($(du -m "$archive" | cut -f1) MiB) for $("$java_bin" -version 2>&1 | head -n 1)"
echo "start Warroom with it:  $java_bin $use -jar $app"
echo "measure:                JAVA_OPTS=$use WARROOM_JAR=$app bench/startup.sh 5"
