-- Rows of the pre-aggregates emptied by an update or delete of cases are looked for only in the
-- (community, month) pairs the changed cases were in, not in the whole tables (case_cell_month
-- holds ~2 M rows at 10 M cases: a full scan after every edit that touched a case, such as
-- deleting a site, took about a second).
CREATE OR REPLACE FUNCTION case_month_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    stmt text;
    tz text := district_timezone();
    communities text[];
    months date[];
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        FOREACH stmt IN ARRAY case_month_statements('old_rows', -1, tz) LOOP EXECUTE stmt; END LOOP;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        FOREACH stmt IN ARRAY case_month_statements('new_rows', 1, tz) LOOP EXECUTE stmt; END LOOP;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- the (community, month) pairs the changed cases were in; none when an upsert that
        -- only inserted fires the update trigger with no rows
        SELECT array_agg(community_code), array_agg(month) INTO communities, months
        FROM (SELECT DISTINCT community_code,
                     date_trunc('month', reported_at AT TIME ZONE tz)::date AS month
              FROM old_rows) touched;
        IF communities IS NOT NULL THEN
            DELETE FROM case_month a USING unnest(communities, months) t(community_code, month)
            WHERE a.cases = 0 AND a.community_code = t.community_code AND a.month = t.month;
            DELETE FROM case_month_hours a USING unnest(communities, months) t(community_code, month)
            WHERE a.closed = 0 AND a.community_code = t.community_code AND a.month = t.month;
            DELETE FROM case_cell_month a USING unnest(communities, months) t(community_code, month)
            WHERE a.cases = 0 AND a.community_code = t.community_code AND a.month = t.month;
            DELETE FROM case_site_month a USING unnest(communities, months) t(community_code, month)
            WHERE a.cases = 0 AND a.community_code = t.community_code AND a.month = t.month;
        END IF;
    END IF;
    RETURN NULL;
END $$;
