-- The site cubes keep one row per key holding a histogram of sites (the site ids ascending,
-- and the cases, rated and satisfied cases of each) instead of a row per site: a 1 M-case
-- import wrote ~520,000 rows into them, now ~50,000 (docs/cubes.md). Emptied here; `geo db
-- up` fills them again from the cases (geo.db.keep_cubes).
TRUNCATE case_site_month, case_site_code_month;

ALTER TABLE case_site_month
    DROP CONSTRAINT case_site_month_pkey,
    DROP COLUMN site_id,
    ADD COLUMN site_id bigint[] NOT NULL,
    ADD COLUMN site_id_cases integer[] NOT NULL,
    ADD COLUMN site_id_rated integer[] NOT NULL,
    ADD COLUMN site_id_satisfied integer[] NOT NULL,
    ADD PRIMARY KEY (community_code, month, status, escalation);

ALTER TABLE case_site_code_month
    DROP CONSTRAINT case_site_code_month_pkey,
    DROP COLUMN site_id,
    ADD COLUMN site_id bigint[] NOT NULL,
    ADD COLUMN site_id_cases integer[] NOT NULL,
    ADD COLUMN site_id_rated integer[] NOT NULL,
    ADD COLUMN site_id_satisfied integer[] NOT NULL,
    ADD PRIMARY KEY (community_code, month, category_l1, source_code, status, escalation);
