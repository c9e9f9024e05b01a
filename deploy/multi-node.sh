#!/usr/bin/env bash
# Several nodes per side without Docker: a throwaway PostgreSQL 15, N command-side and N query-side processes
# (default 2) and nginx with deploy/nginx.conf whose upstreams list every node, then 32 writers save through the
# proxy for 20 s (tools/multi-node-load) and check that versions are gap-free, every acknowledged save is
# stored with its content hash, and GET /verify is ok. Prints saves/s. Loopback only; every step is bounded;
# everything is stopped on exit.
#
#   mvn -B -DskipTests package && deploy/multi-node.sh [--nodes N]
#
# Needs root, /usr/lib/postgresql/15/bin (postgresql-15), nginx, curl, python3. Env: MULTI_WRITERS (32),
# MULTI_SECONDS (20), MULTI_KEEP=1 keeps the logs after a pass, SMOKE_JARS_DIR as in deploy/smoke.sh.
# The stack is deploy/split-stack.sh; the load is the jar of tools/multi-node-load (built here if missing or stale).
set -euo pipefail

NODES=2
[[ ${1:-} == --nodes ]] && NODES=${2:?--nodes takes a number}
WRITERS=${MULTI_WRITERS:-32}
SECONDS_OF_LOAD=${MULTI_SECONDS:-20}
STACK_KEEP=${MULTI_KEEP:-}

log() { printf '[multi-node] %s\n' "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }
[[ $NODES =~ ^[1-4]$ ]] || die "--nodes takes 1 to 4"
source "$(dirname "${BASH_SOURCE[0]}")/split-stack.sh"
source "$ROOT/scripts/lib/java-tool.sh"
LOAD_JAR=$(tool_jar multi-node-load) || die "tools/multi-node-load does not build"
stack_begin multi

stack_database max_connections=200
# The first node of each side migrates the schema alone; the others start once it is healthy.
COMMAND_SERVERS=""; QUERY_SERVERS=""; NODE_PORTS=()
for n in $(seq 1 "$NODES"); do
  take_ports command_port query_port
  log "starting command side $n :$command_port and query side $n :$query_port"
  start_side "command-side-$n" "$COMMAND_JAR" "$command_port"
  start_side "query-side-$n" "$QUERY_JAR" "$query_port"
  await_healthy "$command_port"; await_healthy "$query_port"
  COMMAND_SERVERS+="server 127.0.0.1:$command_port; "
  QUERY_SERVERS+="server 127.0.0.1:$query_port; "
  NODE_PORTS+=("$command_port" "$query_port")
done
take_ports PROXY_PORT
start_proxy "$PROXY_PORT" "$COMMAND_SERVERS" "$QUERY_SERVERS"

log "$WRITERS writers for $SECONDS_OF_LOAD s through nginx on $NODES node(s) per side"
timeout $((SECONDS_OF_LOAD + 600)) java -jar "$LOAD_JAR" "http://127.0.0.1:$PROXY_PORT" \
  "$WRITERS" "$SECONDS_OF_LOAD" | tee "$WORK/load.txt" || die "the load's checks failed (see above)"
for port in "${NODE_PORTS[@]}"; do
  log "node :$port served $(grep -c " 127.0.0.1:$port\$" "$WORK/nginx.log" || true) proxied requests"
done
log "all checks passed with $NODES node(s) per side"
