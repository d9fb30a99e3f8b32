-- Collab / SQLite 0005: named versions of lesson plans (a whole copy of the plan's sections, written once each).
CREATE TABLE IF NOT EXISTS lessonprep_versions
(
    plan_id     TEXT    NOT NULL,
    version_id  TEXT    NOT NULL,
    label       TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    created_by  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    sections    TEXT    NOT NULL,
    PRIMARY KEY (plan_id, version_id)
);
