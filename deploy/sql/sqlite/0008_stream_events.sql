-- Collab / SQLite
-- 0008: every area's frequent events (group posts, observation notes,
-- tutoring strokes and chat) are rows of one event log (DESIGN §4), so a row
-- carries what the event's envelope carries: who may see it (audience: one
-- user; audiences: a JSON array of users, e.g. a tutor and the student in
-- session; audience_group: e.g. an exam's proctors; all null for everyone on
-- the stream) and the user whose command caused it (user_id), under which a
-- resend is answered after a restart. The rows of live_events (0007) move
-- here with user_id ''. live_events stays, empty: nothing writes it any
-- more, and keeping it keeps every script safe to apply again by hand
-- (SQLite cannot add a column only if it is missing).
CREATE TABLE IF NOT EXISTS stream_events
(
    stream         TEXT    NOT NULL,
    seq            INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    data           TEXT    NOT NULL,
    client_id      TEXT    NOT NULL,
    client_seq     INTEGER NOT NULL,
    result         TEXT    NOT NULL,
    at             TEXT    NOT NULL,
    user_id        TEXT    NOT NULL,
    audience       TEXT    NULL,
    audiences      TEXT    NULL,
    audience_group TEXT    NULL,
    PRIMARY KEY (stream, seq)
);
INSERT OR IGNORE INTO stream_events (stream, seq, type, data, client_id, client_seq, result, at, user_id)
SELECT stream, seq, type, data, client_id, client_seq, result, at, '' FROM live_events;
DELETE FROM live_events;
