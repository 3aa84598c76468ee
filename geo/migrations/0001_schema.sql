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

CREATE TABLE cases (
    id                   bigserial PRIMARY KEY,
    source_code          text NOT NULL REFERENCES case_sources (code),
    external_id          text NOT NULL,
    category_code        text NOT NULL REFERENCES case_categories (code),
    -- level-1 category, denormalised so that filters and charts need no join (derived from
    -- category_code on import, so it needs no foreign-key check of its own per row)
    category_l1          text NOT NULL,
    status               text NOT NULL CHECK (status IN ('open', 'closed')),
    state                text CHECK (state IN ('received', 'in_progress', 'returned',
                             'resolved', 'closed')),
    escalation           text CHECK (escalation IN ('community', 'street', 'district')),
    reported_at          timestamptz NOT NULL,
    closed_at            timestamptz CHECK (closed_at IS NULL OR closed_at >= reported_at),
    satisfaction         smallint CHECK (satisfaction BETWEEN 1 AND 5),
    geom                 geometry(Point, 4326) NOT NULL,
    site_id              bigint REFERENCES sites (id) ON DELETE SET NULL,
    grid_code            text REFERENCES grids (code),
    community_code       text NOT NULL REFERENCES communities (code),
    street_code          text NOT NULL,  -- the community's street, set with it on import
    assigned_by_distance boolean NOT NULL DEFAULT false,
    UNIQUE (source_code, external_id),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
-- Cases are found by community (or street) and time; spatial work on cases goes through their
-- site, grid and community assigned on import, so a GiST index on millions of points (the
-- costliest index to maintain on import) is left out.
CREATE INDEX cases_community_time_idx ON cases (community_code, reported_at);
CREATE INDEX cases_time_brin ON cases USING brin (reported_at);
CREATE INDEX cases_site_idx ON cases (site_id);

-- Reporter's personal data, kept apart so that it can be masked, restricted and purged.
CREATE TABLE case_personal (
    case_id        bigint PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    street_code    text NOT NULL,  -- the case's
    reporter_name  text,
    reporter_phone text,
    description    text
);
