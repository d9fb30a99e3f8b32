-- Collab / SQLite
-- 0004: the lesson-plan op log (DESIGN §4). One row per accepted op, appended
-- instead of rewriting the plan; the grain replays the rows after its last
-- snapshot's seq when it activates. ops, result and event are JSON text; at is
-- the op's server time as written by Microsoft.Data.Sqlite (ISO-8601 text).
CREATE TABLE IF NOT EXISTS lessonprep_ops
(
    plan_id    TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    revision   INTEGER NOT NULL,
    section    TEXT    NOT NULL,
    ops        TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    client_id  TEXT    NOT NULL,
    client_seq INTEGER NOT NULL,
    result     TEXT    NOT NULL,
    event      TEXT    NOT NULL,
    at         TEXT    NOT NULL,
    PRIMARY KEY (plan_id, seq)
);

-- Activation reads a plan's rows by revision (the transform window plus the rows after the snapshot).
CREATE UNIQUE INDEX IF NOT EXISTS lessonprep_ops_revision ON lessonprep_ops (plan_id, revision);
