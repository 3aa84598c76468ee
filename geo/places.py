"""Small lookups the pages need: streets and communities with their names, case codes."""
from __future__ import annotations

from geo import db
from geo.sql import places as sql


def _tuples(frame) -> list[tuple]:
    """The rows as tuples, a missing value as None (not NaN)."""
    return list(frame.astype(object).where(frame.notna(), None).itertuples(index=False, name=None))


def streets(conn) -> list[tuple[str, str]]:
    return _tuples(db.frame(conn, sql.STREETS))


def communities(conn, street: str | None = None) -> list[tuple[str, str]]:
    return _tuples(db.frame(conn, sql.COMMUNITIES, {"street": street}))


def categories(conn) -> list[tuple[str, str, str | None, int, str | None]]:
    """(code, name, name_en, level, parent code) of every case category, parents first."""
    return _tuples(db.frame(conn, sql.CATEGORIES))


def sources(conn) -> list[tuple[str, str, str | None]]:
    return _tuples(db.frame(conn, sql.SOURCES))


def code_names(conn, lang: str) -> dict[str, dict[str, str]]:
    """The names of the district's own codes (streets, categories, sources) by the columns
    that hold them, for geo.labels; English names where they exist and are asked for."""
    pick = (lambda name, en: en if lang == "en" and en else name)
    category = {row[0]: pick(row[1], row[2]) for row in categories(conn)}
    source = {row[0]: pick(row[1], row[2]) for row in sources(conn)}
    return {"street_code": dict(streets(conn)), "category_code": category,
            "source_code": source, "source": source}
