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

-- The statements adding (sign = 1) or removing (sign = -1) a set of case rows, named by
-- relation: the trigger's transition tables, or the cases table itself for the backfill.
CREATE FUNCTION case_month_statements(rel text, sign integer) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$ SELECT ARRAY[
    format($q$
    INSERT INTO case_month AS a
    SELECT street_code, community_code,
           date_trunc('month', reported_at AT TIME ZONE district_timezone())::date,
           category_code, category_l1, source_code, status, coalesce(escalation, ''),
           %2$s * count(*), %2$s * count(closed_at)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (community_code, month, category_code, source_code, status, escalation)
    DO UPDATE SET cases = a.cases + excluded.cases, closed = a.closed + excluded.closed$q$,
    rel, sign),
    format($q$
    INSERT INTO case_month_hours AS h
    SELECT street_code, community_code,
           date_trunc('month', reported_at AT TIME ZONE district_timezone())::date,
           floor(extract(epoch FROM closed_at - reported_at) / 3600)::int, %2$s * count(*)
    FROM %1$I WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT (community_code, month, hours) DO UPDATE SET closed = h.closed + excluded.closed$q$,
    rel, sign)] $$;

CREATE FUNCTION case_month_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE stmt text;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        FOREACH stmt IN ARRAY case_month_statements('old_rows', -1) LOOP EXECUTE stmt; END LOOP;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        FOREACH stmt IN ARRAY case_month_statements('new_rows', 1) LOOP EXECUTE stmt; END LOOP;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM case_month WHERE cases = 0;
        DELETE FROM case_month_hours WHERE closed = 0;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER cases_month_on_insert AFTER INSERT ON cases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_month_on_change();
CREATE TRIGGER cases_month_on_update AFTER UPDATE ON cases
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION case_month_on_change();
CREATE TRIGGER cases_month_on_delete AFTER DELETE ON cases
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_month_on_change();
-- TRUNCATE cases empties the aggregates too
CREATE FUNCTION case_month_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE case_month, case_month_hours;
    RETURN NULL;
END $$;
CREATE TRIGGER cases_month_on_truncate AFTER TRUNCATE ON cases
    FOR EACH STATEMENT EXECUTE FUNCTION case_month_on_truncate();

-- Backfill what is already there.
DO $$ DECLARE stmt text;
BEGIN
    FOREACH stmt IN ARRAY case_month_statements('cases', 1) LOOP EXECUTE stmt; END LOOP;
END $$;
