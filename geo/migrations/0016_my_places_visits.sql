-- 我的 (issue 22): when an account last opened its page of places, so that the page can say
-- which cases came in since. Written on the owner's connection, like the sessions.
ALTER TABLE app_users ADD COLUMN places_visited_at timestamptz;
