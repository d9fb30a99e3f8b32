-- Collab / SQLite
-- 0007: the event log of live streams whose frequent commands only add to
-- them (DESIGN §4): a group's feed post is one row here instead of a rewrite
-- of the group's state with its whole event window. stream is the stream's
-- name (groups/<id>); a row is one event (seq, type, data as JSON text) and
-- the command that caused it (client_id, client_seq, result), so activation
-- replays the rows after the state's last snapshot and answers a resend of
-- their commands. at is the event's server time as written by
-- Microsoft.Data.Sqlite (ISO-8601 text).
CREATE TABLE IF NOT EXISTS live_events
(
    stream     TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    data       TEXT    NOT NULL,
    client_id  TEXT    NOT NULL,
    client_seq INTEGER NOT NULL,
    result     TEXT    NOT NULL,
    at         TEXT    NOT NULL,
    PRIMARY KEY (stream, seq)
);
