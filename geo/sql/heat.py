"""Cases binned to cells, individual cases, and case rates by management mode.

Every query takes the filters of ``geo.sql.cases`` (same parameters), whose list of the scope's
communities lets the covering index (community, time) INCLUDE (point, filter columns) answer
the binning without touching the table.
"""
from geo.sql.cases import (CODE_KEYS, DAY_EDGES, EDGE_MONTHS, EDGES, ESCALATION_FILTER,
                            FILTERS, IN_RANGE, SCOPE_FILTERS, STATUS_FILTER, STREET_COMMUNITY)

CUBE_CELL = 200  # metres of Web Mercator: the cell of the cell cubes

# Status and escalation level on a cube (a).
_LEVELS = f"{STATUS_FILTER.format(t='a')} {ESCALATION_FILTER.format(t='a')}"

_RAW_BINS = """
SELECT cell_x(c.geom, %(size)s) AS cx, cell_y(c.geom, %(size)s) AS cy, count(*) AS cases
FROM cases c
WHERE {filters} {escalation} AND {range}
GROUP BY 1, 2"""

# The cubes of 200 m cells, from this allow-list only: by status and escalation level alone,
# or with level-1 category and source as well (ten times the rows; for level-1 categories
# only, which CODE_KEYS then select exactly).
_CUBE_BINS = {
    "case_cell_month_level": "",
    "case_cell_month": f"\n  AND {CODE_KEYS.format(t='a')}",
}


def bins(cube: str | None, district: bool = False) -> str:
    """(cx, cy, cases) per cell of %(size)s metres: from the cases alone, or (cells of
    CUBE_CELL only) whole months from ``cube`` and the partial months from the cases, or for
    the ``district`` without category or source from case_district_cell_day."""
    def raw(range_: str) -> str:
        return _RAW_BINS.format(filters=FILTERS.format(t="c"),
                                escalation=ESCALATION_FILTER.format(t="c"), range=range_)

    if cube is None:
        return raw(IN_RANGE)
    whole_months = f"""
SELECT a.cx, a.cy, sum(a.cases) AS cases
FROM {cube} a
WHERE a.month >= %(full_from)s AND a.month < %(full_to)s
  AND {STREET_COMMUNITY.format(t='a')}{_LEVELS}{_CUBE_BINS[cube]}
GROUP BY 1, 2"""
    assert not district or cube == "case_cell_month_level"
    edges = [f"""
SELECT a.cx, a.cy, sum(a.cases) AS cases
FROM case_district_cell_day a
WHERE {DAY_EDGES}{_LEVELS}
GROUP BY 1, 2"""] if district else [raw(edge) for edge in EDGES]
    return f"SELECT cx, cy, sum(cases)::bigint AS cases " \
           f"FROM ({' UNION ALL '.join([*edges, whole_months])}) u GROUP BY 1, 2"


# The newest cases in a box (lon/lat) or one cell, with the reporter's data to be masked by the caller.
POINTS = f"""
SELECT c.id, c.external_id, ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat,
       c.reported_at AT TIME ZONE %(tz)s AS reported_at, c.category_code,
       cat.name AS category, cat.name_en AS category_en, c.source_code, c.status, c.escalation,
       s.name AS site, p.reporter_name, p.reporter_phone
FROM cases c
JOIN case_categories cat ON cat.code = c.category_code
LEFT JOIN sites s ON s.id = c.site_id
LEFT JOIN case_personal p ON p.case_id = c.id
WHERE {FILTERS.format(t='c')} {ESCALATION_FILTER.format(t='c')} AND {IN_RANGE}
  AND c.geom && ST_MakeEnvelope(%(west)s, %(south)s, %(east)s, %(north)s, 4326)
  AND (%(cx)s::int IS NULL
       OR (cell_x(c.geom, %(size)s) = %(cx)s AND cell_y(c.geom, %(size)s) = %(cy)s))
ORDER BY c.reported_at DESC
LIMIT %(limit)s"""

# Cases per residential site and quarter in the range (one scan for the top sites and the
# case rates by management mode). A case's quarter is found among the quarters' first moments
# by width_bucket (a binary search of an array made once), not by converting every case's
# time to local time and truncating it: half the time of a district-wide scan.
_RAW_SITE_QUARTERS = """
SELECT site_id, (date_trunc('quarter', %(lo)s::date) + (q - 1) * interval '3 months')::date
           AS quarter,
       cases
FROM (SELECT c.site_id,
             width_bucket(c.reported_at, (
                 SELECT array_agg(q::timestamp AT TIME ZONE %(tz)s ORDER BY q)
                 FROM generate_series(date_trunc('quarter', %(lo)s::date), %(hi)s::date,
                                      interval '3 months') q)) AS q,
             count(*) AS cases
      FROM cases c
      WHERE c.site_id IS NOT NULL AND {filters} {escalation} AND {range}
      GROUP BY 1, 2) b"""
# A partial month at either end lies in one quarter: a constant.
_EDGE_SITE_QUARTERS = """
SELECT c.site_id, date_trunc('quarter', {month}::date)::date AS quarter, count(*) AS cases
FROM cases c
WHERE c.site_id IS NOT NULL AND {filters} {escalation} AND {range}
GROUP BY 1"""

# The cubes of cases per site and month, from this allow-list only: by status and escalation
# level (read through the scope's communities), or by level-1 category and source as well
# (read through their codes; for level-1 categories only, which CODE_KEYS then select exactly).
_CUBE_SITES = {
    "case_site_month": f"{SCOPE_FILTERS.format(t='a')}{_LEVELS}",
    "case_site_code_month": f"""{CODE_KEYS.format(t='a')}
  AND {STREET_COMMUNITY.format(t='a')}{_LEVELS}""",
}


def site_quarter_cases(cube: str | None) -> str:
    """(site_id, quarter, cases): from the cases alone, or whole months from ``cube``
    (_CUBE_SITES) and the partial months from the cases."""
    filters = {"filters": FILTERS.format(t="c"), "escalation": ESCALATION_FILTER.format(t="c")}
    if cube is None:
        return _RAW_SITE_QUARTERS.format(range=IN_RANGE, **filters)
    # summed by month first: a quarter per row of the cube costs more than the sum
    whole_months = f"""
SELECT site_id, date_trunc('quarter', month)::date, sum(cases)
FROM (SELECT a.site_id, a.month, sum(a.cases) AS cases
      FROM {cube} a
      WHERE {_CUBE_SITES[cube]}
        AND a.month >= %(full_from)s AND a.month < %(full_to)s
      GROUP BY 1, 2) m
GROUP BY 1, 2"""
    parts = [_EDGE_SITE_QUARTERS.format(month=month, range=edge, **filters)
             for month, edge in zip(EDGE_MONTHS, EDGES)] + [whole_months]
    return (f"SELECT site_id, quarter, sum(cases)::bigint AS cases "
            f"FROM ({' UNION ALL '.join(parts)}) u GROUP BY 1, 2")


# Every residential site of the scope with its management mode on each quarter's first day.
SITE_QUARTER_MODES = """
WITH quarters AS (
    SELECT q::date AS quarter
    FROM generate_series(date_trunc('quarter', %(lo)s::date),
                         (%(hi)s::date - 1)::timestamp, interval '3 months') q)
SELECT q.quarter, s.id AS site_id, s.name, cm.name AS community, s.households,
       coalesce(m.mode, 'none') AS mode
FROM quarters q
CROSS JOIN sites s
JOIN communities cm ON cm.code = s.community_code
LEFT JOIN management m ON m.site_id = s.id AND m.valid_from <= q.quarter
     AND (m.valid_to IS NULL OR m.valid_to > q.quarter)
WHERE s.kind IN ('compound', 'open_courtyard') AND s.community_code = ANY(%(communities)s)"""

