#!/usr/bin/env bash
# Runs the split deployment without Docker: a throwaway PostgreSQL 15, the command-side and query-side
# jars, and nginx with deploy/nginx.conf (upstream names and paths rewritten to loopback), then checks
# through the proxy that methods reach the right side, that live updates stream (uncompressed), that the editor's
# files and the API's answers come compressed and cached as they should, and that the proxy's own errors are
# problem+json. Loopback only; every step is bounded; everything is stopped on exit.
#
#   mvn -B -DskipTests package && deploy/smoke.sh
#
# Needs root, /usr/lib/postgresql/15/bin (postgresql-15), nginx, curl, python3. SMOKE_JARS_DIR=dir takes the
# repository root of another build (default: this one). The stack itself is deploy/split-stack.sh.
set -euo pipefail

log() { printf '[smoke] %s\n' "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }
source "$(dirname "${BASH_SOURCE[0]}")/split-stack.sh"
stack_begin smoke

stack_database
take_ports COMMAND_PORT QUERY_PORT PROXY_PORT
log "starting command side :$COMMAND_PORT and query side :$QUERY_PORT"
start_side command-side "$COMMAND_JAR" "$COMMAND_PORT"
start_side query-side "$QUERY_JAR" "$QUERY_PORT"
await_healthy "$COMMAND_PORT"
await_healthy "$QUERY_PORT"
start_proxy "$PROXY_PORT" "server 127.0.0.1:$COMMAND_PORT;" "server 127.0.0.1:$QUERY_PORT;"

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
headers_of() { # headers_of NAME CURL_ARGS...: a GET that accepts gzip, its headers in $WORK/NAME.headers
  local name=$1; shift
  curl -fsS --max-time 10 -o /dev/null -D "$WORK/$name.headers" -H 'Accept-Encoding: gzip' "$@"
}
has_header() { grep -qi "^$2" "$WORK/$1.headers"; }
page_revalidated() {
  headers_of page "$B/" && has_header page 'cache-control: no-cache' || return 1
  local etag; etag=$(grep -i '^etag:' "$WORK/page.headers" | cut -d' ' -f2- | tr -d '\r')
  [[ $(curl -sS --max-time 5 -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$B/") == 304 ]]
}
script_precompressed() {
  local script; script=$(curl -fsS --max-time 5 "$B/" | grep -o '/assets/index-[^"]*[.]js' | head -1)
  headers_of script "$B$script" && has_header script 'content-encoding: gzip' \
    && has_header script 'cache-control: public, max-age=31536000, immutable'
}
check "the page is revalidated (no-cache, ETag, 304)" page_revalidated
check "the editor's script comes gzipped and is kept a year" script_precompressed
check "GET /actuator/health UP through the proxy" bash -c "curl -fsS --max-time 5 '$B/actuator/health' | grep -q UP"
check "/api-docs describes the query routes" bash -c "curl -fsS --max-time 10 '$B/api-docs' | grep -qF '/api/projects/{projectId}/timeline'"
check "/api-docs/commands describes the command routes" bash -c "curl -fsS --max-time 10 '$B/api-docs/commands' | grep -qF '/api/projects/{projectId}/files/move'"
check "/api-docs/ui opens" bash -c "curl -fsSL --max-time 10 '$B/api-docs/ui' | grep -qi 'swagger'"
check "/api-docs/ui offers both sides' descriptions" bash -c "curl -fsS --max-time 10 '$B/api-docs/swagger-config' | grep -qF '/api-docs/commands'"

PROJECT=$(curl -fsS --max-time 10 -X POST "$B/api/projects" -H 'Content-Type: application/json' \
  -d '{"name":"smoke","user":"alice"}') || die "POST /api/projects"
ID=$(json_field projectId <<<"$PROJECT"); TOKEN=$(json_field token <<<"$PROJECT")
check "POST /api/projects went to the command side" test "$(upstream_of "/api/projects")" = "127.0.0.1:$COMMAND_PORT"

curl -sN --max-time 20 -H 'Accept-Encoding: gzip' -D "$WORK/sse.headers" "$B/api/projects/$ID/updates?access_token=$TOKEN" \
  >"$WORK/sse.txt" &
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
check "live updates are not compressed" bash -c "! grep -qi '^content-encoding' '$WORK/sse.headers'"
api_gzipped() { headers_of "$1" -H "Authorization: Bearer $TOKEN" "$B/api/projects/$ID/$1" && has_header "$1" 'content-encoding: gzip'; }
check "the file list comes gzipped through the proxy" api_gzipped files
check "the audit stream comes gzipped through the proxy" api_gzipped events
check "the access token does not reach the access log" bash -c "! grep -qF '$TOKEN' '$WORK/nginx.log'"

kill "${PIDS[1]}"   # the query side
for _ in $(seq 1 60); do kill -0 "${PIDS[1]}" 2>/dev/null || break; sleep 0.5; done
DOWN=$(curl -sS --max-time 10 -D "$WORK/down.headers" -o "$WORK/down.json" -w '%{http_code}' "$B/api/projects/$ID/files" \
  -H "Authorization: Bearer $TOKEN")
check "query side down: the proxy answers 502 problem+json" bash -c \
  "[[ $DOWN == 502 ]] && grep -qi 'content-type: application/problem+json' '$WORK/down.headers'"

[[ $FAILS == 0 ]] || die "$FAILS check(s) failed"
log "all checks passed"
