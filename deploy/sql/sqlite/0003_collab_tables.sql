-- Collab / SQLite
-- 0003: Collab's own tables. For now only the schema-version ledger; the
-- migration runner inserts one row per applied script (version = file number).
-- applied_at is UTC text "YYYY-MM-DD HH:MM:SS".
CREATE TABLE IF NOT EXISTS collab_schema_version
(
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
