-- Users of the app, the audit log, and row-level security.
--
-- Signed-in and --as-user connections switch to the role atlas_user (SET ROLE): not the tables'
-- owner, no BYPASSRLS, and every table holding a street's or a community's data has FORCE ROW
-- LEVEL SECURITY with policies reading the user's role and scope from two settings made when
-- the connection is opened (atlas.user_role, atlas.scope). The owner (imports, migrations, the
-- command line without --as-user) is unaffected by the policies.

CREATE TABLE app_users (
    name            text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9_.@-]{1,64}$'),
    role            text NOT NULL CHECK (role IN ('district', 'street', 'community', 'admin')),
    scope_code      text,  -- the street's or the community's code
    personal_data   boolean NOT NULL DEFAULT false,  -- a district user granted personal data
    password_hash   text NOT NULL,
    failed_attempts integer NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((role IN ('street', 'community')) = (scope_code IS NOT NULL)),
    CHECK (NOT personal_data OR role IN ('district', 'admin'))
);

CREATE TABLE audit_log (
    id        bigserial PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    user_name text,
    action    text NOT NULL,  -- sign_in, sign_in_failed, import, export, personal_data, edit, ...
    detail    jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at);

DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atlas_user') THEN
        CREATE ROLE atlas_user NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
END $$;
DO $$ BEGIN
    EXECUTE format('GRANT atlas_user TO %I', current_user);  -- so that the owner may SET ROLE
END $$;

GRANT USAGE ON SCHEMA public TO atlas_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO atlas_user;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO atlas_user;
REVOKE ALL ON app_users, schema_migrations FROM atlas_user;
REVOKE UPDATE, DELETE ON audit_log FROM atlas_user;

CREATE FUNCTION atlas_role() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('atlas.user_role', true), '') $$;
CREATE FUNCTION atlas_scope() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('atlas.scope', true), '') $$;

-- May the signed-in user see a row of this street and community?
CREATE FUNCTION atlas_sees(street text, community text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT CASE atlas_role()
        WHEN 'admin' THEN true
        WHEN 'district' THEN true
        WHEN 'street' THEN street = atlas_scope()
        WHEN 'community' THEN community = atlas_scope()
        ELSE false END $$;
-- May the user change it? District users see everything and change nothing.
CREATE FUNCTION atlas_edits(street text, community text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT atlas_role() <> 'district' AND atlas_sees(street, community) $$;

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
            ('streets', 'code', 'NULL'),
            ('communities', 'street_code', 'code'),
            ('grids', 'street_code', 'community_code'),
            ('sites', 'street_code', 'community_code'),
            ('management', 'street_code', 'community_code'),
            ('assignments', 'street_code', 'community_code'),
            ('cases', 'street_code', 'community_code'),
            ('case_month', 'street_code', 'community_code'),
            ('case_month_hours', 'street_code', 'community_code'),
            ('case_cell_month', 'street_code', 'community_code')) AS v(tbl, street, community)
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.tbl);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.tbl);
        -- a street row seen by a community user: the street of its community
        EXECUTE format($p$CREATE POLICY scope_read ON %I FOR SELECT TO atlas_user
                          USING (atlas_sees(%s, %s))$p$, t.tbl, t.street,
                       CASE WHEN t.community = 'NULL' THEN
                           '(SELECT c.code FROM communities c WHERE c.street_code = streets.code '
                           'AND c.code = atlas_scope())' ELSE t.community END);
        EXECUTE format($p$CREATE POLICY scope_write ON %I FOR ALL TO atlas_user
                          USING (atlas_edits(%s, %s)) WITH CHECK (atlas_edits(%s, %s))$p$,
                       t.tbl, t.street, t.community, t.street, t.community);
    END LOOP;
    -- the owner (imports, migrations, the command line) works on every row even when it is
    -- not a superuser, FORCE notwithstanding
    FOR t IN SELECT unnest(ARRAY['streets', 'communities', 'grids', 'sites', 'management',
                                 'assignments', 'cases', 'case_month', 'case_month_hours',
                                 'case_cell_month', 'people', 'case_personal', 'audit_log']) AS tbl
    LOOP
        EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)',
                       t.tbl, current_user);
    END LOOP;
END $$;

-- People: those of the user's street or community, and the district's own (no street).
ALTER TABLE people ENABLE ROW LEVEL SECURITY;
ALTER TABLE people FORCE ROW LEVEL SECURITY;
CREATE POLICY scope_read ON people FOR SELECT TO atlas_user
    USING (street_code IS NULL OR atlas_sees(street_code, coalesce(community_code, '')));
CREATE POLICY scope_write ON people FOR ALL TO atlas_user
    USING (atlas_edits(coalesce(street_code, ''), coalesce(community_code, '')))
    WITH CHECK (atlas_edits(coalesce(street_code, ''), coalesce(community_code, '')));

-- Reporters' personal data: admins, and district users granted it.
ALTER TABLE case_personal ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_personal FORCE ROW LEVEL SECURITY;
CREATE POLICY personal_read ON case_personal FOR SELECT TO atlas_user
    USING (atlas_role() = 'admin' OR (atlas_role() = 'district'
           AND coalesce(current_setting('atlas.personal_data', true), '') = 'on'));
CREATE POLICY personal_write ON case_personal FOR ALL TO atlas_user
    USING (atlas_role() = 'admin') WITH CHECK (atlas_role() = 'admin');

-- The audit log: everyone signed in appends; admins read.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_append ON audit_log FOR INSERT TO atlas_user WITH CHECK (true);
CREATE POLICY audit_read ON audit_log FOR SELECT TO atlas_user USING (atlas_role() = 'admin');
