-- Statistics on the whole hours to close, so that the planner knows there are ~1,500 of them
-- (it guessed millions and would not split a district-wide scan among parallel workers); and
-- the reporters' personal data follows its case by statement triggers instead of a foreign
-- key's per-row checks.

CREATE STATISTICS cases_hours_to_close
    ON (floor(date_part('epoch', closed_at - reported_at) / 3600)::int) FROM cases;
ANALYZE cases;

-- The reporters' personal data follows its case as the foreign key made it do, checked per
-- statement rather than per row (the key's per-row check was 3.1 s of a 1 M import), as cases
-- check their own references since 0001: no personal row without its case; deleted (or
-- truncated) with it. SECURITY DEFINER, as a key's checks and cascade were: they see and
-- delete every row, whatever the row-level security of the user who deleted the case.
ALTER TABLE case_personal DROP CONSTRAINT case_personal_case_id_fkey;

CREATE FUNCTION case_personal_check_case() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE missing bigint;
BEGIN
    SELECT n.case_id INTO missing FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = n.case_id) LIMIT 1;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'personal data of a missing case: %', missing
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER case_personal_case_on_insert AFTER INSERT ON case_personal
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_personal_check_case();
CREATE TRIGGER case_personal_case_on_update AFTER UPDATE ON case_personal
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_personal_check_case();

CREATE FUNCTION cases_delete_personal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        -- not TRUNCATE: the statement that fired this may be truncating case_personal too
        DELETE FROM case_personal;
    ELSE
        DELETE FROM case_personal p USING old_rows o WHERE p.case_id = o.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER cases_personal_on_delete AFTER DELETE ON cases
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_delete_personal();
CREATE TRIGGER cases_personal_on_truncate AFTER TRUNCATE ON cases
    FOR EACH STATEMENT EXECUTE FUNCTION cases_delete_personal();
