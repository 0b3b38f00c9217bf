# syntax=docker/dockerfile:1
# The image of one service, chosen by SERVICE (and its HTTP_PORT, DESIGN §5), e.g.
#   docker build --build-arg SERVICE=payment-service --build-arg HTTP_PORT=8082 -t troupe/payment-service .
# One definition for all five: they are built and run the same way; only the module differs.

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
ARG SERVICE
RUN mvn --batch-mode --quiet -DskipTests -pl "${SERVICE}" -am package

FROM eclipse-temurin:17-jre
ARG SERVICE
ARG HTTP_PORT=8080
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/troupe troupe \
    && mkdir -p /var/lib/troupe \
    && chown troupe /var/lib/troupe
COPY --from=build /src/${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-all.jar /opt/troupe/service.jar
USER troupe
# Configuration only through the environment (DESIGN §5); these are the image's defaults.
ENV HTTP_PORT=${HTTP_PORT} \
    STATE_DIR=/var/lib/troupe/state \
    MAIL_OUTBOX=/var/lib/troupe/outbox
EXPOSE ${HTTP_PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS "http://localhost:${HTTP_PORT}/health" || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/troupe/service.jar"]
