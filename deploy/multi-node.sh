#!/usr/bin/env bash
# Several nodes per side without Docker: a throwaway PostgreSQL 15, N command-side and N query-side processes
# (default 2) and nginx with deploy/nginx.conf whose upstreams list every node, then 32 writers save through the
# proxy for 20 s (deploy/MultiNodeLoad.java) and check that versions are gap-free, every acknowledged save is
# stored with its content hash, and GET /verify is ok. Prints saves/s. Loopback only; every step is bounded;
# everything is stopped on exit.
#
#   mvn -B -DskipTests package && deploy/multi-node.sh [--nodes N]
#
# Needs root, /usr/lib/postgresql/15/bin (postgresql-15), nginx, curl. Env: MULTI_WRITERS (32),
# MULTI_SECONDS (20), MULTI_KEEP=1 keeps the logs after a pass, SMOKE_JARS_DIR as in deploy/smoke.sh.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${SMOKE_JARS_DIR:-$ROOT}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
COMMAND_JAR="$BUILD/command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar"
QUERY_JAR="$BUILD/query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar"
STATIC="$BUILD/editor-ui/target/classes/static"
NODES=2
[[ ${1:-} == --nodes ]] && NODES=${2:?--nodes takes a number}
WRITERS=${MULTI_WRITERS:-32}
SECONDS_OF_LOAD=${MULTI_SECONDS:-20}

log() { printf '[multi-node] %s\n' "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }
for f in "$COMMAND_JAR" "$QUERY_JAR" "$STATIC/index.html"; do [[ -e "$f" ]] || die "missing $f (mvn -B -DskipTests package)"; done
command -v nginx >/dev/null || die "no nginx (apt-get install -y nginx)"
[[ $(id -u) -eq 0 ]] || die "run as root (PostgreSQL runs as 'postgres' through runuser)"
[[ $NODES =~ ^[1-4]$ ]] || die "--nodes takes 1 to 4"

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "no free port"
}

WORK=$(mktemp -d /tmp/velocity-multi.XXXXXX)
chmod 755 "$WORK"
chown postgres "$WORK"
PIDS=()
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
  [[ -f "$WORK/pg/postmaster.pid" ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -t 30 stop >/dev/null 2>&1
  if [[ $rc -ne 0 || -n ${MULTI_KEEP:-} ]]; then log "logs kept in $WORK"; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PG_PORT=$(free_port); PROXY_PORT=$(free_port)
DB_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
mkdir "$WORK/pg"; chown postgres "$WORK/pg"
timeout 60 runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -E UTF8 --locale=C.UTF-8 \
  --auth-local=trust --auth-host=trust >"$WORK/initdb.log" 2>&1 || die "initdb"
timeout 90 runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -t 60 \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
  || die "PostgreSQL did not start"
timeout 60 runuser -u postgres -- "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$WORK" -p "$PG_PORT" -d postgres \
  -c "CREATE ROLE velocity LOGIN PASSWORD '$DB_PASSWORD'" -c "CREATE DATABASE velocity OWNER velocity"

start_side() { # name jar port
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/velocity" SPRING_DATASOURCE_USERNAME=velocity \
  SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" PORT="$3" java -jar "$2" >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
}
await_healthy() { # port
  for i in $(seq 1 180); do
    PORT=$1 "$ROOT/deploy/healthcheck.sh" 2>/dev/null && return
    [[ $i == 180 ]] && { tail -40 "$WORK"/*-side-*.log >&2; die "node :$1 was not healthy within 180 s"; }
    sleep 1
  done
}

# The first node of each side migrates the schema alone; the others start once it is healthy.
COMMAND_SERVERS=""; QUERY_SERVERS=""; NODE_PORTS=()
for n in $(seq 1 "$NODES"); do
  command_port=$(free_port); query_port=$(free_port)
  log "starting command side $n :$command_port and query side $n :$query_port"
  start_side "command-side-$n" "$COMMAND_JAR" "$command_port"
  start_side "query-side-$n" "$QUERY_JAR" "$query_port"
  await_healthy "$command_port"; await_healthy "$query_port"
  COMMAND_SERVERS+="server 127.0.0.1:$command_port; "
  QUERY_SERVERS+="server 127.0.0.1:$query_port; "
  NODE_PORTS+=("$command_port" "$query_port")
done

sed -e "s/server query-side:8080;/$QUERY_SERVERS/" \
    -e "s/server command-side:8080;/$COMMAND_SERVERS/" \
    -e "s/listen 80;/listen 127.0.0.1:$PROXY_PORT;/" \
    -e "s#/usr/share/nginx/html#$STATIC#g" \
    -e "s#pid /tmp/nginx.pid#pid $WORK/nginx.pid#" \
    "$ROOT/deploy/nginx.conf" >"$WORK/nginx.conf"
nginx -t -q -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" || die "nginx -t"
nginx -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" -g 'daemon off;' >"$WORK/nginx.log" 2>&1 &
PIDS+=($!)
sleep 1

log "$WRITERS writers for $SECONDS_OF_LOAD s through nginx on $NODES node(s) per side"
timeout $((SECONDS_OF_LOAD + 600)) java "$ROOT/deploy/MultiNodeLoad.java" "http://127.0.0.1:$PROXY_PORT" \
  "$WRITERS" "$SECONDS_OF_LOAD" | tee "$WORK/load.txt" || die "the load's checks failed (see above)"
for port in "${NODE_PORTS[@]}"; do
  log "node :$port served $(grep -c " 127.0.0.1:$port\$" "$WORK/nginx.log" || true) proxied requests"
done
log "all checks passed with $NODES node(s) per side"
