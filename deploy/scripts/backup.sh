#!/usr/bin/env bash
# Back up and restore Collab's PostgreSQL database: everything durable (grain state, reminders, membership, the
# project's tables, the schema version) is in that one database.
#
#   deploy/scripts/backup.sh backup  <file>   pg_dump -Fc of the database into <file> (consistent while Collab runs)
#   deploy/scripts/backup.sh restore <file>   pg_restore <file> into the database, which must be empty
#
# The database is chosen by libpq's variables: PGHOST, PGPORT, PGUSER, PGDATABASE (and PGPASSWORD or ~/.pgpass).
# Restore with every Collab node stopped, then start the silos: the membership rows restored from the dump belong to
# silos that are gone, and the new silos declare them dead. PG_BIN overrides where pg_dump and pg_restore are found.
set -euo pipefail

die() { echo "backup: $*" >&2; exit 1; }

bin() {
  if [[ -n "${PG_BIN:-}" && -x "$PG_BIN/$1" ]]; then echo "$PG_BIN/$1"; return; fi
  local d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [[ -x "$d/$1" ]] && { echo "$d/$1"; return; }
  done
  command -v "$1" || die "$1 not found (set PG_BIN)"
}

[[ -n "${PGDATABASE:-}" ]] || die "set PGDATABASE (and PGHOST, PGPORT, PGUSER) to the Collab database"
file="${2:-}"
[[ -n "$file" ]] || die "usage: $0 backup|restore <file>"

case "${1:-}" in
  backup)
    "$(bin pg_dump)" --format=custom --no-owner --file="$file.partial"
    mv "$file.partial" "$file"
    echo "backed up $PGDATABASE to $file ($(wc -c <"$file") bytes)"
    ;;
  restore)
    [[ -f "$file" ]] || die "no such file: $file"
    tables="$("$(bin psql)" -Atc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")"
    [[ "$tables" == "0" ]] || die "$PGDATABASE is not empty ($tables tables): restore into a new database"
    "$(bin pg_restore)" --exit-on-error --no-owner --single-transaction --dbname="$PGDATABASE" "$file"
    echo "restored $file into $PGDATABASE"
    ;;
  *) die "usage: $0 backup|restore <file>" ;;
esac
