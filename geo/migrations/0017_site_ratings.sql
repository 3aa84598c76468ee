-- The top sites' rates (issue 22) from the site cubes, not from their cases: cases rated, and
-- rated 4 or 5 (closed is their status). Emptied here; `geo db up` fills them again.
ALTER TABLE case_site_month ADD COLUMN rated bigint NOT NULL DEFAULT 0,
                            ADD COLUMN satisfied bigint NOT NULL DEFAULT 0;
ALTER TABLE case_site_code_month ADD COLUMN rated bigint NOT NULL DEFAULT 0,
                                 ADD COLUMN satisfied bigint NOT NULL DEFAULT 0;
TRUNCATE case_site_month, case_site_code_month;
