-- Collab / PostgreSQL 15
-- 0007: exam answers (DESIGN §4), one row per (exam, student, question): the
-- latest save of that question, replaced in place (INSERT ... ON CONFLICT DO
-- UPDATE), so the table stays at questions × candidates rows and an attempt
-- reads back at most one row per question when it activates. client_id and
-- client_seq are the command that saved the row, so a resend of it is answered
-- and not applied again, also after a restart. answer is the parsed answer as
-- JSON text (the same SQL serves both dialects; nothing queries inside it). The
-- silo writes many attempts' saves in one transaction (group commit).
CREATE TABLE IF NOT EXISTS exam_answer
(
    exam_id     text        NOT NULL,
    student_id  text        NOT NULL,
    question_id text        NOT NULL,
    answer      text        NOT NULL,
    client_id   text        NOT NULL,
    client_seq  bigint      NOT NULL,
    saved_at    timestamptz NOT NULL,
    PRIMARY KEY (exam_id, student_id, question_id)
);
