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

