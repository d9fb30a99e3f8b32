#!/usr/bin/env bash
# Idle hub connections on one node beyond one process's open-file limit (this sandbox: 20,000, not raisable): starts
# the server (B0 or the embedded Collab) on a free loopback port, then P load generators one after another, each
# opening TOTAL/P idle connections and holding them while the next ones open; after the last has settled, prints the
# server's established connections, RSS growth per connection and CPU used. Everything it starts is stopped by pid.
#
#   bench/connections.sh b0|collab TOTAL [P=2]
#
# Needs the Release builds: dotnet build -c Release bench/Collab.Bench && dotnet build -c Release Api -p:CollabBuildWeb=false
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:?b0 or collab}"
total="${2:?total connections}"
procs="${3:-2}"
per=$(( total / procs ))
bench="$root/bench/Collab.Bench/bin/Release/net10.0/Collab.Bench.dll"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
url="http://127.0.0.1:$port"
work="$(mktemp -d /tmp/collab-connections-XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -n "${server:-}" ]] && kill "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work/data"
}
trap cleanup EXIT

if [[ "$target" == b0 ]]; then
  dotnet "$root/bench/Collab.Bench.Baseline/bin/Release/net10.0/Collab.Bench.Baseline.dll" --environment=Development \
    --urls="$url" --mode=b0 --data-directory="$work/data" >"$work/server.log" 2>&1 &
  ready=/health/live
else
  dotnet "$root/Api/bin/Release/net10.0/Api.dll" --environment=Development --urls="$url" --Collab:DataDirectory="$work/data" \
    --Collab:Orleans:SiloPort="$(free_port)" --Collab:Orleans:GatewayPort="$(free_port)" \
    --Collab:RateLimit:HubBurst=100000 --Collab:RateLimit:HubPerSecond=100000 \
    --Collab:RateLimit:RestBurst=100000 --Collab:RateLimit:RestPerSecond=100000 >"$work/server.log" 2>&1 &
  ready=/health/ready
fi
server=$!
for _ in $(seq 1 120); do curl -sf "$url$ready" >/dev/null 2>&1 && break; sleep 1; done
curl -sf "$url$ready" >/dev/null
echo "[$target] pid $server at $url (open-file limit per process: $(ulimit -n)); $procs load generators x $per connections"

rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$server/status"; }
cpu() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
rss0=$(rss); cpu0=$(cpu); start=$(date +%s.%N)
for i in $(seq 1 "$procs"); do
  # Each holds its connections until all have opened; the hold is bounded so nothing outlives the run.
  dotnet "$bench" connections --url "$url" --server-pid "$server" --connections "$per" --settle 5 --hold 600 \
    >"$work/load-$i.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do grep -qs '^== connections' "$work/load-$i.log" && break; kill -0 "${pids[-1]}" 2>/dev/null || break; sleep 1; done
  grep -h '^== connections\|^server pid\|failed' "$work/load-$i.log" | sed "s/^/[load $i] /"
done
rss1=$(rss); cpu1=$(cpu); end=$(date +%s.%N)
established=$(ss -Htn state established "( sport = :$port )" | wc -l)
awk -v n="$established" -v a="$rss0" -v b="$rss1" -v c0="$cpu0" -v c1="$cpu1" -v s="$start" -v e="$end" -v t="$target" 'BEGIN {
  printf "== %s: %d connections established at the server; RSS %.0f -> %.0f MiB = %.1f KiB per connection; %.1f server CPU s over %.0f s\n",
    t, n, a / 1024, b / 1024, (b - a) / n, (c1 - c0) / 100, e - s }'
