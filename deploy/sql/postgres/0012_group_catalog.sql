-- Collab / PostgreSQL
-- 0012: the city-wide catalog of teaching-research groups that teachers search
-- (GET /api/groups). A projection of each group's own state, which the group
-- writes again after every change the line shows and at each activation.
-- county is '' for a group of the whole city. name_key is the name with ASCII
-- letters lower-cased, so a search ignores their case alike on both dialects;
-- names and ids compare by code point ("C"), as SQLite does, so pages are cut
-- alike on both.
CREATE TABLE IF NOT EXISTS group_catalog
(
    group_id     TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
    name         TEXT    COLLATE "C" NOT NULL,
    name_key     TEXT    COLLATE "C" NOT NULL,
    subject      TEXT    NOT NULL,
    grade        TEXT    NOT NULL,
    county       TEXT    NOT NULL,
    member_count INTEGER NOT NULL,
    leader_id    TEXT    NOT NULL,
    leader_name  TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS group_catalog_by_name ON group_catalog (name, group_id);
CREATE INDEX IF NOT EXISTS group_catalog_by_county ON group_catalog (county, name, group_id);
