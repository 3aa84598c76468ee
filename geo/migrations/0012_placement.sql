-- Cases placed from their address (issue 20): the district's standard address library, the
-- aliases people teach by placing a queued case, and cases that have a community but no point
-- (located by the community's name) or neither (unplaced: seen by admins and district users,
-- whose row-level security already lets them see rows without a street).

CREATE TABLE addresses (
    id             bigserial PRIMARY KEY,
    road           text NOT NULL,
    number         text NOT NULL,  -- one doorplate: 5, 5甲, 5-1 (geo.addresses.number_key)
    building       text,
    site_id        bigint REFERENCES sites (id) ON DELETE SET NULL,
    street_code    text REFERENCES streets (code),  -- where the point lies, when inside
    community_code text REFERENCES communities (code),
    geom           geometry(Point, 4326) NOT NULL,
    UNIQUE (road, number)
);
CREATE INDEX addresses_geom_idx ON addresses USING gist (geom);

-- A normalised raw address → where a person placed it; later imports use it first.
CREATE TABLE address_aliases (
    alias          text PRIMARY KEY,
    site_id        bigint REFERENCES sites (id) ON DELETE CASCADE,
    street_code    text NOT NULL REFERENCES streets (code),
    community_code text NOT NULL REFERENCES communities (code),
    geom           geometry(Point, 4326) NOT NULL,
    created_by     text,
    created_at     timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE addresses ENABLE ROW LEVEL SECURITY;
ALTER TABLE addresses FORCE ROW LEVEL SECURITY;
ALTER TABLE address_aliases ENABLE ROW LEVEL SECURITY;
ALTER TABLE address_aliases FORCE ROW LEVEL SECURITY;
GRANT SELECT ON addresses TO atlas_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON address_aliases TO atlas_user;
CREATE POLICY owner_all ON addresses TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON address_aliases TO CURRENT_USER USING (true) WITH CHECK (true);
-- the library is the district's reference: everyone reads it
CREATE POLICY all_read ON addresses FOR SELECT TO atlas_user USING (true);
CREATE POLICY scope_read ON address_aliases FOR SELECT TO atlas_user USING (true);
CREATE POLICY scope_write ON address_aliases FOR ALL TO atlas_user
    USING (atlas_edits(street_code, community_code))
    WITH CHECK (atlas_edits(street_code, community_code));

ALTER TABLE cases ALTER COLUMN geom DROP NOT NULL;
ALTER TABLE cases ALTER COLUMN community_code DROP NOT NULL;
ALTER TABLE cases ALTER COLUMN street_code DROP NOT NULL;
ALTER TABLE case_personal ALTER COLUMN street_code DROP NOT NULL;  -- the case's, if it has one
ALTER TABLE cases ADD CONSTRAINT cases_placed CHECK (
    (street_code IS NULL) = (community_code IS NULL)
    AND (geom IS NULL OR community_code IS NOT NULL)
    AND (located_by <> 'unplaced' OR (community_code IS NULL AND geom IS NULL))
    AND (located_by <> 'community' OR (community_code IS NOT NULL AND geom IS NULL))
    AND (geom IS NOT NULL OR located_by IN ('community', 'unplaced')));
-- the queue of cases waiting for a person to place them: few, read on every cases page
CREATE INDEX cases_waiting_idx ON cases (community_code, reported_at)
    WHERE located_by IN ('community', 'unplaced');

-- How each case was placed, counted by the cubes that count cases (stats: by_located).
ALTER TABLE case_month ADD COLUMN located_by text NOT NULL DEFAULT 'coordinates';
ALTER TABLE case_month ALTER COLUMN located_by DROP DEFAULT;
ALTER TABLE case_month DROP CONSTRAINT case_month_pkey, ADD PRIMARY KEY
    (community_code, month, category_code, source_code, status, escalation, located_by);
ALTER TABLE case_district_month ADD COLUMN located_by text NOT NULL DEFAULT 'coordinates';
ALTER TABLE case_district_month ALTER COLUMN located_by DROP DEFAULT;
ALTER TABLE case_district_month DROP CONSTRAINT case_district_month_pkey, ADD PRIMARY KEY
    (month, category_code, source_code, status, escalation, located_by);
ALTER TABLE case_district_day ADD COLUMN located_by text NOT NULL DEFAULT 'coordinates';
ALTER TABLE case_district_day ALTER COLUMN located_by DROP DEFAULT;
ALTER TABLE case_district_day DROP CONSTRAINT case_district_day_pkey, ADD PRIMARY KEY
    (day, category_code, source_code, status, escalation, located_by);
ALTER TABLE case_district_day CLUSTER ON case_district_day_pkey;
