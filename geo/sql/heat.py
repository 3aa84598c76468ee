"""Cases binned to cells, individual cases, and case rates by management mode.

Every query takes the filters of ``geo.sql.cases`` (same parameter names) and reads cases only
through ``community_code = ANY(%(communities)s)``, the scope's communities, so that the covering
index (community, time) INCLUDE (point, filter columns) answers it without touching the table.
"""
from geo.sql.cases import EDGES, ESCALATION_RAW, FILTERS, IN_RANGE

CUBE_CELL = 200  # metres of Web Mercator: the cell of case_cell_month

_RAW_BINS = """
SELECT cell_x(c.geom, %(size)s) AS cx, cell_y(c.geom, %(size)s) AS cy, count(*) AS cases
FROM cases c
WHERE c.community_code = ANY(%(communities)s) AND {filters} {escalation} AND {range}
GROUP BY 1, 2"""

_CUBE_BINS = """
SELECT a.cx, a.cy, sum(a.cases) AS cases
FROM case_cell_month a
WHERE a.month >= %(full_from)s AND a.month < %(full_to)s
  AND (%(street)s::text IS NULL OR a.street_code = %(street)s)
  AND (%(community)s::text IS NULL OR a.community_code = %(community)s)
  AND (%(categories)s::text[] IS NULL OR a.category_l1 = ANY(%(categories)s))
  AND (%(sources)s::text[] IS NULL OR a.source_code = ANY(%(sources)s))
  AND (%(status)s::text IS NULL OR a.status = %(status)s)
  AND (%(escalation)s::text IS NULL OR a.escalation = %(escalation)s)
GROUP BY 1, 2"""


def bins(from_cube: bool) -> str:
    """(cx, cy, cases) per cell of %(size)s metres: from the cases alone, or (cells of
    CUBE_CELL only) whole months from the cube and the partial months from the cases."""
    def raw(range_: str) -> str:
        return _RAW_BINS.format(filters=FILTERS.format(t="c"), escalation=ESCALATION_RAW,
                                range=range_)

    if not from_cube:
        return raw(IN_RANGE)
    parts = [raw(edge) for edge in EDGES] + [_CUBE_BINS]
    return f"SELECT cx, cy, sum(cases)::bigint AS cases FROM ({' UNION ALL '.join(parts)}) u " \
           "GROUP BY 1, 2"


# The newest cases in a box (lon/lat) or one cell, with the reporter's data to be masked by the caller.
POINTS = f"""
SELECT c.id, c.external_id, ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat,
       c.reported_at AT TIME ZONE %(tz)s AS reported_at, c.category_code, c.source_code,
       c.status, c.escalation, s.name AS site, p.reporter_name, p.reporter_phone
FROM cases c
LEFT JOIN sites s ON s.id = c.site_id
LEFT JOIN case_personal p ON p.case_id = c.id
WHERE c.community_code = ANY(%(communities)s) AND {FILTERS.format(t='c')} {ESCALATION_RAW}
  AND {IN_RANGE}
  AND c.geom && ST_MakeEnvelope(%(west)s, %(south)s, %(east)s, %(north)s, 4326)
  AND (%(cx)s::int IS NULL
       OR (cell_x(c.geom, %(size)s) = %(cx)s AND cell_y(c.geom, %(size)s) = %(cy)s))
ORDER BY c.reported_at DESC
LIMIT %(limit)s"""

SCOPE_COMMUNITIES = """
SELECT code FROM communities
WHERE (%(street)s::text IS NULL OR street_code = %(street)s)
  AND (%(community)s::text IS NULL OR code = %(community)s)"""

# Residential sites with their cases in the range, per 100 households: the top of the list.
TOP_SITES = f"""
WITH per_site AS (
    SELECT c.site_id, count(*) AS cases
    FROM cases c
    WHERE c.community_code = ANY(%(communities)s) AND c.site_id IS NOT NULL
      AND {FILTERS.format(t='c')} {ESCALATION_RAW} AND {IN_RANGE}
    GROUP BY 1)
SELECT s.id, s.name, cm.name AS community, s.kind, s.households, p.cases,
       round(100.0 * p.cases / s.households, 2)::float AS cases_per_100
FROM per_site p
JOIN sites s ON s.id = p.site_id
JOIN communities cm ON cm.code = s.community_code
WHERE s.kind <> 'building_cluster' AND s.households > 0
ORDER BY cases_per_100 DESC, p.cases DESC, s.id
LIMIT %(limit)s"""

# Case rate per 100 households by the site's management mode on each quarter's first day,
# residential sites only.
MODE_RATES = f"""
WITH quarters AS (
    SELECT q::date AS quarter
    FROM generate_series(date_trunc('quarter', %(lo)s::date),
                         (%(hi)s::date - 1)::timestamp, interval '3 months') q),
site_mode AS (
    SELECT q.quarter, s.id AS site_id, s.households, coalesce(m.mode, 'none') AS mode
    FROM quarters q
    CROSS JOIN sites s
    LEFT JOIN management m ON m.site_id = s.id AND m.valid_from <= q.quarter
         AND (m.valid_to IS NULL OR m.valid_to > q.quarter)
    WHERE s.kind IN ('compound', 'open_courtyard') AND s.community_code = ANY(%(communities)s)),
site_cases AS (
    SELECT date_trunc('quarter', c.reported_at AT TIME ZONE %(tz)s)::date AS quarter,
           c.site_id, count(*) AS cases
    FROM cases c
    WHERE c.community_code = ANY(%(communities)s) AND c.site_id IS NOT NULL
      AND {FILTERS.format(t='c')} {ESCALATION_RAW} AND {IN_RANGE}
    GROUP BY 1, 2)
SELECT sm.quarter, sm.mode, count(*) AS sites, sum(sm.households)::bigint AS households,
       coalesce(sum(sc.cases), 0)::bigint AS cases
FROM site_mode sm
LEFT JOIN site_cases sc ON sc.quarter = sm.quarter AND sc.site_id = sm.site_id
GROUP BY 1, 2
ORDER BY 1, 2"""

LEVEL1 = "SELECT code FROM case_categories WHERE parent_code IS NULL"
