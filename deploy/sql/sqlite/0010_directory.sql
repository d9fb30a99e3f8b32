-- Collab / SQLite
-- 0010: the directory synchronised from the city platform (PROTOCOL §6):
-- schools, people, classes and who teaches or sits in each class. Upserted by
-- key; a person is never deleted, only marked inactive. Text compares
-- bytewise (SQLite's BINARY collation), so a prefix search is the index range
-- name >= q AND name < q || U+10FFFF, which LIKE (case-folding) cannot use.
CREATE TABLE IF NOT EXISTS directory_schools
(
    code   TEXT NOT NULL PRIMARY KEY,
    name   TEXT NOT NULL,
    county TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS directory_schools_county ON directory_schools (county, code);

CREATE TABLE IF NOT EXISTS directory_people
(
    user_id     TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    role        TEXT    NOT NULL,
    school_code TEXT    NOT NULL,
    subjects    TEXT    NOT NULL,
    active      INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS directory_people_name ON directory_people (name, user_id);
CREATE INDEX IF NOT EXISTS directory_people_school ON directory_people (school_code, name, user_id);

CREATE TABLE IF NOT EXISTS directory_classes
(
    id          TEXT NOT NULL PRIMARY KEY,
    school_code TEXT NOT NULL,
    name        TEXT NOT NULL,
    grade       TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS directory_class_members
(
    class_id TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    kind     TEXT NOT NULL,
    PRIMARY KEY (class_id, user_id, kind)
);
CREATE INDEX IF NOT EXISTS directory_class_members_user ON directory_class_members (user_id, class_id);
