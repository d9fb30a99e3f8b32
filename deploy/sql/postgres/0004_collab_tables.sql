-- Collab / PostgreSQL 15
-- 0004: Collab's own tables. For now only the schema-version ledger; the
-- migration runner inserts one row per applied script (version = file number).
CREATE TABLE IF NOT EXISTS collab_schema_version
(
    version    integer     PRIMARY KEY,
    name       text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
