-- Collab / SQLite
-- 0009: exam answers move to exam_answer_slots, whose rows also keep, in
-- earlier, the latest save of every other client (browser tab or device)
-- that a row's save replaced, as JSON text
-- {"clientId":{"clientSeq":n,"savedAt":"..."}}: after a restart a resend of
-- tab 1's save, replaced since by tab 2's, is then known as accepted and
-- answered instead of overwriting the newer answer. The rows of exam_answer
-- (0006) move here with none ('{}'); their own client_id and client_seq
-- still answer their resend. exam_answer stays, empty: nothing writes it any
-- more, and a new table keeps every script safe to apply again by hand
-- (SQLite cannot add a column only if it is missing).
CREATE TABLE IF NOT EXISTS exam_answer_slots
(
    exam_id     TEXT    NOT NULL,
    student_id  TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    answer      TEXT    NOT NULL,
    client_id   TEXT    NOT NULL,
    client_seq  INTEGER NOT NULL,
    saved_at    TEXT    NOT NULL,
    earlier     TEXT    NOT NULL,
    PRIMARY KEY (exam_id, student_id, question_id)
);
INSERT OR IGNORE INTO exam_answer_slots (exam_id, student_id, question_id, answer, client_id, client_seq, saved_at, earlier)
SELECT exam_id, student_id, question_id, answer, client_id, client_seq, saved_at, '{}' FROM exam_answer;
DELETE FROM exam_answer;
