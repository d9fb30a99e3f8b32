#!/usr/bin/env bash
# A local Collab cluster on one machine: a throwaway PostgreSQL, one headless silo, and two Api nodes that
# co-host silos, all in one cluster through PostgreSQL membership.
#
#   deploy/scripts/local-cluster.sh start [dir]   build, start everything, print the Api URLs
#   deploy/scripts/local-cluster.sh stop  [dir]   stop everything started by "start"
#
# dir defaults to /tmp/collab-cluster; logs are written there.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${2:-/tmp/collab-cluster}"
key="local-cluster-signing-key-0123456789abcdef"

start() {
  mkdir -p "$dir"
  bash "$root/deploy/scripts/pg-local.sh" start "$dir/pg" >/dev/null
  # shellcheck disable=SC1091
  . "$dir/pg/env"
  dotnet build "$root/Api" -c Release -v quiet -nologo -p:UseSharedCompilation=false -nodeReuse:false </dev/null >/dev/null
  local bin="$root/Api/bin/Release/net10.0" silo_bin="$root/Silo/bin/Release/net10.0"
  local common=(--Collab:Storage=postgres --Collab:Clustering=postgres "--ConnectionStrings:Postgres=$CONNECTION_STRING"
                --Collab:Auth:SigningKey=$key --environment=Development)
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
    for _ in $(seq 1 120); do
      curl -sf "$url/health/ready" >/dev/null 2>&1 && break
      sleep 1
    done
    curl -sf "$url/health/ready" >/dev/null || { echo "$url not ready; see $dir/*.log" >&2; exit 1; }
    echo "ready: $url"
  done
}

stop() {
  for name in api-a api-b silo; do
    if [[ -f "$dir/$name.pid" ]]; then
      kill "$(cat "$dir/$name.pid")" 2>/dev/null || true
    fi
    rm -f "$dir/$name.pid"
  done
  bash "$root/deploy/scripts/pg-local.sh" stop "$dir/pg" || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop [dir]" >&2; exit 2 ;;
esac
