-- Collab / SQLite
-- 0012: which published exams each student sits (a student's home lists them,
-- GET /api/me/exams). Written by the exam when it publishes, before the publish
-- is stored; the exam itself stays the truth (a row of an exam whose publish
-- failed is not shown). opens_at is Unix milliseconds, for the order.
CREATE TABLE IF NOT EXISTS exam_candidates
(
    student_id TEXT    NOT NULL,
    exam_id    TEXT    NOT NULL,
    opens_at   INTEGER NOT NULL,
    PRIMARY KEY (student_id, exam_id)
);
CREATE INDEX IF NOT EXISTS exam_candidates_opens ON exam_candidates (student_id, opens_at);
