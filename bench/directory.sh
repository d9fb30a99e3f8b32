#!/usr/bin/env bash
# directory.sh — the directory at city size (issue 19): imports a generated city of 252,000 people, their schools and
# 10,000 classes by CSV into a Collab it starts, on SQLite and then on a throw-away PostgreSQL (deploy/scripts/pg-local.sh),
# printing each file's import time, the server's peak memory and people-search latency. Extra arguments go to the bench
# (e.g. --people 50000 --classes 2000, or --smoke).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(mktemp -d /tmp/collab-directory-XXXXXX)"
chmod 755 "$dir"
pg="$root/deploy/scripts/pg-local.sh"
cleanup() {
  "$pg" stop "$dir" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
bench() { dotnet run --project "$root/bench/Collab.Bench" -c Release -- directory --root "$root" "$@"; }

bench --storage sqlite "$@"
"$pg" start "$dir" >/dev/null
# shellcheck disable=SC1091
. "$dir/env"
export PGHOST PGPORT PGUSER
psql -X -q -d postgres -c "CREATE DATABASE collab_directory" >/dev/null
bench --storage postgres --connection-string "Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=collab_directory" "$@"
