#!/usr/bin/env bash
# pg-local.sh — throw-away local PostgreSQL 15 cluster for tests.
#
#   pg-local.sh start <dir>   initdb (first time) + start on a free 127.0.0.1 port,
#                             create database "collab"; prints PGPORT=... and
#                             CONNECTION_STRING='...' (also written to <dir>/env,
#                             which is shell-sourceable: . <dir>/env)
#   pg-local.sh stop  <dir>   fast shutdown (idempotent)
#   pg-local.sh status <dir>  exit 0 when running
#
# Works as root (server runs as the OS user "postgres" via runuser) or as an
# ordinary user (server runs as that user). Auth is "trust" (local socket and
# 127.0.0.1 only) — test use only. Env overrides: PG_BIN, PG_DB (default collab),
# PG_START_TIMEOUT (default 60 s).
set -euo pipefail

PG_DB="${PG_DB:-collab}"
PG_START_TIMEOUT="${PG_START_TIMEOUT:-60}"

die() { echo "pg-local: $*" >&2; exit 1; }

find_bin() {
  if [[ -n "${PG_BIN:-}" && -x "$PG_BIN/initdb" ]]; then echo "$PG_BIN"; return 0; fi
  local d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" ]] && { echo "$d"; return 0; }
  done
  return 1
}

ensure_bin() {
  if ! PG_BIN="$(find_bin)"; then
    [[ "$(id -u)" == 0 ]] || die "initdb not found and not root: install postgresql-15 first"
    echo "pg-local: installing postgresql-15 ..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql-15 >&2
    PG_BIN="$(find_bin)" || die "initdb still missing after install"
  fi
  export PG_BIN
}

# run a command as the server's OS user
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  local p
  if command -v python3 >/dev/null 2>&1; then
    python3 - <<'EOF'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
EOF
    return 0
  fi
  for p in $(seq 54320 54999); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  die "no free port found"
}

is_running() {
  local dir="$1"
  [[ -f "$dir/data/postmaster.pid" ]] && as_pg "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

print_env() {
  local dir="$1" port
  port="$(cat "$dir/port")"
  cat > "$dir/env" <<EOF
PGHOST=127.0.0.1
PGPORT=$port
PGUSER=postgres
PGDATABASE=$PG_DB
CONNECTION_STRING='Host=127.0.0.1;Port=$port;Username=postgres;Database=$PG_DB'
EOF
  chmod 644 "$dir/env"
  cat "$dir/env"
}

cmd_start() {
  local dir="${1:?usage: start <dir>}"
  ensure_bin
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  if [[ "$(id -u)" == 0 ]]; then
    id postgres >/dev/null 2>&1 || die "OS user postgres missing (install postgresql-15)"
    chown postgres: "$dir"
    # the server user must be able to traverse to <dir>
    as_pg test -x "$dir" || die "user postgres cannot access $dir (choose a dir under /tmp)"
  fi

  if is_running "$dir"; then
    echo "pg-local: already running" >&2
    print_env "$dir"; return 0
  fi

  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  fi
  mkdir -p "$dir/sock"
  [[ "$(id -u)" == 0 ]] && chown postgres: "$dir/sock"

  local port tries=0
  while :; do
    # A restarted server keeps its port (clients hold connection strings), unless that port is taken now.
    if [[ $tries -eq 0 && -f "$dir/port" ]] && ! (exec 3<>"/dev/tcp/127.0.0.1/$(cat "$dir/port")") 2>/dev/null; then
      port="$(cat "$dir/port")"
    else
      port="$(free_port)"
    fi
    echo "$port" > "$dir/port"
    if as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t "$PG_START_TIMEOUT" \
         -o "-p $port -k $dir/sock -c listen_addresses=127.0.0.1" start >/dev/null; then
      break
    fi
    tries=$((tries + 1))
    [[ $tries -lt 3 ]] || { tail -n 30 "$dir/server.log" >&2 || true; die "server failed to start"; }
    echo "pg-local: start on port $port failed, retrying" >&2
  done

  local deadline=$((SECONDS + PG_START_TIMEOUT))
  until pg_isready_cmd "$port" >/dev/null 2>&1; do
    [[ $SECONDS -lt $deadline ]] || { tail -n 30 "$dir/server.log" >&2; die "not ready after ${PG_START_TIMEOUT}s"; }
    sleep 0.5
  done

  if ! psql_cmd "$port" postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" | grep -q 1; then
    psql_cmd "$port" postgres -qc "CREATE DATABASE \"$PG_DB\"" >/dev/null
  fi
  print_env "$dir"
}

pg_isready_cmd() {
  local isready="$PG_BIN/pg_isready"; [[ -x "$isready" ]] || isready=pg_isready
  "$isready" -h 127.0.0.1 -p "$1" -U postgres -t 5
}

psql_cmd() {
  local port="$1" db="$2"; shift 2
  local psql="$PG_BIN/psql"; [[ -x "$psql" ]] || psql=psql
  "$psql" -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 "$@"
}

cmd_stop() {
  local dir="${1:?usage: stop <dir>}"
  ensure_bin
  [[ -d "$dir/data" ]] || { echo "pg-local: nothing at $dir" >&2; return 0; }
  dir="$(cd "$dir" && pwd)"
  if is_running "$dir"; then
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null \
      || as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null
    echo "pg-local: stopped" >&2
  else
    echo "pg-local: not running" >&2
  fi
}

cmd_status() {
  local dir="${1:?usage: status <dir>}"
  ensure_bin
  is_running "$dir" && { echo running; print_env "$dir" >/dev/null; return 0; }
  echo stopped; return 1
}

case "${1:-}" in
  start)  shift; cmd_start "$@" ;;
  stop)   shift; cmd_stop "$@" ;;
  status) shift; cmd_status "$@" ;;
  *) echo "usage: $0 start|stop|status <dir>" >&2; exit 2 ;;
esac
