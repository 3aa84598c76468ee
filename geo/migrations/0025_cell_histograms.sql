-- The cell cubes keep one row per key holding a histogram of cells (two arrays: the cells,
-- each x and y packed in a bigint, ascending, and the cases of each) instead of a row per
-- cell: a 1 M-case import wrote ~1,250,000 rows into them, now ~55,000 (docs/cubes.md).
-- Emptied here; `geo db up` fills them again from the cases (geo.db.keep_cubes).
TRUNCATE case_cell_month, case_cell_month_level, case_district_cell_day;

ALTER TABLE case_cell_month
    DROP CONSTRAINT case_cell_month_pkey,
    DROP COLUMN cx,
    DROP COLUMN cy,
    ADD COLUMN cell bigint[] NOT NULL,
    ADD COLUMN cell_cases integer[] NOT NULL,
    ADD PRIMARY KEY (month, street_code, community_code, category_l1, source_code, status,
                     escalation);

ALTER TABLE case_cell_month_level
    DROP CONSTRAINT case_cell_month_level_pkey,
    DROP COLUMN cx,
    DROP COLUMN cy,
    ADD COLUMN cell bigint[] NOT NULL,
    ADD COLUMN cell_cases integer[] NOT NULL,
    ADD PRIMARY KEY (community_code, month, status, escalation);

ALTER TABLE case_district_cell_day
    DROP CONSTRAINT case_district_cell_day_pkey,
    DROP COLUMN cx,
    DROP COLUMN cy,
    ADD COLUMN cell bigint[] NOT NULL,
    ADD COLUMN cell_cases integer[] NOT NULL,
    ADD PRIMARY KEY (day, status, escalation);
ALTER TABLE case_district_cell_day CLUSTER ON case_district_cell_day_pkey;
