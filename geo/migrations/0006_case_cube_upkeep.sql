-- case_site_month (cases per residential site and month), and 40 % free space in the cube
-- tables so that adding to a count is a HOT update. What each cube serves: docs/cubes.md.

CREATE TABLE case_site_month (
    street_code    text NOT NULL,
    community_code text NOT NULL,
    site_id        bigint NOT NULL,  -- no foreign key: a deleted site's cases leave it by trigger
    month          date NOT NULL,
    cases          integer NOT NULL,
    PRIMARY KEY (community_code, month, site_id)
) WITH (fillfactor = 60);

ALTER TABLE case_site_month ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_site_month FORCE ROW LEVEL SECURITY;
CREATE POLICY scope_read ON case_site_month FOR SELECT TO atlas_user
    USING (atlas_sees(street_code, community_code));
CREATE POLICY scope_write ON case_site_month FOR ALL TO atlas_user
    USING (atlas_edits(street_code, community_code))
    WITH CHECK (atlas_edits(street_code, community_code));
DO $$ BEGIN
    EXECUTE format('CREATE POLICY owner_all ON case_site_month TO %I USING (true) WITH CHECK (true)',
                   current_user);
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON case_site_month TO atlas_user;

ALTER TABLE case_month SET (fillfactor = 60);
ALTER TABLE case_month_hours SET (fillfactor = 60);
ALTER TABLE case_cell_month SET (fillfactor = 60);
