-- The forum's name beside each plan, so the calendar feed names the forum from the registry
-- instead of opening a meeting's document (which may be live on another instance).
ALTER TABLE meeting_plans ADD COLUMN forum_name text NOT NULL DEFAULT '';
