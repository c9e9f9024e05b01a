# The query side of Velocity. Build context: the repository root (docker-compose.yml sets it),
# after `mvn -B -DskipTests package` has made the jar.
FROM eclipse-temurin:17-jre

RUN useradd --system --uid 10001 --home-dir /app velocity
WORKDIR /app
COPY query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar /app/query-side.jar
COPY deploy/healthcheck.sh /app/healthcheck.sh

USER velocity
ENV PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 CMD ["/app/healthcheck.sh"]
ENTRYPOINT ["java", "-jar", "/app/query-side.jar"]
