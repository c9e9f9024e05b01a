#!/usr/bin/env bash
# Builds and starts the whole system in one process with an embedded PostgreSQL.
#   PORT (default 8080), VELOCITY_DATA_DIR (default ./data). SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD point it
#   at an external PostgreSQL instead. Ctrl-C or SIGTERM stops it cleanly. VELOCITY_FAST_UNSAFE=1 (demos only)
#   runs the embedded PostgreSQL without flushing commits: faster, but a crash can lose acknowledged saves.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/tools.sh

jar=launcher/target/velocity.jar
stale=""
if [ -f "$jar" ]; then
  stale=$(find pom.xml */pom.xml */src editor-ui/index.html editor-ui/package.json editor-ui/vite.config.ts \
    -newer "$jar" -type f 2>/dev/null | head -n 1)
fi
if [ ! -f "$jar" ] || [ -n "$stale" ]; then
  echo "Building (first run or sources changed) ..."
  mvn -B -q -DskipTests package
fi

export PORT="${PORT:-8080}"
export VELOCITY_DATA_DIR="${VELOCITY_DATA_DIR:-$PWD/data}"
echo "Starting Velocity on http://localhost:${PORT} (data in ${VELOCITY_DATA_DIR}) ..."
exec java ${JAVA_OPTS:-} -jar "$jar"
