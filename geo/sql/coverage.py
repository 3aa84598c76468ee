"""Coverage of sites as of a date: managed sites / sites, by count and by households."""

# One row per site in scope with its mode on %(as_of)s (no record holding that day: 'none').
SITES_AS_OF = """
SELECT s.id, s.external_id, s.name, s.kind, s.households, s.community_code, s.street_code,
       coalesce(m.mode, 'none') AS mode
FROM sites s
LEFT JOIN management m ON m.site_id = s.id AND m.valid_from <= %(as_of)s
     AND (m.valid_to IS NULL OR m.valid_to > %(as_of)s)
WHERE s.kind = ANY(%(kinds)s)
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
count(st.id) FILTER (WHERE st.mode = 'none') AS none
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


def query(by: str | None) -> str:
    """The coverage query for a grouping from the allow-list (None, street, community)."""
    return f"""
WITH st AS ({SITES_AS_OF}), g AS ({GROUPS[by]})
SELECT g.code, g.name, {FIGURES}
FROM g LEFT JOIN st ON {GROUP_KEY[by]}
GROUP BY g.code, g.name ORDER BY g.code"""
