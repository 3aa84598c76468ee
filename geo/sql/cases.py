"""Case figures for a scope and filters: counts, closed, median hours to close, by category."""

# Filters on the cases table; every value is a bound parameter. Dates are whole local days.
WHERE = """
(%(street)s::text IS NULL OR c.street_code = %(street)s)
AND (%(community)s::text IS NULL OR c.community_code = %(community)s)
AND (%(date_from)s::date IS NULL
     OR c.reported_at >= (%(date_from)s::date)::timestamp AT TIME ZONE %(tz)s)
AND (%(date_to)s::date IS NULL
     OR c.reported_at < (%(date_to)s::date + 1)::timestamp AT TIME ZONE %(tz)s)
AND (%(categories)s::text[] IS NULL OR c.category_code = ANY(%(categories)s)
     OR c.category_l1 = ANY(%(categories)s))
AND (%(sources)s::text[] IS NULL OR c.source_code = ANY(%(sources)s))
AND (%(status)s::text IS NULL OR c.status = %(status)s)
AND (%(escalation)s::text IS NULL OR c.escalation = %(escalation)s)
"""

# Group key per --by, from this allow-list only.
GROUPINGS = {
    None: "NULL::text",
    "community": "c.community_code",
    "site": "s.external_id",
    "category": "c.category_l1",
    "source": "c.source_code",
    "month": "to_char(c.reported_at AT TIME ZONE %(tz)s, 'YYYY-MM')",
}


def query(by: str | None) -> str:
    key = GROUPINGS[by]
    join = "JOIN sites s ON s.id = c.site_id" if by == "site" else ""
    return f"""
WITH f AS (
    SELECT {key} AS code, c.id, c.category_l1, c.reported_at, c.closed_at
    FROM cases c {join} WHERE {WHERE}),
g AS (
    SELECT code, count(id) AS cases, count(closed_at) AS closed,
           percentile_cont(0.5) WITHIN GROUP (
               ORDER BY extract(epoch FROM closed_at - reported_at) / 3600.0)
               AS median_hours_to_close
    FROM f GROUP BY code),
cat AS (
    SELECT code, jsonb_object_agg(category_l1, n ORDER BY category_l1) AS by_category
    FROM (SELECT code, category_l1, count(*) AS n FROM f GROUP BY code, category_l1) x
    GROUP BY code)
SELECT g.code, g.cases, g.closed, g.median_hours_to_close, coalesce(cat.by_category, '{{}}')
FROM g LEFT JOIN cat ON cat.code IS NOT DISTINCT FROM g.code
ORDER BY g.code"""


NAMES = {
    "community": "SELECT code, name FROM communities WHERE code = ANY(%s)",
    "site": "SELECT external_id, name FROM sites WHERE external_id = ANY(%s)",
    "category": "SELECT code, name FROM case_categories WHERE code = ANY(%s)",
    "source": "SELECT code, name FROM case_sources WHERE code = ANY(%s)",
}
