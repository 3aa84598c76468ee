-- Pre-aggregates for the whole district and for the category and source filters, so that a
-- district view reads a few thousand rows per month instead of the communities' (counted at
-- 10 M cases):
-- * case_district_month: case_month without the street and community (~17 k rows against
--   ~350 k): the district's counts and monthly chart;
-- * case_district_hours: hours to close per month and escalation level for the whole district
--   (~60 k rows against ~1 M per community): the district's median with no category or source
--   filter (a year and a half: 175 ms -> 15 ms);
-- * case_district_code_hours: the same by category and source (~1.1 M rows, keyed by level-1
--   category and source first so that a filter reads only its rows): the district's median
--   under a category or source filter, which read every case of the range (a year and a half
--   of sanitation cases: 2.1 s);
-- * case_site_code_month: cases per residential site, month, level-1 category, source, status
--   and level (~2.1 M rows, keyed by category and source first): the top sites and case rates
--   by management mode under a level-1 category or source filter, which read every case of
--   the range (1-10 s for the district);
-- * the partial months at the ends of a range, read from the cases by every query (a quarter
--   to a half of a district's change, ~230,000 cases for 25 days), by day for the district:
--   case_district_day (counts, ~240 k rows), case_district_day_hours (hours to close, ~720 k)
--   and case_district_cell_day (200 m cells by status and level, ~2.4 M): 25 days are ~5 k,
--   ~17 k and ~55 k of their rows (a district map's partial months 127 -> 37 ms, its figures'
--   55 -> 27 ms, once each day's rows lie together).
-- The district tables have no street or community, so only those who see the whole district
-- read them (atlas_sees_district); the queries ask for them only then. Their upkeep runs in the
-- cases' trigger, which now runs with the owner's rights: a street user who deletes a site
-- (its cases lose the site) must update district rows that user may not read.

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

-- 0008's statements, and the new tables' after them; emptied rows of the new tables are
-- deleted by the statements of the removed cases (sign -1), in the months they were in.
ALTER FUNCTION case_month_statements(text, integer, text) RENAME TO case_month_statements_0008;
CREATE FUNCTION case_month_statements(rel text, sign integer, tz text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$ SELECT case_month_statements_0008(rel, sign, tz) || ARRAY[
    format($q$
    INSERT INTO case_district_month AS a
    SELECT date_trunc('month', reported_at AT TIME ZONE %3$L)::date, category_code, category_l1,
           source_code, status, coalesce(escalation, ''), %2$s * count(*), %2$s * count(closed_at)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (month, category_code, source_code, status, escalation)
    DO UPDATE SET cases = a.cases + excluded.cases, closed = a.closed + excluded.closed$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_district_hours AS h
    SELECT date_trunc('month', reported_at AT TIME ZONE %3$L)::date, coalesce(escalation, ''),
           floor(date_part('epoch', closed_at - reported_at) / 3600)::int, %2$s * count(*)
    FROM %1$I WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (month, escalation, hours) DO UPDATE SET closed = h.closed + excluded.closed$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_district_code_hours AS h
    SELECT category_l1, source_code, date_trunc('month', reported_at AT TIME ZONE %3$L)::date,
           category_code, coalesce(escalation, ''),
           floor(date_part('epoch', closed_at - reported_at) / 3600)::int, %2$s * count(*)
    FROM %1$I WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (category_l1, source_code, month, category_code, escalation, hours)
    DO UPDATE SET closed = h.closed + excluded.closed$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_site_code_month AS s
    SELECT street_code, community_code, site_id,
           date_trunc('month', reported_at AT TIME ZONE %3$L)::date, category_l1, source_code,
           status, coalesce(escalation, ''), %2$s * count(*)
    FROM %1$I WHERE site_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (community_code, month, site_id, category_l1, source_code, status, escalation)
    DO UPDATE SET cases = s.cases + excluded.cases$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_district_day AS a
    SELECT (reported_at AT TIME ZONE %3$L)::date, category_code, category_l1, source_code, status,
           coalesce(escalation, ''), %2$s * count(*), %2$s * count(closed_at)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (day, category_code, source_code, status, escalation)
    DO UPDATE SET cases = a.cases + excluded.cases, closed = a.closed + excluded.closed$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_district_day_hours AS h
    SELECT (reported_at AT TIME ZONE %3$L)::date, coalesce(escalation, ''),
           floor(date_part('epoch', closed_at - reported_at) / 3600)::int, %2$s * count(*)
    FROM %1$I WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (day, escalation, hours) DO UPDATE SET closed = h.closed + excluded.closed$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_district_cell_day AS g
    SELECT (reported_at AT TIME ZONE %3$L)::date, cell_x(geom, 200), cell_y(geom, 200), status,
           coalesce(escalation, ''), %2$s * count(*)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (day, cx, cy, status, escalation) DO UPDATE SET cases = g.cases + excluded.cases$q$,
    rel, sign, tz)]
    || CASE WHEN sign > 0 THEN ARRAY[]::text[] ELSE ARRAY[
    format($q$
    DELETE FROM case_district_month a
    USING (SELECT DISTINCT date_trunc('month', reported_at AT TIME ZONE %2$L)::date AS month
           FROM %1$I) t
    WHERE a.cases = 0 AND a.month = t.month$q$, rel, tz),
    format($q$
    DELETE FROM case_district_hours a
    USING (SELECT DISTINCT date_trunc('month', reported_at AT TIME ZONE %2$L)::date AS month
           FROM %1$I) t
    WHERE a.closed = 0 AND a.month = t.month$q$, rel, tz),
    format($q$
    DELETE FROM case_district_code_hours a
    USING (SELECT DISTINCT category_l1, source_code,
                  date_trunc('month', reported_at AT TIME ZONE %2$L)::date AS month FROM %1$I) t
    WHERE a.closed = 0 AND a.category_l1 = t.category_l1 AND a.source_code = t.source_code
      AND a.month = t.month$q$, rel, tz),
    format($q$
    DELETE FROM case_site_code_month a
    USING (SELECT DISTINCT community_code,
                  date_trunc('month', reported_at AT TIME ZONE %2$L)::date AS month FROM %1$I) t
    WHERE a.cases = 0 AND a.community_code = t.community_code AND a.month = t.month$q$,
    rel, tz)]
    || ARRAY(SELECT format($q$
    DELETE FROM %3$I a
    USING (SELECT DISTINCT (reported_at AT TIME ZONE %2$L)::date AS day FROM %1$I) t
    WHERE a.%4$I = 0 AND a.day = t.day$q$, rel, tz, tbl, counted)
             FROM (VALUES ('case_district_day', 'cases'), ('case_district_day_hours', 'closed'),
                          ('case_district_cell_day', 'cases')) d(tbl, counted)) END $$;

CREATE OR REPLACE FUNCTION case_month_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE case_month, case_month_hours, case_cell_month, case_cell_month_level, case_site_month,
             case_district_month, case_district_hours, case_district_code_hours,
             case_district_day, case_district_day_hours, case_district_cell_day,
             case_site_code_month;
    RETURN NULL;
END $$;

ALTER FUNCTION case_month_on_change() SECURITY DEFINER SET search_path FROM CURRENT;
ALTER FUNCTION case_month_on_truncate() SECURITY DEFINER SET search_path FROM CURRENT;

DO $$ DECLARE stmt text; tz text := district_timezone();
BEGIN
    FOREACH stmt IN ARRAY (case_month_statements('cases', 1, tz))[6:12] LOOP
        EXECUTE stmt;
    END LOOP;
END $$;
-- Keep the rows read together on the same pages (the statements above write them in no order;
-- later imports add their months and days at the end): a few days at a time, or a category's
-- and source's months (the district's filtered figures, map and sites 30-40 % faster).
CLUSTER case_district_day USING case_district_day_pkey;
CLUSTER case_district_day_hours USING case_district_day_hours_pkey;
CLUSTER case_district_cell_day USING case_district_cell_day_pkey;
CLUSTER case_district_code_hours USING case_district_code_hours_pkey;
CLUSTER case_site_code_month USING case_site_code_month_codes_idx;
CLUSTER case_cell_month USING case_cell_month_codes_idx;
ANALYZE case_district_month, case_district_hours, case_district_code_hours, case_district_day,
        case_district_day_hours, case_district_cell_day, case_site_code_month, case_cell_month;
