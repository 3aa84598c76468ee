-- A street's median hours to close under a level-1 category or source filter read every case
-- of the street in the range (0.5-1.7 s for two years at 10 M cases): its histogram by street,
-- month, level-1 category and source (docs/cubes.md). `geo db up` fills it.
CREATE TABLE case_street_code_hours (
    street_code text NOT NULL,
    category_l1 text NOT NULL,
    source_code text NOT NULL,
    month       date NOT NULL,
    escalation  text NOT NULL,  -- '' when none
    hours       integer NOT NULL,
    closed      integer NOT NULL,
    PRIMARY KEY (street_code, category_l1, source_code, month, escalation, hours)
) WITH (fillfactor = 60);

-- whole streets only: a community's user sees none of it (their figures come from the cases)
ALTER TABLE case_street_code_hours ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_street_code_hours FORCE ROW LEVEL SECURITY;
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON case_street_code_hours TO %I '
                   'USING (true) WITH CHECK (true)', current_user);
END $$;
CREATE POLICY scope_read ON case_street_code_hours FOR SELECT TO atlas_user
    USING (atlas_sees(street_code, ''));
GRANT SELECT ON case_street_code_hours TO atlas_user;
