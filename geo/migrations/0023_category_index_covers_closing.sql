-- The hours to close of a street under a level-2 category (no cube has them) read each case's
-- closing time from the table, which 0021's index left out: ~0.3 s warm, seconds when the
-- table is not cached. With closed_at the index covers them too (docs/benchmarks.md).
DROP INDEX cases_category_time_idx;
CREATE INDEX cases_category_time_idx ON cases (category_code, reported_at)
    INCLUDE (geom, source_code, status, escalation, site_id, satisfaction, community_code,
             street_code, closed_at);
