#!/usr/bin/env bash
# Runs every test: Java unit and integration tests against a real (embedded) PostgreSQL, the editor's Vitest
# unit tests (both inside mvn verify), the crash test (SIGKILL under save load, then every acknowledged save must
# be there), then the editor's end-to-end tests in headless Chromium against the real running system.
set -euo pipefail
cd "$(dirname "$0")"
export VELOCITY_NEEDS_BROWSER=1
source scripts/tools.sh

mvn -B verify
# Its clients save flat out with one token, far past any editor; the per-token rate limit would only slow them.
VELOCITY_RATE_LIMIT_ENABLED=false scripts/crash-test.sh launcher/target/velocity.jar
VELOCITY_JAR="$PWD/launcher/target/velocity.jar" editor-ui/scripts/e2e.sh
