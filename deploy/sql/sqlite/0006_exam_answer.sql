-- Collab / SQLite
-- 0006: exam answers (DESIGN §4), one row per (exam, student, question): the
-- latest save of that question, replaced in place (INSERT ... ON CONFLICT DO
-- UPDATE), so the table stays at questions × candidates rows and an attempt
-- reads back at most one row per question when it activates. client_id and
-- client_seq are the command that saved the row, so a resend of it is answered
-- and not applied again, also after a restart. answer is the parsed answer as
-- JSON text; saved_at is the server time as written by Microsoft.Data.Sqlite
-- (ISO-8601 text). The silo writes many attempts' saves in one transaction
-- (group commit), off the Orleans scheduler threads.
CREATE TABLE IF NOT EXISTS exam_answer
(
    exam_id     TEXT    NOT NULL,
    student_id  TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    answer      TEXT    NOT NULL,
    client_id   TEXT    NOT NULL,
    client_seq  INTEGER NOT NULL,
    saved_at    TEXT    NOT NULL,
    PRIMARY KEY (exam_id, student_id, question_id)
);
