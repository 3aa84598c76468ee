-- Every change made in the app: who, when, what before and after, in batches (one user
-- action) that can be undone. Row-level security as for the data it describes.
CREATE TABLE change_log (
    id             bigserial PRIMARY KEY,
    batch          uuid NOT NULL,
    at             timestamptz NOT NULL DEFAULT now(),
    user_name      text,
    street_code    text NOT NULL,
    community_code text NOT NULL,
    table_name     text NOT NULL,
    row_id         bigint NOT NULL,
    site_id        bigint,
    action         text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    before         jsonb,
    after          jsonb,
    undone         boolean NOT NULL DEFAULT false
);
CREATE INDEX change_log_site_idx ON change_log (site_id, at);
CREATE INDEX change_log_user_idx ON change_log (user_name, at);

GRANT SELECT, INSERT, UPDATE ON change_log TO atlas_user;
GRANT USAGE, SELECT ON SEQUENCE change_log_id_seq TO atlas_user;
ALTER TABLE change_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE change_log FORCE ROW LEVEL SECURITY;
CREATE POLICY scope_read ON change_log FOR SELECT TO atlas_user
    USING (atlas_sees(street_code, community_code));
CREATE POLICY scope_write ON change_log FOR ALL TO atlas_user
    USING (atlas_edits(street_code, community_code))
    WITH CHECK (atlas_edits(street_code, community_code));
DO $$ BEGIN
    EXECUTE format('CREATE POLICY owner_all ON change_log TO %I USING (true) WITH CHECK (true)',
                   current_user);
END $$;
