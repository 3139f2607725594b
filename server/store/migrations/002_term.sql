-- The term (common/term.ts): a planned meeting's day, time, place and revision; where a meeting's
-- open steps were carried (once); and each series' calendar feed key, as a hash only.
CREATE TABLE meeting_plans (
  meeting_id text PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
  title text NOT NULL,
  day text NOT NULL,
  start_time text NOT NULL,
  end_time text NOT NULL,
  place text NOT NULL,
  link text NOT NULL,
  sequence integer NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE TABLE carried_steps (
  meeting_id text PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
  to_meeting text NOT NULL
);

-- one feed key per series; deleting a series' last meeting deletes its row (pgRegistry.deleteMeeting)
CREATE TABLE series_feeds (
  series text PRIMARY KEY,
  key_hash text NOT NULL UNIQUE
);
