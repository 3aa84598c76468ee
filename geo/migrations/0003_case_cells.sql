-- Case heatmaps: cases binned to square cells of the Web Mercator plane the map is drawn in.
-- A cell is (floor(x / size), floor(y / size)) for x, y in Web Mercator metres.

CREATE FUNCTION cell_x(g geometry, size float8) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT floor(6378137 * radians(ST_X(g)) / size)::integer $$;

CREATE FUNCTION cell_y(g geometry, size float8) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT floor(6378137 * ln(tan(pi() / 4 + radians(ST_Y(g)) / 2)) / size)::integer $$;

-- A community's cases are binned straight from this index (an index-only scan: the point and
-- every filter column are in it), at whatever cell size the view needs.
CREATE INDEX IF NOT EXISTS cases_community_cover_idx ON cases (community_code, reported_at)
    INCLUDE (geom, category_code, category_l1, source_code, status, escalation, site_id);
DROP INDEX IF EXISTS cases_community_time_idx;

-- Streets and the district read whole months from this cube of 200 m cells (the partial months
-- at either end of a date range from the index above). Kept equal to the cases by the same
-- statement-level triggers as case_month.
CREATE TABLE case_cell_month (
    month          date NOT NULL,
    street_code    text NOT NULL,
    community_code text NOT NULL,
    cx             integer NOT NULL,
    cy             integer NOT NULL,
    category_l1    text NOT NULL,
    source_code    text NOT NULL,
    status         text NOT NULL,
    escalation     text NOT NULL,  -- '' when none
    cases          integer NOT NULL,
    PRIMARY KEY (month, street_code, community_code, cx, cy, category_l1, source_code, status,
                 escalation)
);
CREATE INDEX case_cell_month_street_idx ON case_cell_month (street_code, month);

CREATE OR REPLACE FUNCTION case_month_statements(rel text, sign integer) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$ SELECT ARRAY[
    format($q$
    INSERT INTO case_month AS a
    SELECT street_code, community_code,
           date_trunc('month', reported_at AT TIME ZONE district_timezone())::date,
           category_code, category_l1, source_code, status, coalesce(escalation, ''),
           %2$s * count(*), %2$s * count(closed_at)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (community_code, month, category_code, source_code, status, escalation)
    DO UPDATE SET cases = a.cases + excluded.cases, closed = a.closed + excluded.closed$q$,
    rel, sign),
    format($q$
    INSERT INTO case_month_hours AS h
    SELECT street_code, community_code,
           date_trunc('month', reported_at AT TIME ZONE district_timezone())::date,
           floor(extract(epoch FROM closed_at - reported_at) / 3600)::int, %2$s * count(*)
    FROM %1$I WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT (community_code, month, hours) DO UPDATE SET closed = h.closed + excluded.closed$q$,
    rel, sign),
    format($q$
    INSERT INTO case_cell_month AS g
    SELECT date_trunc('month', reported_at AT TIME ZONE district_timezone())::date,
           street_code, community_code, cell_x(geom, 200), cell_y(geom, 200),
           category_l1, source_code, status, coalesce(escalation, ''), %2$s * count(*)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (month, street_code, community_code, cx, cy, category_l1, source_code, status,
                 escalation)
    DO UPDATE SET cases = g.cases + excluded.cases$q$,
    rel, sign)] $$;

CREATE OR REPLACE FUNCTION case_month_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE stmt text;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        FOREACH stmt IN ARRAY case_month_statements('old_rows', -1) LOOP EXECUTE stmt; END LOOP;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        FOREACH stmt IN ARRAY case_month_statements('new_rows', 1) LOOP EXECUTE stmt; END LOOP;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM case_month WHERE cases = 0;
        DELETE FROM case_month_hours WHERE closed = 0;
        DELETE FROM case_cell_month WHERE cases = 0;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION case_month_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE case_month, case_month_hours, case_cell_month;
    RETURN NULL;
END $$;

-- Backfill the new cube from what is already there.
DO $$ BEGIN
    EXECUTE (case_month_statements('cases', 1))[3];
END $$;
