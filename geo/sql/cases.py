"""Case figures for a scope and filters: counts, closed, median hours to close, by category.

Whole months inside the date range come from the pre-aggregates that geo.cubes.answering
chooses (kept equal to the cases by triggers, see geo/cubes.py); the partial
months at either end, at most two, from the cases themselves or from the district's
aggregates by day. The median is taken from a histogram of whole hours to close (exact to the
hour) when the filters allow it, else from the cases.
"""

from psycopg2 import sql

from geo.cubes import BY_NAME, Answer
from geo.sql.cubes import CELL_X, CELL_Y
from geo.sql import compose, names

UNION_ALL = sql.SQL(" UNION ALL ")


def on(fragment: str, alias: str) -> sql.Composed:
    """A fragment of this module ({t} in it) on the table or subquery ``alias``."""
    return compose(fragment, t=sql.Identifier(alias))


# Filters shared by the cases and the aggregates (same column names); values bound. The scope's
# communities are listed so that the (community, time) index bounds a street's or the
# district's scan as well as a community's (row-level security keeps to them anyway, so a table
# read through another index takes STREET_COMMUNITY alone: the list is a cost per row there).
# The district's aggregates have no scope columns and take CODE_FILTERS alone.
STREET_COMMUNITY = """(%(street)s::text IS NULL OR {t}.street_code = %(street)s)
AND (%(community)s::text IS NULL OR {t}.community_code = %(community)s)"""
SCOPE_FILTERS = "\n{t}.community_code = ANY(%(communities)s)\nAND " + STREET_COMMUNITY
CODE_FILTERS = """
(%(categories)s::text[] IS NULL OR {t}.category_code = ANY(%(category_codes)s))
AND (%(sources)s::text[] IS NULL OR {t}.source_code = ANY(%(sources)s))"""
STATUS_FILTER = "\nAND (%(status)s::text IS NULL OR {t}.status = %(status)s)"
FILTERS = SCOPE_FILTERS + "\nAND" + CODE_FILTERS + STATUS_FILTER
# The aggregates keyed by level-1 category and source first are read through these bounds:
# the level-1 categories the category filter touches and the sources asked for (all of them
# without a filter), so that a filter reads its own rows only.
CODE_KEYS = "{t}.category_l1 = ANY(%(code_l1s)s) AND {t}.source_code = ANY(%(code_sources)s)"
# The level that resolved a case: NULL in the cases, '' in the aggregates when none.
ESCALATION_FILTER = "AND (%(escalation)s::text IS NULL OR {t}.escalation = %(escalation)s)"

# Local-time bounds: [lo, hi) is the range asked for, [full_from, full_to) its whole months.
# The partial months at the two ends, one range each (a single range lets the index bound the
# scan; an OR of two would read the whole community).
EDGES = (
    """c.reported_at >= %(lo)s::timestamp AT TIME ZONE %(tz)s
       AND c.reported_at < %(full_from)s::timestamp AT TIME ZONE %(tz)s""",
    """c.reported_at >= %(full_to)s::timestamp AT TIME ZONE %(tz)s
       AND c.reported_at < %(hi)s::timestamp AT TIME ZONE %(tz)s""",
)
# The rest of the months of the two partial months: [month_start, lo) and [hi, month_end).
# A partial month with no case there counts whole (NONE_OUTSIDE); one longer than its rest is
# read as the whole month from a cube less the cases of the rest (site_quarter_cases).
COMPLEMENTS = (
    """c.reported_at >= %(month_start)s::timestamp AT TIME ZONE %(tz)s
       AND c.reported_at < %(lo)s::timestamp AT TIME ZONE %(tz)s""",
    """c.reported_at >= %(hi)s::timestamp AT TIME ZONE %(tz)s
       AND c.reported_at < %(month_end)s::timestamp AT TIME ZONE %(tz)s""",
)
IN_RANGE = """
c.reported_at >= %(lo)s::timestamp AT TIME ZONE %(tz)s
AND c.reported_at < %(hi)s::timestamp AT TIME ZONE %(tz)s
"""

# Group key per --by, on the cases (c) and on the aggregates (a); from this allow-list only.
GROUPINGS = {
    None: ("NULL::text", "NULL::text"),
    "community": ("c.community_code", "a.community_code"),
    "site": ("s.external_id", None),
    "category": ("c.category_l1", "a.category_l1"),
    "source": ("c.source_code", "a.source_code"),
    "month": ("date_trunc('month', c.reported_at AT TIME ZONE %(tz)s)::date", "a.month"),
}
# Months are grouped as dates and written out once, at the end.
CODE_OUT = {"month": "to_char(p.code, 'YYYY-MM')"}


# A partial month at either end is one month: its key is a constant, not a conversion per case.
EDGE_MONTHS = ("date_trunc('month', %(lo)s::date)::date",
               "date_trunc('month', %(full_to)s::date)::date")


def _edge_key(by: str | None, edge: int) -> str:
    return EDGE_MONTHS[edge] if by == "month" else GROUPINGS[by][0]


# The district's aggregates by day hold the partial months at the ends of a range: these days,
# and their group keys (they have no community or site).
DAY_EDGES = """((a.day >= %(lo)s AND a.day < %(full_from)s)
     OR (a.day >= %(full_to)s AND a.day < %(hi)s))"""
DAY_GROUPINGS = {None: "NULL::text", "category": "a.category_l1", "source": "a.source_code",
                 "month": "date_trunc('month', a.day)::date"}


# the case's site, for the figures by site
SITE_JOIN = "JOIN sites s ON s.id = c.site_id AND s.street_code = c.street_code"


def _counts(by: str | None, answer: Answer) -> str:
    """(code, category_l1, escalation, located_by, cases, closed, rated, satisfied): whole months from the answering cube
    (with the scope's columns, or the district's) and the partial months from the cases, or
    from the district's cube by day."""
    raw_key, agg_key = GROUPINGS[by]
    join = SITE_JOIN if by == "site" else ""

    def raw(where: str, key: str = raw_key) -> sql.Composed:
        return compose("""
        SELECT {key} AS code, c.category_l1, coalesce(c.escalation, '') AS escalation,
               c.located_by, count(*) AS cases,
               count(*) FILTER (WHERE c.status = 'closed') AS closed,
               count(c.satisfaction) AS rated,
               count(*) FILTER (WHERE c.satisfaction >= 4) AS satisfied
        FROM cases c {join}
        WHERE {filters} {escalation} AND {where}
        GROUP BY 1, 2, 3, 4""", key=key, join=join, filters=on(FILTERS, "c"),
                       escalation=on(ESCALATION_FILTER, "c"), where=where)

    if answer.whole is None:
        return raw(IN_RANGE)
    if "community_code" not in BY_NAME[answer.whole].columns:
        filters = on(CODE_FILTERS + STATUS_FILTER, "a")
        edges = compose("""
        SELECT {key} AS code, a.category_l1, a.escalation, a.located_by, sum(a.cases) AS cases,
               sum(a.closed) AS closed, sum(a.rated) AS rated, sum(a.satisfied) AS satisfied
        FROM {by_day} a
        WHERE {filters} {escalation} AND {days}
        GROUP BY 1, 2, 3, 4""", key=DAY_GROUPINGS[by], filters=filters, by_day=sql.Identifier(answer.edges),
                        escalation=on(ESCALATION_FILTER, "a"), days=DAY_EDGES)
    else:
        filters = on(FILTERS, "a")
        edges = UNION_ALL.join(raw(edge, _edge_key(by, i)) for i, edge in enumerate(EDGES))
    return edges + compose("""
        UNION ALL
        SELECT {key}, a.category_l1, a.escalation, a.located_by, sum(a.cases), sum(a.closed),
               sum(a.rated), sum(a.satisfied)
        FROM {table} a
        WHERE {filters} {escalation}
          AND a.month >= %(full_from)s AND a.month < %(full_to)s
        GROUP BY 1, 2, 3, 4""", key=agg_key, filters=filters, escalation=on(ESCALATION_FILTER, "a"),
        table=sql.Identifier(answer.whole))


def _histogram(cube: str, *columns: str) -> sql.Composed:
    """``cube`` a, each row's histogram unnested as h (``columns``: the value, then a count per
    measure)."""
    return compose("{cube} a CROSS JOIN LATERAL unnest({bins}) AS h ({names})",
                   cube=sql.Identifier(cube), names=names(columns),
                   bins=sql.SQL(", ").join(sql.Identifier("a", c) for c in BY_NAME[cube].bins))


# The filters each histogram of hours to close is read with: per community, for the district,
# for the district by category and source. A status filter needs no dimension: only a closed
# case has a closing time (a CHECK), so "closed" is the whole histogram and "open" none of it.
_HISTOGRAM_FILTERS = {
    "case_month_hours": STREET_COMMUNITY,
    "case_district_hours": "true",
    "case_district_code_hours": CODE_KEYS + "\nAND" + CODE_FILTERS,
    "case_street_code_hours": "{t}.street_code = %(street)s AND " + CODE_KEYS,
}


def _hours(by: str | None, answer: Answer) -> str:
    """(code, hours, closed): whole hours to close, whole months from the answering histogram
    and the partial months from the cases or its histogram by day; or all from the cases."""
    raw_key, agg_key = GROUPINGS[by]
    join = SITE_JOIN if by == "site" else ""
    hours = "floor(date_part('epoch', c.closed_at - c.reported_at) / 3600)::int"

    def raw(where: str, key: str = raw_key) -> sql.Composed:
        return compose("""
        SELECT {key} AS code, {hours} AS hours, count(*) AS closed
        FROM cases c {join}
        WHERE c.closed_at IS NOT NULL AND {filters} {escalation}
          AND {where} GROUP BY 1, 2""", key=key, hours=hours, join=join,
                       filters=on(FILTERS, "c"), escalation=on(ESCALATION_FILTER, "c"), where=where)

    if answer.whole is None:
        return raw(IN_RANGE)
    table, filters = answer.whole, _HISTOGRAM_FILTERS[answer.whole]
    closed = compose("%(status)s::text IS DISTINCT FROM 'open' {escalation}",
                     escalation=on(ESCALATION_FILTER, "a"))
    edges = UNION_ALL.join(raw(edge, _edge_key(by, i)) for i, edge in enumerate(EDGES))
    return edges + compose("""
        UNION ALL
        SELECT {key}, h.hours, sum(h.closed)
        FROM {histogram}
        WHERE {filters} AND {closed}
          AND a.month >= %(full_from)s AND a.month < %(full_to)s
        GROUP BY 1, 2""", key=agg_key, histogram=_histogram(table, "hours", "closed"),
        filters=on(filters, "a"), closed=closed)


def query(by: str | None, counts: Answer, hours: Answer, total: bool = False) -> sql.Composed:
    """The figures per ``by``: the counts and the hours to close from the cubes that answer
    them (geo.cubes.answering). With ``total``, a row
    for the whole selection as well (code NULL, last), added up from the groups' counts, and
    the median of that row only (the groups' is NULL)."""
    return compose("""
WITH by_code AS ({counts}),
counts AS (SELECT * FROM by_code
           {total}),
per_code AS (
    SELECT code, sum(cases)::bigint AS cases, sum(closed)::bigint AS closed,
           sum(rated)::bigint AS rated, sum(satisfied)::bigint AS satisfied,
           jsonb_object_agg(category_l1, n ORDER BY category_l1) AS by_category
    FROM (SELECT code, category_l1, sum(cases) AS cases, sum(closed) AS closed,
                 sum(rated) AS rated, sum(satisfied) AS satisfied,
                 sum(cases)::bigint AS n FROM counts GROUP BY 1, 2) x
    WHERE cases > 0
    GROUP BY code),
per_escalation AS (
    SELECT code, jsonb_object_agg(escalation, n) AS by_escalation
    FROM (SELECT code, escalation, sum(cases)::bigint AS n FROM counts
          WHERE escalation <> '' GROUP BY 1, 2) x
    WHERE n > 0
    GROUP BY code),
per_located AS (
    SELECT code, jsonb_object_agg(located_by, n) AS by_located
    FROM (SELECT code, located_by, sum(cases)::bigint AS n FROM counts GROUP BY 1, 2) x
    WHERE n > 0
    GROUP BY code),
hist AS (
    SELECT code, hours, sum(closed) AS closed
    FROM ({hours}) y GROUP BY 1, 2),
cumulative AS (
    SELECT code, hours, sum(closed) OVER (PARTITION BY code ORDER BY hours) AS running,
           sum(closed) OVER (PARTITION BY code)::bigint AS total
    FROM hist),
-- the middle one or two closings by rank; each lies within its whole hour, so the middle of
-- the hour is within an hour of the exact median
median AS (
    SELECT code, (min(hours) FILTER (WHERE running >= (total + 1) / 2)
                  + min(hours) FILTER (WHERE running >= total / 2 + 1)) / 2.0 + 0.5
               AS median_hours
    FROM cumulative GROUP BY code)
SELECT {code}, p.cases, p.closed, p.rated, p.satisfied, m.median_hours, p.by_category,
       e.by_escalation, l.by_located
FROM per_code p
LEFT JOIN median m ON {median_of}
LEFT JOIN per_escalation e ON e.code IS NOT DISTINCT FROM p.code
LEFT JOIN per_located l ON l.code IS NOT DISTINCT FROM p.code
ORDER BY p.code""",
        counts=_counts(by, counts), hours=_hours(None if total else by, hours),
        total="UNION ALL SELECT NULL, category_l1, escalation, located_by, cases, closed, "
              "rated, satisfied "
              "FROM by_code"
              if total else "",
        code=CODE_OUT.get(by, "p.code"),
        median_of="p.code IS NULL" if total else "m.code IS NOT DISTINCT FROM p.code")


# Whether the scope has no case in the partial months at either end outside the range
# (COMPLEMENTS). Each is a bounded look into the (community, time) index per community.
NONE_OUTSIDE = compose("""
SELECT NOT EXISTS (SELECT 1 FROM cases c WHERE c.community_code = ANY(%(communities)s)
                   AND {first}),
       NOT EXISTS (SELECT 1 FROM cases c WHERE c.community_code = ANY(%(communities)s)
                   AND {last})""", first=COMPLEMENTS[0], last=COMPLEMENTS[1])


def count(answer: Answer) -> sql.Composed:
    """Just the number of cases of a scope in a date range (no filters): whole months from
    the answering cube, the partial months by an index-only count."""
    return compose("""
SELECT (SELECT coalesce(sum(a.cases), 0) FROM {cube} a
        WHERE {scope}
          AND a.month >= %(full_from)s AND a.month < %(full_to)s)
""", cube=sql.Identifier(answer.whole), scope=on(STREET_COMMUNITY, "a")) + sql.Composed([
        compose(" + (SELECT count(*) FROM cases c WHERE {scope} AND {edge})",
                scope=on(SCOPE_FILTERS, "c"), edge=edge) for edge in EDGES])


# The district's cases with no community (unplaced: no address matched), counted beside the
# figures, under the same filters; row-level security shows them to district users only.
UNPLACED = compose("""
SELECT count(*) FROM cases c
WHERE c.community_code IS NULL AND {codes} {status} {escalation} AND {in_range}""",
                   codes=on(CODE_FILTERS, "c"), status=on(STATUS_FILTER, "c"),
                   escalation=on(ESCALATION_FILTER, "c"), in_range=IN_RANGE)

NAMES = {
    "community": "SELECT code, name FROM communities WHERE code = ANY(%s)",
    "site": "SELECT external_id, name FROM sites WHERE external_id = ANY(%s)",
    "category": "SELECT code, name FROM case_categories WHERE code = ANY(%s)",
    "source": "SELECT code, name FROM case_sources WHERE code = ANY(%s)",
}


# The bounds of CODE_KEYS, whether the category filter has level-1 categories only, whether
# the district's aggregates may answer (the scope is the whole district and the user sees it),
# and whether a street's may (the scope is a whole street and the user sees all of it).
CODE_BOUNDS = """
SELECT (SELECT array_agg(DISTINCT coalesce(parent_code, code)) FROM case_categories
        WHERE %(categories)s::text[] IS NULL OR code = ANY(%(categories)s)),
       (SELECT array_agg(code) FROM case_sources
        WHERE %(sources)s::text[] IS NULL OR code = ANY(%(sources)s)),
       (SELECT coalesce(bool_and(parent_code IS NULL), true) FROM case_categories
        WHERE code = ANY(%(categories)s)),
       (SELECT array_agg(code) FROM case_categories
        WHERE code = ANY(%(categories)s) OR parent_code = ANY(%(categories)s)),
       %(whole_district)s AND atlas_sees_district(),
       %(street)s::text IS NOT NULL AND %(community)s::text IS NULL
           AND (current_user <> 'atlas_user' OR atlas_sees(%(street)s, ''))"""


SCOPE_COMMUNITIES = """
SELECT code FROM communities
WHERE (%(street)s::text IS NULL OR street_code = %(street)s)
  AND (%(community)s::text IS NULL OR code = %(community)s)"""


# ---------------------------------------------------------------- the case map: cells, points, sites
# Every query takes the filters above (same parameters), whose list of the scope's communities
# lets the covering index (community, time) INCLUDE (point, filter columns) answer the binning
# without touching the table.


# Status and escalation level on a cube (a).
_LEVELS = STATUS_FILTER + " " + ESCALATION_FILTER

_RAW_BINS = """
SELECT cell_x(c.geom, %(size)s) AS cx, cell_y(c.geom, %(size)s) AS cy, count(*) AS cases
FROM cases c
WHERE {filters} {escalation} AND {range} AND c.geom IS NOT NULL
GROUP BY 1, 2"""

# The cubes of 200 m cells, from this allow-list only: by status and escalation level alone,
# or with level-1 category and source as well (ten times the rows; for level-1 categories
# only, which CODE_KEYS then select exactly).
_CUBE_BINS = {
    "case_cell_month_level": "",
    "case_cell_month": "\n  AND " + CODE_KEYS,
}


def _cube_cells(cube: str, where: sql.Composable) -> sql.Composed:
    """(cx, cy, cases) from the histograms of cells of ``cube``'s rows that ``where`` keeps."""
    return compose("""
SELECT {cx} AS cx, {cy} AS cy, sum(h.cases) AS cases
FROM {histogram}
WHERE {where}
GROUP BY 1, 2""", cx=CELL_X.format("h.cell"), cy=CELL_Y.format("h.cell"),
                   histogram=_histogram(cube, "cell", "cases"), where=where)


def bins(answer: Answer) -> sql.Composed:
    """(cx, cy, cases) per cell of %(size)s metres: from the cases alone, or (cells of
    CUBE_CELL only) whole months from the answering cube and the partial months from the
    cases or from the district's cells by day."""
    def raw(range_: str) -> sql.Composed:
        return compose(_RAW_BINS, filters=on(FILTERS, "c"),
                       escalation=on(ESCALATION_FILTER, "c"), range=range_)

    cube = answer.whole
    if cube is None:
        return raw(IN_RANGE)
    whole_months = _cube_cells(cube, compose(
        "a.month >= %(full_from)s AND a.month < %(full_to)s\n  AND {filters}",
        filters=on(STREET_COMMUNITY + _LEVELS + _CUBE_BINS[cube], "a")))
    edges = [_cube_cells(answer.edges, compose("{days}{levels}", days=DAY_EDGES,
                                               levels=on(_LEVELS, "a")))
             ] if answer.edges else [raw(e) for e in EDGES]
    return compose("SELECT cx, cy, sum(cases)::bigint AS cases FROM ({parts}) u GROUP BY 1, 2",
                   parts=UNION_ALL.join([*edges, whole_months]))


# The newest cases in a box (lon/lat), one cell, or anywhere (with, for the whole district,
# those placed nowhere), with the reporter's data to be masked by the caller.
POINTS = compose("""
SELECT c.id, c.external_id, ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat,
       c.reported_at AT TIME ZONE %(tz)s AS reported_at, c.category_code,
       cat.name AS category, cat.name_en AS category_en, c.source_code, c.status, c.escalation,
       s.name AS site, s.external_id AS site_external_id, c.community_code, c.address,
       c.located_by, p.reporter_name, p.reporter_phone
FROM cases c
JOIN case_categories cat ON cat.code = c.category_code
LEFT JOIN sites s ON s.id = c.site_id AND s.street_code = c.street_code
LEFT JOIN case_personal p ON p.case_id = c.id AND p.street_code = c.street_code
WHERE ({scope} OR (%(whole_district)s AND c.community_code IS NULL))
  AND {codes} {status} {escalation} AND {in_range}
  AND (%(west)s::float8 IS NULL
       OR c.geom && ST_MakeEnvelope(%(west)s, %(south)s, %(east)s, %(north)s, 4326))
  AND (%(cx)s::int IS NULL
       OR (cell_x(c.geom, %(size)s) = %(cx)s AND cell_y(c.geom, %(size)s) = %(cy)s))
ORDER BY c.reported_at DESC
LIMIT %(limit)s""", scope=on(SCOPE_FILTERS, "c"), codes=on(CODE_FILTERS, "c"),
                 status=on(STATUS_FILTER, "c"), escalation=on(ESCALATION_FILTER, "c"),
                 in_range=IN_RANGE)

# Cases per residential site and quarter in the range (one scan for the top sites and the
# case rates by management mode). A case's quarter is found among the quarters' first moments
# by width_bucket (a binary search of an array made once), not by converting every case's
# time to local time and truncating it: half the time of a district-wide scan.
# (as integers: sums of bigints are numerics, several times slower to sum by site and quarter)
_SITE_COUNTS = """count(*)::int AS cases, count(*) FILTER (WHERE c.status = 'closed')::int AS closed,
             count(c.satisfaction)::int AS rated,
             count(*) FILTER (WHERE c.satisfaction >= 4)::int AS satisfied"""
_RAW_SITE_QUARTERS = """
SELECT site_id, (%(quarters)s::date[])[q] AS quarter, cases, closed, rated, satisfied
FROM (SELECT c.site_id,
             width_bucket(c.reported_at, (
                 SELECT array_agg(q::timestamp AT TIME ZONE %(tz)s ORDER BY q)
                 FROM unnest(%(quarters)s::date[]) q)) AS q,
             """ + _SITE_COUNTS + """
      FROM cases c
      WHERE c.site_id IS NOT NULL AND {filters} {escalation} AND {range}
      GROUP BY 1, 2) b"""
# A partial month at either end lies in one quarter: a constant.
_EDGE_SITE_QUARTERS = """
SELECT c.site_id, date_trunc('quarter', {month}::date)::date AS quarter,
       """ + _SITE_COUNTS + """
FROM cases c
WHERE c.site_id IS NOT NULL AND {filters} {escalation} AND {range}
GROUP BY 1"""

# The cubes of cases per site and month, from this allow-list only: by status and escalation
# level (read through the scope's communities), or by level-1 category and source as well
# (read through their codes; for level-1 categories only, which CODE_KEYS then select exactly).
_CUBE_SITES = {
    "case_site_month": SCOPE_FILTERS + _LEVELS,
    "case_site_code_month": CODE_KEYS + "\n  AND " + STREET_COMMUNITY + _LEVELS,
}


# the whole month around each partial month, for a cube's months: [since, until)
EDGE_WHOLE_MONTHS = (("month_start", "full_from"), ("full_to", "month_end"))
_SUBTRACTED = """SELECT site_id, quarter, -cases, -closed, -rated, -satisfied FROM ({rows}) x"""


def site_quarter_cases(cube: str | None, complemented: tuple[bool, bool] = (False, False)
                       ) -> sql.Composed:
    """(site_id, quarter, cases, closed, rated, satisfied): from the cases alone, or whole
    months from ``cube`` (_CUBE_SITES) and the partial months from the cases, or, where
    ``complemented``, from the cube less the cases of the month outside the range."""
    filters = {"filters": on(FILTERS, "c"), "escalation": on(ESCALATION_FILTER, "c")}
    if cube is None:
        return compose(_RAW_SITE_QUARTERS, range=IN_RANGE, **filters)

    def cube_months(since: str, until: str) -> sql.Composed:
        # the cube's rows as they are, summed once with the rest; the quarter of a date taken
        # as a timestamp without zone (as a date it is converted through the session's zone)
        return compose("""
SELECT h.site_id, date_trunc('quarter', a.month::timestamp)::date AS quarter, h.cases,
       CASE WHEN a.status = 'closed' THEN h.cases ELSE 0 END AS closed, h.rated, h.satisfied
FROM {histogram}
WHERE {cube_filters}
  AND a.month >= {since} AND a.month < {until}""",
                       histogram=_histogram(cube, "site_id", "cases", "rated", "satisfied"),
                       cube_filters=on(_CUBE_SITES[cube], "a"),
                       since=sql.Placeholder(since), until=sql.Placeholder(until))

    parts = [cube_months("full_from", "full_to")]
    for i, month in enumerate(EDGE_MONTHS):
        if complemented[i]:
            parts += [cube_months(*EDGE_WHOLE_MONTHS[i]), compose(_SUBTRACTED, rows=compose(
                _EDGE_SITE_QUARTERS, month=month, range=COMPLEMENTS[i], **filters))]
        else:
            parts.append(compose(_EDGE_SITE_QUARTERS, month=month, range=EDGES[i], **filters))
    return compose("SELECT site_id, quarter, sum(cases)::bigint AS cases, "
                   "sum(closed)::bigint AS closed, sum(rated)::bigint AS rated, "
                   "sum(satisfied)::bigint AS satisfied FROM ({parts}) u "
                   "GROUP BY 1, 2 HAVING sum(cases) <> 0",  # none left: a month less its rest
                   parts=UNION_ALL.join(parts))


# The top residential sites by cases per 100 households (kind 'site'), and per quarter and
# management mode, with 'managed' (every mode but none) and 'all', the sites, households and
# cases (kind 'mode'): summed here, so that a district of 30,000 sites sends a few dozen rows,
# not a row per site and quarter.
_SITE_CASE_RATES = """
WITH counts AS ({counts}),
residential AS (
    SELECT id, name, community_code, street_code, households
    FROM sites
    WHERE kind IN ('compound', 'open_courtyard') AND community_code = ANY(%(communities)s)),
by_mode AS (
    -- every residential site of the scope with its mode on each quarter's first day
    SELECT q.quarter, coalesce(m.mode, 'none') AS mode, count(*) AS sites,
           sum(s.households)::bigint AS households, coalesce(sum(c.cases), 0)::bigint AS cases
    FROM unnest(%(quarters)s::date[]) q (quarter)
    CROSS JOIN residential s
    LEFT JOIN management m ON m.site_id = s.id AND m.street_code = s.street_code
         AND m.valid_from <= q.quarter AND (m.valid_to IS NULL OR m.valid_to > q.quarter)
    LEFT JOIN counts c ON c.site_id = s.id AND c.quarter = q.quarter
    GROUP BY 1, 2),
per_site AS (
    SELECT s.id AS site_id, s.name, cm.name AS community, s.households, sum(c.cases) AS cases,
           sum(c.closed) AS closed, sum(c.rated) AS rated, sum(c.satisfied) AS satisfied
    FROM counts c
    JOIN residential s ON s.id = c.site_id
    JOIN communities cm ON cm.code = s.community_code
    WHERE s.households > 0
    GROUP BY 1, 2, 3, 4
    HAVING sum(c.cases) > 0)
(SELECT 'site' AS kind, site_id, name, community, households, NULL::date AS quarter,
        NULL::text AS mode, NULL::bigint AS sites, cases::bigint, closed::bigint,
        rated::bigint, satisfied::bigint
 FROM per_site
 ORDER BY round(100.0 * cases / households, 2) DESC, cases DESC, site_id
 LIMIT %(top)s)
UNION ALL
SELECT 'mode', NULL, NULL, NULL, households, quarter, mode, sites, cases, NULL, NULL, NULL
FROM by_mode
UNION ALL  -- 'managed' (every mode but none) and 'all', from each quarter's modes
SELECT 'mode', NULL, NULL, NULL, sum(households)::bigint, quarter, total, sum(sites)::bigint,
       sum(cases)::bigint, NULL, NULL, NULL
FROM by_mode, unnest(CASE WHEN mode = 'none' THEN ARRAY['all'] ELSE ARRAY['all', 'managed']
                     END) total
GROUP BY quarter, total"""


def site_case_rates(cube: str | None, complemented: tuple[bool, bool] = (False, False)
                    ) -> sql.Composed:
    """(kind, site_id, name, community, households, quarter, mode, sites, cases, closed,
    rated, satisfied): the top sites and the rates by management mode (_SITE_CASE_RATES)
    over ``site_quarter_cases(cube, complemented)``."""
    return compose(_SITE_CASE_RATES, counts=site_quarter_cases(cube, complemented))



DISTRICT_TIMEZONE = "SELECT timezone FROM district LIMIT 1"

# The code and name of a scope: its community or its street (%s), or the district.
SCOPE_LABEL = {"community": "SELECT code, name FROM communities WHERE code = %s",
               "street": "SELECT code, name FROM streets WHERE code = %s",
               "district": "SELECT code, name FROM district LIMIT 1"}
