-- Collab / PostgreSQL
-- 0014: attachments (PROTOCOL §9: POST /api/files), the files of lesson plans,
-- tutoring rooms and exams. A cluster keeps the bytes here, in the row, so that
-- every node reads what any node stored and the row and its bytes are written
-- in one transaction: an upload is either all there or not at all. bytea rather
-- than large objects: a large object outlives a deleted row unless unlinked, and
-- Npgsql streams a bytea both ways (a Stream parameter; GetStream with sequential
-- access). EXTERNAL storage: uploads are mostly compressed formats already, and
-- uncompressed TOAST lets PostgreSQL hand out the bytes without inflating them.
-- uploaded_at is Unix milliseconds.
CREATE TABLE IF NOT EXISTS attachments
(
    id           TEXT        COLLATE "C" PRIMARY KEY,
    owner        TEXT        COLLATE "C" NOT NULL,
    name         TEXT        NOT NULL,
    content_type TEXT        NOT NULL,
    size         BIGINT      NOT NULL,
    uploaded_by  TEXT        COLLATE "C" NOT NULL,
    uploaded_at  BIGINT      NOT NULL,
    content      BYTEA       NOT NULL
);
ALTER TABLE attachments ALTER COLUMN content SET STORAGE EXTERNAL;
CREATE INDEX IF NOT EXISTS attachments_owner ON attachments (owner, uploaded_at);
