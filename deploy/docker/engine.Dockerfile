# syntax=docker/dockerfile:1
# The workflow engine: Operaton 1.0.3 in our Spring Boot launcher (deploy/local/engine), the same jar the
# local infrastructure runs. Build context: deploy/local/engine.
#   docker build -f deploy/docker/engine.Dockerfile -t oversight/engine:0.1.0 deploy/local/engine
# Configure with ENGINE_JDBC_URL, ENGINE_DB_USER, ENGINE_DB_PASSWORD (see deploy/local/engine/README.md).
# The REST API has no authentication: never publish this port outside the cluster network.
ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-21
ARG JRE_IMAGE=eclipse-temurin:21-jre-noble

FROM ${MAVEN_IMAGE} AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests

FROM ${JRE_IMAGE} AS runtime
RUN groupadd --system --gid 10001 engine && useradd --system --uid 10001 --gid engine --no-create-home engine
WORKDIR /app
COPY --from=build --chown=root:root /src/target/oversight-engine.jar /app/oversight-engine.jar
ENV ENGINE_PORT=8080 \
    ENGINE_BIND=0.0.0.0 \
    ENGINE_JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
USER 10001
EXPOSE 8080
# bash's /dev/tcp: no curl or wget needed in the JRE image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${ENGINE_PORT} && printf 'GET /engine-rest/engine HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["sh", "-c", "exec java $ENGINE_JAVA_OPTS -jar /app/oversight-engine.jar"]
