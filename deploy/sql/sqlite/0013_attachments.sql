-- Collab / SQLite
-- 0013: attachments (PROTOCOL §9: POST /api/files), the files of lesson plans,
-- tutoring rooms and exams. The embedded default keeps the bytes as files under
-- the data folder (attachments/<id>) and their description here; a row is
-- written only after its file is durable, so a row never names missing bytes.
-- uploaded_at is Unix milliseconds.
CREATE TABLE IF NOT EXISTS attachments
(
    id           TEXT    PRIMARY KEY,
    owner        TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    uploaded_by  TEXT    NOT NULL,
    uploaded_at  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS attachments_owner ON attachments (owner, uploaded_at);
