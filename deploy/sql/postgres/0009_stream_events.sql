-- Collab / PostgreSQL 15
-- 0009: every area's frequent events (group posts, observation notes,
-- tutoring strokes and chat) are rows of one event log (DESIGN §4), so a row
-- carries what the event's envelope carries: who may see it (audience: one
-- user; audiences: a JSON array of users, e.g. a tutor and the student in
-- session; audience_group: e.g. an exam's proctors; all null for everyone on
-- the stream) and the user whose command caused it (user_id), under which a
-- resend is answered after a restart. The rows of live_events (0008) move
-- here with user_id ''. live_events stays, empty: nothing writes it any
-- more, and keeping it keeps every script safe to apply again by hand.
CREATE TABLE IF NOT EXISTS stream_events
(
    stream         text        NOT NULL,
    seq            bigint      NOT NULL,
    type           text        NOT NULL,
    data           text        NOT NULL,
    client_id      text        NOT NULL,
    client_seq     bigint      NOT NULL,
    result         text        NOT NULL,
    at             timestamptz NOT NULL,
    user_id        text        NOT NULL,
    audience       text        NULL,
    audiences      text        NULL,
    audience_group text        NULL,
    PRIMARY KEY (stream, seq)
);
INSERT INTO stream_events (stream, seq, type, data, client_id, client_seq, result, at, user_id)
SELECT stream, seq, type, data, client_id, client_seq, result, at, '' FROM live_events
ON CONFLICT DO NOTHING;
DELETE FROM live_events;
