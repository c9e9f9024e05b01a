#!/usr/bin/env bash
# Measures the old row-per-version design and Velocity in one run, on one throwaway PostgreSQL 15,
# and writes bench/results/<date>.md. Talks to 127.0.0.1 only; every step is bounded in time. The client is the
# jar of tools/bench, built here when it is missing or older than its sources.
#
#   bench/run.sh              both designs (builds launcher/target/velocity.jar if it is missing)
#   bench/run.sh --old-only   the old design alone, e.g. while the service does not build
#
# Knobs (environment), defaults in brackets:
#   BENCH_ONLY=contention,lww,distinct,rejected,lag,big,history,storage   run these sections only [all]
#   BENCH_QUICK=1        smoke run: 20 saves per client, 20 warm-up saves, 15 s deadlines, 200-version history, 50-save storage
#   BENCH_SAVES=200      saves per client in contention/lww/distinct (rejected, lag and big use half)
#   BENCH_CONTENT_BYTES=10240   BENCH_BIG_BYTES=102400   BENCH_DEADLINE_SECONDS=40 (per workload and design)
#   BENCH_WARMUP_SAVES=250 (per client, 8 clients, before measuring)
#   BENCH_HISTORY_VERSIONS=10000  BENCH_HISTORY_DEADLINE_SECONDS=240 (for building it)  BENCH_HISTORY_BYTES=4096
#   BENCH_STORAGE_SAVES=1000  BENCH_STORAGE_BYTES=97280   BENCH_LAG_EVERY=4 (probe every Nth acknowledged save)
#   BENCH_REBUILD=1 (rebuild the jar first)
#   BENCH_JAR=path (measure another build of the launcher, e.g. one made in a copy of the tree)
#   BENCH_KEEP=1 (keep the temp dir with the PostgreSQL and service logs) BENCH_JAVA_OPTS=...
#   BENCH_JDBC_JAR=path (another PostgreSQL driver for the old design's client)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OLD_ONLY=0
[[ "${1:-}" == "--old-only" ]] && OLD_ONLY=1

QUICK=${BENCH_QUICK:-0}
if [[ $QUICK == 1 ]]; then q() { echo "$1"; } else q() { echo "$2"; }; fi
SAVES=${BENCH_SAVES:-$(q 20 200)}
CONTENT_BYTES=${BENCH_CONTENT_BYTES:-10240}
BIG_BYTES=${BENCH_BIG_BYTES:-102400}
DEADLINE=${BENCH_DEADLINE_SECONDS:-$(q 15 40)}
# A JVM service is measured warm, as it runs in production: enough saves for the JIT to compile the hot path.
WARMUP=${BENCH_WARMUP_SAVES:-$(q 20 250)}
HISTORY_VERSIONS=${BENCH_HISTORY_VERSIONS:-$(q 200 10000)}
HISTORY_DEADLINE=${BENCH_HISTORY_DEADLINE_SECONDS:-$(q 60 240)}
HISTORY_BYTES=${BENCH_HISTORY_BYTES:-4096}
STORAGE_SAVES=${BENCH_STORAGE_SAVES:-$(q 50 1000)}
STORAGE_BYTES=${BENCH_STORAGE_BYTES:-97280}
LAG_EVERY=${BENCH_LAG_EVERY:-4}
ONLY=${BENCH_ONLY:-}
JAR=${BENCH_JAR:-"$ROOT/launcher/target/velocity.jar"}

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

[[ -n "${BENCH_CLIENTS:-}" ]] && die "BENCH_CLIENTS is gone: each workload names its own client count (see bench/README.md)"
source "$ROOT/scripts/lib/postgres.sh"
source "$ROOT/scripts/lib/java-tool.sh"
missing=$(pg_missing)
[[ -z "$missing" ]] || die "$missing"
# The client is the Maven module tools/bench (with the PostgreSQL driver inside); BENCH_JDBC_JAR puts another
# driver first on its class path.
BENCH_TOOL=$(tool_jar bench) || die "tools/bench does not build"

WORK=$(mktemp -d /tmp/velocity-bench.XXXXXX)
APP_PID=""
cleanup() {
  local rc=$?
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  pg_stop
  if [[ "${BENCH_KEEP:-0}" == 1 || $rc -ne 0 ]]; then
    log "logs kept in $WORK (pg.log, app.log)"
  else
    rm -rf "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- PostgreSQL 15, throwaway
log "initdb + start PostgreSQL ($WORK)"
pg_start "$WORK" max_connections=100 || die "PostgreSQL did not start"
log "PostgreSQL on 127.0.0.1:$PG_PORT"
DB_USER=bench
DB_PASSWORD=$(random_password)
pg_add_owner "$DB_USER" "$DB_PASSWORD" baseline velocity
pg_admin -d postgres -c "GRANT pg_checkpoint TO $DB_USER"
PGPASSWORD="$DB_PASSWORD" timeout 60 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" \
  -U "$DB_USER" -d baseline -f "$ROOT/bench/baseline/old-design.sql" >/dev/null
PG_VERSION=$(pg_admin -d postgres -Atc "SHOW server_version")

# ---- the new system
API_ARGS=()
SKIP_REASON=""
if [[ $OLD_ONLY == 0 ]]; then
  [[ -n "${BENCH_JAR:-}" && ! -f "$JAR" ]] && die "BENCH_JAR=$JAR does not exist"
  if [[ -z "${BENCH_JAR:-}" && ( ! -f "$JAR" || "${BENCH_REBUILD:-0}" == 1 ) ]]; then
    log "building $JAR (mvn -q -B -DskipTests package -pl launcher -am)"
    (cd "$ROOT" && timeout 900 mvn -q -B -DskipTests package -pl launcher -am) >"$WORK/build.log" 2>&1 \
      || { tail -40 "$WORK/build.log" >&2; die "build failed (bench/run.sh --old-only measures the old design alone)"; }
  fi
  take_ports APP_PORT
  log "starting velocity.jar on 127.0.0.1:$APP_PORT"
  # The clients save flat out with one token per project: the per-token rate limit is off, as for a load test.
  # shellcheck disable=SC2086
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/velocity" VELOCITY_RATE_LIMIT_ENABLED=false \
  SPRING_DATASOURCE_USERNAME="$DB_USER" SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" PORT="$APP_PORT" \
    java ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for i in $(seq 1 240); do
    if curl -fsS --max-time 2 "http://127.0.0.1:$APP_PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      log "service UP after ~$((i / 2)) s"
      break
    fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -60 "$WORK/app.log" >&2; die "service exited before it was UP"; }
    [[ $i == 240 ]] && { tail -60 "$WORK/app.log" >&2; die "service not UP within 120 s"; }
    sleep 0.5
  done
  API_ARGS=("api=http://127.0.0.1:$APP_PORT")
else
  SKIP_REASON="run with --old-only"
fi

mkdir -p "$ROOT/bench/results"
DATE=$(date -u +%Y-%m-%d)
[[ $QUICK == 1 ]] && DATE="$DATE-quick"
REPORT="$ROOT/bench/results/$DATE.md"
n=2
while [[ -e "$REPORT" ]]; do REPORT="$ROOT/bench/results/$DATE-$n.md"; n=$((n + 1)); done

COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "none")
DIRTY=$(git -C "$ROOT" status --porcelain -- . ':!bench/results' 2>/dev/null | wc -l)
JAR_INFO="not measured"
[[ $OLD_ONLY == 0 ]] && JAR_INFO="$(date -u -r "$JAR" +%Y-%m-%dT%H:%MZ) build of ${JAR#"$ROOT"/}"

MODE="default"
[[ $QUICK == 1 ]] && MODE="quick (BENCH_QUICK=1)"
log "running the bench ($MODE; sections: ${ONLY:-all}; <= ${DEADLINE} s per workload and design)"
# Upper bound for the whole client: 16 workload runs, the history build twice, storage, checks.
timeout $((DEADLINE * 20 + HISTORY_DEADLINE * 2 + 900)) java -cp "${BENCH_JDBC_JAR:+$BENCH_JDBC_JAR:}$BENCH_TOOL" \
  dev.velocity.filehistory.tools.bench.Bench \
  "jdbc=jdbc:postgresql://127.0.0.1:$PG_PORT/baseline" "velocityJdbc=jdbc:postgresql://127.0.0.1:$PG_PORT/velocity" \
  dbUser="$DB_USER" dbPassword="$DB_PASSWORD" \
  "${API_ARGS[@]}" saves="$SAVES" contentBytes="$CONTENT_BYTES" bigBytes="$BIG_BYTES" deadlineSeconds="$DEADLINE" \
  warmupSaves="$WARMUP" historyVersions="$HISTORY_VERSIONS" historyDeadlineSeconds="$HISTORY_DEADLINE" \
  historyBytes="$HISTORY_BYTES" storageSaves="$STORAGE_SAVES" storageBytes="$STORAGE_BYTES" lagEvery="$LAG_EVERY" \
  only="$ONLY" quick="$QUICK" report="$REPORT" newSkippedBecause="$SKIP_REASON" \
  pgPid="$(head -1 "$WORK/pg/postmaster.pid")" servicePid="${APP_PID:-0}" clockTicks="$(getconf CLK_TCK)" \
  "meta.mode=$MODE: $SAVES saves per client (half in rejected/lag/big), warm-up $WARMUP per client, history $HISTORY_VERSIONS versions, storage $STORAGE_SAVES saves" \
  "meta.date=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  "meta.work tree=$COMMIT ($DIRTY uncommitted paths)" \
  "meta.service=$JAR_INFO" \
  "meta.PostgreSQL=$PG_VERSION, default settings (fsync on), one instance for both designs" \
  "meta.machine=$(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)" \
  "meta.load average before the workloads=$(cut -d' ' -f1-3 /proc/loadavg) (anything else running shares these cores)"
log "report written to ${REPORT#"$ROOT"/} after $SECONDS s"
