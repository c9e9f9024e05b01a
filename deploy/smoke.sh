#!/usr/bin/env bash
# Runs the split deployment without Docker: a throwaway PostgreSQL 15, the command-side and query-side
# jars, and nginx with deploy/nginx.conf (upstream names and paths rewritten to loopback), then checks
# through the proxy that methods reach the right side, that live updates stream, and that the proxy's own
# errors are problem+json. Loopback only; every step is bounded; everything is stopped on exit.
#
#   mvn -B -DskipTests package && deploy/smoke.sh
#
# Needs root, /usr/lib/postgresql/15/bin (postgresql-15), nginx, curl. SMOKE_JARS_DIR=dir takes the
# repository root of another build (default: this one).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${SMOKE_JARS_DIR:-$ROOT}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
COMMAND_JAR="$BUILD/command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar"
QUERY_JAR="$BUILD/query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar"
STATIC="$BUILD/editor-ui/target/classes/static"

log() { printf '[smoke] %s\n' "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }
for f in "$COMMAND_JAR" "$QUERY_JAR" "$STATIC/index.html"; do [[ -e "$f" ]] || die "missing $f (mvn -B -DskipTests package)"; done
command -v nginx >/dev/null || die "no nginx (apt-get install -y nginx)"
[[ $(id -u) -eq 0 ]] || die "run as root (PostgreSQL runs as 'postgres' through runuser)"

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "no free port"
}

WORK=$(mktemp -d /tmp/velocity-smoke.XXXXXX)
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
  if [[ $rc -ne 0 ]]; then log "logs kept in $WORK"; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PG_PORT=$(free_port); COMMAND_PORT=$(free_port); QUERY_PORT=$(free_port); PROXY_PORT=$(free_port)
DB_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
mkdir "$WORK/pg"; chown postgres "$WORK/pg"
timeout 60 runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -E UTF8 --locale=C.UTF-8 \
  --auth-local=trust --auth-host=trust >"$WORK/initdb.log" 2>&1 || die "initdb"
timeout 90 runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -t 60 \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null || die "PostgreSQL did not start"
timeout 60 runuser -u postgres -- "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$WORK" -p "$PG_PORT" -d postgres \
  -c "CREATE ROLE velocity LOGIN PASSWORD '$DB_PASSWORD'" -c "CREATE DATABASE velocity OWNER velocity"

start_side() { # name jar port
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/velocity" SPRING_DATASOURCE_USERNAME=velocity \
  SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" PORT="$3" java -jar "$2" >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
}
log "starting command side :$COMMAND_PORT and query side :$QUERY_PORT"
start_side command-side "$COMMAND_JAR" "$COMMAND_PORT"
start_side query-side "$QUERY_JAR" "$QUERY_PORT"
for port in "$COMMAND_PORT" "$QUERY_PORT"; do
  for i in $(seq 1 180); do
    PORT=$port "$ROOT/deploy/healthcheck.sh" 2>/dev/null && break
    [[ $i == 180 ]] && { tail -40 "$WORK"/*-side.log >&2; die "a side was not healthy within 180 s"; }
    sleep 1
  done
done

sed -e "s/server query-side:8080;/server 127.0.0.1:$QUERY_PORT;/" \
    -e "s/server command-side:8080;/server 127.0.0.1:$COMMAND_PORT;/" \
    -e "s/listen 80;/listen 127.0.0.1:$PROXY_PORT;/" \
    -e "s#/usr/share/nginx/html#$STATIC#g" \
    -e "s#pid /tmp/nginx.pid#pid $WORK/nginx.pid#" \
    "$ROOT/deploy/nginx.conf" >"$WORK/nginx.conf"
nginx -t -q -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" || die "nginx -t"
nginx -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" -g 'daemon off;' >"$WORK/nginx.log" 2>&1 &
PIDS+=($!)
sleep 1

B="http://127.0.0.1:$PROXY_PORT"
FAILS=0
check() { # description, then a command that must succeed
  local what=$1; shift
  if "$@"; then log "ok   $what"; else log "FAIL $what"; FAILS=$((FAILS + 1)); fi
}
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }
upstream_of() { # the side nginx sent the last request for a path to, from its access log
  grep -F " $1 " "$WORK/nginx.log" | tail -1 | awk '{print $NF}'
}

check "editor page served at /" bash -c "curl -fsS --max-time 5 '$B/' | grep -qi '<html'"
check "GET /actuator/health UP through the proxy" bash -c "curl -fsS --max-time 5 '$B/actuator/health' | grep -q UP"

PROJECT=$(curl -fsS --max-time 10 -X POST "$B/api/projects" -H 'Content-Type: application/json' \
  -d '{"name":"smoke","user":"alice"}') || die "POST /api/projects"
ID=$(json_field projectId <<<"$PROJECT"); TOKEN=$(json_field token <<<"$PROJECT")
check "POST /api/projects went to the command side" test "$(upstream_of "/api/projects")" = "127.0.0.1:$COMMAND_PORT"

curl -sN --max-time 20 "$B/api/projects/$ID/updates?access_token=$TOKEN" >"$WORK/sse.txt" &
SSE=$!
sleep 2
SAVE=$(curl -sS --max-time 10 -o "$WORK/save.json" -w '%{http_code}' -X PUT "$B/api/projects/$ID/files?path=src/a.js" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"content":"console.log(1)\n","expectedVersion":0,"fileType":"javascript"}')
check "PUT a new file answers 201" test "$SAVE" = 201
check "PUT went to the command side" test "$(upstream_of "/api/projects/$ID/files")" = "127.0.0.1:$COMMAND_PORT"

CONTENT=$(curl -sS --max-time 10 -w ' %{http_code}' "$B/api/projects/$ID/files/content?path=src/a.js&minVersion=1" \
  -H "Authorization: Bearer $TOKEN")
check "GET content (minVersion=1) reads the save back" bash -c "grep -q 'console.log' <<<'$CONTENT' && [[ '$CONTENT' == *' 200' ]]"
check "GET went to the query side" test "$(upstream_of "/api/projects/$ID/files/content")" = "127.0.0.1:$QUERY_PORT"
check "HEAD went to the query side" bash -c "curl -sS --max-time 5 -o /dev/null -I '$B/api/projects/$ID/files' \
  -H 'Authorization: Bearer $TOKEN'; [[ \$(grep -F ' /api/projects/$ID/files ' '$WORK/nginx.log' | tail -1 | awk '{print \$NF}') == 127.0.0.1:$QUERY_PORT ]]"

STALE=$(curl -sS --max-time 10 -D "$WORK/stale.headers" -o "$WORK/stale.json" -w '%{http_code}' -X PUT \
  "$B/api/projects/$ID/files?path=src/a.js" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"content":"console.log(2)\n","expectedVersion":0}')
check "a stale save comes back 409 problem+json with currentVersion" bash -c \
  "[[ $STALE == 409 ]] && grep -qi 'content-type: application/problem+json' '$WORK/stale.headers' && grep -q currentVersion '$WORK/stale.json'"

sleep 2
kill "$SSE" 2>/dev/null || true
wait "$SSE" 2>/dev/null || true
check "live updates streamed the save as a file-changed event" grep -q 'file-changed' "$WORK/sse.txt"
check "the access token does not reach the access log" bash -c "! grep -qF '$TOKEN' '$WORK/nginx.log'"

kill "${PIDS[1]}"   # the query side
for _ in $(seq 1 60); do kill -0 "${PIDS[1]}" 2>/dev/null || break; sleep 0.5; done
DOWN=$(curl -sS --max-time 10 -D "$WORK/down.headers" -o "$WORK/down.json" -w '%{http_code}' "$B/api/projects/$ID/files" \
  -H "Authorization: Bearer $TOKEN")
check "query side down: the proxy answers 502 problem+json" bash -c \
  "[[ $DOWN == 502 ]] && grep -qi 'content-type: application/problem+json' '$WORK/down.headers'"

[[ $FAILS == 0 ]] || die "$FAILS check(s) failed"
log "all checks passed"
