# Sourced. A throwaway PostgreSQL 15 (Debian's postgresql-15 in /usr/lib/postgresql/15/bin) in a work folder, for
# the scripts that run the service against a real database: bench/run.sh, deploy/smoke.sh, deploy/multi-node.sh.
# It runs as the 'postgres' OS user (initdb refuses root), listens on 127.0.0.1 only, and takes logins by password.
#
#   pg_start WORK [SETTING=VALUE...]   initdb in WORK/pg, start it; sets PG_PORT (the log is WORK/pg.log)
#   pg_admin [psql args...]            psql as the superuser over the socket in WORK
#   pg_add_owner ROLE PASSWORD DB...   a login role and databases it owns
#   pg_stop                            fast shutdown; harmless if it never started
# Callers check pg_missing first and call pg_stop from their exit trap.
source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_WORK=""

# Prints what this machine lacks to run pg_start (nothing if all is there).
pg_missing() {
  if [[ ! -x "$PG_BIN/initdb" ]]; then echo "no PostgreSQL 15 in $PG_BIN (apt-get install -y postgresql-15)"
  elif ! id postgres >/dev/null 2>&1; then echo "no 'postgres' OS user (it comes with postgresql-15)"
  elif [[ $(id -u) -ne 0 ]]; then echo "run as root: PostgreSQL is started as the 'postgres' user through runuser"
  fi
}

random_password() { head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'; }

pg_start() {
  local work=$1 options="" setting attempt
  shift
  for setting in "$@"; do options+=" -c $setting"; done
  PG_WORK=$work
  chmod 755 "$work"
  chown postgres "$work" # PostgreSQL writes its log and socket here
  mkdir "$work/pg"
  random_password >"$work/pg-pwfile" # the superuser's; nobody logs in with it, but no role is without one
  chown postgres "$work/pg" "$work/pg-pwfile"
  chmod 600 "$work/pg-pwfile"
  timeout 60 runuser -u postgres -- "$PG_BIN/initdb" -D "$work/pg" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 --pwfile="$work/pg-pwfile" >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; echo "initdb failed" >&2; return 1; }
  rm -f "$work/pg-pwfile"
  # Another process may bind the port between take_ports and the start: then take another one.
  for attempt in 1 2 3; do
    take_ports PG_PORT || return 1
    if timeout 90 runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -t 60 \
        -o "-p $PG_PORT -k $work -c listen_addresses=127.0.0.1$options" start >/dev/null; then
      return 0
    fi
    grep -q 'could not bind' "$work/pg.log" 2>/dev/null || break
  done
  cat "$work/pg.log" >&2
  echo "PostgreSQL did not start" >&2
  return 1
}

pg_admin() {
  timeout 60 runuser -u postgres -- "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_WORK" -p "$PG_PORT" "$@"
}

pg_add_owner() {
  local role=$1 password=$2 db commands=()
  shift 2
  commands+=(-c "CREATE ROLE $role LOGIN PASSWORD '$password'")
  for db in "$@"; do commands+=(-c "CREATE DATABASE $db OWNER $role"); done
  pg_admin -d postgres "${commands[@]}"
}

pg_stop() {
  if [[ -n "$PG_WORK" && -f "$PG_WORK/pg/postmaster.pid" ]]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_WORK/pg" -m fast -t 30 stop >/dev/null 2>&1 || true
  fi
}
