-- Status and escalation level in every case pre-aggregate, and a small cell cube without the
-- other filter dimensions, so that a street's or the district's figures, map and sites read
-- only pre-aggregates (and the partial months at the ends of the range) unless a category or
-- a source is asked for. Counted at 10 M cases:
-- * case_cell_month_level: cases per 200 m cell, month, status and escalation level (~0.2 M
--   rows, against ~2 M in case_cell_month with category and source as well, which a district
--   map with no filter read half of for a year and a half: ~0.3-0.6 s);
-- * case_site_month gains status and escalation level (55 k -> 193 k rows): the top sites and
--   case rates by management mode with a status or level filter no longer scan the cases;
-- * case_month_hours gains escalation level (545 k -> 987 k rows): the median hours to close
--   with a level filter comes from the histogram. A status needs no dimension there: a case
--   is closed exactly when it has a closing time.
-- The tables are derived from the cases, so they are rebuilt here. And the closing time joins
-- the covering index (at the end).

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
    INSERT INTO case_month_hours AS h (street_code, community_code, month, escalation, hours, closed)
    SELECT street_code, community_code, date_trunc('month', reported_at AT TIME ZONE %3$L)::date,
           coalesce(escalation, ''),
           floor(date_part('epoch', closed_at - reported_at) / 3600)::int, %2$s * count(*)
    FROM %1$I WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (community_code, month, escalation, hours)
    DO UPDATE SET closed = h.closed + excluded.closed$q$,
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
    INSERT INTO case_cell_month_level AS g
    SELECT date_trunc('month', reported_at AT TIME ZONE %3$L)::date,
           street_code, community_code, cell_x(geom, 200), cell_y(geom, 200),
           status, coalesce(escalation, ''), %2$s * count(*)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (community_code, month, cx, cy, status, escalation)
    DO UPDATE SET cases = g.cases + excluded.cases$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_site_month AS s (street_code, community_code, site_id, month, status,
                                      escalation, cases)
    SELECT street_code, community_code, site_id,
           date_trunc('month', reported_at AT TIME ZONE %3$L)::date, status,
           coalesce(escalation, ''), %2$s * count(*)
    FROM %1$I WHERE site_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (community_code, month, site_id, status, escalation)
    DO UPDATE SET cases = s.cases + excluded.cases$q$,
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
            DELETE FROM case_cell_month_level a USING unnest(communities, months) t(community_code, month)
            WHERE a.cases = 0 AND a.community_code = t.community_code AND a.month = t.month;
            DELETE FROM case_site_month a USING unnest(communities, months) t(community_code, month)
            WHERE a.cases = 0 AND a.community_code = t.community_code AND a.month = t.month;
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION case_month_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE case_month, case_month_hours, case_cell_month, case_cell_month_level, case_site_month;
    RETURN NULL;
END $$;

DO $$ DECLARE stmt text; tz text := district_timezone();
BEGIN
    -- the two rebuilt tables and the new one, from the cases
    FOREACH stmt IN ARRAY (case_month_statements('cases', 1, tz))[2:2]
                          || (case_month_statements('cases', 1, tz))[4:5] LOOP
        EXECUTE stmt;
    END LOOP;
END $$;
ANALYZE case_month_hours, case_cell_month_level, case_site_month;

-- The closing time in the covering index too: a community's median hours to close under a
-- category or source filter is then read from the index alone, as its cells and counts are,
-- instead of fetching every case of the range from the table (pages scattered over the whole
-- table, often not in memory: 100 random community filter changes at 10 M cases, median / p95
-- 65 / 175 ms -> 55 / 118 ms).
CREATE INDEX cases_community_cover_new ON cases (community_code, reported_at)
    INCLUDE (geom, category_code, category_l1, source_code, status, escalation, site_id, closed_at);
DROP INDEX cases_community_cover_idx;
ALTER INDEX cases_community_cover_new RENAME TO cases_community_cover_idx;
