-- Collab / SQLite
-- 0008: every area's frequent events are rows of live_events (DESIGN §4), so
-- a row carries what the event's envelope carries: who may see it (audience:
-- one user; audiences: a JSON array of users, e.g. a tutor and the student in
-- session; audience_group: e.g. an exam's proctors; all null for everyone on
-- the stream) and the user whose command caused it (user_id), under which a
-- resend is answered after a restart. Rows written before 0008 have user_id ''.
ALTER TABLE live_events ADD COLUMN user_id TEXT NOT NULL DEFAULT '';
ALTER TABLE live_events ADD COLUMN audience TEXT NULL;
ALTER TABLE live_events ADD COLUMN audiences TEXT NULL;
ALTER TABLE live_events ADD COLUMN audience_group TEXT NULL;
