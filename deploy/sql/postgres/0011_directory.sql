-- Collab / PostgreSQL 15
-- 0011: the directory synchronised from the city platform (PROTOCOL §6):
-- schools, people, classes and who teaches or sits in each class. Upserted by
-- key; a person is never deleted, only marked inactive. The searched columns
-- are COLLATE "C" (bytewise, as on SQLite), so a prefix search is the plain
-- btree range name >= q AND name < q || U+10FFFF whatever the database's
-- locale, and sorts the same on both dialects.
CREATE TABLE IF NOT EXISTS directory_schools
(
    code   text COLLATE "C" NOT NULL PRIMARY KEY,
    name   text             NOT NULL,
    county text COLLATE "C" NOT NULL
);
CREATE INDEX IF NOT EXISTS directory_schools_county ON directory_schools (county, code);

CREATE TABLE IF NOT EXISTS directory_people
(
    user_id     text COLLATE "C" NOT NULL PRIMARY KEY,
    name        text COLLATE "C" NOT NULL,
    role        text             NOT NULL,
    school_code text COLLATE "C" NOT NULL,
    subjects    text             NOT NULL,
    active      boolean          NOT NULL
);
CREATE INDEX IF NOT EXISTS directory_people_name ON directory_people (name, user_id);
CREATE INDEX IF NOT EXISTS directory_people_school ON directory_people (school_code, name, user_id);

CREATE TABLE IF NOT EXISTS directory_classes
(
    id          text COLLATE "C" NOT NULL PRIMARY KEY,
    school_code text COLLATE "C" NOT NULL,
    name        text             NOT NULL,
    grade       text             NOT NULL
);

CREATE TABLE IF NOT EXISTS directory_class_members
(
    class_id text COLLATE "C" NOT NULL,
    user_id  text COLLATE "C" NOT NULL,
    kind     text             NOT NULL,
    PRIMARY KEY (class_id, user_id, kind)
);
CREATE INDEX IF NOT EXISTS directory_class_members_user ON directory_class_members (user_id, class_id);
