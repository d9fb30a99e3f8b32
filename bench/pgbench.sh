#!/usr/bin/env bash
# pgbench.sh — the database ceiling for durable answer saves (issue 8, item 3).
#
# Starts a throw-away PostgreSQL with deploy/scripts/pg-local.sh, creates a table shaped like an answer upsert
# (attempt_id, question_id, ~300-byte jsonb payload; primary key on both ids; 1,000 attempts x 21 questions
# pre-filled, so every upsert updates a row as a save does), runs pgbench with one single-row
# INSERT ... ON CONFLICT DO UPDATE per transaction (durable: fsync and synchronous_commit on, the defaults) at each
# client count for PGBENCH_SECONDS, prints tps and commits per WAL flush (pg_stat_database.xact_commit over
# pg_stat_wal.wal_sync), then stops PostgreSQL and deletes it.
#
# With EXAM_ARGS set, it then runs the bench's exam scenario against a Collab it spawns on that same PostgreSQL
# (several runs separated by '|'), and prints the WAL counters of each run too:
#   EXAM_ARGS="--candidates 64 --save-interval-ms 0 --duration 20 | --candidates 500" bench/pgbench.sh
#
# Env: PGBENCH_CLIENTS (default "1 16 64"; empty: no pgbench), PGBENCH_SECONDS (default 20), EXAM_ARGS (default: none).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
clients="${PGBENCH_CLIENTS-1 16 64}"
seconds="${PGBENCH_SECONDS:-20}"
dir="$(mktemp -d /tmp/collab-pgbench-XXXXXX)"
chmod 755 "$dir"
pg="$root/deploy/scripts/pg-local.sh"

cleanup() {
  "$pg" stop "$dir" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"$pg" start "$dir" >/dev/null
# shellcheck disable=SC1091
. "$dir/env"
export PGHOST PGPORT PGUSER
psql_q() { psql -X -q -v ON_ERROR_STOP=1 -d "$1" -tA -c "$2"; }

psql_q postgres "CREATE DATABASE ceiling" >/dev/null
psql_q ceiling "
CREATE TABLE answers (attempt_id text NOT NULL, question_id text NOT NULL, payload jsonb NOT NULL,
                      PRIMARY KEY (attempt_id, question_id));
INSERT INTO answers
SELECT 'ex-bench0001:s' || a, 'q' || q,
       jsonb_build_object('answer', repeat('光合作用', 20), 'savedAt', now(), 'clientSeq', 0)
FROM generate_series(1, 1000) a, generate_series(1, 21) q;"
psql_q ceiling "VACUUM ANALYZE answers"
payload_bytes="$(psql_q ceiling "SELECT avg(octet_length(payload::text))::int FROM answers")"

cat > "$dir/upsert.sql" <<'SQL'
\set a random(1, 1000)
\set q random(1, 21)
\set seq random(1, 1000000)
INSERT INTO answers (attempt_id, question_id, payload)
VALUES ('ex-bench0001:s' || :a, 'q' || :q,
        jsonb_build_object('answer', repeat('光合作用', 20), 'savedAt', now(), 'clientSeq', :seq))
ON CONFLICT (attempt_id, question_id) DO UPDATE SET payload = excluded.payload;
SQL

# Cluster-wide WAL flushes and commits in database $1, as "commits syncs".
wal_counters() {
  psql_q postgres "SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = '$1') || ' ' || wal_sync FROM pg_stat_wal"
}
per_flush() {
  awk -v c0="$1" -v s0="$2" -v c1="$3" -v s1="$4" 'BEGIN { d = s1 - s0; if (d > 0) printf "%.1f", (c1 - c0) / d; else printf "-" }'
}

echo "PostgreSQL $(psql_q postgres 'SHOW server_version') on $(nproc) cores; fsync=$(psql_q postgres 'SHOW fsync'), synchronous_commit=$(psql_q postgres 'SHOW synchronous_commit'), wal_sync_method=$(psql_q postgres 'SHOW wal_sync_method')"
echo "single-row upsert, payload ${payload_bytes} bytes of jsonb text, ${seconds} s per client count"
echo
echo "| clients | tps | commits | WAL flushes | commits per flush |"
echo "|---:|---:|---:|---:|---:|"
for c in $clients; do
  read -r c0 s0 <<<"$(wal_counters ceiling)"
  threads=$(( c < 2 ? 1 : 2 ))
  tps="$(pgbench -n -f "$dir/upsert.sql" -c "$c" -j "$threads" -T "$seconds" ceiling 2>/dev/null \
         | awk '/^tps/ { printf "%.0f", $3 }')"
  read -r c1 s1 <<<"$(wal_counters ceiling)"
  echo "| $c | $tps | $((c1 - c0)) | $((s1 - s0)) | $(per_flush "$c0" "$s0" "$c1" "$s1") |"
done

if [[ -n "${EXAM_ARGS:-}" ]]; then
  IFS='|' read -ra exam_runs <<<"$EXAM_ARGS"
  for exam_args in "${exam_runs[@]}"; do
    echo
    echo "exam scenario on this PostgreSQL:$exam_args"
    read -r c0 s0 <<<"$(wal_counters collab)"
    # shellcheck disable=SC2086
    dotnet run -c Release --project "$root/bench/Collab.Bench" -- exam --spawn collab --storage postgres \
      --connection-string "$CONNECTION_STRING" $exam_args || echo "exam run failed: $?"
    read -r c1 s1 <<<"$(wal_counters collab)"
    echo "collab database during the exam run: $((c1 - c0)) commits, $((s1 - s0)) WAL flushes (cluster-wide), $(per_flush "$c0" "$s0" "$c1" "$s1") commits per flush"
  done
fi
