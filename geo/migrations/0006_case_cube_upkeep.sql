-- Cheaper upkeep of the case pre-aggregates, and a fourth one per site (measured on 1,000,000
-- imported cases and 10 M in the table):
-- * the district's time zone is read once per statement and written into the statements as a
--   literal; as a function call it was evaluated for every row (3 s per aggregate);
-- * the aggregate tables keep 40 % of each page free, so adding to an existing count is a HOT
--   update that touches no index (10 s -> 4.5 s for 618,000 cells). The tables are derived
--   from the cases, so they are rebuilt here with the new page layout;
-- * rows emptied by an update or delete of cases are looked for only in the (community, month)
--   pairs the changed cases were in, not in the whole tables (case_cell_month holds ~2 M rows:
--   deleting a site, which updates its cases, took 5-10 s); an upsert that only inserted fires
--   the update trigger with no rows and looks nowhere;
-- * case_site_month: cases per residential site and month, without the filter dimensions. The
--   top sites and the case rates by management mode over a date range with no other filter
--   (every quick pick as a leader first opens it) read whole months from here instead of
--   scanning every case of the range (~2 s for the district's year).

DROP FUNCTION case_month_statements(text, integer);

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

CREATE FUNCTION case_month_statements(rel text, sign integer, tz text) RETURNS text[]
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
    communities text[];
    months date[];
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        FOREACH stmt IN ARRAY case_month_statements('old_rows', -1, tz) LOOP EXECUTE stmt; END LOOP;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        FOREACH stmt IN ARRAY case_month_statements('new_rows', 1, tz) LOOP EXECUTE stmt; END LOOP;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- the (community, month) pairs the changed cases were in; none when an upsert that
        -- only inserted fires the update trigger with no rows
        SELECT array_agg(community_code), array_agg(month) INTO communities, months
        FROM (SELECT DISTINCT community_code,
                     date_trunc('month', reported_at AT TIME ZONE tz)::date AS month
              FROM old_rows) touched;
        IF communities IS NOT NULL THEN
            DELETE FROM case_month a USING unnest(communities, months) t(community_code, month)
            WHERE a.cases = 0 AND a.community_code = t.community_code AND a.month = t.month;
            DELETE FROM case_month_hours a USING unnest(communities, months) t(community_code, month)
            WHERE a.closed = 0 AND a.community_code = t.community_code AND a.month = t.month;
            DELETE FROM case_cell_month a USING unnest(communities, months) t(community_code, month)
            WHERE a.cases = 0 AND a.community_code = t.community_code AND a.month = t.month;
            DELETE FROM case_site_month a USING unnest(communities, months) t(community_code, month)
            WHERE a.cases = 0 AND a.community_code = t.community_code AND a.month = t.month;
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION case_month_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE case_month, case_month_hours, case_cell_month, case_site_month;
    RETURN NULL;
END $$;

ALTER TABLE case_month SET (fillfactor = 60);
ALTER TABLE case_month_hours SET (fillfactor = 60);
ALTER TABLE case_cell_month SET (fillfactor = 60);
TRUNCATE case_month, case_month_hours, case_cell_month;
DO $$ DECLARE stmt text;
BEGIN
    FOREACH stmt IN ARRAY case_month_statements('cases', 1, district_timezone()) LOOP
        EXECUTE stmt;
    END LOOP;
END $$;
