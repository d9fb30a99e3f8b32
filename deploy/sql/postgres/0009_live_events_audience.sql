-- Collab / PostgreSQL 15
-- 0009: every area's frequent events are rows of live_events (DESIGN §4), so
-- a row carries what the event's envelope carries: who may see it (audience:
-- one user; audiences: a JSON array of users, e.g. a tutor and the student in
-- session; audience_group: e.g. an exam's proctors; all null for everyone on
-- the stream) and the user whose command caused it (user_id), under which a
-- resend is answered after a restart. Rows written before 0009 have user_id ''.
ALTER TABLE live_events ADD COLUMN IF NOT EXISTS user_id text NOT NULL DEFAULT '';
ALTER TABLE live_events ADD COLUMN IF NOT EXISTS audience text NULL;
ALTER TABLE live_events ADD COLUMN IF NOT EXISTS audiences text NULL;
ALTER TABLE live_events ADD COLUMN IF NOT EXISTS audience_group text NULL;
