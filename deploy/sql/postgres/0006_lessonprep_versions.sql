-- Collab / PostgreSQL 0006: named versions of lesson plans (a whole copy of the plan's sections, written once each).
CREATE TABLE IF NOT EXISTS lessonprep_versions
(
    plan_id     text   NOT NULL,
    version_id  text   NOT NULL,
    label       text   NOT NULL,
    revision    bigint NOT NULL,
    created_by  text   NOT NULL,
    created_at  text   NOT NULL,
    sections    text   NOT NULL,
    PRIMARY KEY (plan_id, version_id)
);
