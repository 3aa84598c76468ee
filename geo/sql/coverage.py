"""Coverage: the figures of managed sites / sites as of a date (by count and by households),
and what the coverage map draws and lists, sized for the screen (simplified, capped)."""
from psycopg2 import sql

from geo.sql import compose, district_midnight


# A site's (s) management record holding on %(as_of)s, if any.
MODE_AS_OF = """
LEFT JOIN management m ON m.site_id = s.id AND m.street_code = s.street_code AND m.valid_from <= %(as_of)s
     AND (m.valid_to IS NULL OR m.valid_to > %(as_of)s)
"""

# One row per site in scope with its mode on %(as_of)s (no record holding that day: 'none').
SITES_AS_OF = """
SELECT s.id, s.external_id, s.name, s.kind, s.households, s.community_code, s.street_code,
       coalesce(m.mode, 'none') AS mode, s.geom IS NOT NULL AS outlined
FROM sites s""" + MODE_AS_OF + """WHERE s.kind = ANY(%(kinds)s)
  AND (%(street)s::text IS NULL OR s.street_code = %(street)s)
  AND (%(community)s::text IS NULL OR s.community_code = %(community)s)
"""

FIGURES = """
count(st.id) AS sites,
count(st.id) FILTER (WHERE st.mode <> 'none') AS managed,
coalesce(sum(st.households), 0) AS households,
coalesce(sum(st.households) FILTER (WHERE st.mode <> 'none'), 0) AS managed_households,
count(st.id) FILTER (WHERE st.mode = 'commercial') AS commercial,
count(st.id) FILTER (WHERE st.mode = 'self_managed') AS self_managed,
count(st.id) FILTER (WHERE st.mode = 'scenic_co_managed') AS scenic_co_managed,
count(st.id) FILTER (WHERE st.mode = 'enterprise_embedded') AS enterprise_embedded,
count(st.id) FILTER (WHERE st.mode = 'none') AS none,
count(st.id) FILTER (WHERE st.outlined) AS outlined
"""

# Groups: the scope itself, or every street / community in it (including those without sites).
SCOPE_GROUP = """
SELECT coalesce(c.code, t.code, d.code) AS code, coalesce(c.name, t.name, d.name) AS name
FROM district d
LEFT JOIN streets t ON t.code = %(street)s
LEFT JOIN communities c ON c.code = %(community)s
"""

STREET_GROUPS = """
SELECT code, name FROM streets
WHERE (%(street)s::text IS NULL OR code = %(street)s)
  AND (%(community)s::text IS NULL
       OR code = (SELECT street_code FROM communities WHERE code = %(community)s))
"""

COMMUNITY_GROUPS = """
SELECT code, name FROM communities
WHERE (%(street)s::text IS NULL OR street_code = %(street)s)
  AND (%(community)s::text IS NULL OR code = %(community)s)
"""

GROUP_KEY = {None: "true", "street": "st.street_code = g.code",
             "community": "st.community_code = g.code"}
GROUPS = {None: SCOPE_GROUP, "street": STREET_GROUPS, "community": COMMUNITY_GROUPS}


def query(by: str | None) -> sql.Composed:
    """The coverage query for a grouping from the allow-list (None, street, community)."""
    return compose("""
WITH st AS ({sites}), g AS ({groups})
SELECT g.code, g.name, {figures}
FROM g LEFT JOIN st ON {key}
GROUP BY g.code, g.name ORDER BY g.code""", sites=SITES_AS_OF, groups=GROUPS[by], figures=FIGURES,
                   key=GROUP_KEY[by])


# ---------------------------------------------------------------- the coverage map
SCOPE_SITES = """
(%(street)s::text IS NULL OR s.street_code = %(street)s)
AND (%(community)s::text IS NULL OR s.community_code = %(community)s)
"""

STREETS = """
SELECT code, name, ST_AsBinary(ST_SimplifyPreserveTopology(geom, %(tolerance)s)) AS geom
FROM streets ORDER BY code
"""

# Communities with their coverage of residential sites as of the date (district overview
# shading) and their map's drawing progress (sites of every kind outlined).
COMMUNITIES = compose("""
SELECT c.code, c.name, c.street_code, t.name AS street,
       count(s.id) AS sites,
       count(s.id) FILTER (WHERE coalesce(m.mode, 'none') <> 'none') AS managed,
       (SELECT count(*) FROM sites a WHERE a.community_code = c.code) AS all_sites,
       (SELECT count(*) FROM sites a WHERE a.community_code = c.code AND a.geom IS NOT NULL)
           AS outlined,
       ST_AsBinary(ST_SimplifyPreserveTopology(c.geom, %(tolerance)s)) AS geom
FROM communities c JOIN streets t ON t.code = c.street_code
LEFT JOIN sites s ON s.community_code = c.code AND s.kind <> 'building_cluster'
{mode_as_of}
WHERE (%(street)s::text IS NULL OR c.street_code = %(street)s)
  AND (%(community)s::text IS NULL OR c.code = %(community)s)
GROUP BY c.code, t.name ORDER BY c.code
""", mode_as_of=MODE_AS_OF, scope_sites=SCOPE_SITES)

GRIDS = """
SELECT code, name, ST_AsBinary(ST_SimplifyPreserveTopology(geom, %(tolerance)s)) AS geom
FROM grids
WHERE (%(street)s::text IS NULL OR street_code = %(street)s)
  AND (%(community)s::text IS NULL OR community_code = %(community)s)
ORDER BY code
"""

# The scope's doorplates (the standard address library); capped (one row more tells truncation).
ADDRESSES = """
SELECT road || number || '号' || coalesce(' ' || building, '') AS label, ST_AsBinary(geom) AS geom
FROM addresses
WHERE (%(street)s::text IS NULL OR street_code = %(street)s)
  AND (%(community)s::text IS NULL OR community_code = %(community)s)
ORDER BY road, number
LIMIT %(limit)s
"""

# Sites of the scope with their mode on the date; capped (one row more tells truncation).
SITES = compose("""
SELECT s.id, s.external_id, s.name, s.kind, s.households, s.demonstration, s.community_code,
       coalesce(m.mode, 'none') AS mode, s.geom IS NOT NULL AS outlined,
       ST_AsBinary(coalesce(ST_SimplifyPreserveTopology(s.geom, %(tolerance)s), s.location))
           AS geom
FROM sites s {mode_as_of}
WHERE {scope_sites}
ORDER BY s.id LIMIT %(limit)s
""", mode_as_of=MODE_AS_OF, scope_sites=SCOPE_SITES)

# the chosen scope's sites first
SEARCH_SITES = """
SELECT s.id, s.external_id, s.name, c.name AS community, s.street_code, s.community_code,
       (%(street)s::text IS NULL OR s.street_code = %(street)s)
       AND (%(community)s::text IS NULL OR s.community_code = %(community)s) AS in_scope
FROM sites s JOIN communities c ON c.code = s.community_code
WHERE s.name ILIKE '%%' || %(text)s || '%%' OR s.external_id = %(text)s
ORDER BY in_scope DESC, s.name LIMIT 20
"""

EXTENT = """
SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (
    SELECT coalesce(
        (SELECT ST_Extent(geom) FROM communities
         WHERE (%(street)s::text IS NULL OR street_code = %(street)s)
           AND (%(community)s::text IS NULL OR code = %(community)s)),
        (SELECT ST_Extent(geom) FROM district)) AS e) x
"""

SITE_EXTENT = """
SELECT ST_XMin(g), ST_YMin(g), ST_XMax(g), ST_YMax(g)
FROM (SELECT coalesce(geom, ST_Expand(location, 0.001)) AS g FROM sites WHERE id = %(id)s) s
"""

# The 12 months up to the date (the district's days): the gap list's and a site's cases.
LAST_12_MONTHS = {"year_before": district_midnight("%(as_of)s::date - 365"),
                  "day_after": district_midnight("%(as_of)s::date + 1")}

# Residential sites without management on the date, ranked by priority: the mean of the
# site's percentile in households and in cases per 100 households over the last 12 months.
GAPS = compose("""
WITH gap AS (
    SELECT s.id, s.external_id, s.name, s.kind, s.households, s.community_code
    FROM sites s {mode_as_of}
    WHERE {scope_sites} AND s.kind <> 'building_cluster' AND coalesce(m.mode, 'none') = 'none'),
counted AS (
    SELECT g.*, (SELECT count(*) FROM cases c
                 WHERE c.site_id = g.id AND c.reported_at >= {year_before}
                   AND c.reported_at < {day_after}) AS cases_12m
    FROM gap g),
rated AS (
    SELECT *, CASE WHEN households > 0 THEN 100.0 * cases_12m / households END AS cases_per_100
    FROM counted)
SELECT r.id, r.external_id, r.name, r.kind, c.name AS community, r.households, r.cases_12m,
       r.cases_per_100,
       (percent_rank() OVER (ORDER BY r.households)
        + percent_rank() OVER (ORDER BY coalesce(r.cases_per_100, 0))) / 2 AS priority
FROM rated r JOIN communities c ON c.code = r.community_code
ORDER BY priority DESC, r.households DESC LIMIT %(limit)s
""", mode_as_of=MODE_AS_OF, scope_sites=SCOPE_SITES, **LAST_12_MONTHS)

SITES_WITHOUT_CADRE = compose("""
SELECT s.id, s.external_id, s.name, s.kind, c.name AS community, s.households
FROM sites s JOIN communities c ON c.code = s.community_code
WHERE {scope_sites} AND NOT EXISTS (
    SELECT 1 FROM assignments a JOIN people p ON p.id = a.person_id
    WHERE a.site_id = s.id AND p.role = 'street_cadre' AND a.valid_from <= %(as_of)s
      AND (a.valid_to IS NULL OR a.valid_to > %(as_of)s))
ORDER BY s.households DESC LIMIT %(limit)s
""", mode_as_of=MODE_AS_OF, scope_sites=SCOPE_SITES)

COMMUNITIES_WITHOUT_LEADER = """
SELECT c.code, c.name FROM communities c
WHERE (%(street)s::text IS NULL OR c.street_code = %(street)s)
  AND (%(community)s::text IS NULL OR c.code = %(community)s)
  AND NOT EXISTS (
    SELECT 1 FROM assignments a JOIN people p ON p.id = a.person_id
    WHERE a.community_code = c.code AND a.target_kind = 'community'
      AND p.role = 'district_leader' AND a.valid_from <= %(as_of)s
      AND (a.valid_to IS NULL OR a.valid_to > %(as_of)s))
ORDER BY c.code
"""

# KPI figures of the sites of the scope on a date.
KPIS = compose("""
WITH st AS (
    SELECT s.kind, s.households, s.owners_committee, s.party_org,
           coalesce(m.mode, 'none') AS mode, s.geom IS NOT NULL AS outlined
    FROM sites s {mode_as_of} WHERE {scope_sites})
SELECT
    count(*) FILTER (WHERE kind = 'compound') AS compounds,
    count(*) FILTER (WHERE kind = 'compound' AND mode <> 'none') AS compounds_managed,
    coalesce(sum(households) FILTER (WHERE kind = 'compound'), 0) AS compound_households,
    coalesce(sum(households) FILTER (WHERE kind = 'compound' AND mode <> 'none'), 0)
        AS compound_households_managed,
    count(*) FILTER (WHERE kind = 'open_courtyard') AS courtyards,
    count(*) FILTER (WHERE kind = 'open_courtyard' AND mode <> 'none') AS courtyards_managed,
    coalesce(sum(households) FILTER (WHERE kind = 'open_courtyard'), 0) AS courtyard_households,
    coalesce(sum(households) FILTER (WHERE kind = 'open_courtyard' AND mode <> 'none'), 0)
        AS courtyard_households_managed,
    count(*) FILTER (WHERE kind = 'compound' AND owners_committee) AS compounds_with_committee,
    count(*) FILTER (WHERE kind = 'compound' AND party_org) AS compounds_with_party_org,
    count(*) FILTER (WHERE kind = 'open_courtyard' AND owners_committee)
        AS courtyards_with_committee,
    count(*) FILTER (WHERE kind = 'open_courtyard' AND party_org) AS courtyards_with_party_org,
    count(*) FILTER (WHERE kind = 'building_cluster') AS clusters,
    count(*) FILTER (WHERE kind = 'building_cluster' AND party_org) AS clusters_with_party_org,
    count(*) FILTER (WHERE kind <> 'building_cluster' AND mode = 'commercial') AS commercial,
    count(*) FILTER (WHERE kind <> 'building_cluster' AND mode = 'self_managed') AS self_managed,
    count(*) FILTER (WHERE kind <> 'building_cluster' AND mode = 'scenic_co_managed')
        AS scenic_co_managed,
    count(*) FILTER (WHERE kind <> 'building_cluster' AND mode = 'enterprise_embedded')
        AS enterprise_embedded,
    count(*) FILTER (WHERE kind <> 'building_cluster' AND mode = 'none') AS none,
    count(*) AS sites, count(*) FILTER (WHERE outlined) AS outlined
FROM st
""", mode_as_of=MODE_AS_OF, scope_sites=SCOPE_SITES)

# Coverage of residential sites at the first of every month from the campaign's start: the
# scope's management periods (a few thousand rows) joined to the days in memory, rather than a
# lookup per site and day.
TREND = compose("""
WITH days AS (
    SELECT d::date AS day FROM generate_series(%(start)s::date, %(end)s::date, '1 month') d),
scope_sites AS (
    SELECT s.id, s.households FROM sites s WHERE {scope_sites} AND s.kind <> 'building_cluster'),
totals AS (
    SELECT count(*) AS sites, coalesce(sum(households), 0) AS households FROM scope_sites),
managed AS (
    SELECT d.day, count(*) AS managed, sum(ss.households) AS managed_households
    FROM management m
    JOIN scope_sites ss ON ss.id = m.site_id
    JOIN days d ON m.valid_from <= d.day AND (m.valid_to IS NULL OR m.valid_to > d.day)
    WHERE m.mode <> 'none'
      AND (%(street)s::text IS NULL OR m.street_code = %(street)s)
      AND (%(community)s::text IS NULL OR m.community_code = %(community)s)
    GROUP BY d.day)
SELECT d.day, t.sites, coalesce(m.managed, 0) AS managed, t.households,
       coalesce(m.managed_households, 0) AS managed_households
FROM days d CROSS JOIN totals t LEFT JOIN managed m USING (day)
ORDER BY d.day
""", mode_as_of=MODE_AS_OF, scope_sites=SCOPE_SITES)

SITE = """
SELECT s.id, s.external_id, s.name, s.kind, s.households, s.buildings, s.built_year,
       s.owners_committee, s.owners_committee_party, s.party_org, s.demonstration, s.address,
       c.name AS community, t.name AS street, s.grid_code
FROM sites s JOIN communities c ON c.code = s.community_code JOIN streets t ON t.code = s.street_code
WHERE s.id = %(id)s
"""

COMMUNITY_AT_POINT = """
SELECT street_code, code FROM communities
WHERE ST_Intersects(geom, ST_SetSRID(ST_MakePoint(%(lon)s, %(lat)s), 4326))
LIMIT 1
"""

# a site whose outline waits to be drawn is hit within about 15 m of its marker
SITE_AT_POINT = """
SELECT id FROM sites, (SELECT ST_SetSRID(ST_MakePoint(%(lon)s, %(lat)s), 4326) AS p) click
WHERE ST_Intersects(geom, click.p) OR (geom IS NULL AND ST_DWithin(location, click.p, 0.00015))
ORDER BY geom IS NULL, ST_Distance(location, click.p) LIMIT 1
"""

SITE_HISTORY = """
SELECT mode, provider, party_led, valid_from, valid_to FROM management
WHERE site_id = %(id)s ORDER BY valid_from DESC
"""

SITE_PEOPLE = """
SELECT p.name, p.role, p.title, a.valid_from, a.valid_to
FROM assignments a JOIN people p ON p.id = a.person_id
WHERE a.site_id = %(id)s ORDER BY p.role, p.name
"""

SITE_CASES = compose("""
SELECT to_char(c.reported_at AT TIME ZONE district_timezone(), 'YYYY-MM') AS month,
       c.category_l1 AS category,
       count(*) AS cases
FROM cases c
WHERE c.site_id = %(id)s AND c.reported_at >= {year_before}
  AND c.reported_at < {day_after}
GROUP BY 1, 2 ORDER BY 1, 2
""", **LAST_12_MONTHS)

# Which district leader covers which community, which cadre which site.
ASSIGNMENTS = """
SELECT p.name, p.role, a.target_kind, coalesce(s.name, c.name) AS target,
       ST_AsBinary(coalesce(s.location, ST_PointOnSurface(c.geom))) AS geom
FROM assignments a JOIN people p ON p.id = a.person_id
JOIN communities c ON c.code = a.community_code
LEFT JOIN sites s ON s.id = a.site_id AND s.street_code = a.street_code
WHERE p.role IN ('district_leader', 'street_cadre')
  AND (a.target_kind = 'community' OR a.target_kind = 'site')
  AND (%(street)s::text IS NULL OR a.street_code = %(street)s)
  AND (%(community)s::text IS NULL OR a.community_code = %(community)s)
  AND a.valid_from <= %(as_of)s AND (a.valid_to IS NULL OR a.valid_to > %(as_of)s)
ORDER BY p.role, p.name LIMIT 2000
"""


# The atlas's pages: every community, street by street.
ATLAS_PAGES = """
SELECT code, street_code FROM communities
WHERE (%(street)s::text IS NULL OR street_code = %(street)s)
  AND (%(community)s::text IS NULL OR code = %(community)s)
ORDER BY street_code, code"""
