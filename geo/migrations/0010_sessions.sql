-- Sign-ins that outlive a browser tab: the app sets an HttpOnly cookie holding a random token,
-- and keeps only the token's SHA-256 here. A session ends after users.SESSION_MINUTES without
-- activity, at sign-out (in every tab that shares the cookie) or when its user is removed.
-- Read and written on the owner's connection only (sign-in runs before a user is known).
CREATE TABLE app_sessions (
    token_hash text PRIMARY KEY,
    user_name  text NOT NULL REFERENCES app_users (name) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen  timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON app_sessions FROM atlas_user;
