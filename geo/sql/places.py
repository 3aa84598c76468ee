"""Look-ups of the district's places and case codes, for menus and names."""
from __future__ import annotations

from psycopg2 import sql

from geo.sql import compose

STREETS = sql.SQL("SELECT code, name FROM streets ORDER BY code")
COMMUNITIES = sql.SQL("""
SELECT code, name FROM communities
WHERE %(street)s::text IS NULL OR street_code = %(street)s
ORDER BY code""")
# parents first, each followed by its children
CATEGORIES = sql.SQL("""
SELECT code, name, name_en, level, parent_code FROM case_categories
ORDER BY coalesce(parent_code, code), level, code""")
SOURCES = sql.SQL("SELECT code, name, name_en FROM case_sources ORDER BY code")

CODE_TABLES = ("streets", "communities", "case_categories", "case_sources")


def codes_among(table: str) -> sql.Composed:
    """Which of the codes given (%s, a list) ``table`` (one of CODE_TABLES) holds."""
    if table not in CODE_TABLES:
        raise ValueError(table)
    return compose("SELECT code FROM {table} WHERE code = ANY(%s)", table=sql.Identifier(table))
