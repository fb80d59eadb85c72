# Slipway's container image: `docker build -t slipway .` from the repository root.
#
# The build runs inside the image, so the host needs neither a JDK nor Maven; the result is the same
# on every machine with Docker.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
# The cache mount keeps the Maven repository between builds, so a code change does not download
# every dependency again (BuildKit, the default builder of current Docker). Only the deployable
# module and what it depends on are built; tests run in CI, not in every image build.
RUN --mount=type=cache,target=/root/.m2 \
    sh ./mvnw -B -ntp -DskipTests -pl frontend -am package \
 && cp frontend/target/slipway-exec.jar /slipway.jar

FROM eclipse-temurin:25-jre
# A fixed numeric uid: Kubernetes checks runAsNonRoot against the image's USER only when it is a
# number, and the Helm chart runs the pod as this same uid.
RUN groupadd --system --gid 10001 slipway \
 && useradd --system --uid 10001 --gid 10001 --home-dir /home/slipway --create-home \
      --shell /usr/sbin/nologin slipway \
 && mkdir -p /var/lib/slipway \
 && chown 10001:10001 /var/lib/slipway
WORKDIR /app
# Owned by root: the process can read its jar but not change it.
COPY --from=build /slipway.jar /app/slipway.jar
USER 10001:10001
# Used only when no SLIPWAY_DATABASE_URL is set and Slipway runs PostgreSQL in-process (a quick try
# with `docker run`): mount a volume here to keep that data and the generated master key.
ENV SLIPWAY_DATA_DIR=/var/lib/slipway
# Size the heap from the container's memory limit rather than the JVM's default quarter of it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/slipway.jar"]
