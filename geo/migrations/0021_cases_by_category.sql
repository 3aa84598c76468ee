-- A level-2 category across the district (no cube has them by cell or site) read every case
-- of the range through the time index: 0.7-2 s at 10 M cases. The cases by category and time,
-- covering what the heat cells, the sites and the figures read of them: 0.1-0.2 s
-- (docs/benchmarks.md), for ~4 % more upkeep per imported case.
CREATE INDEX cases_category_time_idx ON cases (category_code, reported_at)
    INCLUDE (geom, source_code, status, escalation, site_id, satisfaction, community_code,
             street_code);
