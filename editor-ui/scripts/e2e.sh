#!/usr/bin/env bash
# End-to-end tests of the editor against the real system: starts the launcher jar (with its embedded
# PostgreSQL) on a free port with a fresh data directory, runs the browser tests in Debian's Chromium,
# and always stops the server. Prints "N passed, N failed"; exits non-zero on any failure.
set -euo pipefail

UI_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${VELOCITY_JAR:-$UI_DIR/../launcher/target/velocity.jar}"
if JAR_DIR="$(cd "$(dirname "$JAR")" 2>/dev/null && pwd)"; then
  JAR="$JAR_DIR/$(basename "$JAR")"
fi

fail() {
  echo "e2e: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

[[ -f "$JAR" ]] || fail "no jar at $JAR (build it with: mvn -B -DskipTests package -pl launcher -am, or set VELOCITY_JAR)"
[[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium is missing: apt-get install -y --no-install-recommends chromium"
command -v node >/dev/null || fail "node is missing"
[[ -d "$UI_DIR/node_modules/playwright-core" ]] || (cd "$UI_DIR" && npm ci --no-audit --no-fund >/dev/null)

PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
DATA_DIR="$(mktemp -d -t velocity-e2e-XXXXXX)"
LOG="$UI_DIR/target/e2e-server.log"
mkdir -p "$UI_DIR/target/screenshots"

SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT INT TERM

echo "e2e: starting $JAR on port $PORT (log: $LOG)"
PORT="$PORT" VELOCITY_DATA_DIR="$DATA_DIR" java -jar "$JAR" >"$LOG" 2>&1 &
SERVER_PID=$!

BASE_URL="http://127.0.0.1:$PORT"
deadline=$((SECONDS + 120))
until curl -fsS "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 40 "$LOG" >&2; fail "the server exited before it was healthy"; }
  (( SECONDS < deadline )) || { tail -n 40 "$LOG" >&2; fail "the server was not healthy within 120 s"; }
  sleep 1
done
echo "e2e: server is up at $BASE_URL"

cd "$UI_DIR"
set +e
BASE_URL="$BASE_URL" SCREENSHOTS="$UI_DIR/target/screenshots" node e2e/run.mjs "$@"
status=$?
set -e
exit "$status"
