-- The hotline's satisfaction in the count cubes (issue 22): cases rated, and rated 4 or 5.
-- Emptied here so that `geo db up` fills them again from the cases with the new measures.
ALTER TABLE case_month ADD COLUMN rated bigint NOT NULL DEFAULT 0,
                       ADD COLUMN satisfied bigint NOT NULL DEFAULT 0;
ALTER TABLE case_district_month ADD COLUMN rated bigint NOT NULL DEFAULT 0,
                                ADD COLUMN satisfied bigint NOT NULL DEFAULT 0;
ALTER TABLE case_district_day ADD COLUMN rated bigint NOT NULL DEFAULT 0,
                              ADD COLUMN satisfied bigint NOT NULL DEFAULT 0;
TRUNCATE case_month, case_district_month, case_district_day;
