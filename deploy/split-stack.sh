# Sourced by deploy/smoke.sh and deploy/multi-node.sh: the split deployment without Docker on loopback. A throwaway
# PostgreSQL 15 (scripts/lib/postgres.sh), command-side and query-side jars, and nginx with deploy/nginx.conf whose
# upstream names and paths are rewritten to loopback. Everything it starts is stopped on exit; the logs in $WORK
# are kept after a failure (or when STACK_KEEP is set). Callers define log and die before sourcing this.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/lib/postgres.sh"
BUILD=${SMOKE_JARS_DIR:-$ROOT}
COMMAND_JAR="$BUILD/command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar"
QUERY_JAR="$BUILD/query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar"
STATIC="$BUILD/editor-ui/target/classes/static"

# stack_begin NAME: checks what the stack needs, makes $WORK and installs the exit trap.
stack_begin() {
  local f missing
  for f in "$COMMAND_JAR" "$QUERY_JAR" "$STATIC/index.html"; do [[ -e "$f" ]] || die "missing $f (mvn -B -DskipTests package)"; done
  command -v nginx >/dev/null || die "no nginx (apt-get install -y nginx)"
  missing=$(pg_missing)
  [[ -z "$missing" ]] || die "$missing"
  WORK=$(mktemp -d "/tmp/velocity-$1.XXXXXX")
  PIDS=()
  trap stack_end EXIT
  trap 'exit 130' INT TERM
}

stack_end() {
  local rc=$? pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
  pg_stop
  if [[ $rc -ne 0 || -n ${STACK_KEEP:-} ]]; then log "logs kept in $WORK"; else rm -rf "$WORK"; fi
  exit $rc
}

# stack_database [SETTING=VALUE...]: PostgreSQL with the role and database 'velocity' (password $DB_PASSWORD).
stack_database() {
  pg_start "$WORK" "$@" || die "PostgreSQL did not start"
  DB_PASSWORD=$(random_password)
  pg_add_owner velocity "$DB_PASSWORD" velocity || die "could not create the database"
}

# start_side NAME JAR PORT: one node of a side, its log in $WORK/NAME.log; its pid is the last of PIDS.
start_side() {
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/velocity" SPRING_DATASOURCE_USERNAME=velocity \
  SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" PORT="$3" java -jar "$2" >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
}

# await_healthy PORT: until the node's /actuator/health is UP, at most 180 s.
await_healthy() {
  local i
  for i in $(seq 1 180); do
    PORT=$1 "$ROOT/deploy/healthcheck.sh" 2>/dev/null && return
    [[ $i == 180 ]] && { tail -40 "$WORK"/*-side*.log >&2; die "node :$1 was not healthy within 180 s"; }
    sleep 1
  done
}

# start_proxy PORT "COMMAND_SERVERS" "QUERY_SERVERS": nginx on 127.0.0.1:PORT; the servers are nginx
# 'server HOST:PORT;' lines of each upstream. Its access log is $WORK/nginx.log.
start_proxy() {
  sed -e "s/server query-side:8080;/$3/" \
      -e "s/server command-side:8080;/$2/" \
      -e "s/listen 80;/listen 127.0.0.1:$1;/" \
      -e "s#/usr/share/nginx/html#$STATIC#g" \
      -e "s#pid /tmp/nginx.pid#pid $WORK/nginx.pid#" \
      "$ROOT/deploy/nginx.conf" >"$WORK/nginx.conf"
  nginx -t -q -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" || die "nginx -t"
  nginx -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" -g 'daemon off;' >"$WORK/nginx.log" 2>&1 &
  PIDS+=($!)
  sleep 1
}
