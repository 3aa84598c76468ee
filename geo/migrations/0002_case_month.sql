-- Pre-aggregated cases: counts per community, month (in the district's time zone) and every
-- filter dimension, and a histogram of whole hours to close. Kept equal to the cases table by
-- statement-level triggers on every insert, update and delete, whichever way rows arrive.
CREATE TABLE case_month (
    street_code    text NOT NULL,
    community_code text NOT NULL,
    month          date NOT NULL,
    category_code  text NOT NULL,
    category_l1    text NOT NULL,
    source_code    text NOT NULL,
    status         text NOT NULL,
    escalation     text NOT NULL,  -- '' when none
    cases          integer NOT NULL,
    closed         integer NOT NULL,
    PRIMARY KEY (community_code, month, category_code, source_code, status, escalation)
);
CREATE INDEX case_month_street_idx ON case_month (street_code, month);
CREATE INDEX case_month_month_idx ON case_month (month);

CREATE TABLE case_month_hours (
    street_code    text NOT NULL,
    community_code text NOT NULL,
    month          date NOT NULL,
    hours          integer NOT NULL,  -- whole hours from report to close
    closed         integer NOT NULL,
    PRIMARY KEY (community_code, month, hours)
);
CREATE INDEX case_month_hours_street_idx ON case_month_hours (street_code, month);

CREATE FUNCTION district_timezone() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT coalesce((SELECT timezone FROM district LIMIT 1), 'Asia/Shanghai') $$;

-- Their upkeep (statement triggers on cases) is generated from geo/cubes.py by geo/sql/cubes.py.
