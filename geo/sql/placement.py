"""The queue of cases waiting to be placed (located by their community's name only, or not at
all), a person's placement of one, and the aliases placements teach."""
from __future__ import annotations

from psycopg2 import sql

from geo.sql import compose

WAITING_KINDS = ("community", "unplaced")

# The scope's waiting cases: its communities' and, for the whole district, those with none
# (row-level security shows those to admins and district users only).
_IN_SCOPE = """
c.located_by IN ('community', 'unplaced')
AND (c.community_code = ANY(%(communities)s)
     OR (%(whole_district)s AND c.community_code IS NULL))"""

WAITING = compose("""
SELECT c.id, c.external_id, c.reported_at AT TIME ZONE %(tz)s AS reported_at, c.address,
       c.category_code, co.name AS community, c.located_by, c.community_code
FROM cases c
LEFT JOIN communities co ON co.code = c.community_code
WHERE {in_scope}
ORDER BY c.reported_at DESC, c.id DESC
LIMIT %(limit)s""", in_scope=_IN_SCOPE)

COUNT_WAITING = compose("SELECT count(*) FROM cases c WHERE {in_scope}", in_scope=_IN_SCOPE)

# A case's placement, locked while it changes.
PLACEMENT_COLUMNS = ("lon", "lat", "site_id", "grid_code", "community_code", "street_code",
                     "located_by")
CASE_PLACEMENT = sql.SQL("""
SELECT c.address, ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat, c.site_id, c.grid_code,
       c.community_code, c.street_code, c.located_by
FROM cases c WHERE c.id = %s FOR UPDATE""")

# Where a point lies: its community (and street), grid and site; a site the user picked wins
# over the one the point falls in. No row: outside every community the user sees.
POINT_PLACE = sql.SQL("""
SELECT coalesce(%(site_id)s, (SELECT min(s.id) FROM sites s WHERE ST_Intersects(s.geom, p.geom))),
       (SELECT min(g.code) FROM grids g
        WHERE g.community_code = c.code AND ST_Intersects(g.geom, p.geom)),
       c.code, c.street_code
FROM (SELECT ST_SetSRID(ST_MakePoint(%(lon)s, %(lat)s), 4326) AS geom) p
JOIN communities c ON ST_Intersects(c.geom, p.geom)
ORDER BY c.code LIMIT 1""")

SET_PLACEMENT = sql.SQL("""
UPDATE cases SET geom = CASE WHEN %(lon)s::float8 IS NOT NULL
                             THEN ST_SetSRID(ST_MakePoint(%(lon)s, %(lat)s), 4326) END,
                 site_id = %(site_id)s, grid_code = %(grid_code)s,
                 community_code = %(community_code)s, street_code = %(street_code)s,
                 located_by = %(located_by)s
WHERE id = %(id)s""")

# A site's point for a placement by its name: a point inside the outline, or where the site
# was placed while its outline waits to be drawn.
SITE_POINT = sql.SQL("SELECT ST_X(location), ST_Y(location) FROM sites WHERE id = %s")

ALIAS_COLUMNS = ("site_id", "street_code", "community_code", "lon", "lat")
ALIAS = sql.SQL("""
SELECT site_id, street_code, community_code, ST_X(geom) AS lon, ST_Y(geom) AS lat
FROM address_aliases WHERE alias = %s FOR UPDATE""")

SET_ALIAS = sql.SQL("""
INSERT INTO address_aliases (alias, site_id, street_code, community_code, geom, created_by)
VALUES (%(alias)s, %(site_id)s, %(street_code)s, %(community_code)s,
        ST_SetSRID(ST_MakePoint(%(lon)s, %(lat)s), 4326), %(user)s)
ON CONFLICT (alias) DO UPDATE SET site_id = excluded.site_id,
    street_code = excluded.street_code, community_code = excluded.community_code,
    geom = excluded.geom, created_by = excluded.created_by, created_at = now()""")

DELETE_ALIAS = sql.SQL("DELETE FROM address_aliases WHERE alias = %s")

# The sites a person may put a case on: of its community, else of the scope.
SITES_TO_PICK = sql.SQL("""
SELECT id, name FROM sites
WHERE (%(street)s::text IS NULL OR street_code = %(street)s)
  AND (%(community)s::text IS NULL OR community_code = %(community)s)
ORDER BY name, id""")
