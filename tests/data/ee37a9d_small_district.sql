--
-- PostgreSQL database dump
--

\restrict EcaiSHMLpKv8cf4KqwEl0S0RcyrotuHzvpWZsuMXEctjmgerGNzKrS4uWRy86sr

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: btree_gist; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;


--
-- Name: EXTENSION btree_gist; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION btree_gist IS 'support for indexing common datatypes in GiST';


--
-- Name: postgis; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;


--
-- Name: EXTENSION postgis; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION postgis IS 'PostGIS geometry and geography spatial types and functions';


--
-- Name: atlas_edits(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.atlas_edits(street text, community text) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT atlas_role() <> 'district' AND atlas_sees(street, community) $$;


--
-- Name: atlas_role(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.atlas_role() RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(current_setting('atlas.user_role', true), '') $$;


--
-- Name: atlas_scope(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.atlas_scope() RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(current_setting('atlas.scope', true), '') $$;


--
-- Name: atlas_sees(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.atlas_sees(street text, community text) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT CASE atlas_role()
        WHEN 'admin' THEN true
        WHEN 'district' THEN true
        WHEN 'street' THEN street = atlas_scope()
        WHEN 'community' THEN community = atlas_scope()
        ELSE false END $$;


--
-- Name: atlas_sees_district(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.atlas_sees_district() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT current_user <> 'atlas_user' OR atlas_role() IN ('admin', 'district') $$;


--
-- Name: case_month_on_change(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.case_month_on_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
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
            DELETE FROM case_cell_month_level a USING unnest(communities, months) t(community_code, month)
            WHERE a.cases = 0 AND a.community_code = t.community_code AND a.month = t.month;
            DELETE FROM case_site_month a USING unnest(communities, months) t(community_code, month)
            WHERE a.cases = 0 AND a.community_code = t.community_code AND a.month = t.month;
        END IF;
    END IF;
    RETURN NULL;
END $$;


--
-- Name: case_month_on_truncate(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.case_month_on_truncate() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
BEGIN
    TRUNCATE case_month, case_month_hours, case_cell_month, case_cell_month_level, case_site_month,
             case_district_month, case_district_hours, case_district_code_hours,
             case_district_day, case_district_day_hours, case_district_cell_day,
             case_site_code_month;
    RETURN NULL;
END $$;


--
-- Name: case_month_statements(text, integer, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.case_month_statements(rel text, sign integer, tz text) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    AS $_$ SELECT case_month_statements_0008(rel, sign, tz) || ARRAY[
    format($q$
    INSERT INTO case_district_month AS a
    SELECT date_trunc('month', reported_at AT TIME ZONE %3$L)::date, category_code, category_l1,
           source_code, status, coalesce(escalation, ''), %2$s * count(*), %2$s * count(closed_at)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (month, category_code, source_code, status, escalation)
    DO UPDATE SET cases = a.cases + excluded.cases, closed = a.closed + excluded.closed$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_district_hours AS h
    SELECT date_trunc('month', reported_at AT TIME ZONE %3$L)::date, coalesce(escalation, ''),
           floor(date_part('epoch', closed_at - reported_at) / 3600)::int, %2$s * count(*)
    FROM %1$I WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (month, escalation, hours) DO UPDATE SET closed = h.closed + excluded.closed$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_district_code_hours AS h
    SELECT category_l1, source_code, date_trunc('month', reported_at AT TIME ZONE %3$L)::date,
           category_code, coalesce(escalation, ''),
           floor(date_part('epoch', closed_at - reported_at) / 3600)::int, %2$s * count(*)
    FROM %1$I WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (category_l1, source_code, month, category_code, escalation, hours)
    DO UPDATE SET closed = h.closed + excluded.closed$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_site_code_month AS s
    SELECT street_code, community_code, site_id,
           date_trunc('month', reported_at AT TIME ZONE %3$L)::date, category_l1, source_code,
           status, coalesce(escalation, ''), %2$s * count(*)
    FROM %1$I WHERE site_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (community_code, month, site_id, category_l1, source_code, status, escalation)
    DO UPDATE SET cases = s.cases + excluded.cases$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_district_day AS a
    SELECT (reported_at AT TIME ZONE %3$L)::date, category_code, category_l1, source_code, status,
           coalesce(escalation, ''), %2$s * count(*), %2$s * count(closed_at)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (day, category_code, source_code, status, escalation)
    DO UPDATE SET cases = a.cases + excluded.cases, closed = a.closed + excluded.closed$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_district_day_hours AS h
    SELECT (reported_at AT TIME ZONE %3$L)::date, coalesce(escalation, ''),
           floor(date_part('epoch', closed_at - reported_at) / 3600)::int, %2$s * count(*)
    FROM %1$I WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (day, escalation, hours) DO UPDATE SET closed = h.closed + excluded.closed$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_district_cell_day AS g
    SELECT (reported_at AT TIME ZONE %3$L)::date, cell_x(geom, 200), cell_y(geom, 200), status,
           coalesce(escalation, ''), %2$s * count(*)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (day, cx, cy, status, escalation) DO UPDATE SET cases = g.cases + excluded.cases$q$,
    rel, sign, tz)]
    || CASE WHEN sign > 0 THEN ARRAY[]::text[] ELSE ARRAY[
    format($q$
    DELETE FROM case_district_month a
    USING (SELECT DISTINCT date_trunc('month', reported_at AT TIME ZONE %2$L)::date AS month
           FROM %1$I) t
    WHERE a.cases = 0 AND a.month = t.month$q$, rel, tz),
    format($q$
    DELETE FROM case_district_hours a
    USING (SELECT DISTINCT date_trunc('month', reported_at AT TIME ZONE %2$L)::date AS month
           FROM %1$I) t
    WHERE a.closed = 0 AND a.month = t.month$q$, rel, tz),
    format($q$
    DELETE FROM case_district_code_hours a
    USING (SELECT DISTINCT category_l1, source_code,
                  date_trunc('month', reported_at AT TIME ZONE %2$L)::date AS month FROM %1$I) t
    WHERE a.closed = 0 AND a.category_l1 = t.category_l1 AND a.source_code = t.source_code
      AND a.month = t.month$q$, rel, tz),
    format($q$
    DELETE FROM case_site_code_month a
    USING (SELECT DISTINCT community_code,
                  date_trunc('month', reported_at AT TIME ZONE %2$L)::date AS month FROM %1$I) t
    WHERE a.cases = 0 AND a.community_code = t.community_code AND a.month = t.month$q$,
    rel, tz)]
    || ARRAY(SELECT format($q$
    DELETE FROM %3$I a
    USING (SELECT DISTINCT (reported_at AT TIME ZONE %2$L)::date AS day FROM %1$I) t
    WHERE a.%4$I = 0 AND a.day = t.day$q$, rel, tz, tbl, counted)
             FROM (VALUES ('case_district_day', 'cases'), ('case_district_day_hours', 'closed'),
                          ('case_district_cell_day', 'cases')) d(tbl, counted)) END $_$;


--
-- Name: case_month_statements_0008(text, integer, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.case_month_statements_0008(rel text, sign integer, tz text) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    AS $_$ SELECT ARRAY[
    format($q$
    INSERT INTO case_month AS a
    SELECT street_code, community_code, date_trunc('month', reported_at AT TIME ZONE %3$L)::date,
           category_code, category_l1, source_code, status, coalesce(escalation, ''),
           %2$s * count(*), %2$s * count(closed_at)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (community_code, month, category_code, source_code, status, escalation)
    DO UPDATE SET cases = a.cases + excluded.cases, closed = a.closed + excluded.closed$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_month_hours AS h (street_code, community_code, month, escalation, hours, closed)
    SELECT street_code, community_code, date_trunc('month', reported_at AT TIME ZONE %3$L)::date,
           coalesce(escalation, ''),
           floor(date_part('epoch', closed_at - reported_at) / 3600)::int, %2$s * count(*)
    FROM %1$I WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (community_code, month, escalation, hours)
    DO UPDATE SET closed = h.closed + excluded.closed$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_cell_month AS g
    SELECT date_trunc('month', reported_at AT TIME ZONE %3$L)::date,
           street_code, community_code, cell_x(geom, 200), cell_y(geom, 200),
           category_l1, source_code, status, coalesce(escalation, ''), %2$s * count(*)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (month, street_code, community_code, cx, cy, category_l1, source_code, status,
                 escalation)
    DO UPDATE SET cases = g.cases + excluded.cases$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_cell_month_level AS g
    SELECT date_trunc('month', reported_at AT TIME ZONE %3$L)::date,
           street_code, community_code, cell_x(geom, 200), cell_y(geom, 200),
           status, coalesce(escalation, ''), %2$s * count(*)
    FROM %1$I GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (community_code, month, cx, cy, status, escalation)
    DO UPDATE SET cases = g.cases + excluded.cases$q$,
    rel, sign, tz),
    format($q$
    INSERT INTO case_site_month AS s (street_code, community_code, site_id, month, status,
                                      escalation, cases)
    SELECT street_code, community_code, site_id,
           date_trunc('month', reported_at AT TIME ZONE %3$L)::date, status,
           coalesce(escalation, ''), %2$s * count(*)
    FROM %1$I WHERE site_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (community_code, month, site_id, status, escalation)
    DO UPDATE SET cases = s.cases + excluded.cases$q$,
    rel, sign, tz)] $_$;


--
-- Name: case_personal_check_case(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.case_personal_check_case() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
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


--
-- Name: cases_check_references(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.cases_check_references() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE bad text;
BEGIN
    SELECT format('case %s/%s: %s', n.source_code, n.external_id, CASE
            WHEN NOT EXISTS (SELECT 1 FROM case_sources x WHERE x.code = n.source_code)
                THEN 'unknown source ' || n.source_code
            WHEN NOT EXISTS (SELECT 1 FROM case_categories x WHERE x.code = n.category_code)
                THEN 'unknown category ' || n.category_code
            WHEN NOT EXISTS (SELECT 1 FROM case_categories x WHERE x.code = n.category_l1
                             AND x.level = 1)
                THEN 'unknown level-1 category ' || n.category_l1
            WHEN NOT EXISTS (SELECT 1 FROM communities x WHERE x.code = n.community_code
                             AND x.street_code = n.street_code)
                THEN 'unknown community ' || n.community_code || ' of street ' || n.street_code
            WHEN n.grid_code IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM grids x WHERE x.code = n.grid_code)
                THEN 'unknown grid ' || n.grid_code
            ELSE 'unknown site ' || n.site_id END)
    INTO bad
    FROM new_rows n
    WHERE n.source_code NOT IN (SELECT code FROM case_sources)
       OR n.category_code NOT IN (SELECT code FROM case_categories)
       OR n.category_l1 NOT IN (SELECT code FROM case_categories WHERE level = 1)
       OR (n.community_code, n.street_code) NOT IN (SELECT code, street_code FROM communities)
       OR (n.grid_code IS NOT NULL AND n.grid_code NOT IN (SELECT code FROM grids))
       OR (n.site_id IS NOT NULL AND n.site_id NOT IN (SELECT id FROM sites))
    LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'cases reference missing rows: %', bad USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;


--
-- Name: cases_clear_deleted_place(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.cases_clear_deleted_place() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_TABLE_NAME = 'sites' THEN
        UPDATE cases c SET site_id = NULL FROM old_rows o WHERE c.site_id = o.id;
    ELSE
        UPDATE cases c SET grid_code = NULL FROM old_rows o WHERE c.grid_code = o.code;
    END IF;
    RETURN NULL;
END $$;


--
-- Name: cases_delete_personal(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.cases_delete_personal() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        -- not TRUNCATE: the statement that fired this may be truncating case_personal too
        DELETE FROM case_personal;
    ELSE
        DELETE FROM case_personal p USING old_rows o WHERE p.case_id = o.id;
    END IF;
    RETURN NULL;
END $$;


--
-- Name: cases_restrict_delete(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.cases_restrict_delete() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE used text;
BEGIN
    EXECUTE format('SELECT o.code FROM old_rows o WHERE EXISTS (SELECT 1 FROM cases c WHERE c.%I = o.code) LIMIT 1',
                   TG_ARGV[0]) INTO used;
    IF used IS NOT NULL THEN
        RAISE EXCEPTION '% % still has cases', TG_TABLE_NAME, used USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;


--
-- Name: cell_x(public.geometry, double precision); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.cell_x(g public.geometry, size double precision) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT floor(6378137 * radians(ST_X(g)) / size)::integer $$;


--
-- Name: cell_y(public.geometry, double precision); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.cell_y(g public.geometry, size double precision) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT floor(6378137 * ln(tan(pi() / 4 + radians(ST_Y(g)) / 2)) / size)::integer $$;


--
-- Name: district_timezone(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.district_timezone() RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce((SELECT timezone FROM district LIMIT 1), 'Asia/Shanghai') $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: app_users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.app_users (
    name text NOT NULL,
    role text NOT NULL,
    scope_code text,
    personal_data boolean DEFAULT false NOT NULL,
    password_hash text NOT NULL,
    failed_attempts integer DEFAULT 0 NOT NULL,
    locked_until timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT app_users_check CHECK (((role = ANY (ARRAY['street'::text, 'community'::text])) = (scope_code IS NOT NULL))),
    CONSTRAINT app_users_check1 CHECK (((NOT personal_data) OR (role = ANY (ARRAY['district'::text, 'admin'::text])))),
    CONSTRAINT app_users_name_check CHECK ((name ~ '^[A-Za-z0-9_.@-]{1,64}$'::text)),
    CONSTRAINT app_users_role_check CHECK ((role = ANY (ARRAY['district'::text, 'street'::text, 'community'::text, 'admin'::text])))
);


--
-- Name: assignments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assignments (
    id bigint NOT NULL,
    person_id bigint NOT NULL,
    target_kind text NOT NULL,
    community_code text NOT NULL,
    street_code text NOT NULL,
    site_id bigint,
    grid_code text,
    valid_from date NOT NULL,
    valid_to date,
    CONSTRAINT assignments_check CHECK (((valid_to IS NULL) OR (valid_to > valid_from))),
    CONSTRAINT assignments_check1 CHECK (((target_kind = 'site'::text) = (site_id IS NOT NULL))),
    CONSTRAINT assignments_check2 CHECK (((target_kind = 'grid'::text) = (grid_code IS NOT NULL))),
    CONSTRAINT assignments_target_kind_check CHECK ((target_kind = ANY (ARRAY['community'::text, 'site'::text, 'grid'::text])))
);

ALTER TABLE ONLY public.assignments FORCE ROW LEVEL SECURITY;


--
-- Name: assignments_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.assignments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: assignments_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.assignments_id_seq OWNED BY public.assignments.id;


--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    user_name text,
    action text NOT NULL,
    detail jsonb DEFAULT '{}'::jsonb NOT NULL
);

ALTER TABLE ONLY public.audit_log FORCE ROW LEVEL SECURITY;


--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_log_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.audit_log_id_seq OWNED BY public.audit_log.id;


--
-- Name: case_categories; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_categories (
    code text NOT NULL,
    name text NOT NULL,
    name_en text,
    parent_code text,
    level smallint NOT NULL,
    CONSTRAINT case_categories_check CHECK (((level = 1) = (parent_code IS NULL))),
    CONSTRAINT case_categories_level_check CHECK ((level = ANY (ARRAY[1, 2])))
);


--
-- Name: case_cell_month; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_cell_month (
    month date NOT NULL,
    street_code text NOT NULL,
    community_code text NOT NULL,
    cx integer NOT NULL,
    cy integer NOT NULL,
    category_l1 text NOT NULL,
    source_code text NOT NULL,
    status text NOT NULL,
    escalation text NOT NULL,
    cases integer NOT NULL
)
WITH (fillfactor='60');

ALTER TABLE ONLY public.case_cell_month FORCE ROW LEVEL SECURITY;


--
-- Name: case_cell_month_level; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_cell_month_level (
    month date NOT NULL,
    street_code text NOT NULL,
    community_code text NOT NULL,
    cx integer NOT NULL,
    cy integer NOT NULL,
    status text NOT NULL,
    escalation text NOT NULL,
    cases integer NOT NULL
)
WITH (fillfactor='60');

ALTER TABLE ONLY public.case_cell_month_level FORCE ROW LEVEL SECURITY;


--
-- Name: case_district_cell_day; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_district_cell_day (
    day date NOT NULL,
    cx integer NOT NULL,
    cy integer NOT NULL,
    status text NOT NULL,
    escalation text NOT NULL,
    cases integer NOT NULL
)
WITH (fillfactor='60');

ALTER TABLE ONLY public.case_district_cell_day FORCE ROW LEVEL SECURITY;


--
-- Name: case_district_code_hours; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_district_code_hours (
    category_l1 text NOT NULL,
    source_code text NOT NULL,
    month date NOT NULL,
    category_code text NOT NULL,
    escalation text NOT NULL,
    hours integer NOT NULL,
    closed integer NOT NULL
)
WITH (fillfactor='60');

ALTER TABLE ONLY public.case_district_code_hours FORCE ROW LEVEL SECURITY;


--
-- Name: case_district_day; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_district_day (
    day date NOT NULL,
    category_code text NOT NULL,
    category_l1 text NOT NULL,
    source_code text NOT NULL,
    status text NOT NULL,
    escalation text NOT NULL,
    cases integer NOT NULL,
    closed integer NOT NULL
)
WITH (fillfactor='60');

ALTER TABLE ONLY public.case_district_day FORCE ROW LEVEL SECURITY;


--
-- Name: case_district_day_hours; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_district_day_hours (
    day date NOT NULL,
    escalation text NOT NULL,
    hours integer NOT NULL,
    closed integer NOT NULL
)
WITH (fillfactor='60');

ALTER TABLE ONLY public.case_district_day_hours FORCE ROW LEVEL SECURITY;


--
-- Name: case_district_hours; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_district_hours (
    month date NOT NULL,
    escalation text NOT NULL,
    hours integer NOT NULL,
    closed integer NOT NULL
)
WITH (fillfactor='60');

ALTER TABLE ONLY public.case_district_hours FORCE ROW LEVEL SECURITY;


--
-- Name: case_district_month; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_district_month (
    month date NOT NULL,
    category_code text NOT NULL,
    category_l1 text NOT NULL,
    source_code text NOT NULL,
    status text NOT NULL,
    escalation text NOT NULL,
    cases integer NOT NULL,
    closed integer NOT NULL
)
WITH (fillfactor='60');

ALTER TABLE ONLY public.case_district_month FORCE ROW LEVEL SECURITY;


--
-- Name: case_month; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_month (
    street_code text NOT NULL,
    community_code text NOT NULL,
    month date NOT NULL,
    category_code text NOT NULL,
    category_l1 text NOT NULL,
    source_code text NOT NULL,
    status text NOT NULL,
    escalation text NOT NULL,
    cases integer NOT NULL,
    closed integer NOT NULL
)
WITH (fillfactor='60');

ALTER TABLE ONLY public.case_month FORCE ROW LEVEL SECURITY;


--
-- Name: case_month_hours; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_month_hours (
    street_code text NOT NULL,
    community_code text NOT NULL,
    month date NOT NULL,
    hours integer NOT NULL,
    closed integer NOT NULL,
    escalation text NOT NULL
)
WITH (fillfactor='60');

ALTER TABLE ONLY public.case_month_hours FORCE ROW LEVEL SECURITY;


--
-- Name: case_personal; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_personal (
    case_id bigint NOT NULL,
    street_code text NOT NULL,
    reporter_name text,
    reporter_phone text,
    description text
);

ALTER TABLE ONLY public.case_personal FORCE ROW LEVEL SECURITY;


--
-- Name: case_site_code_month; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_site_code_month (
    street_code text NOT NULL,
    community_code text NOT NULL,
    site_id bigint NOT NULL,
    month date NOT NULL,
    category_l1 text NOT NULL,
    source_code text NOT NULL,
    status text NOT NULL,
    escalation text NOT NULL,
    cases integer NOT NULL
)
WITH (fillfactor='60');

ALTER TABLE ONLY public.case_site_code_month FORCE ROW LEVEL SECURITY;


--
-- Name: case_site_month; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_site_month (
    street_code text NOT NULL,
    community_code text NOT NULL,
    site_id bigint NOT NULL,
    month date NOT NULL,
    cases integer NOT NULL,
    status text NOT NULL,
    escalation text NOT NULL
)
WITH (fillfactor='60');

ALTER TABLE ONLY public.case_site_month FORCE ROW LEVEL SECURITY;


--
-- Name: case_sources; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_sources (
    code text NOT NULL,
    name text NOT NULL,
    name_en text
);


--
-- Name: cases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cases (
    id bigint NOT NULL,
    source_code text NOT NULL,
    external_id text NOT NULL,
    category_code text NOT NULL,
    category_l1 text NOT NULL,
    status text NOT NULL,
    state text,
    escalation text,
    reported_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone,
    satisfaction smallint,
    geom public.geometry(Point,4326) NOT NULL,
    site_id bigint,
    grid_code text,
    community_code text NOT NULL,
    street_code text NOT NULL,
    assigned_by_distance boolean DEFAULT false NOT NULL,
    CONSTRAINT cases_check CHECK (((closed_at IS NULL) OR (closed_at >= reported_at))),
    CONSTRAINT cases_check1 CHECK (((status = 'closed'::text) = (closed_at IS NOT NULL))),
    CONSTRAINT cases_escalation_check CHECK ((escalation = ANY (ARRAY['community'::text, 'street'::text, 'district'::text]))),
    CONSTRAINT cases_satisfaction_check CHECK (((satisfaction >= 1) AND (satisfaction <= 5))),
    CONSTRAINT cases_state_check CHECK ((state = ANY (ARRAY['received'::text, 'in_progress'::text, 'returned'::text, 'resolved'::text, 'closed'::text]))),
    CONSTRAINT cases_status_check CHECK ((status = ANY (ARRAY['open'::text, 'closed'::text])))
);

ALTER TABLE ONLY public.cases FORCE ROW LEVEL SECURITY;


--
-- Name: cases_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.cases_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: cases_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.cases_id_seq OWNED BY public.cases.id;


--
-- Name: change_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change_log (
    id bigint NOT NULL,
    batch uuid NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    user_name text,
    street_code text NOT NULL,
    community_code text NOT NULL,
    table_name text NOT NULL,
    row_id bigint NOT NULL,
    site_id bigint,
    action text NOT NULL,
    before jsonb,
    after jsonb,
    undone boolean DEFAULT false NOT NULL,
    CONSTRAINT change_log_action_check CHECK ((action = ANY (ARRAY['insert'::text, 'update'::text, 'delete'::text])))
);

ALTER TABLE ONLY public.change_log FORCE ROW LEVEL SECURITY;


--
-- Name: change_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.change_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: change_log_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.change_log_id_seq OWNED BY public.change_log.id;


--
-- Name: communities; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.communities (
    code text NOT NULL,
    name text NOT NULL,
    name_en text,
    street_code text NOT NULL,
    geom public.geometry(MultiPolygon,4326) NOT NULL,
    CONSTRAINT communities_geom_check CHECK ((public.st_isvalid(geom) AND (NOT public.st_isempty(geom))))
);

ALTER TABLE ONLY public.communities FORCE ROW LEVEL SECURITY;


--
-- Name: district; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.district (
    code text NOT NULL,
    name text NOT NULL,
    name_en text,
    timezone text DEFAULT 'Asia/Shanghai'::text NOT NULL,
    geom public.geometry(MultiPolygon,4326),
    CONSTRAINT district_geom_check CHECK (((geom IS NULL) OR (public.st_isvalid(geom) AND (NOT public.st_isempty(geom)))))
);


--
-- Name: grids; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grids (
    code text NOT NULL,
    name text NOT NULL,
    community_code text NOT NULL,
    street_code text NOT NULL,
    geom public.geometry(MultiPolygon,4326) NOT NULL,
    CONSTRAINT grids_geom_check CHECK ((public.st_isvalid(geom) AND (NOT public.st_isempty(geom))))
);

ALTER TABLE ONLY public.grids FORCE ROW LEVEL SECURITY;


--
-- Name: management; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.management (
    id bigint NOT NULL,
    site_id bigint NOT NULL,
    street_code text NOT NULL,
    community_code text NOT NULL,
    mode text NOT NULL,
    provider text,
    party_led boolean DEFAULT false NOT NULL,
    valid_from date NOT NULL,
    valid_to date,
    CONSTRAINT management_check CHECK (((valid_to IS NULL) OR (valid_to > valid_from))),
    CONSTRAINT management_mode_check CHECK ((mode = ANY (ARRAY['commercial'::text, 'self_managed'::text, 'scenic_co_managed'::text, 'enterprise_embedded'::text, 'none'::text])))
);

ALTER TABLE ONLY public.management FORCE ROW LEVEL SECURITY;


--
-- Name: management_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.management_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: management_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.management_id_seq OWNED BY public.management.id;


--
-- Name: people; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.people (
    id bigint NOT NULL,
    external_id text NOT NULL,
    name text NOT NULL,
    role text NOT NULL,
    title text,
    street_code text,
    community_code text,
    phone text,
    CONSTRAINT people_role_check CHECK ((role = ANY (ARRAY['district_leader'::text, 'street_cadre'::text, 'grid_worker'::text, 'social_worker'::text])))
);

ALTER TABLE ONLY public.people FORCE ROW LEVEL SECURITY;


--
-- Name: people_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.people_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: people_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.people_id_seq OWNED BY public.people.id;


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    version text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.settings (
    key text NOT NULL,
    value text NOT NULL
);


--
-- Name: sites; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sites (
    id bigint NOT NULL,
    external_id text NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    community_code text NOT NULL,
    street_code text NOT NULL,
    grid_code text,
    households integer DEFAULT 0 NOT NULL,
    buildings integer,
    built_year integer,
    owners_committee boolean DEFAULT false NOT NULL,
    owners_committee_party boolean DEFAULT false NOT NULL,
    party_org boolean DEFAULT false NOT NULL,
    demonstration boolean DEFAULT false NOT NULL,
    address text,
    geom public.geometry(MultiPolygon,4326) NOT NULL,
    CONSTRAINT sites_buildings_check CHECK (((buildings >= 0) AND (buildings <= 10000))),
    CONSTRAINT sites_built_year_check CHECK (((built_year >= 1800) AND (built_year <= 2100))),
    CONSTRAINT sites_check CHECK ((owners_committee OR (NOT owners_committee_party))),
    CONSTRAINT sites_geom_check CHECK ((public.st_isvalid(geom) AND (NOT public.st_isempty(geom)))),
    CONSTRAINT sites_households_check CHECK (((households >= 0) AND (households <= 100000))),
    CONSTRAINT sites_kind_check CHECK ((kind = ANY (ARRAY['compound'::text, 'open_courtyard'::text, 'building_cluster'::text])))
);

ALTER TABLE ONLY public.sites FORCE ROW LEVEL SECURITY;


--
-- Name: sites_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.sites_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: sites_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.sites_id_seq OWNED BY public.sites.id;


--
-- Name: streets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.streets (
    code text NOT NULL,
    name text NOT NULL,
    name_en text,
    district_code text NOT NULL,
    geom public.geometry(MultiPolygon,4326) NOT NULL,
    CONSTRAINT streets_geom_check CHECK ((public.st_isvalid(geom) AND (NOT public.st_isempty(geom))))
);

ALTER TABLE ONLY public.streets FORCE ROW LEVEL SECURITY;


--
-- Name: assignments id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assignments ALTER COLUMN id SET DEFAULT nextval('public.assignments_id_seq'::regclass);


--
-- Name: audit_log id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log ALTER COLUMN id SET DEFAULT nextval('public.audit_log_id_seq'::regclass);


--
-- Name: cases id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cases ALTER COLUMN id SET DEFAULT nextval('public.cases_id_seq'::regclass);


--
-- Name: change_log id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_log ALTER COLUMN id SET DEFAULT nextval('public.change_log_id_seq'::regclass);


--
-- Name: management id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.management ALTER COLUMN id SET DEFAULT nextval('public.management_id_seq'::regclass);


--
-- Name: people id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.people ALTER COLUMN id SET DEFAULT nextval('public.people_id_seq'::regclass);


--
-- Name: sites id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sites ALTER COLUMN id SET DEFAULT nextval('public.sites_id_seq'::regclass);


--
-- Data for Name: app_users; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.app_users (name, role, scope_code, personal_data, password_hash, failed_attempts, locked_until, created_at) FROM stdin;
\.


--
-- Data for Name: assignments; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.assignments (id, person_id, target_kind, community_code, street_code, site_id, grid_code, valid_from, valid_to) FROM stdin;
\.


--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_log (id, at, user_name, action, detail) FROM stdin;
1	2026-12-01 03:13:19.945349+00	\N	import	{"file": "/tmp/oldsmall/district.geojson", "kind": "district", "rows": 1, "updated": 0, "inserted": 1, "rejected": 0, "unchanged": 0}
2	2026-12-01 03:13:21.002783+00	\N	import	{"file": "/tmp/oldsmall/streets.geojson", "kind": "streets", "rows": 1, "updated": 0, "inserted": 1, "rejected": 0, "unchanged": 0}
3	2026-12-01 03:13:22.247335+00	\N	import	{"file": "/tmp/oldsmall/communities.geojson", "kind": "communities", "rows": 2, "updated": 0, "inserted": 2, "rejected": 0, "unchanged": 0}
4	2026-12-01 03:13:23.610363+00	\N	import	{"file": "/tmp/oldsmall/sites.geojson", "kind": "sites", "rows": 3, "updated": 0, "inserted": 3, "rejected": 0, "unchanged": 0}
5	2026-12-01 03:13:24.322909+00	\N	import	{"file": "/tmp/oldsmall/cases.csv", "kind": "cases", "rows": 300, "updated": 0, "inserted": 300, "rejected": 0, "unchanged": 0}
\.


--
-- Data for Name: case_categories; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_categories (code, name, name_en, parent_code, level) FROM stdin;
property	物业管理	Property management	\N	1
property_service	物业服务	Property service	property	2
property_fee	物业收费	Property fees	property	2
parking	停车管理	Parking	property	2
sanitation	环境卫生	Sanitation	\N	1
garbage	垃圾清运	Garbage collection	sanitation	2
dirty_corner	卫生死角	Neglected corners	sanitation	2
noise	噪音扰民	Noise	sanitation	2
facilities	市政设施	Municipal facilities	\N	1
road_damage	道路破损	Damaged roads	facilities	2
street_light	路灯照明	Street lights	facilities	2
drainage	排水管网	Drainage	facilities	2
housing	房屋安全	Housing safety	\N	1
leakage	房屋漏水	Leaking roofs	housing	2
facade	外墙脱落	Falling facades	housing	2
illegal_building	违章搭建	Illegal construction	housing	2
neighbourhood	邻里纠纷	Neighbour disputes	\N	1
neighbour_conflict	邻里矛盾	Neighbour conflicts	neighbourhood	2
pets	宠物扰民	Pets	neighbourhood	2
greening	园林绿化	Greening	\N	1
tree_pruning	树木修剪	Tree pruning	greening	2
green_encroachment	绿地侵占	Encroached green space	greening	2
safety	安全隐患	Safety hazards	\N	1
fire_lane	消防通道	Blocked fire lanes	safety	2
ebike_charging	电动车充电	E-bike charging	safety	2
business	营商环境	Business environment	\N	1
enterprise_service	企业服务	Enterprise services	business	2
market_supervision	市场监管	Market supervision	business	2
\.


--
-- Data for Name: case_cell_month; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_cell_month (month, street_code, community_code, cx, cy, category_l1, source_code, status, escalation, cases) FROM stdin;
2026-01-01	T1	C2	66966	21552	sanitation	hotline_12345	open		3
2025-01-01	T1	C2	66966	21552	property	hotline_12345	closed		2
2025-02-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		3
2026-03-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		3
2025-02-01	T1	C2	66966	21552	sanitation	hotline_12345	open		3
2025-08-01	T1	C2	66966	21552	property	hotline_12345	closed		1
2025-09-01	T1	C2	66966	21552	sanitation	hotline_12345	open		3
2025-03-01	T1	C1	66959	21545	property	hotline_12345	closed		3
2025-02-01	T1	C2	66966	21552	property	hotline_12345	closed		1
2026-02-01	T1	C2	66966	21552	property	hotline_12345	closed		1
2026-02-01	T1	C2	66966	21552	sanitation	hotline_12345	open		3
2025-09-01	T1	C2	66966	21552	property	hotline_12345	closed		2
2025-06-01	T1	C2	66966	21552	sanitation	hotline_12345	open		3
2025-06-01	T1	C2	66966	21552	property	hotline_12345	open		1
2025-11-01	T1	C2	66966	21552	sanitation	hotline_12345	open		3
2025-04-01	T1	C2	66966	21552	property	hotline_12345	open		1
2025-07-01	T1	C2	66966	21552	property	hotline_12345	open		2
2026-02-01	T1	C2	66966	21552	property	hotline_12345	open		2
2025-12-01	T1	C1	66959	21545	property	hotline_12345	closed		3
2025-01-01	T1	C1	66959	21545	property	hotline_12345	closed		3
2025-05-01	T1	C2	66966	21552	property	hotline_12345	open		2
2026-01-01	T1	C1	66959	21545	property	hotline_12345	closed		3
2025-12-01	T1	C2	66966	21552	sanitation	hotline_12345	open		4
2025-06-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		7
2025-07-01	T1	C1	66959	21545	property	hotline_12345	closed		3
2025-06-01	T1	C1	66959	21545	property	hotline_12345	closed		3
2026-04-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		2
2025-10-01	T1	C2	66966	21552	sanitation	hotline_12345	open		3
2025-03-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		3
2025-08-01	T1	C2	66966	21552	property	hotline_12345	open		2
2026-01-01	T1	C2	66966	21552	property	hotline_12345	open		2
2026-03-01	T1	C1	66959	21545	property	hotline_12345	closed		4
2025-04-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		3
2026-03-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		6
2025-01-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		6
2025-04-01	T1	C1	66959	21545	property	hotline_12345	closed		3
2025-10-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		7
2025-02-01	T1	C1	66959	21545	property	hotline_12345	closed		3
2025-10-01	T1	C1	66959	21545	property	hotline_12345	closed		3
2025-05-01	T1	C1	66959	21545	property	hotline_12345	closed		4
2026-01-01	T1	C2	66966	21552	property	hotline_12345	closed		2
2025-03-01	T1	C2	66966	21552	property	hotline_12345	open		2
2025-07-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		3
2025-08-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		6
2025-09-01	T1	C1	66959	21545	property	hotline_12345	closed		3
2025-12-01	T1	C2	66966	21552	property	hotline_12345	open		1
2025-11-01	T1	C1	66959	21545	property	hotline_12345	closed		4
2025-07-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		7
2025-06-01	T1	C2	66966	21552	property	hotline_12345	closed		2
2025-08-01	T1	C1	66959	21545	property	hotline_12345	closed		4
2025-11-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		4
2025-08-01	T1	C2	66966	21552	sanitation	hotline_12345	open		4
2025-01-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		3
2025-11-01	T1	C2	66966	21552	property	hotline_12345	closed		1
2025-10-01	T1	C2	66966	21552	property	hotline_12345	closed		2
2025-01-01	T1	C2	66966	21552	sanitation	hotline_12345	open		4
2026-04-01	T1	C2	66966	21552	property	hotline_12345	open		1
2025-12-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		3
2025-09-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		7
2025-08-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		4
2025-04-01	T1	C2	66966	21552	sanitation	hotline_12345	open		4
2025-10-01	T1	C2	66966	21552	property	hotline_12345	open		2
2025-07-01	T1	C2	66966	21552	property	hotline_12345	closed		2
2025-04-01	T1	C2	66966	21552	property	hotline_12345	closed		2
2025-12-01	T1	C2	66966	21552	property	hotline_12345	closed		2
2025-04-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		7
2025-01-01	T1	C2	66966	21552	property	hotline_12345	open		1
2025-09-01	T1	C2	66966	21552	property	hotline_12345	open		1
2025-07-01	T1	C2	66966	21552	sanitation	hotline_12345	open		3
2026-02-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		6
2025-12-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		7
2025-03-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		7
2026-04-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		2
2025-05-01	T1	C2	66966	21552	property	hotline_12345	closed		1
2026-04-01	T1	C1	66959	21545	property	hotline_12345	closed		1
2025-05-01	T1	C2	66966	21552	sanitation	hotline_12345	open		3
2025-06-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		3
2026-03-01	T1	C2	66966	21552	sanitation	hotline_12345	open		4
2026-01-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		7
2026-03-01	T1	C2	66966	21552	property	hotline_12345	closed		2
2026-01-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		3
2025-02-01	T1	C2	66966	21552	property	hotline_12345	open		2
2026-02-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		3
2025-11-01	T1	C2	66966	21552	property	hotline_12345	open		2
2025-05-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		6
2026-03-01	T1	C2	66966	21552	property	hotline_12345	open		1
2025-10-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		3
2025-03-01	T1	C2	66966	21552	sanitation	hotline_12345	open		3
2025-05-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		4
2025-11-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		6
2025-03-01	T1	C2	66966	21552	property	hotline_12345	closed		2
2025-09-01	T1	C2	66966	21552	sanitation	hotline_12345	closed		3
2026-02-01	T1	C1	66959	21545	property	hotline_12345	closed		3
2025-02-01	T1	C1	66959	21545	sanitation	hotline_12345	closed		6
\.


--
-- Data for Name: case_cell_month_level; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_cell_month_level (month, street_code, community_code, cx, cy, status, escalation, cases) FROM stdin;
2026-01-01	T1	C2	66966	21552	open		5
2025-01-01	T1	C2	66966	21552	closed		5
2025-12-01	T1	C2	66966	21552	open		5
2026-03-01	T1	C2	66966	21552	closed		5
2026-04-01	T1	C1	66959	21545	closed		3
2025-07-01	T1	C1	66959	21545	closed		10
2026-02-01	T1	C2	66966	21552	closed		4
2025-06-01	T1	C1	66959	21545	closed		10
2025-11-01	T1	C1	66959	21545	closed		10
2025-04-01	T1	C2	66966	21552	closed		5
2025-08-01	T1	C2	66966	21552	open		6
2025-07-01	T1	C2	66966	21552	open		5
2025-03-01	T1	C2	66966	21552	open		5
2025-11-01	T1	C2	66966	21552	closed		5
2025-05-01	T1	C1	66959	21545	closed		10
2025-03-01	T1	C2	66966	21552	closed		5
2025-11-01	T1	C2	66966	21552	open		5
2025-03-01	T1	C1	66959	21545	closed		10
2025-08-01	T1	C1	66959	21545	closed		10
2025-06-01	T1	C2	66966	21552	open		4
2025-09-01	T1	C2	66966	21552	open		4
2025-04-01	T1	C2	66966	21552	open		5
2026-03-01	T1	C2	66966	21552	open		5
2025-08-01	T1	C2	66966	21552	closed		5
2026-01-01	T1	C1	66959	21545	closed		10
2025-06-01	T1	C2	66966	21552	closed		5
2025-10-01	T1	C1	66959	21545	closed		10
2025-04-01	T1	C1	66959	21545	closed		10
2025-05-01	T1	C2	66966	21552	closed		5
2025-02-01	T1	C2	66966	21552	open		5
2026-02-01	T1	C2	66966	21552	open		5
2025-01-01	T1	C2	66966	21552	open		5
2025-09-01	T1	C1	66959	21545	closed		10
2025-02-01	T1	C2	66966	21552	closed		4
2025-10-01	T1	C2	66966	21552	open		5
2025-02-01	T1	C1	66959	21545	closed		9
2025-05-01	T1	C2	66966	21552	open		5
2026-04-01	T1	C2	66966	21552	open		1
2025-10-01	T1	C2	66966	21552	closed		5
2026-02-01	T1	C1	66959	21545	closed		9
2025-09-01	T1	C2	66966	21552	closed		5
2025-12-01	T1	C2	66966	21552	closed		5
2025-07-01	T1	C2	66966	21552	closed		5
2026-01-01	T1	C2	66966	21552	closed		5
2025-12-01	T1	C1	66959	21545	closed		10
2026-04-01	T1	C2	66966	21552	closed		2
2026-03-01	T1	C1	66959	21545	closed		10
2025-01-01	T1	C1	66959	21545	closed		9
\.


--
-- Data for Name: case_district_cell_day; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_district_cell_day (day, cx, cy, status, escalation, cases) FROM stdin;
2025-10-20	66966	21552	open		1
2026-03-03	66959	21545	closed		1
2025-04-01	66959	21545	closed		1
2025-11-18	66959	21545	closed		1
2025-10-18	66959	21545	closed		1
2025-10-01	66966	21552	open		1
2026-02-28	66959	21545	closed		1
2025-09-05	66959	21545	closed		1
2025-05-08	66959	21545	closed		1
2025-08-17	66959	21545	closed		1
2025-02-23	66959	21545	closed		1
2026-02-15	66959	21545	closed		1
2025-05-28	66966	21552	closed		1
2025-02-12	66966	21552	closed		1
2026-03-21	66959	21545	closed		1
2025-09-30	66959	21545	closed		1
2025-01-09	66966	21552	open		1
2025-02-07	66959	21545	closed		1
2025-04-08	66966	21552	closed		1
2025-04-13	66959	21545	closed		1
2026-02-26	66966	21552	open		1
2026-03-29	66966	21552	open		1
2025-02-04	66959	21545	closed		1
2026-01-20	66966	21552	open		1
2026-01-29	66966	21552	closed		1
2025-07-21	66959	21545	closed		1
2025-09-10	66966	21552	closed		1
2025-01-11	66959	21545	closed		1
2025-08-21	66959	21545	closed		1
2025-07-04	66966	21552	closed		1
2025-04-15	66966	21552	closed		1
2026-01-31	66959	21545	closed		1
2025-04-12	66966	21552	open		1
2025-02-27	66966	21552	open		1
2025-08-16	66966	21552	closed		1
2025-07-01	66966	21552	open		1
2026-02-22	66959	21545	closed		1
2025-10-30	66959	21545	closed		1
2025-05-20	66959	21545	closed		1
2025-01-24	66966	21552	closed		1
2025-08-30	66959	21545	closed		1
2025-07-27	66959	21545	closed		1
2025-01-06	66966	21552	closed		1
2025-07-28	66966	21552	closed		1
2026-03-23	66966	21552	open		1
2025-02-26	66959	21545	closed		1
2025-07-02	66959	21545	closed		1
2025-12-13	66959	21545	closed		1
2025-08-04	66966	21552	closed		1
2025-12-19	66959	21545	closed		1
2026-04-07	66966	21552	closed		1
2025-12-17	66966	21552	closed		1
2025-01-31	66966	21552	closed		1
2025-09-14	66959	21545	closed		1
2025-01-14	66959	21545	closed		1
2026-04-09	66959	21545	closed		1
2026-01-06	66959	21545	closed		1
2025-09-13	66966	21552	open		1
2025-05-29	66959	21545	closed		1
2025-05-11	66959	21545	closed		1
2025-03-12	66966	21552	open		1
2025-07-05	66959	21545	closed		1
2026-03-26	66966	21552	closed		1
2025-06-09	66966	21552	closed		1
2025-06-01	66959	21545	closed		1
2025-12-05	66966	21552	closed		1
2026-01-16	66959	21545	closed		1
2025-02-18	66966	21552	closed		1
2025-03-29	66959	21545	closed		1
2025-07-13	66966	21552	open		1
2025-10-21	66959	21545	closed		1
2025-02-15	66966	21552	open		1
2026-01-03	66959	21545	closed		1
2025-10-15	66959	21545	closed		1
2025-07-24	66959	21545	closed		1
2025-03-24	66966	21552	open		1
2025-10-03	66959	21545	closed		1
2025-06-18	66966	21552	open		1
2025-06-06	66966	21552	open		1
2026-03-06	66959	21545	closed		1
2025-04-04	66959	21545	closed		1
2026-02-20	66966	21552	open		1
2025-10-29	66966	21552	closed		1
2025-10-27	66959	21545	closed		1
2025-09-20	66959	21545	closed		1
2025-10-04	66966	21552	closed		1
2025-01-23	66959	21545	closed		1
2026-03-12	66959	21545	closed		1
2026-03-04	66966	21552	open		1
2026-01-26	66966	21552	open		1
2025-11-20	66966	21552	open		1
2025-09-25	66966	21552	open		1
2026-01-05	66966	21552	closed		1
2025-08-22	66966	21552	closed		1
2025-05-31	66966	21552	open		1
2026-03-01	66966	21552	closed		1
2025-01-03	66966	21552	open		1
2025-05-03	66966	21552	closed		1
2026-02-05	66966	21552	closed		1
2025-01-20	66959	21545	closed		1
2025-01-07	66959	21545	closed		1
2025-03-06	66966	21552	open		1
2025-03-10	66959	21545	closed		1
2025-12-25	66959	21545	closed		1
2025-09-03	66966	21552	closed		1
2026-02-03	66959	21545	closed		1
2026-04-01	66966	21552	closed		1
2025-03-16	66959	21545	closed		1
2026-01-19	66959	21545	closed		1
2025-04-07	66959	21545	closed		1
2025-03-22	66959	21545	closed		1
2025-01-28	66966	21552	open		1
2025-01-21	66966	21552	open		1
2025-08-10	66966	21552	closed		1
2025-03-19	66959	21545	closed		1
2025-03-13	66959	21545	closed		1
2025-05-09	66966	21552	closed		1
2025-12-14	66966	21552	open		1
2025-04-22	66959	21545	closed		1
2025-02-03	66966	21552	open		1
2025-10-24	66959	21545	closed		1
2025-10-12	66959	21545	closed		1
2025-03-04	66959	21545	closed		1
2025-01-29	66959	21545	closed		1
2025-02-06	66966	21552	closed		1
2025-11-07	66966	21552	open		1
2025-10-10	66966	21552	closed		1
2026-01-25	66959	21545	closed		1
2025-11-09	66959	21545	closed		1
2025-09-19	66966	21552	open		1
2025-08-19	66966	21552	open		1
2025-04-16	66959	21545	closed		1
2025-10-06	66959	21545	closed		1
2025-11-27	66959	21545	closed		1
2025-07-10	66966	21552	closed		1
2025-08-11	66959	21545	closed		1
2025-04-10	66959	21545	closed		1
2025-05-19	66966	21552	open		1
2025-12-03	66959	21545	closed		1
2025-07-15	66959	21545	closed		1
2025-08-28	66966	21552	closed		1
2025-02-24	66966	21552	closed		1
2025-03-07	66959	21545	closed		1
2025-12-23	66966	21552	closed		1
2025-05-26	66959	21545	closed		1
2026-02-14	66966	21552	open		1
2025-04-05	66966	21552	open		1
2026-01-09	66959	21545	closed		1
2026-01-12	66959	21545	closed		1
2025-03-26	66959	21545	closed		1
2025-06-21	66966	21552	closed		1
2025-09-07	66966	21552	open		1
2025-12-30	66966	21552	closed		1
2025-07-22	66966	21552	closed		1
2025-10-09	66959	21545	closed		1
2025-12-11	66966	21552	closed		1
2025-08-07	66966	21552	open		1
2025-12-31	66959	21545	closed		1
2025-05-12	66966	21552	open		1
2025-09-08	66959	21545	closed		1
2025-07-07	66966	21552	open		1
2026-03-20	66966	21552	closed		1
2025-08-13	66966	21552	open		1
2025-06-11	66959	21545	closed		1
2025-12-06	66959	21545	closed		1
2025-11-26	66966	21552	open		1
2025-05-25	66966	21552	open		1
2026-02-09	66959	21545	closed		1
2026-01-14	66966	21552	open		1
2026-03-17	66966	21552	open		1
2025-11-13	66966	21552	open		1
2025-11-06	66959	21545	closed		1
2025-06-08	66959	21545	closed		1
2025-02-13	66959	21545	closed		1
2025-06-17	66959	21545	closed		1
2025-10-07	66966	21552	open		1
2025-03-09	66966	21552	closed		1
2025-06-25	66966	21552	open		1
2025-12-02	66966	21552	open		1
2025-06-28	66966	21552	closed		1
2025-02-17	66959	21545	closed		1
2025-04-02	66966	21552	closed		1
2026-01-17	66966	21552	closed		1
2025-11-24	66959	21545	closed		1
2026-03-27	66959	21545	closed		1
2026-02-08	66966	21552	open		1
2025-08-05	66959	21545	closed		1
2025-12-20	66966	21552	open		1
2026-03-24	66959	21545	closed		1
2025-02-09	66966	21552	open		1
2026-03-07	66966	21552	closed		1
2025-03-18	66966	21552	open		1
2025-02-21	66966	21552	open		1
2025-01-04	66959	21545	closed		1
2025-12-27	66966	21552	open		1
2025-11-03	66959	21545	closed		1
2025-03-01	66959	21545	closed		1
2025-02-20	66959	21545	closed		1
2025-05-22	66966	21552	closed		1
2025-07-08	66959	21545	closed		1
2025-09-22	66966	21552	closed		1
2025-07-30	66959	21545	closed		1
2026-03-11	66966	21552	open		1
2025-08-08	66959	21545	closed		1
2025-04-18	66966	21552	open		1
2025-09-11	66959	21545	closed		1
2026-04-06	66959	21545	closed		1
2025-07-25	66966	21552	open		1
2025-07-19	66966	21552	open		1
2025-05-15	66966	21552	closed		1
2025-01-17	66959	21545	closed		1
2026-02-02	66966	21552	open		1
2026-04-04	66966	21552	open		1
2025-12-10	66959	21545	closed		1
2025-05-14	66959	21545	closed		1
2025-07-16	66966	21552	closed		1
2025-09-02	66959	21545	closed		1
2026-01-23	66966	21552	closed		1
2025-09-17	66959	21545	closed		1
2026-03-14	66966	21552	closed		1
2025-09-16	66966	21552	closed		1
2026-04-03	66959	21545	closed		1
2025-05-06	66966	21552	open		1
2025-09-27	66959	21545	closed		1
2025-10-26	66966	21552	open		1
2025-06-23	66959	21545	closed		1
2025-09-23	66959	21545	closed		1
2025-05-23	66959	21545	closed		1
2025-08-31	66966	21552	open		1
2026-03-18	66959	21545	closed		1
2025-03-30	66966	21552	open		1
2026-03-15	66959	21545	closed		1
2025-05-17	66959	21545	closed		1
2025-02-10	66959	21545	closed		1
2026-01-28	66959	21545	closed		1
2025-11-29	66966	21552	closed		1
2025-09-28	66966	21552	closed		1
2025-11-01	66966	21552	open		1
2026-02-06	66959	21545	closed		1
2025-10-23	66966	21552	closed		1
2025-06-26	66959	21545	closed		1
2025-08-14	66959	21545	closed		1
2025-10-14	66966	21552	open		1
2025-01-12	66966	21552	closed		1
2025-08-25	66966	21552	open		1
2025-01-26	66959	21545	closed		1
2025-02-01	66959	21545	closed		1
2026-02-18	66959	21545	closed		1
2025-11-04	66966	21552	closed		1
2026-02-25	66959	21545	closed		1
2025-12-08	66966	21552	open		1
2025-11-23	66966	21552	closed		1
2025-08-24	66959	21545	closed		1
2026-01-22	66959	21545	closed		1
2026-03-31	66959	21545	closed		1
2025-03-27	66966	21552	closed		1
2025-06-12	66966	21552	open		1
2025-06-03	66966	21552	closed		1
2025-08-02	66959	21545	closed		1
2025-07-11	66959	21545	closed		1
2025-05-02	66959	21545	closed		1
2025-04-28	66959	21545	closed		1
2025-07-18	66959	21545	closed		1
2025-06-04	66959	21545	closed		1
2025-06-14	66959	21545	closed		1
2025-12-28	66959	21545	closed		1
2025-10-17	66966	21552	closed		1
2025-08-01	66966	21552	open		1
2026-01-08	66966	21552	open		1
2025-04-27	66966	21552	closed		1
2025-11-30	66959	21545	closed		1
2026-02-12	66959	21545	closed		1
2025-11-15	66959	21545	closed		1
2025-06-15	66966	21552	closed		1
2025-03-02	66966	21552	closed		1
2025-11-12	66959	21545	closed		1
2025-11-21	66959	21545	closed		1
2026-02-23	66966	21552	closed		1
2026-01-11	66966	21552	closed		1
2025-12-22	66959	21545	closed		1
2025-12-16	66959	21545	closed		1
2026-02-17	66966	21552	closed		1
2025-04-24	66966	21552	open		1
2026-02-11	66966	21552	closed		1
2026-03-09	66959	21545	closed		1
2025-08-27	66959	21545	closed		1
2025-04-30	66966	21552	open		1
2025-01-15	66966	21552	open		1
2025-03-15	66966	21552	closed		1
2025-06-20	66959	21545	closed		1
2025-06-29	66959	21545	closed		1
2026-01-02	66966	21552	open		1
2025-11-16	66966	21552	closed		1
2025-04-19	66959	21545	closed		1
2025-11-10	66966	21552	closed		1
2025-05-05	66959	21545	closed		1
2025-04-25	66959	21545	closed		1
2025-04-21	66966	21552	closed		1
2025-03-21	66966	21552	closed		1
2025-01-18	66966	21552	closed		1
\.


--
-- Data for Name: case_district_code_hours; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_district_code_hours (category_l1, source_code, month, category_code, escalation, hours, closed) FROM stdin;
sanitation	hotline_12345	2025-09-01	garbage		18	1
sanitation	hotline_12345	2025-05-01	noise		32	1
property	hotline_12345	2025-04-01	property_fee		12	1
sanitation	hotline_12345	2026-02-01	garbage		11	1
sanitation	hotline_12345	2025-07-01	garbage		38	1
sanitation	hotline_12345	2026-02-01	noise		15	1
property	hotline_12345	2025-09-01	property_fee		14	1
sanitation	hotline_12345	2025-05-01	garbage		46	1
sanitation	hotline_12345	2025-03-01	noise		49	1
property	hotline_12345	2025-01-01	property_fee		17	1
property	hotline_12345	2025-12-01	property_fee		30	1
property	hotline_12345	2025-03-01	property_fee		6	1
sanitation	hotline_12345	2025-06-01	noise		9	1
property	hotline_12345	2025-09-01	property_fee		20	1
property	hotline_12345	2026-03-01	property_fee		43	1
sanitation	hotline_12345	2025-03-01	garbage		7	1
property	hotline_12345	2025-10-01	property_fee		47	1
sanitation	hotline_12345	2026-03-01	noise		42	1
sanitation	hotline_12345	2025-01-01	garbage		6	1
sanitation	hotline_12345	2025-11-01	noise		17	1
sanitation	hotline_12345	2025-08-01	noise		7	1
sanitation	hotline_12345	2026-04-01	garbage		50	1
property	hotline_12345	2026-03-01	property_fee		40	1
sanitation	hotline_12345	2025-10-01	noise		40	1
sanitation	hotline_12345	2026-03-01	noise		30	1
property	hotline_12345	2026-01-01	property_fee		7	1
sanitation	hotline_12345	2025-06-01	garbage		5	1
property	hotline_12345	2025-08-01	property_fee		49	1
property	hotline_12345	2025-05-01	property_fee		30	1
sanitation	hotline_12345	2025-10-01	noise		31	1
sanitation	hotline_12345	2026-03-01	garbage		32	1
sanitation	hotline_12345	2025-12-01	garbage		28	1
property	hotline_12345	2025-05-01	property_fee		48	1
sanitation	hotline_12345	2025-05-01	garbage		43	1
sanitation	hotline_12345	2025-02-01	garbage		33	1
sanitation	hotline_12345	2026-01-01	noise		50	1
sanitation	hotline_12345	2025-09-01	garbage		12	1
sanitation	hotline_12345	2025-06-01	noise		50	1
sanitation	hotline_12345	2025-01-01	garbage		12	1
property	hotline_12345	2025-11-01	property_fee		9	1
sanitation	hotline_12345	2026-01-01	garbage		40	1
sanitation	hotline_12345	2025-08-01	noise		4	1
sanitation	hotline_12345	2025-07-01	garbage		26	1
sanitation	hotline_12345	2025-04-01	garbage		10	1
sanitation	hotline_12345	2025-04-01	noise		23	1
sanitation	hotline_12345	2025-06-01	garbage		17	1
sanitation	hotline_12345	2025-04-01	noise		14	1
property	hotline_12345	2025-08-01	property_fee		8	1
property	hotline_12345	2025-09-01	property_fee		23	1
property	hotline_12345	2025-07-01	property_fee		25	1
property	hotline_12345	2025-12-01	property_fee		21	1
sanitation	hotline_12345	2026-03-01	garbage		44	1
sanitation	hotline_12345	2025-09-01	garbage		24	1
sanitation	hotline_12345	2025-10-01	garbage		39	1
sanitation	hotline_12345	2026-03-01	noise		36	1
sanitation	hotline_12345	2025-01-01	noise		4	1
sanitation	hotline_12345	2025-10-01	noise		43	1
property	hotline_12345	2025-03-01	property_fee		50	1
sanitation	hotline_12345	2025-06-01	noise		12	1
sanitation	hotline_12345	2026-02-01	garbage		23	1
sanitation	hotline_12345	2026-01-01	garbage		8	1
sanitation	hotline_12345	2025-06-01	noise		18	1
sanitation	hotline_12345	2025-09-01	noise		16	1
property	hotline_12345	2025-07-01	property_fee		37	1
property	hotline_12345	2026-02-01	property_fee		22	1
property	hotline_12345	2025-08-01	property_fee		40	1
sanitation	hotline_12345	2025-04-01	noise		26	1
property	hotline_12345	2025-12-01	property_fee		36	1
property	hotline_12345	2025-07-01	property_fee		34	1
sanitation	hotline_12345	2026-01-01	noise		41	1
sanitation	hotline_12345	2025-11-01	noise		14	1
sanitation	hotline_12345	2025-07-01	noise		36	1
sanitation	hotline_12345	2025-12-01	noise		29	1
sanitation	hotline_12345	2025-08-01	noise		48	1
sanitation	hotline_12345	2025-08-01	garbage		44	1
property	hotline_12345	2025-11-01	property_fee		18	1
sanitation	hotline_12345	2025-10-01	garbage		42	1
property	hotline_12345	2025-06-01	property_fee		4	1
property	hotline_12345	2025-02-01	property_fee		38	1
sanitation	hotline_12345	2025-09-01	noise		28	1
property	hotline_12345	2025-05-01	property_fee		42	1
sanitation	hotline_12345	2025-03-01	noise		46	1
sanitation	hotline_12345	2025-07-01	noise		21	1
sanitation	hotline_12345	2025-08-01	garbage		50	1
property	hotline_12345	2025-03-01	property_fee		3	1
property	hotline_12345	2026-02-01	property_fee		19	1
property	hotline_12345	2025-02-01	property_fee		26	1
property	hotline_12345	2025-08-01	property_fee		52	1
sanitation	hotline_12345	2026-02-01	garbage		14	1
sanitation	hotline_12345	2025-12-01	garbage		22	1
sanitation	hotline_12345	2025-09-01	noise		19	1
property	hotline_12345	2025-04-01	property_fee		24	1
property	hotline_12345	2025-05-01	property_fee		39	1
property	hotline_12345	2026-01-01	property_fee		48	1
property	hotline_12345	2025-04-01	property_fee		18	1
property	hotline_12345	2025-03-01	property_fee		41	1
sanitation	hotline_12345	2026-03-01	garbage		35	1
sanitation	hotline_12345	2025-10-01	garbage		36	1
sanitation	hotline_12345	2025-10-01	noise		34	1
sanitation	hotline_12345	2025-01-01	garbage		9	1
property	hotline_12345	2026-04-01	property_fee		52	1
sanitation	hotline_12345	2026-03-01	noise		39	1
sanitation	hotline_12345	2025-12-01	noise		38	1
sanitation	hotline_12345	2025-01-01	garbage		18	1
sanitation	hotline_12345	2025-12-01	noise		26	1
sanitation	hotline_12345	2025-01-01	noise		10	1
sanitation	hotline_12345	2025-03-01	noise		52	1
sanitation	hotline_12345	2025-04-01	noise		11	1
sanitation	hotline_12345	2025-02-01	garbage		36	1
property	hotline_12345	2025-11-01	property_fee		50	1
sanitation	hotline_12345	2025-08-01	garbage		41	1
sanitation	hotline_12345	2025-03-01	noise		8	1
property	hotline_12345	2025-10-01	property_fee		32	1
property	hotline_12345	2025-06-01	property_fee		10	1
sanitation	hotline_12345	2025-01-01	noise		13	1
property	hotline_12345	2026-03-01	property_fee		46	1
sanitation	hotline_12345	2025-06-01	noise		6	1
property	hotline_12345	2026-01-01	property_fee		4	1
sanitation	hotline_12345	2025-04-01	noise		20	1
sanitation	hotline_12345	2026-03-01	noise		27	1
sanitation	hotline_12345	2025-07-01	noise		30	1
sanitation	hotline_12345	2025-12-01	garbage		34	1
sanitation	hotline_12345	2026-02-01	noise		18	1
sanitation	hotline_12345	2025-11-01	garbage		10	1
property	hotline_12345	2026-01-01	property_fee		42	1
sanitation	hotline_12345	2026-01-01	garbage		49	1
sanitation	hotline_12345	2025-11-01	garbage		16	1
sanitation	hotline_12345	2026-02-01	noise		24	1
sanitation	hotline_12345	2025-05-01	noise		35	1
property	hotline_12345	2025-02-01	property_fee		29	1
property	hotline_12345	2025-05-01	property_fee		36	1
sanitation	hotline_12345	2025-10-01	noise		46	1
sanitation	hotline_12345	2025-05-01	garbage		40	1
property	hotline_12345	2025-01-01	property_fee		20	1
property	hotline_12345	2025-01-01	property_fee		14	1
sanitation	hotline_12345	2026-01-01	noise		44	1
property	hotline_12345	2025-09-01	property_fee		26	1
property	hotline_12345	2025-06-01	property_fee		13	1
sanitation	hotline_12345	2025-11-01	garbage		13	1
property	hotline_12345	2026-02-01	property_fee		10	1
sanitation	hotline_12345	2026-01-01	garbage		52	1
sanitation	hotline_12345	2026-04-01	noise		51	1
property	hotline_12345	2025-10-01	property_fee		44	1
sanitation	hotline_12345	2026-01-01	noise		3	1
sanitation	hotline_12345	2025-07-01	noise		33	1
sanitation	hotline_12345	2025-03-01	garbage		4	1
sanitation	hotline_12345	2025-02-01	garbage		30	1
property	hotline_12345	2026-01-01	property_fee		45	1
sanitation	hotline_12345	2025-11-01	noise		5	1
sanitation	hotline_12345	2025-10-01	garbage		30	1
property	hotline_12345	2025-07-01	property_fee		28	1
sanitation	hotline_12345	2025-05-01	garbage		34	1
property	hotline_12345	2025-02-01	property_fee		32	1
sanitation	hotline_12345	2025-02-01	noise		28	1
property	hotline_12345	2025-01-01	property_fee		5	1
property	hotline_12345	2026-02-01	property_fee		16	1
sanitation	hotline_12345	2026-01-01	noise		6	1
sanitation	hotline_12345	2026-01-01	garbage		46	1
property	hotline_12345	2025-03-01	property_fee		44	1
sanitation	hotline_12345	2025-01-01	noise		16	1
property	hotline_12345	2025-04-01	property_fee		27	1
sanitation	hotline_12345	2025-03-01	garbage		42	1
sanitation	hotline_12345	2025-06-01	garbage		14	1
sanitation	hotline_12345	2025-12-01	noise		20	1
property	hotline_12345	2025-12-01	property_fee		33	1
sanitation	hotline_12345	2025-12-01	garbage		25	1
property	hotline_12345	2025-09-01	property_fee		11	1
sanitation	hotline_12345	2025-02-01	noise		25	1
sanitation	hotline_12345	2025-10-01	garbage		48	1
sanitation	hotline_12345	2025-08-01	garbage		6	1
sanitation	hotline_12345	2025-09-01	garbage		15	1
sanitation	hotline_12345	2025-05-01	noise		47	1
sanitation	hotline_12345	2025-12-01	noise		32	1
property	hotline_12345	2025-01-01	property_fee		8	1
property	hotline_12345	2025-06-01	property_fee		51	1
property	hotline_12345	2025-10-01	property_fee		35	1
property	hotline_12345	2025-10-01	property_fee		38	1
property	hotline_12345	2025-11-01	property_fee		12	1
sanitation	hotline_12345	2025-11-01	garbage		51	1
property	hotline_12345	2025-11-01	property_fee		6	1
sanitation	hotline_12345	2025-05-01	noise		38	1
sanitation	hotline_12345	2025-03-01	noise		40	1
sanitation	hotline_12345	2025-02-01	garbage		24	1
sanitation	hotline_12345	2025-09-01	garbage		27	1
property	hotline_12345	2025-04-01	property_fee		15	1
sanitation	hotline_12345	2025-05-01	garbage		31	1
sanitation	hotline_12345	2025-03-01	garbage		45	1
sanitation	hotline_12345	2026-02-01	garbage		20	1
sanitation	hotline_12345	2025-11-01	noise		8	1
sanitation	hotline_12345	2025-12-01	garbage		37	1
sanitation	hotline_12345	2026-04-01	noise		48	1
sanitation	hotline_12345	2025-08-01	noise		45	1
sanitation	hotline_12345	2025-02-01	noise		34	1
property	hotline_12345	2025-12-01	property_fee		24	1
sanitation	hotline_12345	2025-09-01	noise		22	1
sanitation	hotline_12345	2025-07-01	garbage		32	1
property	hotline_12345	2026-03-01	property_fee		34	1
property	hotline_12345	2026-03-01	property_fee		31	1
property	hotline_12345	2026-03-01	property_fee		28	1
sanitation	hotline_12345	2026-02-01	noise		12	1
sanitation	hotline_12345	2025-07-01	garbage		20	1
sanitation	hotline_12345	2025-04-01	garbage		16	1
sanitation	hotline_12345	2025-11-01	garbage		4	1
sanitation	hotline_12345	2025-07-01	noise		24	1
sanitation	hotline_12345	2025-06-01	garbage		52	1
sanitation	hotline_12345	2025-04-01	garbage		28	1
sanitation	hotline_12345	2025-02-01	noise		37	1
sanitation	hotline_12345	2025-09-01	noise		10	1
sanitation	hotline_12345	2026-02-01	garbage		26	1
sanitation	hotline_12345	2025-07-01	garbage		29	1
sanitation	hotline_12345	2025-01-01	garbage		21	1
property	hotline_12345	2025-08-01	property_fee		46	1
property	hotline_12345	2025-07-01	property_fee		22	1
sanitation	hotline_12345	2025-03-01	garbage		48	1
sanitation	hotline_12345	2026-03-01	garbage		38	1
property	hotline_12345	2025-06-01	property_fee		16	1
sanitation	hotline_12345	2025-08-01	garbage		3	1
sanitation	hotline_12345	2025-06-01	garbage		8	1
sanitation	hotline_12345	2025-04-01	garbage		19	1
sanitation	hotline_12345	2025-08-01	noise		42	1
sanitation	hotline_12345	2025-05-01	noise		44	1
sanitation	hotline_12345	2025-04-01	garbage		22	1
sanitation	hotline_12345	2025-02-01	noise		22	1
sanitation	hotline_12345	2026-04-01	garbage		47	1
sanitation	hotline_12345	2025-11-01	noise		52	1
\.


--
-- Data for Name: case_district_day; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_district_day (day, category_code, category_l1, source_code, status, escalation, cases, closed) FROM stdin;
2025-10-03	garbage	sanitation	hotline_12345	closed		1	1
2025-09-14	garbage	sanitation	hotline_12345	closed		1	1
2025-07-13	noise	sanitation	hotline_12345	open		1	0
2025-06-21	property_fee	property	hotline_12345	closed		1	1
2025-08-05	noise	sanitation	hotline_12345	closed		1	1
2025-11-21	property_fee	property	hotline_12345	closed		1	1
2025-12-20	garbage	sanitation	hotline_12345	open		1	0
2025-08-17	garbage	sanitation	hotline_12345	closed		1	1
2025-05-28	noise	sanitation	hotline_12345	closed		1	1
2025-03-24	noise	sanitation	hotline_12345	open		1	0
2026-03-29	noise	sanitation	hotline_12345	open		1	0
2026-03-18	garbage	sanitation	hotline_12345	closed		1	1
2025-09-27	property_fee	property	hotline_12345	closed		1	1
2026-01-14	noise	sanitation	hotline_12345	open		1	0
2025-09-19	garbage	sanitation	hotline_12345	open		1	0
2025-10-15	property_fee	property	hotline_12345	closed		1	1
2025-04-01	garbage	sanitation	hotline_12345	closed		1	1
2025-06-14	garbage	sanitation	hotline_12345	closed		1	1
2025-08-04	garbage	sanitation	hotline_12345	closed		1	1
2025-02-13	garbage	sanitation	hotline_12345	closed		1	1
2025-04-30	noise	sanitation	hotline_12345	open		1	0
2026-01-31	garbage	sanitation	hotline_12345	closed		1	1
2025-06-04	garbage	sanitation	hotline_12345	closed		1	1
2025-05-25	property_fee	property	hotline_12345	open		1	0
2025-08-14	noise	sanitation	hotline_12345	closed		1	1
2025-05-17	garbage	sanitation	hotline_12345	closed		1	1
2025-04-13	property_fee	property	hotline_12345	closed		1	1
2026-01-16	property_fee	property	hotline_12345	closed		1	1
2025-03-29	noise	sanitation	hotline_12345	closed		1	1
2026-03-04	garbage	sanitation	hotline_12345	open		1	0
2025-11-04	garbage	sanitation	hotline_12345	closed		1	1
2025-10-27	noise	sanitation	hotline_12345	closed		1	1
2025-01-24	property_fee	property	hotline_12345	closed		1	1
2026-04-04	property_fee	property	hotline_12345	open		1	0
2026-01-17	garbage	sanitation	hotline_12345	closed		1	1
2025-07-18	noise	sanitation	hotline_12345	closed		1	1
2025-03-07	property_fee	property	hotline_12345	closed		1	1
2025-06-25	noise	sanitation	hotline_12345	open		1	0
2025-10-18	noise	sanitation	hotline_12345	closed		1	1
2025-05-23	noise	sanitation	hotline_12345	closed		1	1
2025-02-15	noise	sanitation	hotline_12345	open		1	0
2026-03-17	property_fee	property	hotline_12345	open		1	0
2025-11-26	property_fee	property	hotline_12345	open		1	0
2025-07-22	noise	sanitation	hotline_12345	closed		1	1
2025-02-07	property_fee	property	hotline_12345	closed		1	1
2025-01-23	noise	sanitation	hotline_12345	closed		1	1
2025-11-29	noise	sanitation	hotline_12345	closed		1	1
2026-03-24	noise	sanitation	hotline_12345	closed		1	1
2025-04-25	noise	sanitation	hotline_12345	closed		1	1
2025-05-29	property_fee	property	hotline_12345	closed		1	1
2025-06-17	property_fee	property	hotline_12345	closed		1	1
2025-07-02	garbage	sanitation	hotline_12345	closed		1	1
2025-04-22	property_fee	property	hotline_12345	closed		1	1
2025-04-10	garbage	sanitation	hotline_12345	closed		1	1
2025-10-21	garbage	sanitation	hotline_12345	closed		1	1
2025-01-04	noise	sanitation	hotline_12345	closed		1	1
2026-03-15	noise	sanitation	hotline_12345	closed		1	1
2026-02-09	garbage	sanitation	hotline_12345	closed		1	1
2025-10-30	garbage	sanitation	hotline_12345	closed		1	1
2025-11-13	garbage	sanitation	hotline_12345	open		1	0
2025-05-26	garbage	sanitation	hotline_12345	closed		1	1
2025-10-29	property_fee	property	hotline_12345	closed		1	1
2025-04-08	property_fee	property	hotline_12345	closed		1	1
2025-12-19	property_fee	property	hotline_12345	closed		1	1
2025-04-24	garbage	sanitation	hotline_12345	open		1	0
2025-04-02	noise	sanitation	hotline_12345	closed		1	1
2025-08-01	noise	sanitation	hotline_12345	open		1	0
2025-01-18	noise	sanitation	hotline_12345	closed		1	1
2025-03-09	garbage	sanitation	hotline_12345	closed		1	1
2025-03-02	property_fee	property	hotline_12345	closed		1	1
2025-09-08	property_fee	property	hotline_12345	closed		1	1
2025-04-28	garbage	sanitation	hotline_12345	closed		1	1
2025-05-11	property_fee	property	hotline_12345	closed		1	1
2025-05-31	garbage	sanitation	hotline_12345	open		1	0
2025-01-21	garbage	sanitation	hotline_12345	open		1	0
2025-08-24	noise	sanitation	hotline_12345	closed		1	1
2025-03-01	noise	sanitation	hotline_12345	closed		1	1
2025-04-27	property_fee	property	hotline_12345	closed		1	1
2025-09-05	garbage	sanitation	hotline_12345	closed		1	1
2025-11-01	noise	sanitation	hotline_12345	open		1	0
2025-04-07	noise	sanitation	hotline_12345	closed		1	1
2025-03-16	property_fee	property	hotline_12345	closed		1	1
2025-05-05	noise	sanitation	hotline_12345	closed		1	1
2025-12-02	garbage	sanitation	hotline_12345	open		1	0
2026-01-20	property_fee	property	hotline_12345	open		1	0
2025-06-09	garbage	sanitation	hotline_12345	closed		1	1
2025-10-14	noise	sanitation	hotline_12345	open		1	0
2025-08-07	property_fee	property	hotline_12345	open		1	0
2025-04-18	property_fee	property	hotline_12345	open		1	0
2025-09-03	property_fee	property	hotline_12345	closed		1	1
2026-03-27	garbage	sanitation	hotline_12345	closed		1	1
2025-03-15	noise	sanitation	hotline_12345	closed		1	1
2026-03-09	garbage	sanitation	hotline_12345	closed		1	1
2025-07-19	property_fee	property	hotline_12345	open		1	0
2025-01-11	property_fee	property	hotline_12345	closed		1	1
2025-11-15	noise	sanitation	hotline_12345	closed		1	1
2025-08-25	property_fee	property	hotline_12345	open		1	0
2025-06-23	garbage	sanitation	hotline_12345	closed		1	1
2026-01-05	noise	sanitation	hotline_12345	closed		1	1
2026-02-20	noise	sanitation	hotline_12345	open		1	0
2025-12-28	property_fee	property	hotline_12345	closed		1	1
2025-03-10	noise	sanitation	hotline_12345	closed		1	1
2025-10-12	garbage	sanitation	hotline_12345	closed		1	1
2025-03-13	garbage	sanitation	hotline_12345	closed		1	1
2026-01-11	property_fee	property	hotline_12345	closed		1	1
2026-02-05	garbage	sanitation	hotline_12345	closed		1	1
2025-01-14	noise	sanitation	hotline_12345	closed		1	1
2025-09-17	property_fee	property	hotline_12345	closed		1	1
2025-05-06	property_fee	property	hotline_12345	open		1	0
2026-01-08	garbage	sanitation	hotline_12345	open		1	0
2025-09-11	noise	sanitation	hotline_12345	closed		1	1
2025-12-17	noise	sanitation	hotline_12345	closed		1	1
2025-11-16	property_fee	property	hotline_12345	closed		1	1
2025-11-24	noise	sanitation	hotline_12345	closed		1	1
2025-08-10	noise	sanitation	hotline_12345	closed		1	1
2026-03-03	property_fee	property	hotline_12345	closed		1	1
2025-10-04	noise	sanitation	hotline_12345	closed		1	1
2025-11-27	garbage	sanitation	hotline_12345	closed		1	1
2025-05-15	property_fee	property	hotline_12345	closed		1	1
2025-12-25	garbage	sanitation	hotline_12345	closed		1	1
2025-06-15	noise	sanitation	hotline_12345	closed		1	1
2025-04-19	garbage	sanitation	hotline_12345	closed		1	1
2025-05-09	noise	sanitation	hotline_12345	closed		1	1
2026-02-11	noise	sanitation	hotline_12345	closed		1	1
2026-04-01	garbage	sanitation	hotline_12345	closed		1	1
2025-12-08	noise	sanitation	hotline_12345	open		1	0
2026-02-28	garbage	sanitation	hotline_12345	closed		1	1
2025-02-27	garbage	sanitation	hotline_12345	open		1	0
2025-11-06	noise	sanitation	hotline_12345	closed		1	1
2025-02-04	garbage	sanitation	hotline_12345	closed		1	1
2025-09-02	noise	sanitation	hotline_12345	closed		1	1
2025-08-19	noise	sanitation	hotline_12345	open		1	0
2025-12-13	noise	sanitation	hotline_12345	closed		1	1
2026-03-01	noise	sanitation	hotline_12345	closed		1	1
2025-05-03	garbage	sanitation	hotline_12345	closed		1	1
2026-03-23	garbage	sanitation	hotline_12345	open		1	0
2025-02-10	noise	sanitation	hotline_12345	closed		1	1
2025-08-28	noise	sanitation	hotline_12345	closed		1	1
2025-08-30	property_fee	property	hotline_12345	closed		1	1
2025-01-29	property_fee	property	hotline_12345	closed		1	1
2025-03-18	garbage	sanitation	hotline_12345	open		1	0
2025-07-24	property_fee	property	hotline_12345	closed		1	1
2025-10-20	property_fee	property	hotline_12345	open		1	0
2026-02-12	property_fee	property	hotline_12345	closed		1	1
2025-07-16	garbage	sanitation	hotline_12345	closed		1	1
2025-09-23	garbage	sanitation	hotline_12345	closed		1	1
2025-07-21	garbage	sanitation	hotline_12345	closed		1	1
2025-09-22	property_fee	property	hotline_12345	closed		1	1
2026-01-06	property_fee	property	hotline_12345	closed		1	1
2025-02-01	noise	sanitation	hotline_12345	closed		1	1
2025-11-10	noise	sanitation	hotline_12345	closed		1	1
2026-01-19	noise	sanitation	hotline_12345	closed		1	1
2025-12-31	noise	sanitation	hotline_12345	closed		1	1
2026-01-23	noise	sanitation	hotline_12345	closed		1	1
2025-03-12	property_fee	property	hotline_12345	open		1	0
2025-03-27	garbage	sanitation	hotline_12345	closed		1	1
2025-02-21	property_fee	property	hotline_12345	open		1	0
2025-12-03	noise	sanitation	hotline_12345	closed		1	1
2025-01-12	garbage	sanitation	hotline_12345	closed		1	1
2025-03-04	garbage	sanitation	hotline_12345	closed		1	1
2026-03-21	property_fee	property	hotline_12345	closed		1	1
2025-07-15	property_fee	property	hotline_12345	closed		1	1
2025-02-03	property_fee	property	hotline_12345	open		1	0
2025-01-03	garbage	sanitation	hotline_12345	open		1	0
2025-12-10	property_fee	property	hotline_12345	closed		1	1
2025-07-08	noise	sanitation	hotline_12345	closed		1	1
2025-09-30	noise	sanitation	hotline_12345	closed		1	1
2026-04-09	property_fee	property	hotline_12345	closed		1	1
2025-06-28	garbage	sanitation	hotline_12345	closed		1	1
2025-12-11	garbage	sanitation	hotline_12345	closed		1	1
2025-07-27	noise	sanitation	hotline_12345	closed		1	1
2026-04-06	garbage	sanitation	hotline_12345	closed		1	1
2025-09-07	noise	sanitation	hotline_12345	open		1	0
2025-08-08	garbage	sanitation	hotline_12345	closed		1	1
2025-07-11	garbage	sanitation	hotline_12345	closed		1	1
2025-08-22	garbage	sanitation	hotline_12345	closed		1	1
2025-08-13	garbage	sanitation	hotline_12345	open		1	0
2025-02-26	property_fee	property	hotline_12345	closed		1	1
2026-03-20	noise	sanitation	hotline_12345	closed		1	1
2026-03-14	garbage	sanitation	hotline_12345	closed		1	1
2025-11-23	garbage	sanitation	hotline_12345	closed		1	1
2025-12-30	garbage	sanitation	hotline_12345	closed		1	1
2025-01-31	garbage	sanitation	hotline_12345	closed		1	1
2025-04-05	garbage	sanitation	hotline_12345	open		1	0
2025-08-11	property_fee	property	hotline_12345	closed		1	1
2025-12-27	noise	sanitation	hotline_12345	open		1	0
2025-06-08	property_fee	property	hotline_12345	closed		1	1
2025-12-06	garbage	sanitation	hotline_12345	closed		1	1
2026-04-07	noise	sanitation	hotline_12345	closed		1	1
2025-01-28	noise	sanitation	hotline_12345	open		1	0
2025-01-15	property_fee	property	hotline_12345	open		1	0
2026-01-02	property_fee	property	hotline_12345	open		1	0
2025-02-06	noise	sanitation	hotline_12345	closed		1	1
2025-10-06	property_fee	property	hotline_12345	closed		1	1
2025-05-08	garbage	sanitation	hotline_12345	closed		1	1
2025-04-12	noise	sanitation	hotline_12345	open		1	0
2026-02-23	garbage	sanitation	hotline_12345	closed		1	1
2025-10-26	garbage	sanitation	hotline_12345	open		1	0
2025-03-26	property_fee	property	hotline_12345	closed		1	1
2025-09-13	property_fee	property	hotline_12345	open		1	0
2025-10-24	property_fee	property	hotline_12345	closed		1	1
2026-02-26	property_fee	property	hotline_12345	open		1	0
2025-10-10	property_fee	property	hotline_12345	closed		1	1
2025-11-07	property_fee	property	hotline_12345	open		1	0
2025-07-10	property_fee	property	hotline_12345	closed		1	1
2026-02-25	noise	sanitation	hotline_12345	closed		1	1
2026-02-06	noise	sanitation	hotline_12345	closed		1	1
2025-02-20	noise	sanitation	hotline_12345	closed		1	1
2026-02-14	garbage	sanitation	hotline_12345	open		1	0
2025-08-21	property_fee	property	hotline_12345	closed		1	1
2025-04-04	property_fee	property	hotline_12345	closed		1	1
2026-02-03	property_fee	property	hotline_12345	closed		1	1
2025-09-20	noise	sanitation	hotline_12345	closed		1	1
2026-03-07	property_fee	property	hotline_12345	closed		1	1
2026-02-22	property_fee	property	hotline_12345	closed		1	1
2025-06-03	property_fee	property	hotline_12345	closed		1	1
2025-11-30	property_fee	property	hotline_12345	closed		1	1
2026-02-17	property_fee	property	hotline_12345	closed		1	1
2025-10-17	garbage	sanitation	hotline_12345	closed		1	1
2025-06-11	noise	sanitation	hotline_12345	closed		1	1
2025-09-25	noise	sanitation	hotline_12345	open		1	0
2025-07-01	property_fee	property	hotline_12345	open		1	0
2026-02-15	noise	sanitation	hotline_12345	closed		1	1
2025-11-03	property_fee	property	hotline_12345	closed		1	1
2025-07-05	property_fee	property	hotline_12345	closed		1	1
2025-03-19	noise	sanitation	hotline_12345	closed		1	1
2026-01-12	garbage	sanitation	hotline_12345	closed		1	1
2025-01-07	garbage	sanitation	hotline_12345	closed		1	1
2025-03-21	property_fee	property	hotline_12345	closed		1	1
2026-01-25	property_fee	property	hotline_12345	closed		1	1
2025-06-26	property_fee	property	hotline_12345	closed		1	1
2025-02-24	noise	sanitation	hotline_12345	closed		1	1
2025-08-31	garbage	sanitation	hotline_12345	open		1	0
2025-05-14	noise	sanitation	hotline_12345	closed		1	1
2025-02-18	garbage	sanitation	hotline_12345	closed		1	1
2025-08-16	property_fee	property	hotline_12345	closed		1	1
2026-04-03	noise	sanitation	hotline_12345	closed		1	1
2025-04-16	noise	sanitation	hotline_12345	closed		1	1
2025-11-09	garbage	sanitation	hotline_12345	closed		1	1
2025-07-30	garbage	sanitation	hotline_12345	closed		1	1
2025-02-12	property_fee	property	hotline_12345	closed		1	1
2026-01-09	noise	sanitation	hotline_12345	closed		1	1
2026-02-08	property_fee	property	hotline_12345	open		1	0
2025-10-07	garbage	sanitation	hotline_12345	open		1	0
2025-10-01	property_fee	property	hotline_12345	open		1	0
2025-11-18	garbage	sanitation	hotline_12345	closed		1	1
2025-01-09	noise	sanitation	hotline_12345	open		1	0
2025-06-29	noise	sanitation	hotline_12345	closed		1	1
2026-03-26	property_fee	property	hotline_12345	closed		1	1
2025-03-06	noise	sanitation	hotline_12345	open		1	0
2025-12-22	noise	sanitation	hotline_12345	closed		1	1
2025-11-12	property_fee	property	hotline_12345	closed		1	1
2025-01-17	garbage	sanitation	hotline_12345	closed		1	1
2026-02-18	garbage	sanitation	hotline_12345	closed		1	1
2025-08-02	property_fee	property	hotline_12345	closed		1	1
2026-03-31	property_fee	property	hotline_12345	closed		1	1
2025-04-15	garbage	sanitation	hotline_12345	closed		1	1
2025-05-02	property_fee	property	hotline_12345	closed		1	1
2025-01-06	property_fee	property	hotline_12345	closed		1	1
2025-03-30	property_fee	property	hotline_12345	open		1	0
2025-10-23	noise	sanitation	hotline_12345	closed		1	1
2025-07-07	garbage	sanitation	hotline_12345	open		1	0
2025-08-27	garbage	sanitation	hotline_12345	closed		1	1
2025-12-23	property_fee	property	hotline_12345	closed		1	1
2025-06-20	noise	sanitation	hotline_12345	closed		1	1
2025-12-14	property_fee	property	hotline_12345	open		1	0
2026-03-06	noise	sanitation	hotline_12345	closed		1	1
2025-02-23	garbage	sanitation	hotline_12345	closed		1	1
2025-06-18	garbage	sanitation	hotline_12345	open		1	0
2026-03-11	noise	sanitation	hotline_12345	open		1	0
2025-02-17	property_fee	property	hotline_12345	closed		1	1
2026-01-22	garbage	sanitation	hotline_12345	closed		1	1
2026-01-26	garbage	sanitation	hotline_12345	open		1	0
2025-06-06	noise	sanitation	hotline_12345	open		1	0
2025-09-16	noise	sanitation	hotline_12345	closed		1	1
2025-07-25	garbage	sanitation	hotline_12345	open		1	0
2025-01-20	property_fee	property	hotline_12345	closed		1	1
2026-01-28	noise	sanitation	hotline_12345	closed		1	1
2025-09-10	garbage	sanitation	hotline_12345	closed		1	1
2026-03-12	property_fee	property	hotline_12345	closed		1	1
2025-05-12	garbage	sanitation	hotline_12345	open		1	0
2025-05-19	noise	sanitation	hotline_12345	open		1	0
2026-02-02	noise	sanitation	hotline_12345	open		1	0
2025-11-20	noise	sanitation	hotline_12345	open		1	0
2025-06-01	noise	sanitation	hotline_12345	closed		1	1
2025-04-21	noise	sanitation	hotline_12345	closed		1	1
2025-10-09	noise	sanitation	hotline_12345	closed		1	1
2026-01-29	property_fee	property	hotline_12345	closed		1	1
2025-09-28	garbage	sanitation	hotline_12345	closed		1	1
2025-02-09	garbage	sanitation	hotline_12345	open		1	0
2025-07-28	property_fee	property	hotline_12345	closed		1	1
2025-01-26	garbage	sanitation	hotline_12345	closed		1	1
2025-05-20	property_fee	property	hotline_12345	closed		1	1
2025-12-16	garbage	sanitation	hotline_12345	closed		1	1
2025-07-04	noise	sanitation	hotline_12345	closed		1	1
2025-06-12	property_fee	property	hotline_12345	open		1	0
2025-05-22	garbage	sanitation	hotline_12345	closed		1	1
2026-01-03	garbage	sanitation	hotline_12345	closed		1	1
2025-12-05	property_fee	property	hotline_12345	closed		1	1
2025-03-22	garbage	sanitation	hotline_12345	closed		1	1
\.


--
-- Data for Name: case_district_day_hours; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_district_day_hours (day, escalation, hours, closed) FROM stdin;
2025-10-30		48	1
2025-12-17		29	1
2026-04-07		51	1
2026-03-18		38	1
2025-04-22		24	1
2025-09-10		15	1
2025-11-12		6	1
2025-12-25		34	1
2025-06-17		10	1
2026-01-06		42	1
2025-10-23		43	1
2025-06-11		6	1
2025-07-04		21	1
2026-02-28		26	1
2025-07-27		36	1
2026-02-09		14	1
2025-05-28		47	1
2026-02-06		12	1
2025-07-24		34	1
2025-02-20		34	1
2026-01-29		7	1
2025-04-07		14	1
2025-07-10		25	1
2026-01-23		3	1
2025-03-22		4	1
2025-12-05		21	1
2025-09-17		20	1
2025-04-15		19	1
2025-12-31		38	1
2025-06-01		50	1
2025-05-29		48	1
2025-12-23		33	1
2025-09-28		27	1
2025-11-21		12	1
2025-02-06		25	1
2025-06-28		17	1
2025-04-02		11	1
2026-04-01		47	1
2026-03-31		46	1
2025-03-21		3	1
2026-02-22		22	1
2025-04-27		27	1
2026-01-03		40	1
2025-06-21		13	1
2025-12-16		28	1
2025-03-27		7	1
2026-03-27		44	1
2025-09-16		19	1
2025-07-11		26	1
2025-11-24		14	1
2025-07-21		32	1
2026-01-11		45	1
2025-09-23		24	1
2026-01-22		52	1
2025-08-11		46	1
2025-11-04		51	1
2025-11-09		4	1
2025-08-05		42	1
2025-11-10		5	1
2025-08-28		7	1
2025-09-05		12	1
2025-01-04		4	1
2026-03-07		31	1
2026-03-01		27	1
2025-11-16		9	1
2025-11-15		8	1
2025-06-03		51	1
2025-02-12		29	1
2025-02-07		26	1
2025-01-17		12	1
2025-04-28		28	1
2025-08-02		40	1
2025-05-20		42	1
2025-10-27		46	1
2025-02-13		30	1
2025-01-31		21	1
2025-07-18		30	1
2025-05-14		38	1
2026-03-09		32	1
2025-08-22		3	1
2025-04-08		15	1
2026-01-09		44	1
2025-07-16		29	1
2025-09-02		10	1
2025-11-06		52	1
2025-04-25		26	1
2025-01-07		6	1
2025-08-04		41	1
2025-08-21		52	1
2025-05-02		30	1
2026-03-03		28	1
2025-06-08		4	1
2025-05-23		44	1
2026-02-05		11	1
2026-02-03		10	1
2025-10-18		40	1
2026-03-12		34	1
2025-01-14		10	1
2026-02-12		16	1
2025-02-23		36	1
2025-12-19		30	1
2026-01-05		41	1
2025-12-13		26	1
2025-05-17		40	1
2026-01-31		8	1
2025-09-08		14	1
2025-04-19		22	1
2025-07-22		33	1
2025-04-10		16	1
2025-11-03		50	1
2025-05-22		43	1
2025-07-15		28	1
2025-07-28		37	1
2025-10-12		36	1
2025-03-10		46	1
2025-03-29		8	1
2025-03-01		40	1
2025-04-21		23	1
2025-11-29		17	1
2025-12-10		24	1
2025-12-22		32	1
2025-03-19		52	1
2025-05-15		39	1
2026-01-19		50	1
2025-02-04		24	1
2025-05-11		36	1
2025-04-16		20	1
2025-10-04		31	1
2025-06-14		8	1
2025-03-04		42	1
2026-04-06		50	1
2025-08-30		8	1
2025-08-16		49	1
2026-04-03		48	1
2026-04-09		52	1
2025-09-03		11	1
2025-04-04		12	1
2025-01-26		18	1
2025-10-17		39	1
2025-09-14		18	1
2025-09-27		26	1
2025-03-26		6	1
2025-03-15		49	1
2025-07-30		38	1
2026-01-25		4	1
2025-06-23		14	1
2026-03-21		40	1
2026-01-16		48	1
2025-10-24		44	1
2025-08-24		4	1
2025-05-03		31	1
2025-06-15		9	1
2026-02-23		23	1
2026-03-24		42	1
2025-05-08		34	1
2025-06-29		18	1
2026-03-14		35	1
2025-10-10		35	1
2025-06-04		52	1
2025-12-30		37	1
2025-09-30		28	1
2025-12-11		25	1
2025-12-28		36	1
2025-08-10		45	1
2026-02-18		20	1
2025-10-06		32	1
2025-07-02		20	1
2025-08-17		50	1
2025-02-26		38	1
2025-12-06		22	1
2025-09-20		22	1
2025-11-18		10	1
2025-05-26		46	1
2025-02-17		32	1
2025-01-23		16	1
2025-02-10		28	1
2025-05-09		35	1
2025-12-03		20	1
2025-05-05		32	1
2025-01-11		8	1
2026-01-12		46	1
2025-03-07		44	1
2025-10-09		34	1
2025-01-18		13	1
2026-02-25		24	1
2025-01-12		9	1
2025-11-23		13	1
2025-09-22		23	1
2026-03-26		43	1
2025-06-26		16	1
2025-08-14		48	1
2025-03-02		41	1
2025-01-06		5	1
2025-04-13		18	1
2026-02-15		18	1
2026-02-17		19	1
2025-04-01		10	1
2025-06-09		5	1
2025-10-03		30	1
2025-06-20		12	1
2025-10-15		38	1
2025-08-27		6	1
2025-10-29		47	1
2026-03-15		36	1
2025-02-01		22	1
2025-09-11		16	1
2025-01-29		20	1
2025-11-27		16	1
2025-03-16		50	1
2026-02-11		15	1
2025-02-24		37	1
2025-07-08		24	1
2026-01-17		49	1
2025-08-08		44	1
2026-03-20		39	1
2026-03-06		30	1
2025-01-20		14	1
2026-01-28		6	1
2025-03-09		45	1
2025-02-18		33	1
2025-11-30		18	1
2025-07-05		22	1
2025-01-24		17	1
2025-10-21		42	1
2025-03-13		48	1
\.


--
-- Data for Name: case_district_hours; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_district_hours (month, escalation, hours, closed) FROM stdin;
2025-01-01		16	1
2026-02-01		26	1
2026-01-01		49	1
2025-10-01		46	1
2025-10-01		47	1
2025-09-01		16	1
2026-03-01		35	1
2026-04-01		52	1
2025-01-01		5	1
2025-09-01		19	1
2025-09-01		11	1
2025-11-01		10	1
2025-02-01		32	1
2026-01-01		42	1
2026-03-01		27	1
2025-06-01		13	1
2025-07-01		34	1
2025-05-01		44	1
2025-11-01		4	1
2025-06-01		14	1
2025-11-01		13	1
2025-01-01		17	1
2025-05-01		34	1
2026-03-01		46	1
2026-01-01		44	1
2025-12-01		20	1
2025-10-01		32	1
2025-11-01		12	1
2025-04-01		20	1
2026-03-01		38	1
2025-11-01		16	1
2025-11-01		6	1
2025-11-01		9	1
2025-05-01		43	1
2025-10-01		48	1
2025-08-01		45	1
2025-02-01		36	1
2025-09-01		15	1
2025-09-01		20	1
2025-11-01		5	1
2025-12-01		21	1
2025-06-01		9	1
2025-10-01		43	1
2026-03-01		43	1
2026-02-01		12	1
2026-01-01		46	1
2025-07-01		36	1
2026-02-01		11	1
2025-02-01		37	1
2025-02-01		30	1
2025-12-01		36	1
2025-01-01		12	1
2025-03-01		45	1
2025-05-01		35	1
2026-02-01		14	1
2025-10-01		42	1
2025-07-01		38	1
2025-08-01		49	1
2025-12-01		38	1
2025-11-01		8	1
2025-09-01		22	1
2025-02-01		28	1
2025-11-01		18	1
2025-08-01		44	1
2025-08-01		4	1
2025-12-01		24	1
2025-06-01		18	1
2025-06-01		8	1
2025-05-01		32	1
2026-01-01		45	1
2025-03-01		40	1
2025-02-01		26	1
2026-03-01		32	1
2025-06-01		12	1
2025-03-01		46	1
2025-04-01		11	1
2025-09-01		10	1
2025-12-01		37	1
2025-12-01		32	1
2026-04-01		50	1
2025-07-01		32	1
2025-05-01		40	1
2026-01-01		7	1
2025-01-01		20	1
2025-07-01		37	1
2025-01-01		4	1
2025-08-01		3	1
2025-07-01		33	1
2025-03-01		3	1
2025-03-01		6	1
2025-04-01		19	1
2026-01-01		48	1
2025-11-01		52	1
2026-04-01		48	1
2025-08-01		46	1
2025-07-01		24	1
2025-07-01		20	1
2025-02-01		25	1
2025-02-01		38	1
2026-02-01		20	1
2025-05-01		36	1
2025-08-01		50	1
2025-04-01		12	1
2026-02-01		10	1
2026-03-01		30	1
2025-09-01		18	1
2025-02-01		33	1
2025-02-01		29	1
2025-08-01		42	1
2025-01-01		8	1
2025-07-01		29	1
2025-08-01		52	1
2025-07-01		21	1
2025-06-01		5	1
2025-12-01		26	1
2025-02-01		34	1
2025-10-01		40	1
2025-12-01		22	1
2025-12-01		33	1
2025-09-01		26	1
2025-10-01		39	1
2025-05-01		39	1
2025-05-01		46	1
2025-03-01		4	1
2025-01-01		9	1
2026-01-01		40	1
2025-09-01		12	1
2026-01-01		6	1
2026-01-01		52	1
2025-05-01		30	1
2025-03-01		44	1
2026-03-01		36	1
2025-07-01		30	1
2025-08-01		7	1
2025-08-01		40	1
2025-04-01		24	1
2025-09-01		24	1
2026-03-01		39	1
2025-05-01		38	1
2025-01-01		18	1
2025-01-01		10	1
2025-04-01		27	1
2026-04-01		51	1
2026-03-01		42	1
2025-02-01		24	1
2025-10-01		35	1
2025-10-01		31	1
2025-09-01		23	1
2025-11-01		17	1
2026-02-01		22	1
2025-04-01		10	1
2025-12-01		25	1
2025-01-01		13	1
2025-10-01		44	1
2025-09-01		28	1
2026-01-01		3	1
2026-03-01		28	1
2026-03-01		44	1
2026-03-01		34	1
2026-01-01		4	1
2025-06-01		6	1
2025-12-01		29	1
2025-04-01		23	1
2025-02-01		22	1
2025-01-01		21	1
2025-10-01		36	1
2025-10-01		34	1
2026-02-01		18	1
2025-08-01		8	1
2026-03-01		31	1
2025-06-01		4	1
2025-06-01		51	1
2025-11-01		14	1
2025-06-01		52	1
2025-07-01		28	1
2025-11-01		51	1
2025-10-01		30	1
2025-05-01		31	1
2025-03-01		52	1
2025-06-01		10	1
2026-03-01		40	1
2026-01-01		41	1
2025-04-01		15	1
2025-08-01		6	1
2025-08-01		41	1
2025-04-01		26	1
2025-03-01		41	1
2025-11-01		50	1
2025-04-01		22	1
2025-04-01		28	1
2025-09-01		14	1
2025-03-01		50	1
2025-07-01		25	1
2025-05-01		47	1
2025-04-01		14	1
2026-02-01		23	1
2025-09-01		27	1
2025-03-01		7	1
2025-10-01		38	1
2025-07-01		22	1
2025-01-01		14	1
2025-05-01		42	1
2025-12-01		34	1
2025-01-01		6	1
2025-03-01		49	1
2026-02-01		16	1
2025-04-01		18	1
2025-04-01		16	1
2026-02-01		19	1
2025-06-01		50	1
2025-06-01		16	1
2025-03-01		48	1
2026-01-01		50	1
2025-12-01		28	1
2025-08-01		48	1
2025-06-01		17	1
2026-01-01		8	1
2025-05-01		48	1
2026-04-01		47	1
2025-03-01		8	1
2025-03-01		42	1
2026-02-01		15	1
2025-07-01		26	1
2026-02-01		24	1
2025-12-01		30	1
\.


--
-- Data for Name: case_district_month; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_district_month (month, category_code, category_l1, source_code, status, escalation, cases, closed) FROM stdin;
2025-06-01	garbage	sanitation	hotline_12345	closed		5	5
2025-02-01	noise	sanitation	hotline_12345	closed		5	5
2025-03-01	garbage	sanitation	hotline_12345	closed		5	5
2026-04-01	property_fee	property	hotline_12345	open		1	0
2026-03-01	property_fee	property	hotline_12345	open		1	0
2025-06-01	noise	sanitation	hotline_12345	open		2	0
2025-02-01	noise	sanitation	hotline_12345	open		1	0
2025-10-01	garbage	sanitation	hotline_12345	closed		5	5
2026-01-01	property_fee	property	hotline_12345	open		2	0
2025-04-01	property_fee	property	hotline_12345	closed		5	5
2025-10-01	noise	sanitation	hotline_12345	open		1	0
2025-11-01	noise	sanitation	hotline_12345	closed		5	5
2025-05-01	garbage	sanitation	hotline_12345	closed		5	5
2026-02-01	garbage	sanitation	hotline_12345	closed		5	5
2025-09-01	garbage	sanitation	hotline_12345	closed		5	5
2025-04-01	garbage	sanitation	hotline_12345	closed		5	5
2025-12-01	property_fee	property	hotline_12345	closed		5	5
2025-02-01	property_fee	property	hotline_12345	open		2	0
2026-03-01	garbage	sanitation	hotline_12345	closed		4	4
2025-06-01	property_fee	property	hotline_12345	closed		5	5
2025-08-01	garbage	sanitation	hotline_12345	open		2	0
2025-05-01	property_fee	property	hotline_12345	closed		5	5
2025-09-01	property_fee	property	hotline_12345	open		1	0
2026-04-01	noise	sanitation	hotline_12345	closed		2	2
2025-02-01	property_fee	property	hotline_12345	closed		4	4
2025-09-01	property_fee	property	hotline_12345	closed		5	5
2025-12-01	noise	sanitation	hotline_12345	closed		5	5
2026-01-01	garbage	sanitation	hotline_12345	closed		5	5
2025-06-01	garbage	sanitation	hotline_12345	open		1	0
2025-07-01	noise	sanitation	hotline_12345	closed		5	5
2026-02-01	noise	sanitation	hotline_12345	open		2	0
2025-05-01	garbage	sanitation	hotline_12345	open		2	0
2025-11-01	property_fee	property	hotline_12345	closed		5	5
2025-10-01	garbage	sanitation	hotline_12345	open		2	0
2025-09-01	noise	sanitation	hotline_12345	closed		5	5
2025-01-01	noise	sanitation	hotline_12345	open		2	0
2025-09-01	garbage	sanitation	hotline_12345	open		1	0
2025-07-01	property_fee	property	hotline_12345	open		2	0
2025-04-01	noise	sanitation	hotline_12345	open		2	0
2025-12-01	noise	sanitation	hotline_12345	open		2	0
2025-12-01	garbage	sanitation	hotline_12345	closed		5	5
2025-08-01	noise	sanitation	hotline_12345	open		2	0
2025-06-01	property_fee	property	hotline_12345	open		1	0
2025-03-01	noise	sanitation	hotline_12345	closed		5	5
2025-04-01	garbage	sanitation	hotline_12345	open		2	0
2025-10-01	noise	sanitation	hotline_12345	closed		5	5
2025-11-01	noise	sanitation	hotline_12345	open		2	0
2025-11-01	garbage	sanitation	hotline_12345	closed		5	5
2026-02-01	property_fee	property	hotline_12345	open		2	0
2025-03-01	noise	sanitation	hotline_12345	open		2	0
2025-01-01	noise	sanitation	hotline_12345	closed		4	4
2026-04-01	property_fee	property	hotline_12345	closed		1	1
2025-05-01	noise	sanitation	hotline_12345	closed		5	5
2025-01-01	property_fee	property	hotline_12345	open		1	0
2025-07-01	property_fee	property	hotline_12345	closed		5	5
2025-03-01	garbage	sanitation	hotline_12345	open		1	0
2026-03-01	garbage	sanitation	hotline_12345	open		2	0
2025-10-01	property_fee	property	hotline_12345	open		2	0
2025-07-01	garbage	sanitation	hotline_12345	open		2	0
2025-05-01	noise	sanitation	hotline_12345	open		1	0
2026-01-01	noise	sanitation	hotline_12345	open		1	0
2025-01-01	property_fee	property	hotline_12345	closed		5	5
2025-10-01	property_fee	property	hotline_12345	closed		5	5
2025-04-01	property_fee	property	hotline_12345	open		1	0
2025-09-01	noise	sanitation	hotline_12345	open		2	0
2025-08-01	property_fee	property	hotline_12345	open		2	0
2025-08-01	property_fee	property	hotline_12345	closed		5	5
2025-03-01	property_fee	property	hotline_12345	open		2	0
2025-08-01	noise	sanitation	hotline_12345	closed		5	5
2025-02-01	garbage	sanitation	hotline_12345	closed		4	4
2026-02-01	garbage	sanitation	hotline_12345	open		1	0
2025-12-01	garbage	sanitation	hotline_12345	open		2	0
2025-04-01	noise	sanitation	hotline_12345	closed		5	5
2026-02-01	property_fee	property	hotline_12345	closed		4	4
2025-11-01	property_fee	property	hotline_12345	open		2	0
2026-01-01	noise	sanitation	hotline_12345	closed		5	5
2026-04-01	garbage	sanitation	hotline_12345	closed		2	2
2025-11-01	garbage	sanitation	hotline_12345	open		1	0
2025-03-01	property_fee	property	hotline_12345	closed		5	5
2026-02-01	noise	sanitation	hotline_12345	closed		4	4
2025-07-01	garbage	sanitation	hotline_12345	closed		5	5
2026-03-01	noise	sanitation	hotline_12345	open		2	0
2025-02-01	garbage	sanitation	hotline_12345	open		2	0
2025-01-01	garbage	sanitation	hotline_12345	open		2	0
2025-06-01	noise	sanitation	hotline_12345	closed		5	5
2025-07-01	noise	sanitation	hotline_12345	open		1	0
2026-03-01	noise	sanitation	hotline_12345	closed		5	5
2026-01-01	garbage	sanitation	hotline_12345	open		2	0
2026-01-01	property_fee	property	hotline_12345	closed		5	5
2025-01-01	garbage	sanitation	hotline_12345	closed		5	5
2026-03-01	property_fee	property	hotline_12345	closed		6	6
2025-12-01	property_fee	property	hotline_12345	open		1	0
2025-08-01	garbage	sanitation	hotline_12345	closed		5	5
2025-05-01	property_fee	property	hotline_12345	open		2	0
\.


--
-- Data for Name: case_month; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_month (street_code, community_code, month, category_code, category_l1, source_code, status, escalation, cases, closed) FROM stdin;
T1	C2	2025-12-01	garbage	sanitation	hotline_12345	closed		2	2
T1	C2	2025-05-01	noise	sanitation	hotline_12345	closed		2	2
T1	C2	2025-03-01	noise	sanitation	hotline_12345	closed		1	1
T1	C1	2025-04-01	property_fee	property	hotline_12345	closed		3	3
T1	C1	2025-05-01	noise	sanitation	hotline_12345	closed		3	3
T1	C1	2025-12-01	property_fee	property	hotline_12345	closed		3	3
T1	C2	2025-10-01	garbage	sanitation	hotline_12345	closed		1	1
T1	C2	2025-11-01	garbage	sanitation	hotline_12345	open		1	0
T1	C1	2025-06-01	property_fee	property	hotline_12345	closed		3	3
T1	C2	2026-03-01	property_fee	property	hotline_12345	closed		2	2
T1	C2	2025-03-01	garbage	sanitation	hotline_12345	open		1	0
T1	C2	2026-03-01	garbage	sanitation	hotline_12345	closed		1	1
T1	C1	2025-07-01	noise	sanitation	hotline_12345	closed		3	3
T1	C2	2025-12-01	property_fee	property	hotline_12345	closed		2	2
T1	C2	2025-10-01	noise	sanitation	hotline_12345	open		1	0
T1	C1	2025-06-01	noise	sanitation	hotline_12345	closed		4	4
T1	C1	2025-02-01	property_fee	property	hotline_12345	closed		3	3
T1	C2	2026-03-01	noise	sanitation	hotline_12345	open		2	0
T1	C2	2025-02-01	noise	sanitation	hotline_12345	open		1	0
T1	C2	2025-11-01	garbage	sanitation	hotline_12345	closed		2	2
T1	C1	2025-07-01	property_fee	property	hotline_12345	closed		3	3
T1	C2	2025-07-01	garbage	sanitation	hotline_12345	closed		1	1
T1	C1	2025-09-01	noise	sanitation	hotline_12345	closed		4	4
T1	C2	2025-11-01	noise	sanitation	hotline_12345	closed		2	2
T1	C1	2025-11-01	property_fee	property	hotline_12345	closed		4	4
T1	C2	2026-01-01	property_fee	property	hotline_12345	open		2	0
T1	C1	2025-05-01	property_fee	property	hotline_12345	closed		4	4
T1	C2	2025-09-01	property_fee	property	hotline_12345	closed		2	2
T1	C1	2025-11-01	noise	sanitation	hotline_12345	closed		3	3
T1	C1	2025-10-01	property_fee	property	hotline_12345	closed		3	3
T1	C1	2026-03-01	property_fee	property	hotline_12345	closed		4	4
T1	C1	2026-01-01	property_fee	property	hotline_12345	closed		3	3
T1	C1	2025-07-01	garbage	sanitation	hotline_12345	closed		4	4
T1	C1	2025-01-01	noise	sanitation	hotline_12345	closed		3	3
T1	C2	2025-05-01	garbage	sanitation	hotline_12345	closed		2	2
T1	C2	2025-01-01	garbage	sanitation	hotline_12345	closed		2	2
T1	C2	2025-03-01	property_fee	property	hotline_12345	open		2	0
T1	C1	2025-01-01	garbage	sanitation	hotline_12345	closed		3	3
T1	C2	2025-04-01	property_fee	property	hotline_12345	open		1	0
T1	C2	2025-10-01	noise	sanitation	hotline_12345	closed		2	2
T1	C2	2025-06-01	garbage	sanitation	hotline_12345	closed		2	2
T1	C1	2025-11-01	garbage	sanitation	hotline_12345	closed		3	3
T1	C2	2025-04-01	garbage	sanitation	hotline_12345	closed		1	1
T1	C2	2025-10-01	property_fee	property	hotline_12345	closed		2	2
T1	C2	2025-10-01	garbage	sanitation	hotline_12345	open		2	0
T1	C1	2025-09-01	garbage	sanitation	hotline_12345	closed		3	3
T1	C2	2025-03-01	garbage	sanitation	hotline_12345	closed		2	2
T1	C1	2025-03-01	property_fee	property	hotline_12345	closed		3	3
T1	C1	2026-02-01	property_fee	property	hotline_12345	closed		3	3
T1	C2	2025-04-01	noise	sanitation	hotline_12345	closed		2	2
T1	C2	2025-01-01	property_fee	property	hotline_12345	closed		2	2
T1	C2	2026-02-01	garbage	sanitation	hotline_12345	open		1	0
T1	C2	2025-02-01	noise	sanitation	hotline_12345	closed		2	2
T1	C2	2025-05-01	property_fee	property	hotline_12345	closed		1	1
T1	C2	2026-02-01	noise	sanitation	hotline_12345	closed		1	1
T1	C2	2025-07-01	garbage	sanitation	hotline_12345	open		2	0
T1	C1	2025-03-01	noise	sanitation	hotline_12345	closed		4	4
T1	C2	2025-09-01	property_fee	property	hotline_12345	open		1	0
T1	C1	2025-10-01	noise	sanitation	hotline_12345	closed		3	3
T1	C1	2025-02-01	noise	sanitation	hotline_12345	closed		3	3
T1	C1	2025-05-01	garbage	sanitation	hotline_12345	closed		3	3
T1	C2	2025-06-01	property_fee	property	hotline_12345	closed		2	2
T1	C2	2025-12-01	noise	sanitation	hotline_12345	open		2	0
T1	C2	2026-01-01	property_fee	property	hotline_12345	closed		2	2
T1	C2	2026-02-01	noise	sanitation	hotline_12345	open		2	0
T1	C1	2025-06-01	garbage	sanitation	hotline_12345	closed		3	3
T1	C2	2025-05-01	property_fee	property	hotline_12345	open		2	0
T1	C1	2025-04-01	noise	sanitation	hotline_12345	closed		3	3
T1	C2	2026-03-01	property_fee	property	hotline_12345	open		1	0
T1	C2	2026-03-01	noise	sanitation	hotline_12345	closed		2	2
T1	C2	2025-02-01	garbage	sanitation	hotline_12345	closed		1	1
T1	C1	2026-02-01	noise	sanitation	hotline_12345	closed		3	3
T1	C1	2025-08-01	noise	sanitation	hotline_12345	closed		3	3
T1	C2	2025-08-01	property_fee	property	hotline_12345	open		2	0
T1	C2	2026-02-01	property_fee	property	hotline_12345	closed		1	1
T1	C2	2025-01-01	garbage	sanitation	hotline_12345	open		2	0
T1	C1	2026-04-01	garbage	sanitation	hotline_12345	closed		1	1
T1	C2	2025-12-01	garbage	sanitation	hotline_12345	open		2	0
T1	C2	2026-02-01	property_fee	property	hotline_12345	open		2	0
T1	C2	2025-10-01	property_fee	property	hotline_12345	open		2	0
T1	C2	2025-04-01	noise	sanitation	hotline_12345	open		2	0
T1	C2	2025-04-01	property_fee	property	hotline_12345	closed		2	2
T1	C1	2025-09-01	property_fee	property	hotline_12345	closed		3	3
T1	C2	2025-03-01	property_fee	property	hotline_12345	closed		2	2
T1	C2	2025-09-01	noise	sanitation	hotline_12345	closed		1	1
T1	C1	2025-08-01	garbage	sanitation	hotline_12345	closed		3	3
T1	C2	2026-02-01	garbage	sanitation	hotline_12345	closed		2	2
T1	C2	2025-06-01	noise	sanitation	hotline_12345	closed		1	1
T1	C2	2025-08-01	noise	sanitation	hotline_12345	open		2	0
T1	C2	2025-08-01	garbage	sanitation	hotline_12345	open		2	0
T1	C1	2025-12-01	noise	sanitation	hotline_12345	closed		4	4
T1	C1	2026-01-01	noise	sanitation	hotline_12345	closed		3	3
T1	C2	2025-01-01	noise	sanitation	hotline_12345	closed		1	1
T1	C2	2025-11-01	noise	sanitation	hotline_12345	open		2	0
T1	C2	2025-08-01	garbage	sanitation	hotline_12345	closed		2	2
T1	C2	2025-08-01	property_fee	property	hotline_12345	closed		1	1
T1	C2	2025-04-01	garbage	sanitation	hotline_12345	open		2	0
T1	C2	2026-03-01	garbage	sanitation	hotline_12345	open		2	0
T1	C2	2025-06-01	property_fee	property	hotline_12345	open		1	0
T1	C2	2025-01-01	property_fee	property	hotline_12345	open		1	0
T1	C2	2025-12-01	noise	sanitation	hotline_12345	closed		1	1
T1	C2	2026-01-01	garbage	sanitation	hotline_12345	open		2	0
T1	C1	2026-02-01	garbage	sanitation	hotline_12345	closed		3	3
T1	C1	2025-12-01	garbage	sanitation	hotline_12345	closed		3	3
T1	C2	2026-01-01	noise	sanitation	hotline_12345	open		1	0
T1	C2	2025-09-01	garbage	sanitation	hotline_12345	closed		2	2
T1	C2	2025-09-01	noise	sanitation	hotline_12345	open		2	0
T1	C2	2025-06-01	garbage	sanitation	hotline_12345	open		1	0
T1	C1	2026-04-01	property_fee	property	hotline_12345	closed		1	1
T1	C2	2025-11-01	property_fee	property	hotline_12345	closed		1	1
T1	C1	2025-03-01	garbage	sanitation	hotline_12345	closed		3	3
T1	C2	2025-07-01	noise	sanitation	hotline_12345	closed		2	2
T1	C2	2025-05-01	noise	sanitation	hotline_12345	open		1	0
T1	C1	2026-03-01	noise	sanitation	hotline_12345	closed		3	3
T1	C1	2025-10-01	garbage	sanitation	hotline_12345	closed		4	4
T1	C2	2026-04-01	garbage	sanitation	hotline_12345	closed		1	1
T1	C2	2025-01-01	noise	sanitation	hotline_12345	open		2	0
T1	C2	2026-01-01	garbage	sanitation	hotline_12345	closed		1	1
T1	C2	2025-08-01	noise	sanitation	hotline_12345	closed		2	2
T1	C2	2025-11-01	property_fee	property	hotline_12345	open		2	0
T1	C2	2025-07-01	noise	sanitation	hotline_12345	open		1	0
T1	C2	2025-02-01	garbage	sanitation	hotline_12345	open		2	0
T1	C2	2025-02-01	property_fee	property	hotline_12345	closed		1	1
T1	C2	2026-01-01	noise	sanitation	hotline_12345	closed		2	2
T1	C2	2025-05-01	garbage	sanitation	hotline_12345	open		2	0
T1	C1	2025-04-01	garbage	sanitation	hotline_12345	closed		4	4
T1	C2	2026-04-01	property_fee	property	hotline_12345	open		1	0
T1	C2	2025-07-01	property_fee	property	hotline_12345	closed		2	2
T1	C2	2025-09-01	garbage	sanitation	hotline_12345	open		1	0
T1	C1	2025-02-01	garbage	sanitation	hotline_12345	closed		3	3
T1	C1	2026-04-01	noise	sanitation	hotline_12345	closed		1	1
T1	C1	2025-08-01	property_fee	property	hotline_12345	closed		4	4
T1	C1	2025-01-01	property_fee	property	hotline_12345	closed		3	3
T1	C2	2026-04-01	noise	sanitation	hotline_12345	closed		1	1
T1	C2	2025-12-01	property_fee	property	hotline_12345	open		1	0
T1	C1	2026-01-01	garbage	sanitation	hotline_12345	closed		4	4
T1	C2	2025-03-01	noise	sanitation	hotline_12345	open		2	0
T1	C2	2025-02-01	property_fee	property	hotline_12345	open		2	0
T1	C2	2025-06-01	noise	sanitation	hotline_12345	open		2	0
T1	C1	2026-03-01	garbage	sanitation	hotline_12345	closed		3	3
T1	C2	2025-07-01	property_fee	property	hotline_12345	open		2	0
\.


--
-- Data for Name: case_month_hours; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_month_hours (street_code, community_code, month, hours, closed, escalation) FROM stdin;
T1	C1	2025-05-01	30	1	
T1	C1	2025-09-01	26	1	
T1	C1	2025-01-01	8	1	
T1	C1	2025-08-01	40	1	
T1	C1	2025-05-01	46	1	
T1	C2	2025-10-01	35	1	
T1	C1	2025-11-01	52	1	
T1	C1	2025-07-01	38	1	
T1	C1	2025-02-01	36	1	
T1	C1	2025-06-01	8	1	
T1	C2	2026-03-01	39	1	
T1	C1	2026-02-01	18	1	
T1	C1	2025-12-01	28	1	
T1	C2	2026-04-01	51	1	
T1	C2	2025-09-01	15	1	
T1	C2	2025-05-01	31	1	
T1	C1	2026-01-01	6	1	
T1	C1	2025-07-01	30	1	
T1	C2	2025-09-01	11	1	
T1	C1	2025-07-01	20	1	
T1	C1	2025-07-01	28	1	
T1	C2	2025-04-01	19	1	
T1	C1	2025-06-01	4	1	
T1	C1	2025-12-01	36	1	
T1	C1	2025-03-01	4	1	
T1	C1	2025-08-01	52	1	
T1	C1	2025-01-01	16	1	
T1	C2	2025-09-01	23	1	
T1	C2	2025-05-01	35	1	
T1	C1	2026-03-01	32	1	
T1	C1	2025-04-01	22	1	
T1	C2	2025-07-01	25	1	
T1	C1	2026-03-01	46	1	
T1	C1	2025-07-01	36	1	
T1	C2	2025-05-01	43	1	
T1	C2	2025-03-01	7	1	
T1	C1	2026-02-01	24	1	
T1	C2	2025-06-01	51	1	
T1	C1	2025-09-01	10	1	
T1	C2	2025-10-01	47	1	
T1	C2	2025-10-01	43	1	
T1	C2	2025-12-01	33	1	
T1	C2	2025-03-01	45	1	
T1	C1	2025-09-01	18	1	
T1	C2	2026-02-01	23	1	
T1	C1	2026-02-01	26	1	
T1	C1	2025-06-01	10	1	
T1	C1	2025-04-01	26	1	
T1	C1	2026-02-01	12	1	
T1	C2	2025-08-01	41	1	
T1	C1	2025-08-01	8	1	
T1	C1	2025-06-01	52	1	
T1	C1	2025-09-01	14	1	
T1	C2	2026-01-01	3	1	
T1	C1	2025-03-01	6	1	
T1	C1	2026-01-01	8	1	
T1	C1	2025-07-01	24	1	
T1	C2	2026-01-01	45	1	
T1	C2	2025-11-01	5	1	
T1	C1	2026-04-01	48	1	
T1	C1	2026-03-01	28	1	
T1	C1	2026-01-01	46	1	
T1	C1	2025-12-01	24	1	
T1	C1	2025-11-01	10	1	
T1	C2	2026-03-01	35	1	
T1	C2	2025-12-01	37	1	
T1	C1	2025-02-01	38	1	
T1	C1	2025-11-01	16	1	
T1	C1	2025-01-01	4	1	
T1	C2	2025-03-01	41	1	
T1	C1	2026-01-01	4	1	
T1	C1	2025-02-01	22	1	
T1	C1	2025-04-01	16	1	
T1	C1	2025-11-01	12	1	
T1	C1	2025-03-01	48	1	
T1	C2	2025-06-01	13	1	
T1	C1	2025-12-01	20	1	
T1	C1	2025-02-01	24	1	
T1	C2	2026-04-01	47	1	
T1	C2	2025-09-01	27	1	
T1	C1	2025-10-01	46	1	
T1	C1	2025-03-01	40	1	
T1	C2	2026-03-01	43	1	
T1	C1	2025-08-01	42	1	
T1	C1	2025-05-01	36	1	
T1	C2	2025-11-01	9	1	
T1	C1	2025-10-01	38	1	
T1	C1	2026-03-01	42	1	
T1	C1	2025-03-01	44	1	
T1	C2	2025-08-01	3	1	
T1	C1	2026-01-01	44	1	
T1	C2	2025-01-01	21	1	
T1	C2	2025-04-01	23	1	
T1	C1	2025-01-01	18	1	
T1	C2	2026-03-01	31	1	
T1	C1	2025-09-01	24	1	
T1	C1	2025-12-01	38	1	
T1	C1	2025-07-01	32	1	
T1	C1	2026-04-01	50	1	
T1	C1	2025-12-01	22	1	
T1	C2	2025-12-01	25	1	
T1	C1	2025-02-01	28	1	
T1	C1	2025-08-01	6	1	
T1	C1	2025-05-01	34	1	
T1	C1	2025-04-01	28	1	
T1	C1	2025-09-01	22	1	
T1	C2	2025-06-01	5	1	
T1	C1	2026-02-01	14	1	
T1	C1	2025-06-01	16	1	
T1	C1	2025-04-01	20	1	
T1	C1	2025-03-01	8	1	
T1	C1	2025-01-01	6	1	
T1	C2	2025-05-01	47	1	
T1	C1	2025-10-01	30	1	
T1	C1	2025-01-01	12	1	
T1	C1	2026-01-01	52	1	
T1	C1	2025-02-01	30	1	
T1	C1	2026-03-01	34	1	
T1	C1	2025-12-01	34	1	
T1	C1	2025-08-01	50	1	
T1	C2	2025-07-01	29	1	
T1	C1	2025-07-01	26	1	
T1	C2	2025-02-01	33	1	
T1	C2	2025-01-01	17	1	
T1	C1	2025-07-01	22	1	
T1	C1	2025-06-01	12	1	
T1	C2	2025-06-01	9	1	
T1	C2	2025-01-01	13	1	
T1	C1	2025-12-01	32	1	
T1	C1	2026-01-01	48	1	
T1	C1	2025-09-01	28	1	
T1	C2	2025-11-01	17	1	
T1	C2	2025-01-01	5	1	
T1	C1	2025-02-01	32	1	
T1	C1	2025-05-01	44	1	
T1	C1	2026-03-01	44	1	
T1	C1	2025-05-01	32	1	
T1	C1	2026-04-01	52	1	
T1	C1	2025-06-01	6	1	
T1	C1	2026-02-01	10	1	
T1	C2	2025-07-01	33	1	
T1	C1	2026-02-01	16	1	
T1	C1	2025-10-01	42	1	
T1	C1	2025-10-01	44	1	
T1	C2	2025-02-01	25	1	
T1	C1	2025-05-01	42	1	
T1	C2	2025-07-01	37	1	
T1	C1	2025-09-01	12	1	
T1	C1	2025-01-01	14	1	
T1	C1	2025-11-01	14	1	
T1	C1	2025-10-01	32	1	
T1	C2	2025-12-01	29	1	
T1	C1	2025-05-01	38	1	
T1	C2	2025-06-01	17	1	
T1	C1	2025-06-01	18	1	
T1	C1	2025-06-01	14	1	
T1	C1	2025-05-01	48	1	
T1	C1	2025-04-01	18	1	
T1	C1	2025-07-01	34	1	
T1	C1	2025-11-01	50	1	
T1	C1	2025-04-01	10	1	
T1	C1	2025-03-01	52	1	
T1	C2	2025-03-01	3	1	
T1	C2	2026-03-01	27	1	
T1	C2	2025-09-01	19	1	
T1	C1	2025-11-01	6	1	
T1	C2	2025-11-01	13	1	
T1	C1	2026-01-01	40	1	
T1	C1	2025-05-01	40	1	
T1	C2	2025-08-01	49	1	
T1	C2	2025-05-01	39	1	
T1	C1	2025-11-01	4	1	
T1	C1	2025-01-01	20	1	
T1	C1	2025-10-01	40	1	
T1	C1	2026-02-01	20	1	
T1	C2	2025-10-01	31	1	
T1	C1	2025-08-01	48	1	
T1	C1	2025-04-01	24	1	
T1	C1	2025-03-01	42	1	
T1	C1	2025-03-01	50	1	
T1	C1	2026-03-01	30	1	
T1	C1	2026-03-01	36	1	
T1	C1	2025-04-01	14	1	
T1	C2	2025-08-01	7	1	
T1	C1	2025-06-01	50	1	
T1	C2	2025-02-01	29	1	
T1	C2	2026-02-01	15	1	
T1	C1	2025-02-01	26	1	
T1	C2	2025-10-01	39	1	
T1	C2	2026-02-01	11	1	
T1	C2	2025-11-01	51	1	
T1	C2	2025-07-01	21	1	
T1	C1	2026-03-01	38	1	
T1	C1	2025-03-01	46	1	
T1	C1	2025-11-01	18	1	
T1	C1	2025-09-01	20	1	
T1	C2	2025-03-01	49	1	
T1	C2	2025-08-01	45	1	
T1	C2	2025-04-01	15	1	
T1	C1	2025-11-01	8	1	
T1	C2	2026-01-01	7	1	
T1	C1	2025-09-01	16	1	
T1	C2	2026-01-01	49	1	
T1	C1	2025-12-01	30	1	
T1	C1	2026-03-01	40	1	
T1	C2	2025-02-01	37	1	
T1	C2	2025-01-01	9	1	
T1	C2	2025-12-01	21	1	
T1	C1	2025-10-01	34	1	
T1	C1	2026-01-01	50	1	
T1	C1	2025-08-01	46	1	
T1	C2	2025-04-01	27	1	
T1	C1	2025-10-01	48	1	
T1	C1	2025-02-01	34	1	
T1	C2	2026-01-01	41	1	
T1	C1	2026-02-01	22	1	
T1	C1	2025-10-01	36	1	
T1	C1	2025-12-01	26	1	
T1	C1	2025-04-01	12	1	
T1	C2	2026-02-01	19	1	
T1	C2	2025-04-01	11	1	
T1	C1	2026-01-01	42	1	
T1	C1	2025-08-01	4	1	
T1	C1	2025-01-01	10	1	
T1	C1	2025-08-01	44	1	
\.


--
-- Data for Name: case_personal; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_personal (case_id, street_code, reporter_name, reporter_phone, description) FROM stdin;
\.


--
-- Data for Name: case_site_code_month; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_site_code_month (street_code, community_code, site_id, month, category_l1, source_code, status, escalation, cases) FROM stdin;
T1	C2	3	2025-04-01	property	hotline_12345	closed		2
T1	C1	2	2026-01-01	property	hotline_12345	closed		3
T1	C1	2	2026-01-01	sanitation	hotline_12345	closed		7
T1	C2	3	2026-01-01	sanitation	hotline_12345	closed		3
T1	C2	3	2025-09-01	property	hotline_12345	open		1
T1	C1	2	2026-03-01	property	hotline_12345	closed		4
T1	C2	3	2025-07-01	sanitation	hotline_12345	closed		3
T1	C1	2	2025-09-01	property	hotline_12345	closed		3
T1	C2	3	2025-05-01	sanitation	hotline_12345	closed		4
T1	C2	3	2025-01-01	property	hotline_12345	closed		2
T1	C1	2	2025-03-01	sanitation	hotline_12345	closed		7
T1	C1	2	2025-02-01	sanitation	hotline_12345	closed		6
T1	C2	3	2025-06-01	property	hotline_12345	closed		2
T1	C2	3	2026-02-01	property	hotline_12345	open		2
T1	C1	2	2026-03-01	sanitation	hotline_12345	closed		6
T1	C2	3	2025-03-01	sanitation	hotline_12345	open		3
T1	C1	2	2026-04-01	property	hotline_12345	closed		1
T1	C2	3	2025-01-01	sanitation	hotline_12345	open		4
T1	C2	3	2025-02-01	sanitation	hotline_12345	open		3
T1	C2	3	2026-02-01	sanitation	hotline_12345	open		3
T1	C1	2	2025-09-01	sanitation	hotline_12345	closed		7
T1	C2	3	2025-01-01	sanitation	hotline_12345	closed		3
T1	C2	3	2025-08-01	sanitation	hotline_12345	closed		4
T1	C1	2	2025-11-01	sanitation	hotline_12345	closed		6
T1	C2	3	2025-05-01	property	hotline_12345	closed		1
T1	C2	3	2025-09-01	property	hotline_12345	closed		2
T1	C2	3	2025-02-01	sanitation	hotline_12345	closed		3
T1	C2	3	2026-01-01	sanitation	hotline_12345	open		3
T1	C2	3	2025-11-01	property	hotline_12345	open		2
T1	C2	3	2025-02-01	property	hotline_12345	closed		1
T1	C1	2	2026-02-01	property	hotline_12345	closed		3
T1	C1	2	2026-04-01	sanitation	hotline_12345	closed		2
T1	C1	2	2025-01-01	property	hotline_12345	closed		3
T1	C2	3	2025-06-01	sanitation	hotline_12345	closed		3
T1	C2	3	2025-06-01	property	hotline_12345	open		1
T1	C2	3	2026-01-01	property	hotline_12345	open		2
T1	C2	3	2025-12-01	property	hotline_12345	open		1
T1	C1	2	2025-05-01	sanitation	hotline_12345	closed		6
T1	C1	2	2025-07-01	property	hotline_12345	closed		3
T1	C2	3	2025-12-01	sanitation	hotline_12345	open		4
T1	C2	3	2025-11-01	sanitation	hotline_12345	open		3
T1	C2	3	2025-08-01	property	hotline_12345	open		2
T1	C2	3	2025-07-01	sanitation	hotline_12345	open		3
T1	C1	2	2025-05-01	property	hotline_12345	closed		4
T1	C1	2	2025-06-01	sanitation	hotline_12345	closed		7
T1	C2	3	2026-03-01	sanitation	hotline_12345	open		4
T1	C1	2	2025-01-01	sanitation	hotline_12345	closed		6
T1	C1	2	2025-03-01	property	hotline_12345	closed		3
T1	C2	3	2025-05-01	sanitation	hotline_12345	open		3
T1	C2	3	2025-07-01	property	hotline_12345	closed		2
T1	C2	3	2025-09-01	sanitation	hotline_12345	closed		3
T1	C2	3	2026-03-01	property	hotline_12345	closed		2
T1	C2	3	2025-07-01	property	hotline_12345	open		2
T1	C1	2	2025-12-01	sanitation	hotline_12345	closed		7
T1	C2	3	2025-10-01	property	hotline_12345	open		2
T1	C2	3	2025-08-01	sanitation	hotline_12345	open		4
T1	C1	2	2026-02-01	sanitation	hotline_12345	closed		6
T1	C1	2	2025-08-01	sanitation	hotline_12345	closed		6
T1	C2	3	2026-04-01	property	hotline_12345	open		1
T1	C2	3	2025-04-01	property	hotline_12345	open		1
T1	C1	2	2025-10-01	sanitation	hotline_12345	closed		7
T1	C2	3	2025-04-01	sanitation	hotline_12345	closed		3
T1	C2	3	2025-10-01	property	hotline_12345	closed		2
T1	C1	2	2025-12-01	property	hotline_12345	closed		3
T1	C2	3	2025-09-01	sanitation	hotline_12345	open		3
T1	C2	3	2026-04-01	sanitation	hotline_12345	closed		2
T1	C2	3	2025-12-01	property	hotline_12345	closed		2
T1	C2	3	2026-02-01	property	hotline_12345	closed		1
T1	C2	3	2025-10-01	sanitation	hotline_12345	closed		3
T1	C2	3	2026-01-01	property	hotline_12345	closed		2
T1	C2	3	2025-04-01	sanitation	hotline_12345	open		4
T1	C1	2	2025-04-01	sanitation	hotline_12345	closed		7
T1	C2	3	2026-02-01	sanitation	hotline_12345	closed		3
T1	C2	3	2025-10-01	sanitation	hotline_12345	open		3
T1	C2	3	2025-11-01	sanitation	hotline_12345	closed		4
T1	C2	3	2025-05-01	property	hotline_12345	open		2
T1	C1	2	2025-10-01	property	hotline_12345	closed		3
T1	C2	3	2025-01-01	property	hotline_12345	open		1
T1	C2	3	2025-02-01	property	hotline_12345	open		2
T1	C2	3	2025-03-01	property	hotline_12345	open		2
T1	C2	3	2025-03-01	sanitation	hotline_12345	closed		3
T1	C1	2	2025-02-01	property	hotline_12345	closed		3
T1	C2	3	2025-12-01	sanitation	hotline_12345	closed		3
T1	C2	3	2025-11-01	property	hotline_12345	closed		1
T1	C1	2	2025-11-01	property	hotline_12345	closed		4
T1	C1	2	2025-06-01	property	hotline_12345	closed		3
T1	C1	2	2025-08-01	property	hotline_12345	closed		4
T1	C2	3	2026-03-01	sanitation	hotline_12345	closed		3
T1	C1	2	2025-04-01	property	hotline_12345	closed		3
T1	C1	2	2025-07-01	sanitation	hotline_12345	closed		7
T1	C2	3	2026-03-01	property	hotline_12345	open		1
T1	C2	3	2025-08-01	property	hotline_12345	closed		1
T1	C2	3	2025-03-01	property	hotline_12345	closed		2
T1	C2	3	2025-06-01	sanitation	hotline_12345	open		3
\.


--
-- Data for Name: case_site_month; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_site_month (street_code, community_code, site_id, month, cases, status, escalation) FROM stdin;
T1	C2	3	2025-02-01	5	open	
T1	C2	3	2025-06-01	5	closed	
T1	C1	2	2026-04-01	3	closed	
T1	C1	2	2025-04-01	10	closed	
T1	C2	3	2026-03-01	5	open	
T1	C2	3	2025-12-01	5	closed	
T1	C1	2	2025-06-01	10	closed	
T1	C1	2	2025-09-01	10	closed	
T1	C1	2	2025-05-01	10	closed	
T1	C2	3	2026-03-01	5	closed	
T1	C1	2	2025-01-01	9	closed	
T1	C2	3	2025-02-01	4	closed	
T1	C2	3	2025-04-01	5	open	
T1	C2	3	2025-05-01	5	closed	
T1	C2	3	2025-09-01	4	open	
T1	C1	2	2026-01-01	10	closed	
T1	C2	3	2025-07-01	5	closed	
T1	C2	3	2026-04-01	2	closed	
T1	C2	3	2026-02-01	5	open	
T1	C2	3	2025-08-01	5	closed	
T1	C1	2	2025-03-01	10	closed	
T1	C2	3	2025-06-01	4	open	
T1	C2	3	2025-10-01	5	closed	
T1	C2	3	2025-01-01	5	closed	
T1	C2	3	2026-01-01	5	closed	
T1	C2	3	2026-04-01	1	open	
T1	C2	3	2025-01-01	5	open	
T1	C2	3	2025-11-01	5	open	
T1	C1	2	2026-02-01	9	closed	
T1	C2	3	2025-03-01	5	closed	
T1	C2	3	2025-07-01	5	open	
T1	C2	3	2025-08-01	6	open	
T1	C2	3	2025-03-01	5	open	
T1	C1	2	2026-03-01	10	closed	
T1	C1	2	2025-12-01	10	closed	
T1	C1	2	2025-11-01	10	closed	
T1	C2	3	2025-04-01	5	closed	
T1	C1	2	2025-07-01	10	closed	
T1	C2	3	2025-09-01	5	closed	
T1	C2	3	2026-01-01	5	open	
T1	C2	3	2025-05-01	5	open	
T1	C1	2	2025-02-01	9	closed	
T1	C2	3	2025-12-01	5	open	
T1	C2	3	2025-10-01	5	open	
T1	C1	2	2025-10-01	10	closed	
T1	C2	3	2025-11-01	5	closed	
T1	C2	3	2026-02-01	4	closed	
T1	C1	2	2025-08-01	10	closed	
\.


--
-- Data for Name: case_sources; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_sources (code, name, name_en) FROM stdin;
hotline_12345	12345热线	12345 hotline
nuannan	暖南诉办	Nuannan service channel
grid_report	网格直报	Grid worker report
enterprise	企业诉求	Enterprise request
\.


--
-- Data for Name: cases; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.cases (id, source_code, external_id, category_code, category_l1, status, state, escalation, reported_at, closed_at, satisfaction, geom, site_id, grid_code, community_code, street_code, assigned_by_distance) FROM stdin;
1	hotline_12345	U1	noise	sanitation	closed	closed	\N	2025-01-04 13:00:00+00	2025-01-04 17:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
2	hotline_12345	U3	garbage	sanitation	closed	closed	\N	2025-01-07 15:00:00+00	2025-01-07 21:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
3	hotline_12345	U5	property_fee	property	closed	closed	\N	2025-01-10 17:00:00+00	2025-01-11 01:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
4	hotline_12345	U7	noise	sanitation	closed	closed	\N	2025-01-13 19:00:00+00	2025-01-14 05:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
5	hotline_12345	U9	garbage	sanitation	closed	closed	\N	2025-01-16 21:00:00+00	2025-01-17 09:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
6	hotline_12345	U11	property_fee	property	closed	closed	\N	2025-01-19 23:00:00+00	2025-01-20 13:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
7	hotline_12345	U13	noise	sanitation	closed	closed	\N	2025-01-23 01:00:00+00	2025-01-23 17:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
8	hotline_12345	U15	garbage	sanitation	closed	closed	\N	2025-01-26 03:00:00+00	2025-01-26 21:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
9	hotline_12345	U17	property_fee	property	closed	closed	\N	2025-01-29 05:00:00+00	2025-01-30 01:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
10	hotline_12345	U19	noise	sanitation	closed	closed	\N	2025-02-01 07:00:00+00	2025-02-02 05:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
11	hotline_12345	U21	garbage	sanitation	closed	closed	\N	2025-02-04 09:00:00+00	2025-02-05 09:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
12	hotline_12345	U23	property_fee	property	closed	closed	\N	2025-02-07 11:00:00+00	2025-02-08 13:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
13	hotline_12345	U25	noise	sanitation	closed	closed	\N	2025-02-10 13:00:00+00	2025-02-11 17:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
14	hotline_12345	U27	garbage	sanitation	closed	closed	\N	2025-02-13 15:00:00+00	2025-02-14 21:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
15	hotline_12345	U29	property_fee	property	closed	closed	\N	2025-02-16 17:00:00+00	2025-02-18 01:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
16	hotline_12345	U31	noise	sanitation	closed	closed	\N	2025-02-19 19:00:00+00	2025-02-21 05:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
17	hotline_12345	U33	garbage	sanitation	closed	closed	\N	2025-02-22 21:00:00+00	2025-02-24 09:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
18	hotline_12345	U35	property_fee	property	closed	closed	\N	2025-02-25 23:00:00+00	2025-02-27 13:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
19	hotline_12345	U37	noise	sanitation	closed	closed	\N	2025-03-01 01:00:00+00	2025-03-02 17:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
20	hotline_12345	U39	garbage	sanitation	closed	closed	\N	2025-03-04 03:00:00+00	2025-03-05 21:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
21	hotline_12345	U41	property_fee	property	closed	closed	\N	2025-03-07 05:00:00+00	2025-03-09 01:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
22	hotline_12345	U43	noise	sanitation	closed	closed	\N	2025-03-10 07:00:00+00	2025-03-12 05:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
23	hotline_12345	U45	garbage	sanitation	closed	closed	\N	2025-03-13 09:00:00+00	2025-03-15 09:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
24	hotline_12345	U47	property_fee	property	closed	closed	\N	2025-03-16 11:00:00+00	2025-03-18 13:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
25	hotline_12345	U49	noise	sanitation	closed	closed	\N	2025-03-19 13:00:00+00	2025-03-21 17:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
26	hotline_12345	U51	garbage	sanitation	closed	closed	\N	2025-03-22 15:00:00+00	2025-03-22 19:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
27	hotline_12345	U53	property_fee	property	closed	closed	\N	2025-03-25 17:00:00+00	2025-03-25 23:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
28	hotline_12345	U55	noise	sanitation	closed	closed	\N	2025-03-28 19:00:00+00	2025-03-29 03:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
29	hotline_12345	U57	garbage	sanitation	closed	closed	\N	2025-03-31 21:00:00+00	2025-04-01 07:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
30	hotline_12345	U59	property_fee	property	closed	closed	\N	2025-04-03 23:00:00+00	2025-04-04 11:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
31	hotline_12345	U61	noise	sanitation	closed	closed	\N	2025-04-07 01:00:00+00	2025-04-07 15:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
32	hotline_12345	U63	garbage	sanitation	closed	closed	\N	2025-04-10 03:00:00+00	2025-04-10 19:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
33	hotline_12345	U65	property_fee	property	closed	closed	\N	2025-04-13 05:00:00+00	2025-04-13 23:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
34	hotline_12345	U67	noise	sanitation	closed	closed	\N	2025-04-16 07:00:00+00	2025-04-17 03:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
35	hotline_12345	U69	garbage	sanitation	closed	closed	\N	2025-04-19 09:00:00+00	2025-04-20 07:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
36	hotline_12345	U71	property_fee	property	closed	closed	\N	2025-04-22 11:00:00+00	2025-04-23 11:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
37	hotline_12345	U73	noise	sanitation	closed	closed	\N	2025-04-25 13:00:00+00	2025-04-26 15:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
38	hotline_12345	U75	garbage	sanitation	closed	closed	\N	2025-04-28 15:00:00+00	2025-04-29 19:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
39	hotline_12345	U77	property_fee	property	closed	closed	\N	2025-05-01 17:00:00+00	2025-05-02 23:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
40	hotline_12345	U79	noise	sanitation	closed	closed	\N	2025-05-04 19:00:00+00	2025-05-06 03:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
41	hotline_12345	U81	garbage	sanitation	closed	closed	\N	2025-05-07 21:00:00+00	2025-05-09 07:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
42	hotline_12345	U83	property_fee	property	closed	closed	\N	2025-05-10 23:00:00+00	2025-05-12 11:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
43	hotline_12345	U85	noise	sanitation	closed	closed	\N	2025-05-14 01:00:00+00	2025-05-15 15:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
44	hotline_12345	U87	garbage	sanitation	closed	closed	\N	2025-05-17 03:00:00+00	2025-05-18 19:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
45	hotline_12345	U89	property_fee	property	closed	closed	\N	2025-05-20 05:00:00+00	2025-05-21 23:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
46	hotline_12345	U91	noise	sanitation	closed	closed	\N	2025-05-23 07:00:00+00	2025-05-25 03:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
47	hotline_12345	U93	garbage	sanitation	closed	closed	\N	2025-05-26 09:00:00+00	2025-05-28 07:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
48	hotline_12345	U95	property_fee	property	closed	closed	\N	2025-05-29 11:00:00+00	2025-05-31 11:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
49	hotline_12345	U97	noise	sanitation	closed	closed	\N	2025-06-01 13:00:00+00	2025-06-03 15:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
50	hotline_12345	U99	garbage	sanitation	closed	closed	\N	2025-06-04 15:00:00+00	2025-06-06 19:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
51	hotline_12345	U101	property_fee	property	closed	closed	\N	2025-06-07 17:00:00+00	2025-06-07 21:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
52	hotline_12345	U103	noise	sanitation	closed	closed	\N	2025-06-10 19:00:00+00	2025-06-11 01:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
53	hotline_12345	U105	garbage	sanitation	closed	closed	\N	2025-06-13 21:00:00+00	2025-06-14 05:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
54	hotline_12345	U107	property_fee	property	closed	closed	\N	2025-06-16 23:00:00+00	2025-06-17 09:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
55	hotline_12345	U109	noise	sanitation	closed	closed	\N	2025-06-20 01:00:00+00	2025-06-20 13:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
56	hotline_12345	U111	garbage	sanitation	closed	closed	\N	2025-06-23 03:00:00+00	2025-06-23 17:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
57	hotline_12345	U113	property_fee	property	closed	closed	\N	2025-06-26 05:00:00+00	2025-06-26 21:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
58	hotline_12345	U115	noise	sanitation	closed	closed	\N	2025-06-29 07:00:00+00	2025-06-30 01:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
59	hotline_12345	U117	garbage	sanitation	closed	closed	\N	2025-07-02 09:00:00+00	2025-07-03 05:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
60	hotline_12345	U119	property_fee	property	closed	closed	\N	2025-07-05 11:00:00+00	2025-07-06 09:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
61	hotline_12345	U121	noise	sanitation	closed	closed	\N	2025-07-08 13:00:00+00	2025-07-09 13:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
62	hotline_12345	U123	garbage	sanitation	closed	closed	\N	2025-07-11 15:00:00+00	2025-07-12 17:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
63	hotline_12345	U125	property_fee	property	closed	closed	\N	2025-07-14 17:00:00+00	2025-07-15 21:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
64	hotline_12345	U127	noise	sanitation	closed	closed	\N	2025-07-17 19:00:00+00	2025-07-19 01:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
65	hotline_12345	U129	garbage	sanitation	closed	closed	\N	2025-07-20 21:00:00+00	2025-07-22 05:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
66	hotline_12345	U131	property_fee	property	closed	closed	\N	2025-07-23 23:00:00+00	2025-07-25 09:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
67	hotline_12345	U133	noise	sanitation	closed	closed	\N	2025-07-27 01:00:00+00	2025-07-28 13:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
68	hotline_12345	U135	garbage	sanitation	closed	closed	\N	2025-07-30 03:00:00+00	2025-07-31 17:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
69	hotline_12345	U137	property_fee	property	closed	closed	\N	2025-08-02 05:00:00+00	2025-08-03 21:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
70	hotline_12345	U139	noise	sanitation	closed	closed	\N	2025-08-05 07:00:00+00	2025-08-07 01:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
71	hotline_12345	U141	garbage	sanitation	closed	closed	\N	2025-08-08 09:00:00+00	2025-08-10 05:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
72	hotline_12345	U143	property_fee	property	closed	closed	\N	2025-08-11 11:00:00+00	2025-08-13 09:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
73	hotline_12345	U145	noise	sanitation	closed	closed	\N	2025-08-14 13:00:00+00	2025-08-16 13:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
74	hotline_12345	U147	garbage	sanitation	closed	closed	\N	2025-08-17 15:00:00+00	2025-08-19 17:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
75	hotline_12345	U149	property_fee	property	closed	closed	\N	2025-08-20 17:00:00+00	2025-08-22 21:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
76	hotline_12345	U151	noise	sanitation	closed	closed	\N	2025-08-23 19:00:00+00	2025-08-23 23:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
77	hotline_12345	U153	garbage	sanitation	closed	closed	\N	2025-08-26 21:00:00+00	2025-08-27 03:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
78	hotline_12345	U155	property_fee	property	closed	closed	\N	2025-08-29 23:00:00+00	2025-08-30 07:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
79	hotline_12345	U157	noise	sanitation	closed	closed	\N	2025-09-02 01:00:00+00	2025-09-02 11:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
80	hotline_12345	U159	garbage	sanitation	closed	closed	\N	2025-09-05 03:00:00+00	2025-09-05 15:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
81	hotline_12345	U161	property_fee	property	closed	closed	\N	2025-09-08 05:00:00+00	2025-09-08 19:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
82	hotline_12345	U163	noise	sanitation	closed	closed	\N	2025-09-11 07:00:00+00	2025-09-11 23:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
83	hotline_12345	U165	garbage	sanitation	closed	closed	\N	2025-09-14 09:00:00+00	2025-09-15 03:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
84	hotline_12345	U167	property_fee	property	closed	closed	\N	2025-09-17 11:00:00+00	2025-09-18 07:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
85	hotline_12345	U169	noise	sanitation	closed	closed	\N	2025-09-20 13:00:00+00	2025-09-21 11:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
86	hotline_12345	U171	garbage	sanitation	closed	closed	\N	2025-09-23 15:00:00+00	2025-09-24 15:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
87	hotline_12345	U173	property_fee	property	closed	closed	\N	2025-09-26 17:00:00+00	2025-09-27 19:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
88	hotline_12345	U175	noise	sanitation	closed	closed	\N	2025-09-29 19:00:00+00	2025-09-30 23:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
89	hotline_12345	U177	garbage	sanitation	closed	closed	\N	2025-10-02 21:00:00+00	2025-10-04 03:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
90	hotline_12345	U179	property_fee	property	closed	closed	\N	2025-10-05 23:00:00+00	2025-10-07 07:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
91	hotline_12345	U181	noise	sanitation	closed	closed	\N	2025-10-09 01:00:00+00	2025-10-10 11:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
92	hotline_12345	U183	garbage	sanitation	closed	closed	\N	2025-10-12 03:00:00+00	2025-10-13 15:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
93	hotline_12345	U185	property_fee	property	closed	closed	\N	2025-10-15 05:00:00+00	2025-10-16 19:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
94	hotline_12345	U187	noise	sanitation	closed	closed	\N	2025-10-18 07:00:00+00	2025-10-19 23:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
95	hotline_12345	U189	garbage	sanitation	closed	closed	\N	2025-10-21 09:00:00+00	2025-10-23 03:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
96	hotline_12345	U191	property_fee	property	closed	closed	\N	2025-10-24 11:00:00+00	2025-10-26 07:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
97	hotline_12345	U193	noise	sanitation	closed	closed	\N	2025-10-27 13:00:00+00	2025-10-29 11:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
98	hotline_12345	U195	garbage	sanitation	closed	closed	\N	2025-10-30 15:00:00+00	2025-11-01 15:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
99	hotline_12345	U197	property_fee	property	closed	closed	\N	2025-11-02 17:00:00+00	2025-11-04 19:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
100	hotline_12345	U199	noise	sanitation	closed	closed	\N	2025-11-05 19:00:00+00	2025-11-07 23:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
101	hotline_12345	U201	garbage	sanitation	closed	closed	\N	2025-11-08 21:00:00+00	2025-11-09 01:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
102	hotline_12345	U203	property_fee	property	closed	closed	\N	2025-11-11 23:00:00+00	2025-11-12 05:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
103	hotline_12345	U205	noise	sanitation	closed	closed	\N	2025-11-15 01:00:00+00	2025-11-15 09:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
104	hotline_12345	U207	garbage	sanitation	closed	closed	\N	2025-11-18 03:00:00+00	2025-11-18 13:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
105	hotline_12345	U209	property_fee	property	closed	closed	\N	2025-11-21 05:00:00+00	2025-11-21 17:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
106	hotline_12345	U211	noise	sanitation	closed	closed	\N	2025-11-24 07:00:00+00	2025-11-24 21:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
107	hotline_12345	U213	garbage	sanitation	closed	closed	\N	2025-11-27 09:00:00+00	2025-11-28 01:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
108	hotline_12345	U215	property_fee	property	closed	closed	\N	2025-11-30 11:00:00+00	2025-12-01 05:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
109	hotline_12345	U217	noise	sanitation	closed	closed	\N	2025-12-03 13:00:00+00	2025-12-04 09:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
110	hotline_12345	U219	garbage	sanitation	closed	closed	\N	2025-12-06 15:00:00+00	2025-12-07 13:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
111	hotline_12345	U221	property_fee	property	closed	closed	\N	2025-12-09 17:00:00+00	2025-12-10 17:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
112	hotline_12345	U223	noise	sanitation	closed	closed	\N	2025-12-12 19:00:00+00	2025-12-13 21:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
113	hotline_12345	U225	garbage	sanitation	closed	closed	\N	2025-12-15 21:00:00+00	2025-12-17 01:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
114	hotline_12345	U227	property_fee	property	closed	closed	\N	2025-12-18 23:00:00+00	2025-12-20 05:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
115	hotline_12345	U229	noise	sanitation	closed	closed	\N	2025-12-22 01:00:00+00	2025-12-23 09:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
116	hotline_12345	U231	garbage	sanitation	closed	closed	\N	2025-12-25 03:00:00+00	2025-12-26 13:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
117	hotline_12345	U233	property_fee	property	closed	closed	\N	2025-12-28 05:00:00+00	2025-12-29 17:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
118	hotline_12345	U235	noise	sanitation	closed	closed	\N	2025-12-31 07:00:00+00	2026-01-01 21:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
119	hotline_12345	U237	garbage	sanitation	closed	closed	\N	2026-01-03 09:00:00+00	2026-01-05 01:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
120	hotline_12345	U239	property_fee	property	closed	closed	\N	2026-01-06 11:00:00+00	2026-01-08 05:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
121	hotline_12345	U241	noise	sanitation	closed	closed	\N	2026-01-09 13:00:00+00	2026-01-11 09:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
122	hotline_12345	U243	garbage	sanitation	closed	closed	\N	2026-01-12 15:00:00+00	2026-01-14 13:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
123	hotline_12345	U245	property_fee	property	closed	closed	\N	2026-01-15 17:00:00+00	2026-01-17 17:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
124	hotline_12345	U247	noise	sanitation	closed	closed	\N	2026-01-18 19:00:00+00	2026-01-20 21:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
125	hotline_12345	U249	garbage	sanitation	closed	closed	\N	2026-01-21 21:00:00+00	2026-01-24 01:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
126	hotline_12345	U251	property_fee	property	closed	closed	\N	2026-01-24 23:00:00+00	2026-01-25 03:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
127	hotline_12345	U253	noise	sanitation	closed	closed	\N	2026-01-28 01:00:00+00	2026-01-28 07:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
128	hotline_12345	U255	garbage	sanitation	closed	closed	\N	2026-01-31 03:00:00+00	2026-01-31 11:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
129	hotline_12345	U257	property_fee	property	closed	closed	\N	2026-02-03 05:00:00+00	2026-02-03 15:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
130	hotline_12345	U259	noise	sanitation	closed	closed	\N	2026-02-06 07:00:00+00	2026-02-06 19:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
131	hotline_12345	U261	garbage	sanitation	closed	closed	\N	2026-02-09 09:00:00+00	2026-02-09 23:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
132	hotline_12345	U263	property_fee	property	closed	closed	\N	2026-02-12 11:00:00+00	2026-02-13 03:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
133	hotline_12345	U265	noise	sanitation	closed	closed	\N	2026-02-15 13:00:00+00	2026-02-16 07:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
134	hotline_12345	U267	garbage	sanitation	closed	closed	\N	2026-02-18 15:00:00+00	2026-02-19 11:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
135	hotline_12345	U269	property_fee	property	closed	closed	\N	2026-02-21 17:00:00+00	2026-02-22 15:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
136	hotline_12345	U271	noise	sanitation	closed	closed	\N	2026-02-24 19:00:00+00	2026-02-25 19:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
137	hotline_12345	U273	garbage	sanitation	closed	closed	\N	2026-02-27 21:00:00+00	2026-02-28 23:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
138	hotline_12345	U275	property_fee	property	closed	closed	\N	2026-03-02 23:00:00+00	2026-03-04 03:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
139	hotline_12345	U277	noise	sanitation	closed	closed	\N	2026-03-06 01:00:00+00	2026-03-07 07:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
140	hotline_12345	U279	garbage	sanitation	closed	closed	\N	2026-03-09 03:00:00+00	2026-03-10 11:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
141	hotline_12345	U281	property_fee	property	closed	closed	\N	2026-03-12 05:00:00+00	2026-03-13 15:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
142	hotline_12345	U283	noise	sanitation	closed	closed	\N	2026-03-15 07:00:00+00	2026-03-16 19:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
143	hotline_12345	U285	garbage	sanitation	closed	closed	\N	2026-03-18 09:00:00+00	2026-03-19 23:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
144	hotline_12345	U287	property_fee	property	closed	closed	\N	2026-03-21 11:00:00+00	2026-03-23 03:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
145	hotline_12345	U289	noise	sanitation	closed	closed	\N	2026-03-24 13:00:00+00	2026-03-26 07:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
146	hotline_12345	U291	garbage	sanitation	closed	closed	\N	2026-03-27 15:00:00+00	2026-03-29 11:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
147	hotline_12345	U293	property_fee	property	closed	closed	\N	2026-03-30 17:00:00+00	2026-04-01 15:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
148	hotline_12345	U295	noise	sanitation	closed	closed	\N	2026-04-02 19:00:00+00	2026-04-04 19:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
149	hotline_12345	U297	garbage	sanitation	closed	closed	\N	2026-04-05 21:00:00+00	2026-04-07 23:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
150	hotline_12345	U299	property_fee	property	closed	closed	\N	2026-04-08 23:00:00+00	2026-04-11 03:00:00+00	\N	0101000020E610000017D9CEF753135E400E2DB29DEF074240	2	\N	C1	T1	f
151	hotline_12345	U0	garbage	sanitation	open	\N	\N	2025-01-03 00:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
152	hotline_12345	U2	property_fee	property	closed	closed	\N	2025-01-06 02:00:00+00	2025-01-06 07:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
153	hotline_12345	U4	noise	sanitation	open	\N	\N	2025-01-09 04:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
154	hotline_12345	U6	garbage	sanitation	closed	closed	\N	2025-01-12 06:00:00+00	2025-01-12 15:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
155	hotline_12345	U8	property_fee	property	open	\N	\N	2025-01-15 08:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
156	hotline_12345	U10	noise	sanitation	closed	closed	\N	2025-01-18 10:00:00+00	2025-01-18 23:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
157	hotline_12345	U12	garbage	sanitation	open	\N	\N	2025-01-21 12:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
158	hotline_12345	U14	property_fee	property	closed	closed	\N	2025-01-24 14:00:00+00	2025-01-25 07:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
159	hotline_12345	U16	noise	sanitation	open	\N	\N	2025-01-27 16:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
160	hotline_12345	U18	garbage	sanitation	closed	closed	\N	2025-01-30 18:00:00+00	2025-01-31 15:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
161	hotline_12345	U20	property_fee	property	open	\N	\N	2025-02-02 20:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
162	hotline_12345	U22	noise	sanitation	closed	closed	\N	2025-02-05 22:00:00+00	2025-02-06 23:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
163	hotline_12345	U24	garbage	sanitation	open	\N	\N	2025-02-09 00:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
164	hotline_12345	U26	property_fee	property	closed	closed	\N	2025-02-12 02:00:00+00	2025-02-13 07:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
165	hotline_12345	U28	noise	sanitation	open	\N	\N	2025-02-15 04:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
166	hotline_12345	U30	garbage	sanitation	closed	closed	\N	2025-02-18 06:00:00+00	2025-02-19 15:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
167	hotline_12345	U32	property_fee	property	open	\N	\N	2025-02-21 08:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
168	hotline_12345	U34	noise	sanitation	closed	closed	\N	2025-02-24 10:00:00+00	2025-02-25 23:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
169	hotline_12345	U36	garbage	sanitation	open	\N	\N	2025-02-27 12:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
170	hotline_12345	U38	property_fee	property	closed	closed	\N	2025-03-02 14:00:00+00	2025-03-04 07:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
171	hotline_12345	U40	noise	sanitation	open	\N	\N	2025-03-05 16:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
172	hotline_12345	U42	garbage	sanitation	closed	closed	\N	2025-03-08 18:00:00+00	2025-03-10 15:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
173	hotline_12345	U44	property_fee	property	open	\N	\N	2025-03-11 20:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
174	hotline_12345	U46	noise	sanitation	closed	closed	\N	2025-03-14 22:00:00+00	2025-03-16 23:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
175	hotline_12345	U48	garbage	sanitation	open	\N	\N	2025-03-18 00:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
176	hotline_12345	U50	property_fee	property	closed	closed	\N	2025-03-21 02:00:00+00	2025-03-21 05:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
177	hotline_12345	U52	noise	sanitation	open	\N	\N	2025-03-24 04:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
178	hotline_12345	U54	garbage	sanitation	closed	closed	\N	2025-03-27 06:00:00+00	2025-03-27 13:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
179	hotline_12345	U56	property_fee	property	open	\N	\N	2025-03-30 08:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
180	hotline_12345	U58	noise	sanitation	closed	closed	\N	2025-04-02 10:00:00+00	2025-04-02 21:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
181	hotline_12345	U60	garbage	sanitation	open	\N	\N	2025-04-05 12:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
182	hotline_12345	U62	property_fee	property	closed	closed	\N	2025-04-08 14:00:00+00	2025-04-09 05:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
183	hotline_12345	U64	noise	sanitation	open	\N	\N	2025-04-11 16:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
184	hotline_12345	U66	garbage	sanitation	closed	closed	\N	2025-04-14 18:00:00+00	2025-04-15 13:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
185	hotline_12345	U68	property_fee	property	open	\N	\N	2025-04-17 20:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
186	hotline_12345	U70	noise	sanitation	closed	closed	\N	2025-04-20 22:00:00+00	2025-04-21 21:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
187	hotline_12345	U72	garbage	sanitation	open	\N	\N	2025-04-24 00:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
188	hotline_12345	U74	property_fee	property	closed	closed	\N	2025-04-27 02:00:00+00	2025-04-28 05:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
189	hotline_12345	U76	noise	sanitation	open	\N	\N	2025-04-30 04:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
190	hotline_12345	U78	garbage	sanitation	closed	closed	\N	2025-05-03 06:00:00+00	2025-05-04 13:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
191	hotline_12345	U80	property_fee	property	open	\N	\N	2025-05-06 08:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
192	hotline_12345	U82	noise	sanitation	closed	closed	\N	2025-05-09 10:00:00+00	2025-05-10 21:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
193	hotline_12345	U84	garbage	sanitation	open	\N	\N	2025-05-12 12:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
194	hotline_12345	U86	property_fee	property	closed	closed	\N	2025-05-15 14:00:00+00	2025-05-17 05:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
195	hotline_12345	U88	noise	sanitation	open	\N	\N	2025-05-18 16:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
196	hotline_12345	U90	garbage	sanitation	closed	closed	\N	2025-05-21 18:00:00+00	2025-05-23 13:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
197	hotline_12345	U92	property_fee	property	open	\N	\N	2025-05-24 20:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
198	hotline_12345	U94	noise	sanitation	closed	closed	\N	2025-05-27 22:00:00+00	2025-05-29 21:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
199	hotline_12345	U96	garbage	sanitation	open	\N	\N	2025-05-31 00:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
200	hotline_12345	U98	property_fee	property	closed	closed	\N	2025-06-03 02:00:00+00	2025-06-05 05:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
201	hotline_12345	U100	noise	sanitation	open	\N	\N	2025-06-06 04:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
202	hotline_12345	U102	garbage	sanitation	closed	closed	\N	2025-06-09 06:00:00+00	2025-06-09 11:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
203	hotline_12345	U104	property_fee	property	open	\N	\N	2025-06-12 08:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
204	hotline_12345	U106	noise	sanitation	closed	closed	\N	2025-06-15 10:00:00+00	2025-06-15 19:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
205	hotline_12345	U108	garbage	sanitation	open	\N	\N	2025-06-18 12:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
206	hotline_12345	U110	property_fee	property	closed	closed	\N	2025-06-21 14:00:00+00	2025-06-22 03:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
207	hotline_12345	U112	noise	sanitation	open	\N	\N	2025-06-24 16:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
208	hotline_12345	U114	garbage	sanitation	closed	closed	\N	2025-06-27 18:00:00+00	2025-06-28 11:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
209	hotline_12345	U116	property_fee	property	open	\N	\N	2025-06-30 20:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
210	hotline_12345	U118	noise	sanitation	closed	closed	\N	2025-07-03 22:00:00+00	2025-07-04 19:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
211	hotline_12345	U120	garbage	sanitation	open	\N	\N	2025-07-07 00:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
212	hotline_12345	U122	property_fee	property	closed	closed	\N	2025-07-10 02:00:00+00	2025-07-11 03:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
213	hotline_12345	U124	noise	sanitation	open	\N	\N	2025-07-13 04:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
214	hotline_12345	U126	garbage	sanitation	closed	closed	\N	2025-07-16 06:00:00+00	2025-07-17 11:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
215	hotline_12345	U128	property_fee	property	open	\N	\N	2025-07-19 08:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
216	hotline_12345	U130	noise	sanitation	closed	closed	\N	2025-07-22 10:00:00+00	2025-07-23 19:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
217	hotline_12345	U132	garbage	sanitation	open	\N	\N	2025-07-25 12:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
218	hotline_12345	U134	property_fee	property	closed	closed	\N	2025-07-28 14:00:00+00	2025-07-30 03:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
219	hotline_12345	U136	noise	sanitation	open	\N	\N	2025-07-31 16:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
220	hotline_12345	U138	garbage	sanitation	closed	closed	\N	2025-08-03 18:00:00+00	2025-08-05 11:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
221	hotline_12345	U140	property_fee	property	open	\N	\N	2025-08-06 20:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
222	hotline_12345	U142	noise	sanitation	closed	closed	\N	2025-08-09 22:00:00+00	2025-08-11 19:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
223	hotline_12345	U144	garbage	sanitation	open	\N	\N	2025-08-13 00:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
224	hotline_12345	U146	property_fee	property	closed	closed	\N	2025-08-16 02:00:00+00	2025-08-18 03:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
225	hotline_12345	U148	noise	sanitation	open	\N	\N	2025-08-19 04:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
226	hotline_12345	U150	garbage	sanitation	closed	closed	\N	2025-08-22 06:00:00+00	2025-08-22 09:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
227	hotline_12345	U152	property_fee	property	open	\N	\N	2025-08-25 08:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
228	hotline_12345	U154	noise	sanitation	closed	closed	\N	2025-08-28 10:00:00+00	2025-08-28 17:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
229	hotline_12345	U156	garbage	sanitation	open	\N	\N	2025-08-31 12:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
230	hotline_12345	U158	property_fee	property	closed	closed	\N	2025-09-03 14:00:00+00	2025-09-04 01:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
231	hotline_12345	U160	noise	sanitation	open	\N	\N	2025-09-06 16:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
232	hotline_12345	U162	garbage	sanitation	closed	closed	\N	2025-09-09 18:00:00+00	2025-09-10 09:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
233	hotline_12345	U164	property_fee	property	open	\N	\N	2025-09-12 20:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
234	hotline_12345	U166	noise	sanitation	closed	closed	\N	2025-09-15 22:00:00+00	2025-09-16 17:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
235	hotline_12345	U168	garbage	sanitation	open	\N	\N	2025-09-19 00:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
236	hotline_12345	U170	property_fee	property	closed	closed	\N	2025-09-22 02:00:00+00	2025-09-23 01:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
237	hotline_12345	U172	noise	sanitation	open	\N	\N	2025-09-25 04:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
238	hotline_12345	U174	garbage	sanitation	closed	closed	\N	2025-09-28 06:00:00+00	2025-09-29 09:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
239	hotline_12345	U176	property_fee	property	open	\N	\N	2025-10-01 08:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
240	hotline_12345	U178	noise	sanitation	closed	closed	\N	2025-10-04 10:00:00+00	2025-10-05 17:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
241	hotline_12345	U180	garbage	sanitation	open	\N	\N	2025-10-07 12:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
242	hotline_12345	U182	property_fee	property	closed	closed	\N	2025-10-10 14:00:00+00	2025-10-12 01:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
243	hotline_12345	U184	noise	sanitation	open	\N	\N	2025-10-13 16:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
244	hotline_12345	U186	garbage	sanitation	closed	closed	\N	2025-10-16 18:00:00+00	2025-10-18 09:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
245	hotline_12345	U188	property_fee	property	open	\N	\N	2025-10-19 20:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
246	hotline_12345	U190	noise	sanitation	closed	closed	\N	2025-10-22 22:00:00+00	2025-10-24 17:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
247	hotline_12345	U192	garbage	sanitation	open	\N	\N	2025-10-26 00:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
248	hotline_12345	U194	property_fee	property	closed	closed	\N	2025-10-29 02:00:00+00	2025-10-31 01:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
249	hotline_12345	U196	noise	sanitation	open	\N	\N	2025-11-01 04:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
250	hotline_12345	U198	garbage	sanitation	closed	closed	\N	2025-11-04 06:00:00+00	2025-11-06 09:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
251	hotline_12345	U200	property_fee	property	open	\N	\N	2025-11-07 08:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
252	hotline_12345	U202	noise	sanitation	closed	closed	\N	2025-11-10 10:00:00+00	2025-11-10 15:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
253	hotline_12345	U204	garbage	sanitation	open	\N	\N	2025-11-13 12:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
254	hotline_12345	U206	property_fee	property	closed	closed	\N	2025-11-16 14:00:00+00	2025-11-16 23:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
255	hotline_12345	U208	noise	sanitation	open	\N	\N	2025-11-19 16:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
256	hotline_12345	U210	garbage	sanitation	closed	closed	\N	2025-11-22 18:00:00+00	2025-11-23 07:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
257	hotline_12345	U212	property_fee	property	open	\N	\N	2025-11-25 20:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
258	hotline_12345	U214	noise	sanitation	closed	closed	\N	2025-11-28 22:00:00+00	2025-11-29 15:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
259	hotline_12345	U216	garbage	sanitation	open	\N	\N	2025-12-02 00:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
260	hotline_12345	U218	property_fee	property	closed	closed	\N	2025-12-05 02:00:00+00	2025-12-05 23:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
261	hotline_12345	U220	noise	sanitation	open	\N	\N	2025-12-08 04:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
262	hotline_12345	U222	garbage	sanitation	closed	closed	\N	2025-12-11 06:00:00+00	2025-12-12 07:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
263	hotline_12345	U224	property_fee	property	open	\N	\N	2025-12-14 08:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
264	hotline_12345	U226	noise	sanitation	closed	closed	\N	2025-12-17 10:00:00+00	2025-12-18 15:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
265	hotline_12345	U228	garbage	sanitation	open	\N	\N	2025-12-20 12:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
266	hotline_12345	U230	property_fee	property	closed	closed	\N	2025-12-23 14:00:00+00	2025-12-24 23:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
267	hotline_12345	U232	noise	sanitation	open	\N	\N	2025-12-26 16:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
268	hotline_12345	U234	garbage	sanitation	closed	closed	\N	2025-12-29 18:00:00+00	2025-12-31 07:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
269	hotline_12345	U236	property_fee	property	open	\N	\N	2026-01-01 20:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
270	hotline_12345	U238	noise	sanitation	closed	closed	\N	2026-01-04 22:00:00+00	2026-01-06 15:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
271	hotline_12345	U240	garbage	sanitation	open	\N	\N	2026-01-08 00:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
272	hotline_12345	U242	property_fee	property	closed	closed	\N	2026-01-11 02:00:00+00	2026-01-12 23:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
273	hotline_12345	U244	noise	sanitation	open	\N	\N	2026-01-14 04:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
274	hotline_12345	U246	garbage	sanitation	closed	closed	\N	2026-01-17 06:00:00+00	2026-01-19 07:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
275	hotline_12345	U248	property_fee	property	open	\N	\N	2026-01-20 08:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
276	hotline_12345	U250	noise	sanitation	closed	closed	\N	2026-01-23 10:00:00+00	2026-01-23 13:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
277	hotline_12345	U252	garbage	sanitation	open	\N	\N	2026-01-26 12:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
278	hotline_12345	U254	property_fee	property	closed	closed	\N	2026-01-29 14:00:00+00	2026-01-29 21:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
279	hotline_12345	U256	noise	sanitation	open	\N	\N	2026-02-01 16:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
280	hotline_12345	U258	garbage	sanitation	closed	closed	\N	2026-02-04 18:00:00+00	2026-02-05 05:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
281	hotline_12345	U260	property_fee	property	open	\N	\N	2026-02-07 20:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
282	hotline_12345	U262	noise	sanitation	closed	closed	\N	2026-02-10 22:00:00+00	2026-02-11 13:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
283	hotline_12345	U264	garbage	sanitation	open	\N	\N	2026-02-14 00:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
284	hotline_12345	U266	property_fee	property	closed	closed	\N	2026-02-17 02:00:00+00	2026-02-17 21:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
285	hotline_12345	U268	noise	sanitation	open	\N	\N	2026-02-20 04:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
286	hotline_12345	U270	garbage	sanitation	closed	closed	\N	2026-02-23 06:00:00+00	2026-02-24 05:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
287	hotline_12345	U272	property_fee	property	open	\N	\N	2026-02-26 08:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
288	hotline_12345	U274	noise	sanitation	closed	closed	\N	2026-03-01 10:00:00+00	2026-03-02 13:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
289	hotline_12345	U276	garbage	sanitation	open	\N	\N	2026-03-04 12:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
290	hotline_12345	U278	property_fee	property	closed	closed	\N	2026-03-07 14:00:00+00	2026-03-08 21:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
291	hotline_12345	U280	noise	sanitation	open	\N	\N	2026-03-10 16:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
292	hotline_12345	U282	garbage	sanitation	closed	closed	\N	2026-03-13 18:00:00+00	2026-03-15 05:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
293	hotline_12345	U284	property_fee	property	open	\N	\N	2026-03-16 20:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
294	hotline_12345	U286	noise	sanitation	closed	closed	\N	2026-03-19 22:00:00+00	2026-03-21 13:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
295	hotline_12345	U288	garbage	sanitation	open	\N	\N	2026-03-23 00:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
296	hotline_12345	U290	property_fee	property	closed	closed	\N	2026-03-26 02:00:00+00	2026-03-27 21:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
297	hotline_12345	U292	noise	sanitation	open	\N	\N	2026-03-29 04:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
298	hotline_12345	U294	garbage	sanitation	closed	closed	\N	2026-04-01 06:00:00+00	2026-04-03 05:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
299	hotline_12345	U296	property_fee	property	open	\N	\N	2026-04-04 08:00:00+00	\N	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
300	hotline_12345	U298	noise	sanitation	closed	closed	\N	2026-04-07 10:00:00+00	2026-04-09 13:00:00+00	\N	0101000020E6100000F2D24D6210145E40FED478E926094240	3	\N	C2	T1	f
\.


--
-- Data for Name: change_log; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.change_log (id, batch, at, user_name, street_code, community_code, table_name, row_id, site_id, action, before, after, undone) FROM stdin;
\.


--
-- Data for Name: communities; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.communities (code, name, name_en, street_code, geom) FROM stdin;
C1	西社区	\N	T1	0106000020E610000001000000010300000001000000050000003333333333135E4048E17A14AE074240A4703D0AD7135E4048E17A14AE074240A4703D0AD7135E400AD7A3703D0A42403333333333135E400AD7A3703D0A42403333333333135E4048E17A14AE074240
C2	东社区	\N	T1	0106000020E61000000100000001030000000100000005000000A4703D0AD7135E4048E17A14AE07424014AE47E17A145E4048E17A14AE07424014AE47E17A145E400AD7A3703D0A4240A4703D0AD7135E400AD7A3703D0A4240A4703D0AD7135E4048E17A14AE074240
\.


--
-- Data for Name: district; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.district (code, name, name_en, timezone, geom) FROM stdin;
D1	小区县	\N	Asia/Shanghai	0106000020E610000001000000010300000001000000050000003333333333135E4048E17A14AE07424014AE47E17A145E4048E17A14AE07424014AE47E17A145E400AD7A3703D0A42403333333333135E400AD7A3703D0A42403333333333135E4048E17A14AE074240
\.


--
-- Data for Name: grids; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.grids (code, name, community_code, street_code, geom) FROM stdin;
\.


--
-- Data for Name: management; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.management (id, site_id, street_code, community_code, mode, provider, party_led, valid_from, valid_to) FROM stdin;
\.


--
-- Data for Name: people; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.people (id, external_id, name, role, title, street_code, community_code, phone) FROM stdin;
\.


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.schema_migrations (version, applied_at) FROM stdin;
0001_schema	2026-12-01 03:13:18.351514+00
0002_case_month	2026-12-01 03:13:18.351514+00
0003_case_cells	2026-12-01 03:13:18.351514+00
0004_security	2026-12-01 03:13:18.351514+00
0005_change_log	2026-12-01 03:13:18.351514+00
0006_case_cube_upkeep	2026-12-01 03:13:18.351514+00
0007_cheaper_case_upkeep	2026-12-01 03:13:18.351514+00
0008_case_cubes_by_level	2026-12-01 03:13:18.351514+00
0009_district_cubes	2026-12-01 03:13:18.351514+00
\.


--
-- Data for Name: settings; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.settings (key, value) FROM stdin;
\.


--
-- Data for Name: sites; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sites (id, external_id, name, kind, community_code, street_code, grid_code, households, buildings, built_year, owners_committee, owners_committee_party, party_org, demonstration, address, geom) FROM stdin;
1	S2	S2院	compound	C1	T1	\N	300	\N	\N	f	f	f	f	\N	0106000020E61000000100000001030000000100000005000000EC51B81E85135E402B8716D9CE074240C1CAA145B6135E402B8716D9CE074240C1CAA145B6135E40D578E92631084240EC51B81E85135E40D578E92631084240EC51B81E85135E402B8716D9CE074240
2	S1	S1院	open_courtyard	C1	T1	\N	120	\N	\N	f	f	f	f	\N	0106000020E610000001000000010300000001000000050000002506819543135E402B8716D9CE074240FA7E6ABC74135E402B8716D9CE074240FA7E6ABC74135E40D578E926310842402506819543135E40D578E926310842402506819543135E402B8716D9CE074240
3	S3	S3院	open_courtyard	C2	T1	\N	80	\N	\N	f	f	f	f	\N	0106000020E610000001000000010300000001000000050000008716D9CEF7135E40295C8FC2F50842405C8FC2F528145E40295C8FC2F50842405C8FC2F528145E40D34D6210580942408716D9CEF7135E40D34D6210580942408716D9CEF7135E40295C8FC2F5084240
\.


--
-- Data for Name: spatial_ref_sys; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) FROM stdin;
\.


--
-- Data for Name: streets; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.streets (code, name, name_en, district_code, geom) FROM stdin;
T1	一街道	\N	D1	0106000020E610000001000000010300000001000000050000003333333333135E4048E17A14AE07424014AE47E17A145E4048E17A14AE07424014AE47E17A145E400AD7A3703D0A42403333333333135E400AD7A3703D0A42403333333333135E4048E17A14AE074240
\.


--
-- Name: assignments_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.assignments_id_seq', 1, false);


--
-- Name: audit_log_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_log_id_seq', 5, true);


--
-- Name: cases_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.cases_id_seq', 300, true);


--
-- Name: change_log_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.change_log_id_seq', 1, false);


--
-- Name: management_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.management_id_seq', 1, false);


--
-- Name: people_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.people_id_seq', 1, false);


--
-- Name: sites_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sites_id_seq', 3, true);


--
-- Name: app_users app_users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_users
    ADD CONSTRAINT app_users_pkey PRIMARY KEY (name);


--
-- Name: assignments assignments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assignments
    ADD CONSTRAINT assignments_pkey PRIMARY KEY (id);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: case_categories case_categories_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_categories
    ADD CONSTRAINT case_categories_pkey PRIMARY KEY (code);


--
-- Name: case_cell_month_level case_cell_month_level_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_cell_month_level
    ADD CONSTRAINT case_cell_month_level_pkey PRIMARY KEY (community_code, month, cx, cy, status, escalation);


--
-- Name: case_cell_month case_cell_month_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_cell_month
    ADD CONSTRAINT case_cell_month_pkey PRIMARY KEY (month, street_code, community_code, cx, cy, category_l1, source_code, status, escalation);


--
-- Name: case_district_cell_day case_district_cell_day_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_district_cell_day
    ADD CONSTRAINT case_district_cell_day_pkey PRIMARY KEY (day, cx, cy, status, escalation);

ALTER TABLE public.case_district_cell_day CLUSTER ON case_district_cell_day_pkey;


--
-- Name: case_district_code_hours case_district_code_hours_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_district_code_hours
    ADD CONSTRAINT case_district_code_hours_pkey PRIMARY KEY (category_l1, source_code, month, category_code, escalation, hours);

ALTER TABLE public.case_district_code_hours CLUSTER ON case_district_code_hours_pkey;


--
-- Name: case_district_day_hours case_district_day_hours_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_district_day_hours
    ADD CONSTRAINT case_district_day_hours_pkey PRIMARY KEY (day, escalation, hours);

ALTER TABLE public.case_district_day_hours CLUSTER ON case_district_day_hours_pkey;


--
-- Name: case_district_day case_district_day_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_district_day
    ADD CONSTRAINT case_district_day_pkey PRIMARY KEY (day, category_code, source_code, status, escalation);

ALTER TABLE public.case_district_day CLUSTER ON case_district_day_pkey;


--
-- Name: case_district_hours case_district_hours_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_district_hours
    ADD CONSTRAINT case_district_hours_pkey PRIMARY KEY (month, escalation, hours);


--
-- Name: case_district_month case_district_month_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_district_month
    ADD CONSTRAINT case_district_month_pkey PRIMARY KEY (month, category_code, source_code, status, escalation);


--
-- Name: case_month_hours case_month_hours_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_month_hours
    ADD CONSTRAINT case_month_hours_pkey PRIMARY KEY (community_code, month, escalation, hours);


--
-- Name: case_month case_month_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_month
    ADD CONSTRAINT case_month_pkey PRIMARY KEY (community_code, month, category_code, source_code, status, escalation);


--
-- Name: case_personal case_personal_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_personal
    ADD CONSTRAINT case_personal_pkey PRIMARY KEY (case_id);


--
-- Name: case_site_code_month case_site_code_month_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_site_code_month
    ADD CONSTRAINT case_site_code_month_pkey PRIMARY KEY (community_code, month, site_id, category_l1, source_code, status, escalation);


--
-- Name: case_site_month case_site_month_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_site_month
    ADD CONSTRAINT case_site_month_pkey PRIMARY KEY (community_code, month, site_id, status, escalation);


--
-- Name: case_sources case_sources_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_sources
    ADD CONSTRAINT case_sources_pkey PRIMARY KEY (code);


--
-- Name: cases cases_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cases
    ADD CONSTRAINT cases_pkey PRIMARY KEY (id);


--
-- Name: cases cases_source_code_external_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cases
    ADD CONSTRAINT cases_source_code_external_id_key UNIQUE (source_code, external_id);


--
-- Name: change_log change_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_log
    ADD CONSTRAINT change_log_pkey PRIMARY KEY (id);


--
-- Name: communities communities_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.communities
    ADD CONSTRAINT communities_pkey PRIMARY KEY (code);


--
-- Name: district district_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.district
    ADD CONSTRAINT district_pkey PRIMARY KEY (code);


--
-- Name: grids grids_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grids
    ADD CONSTRAINT grids_pkey PRIMARY KEY (code);


--
-- Name: management management_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.management
    ADD CONSTRAINT management_pkey PRIMARY KEY (id);


--
-- Name: management management_site_id_daterange_excl; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.management
    ADD CONSTRAINT management_site_id_daterange_excl EXCLUDE USING gist (site_id WITH =, daterange(valid_from, valid_to) WITH &&) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: management management_site_id_valid_from_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.management
    ADD CONSTRAINT management_site_id_valid_from_key UNIQUE (site_id, valid_from);


--
-- Name: people people_external_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_external_id_key UNIQUE (external_id);


--
-- Name: people people_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: settings settings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (key);


--
-- Name: sites sites_external_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sites
    ADD CONSTRAINT sites_external_id_key UNIQUE (external_id);


--
-- Name: sites sites_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sites
    ADD CONSTRAINT sites_pkey PRIMARY KEY (id);


--
-- Name: streets streets_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.streets
    ADD CONSTRAINT streets_pkey PRIMARY KEY (code);


--
-- Name: assignments_community_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assignments_community_idx ON public.assignments USING btree (community_code);


--
-- Name: assignments_key_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX assignments_key_idx ON public.assignments USING btree (person_id, target_kind, community_code, COALESCE(site_id, (0)::bigint), COALESCE(grid_code, ''::text), valid_from);


--
-- Name: assignments_site_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assignments_site_idx ON public.assignments USING btree (site_id);


--
-- Name: audit_log_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_at_idx ON public.audit_log USING btree (at);


--
-- Name: case_cell_month_codes_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_cell_month_codes_idx ON public.case_cell_month USING btree (category_l1, source_code, month);

ALTER TABLE public.case_cell_month CLUSTER ON case_cell_month_codes_idx;


--
-- Name: case_cell_month_level_month_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_cell_month_level_month_idx ON public.case_cell_month_level USING btree (month);


--
-- Name: case_cell_month_street_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_cell_month_street_idx ON public.case_cell_month USING btree (street_code, month);


--
-- Name: case_month_hours_street_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_month_hours_street_idx ON public.case_month_hours USING btree (street_code, month);


--
-- Name: case_month_month_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_month_month_idx ON public.case_month USING btree (month);


--
-- Name: case_month_street_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_month_street_idx ON public.case_month USING btree (street_code, month);


--
-- Name: case_site_code_month_codes_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_site_code_month_codes_idx ON public.case_site_code_month USING btree (category_l1, source_code, month);

ALTER TABLE public.case_site_code_month CLUSTER ON case_site_code_month_codes_idx;


--
-- Name: cases_community_cover_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cases_community_cover_idx ON public.cases USING btree (community_code, reported_at) INCLUDE (geom, category_code, category_l1, source_code, status, escalation, site_id, closed_at);


--
-- Name: cases_site_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cases_site_idx ON public.cases USING btree (site_id, reported_at);


--
-- Name: cases_time_brin; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cases_time_brin ON public.cases USING brin (reported_at);


--
-- Name: change_log_site_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX change_log_site_idx ON public.change_log USING btree (site_id, at);


--
-- Name: change_log_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX change_log_user_idx ON public.change_log USING btree (user_name, at);


--
-- Name: communities_geom_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX communities_geom_idx ON public.communities USING gist (geom);


--
-- Name: communities_street_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX communities_street_idx ON public.communities USING btree (street_code);


--
-- Name: grids_community_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX grids_community_idx ON public.grids USING btree (community_code);


--
-- Name: grids_geom_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX grids_geom_idx ON public.grids USING gist (geom);


--
-- Name: management_community_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX management_community_idx ON public.management USING btree (community_code, valid_from);


--
-- Name: management_site_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX management_site_idx ON public.management USING btree (site_id, valid_from);


--
-- Name: sites_community_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sites_community_idx ON public.sites USING btree (community_code, kind);


--
-- Name: sites_geom_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sites_geom_idx ON public.sites USING gist (geom);


--
-- Name: sites_street_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sites_street_idx ON public.sites USING btree (street_code);


--
-- Name: streets_geom_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX streets_geom_idx ON public.streets USING gist (geom);


--
-- Name: cases_hours_to_close; Type: STATISTICS; Schema: public; Owner: -
--

CREATE STATISTICS public.cases_hours_to_close ON (floor(date_part('epoch'::text, closed_at - reported_at) / 3600::double precision)::integer) FROM public.cases;


--
-- Name: case_personal case_personal_case_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER case_personal_case_on_insert AFTER INSERT ON public.case_personal REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.case_personal_check_case();


--
-- Name: case_personal case_personal_case_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER case_personal_case_on_update AFTER UPDATE ON public.case_personal REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.case_personal_check_case();


--
-- Name: cases cases_month_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER cases_month_on_delete AFTER DELETE ON public.cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.case_month_on_change();


--
-- Name: cases cases_month_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER cases_month_on_insert AFTER INSERT ON public.cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.case_month_on_change();


--
-- Name: cases cases_month_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER cases_month_on_truncate AFTER TRUNCATE ON public.cases FOR EACH STATEMENT EXECUTE FUNCTION public.case_month_on_truncate();


--
-- Name: cases cases_month_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER cases_month_on_update AFTER UPDATE ON public.cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.case_month_on_change();


--
-- Name: cases cases_personal_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER cases_personal_on_delete AFTER DELETE ON public.cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.cases_delete_personal();


--
-- Name: cases cases_personal_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER cases_personal_on_truncate AFTER TRUNCATE ON public.cases FOR EACH STATEMENT EXECUTE FUNCTION public.cases_delete_personal();


--
-- Name: cases cases_references_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER cases_references_on_insert AFTER INSERT ON public.cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.cases_check_references();


--
-- Name: cases cases_references_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER cases_references_on_update AFTER UPDATE ON public.cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.cases_check_references();


--
-- Name: case_categories categories_restrict_cases; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER categories_restrict_cases AFTER DELETE ON public.case_categories REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.cases_restrict_delete('category_code');


--
-- Name: communities communities_restrict_cases; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER communities_restrict_cases AFTER DELETE ON public.communities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.cases_restrict_delete('community_code');


--
-- Name: grids grids_clear_cases; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER grids_clear_cases AFTER DELETE ON public.grids REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.cases_clear_deleted_place();


--
-- Name: sites sites_clear_cases; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER sites_clear_cases AFTER DELETE ON public.sites REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.cases_clear_deleted_place();


--
-- Name: case_sources sources_restrict_cases; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER sources_restrict_cases AFTER DELETE ON public.case_sources REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.cases_restrict_delete('source_code');


--
-- Name: assignments assignments_community_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assignments
    ADD CONSTRAINT assignments_community_code_fkey FOREIGN KEY (community_code) REFERENCES public.communities(code);


--
-- Name: assignments assignments_grid_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assignments
    ADD CONSTRAINT assignments_grid_code_fkey FOREIGN KEY (grid_code) REFERENCES public.grids(code);


--
-- Name: assignments assignments_person_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assignments
    ADD CONSTRAINT assignments_person_id_fkey FOREIGN KEY (person_id) REFERENCES public.people(id) ON DELETE CASCADE;


--
-- Name: assignments assignments_site_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assignments
    ADD CONSTRAINT assignments_site_id_fkey FOREIGN KEY (site_id) REFERENCES public.sites(id) ON DELETE CASCADE;


--
-- Name: assignments assignments_street_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assignments
    ADD CONSTRAINT assignments_street_code_fkey FOREIGN KEY (street_code) REFERENCES public.streets(code);


--
-- Name: case_categories case_categories_parent_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_categories
    ADD CONSTRAINT case_categories_parent_code_fkey FOREIGN KEY (parent_code) REFERENCES public.case_categories(code);


--
-- Name: communities communities_street_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.communities
    ADD CONSTRAINT communities_street_code_fkey FOREIGN KEY (street_code) REFERENCES public.streets(code);


--
-- Name: grids grids_community_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grids
    ADD CONSTRAINT grids_community_code_fkey FOREIGN KEY (community_code) REFERENCES public.communities(code);


--
-- Name: grids grids_street_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grids
    ADD CONSTRAINT grids_street_code_fkey FOREIGN KEY (street_code) REFERENCES public.streets(code);


--
-- Name: management management_community_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.management
    ADD CONSTRAINT management_community_code_fkey FOREIGN KEY (community_code) REFERENCES public.communities(code);


--
-- Name: management management_site_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.management
    ADD CONSTRAINT management_site_id_fkey FOREIGN KEY (site_id) REFERENCES public.sites(id) ON DELETE CASCADE;


--
-- Name: management management_street_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.management
    ADD CONSTRAINT management_street_code_fkey FOREIGN KEY (street_code) REFERENCES public.streets(code);


--
-- Name: people people_community_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_community_code_fkey FOREIGN KEY (community_code) REFERENCES public.communities(code);


--
-- Name: people people_street_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_street_code_fkey FOREIGN KEY (street_code) REFERENCES public.streets(code);


--
-- Name: sites sites_community_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sites
    ADD CONSTRAINT sites_community_code_fkey FOREIGN KEY (community_code) REFERENCES public.communities(code);


--
-- Name: sites sites_grid_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sites
    ADD CONSTRAINT sites_grid_code_fkey FOREIGN KEY (grid_code) REFERENCES public.grids(code);


--
-- Name: sites sites_street_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sites
    ADD CONSTRAINT sites_street_code_fkey FOREIGN KEY (street_code) REFERENCES public.streets(code);


--
-- Name: streets streets_district_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.streets
    ADD CONSTRAINT streets_district_code_fkey FOREIGN KEY (district_code) REFERENCES public.district(code);


--
-- Name: assignments; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.assignments ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_log audit_append; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY audit_append ON public.audit_log FOR INSERT TO atlas_user WITH CHECK (true);


--
-- Name: audit_log; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_log audit_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY audit_read ON public.audit_log FOR SELECT TO atlas_user USING ((public.atlas_role() = 'admin'::text));


--
-- Name: case_cell_month; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_cell_month ENABLE ROW LEVEL SECURITY;

--
-- Name: case_cell_month_level; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_cell_month_level ENABLE ROW LEVEL SECURITY;

--
-- Name: case_district_cell_day; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_district_cell_day ENABLE ROW LEVEL SECURITY;

--
-- Name: case_district_code_hours; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_district_code_hours ENABLE ROW LEVEL SECURITY;

--
-- Name: case_district_day; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_district_day ENABLE ROW LEVEL SECURITY;

--
-- Name: case_district_day_hours; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_district_day_hours ENABLE ROW LEVEL SECURITY;

--
-- Name: case_district_hours; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_district_hours ENABLE ROW LEVEL SECURITY;

--
-- Name: case_district_month; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_district_month ENABLE ROW LEVEL SECURITY;

--
-- Name: case_month; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_month ENABLE ROW LEVEL SECURITY;

--
-- Name: case_month_hours; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_month_hours ENABLE ROW LEVEL SECURITY;

--
-- Name: case_personal; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_personal ENABLE ROW LEVEL SECURITY;

--
-- Name: case_site_code_month; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_site_code_month ENABLE ROW LEVEL SECURITY;

--
-- Name: case_site_month; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_site_month ENABLE ROW LEVEL SECURITY;

--
-- Name: cases; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.cases ENABLE ROW LEVEL SECURITY;

--
-- Name: change_log; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.change_log ENABLE ROW LEVEL SECURITY;

--
-- Name: communities; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.communities ENABLE ROW LEVEL SECURITY;

--
-- Name: grids; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.grids ENABLE ROW LEVEL SECURITY;

--
-- Name: management; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.management ENABLE ROW LEVEL SECURITY;

--
-- Name: assignments owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.assignments TO postgres USING (true) WITH CHECK (true);


--
-- Name: audit_log owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.audit_log TO postgres USING (true) WITH CHECK (true);


--
-- Name: case_cell_month owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.case_cell_month TO postgres USING (true) WITH CHECK (true);


--
-- Name: case_cell_month_level owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.case_cell_month_level TO postgres USING (true) WITH CHECK (true);


--
-- Name: case_district_cell_day owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.case_district_cell_day TO postgres USING (true) WITH CHECK (true);


--
-- Name: case_district_code_hours owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.case_district_code_hours TO postgres USING (true) WITH CHECK (true);


--
-- Name: case_district_day owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.case_district_day TO postgres USING (true) WITH CHECK (true);


--
-- Name: case_district_day_hours owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.case_district_day_hours TO postgres USING (true) WITH CHECK (true);


--
-- Name: case_district_hours owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.case_district_hours TO postgres USING (true) WITH CHECK (true);


--
-- Name: case_district_month owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.case_district_month TO postgres USING (true) WITH CHECK (true);


--
-- Name: case_month owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.case_month TO postgres USING (true) WITH CHECK (true);


--
-- Name: case_month_hours owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.case_month_hours TO postgres USING (true) WITH CHECK (true);


--
-- Name: case_personal owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.case_personal TO postgres USING (true) WITH CHECK (true);


--
-- Name: case_site_code_month owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.case_site_code_month TO postgres USING (true) WITH CHECK (true);


--
-- Name: case_site_month owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.case_site_month TO postgres USING (true) WITH CHECK (true);


--
-- Name: cases owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.cases TO postgres USING (true) WITH CHECK (true);


--
-- Name: change_log owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.change_log TO postgres USING (true) WITH CHECK (true);


--
-- Name: communities owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.communities TO postgres USING (true) WITH CHECK (true);


--
-- Name: grids owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.grids TO postgres USING (true) WITH CHECK (true);


--
-- Name: management owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.management TO postgres USING (true) WITH CHECK (true);


--
-- Name: people owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.people TO postgres USING (true) WITH CHECK (true);


--
-- Name: sites owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.sites TO postgres USING (true) WITH CHECK (true);


--
-- Name: streets owner_all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY owner_all ON public.streets TO postgres USING (true) WITH CHECK (true);


--
-- Name: people; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.people ENABLE ROW LEVEL SECURITY;

--
-- Name: case_personal personal_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY personal_read ON public.case_personal FOR SELECT TO atlas_user USING (((public.atlas_role() = 'admin'::text) OR ((public.atlas_role() = 'district'::text) AND (COALESCE(current_setting('atlas.personal_data'::text, true), ''::text) = 'on'::text))));


--
-- Name: case_personal personal_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY personal_write ON public.case_personal TO atlas_user USING ((public.atlas_role() = 'admin'::text)) WITH CHECK ((public.atlas_role() = 'admin'::text));


--
-- Name: assignments scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.assignments FOR SELECT TO atlas_user USING (public.atlas_sees(street_code, community_code));


--
-- Name: case_cell_month scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.case_cell_month FOR SELECT TO atlas_user USING (public.atlas_sees(street_code, community_code));


--
-- Name: case_cell_month_level scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.case_cell_month_level FOR SELECT TO atlas_user USING (public.atlas_sees(street_code, community_code));


--
-- Name: case_district_cell_day scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.case_district_cell_day FOR SELECT TO atlas_user USING (public.atlas_sees_district());


--
-- Name: case_district_code_hours scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.case_district_code_hours FOR SELECT TO atlas_user USING (public.atlas_sees_district());


--
-- Name: case_district_day scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.case_district_day FOR SELECT TO atlas_user USING (public.atlas_sees_district());


--
-- Name: case_district_day_hours scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.case_district_day_hours FOR SELECT TO atlas_user USING (public.atlas_sees_district());


--
-- Name: case_district_hours scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.case_district_hours FOR SELECT TO atlas_user USING (public.atlas_sees_district());


--
-- Name: case_district_month scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.case_district_month FOR SELECT TO atlas_user USING (public.atlas_sees_district());


--
-- Name: case_month scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.case_month FOR SELECT TO atlas_user USING (public.atlas_sees(street_code, community_code));


--
-- Name: case_month_hours scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.case_month_hours FOR SELECT TO atlas_user USING (public.atlas_sees(street_code, community_code));


--
-- Name: case_site_code_month scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.case_site_code_month FOR SELECT TO atlas_user USING (public.atlas_sees(street_code, community_code));


--
-- Name: case_site_month scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.case_site_month FOR SELECT TO atlas_user USING (public.atlas_sees(street_code, community_code));


--
-- Name: cases scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.cases FOR SELECT TO atlas_user USING (public.atlas_sees(street_code, community_code));


--
-- Name: change_log scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.change_log FOR SELECT TO atlas_user USING (public.atlas_sees(street_code, community_code));


--
-- Name: communities scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.communities FOR SELECT TO atlas_user USING (public.atlas_sees(street_code, code));


--
-- Name: grids scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.grids FOR SELECT TO atlas_user USING (public.atlas_sees(street_code, community_code));


--
-- Name: management scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.management FOR SELECT TO atlas_user USING (public.atlas_sees(street_code, community_code));


--
-- Name: people scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.people FOR SELECT TO atlas_user USING (((street_code IS NULL) OR public.atlas_sees(street_code, COALESCE(community_code, ''::text))));


--
-- Name: sites scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.sites FOR SELECT TO atlas_user USING (public.atlas_sees(street_code, community_code));


--
-- Name: streets scope_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_read ON public.streets FOR SELECT TO atlas_user USING (public.atlas_sees(code, ( SELECT c.code
   FROM public.communities c
  WHERE ((c.street_code = streets.code) AND (c.code = public.atlas_scope())))));


--
-- Name: assignments scope_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_write ON public.assignments TO atlas_user USING (public.atlas_edits(street_code, community_code)) WITH CHECK (public.atlas_edits(street_code, community_code));


--
-- Name: case_cell_month scope_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_write ON public.case_cell_month TO atlas_user USING (public.atlas_edits(street_code, community_code)) WITH CHECK (public.atlas_edits(street_code, community_code));


--
-- Name: case_cell_month_level scope_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_write ON public.case_cell_month_level TO atlas_user USING (public.atlas_edits(street_code, community_code)) WITH CHECK (public.atlas_edits(street_code, community_code));


--
-- Name: case_month scope_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_write ON public.case_month TO atlas_user USING (public.atlas_edits(street_code, community_code)) WITH CHECK (public.atlas_edits(street_code, community_code));


--
-- Name: case_month_hours scope_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_write ON public.case_month_hours TO atlas_user USING (public.atlas_edits(street_code, community_code)) WITH CHECK (public.atlas_edits(street_code, community_code));


--
-- Name: case_site_month scope_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_write ON public.case_site_month TO atlas_user USING (public.atlas_edits(street_code, community_code)) WITH CHECK (public.atlas_edits(street_code, community_code));


--
-- Name: cases scope_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_write ON public.cases TO atlas_user USING (public.atlas_edits(street_code, community_code)) WITH CHECK (public.atlas_edits(street_code, community_code));


--
-- Name: change_log scope_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_write ON public.change_log TO atlas_user USING (public.atlas_edits(street_code, community_code)) WITH CHECK (public.atlas_edits(street_code, community_code));


--
-- Name: communities scope_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_write ON public.communities TO atlas_user USING (public.atlas_edits(street_code, code)) WITH CHECK (public.atlas_edits(street_code, code));


--
-- Name: grids scope_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_write ON public.grids TO atlas_user USING (public.atlas_edits(street_code, community_code)) WITH CHECK (public.atlas_edits(street_code, community_code));


--
-- Name: management scope_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_write ON public.management TO atlas_user USING (public.atlas_edits(street_code, community_code)) WITH CHECK (public.atlas_edits(street_code, community_code));


--
-- Name: people scope_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_write ON public.people TO atlas_user USING (public.atlas_edits(COALESCE(street_code, ''::text), COALESCE(community_code, ''::text))) WITH CHECK (public.atlas_edits(COALESCE(street_code, ''::text), COALESCE(community_code, ''::text)));


--
-- Name: sites scope_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_write ON public.sites TO atlas_user USING (public.atlas_edits(street_code, community_code)) WITH CHECK (public.atlas_edits(street_code, community_code));


--
-- Name: streets scope_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY scope_write ON public.streets TO atlas_user USING (public.atlas_edits(code, NULL::text)) WITH CHECK (public.atlas_edits(code, NULL::text));


--
-- Name: sites; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.sites ENABLE ROW LEVEL SECURITY;

--
-- Name: streets; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.streets ENABLE ROW LEVEL SECURITY;

--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA public TO atlas_user;


--
-- Name: TABLE assignments; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.assignments TO atlas_user;


--
-- Name: SEQUENCE assignments_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.assignments_id_seq TO atlas_user;


--
-- Name: TABLE audit_log; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.audit_log TO atlas_user;


--
-- Name: SEQUENCE audit_log_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.audit_log_id_seq TO atlas_user;


--
-- Name: TABLE case_categories; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.case_categories TO atlas_user;


--
-- Name: TABLE case_cell_month; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.case_cell_month TO atlas_user;


--
-- Name: TABLE case_cell_month_level; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.case_cell_month_level TO atlas_user;


--
-- Name: TABLE case_district_cell_day; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.case_district_cell_day TO atlas_user;


--
-- Name: TABLE case_district_code_hours; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.case_district_code_hours TO atlas_user;


--
-- Name: TABLE case_district_day; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.case_district_day TO atlas_user;


--
-- Name: TABLE case_district_day_hours; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.case_district_day_hours TO atlas_user;


--
-- Name: TABLE case_district_hours; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.case_district_hours TO atlas_user;


--
-- Name: TABLE case_district_month; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.case_district_month TO atlas_user;


--
-- Name: TABLE case_month; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.case_month TO atlas_user;


--
-- Name: TABLE case_month_hours; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.case_month_hours TO atlas_user;


--
-- Name: TABLE case_personal; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.case_personal TO atlas_user;


--
-- Name: TABLE case_site_code_month; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.case_site_code_month TO atlas_user;


--
-- Name: TABLE case_site_month; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.case_site_month TO atlas_user;


--
-- Name: TABLE case_sources; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.case_sources TO atlas_user;


--
-- Name: TABLE cases; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.cases TO atlas_user;


--
-- Name: SEQUENCE cases_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.cases_id_seq TO atlas_user;


--
-- Name: TABLE change_log; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.change_log TO atlas_user;


--
-- Name: SEQUENCE change_log_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.change_log_id_seq TO atlas_user;


--
-- Name: TABLE communities; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.communities TO atlas_user;


--
-- Name: TABLE district; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.district TO atlas_user;


--
-- Name: TABLE geography_columns; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.geography_columns TO atlas_user;


--
-- Name: TABLE geometry_columns; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.geometry_columns TO atlas_user;


--
-- Name: TABLE grids; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.grids TO atlas_user;


--
-- Name: TABLE management; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.management TO atlas_user;


--
-- Name: SEQUENCE management_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.management_id_seq TO atlas_user;


--
-- Name: TABLE people; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.people TO atlas_user;


--
-- Name: SEQUENCE people_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.people_id_seq TO atlas_user;


--
-- Name: TABLE settings; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.settings TO atlas_user;


--
-- Name: TABLE sites; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sites TO atlas_user;


--
-- Name: SEQUENCE sites_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.sites_id_seq TO atlas_user;


--
-- Name: TABLE spatial_ref_sys; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.spatial_ref_sys TO atlas_user;


--
-- Name: TABLE streets; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.streets TO atlas_user;


--
-- PostgreSQL database dump complete
--

\unrestrict EcaiSHMLpKv8cf4KqwEl0S0RcyrotuHzvpWZsuMXEctjmgerGNzKrS4uWRy86sr

