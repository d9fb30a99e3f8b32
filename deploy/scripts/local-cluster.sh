#!/usr/bin/env bash
# A local Collab cluster on one machine, three nodes in one Orleans cluster through PostgreSQL membership: a
# throwaway PostgreSQL, one headless silo, and two Api nodes that co-host silos (so three silos, two HTTP front ends).
#
#   deploy/scripts/local-cluster.sh start  [dir]   build in Release, start everything, wait until both Apis are ready
#   deploy/scripts/local-cluster.sh status [dir]   each node's process, readiness and the cluster's membership
#   deploy/scripts/local-cluster.sh stop   [dir]   SIGTERM every node (they leave the cluster), then stop PostgreSQL
#
# dir defaults to /tmp/collab-cluster; logs (silo.log, api-a.log, api-b.log) are written there.
# Ports: Api HTTP 5001 and 5002, silo ports 11111-11113, gateways 30000-30002 (all on 127.0.0.1).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${2:-/tmp/collab-cluster}"
nodes=(silo api-a api-b)

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  for port in 5001 5002 11111 11112 11113 30000 30001 30002; do
    port_free "$port" || { echo "port $port is in use; stop what holds it (or an earlier cluster: $0 stop)" >&2; exit 1; }
  done
  mkdir -p "$dir"
  # One random key for every node of this cluster, kept beside its logs so tokens outlive a restart of the nodes.
  [[ -s "$dir/signing-key" ]] || (umask 077; head -c 48 /dev/urandom | base64 -w0 >"$dir/signing-key")
  local key; key="$(cat "$dir/signing-key")"
  bash "$root/deploy/scripts/pg-local.sh" start "$dir/pg" >/dev/null
  # shellcheck disable=SC1091
  . "$dir/pg/env"
  echo "postgres: $CONNECTION_STRING"
  echo "building (Release)..."
  dotnet build "$root/Api" -c Release -v quiet -nologo -p:UseSharedCompilation=false -nodeReuse:false </dev/null >"$dir/build.log" \
    || { echo "build failed; see $dir/build.log" >&2; exit 1; }
  local bin="$root/Api/bin/Release/net10.0" silo_bin="$root/Silo/bin/Release/net10.0"
  local common=(--Collab:Storage=postgres --Collab:Clustering=postgres "--ConnectionStrings:Postgres=$CONNECTION_STRING"
                "--Collab:Auth:SigningKey=$key" --environment=Development)
  cd "$dir"
  nohup dotnet "$silo_bin/Silo.dll" "${common[@]}" --Collab:Orleans:SiloPort=11111 --Collab:Orleans:GatewayPort=30000 \
      </dev/null >"$dir/silo.log" 2>&1 &
  echo $! >"$dir/silo.pid"
  nohup dotnet "$bin/Api.dll" "${common[@]}" --Collab:Orleans:SiloPort=11112 --Collab:Orleans:GatewayPort=30001 \
      --urls=http://127.0.0.1:5001 </dev/null >"$dir/api-a.log" 2>&1 &
  echo $! >"$dir/api-a.pid"
  nohup dotnet "$bin/Api.dll" "${common[@]}" --Collab:Orleans:SiloPort=11113 --Collab:Orleans:GatewayPort=30002 \
      --urls=http://127.0.0.1:5002 </dev/null >"$dir/api-b.log" 2>&1 &
  echo $! >"$dir/api-b.pid"
  for url in http://127.0.0.1:5001 http://127.0.0.1:5002; do
    for _ in $(seq 1 180); do
      curl -sf "$url/health/ready" >/dev/null 2>&1 && break
      sleep 1
    done
    curl -sf "$url/health/ready" >/dev/null || { echo "$url not ready; see $dir/*.log" >&2; exit 1; }
    echo "ready: $url"
  done
  membership
}

membership() {
  # shellcheck disable=SC1091
  . "$dir/pg/env"
  echo "membership (status 3 = active, 6 = dead):"
  PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" PGDATABASE="$PGDATABASE" psql -Atc "SELECT '  ' || address || ':' || port || ' gateway ' || proxy_port || ' status ' || status
                                   FROM orleans_membership ORDER BY port, generation" 2>/dev/null \
    || echo "  (cannot read; is PostgreSQL running?)"
}

status() {
  for name in "${nodes[@]}"; do
    if [[ -f "$dir/$name.pid" ]] && kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null; then
      echo "$name: running (pid $(cat "$dir/$name.pid"))"
    else
      echo "$name: not running"
    fi
  done
  for url in http://127.0.0.1:5001 http://127.0.0.1:5002; do
    echo "$url/health/ready: $(curl -s -m 5 "$url/health/ready" 2>/dev/null || echo 'no answer')"
  done
  membership
}

stop() {
  # Api nodes first (they drain their clients), then the silo; each leaves the cluster on SIGTERM, which needs
  # PostgreSQL, so the database stops last.
  for name in api-a api-b silo; do
    if [[ -f "$dir/$name.pid" ]]; then
      kill -TERM "$(cat "$dir/$name.pid")" 2>/dev/null || true
    fi
  done
  for name in api-a api-b silo; do
    if [[ -f "$dir/$name.pid" ]]; then
      local pid; pid="$(cat "$dir/$name.pid")"
      for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
      done
      if kill -0 "$pid" 2>/dev/null; then
        echo "$name (pid $pid) still running after 60 s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
      fi
      rm -f "$dir/$name.pid"
    fi
  done
  bash "$root/deploy/scripts/pg-local.sh" stop "$dir/pg" || true
}

case "${1:-}" in
  start) start ;;
  status) status ;;
  stop) stop ;;
  *) echo "usage: $0 start|status|stop [dir]" >&2; exit 2 ;;
esac
