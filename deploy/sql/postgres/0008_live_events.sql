-- Collab / PostgreSQL 15
-- 0008: the event log of live streams whose frequent commands only add to
-- them (DESIGN §4): a group's feed post is one row here instead of a rewrite
-- of the group's state with its whole event window. stream is the stream's
-- name (groups/<id>); a row is one event (seq, type, data as JSON text, kept
-- verbatim so a replayed event is byte-for-byte the one first sent) and the
-- command that caused it (client_id, client_seq, result), so activation
-- replays the rows after the state's last snapshot and answers a resend of
-- their commands.
CREATE TABLE IF NOT EXISTS live_events
(
    stream     text        NOT NULL,
    seq        bigint      NOT NULL,
    type       text        NOT NULL,
    data       text        NOT NULL,
    client_id  text        NOT NULL,
    client_seq bigint      NOT NULL,
    result     text        NOT NULL,
    at         timestamptz NOT NULL,
    PRIMARY KEY (stream, seq)
);
