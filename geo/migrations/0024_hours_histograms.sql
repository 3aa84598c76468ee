-- The hours-to-close cubes keep one row per key holding a histogram (two arrays: the whole
-- hours to close, ascending, and the closed cases of each) instead of a row per hour: a 1 M-case
-- import wrote ~1,000,000 rows into them, now ~17,000 (docs/cubes.md). Emptied here; `geo db
-- up` fills them again from the cases (geo.db.keep_cubes).
TRUNCATE case_month_hours, case_street_code_hours, case_district_code_hours,
         case_district_hours;

ALTER TABLE case_month_hours
    DROP CONSTRAINT case_month_hours_pkey,
    DROP COLUMN hours,
    ADD COLUMN hours integer[] NOT NULL,
    ADD COLUMN hours_closed integer[] NOT NULL,
    ADD PRIMARY KEY (community_code, month, escalation);

ALTER TABLE case_street_code_hours
    DROP CONSTRAINT case_street_code_hours_pkey,
    DROP COLUMN hours,
    ADD COLUMN hours integer[] NOT NULL,
    ADD COLUMN hours_closed integer[] NOT NULL,
    ADD PRIMARY KEY (street_code, category_l1, source_code, month, escalation);

ALTER TABLE case_district_code_hours
    DROP CONSTRAINT case_district_code_hours_pkey,
    DROP COLUMN hours,
    ADD COLUMN hours integer[] NOT NULL,
    ADD COLUMN hours_closed integer[] NOT NULL,
    ADD PRIMARY KEY (category_l1, source_code, month, category_code, escalation);

ALTER TABLE case_district_hours
    DROP CONSTRAINT case_district_hours_pkey,
    DROP COLUMN hours,
    ADD COLUMN hours integer[] NOT NULL,
    ADD COLUMN hours_closed integer[] NOT NULL,
    ADD PRIMARY KEY (month, escalation);
