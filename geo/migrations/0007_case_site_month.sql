-- Cases per residential site and month, without the filter dimensions: the top sites and the
-- case rates by management mode of a street or the district, over a date range with no other
-- filter (every quick pick as a leader first opens it), read whole months from here instead of
-- scanning every case of the range (~2 s for the district's year at 10 M cases). Kept equal to
-- the cases by the same statement-level triggers as the other pre-aggregates.
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

CREATE OR REPLACE FUNCTION case_month_statements(rel text, sign integer, tz text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$ SELECT ARRAY[
    format($q$
    INSERT INTO case_month AS a
    SELECT street_code, community_code, date_trunc('month', reported_at AT TIME ZONE %3$L)::date,
           category_code, category_l1, source_code, status, coalesce(escalation, ''),
           %2$s * count(*), %2$s * count(closed_at)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (community_code, month, category_code, source_code, status, escalation)
    DO UPDATE SET cases = a.cases + excluded.cases, closed = a.closed + excluded.closed$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_month_hours AS h
    SELECT street_code, community_code, date_trunc('month', reported_at AT TIME ZONE %3$L)::date,
           floor(extract(epoch FROM closed_at - reported_at) / 3600)::int, %2$s * count(*)
    FROM %1$I WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT (community_code, month, hours) DO UPDATE SET closed = h.closed + excluded.closed$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_cell_month AS g
    SELECT date_trunc('month', reported_at AT TIME ZONE %3$L)::date,
           street_code, community_code, cell_x(geom, 200), cell_y(geom, 200),
           category_l1, source_code, status, coalesce(escalation, ''), %2$s * count(*)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (month, street_code, community_code, cx, cy, category_l1, source_code, status,
                 escalation)
    DO UPDATE SET cases = g.cases + excluded.cases$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_site_month AS s
    SELECT street_code, community_code, site_id,
           date_trunc('month', reported_at AT TIME ZONE %3$L)::date, %2$s * count(*)
    FROM %1$I WHERE site_id IS NOT NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT (community_code, month, site_id) DO UPDATE SET cases = s.cases + excluded.cases$q$,
    rel, sign, tz)] $$;

CREATE OR REPLACE FUNCTION case_month_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    stmt text;
    tz text := district_timezone();
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        FOREACH stmt IN ARRAY case_month_statements('old_rows', -1, tz) LOOP EXECUTE stmt; END LOOP;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        FOREACH stmt IN ARRAY case_month_statements('new_rows', 1, tz) LOOP EXECUTE stmt; END LOOP;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- an upsert that only inserted fires the update trigger with no rows: nothing emptied
        IF EXISTS (SELECT 1 FROM old_rows) THEN
            DELETE FROM case_month WHERE cases = 0;
            DELETE FROM case_month_hours WHERE closed = 0;
            DELETE FROM case_cell_month WHERE cases = 0;
            DELETE FROM case_site_month WHERE cases = 0;
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION case_month_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE case_month, case_month_hours, case_cell_month, case_site_month;
    RETURN NULL;
END $$;

-- Backfill from what is already there.
DO $$ BEGIN
    EXECUTE (case_month_statements('cases', 1, district_timezone()))[4];
END $$;
