-- Every document's Yjs updates, in the order they were stored; a compaction replaces a document's
-- rows by one snapshot in one transaction. meeting_id is the part of the name before the first '/'.
CREATE TABLE doc_updates (
  id bigserial PRIMARY KEY,
  meeting_id text NOT NULL,
  doc text NOT NULL,
  data bytea NOT NULL
);
CREATE INDEX doc_updates_doc ON doc_updates (doc, id);
CREATE INDEX doc_updates_meeting ON doc_updates (meeting_id);

-- The registry: key hashes only, never keys.
CREATE TABLE meetings (
  id text PRIMARY KEY,
  facilitator_key_hash text NOT NULL,
  board_key_hash text,
  join_code text NOT NULL UNIQUE,
  created_at bigint NOT NULL,
  closed boolean NOT NULL DEFAULT false,
  touched_at bigint
);

CREATE TABLE participants (
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  id text NOT NULL,
  key_hash text NOT NULL,
  created_at bigint NOT NULL,
  PRIMARY KEY (meeting_id, id)
);

-- A forum's meetings in order ("Planera nästa möte"); n is 0 for the forum's first meeting.
CREATE TABLE series_members (
  meeting_id text PRIMARY KEY,
  series text NOT NULL,
  n integer NOT NULL
);
CREATE INDEX series_members_series ON series_members (series, n);
