-- Status and escalation level in the cubes, and case_cell_month_level (cells by status and
-- level alone), so that a street's or the district's figures, map and sites read only cubes
-- unless a category or source is asked for (docs/cubes.md). Cubes emptied here are filled
-- from the cases by `db up`.

CREATE TABLE case_cell_month_level (
    month          date NOT NULL,
    street_code    text NOT NULL,
    community_code text NOT NULL,
    cx             integer NOT NULL,
    cy             integer NOT NULL,
    status         text NOT NULL,
    escalation     text NOT NULL,  -- '' when none
    cases          integer NOT NULL,
    PRIMARY KEY (community_code, month, cx, cy, status, escalation)
) WITH (fillfactor = 60);
CREATE INDEX case_cell_month_level_month_idx ON case_cell_month_level (month);

ALTER TABLE case_cell_month_level ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_cell_month_level FORCE ROW LEVEL SECURITY;
CREATE POLICY scope_read ON case_cell_month_level FOR SELECT TO atlas_user
    USING (atlas_sees(street_code, community_code));
CREATE POLICY scope_write ON case_cell_month_level FOR ALL TO atlas_user
    USING (atlas_edits(street_code, community_code))
    WITH CHECK (atlas_edits(street_code, community_code));
DO $$ BEGIN
    EXECUTE format('CREATE POLICY owner_all ON case_cell_month_level TO %I USING (true) WITH CHECK (true)',
                   current_user);
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON case_cell_month_level TO atlas_user;

TRUNCATE case_site_month, case_month_hours;
ALTER TABLE case_site_month
    ADD COLUMN status text NOT NULL,
    ADD COLUMN escalation text NOT NULL,  -- '' when none
    DROP CONSTRAINT case_site_month_pkey,
    ADD PRIMARY KEY (community_code, month, site_id, status, escalation);
ALTER TABLE case_month_hours
    ADD COLUMN escalation text NOT NULL,  -- '' when none
    DROP CONSTRAINT case_month_hours_pkey,
    ADD PRIMARY KEY (community_code, month, escalation, hours);


-- The closing time in the covering index too: a community's median hours to close under a
-- category or source filter is then read from the index alone, as its cells and counts are,
-- instead of fetching every case of the range from the table (pages scattered over the whole
-- table, often not in memory: 100 random community filter changes at 10 M cases, median / p95
-- 65 / 175 ms -> 55 / 118 ms).
CREATE INDEX cases_community_cover_new ON cases (community_code, reported_at)
    INCLUDE (geom, category_code, category_l1, source_code, status, escalation, site_id, closed_at);
DROP INDEX cases_community_cover_idx;
ALTER INDEX cases_community_cover_new RENAME TO cases_community_cover_idx;
