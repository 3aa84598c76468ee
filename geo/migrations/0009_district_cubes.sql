-- The district's cubes (no street or community: only those who see the whole district read
-- them, atlas_sees_district) and case_site_code_month (docs/cubes.md). Their upkeep runs with
-- the owner's rights: a street user who deletes a site updates district rows that user may
-- not read.

CREATE FUNCTION atlas_sees_district() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT current_user <> 'atlas_user' OR atlas_role() IN ('admin', 'district') $$;

CREATE TABLE case_district_month (
    month         date NOT NULL,
    category_code text NOT NULL,
    category_l1   text NOT NULL,
    source_code   text NOT NULL,
    status        text NOT NULL,
    escalation    text NOT NULL,  -- '' when none
    cases         integer NOT NULL,
    closed        integer NOT NULL,
    PRIMARY KEY (month, category_code, source_code, status, escalation)
) WITH (fillfactor = 60);

CREATE TABLE case_district_hours (
    month      date NOT NULL,
    escalation text NOT NULL,  -- '' when none
    hours      integer NOT NULL,
    closed     integer NOT NULL,
    PRIMARY KEY (month, escalation, hours)
) WITH (fillfactor = 60);

CREATE TABLE case_district_code_hours (
    category_l1   text NOT NULL,
    source_code   text NOT NULL,
    month         date NOT NULL,
    category_code text NOT NULL,
    escalation    text NOT NULL,  -- '' when none
    hours         integer NOT NULL,
    closed        integer NOT NULL,
    PRIMARY KEY (category_l1, source_code, month, category_code, escalation, hours)
) WITH (fillfactor = 60);

CREATE TABLE case_district_day (
    day           date NOT NULL,
    category_code text NOT NULL,
    category_l1   text NOT NULL,
    source_code   text NOT NULL,
    status        text NOT NULL,
    escalation    text NOT NULL,  -- '' when none
    cases         integer NOT NULL,
    closed        integer NOT NULL,
    PRIMARY KEY (day, category_code, source_code, status, escalation)
) WITH (fillfactor = 60);

CREATE TABLE case_district_day_hours (
    day        date NOT NULL,
    escalation text NOT NULL,  -- '' when none
    hours      integer NOT NULL,
    closed     integer NOT NULL,
    PRIMARY KEY (day, escalation, hours)
) WITH (fillfactor = 60);

CREATE TABLE case_district_cell_day (
    day        date NOT NULL,
    cx         integer NOT NULL,
    cy         integer NOT NULL,
    status     text NOT NULL,
    escalation text NOT NULL,  -- '' when none
    cases      integer NOT NULL,
    PRIMARY KEY (day, cx, cy, status, escalation)
) WITH (fillfactor = 60);

CREATE TABLE case_site_code_month (
    street_code    text NOT NULL,
    community_code text NOT NULL,
    site_id        bigint NOT NULL,
    month          date NOT NULL,
    category_l1    text NOT NULL,
    source_code    text NOT NULL,
    status         text NOT NULL,
    escalation     text NOT NULL,  -- '' when none
    cases          integer NOT NULL,
    PRIMARY KEY (community_code, month, site_id, category_l1, source_code, status, escalation)
) WITH (fillfactor = 60);
CREATE INDEX case_site_code_month_codes_idx ON case_site_code_month (category_l1, source_code, month);

-- a district map under a category or source filter reads only the filter's cells
CREATE INDEX case_cell_month_codes_idx ON case_cell_month (category_l1, source_code, month);

DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['case_district_month', 'case_district_hours',
                               'case_district_code_hours', 'case_district_day',
                               'case_district_day_hours', 'case_district_cell_day',
                               'case_site_code_month'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tbl);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tbl);
        EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)',
                       tbl, current_user);
        EXECUTE format('GRANT SELECT ON %I TO atlas_user', tbl);
        IF tbl LIKE 'case_district%' THEN
            EXECUTE format('CREATE POLICY scope_read ON %I FOR SELECT TO atlas_user '
                           'USING (atlas_sees_district())', tbl);
        ELSE
            EXECUTE format('CREATE POLICY scope_read ON %I FOR SELECT TO atlas_user '
                           'USING (atlas_sees(street_code, community_code))', tbl);
        END IF;
    END LOOP;
END $$;


-- Keep the rows read together on the same pages (a fill writes them in no order and `db up`
-- clusters again after one; later imports add their months and days at the end): a few days at a time, or a category's
-- and source's months (the district's filtered figures, map and sites 30-40 % faster).
CLUSTER case_district_day USING case_district_day_pkey;
CLUSTER case_district_day_hours USING case_district_day_hours_pkey;
CLUSTER case_district_cell_day USING case_district_cell_day_pkey;
CLUSTER case_district_code_hours USING case_district_code_hours_pkey;
CLUSTER case_site_code_month USING case_site_code_month_codes_idx;
CLUSTER case_cell_month USING case_cell_month_codes_idx;
ANALYZE case_district_month, case_district_hours, case_district_code_hours, case_district_day,
        case_district_day_hours, case_district_cell_day, case_site_code_month, case_cell_month;
