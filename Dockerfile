# syntax=docker/dockerfile:1
#
# Warroom's container image (docs/operations.md, "The container image"):
#
#   docker build -t warroom:0.1.0 --build-arg REVISION=$(git rev-parse HEAD) \
#       --build-arg CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ) .
#
# Stage "build" compiles the jar with the Maven wrapper, splits it into Spring Boot's layers and links a Java
# runtime holding only the modules Warroom uses. The final stage is a small OS with that runtime, the layers
# and a non-root user. Nothing in it is written at run time except /tmp and /data (H2), which the Helm
# chart mounts as emptyDirs, so the root filesystem can be read-only. No HEALTHCHECK: Kubernetes probes
# /actuator/health/liveness and /readiness itself.
#
# Both base images are pinned by version and digest. To move to a newer patch release, change the tags, get
# the digests with `docker buildx imagetools inspect <image:tag>`, and rebuild: the jlink runtime follows
# the JDK of the build stage.
ARG BUILD_IMAGE=eclipse-temurin:21.0.12_8-jdk-noble@sha256:75ce56643243c3db632be2ef259625fb42ee3be1334389659f7a1a61acb78783
ARG RUNTIME_IMAGE=ubuntu:noble-20260113@sha256:cd1dba651b3080c3686ecf4e3c4220f026b521fb76978881737d24f200828b2b

FROM ${BUILD_IMAGE} AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/main/ src/main/
COPY commands/ commands/
COPY approvals/ approvals/
COPY alerts/ alerts/
COPY checks/ checks/
COPY playbooks/ playbooks/
COPY bot/roster/ bot/roster/
# The tests ran in CI before an image is built; the cache keeps Maven's downloads between builds.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp package -DskipTests \
    && cp target/warroom-*.jar /build/warroom-boot.jar

# Modules jdeps cannot see because they are reached by name or through services at run time:
#   jdk.crypto.ec    the EC provider: TLS key exchange with Slack, Feishu and the API server (JDK 21 and older)
#   jdk.localedata   zh and en formats of numbers and dates (only those two locales are kept)
#   jdk.management   the JVM's own CPU and memory figures for the process_* and jvm_* metrics
#   jdk.jcmd         jcmd, jstack and jmap for an operator in `kubectl exec` (thread dumps, heap histograms)
ARG JLINK_EXTRA_MODULES=jdk.crypto.ec,jdk.localedata,jdk.management,jdk.jcmd

# The layers and the runtime. The test suite runs this same script on the packaged jar with the local JDK
# (io.warroom.ops.ImageRuntimeIT), so keep it plain POSIX sh with its inputs in the variables below.
ENV JAR=/build/warroom-boot.jar APP=/build/app RUNTIME=/build/runtime
RUN <<'RUNTIME'
set -eu
# Spring Boot's layers: dependencies, spring-boot-loader, snapshot-dependencies, application (warroom.jar).
"$JAVA_HOME/bin/java" -Djarmode=tools -jar "$JAR" extract --layers --application-filename warroom.jar \
    --destination "$APP"
feature=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = //p')
jars=$(find "$APP" -name '*.jar' | sort | tr '\n' ' ')
# Every JDK module any class in the application or its libraries refers to (multi-release jars as this JDK).
modules=$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps -q --multi-release "$feature" --print-module-deps $jars)
case "$feature" in
  17|18|19|20) compress=2 ;;
  *) compress=zip-6 ;;
esac
"$JAVA_HOME/bin/jlink" --add-modules "$modules,$JLINK_EXTRA_MODULES" --include-locales=en,zh \
    --strip-debug --no-man-pages --no-header-files --compress="$compress" --generate-cds-archive \
    --output "$RUNTIME"
echo "Runtime of Java $feature with $modules,$JLINK_EXTRA_MODULES"
RUNTIME

FROM ${RUNTIME_IMAGE}
ARG RUNTIME_IMAGE
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=""
LABEL org.opencontainers.image.title="Warroom" \
      org.opencontainers.image.description="ChatOps bot for Slack and Feishu: runbook commands, two-person approval, incident timeline" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.base.name="${RUNTIME_IMAGE}"

# UID and GID 10001 match the Helm chart's runAsUser/runAsGroup; /data is where H2 lives without PostgreSQL.
RUN groupadd --system --gid 10001 warroom \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin warroom \
    && mkdir /data && chown 10001:10001 /data

ENV JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 \
    DATABASE_URL="jdbc:h2:file:/data/warroom;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
COPY --from=build /build/runtime /opt/java
WORKDIR /app
# Least-often-changed first, so a new Warroom version changes only the last layer or two.
COPY --from=build /build/app/dependencies/ ./
COPY --from=build /build/app/spring-boot-loader/ ./
COPY --from=build /build/app/snapshot-dependencies/ ./
COPY --from=build /build/app/application/ ./

# Class data sharing (docs/operations.md, "Start-up time"): a training run starts Warroom up to the end of its
# context refresh (spring.context.exit=onRefresh) on a scratch H2 database, and the JVM writes every class it
# loaded, parsed and verified, into /app/warroom.jsa on top of the runtime's own archive. The ENTRYPOINT maps
# it; start-up then loads those classes from the archive instead of the jars (about a third less CPU). It
# fits only this runtime and these jars, which is why it is made here, in the image that ships them. The test
# suite runs this script too (ImageRuntimeIT), so keep it plain POSIX sh with its inputs in the variables below.
RUN <<'CDS'
set -eu
home=${WARROOM_HOME:-/app}
scratch=$(mktemp -d)
cd "$scratch"
# -Xlog:cds=off: the dump lists hundreds of generated classes it skips, which is expected and harmless
"${JAVA:-java}" -XX:ArchiveClassesAtExit="$home/warroom.jsa" -Xlog:cds=off -Dspring.context.exit=onRefresh \
    -jar "$home/warroom.jar" \
    --spring.datasource.url="jdbc:h2:file:$scratch/warroom;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
    --logging.level.root=WARN
cd /
rm -rf "$scratch"
test -s "$home/warroom.jsa"
CDS

USER 10001:10001
EXPOSE 8080
# Heap from the container's memory limit; an OutOfMemoryError ends the process so Kubernetes restarts it
# instead of leaving a half-working replica. The class-data archive from the training run above. Add flags with
# JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-XX:SharedArchiveFile=/app/warroom.jsa", "-Djava.io.tmpdir=/tmp", "-jar", "/app/warroom.jar"]
