-- Collab / PostgreSQL 15
-- 0005: the lesson-plan op log (DESIGN §4). One row per accepted op, appended
-- instead of rewriting the plan; the grain replays the rows after its last
-- snapshot's seq when it activates. ops, result and event are JSON text, kept
-- verbatim (not jsonb) so a replayed event is byte-for-byte the one first sent.
CREATE TABLE IF NOT EXISTS lessonprep_ops
(
    plan_id    text        NOT NULL,
    seq        bigint      NOT NULL,
    revision   bigint      NOT NULL,
    section    text        NOT NULL,
    ops        text        NOT NULL,
    user_id    text        NOT NULL,
    client_id  text        NOT NULL,
    client_seq bigint      NOT NULL,
    result     text        NOT NULL,
    event      text        NOT NULL,
    at         timestamptz NOT NULL,
    PRIMARY KEY (plan_id, seq)
);

-- Activation reads a plan's rows by revision (the transform window plus the rows after the snapshot).
CREATE UNIQUE INDEX IF NOT EXISTS lessonprep_ops_revision ON lessonprep_ops (plan_id, revision);
