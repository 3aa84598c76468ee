"""我的 (My places): a person's assignments valid on a day, and the figures of each place.
A place is a community, a site or a grid; every query takes its community (the cases'
(community, time) index) and narrows to the site or the grid when given."""
from __future__ import annotations

from psycopg2 import sql

from geo.sql import compose
from geo.sql.coverage import MODE_AS_OF

PERSON = sql.SQL("""
SELECT external_id, name, role, title FROM people WHERE external_id = %s""")

# the people one may view the page as (the open demo's picker): those with a place today
PEOPLE = sql.SQL("""
SELECT p.external_id, p.name, p.role, p.title
FROM people p
WHERE EXISTS (SELECT 1 FROM assignments a WHERE a.person_id = p.id AND a.valid_from <= %(as_of)s
              AND (a.valid_to IS NULL OR a.valid_to > %(as_of)s))
ORDER BY p.role, p.name, p.external_id""")

# a district leader's 包联 communities, a cadre's sites and grids, a worker's sites
PLACES = sql.SQL("""
SELECT a.target_kind AS kind,
       CASE a.target_kind WHEN 'community' THEN cm.name WHEN 'site' THEN s.name ELSE g.name END
           AS name,
       a.street_code, a.community_code, cm.name AS community_name, a.site_id, a.grid_code
FROM assignments a
JOIN people p ON p.id = a.person_id
JOIN communities cm ON cm.code = a.community_code
LEFT JOIN sites s ON s.id = a.site_id AND s.street_code = a.street_code
LEFT JOIN grids g ON g.code = a.grid_code
WHERE p.external_id = %(person)s AND a.valid_from <= %(as_of)s
  AND (a.valid_to IS NULL OR a.valid_to > %(as_of)s)
ORDER BY array_position(ARRAY['community', 'grid', 'site'], a.target_kind), a.community_code,
         name""")

_IN_PLACE = """{t}.community_code = %(community)s
  AND (%(site)s::bigint IS NULL OR {t}.{site} = %(site)s)
  AND (%(grid)s::text IS NULL OR {t}.grid_code = %(grid)s)"""


def _in_place(alias: str, site_column: str) -> sql.Composed:
    return compose(_IN_PLACE, t=sql.Identifier(alias), site=sql.Identifier(site_column))


# The place's residential coverage on a day and its open gaps: open courtyards without
# management and sites without a street cadre (their names, the most households first).
SITES = compose("""
WITH st AS (
    SELECT s.name, s.kind, s.households, s.owners_committee,
           coalesce(m.mode, 'none') AS mode,
           EXISTS (SELECT 1 FROM assignments a JOIN people p ON p.id = a.person_id
                   WHERE a.site_id = s.id AND p.role = 'street_cadre'
                     AND a.valid_from <= %(as_of)s
                     AND (a.valid_to IS NULL OR a.valid_to > %(as_of)s)) AS has_cadre
    FROM sites s {mode_as_of}
    WHERE {in_place})
SELECT count(*) FILTER (WHERE kind <> 'building_cluster') AS residential,
       count(*) FILTER (WHERE kind <> 'building_cluster' AND mode <> 'none') AS managed,
       count(*) FILTER (WHERE kind = 'compound') AS compounds,
       count(*) FILTER (WHERE kind = 'compound' AND owners_committee) AS compounds_with_committee,
       coalesce(array_agg(name ORDER BY households DESC, name)
                FILTER (WHERE kind = 'open_courtyard' AND mode = 'none'), '{{}}')
           AS unmanaged_courtyards,
       coalesce(array_agg(name ORDER BY households DESC, name) FILTER (WHERE NOT has_cadre),
                '{{}}') AS without_cadre
FROM st""", mode_as_of=MODE_AS_OF, in_place=_in_place("s", "id"))

# The place's cases: since the previous visit, in the period [lo, hi) with its rates (median
# hours to close as the figures take it: of whole hours, in the middle of the hour), those
# escalated to the district in it, and the open ones reported before %(overdue_before)s.
CASES = compose("""
WITH c AS (
    SELECT c.reported_at, c.status, c.satisfaction, c.escalation,
           c.reported_at >= %(lo)s::timestamp AT TIME ZONE %(tz)s AS in_period,
           floor(date_part('epoch', c.closed_at - c.reported_at) / 3600) AS hours
    FROM cases c
    WHERE {in_place} AND c.reported_at < %(hi)s::timestamp AT TIME ZONE %(tz)s)
SELECT count(*) FILTER (WHERE reported_at >= %(since)s) AS since_visit,
       count(*) FILTER (WHERE in_period) AS cases,
       count(*) FILTER (WHERE in_period AND status = 'closed') AS closed,
       count(satisfaction) FILTER (WHERE in_period) AS rated,
       count(*) FILTER (WHERE in_period AND satisfaction >= 4) AS satisfied,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FILTER (WHERE in_period) + 0.5
           AS median_hours,
       count(*) FILTER (WHERE in_period AND escalation = 'community') AS community,
       count(*) FILTER (WHERE in_period AND escalation = 'street') AS street,
       count(*) FILTER (WHERE in_period AND escalation = 'district') AS district,
       count(*) FILTER (WHERE status = 'open' AND reported_at < %(overdue_before)s) AS overdue
FROM c""", in_place=_in_place("c", "site_id"))

# The place's sites with the most cases in the period (its hot spots).
HOT_SITES = compose("""
SELECT s.id, s.name, count(*) AS cases
FROM cases c JOIN sites s ON s.id = c.site_id AND s.street_code = c.street_code
WHERE {in_place}
  AND c.reported_at >= %(lo)s::timestamp AT TIME ZONE %(tz)s
  AND c.reported_at < %(hi)s::timestamp AT TIME ZONE %(tz)s
GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT %(limit)s""", in_place=_in_place("c", "site_id"))
