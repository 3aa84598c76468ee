"""Small lookups the pages need: streets and communities with their names."""
from __future__ import annotations

from geo import db


def streets(conn) -> list[tuple[str, str]]:
    return list(db.frame(conn, "SELECT code, name FROM streets ORDER BY code", ()).itertuples(
        index=False, name=None))


def communities(conn, street: str | None = None) -> list[tuple[str, str]]:
    return list(db.frame(conn, """SELECT code, name FROM communities
                                 WHERE %(street)s::text IS NULL OR street_code = %(street)s
                                 ORDER BY code""", {"street": street}).itertuples(
        index=False, name=None))


def categories(conn) -> list[tuple[str, str, str | None, int, str | None]]:
    """(code, name, name_en, level, parent name) of every case category, parents first."""
    return list(db.frame(conn, """
        SELECT c.code, c.name, c.name_en, c.level, p.name AS parent
        FROM case_categories c LEFT JOIN case_categories p ON p.code = c.parent_code
        ORDER BY coalesce(c.parent_code, c.code), c.level, c.code""", ()).itertuples(
        index=False, name=None))


def sources(conn) -> list[tuple[str, str, str | None]]:
    return list(db.frame(conn, "SELECT code, name, name_en FROM case_sources ORDER BY code",
                         ()).itertuples(index=False, name=None))
