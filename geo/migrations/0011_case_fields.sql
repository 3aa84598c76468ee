-- The hotline's own fields, and cases kept when a secondary field is bad (issue 19).
-- address: where the citizen said it happened (placing cases by address reads it);
-- handling_unit: 承办单位; located_by: how the case got its place (DESIGN.md).
ALTER TABLE cases
    ADD COLUMN address       text,
    ADD COLUMN handling_unit text,
    ADD COLUMN located_by    text NOT NULL DEFAULT 'coordinates'
        CHECK (located_by IN ('coordinates', 'doorplate', 'nearby_doorplate', 'site_name',
                              'community', 'unplaced', 'manual'));
-- A closed case may lack its closing time (an impossible one is emptied on import, with a
-- warning); an open case still has none.
ALTER TABLE cases DROP CONSTRAINT cases_check1;
ALTER TABLE cases ADD CONSTRAINT cases_closed_at_only_when_closed
    CHECK (status = 'closed' OR closed_at IS NULL);
