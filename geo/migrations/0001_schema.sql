-- Grassroots Atlas schema. Every table holding a street's or a community's data carries
-- street_code: the row-security key and the shard key a distributed PostgreSQL would use.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE district (
    code     text PRIMARY KEY,
    name     text NOT NULL,
    name_en  text,
    timezone text NOT NULL DEFAULT 'Asia/Shanghai',
    geom     geometry(MultiPolygon, 4326)
             CHECK (geom IS NULL OR (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)))
);

CREATE TABLE streets (
    code          text PRIMARY KEY,
    name          text NOT NULL,
    name_en       text,
    district_code text NOT NULL REFERENCES district (code),
    geom          geometry(MultiPolygon, 4326) NOT NULL
                  CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom))
);
CREATE INDEX streets_geom_idx ON streets USING gist (geom);

CREATE TABLE communities (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    name_en     text,
    street_code text NOT NULL REFERENCES streets (code),
    geom        geometry(MultiPolygon, 4326) NOT NULL
                CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom))
);
CREATE INDEX communities_geom_idx ON communities USING gist (geom);
CREATE INDEX communities_street_idx ON communities (street_code);

CREATE TABLE grids (
    code           text PRIMARY KEY,
    name           text NOT NULL,
    community_code text NOT NULL REFERENCES communities (code),
    street_code    text NOT NULL REFERENCES streets (code),
    geom           geometry(MultiPolygon, 4326) NOT NULL
                   CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom))
);
CREATE INDEX grids_geom_idx ON grids USING gist (geom);
CREATE INDEX grids_community_idx ON grids (community_code);

CREATE TABLE sites (
    id                     bigserial PRIMARY KEY,
    external_id            text NOT NULL UNIQUE,
    name                   text NOT NULL,
    kind                   text NOT NULL
                           CHECK (kind IN ('compound', 'open_courtyard', 'building_cluster')),
    community_code         text NOT NULL REFERENCES communities (code),
    street_code            text NOT NULL REFERENCES streets (code),
    grid_code              text REFERENCES grids (code),
    households             integer NOT NULL DEFAULT 0 CHECK (households BETWEEN 0 AND 100000),
    buildings              integer CHECK (buildings BETWEEN 0 AND 10000),
    built_year             integer CHECK (built_year BETWEEN 1800 AND 2100),
    owners_committee       boolean NOT NULL DEFAULT false,
    owners_committee_party boolean NOT NULL DEFAULT false,
    party_org              boolean NOT NULL DEFAULT false,
    demonstration          boolean NOT NULL DEFAULT false,
    address                text,
    geom                   geometry(MultiPolygon, 4326) NOT NULL
                           CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
    CHECK (owners_committee OR NOT owners_committee_party)
);
CREATE INDEX sites_geom_idx ON sites USING gist (geom);
CREATE INDEX sites_community_idx ON sites (community_code, kind);
CREATE INDEX sites_street_idx ON sites (street_code);

-- Management history: one row per period; periods of a site never overlap.
CREATE TABLE management (
    id             bigserial PRIMARY KEY,
    site_id        bigint NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    street_code    text NOT NULL REFERENCES streets (code),
    community_code text NOT NULL REFERENCES communities (code),
    mode           text NOT NULL CHECK (mode IN ('commercial', 'self_managed',
                       'scenic_co_managed', 'enterprise_embedded', 'none')),
    provider       text,
    party_led      boolean NOT NULL DEFAULT false,
    valid_from     date NOT NULL,
    valid_to       date CHECK (valid_to IS NULL OR valid_to > valid_from),
    UNIQUE (site_id, valid_from),
    EXCLUDE USING gist (site_id WITH =, daterange(valid_from, valid_to) WITH &&)
        DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX management_site_idx ON management (site_id, valid_from);
CREATE INDEX management_community_idx ON management (community_code, valid_from);

CREATE TABLE people (
    id             bigserial PRIMARY KEY,
    external_id    text NOT NULL UNIQUE,
    name           text NOT NULL,
    role           text NOT NULL CHECK (role IN ('district_leader', 'street_cadre',
                       'grid_worker', 'social_worker')),
    title          text,
    street_code    text REFERENCES streets (code),
    community_code text REFERENCES communities (code),
    phone          text
);

CREATE TABLE assignments (
    id             bigserial PRIMARY KEY,
    person_id      bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    target_kind    text NOT NULL CHECK (target_kind IN ('community', 'site', 'grid')),
    community_code text NOT NULL REFERENCES communities (code),
    street_code    text NOT NULL REFERENCES streets (code),
    site_id        bigint REFERENCES sites (id) ON DELETE CASCADE,
    grid_code      text REFERENCES grids (code),
    valid_from     date NOT NULL,
    valid_to       date CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK ((target_kind = 'site') = (site_id IS NOT NULL)),
    CHECK ((target_kind = 'grid') = (grid_code IS NOT NULL))
);
CREATE UNIQUE INDEX assignments_key_idx ON assignments
    (person_id, target_kind, community_code, coalesce(site_id, 0), coalesce(grid_code, ''), valid_from);
CREATE INDEX assignments_community_idx ON assignments (community_code);
CREATE INDEX assignments_site_idx ON assignments (site_id);

-- Case categories and sources are data: a two-level category tree like the hotline's.
CREATE TABLE case_categories (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    name_en     text,
    parent_code text REFERENCES case_categories (code),
    level       smallint NOT NULL CHECK (level IN (1, 2)),
    CHECK ((level = 1) = (parent_code IS NULL))
);

CREATE TABLE case_sources (
    code    text PRIMARY KEY,
    name    text NOT NULL,
    name_en text
);

-- Cases is the one table of millions of rows. Its references are checked per statement, not per
-- row: a foreign key's per-row check costs more than the rest of a bulk import together. The
-- triggers below give the same guarantees (no case points at a missing source, category,
-- community, grid or site; deleting a site or grid clears it from its cases; deleting a
-- referenced community, category or source is refused).
CREATE TABLE cases (
    id                   bigserial PRIMARY KEY,
    source_code          text NOT NULL,
    external_id          text NOT NULL,
    category_code        text NOT NULL,
    -- level-1 category, denormalised so that filters and charts need no join
    category_l1          text NOT NULL,
    status               text NOT NULL CHECK (status IN ('open', 'closed')),
    state                text CHECK (state IN ('received', 'in_progress', 'returned',
                             'resolved', 'closed')),
    escalation           text CHECK (escalation IN ('community', 'street', 'district')),
    reported_at          timestamptz NOT NULL,
    closed_at            timestamptz CHECK (closed_at IS NULL OR closed_at >= reported_at),
    satisfaction         smallint CHECK (satisfaction BETWEEN 1 AND 5),
    geom                 geometry(Point, 4326) NOT NULL,
    site_id              bigint,
    grid_code            text,
    community_code       text NOT NULL,
    street_code          text NOT NULL,
    assigned_by_distance boolean NOT NULL DEFAULT false,
    UNIQUE (source_code, external_id),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
-- Cases are found by community (or street) and time; spatial work on cases goes through their
-- site, grid and community assigned on import, so a GiST index on millions of points (the
-- costliest index to maintain on import) is left out.
CREATE INDEX cases_community_time_idx ON cases (community_code, reported_at);
CREATE INDEX cases_time_brin ON cases USING brin (reported_at);
CREATE INDEX cases_site_idx ON cases (site_id, reported_at);

-- Reporter's personal data, kept apart so that it can be masked, restricted and purged.
CREATE TABLE case_personal (
    case_id        bigint PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    street_code    text NOT NULL,  -- the case's
    reporter_name  text,
    reporter_phone text,
    description    text
);

CREATE FUNCTION cases_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER cases_references_on_insert AFTER INSERT ON cases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_check_references();
CREATE TRIGGER cases_references_on_update AFTER UPDATE ON cases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_check_references();

CREATE FUNCTION cases_clear_deleted_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'sites' THEN
        UPDATE cases c SET site_id = NULL FROM old_rows o WHERE c.site_id = o.id;
    ELSE
        UPDATE cases c SET grid_code = NULL FROM old_rows o WHERE c.grid_code = o.code;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER sites_clear_cases AFTER DELETE ON sites
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_clear_deleted_place();
CREATE TRIGGER grids_clear_cases AFTER DELETE ON grids
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_clear_deleted_place();

CREATE FUNCTION cases_restrict_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE used text;
BEGIN
    EXECUTE format('SELECT o.code FROM old_rows o WHERE EXISTS (SELECT 1 FROM cases c WHERE c.%I = o.code) LIMIT 1',
                   TG_ARGV[0]) INTO used;
    IF used IS NOT NULL THEN
        RAISE EXCEPTION '% % still has cases', TG_TABLE_NAME, used USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER communities_restrict_cases AFTER DELETE ON communities
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_restrict_delete('community_code');
CREATE TRIGGER categories_restrict_cases AFTER DELETE ON case_categories
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_restrict_delete('category_code');
CREATE TRIGGER sources_restrict_cases AFTER DELETE ON case_sources
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_restrict_delete('source_code');
