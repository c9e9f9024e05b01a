#!/usr/bin/env bash
# Crash test (issues #7, #10): starts the launcher jar on a fresh data folder, saves from 16 clients, SIGKILLs the
# JVM and every PostgreSQL process (then, in a second round, the JVM alone), restarts, and checks that every
# acknowledged save is stored with its content hash, that versions have no gaps, and that the read models caught
# up with every event applied exactly once (GET .../verify is ok). Only 127.0.0.1 is used.
#   scripts/crash-test.sh [path/to/velocity.jar]   (default launcher/target/velocity.jar; build it first)
#   CRASH_CLIENTS (16), CRASH_LOAD_SECONDS (8), CRASH_TIMEOUT_SECONDS (240) tune it; CRASH_KEEP=1 keeps the logs.
# The program is the Maven module tools/crash-test (built here if its jar is missing or older than its sources).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
source scripts/lib/java-tool.sh
jar="${1:-launcher/target/velocity.jar}"
if [ ! -f "$jar" ]; then
  echo "No $jar: build it with 'mvn -B -DskipTests package' first" >&2
  exit 2
fi
tool=$(tool_jar crash-test) || { echo "tools/crash-test does not build" >&2; exit 2; }
# The program bounds itself (CRASH_TIMEOUT_SECONDS); timeout is the backstop.
timeout --kill-after=10 "$(( ${CRASH_TIMEOUT_SECONDS:-240} + 30 ))" java -jar "$tool" "$jar"
