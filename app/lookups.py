"""Cached look-ups every page uses: streets, communities, case codes and their names, the
district's zone and today."""
from __future__ import annotations

import datetime as dt

from app.connections import cached
from geo import places, stats


@cached(ttl=600)
def streets(conn) -> list[tuple[str, str]]:
    return places.streets(conn)


@cached(ttl=600)
def communities(conn, street: str | None) -> list[tuple[str, str]]:
    return places.communities(conn, street)


@cached(ttl=600)
def categories(conn) -> list[tuple]:
    return places.categories(conn)


@cached(ttl=60)  # a minute after midnight at most, "today" turns
def today(conn) -> dt.date:
    with conn.cursor() as cur:
        day = stats.district_today(cur)
    conn.rollback()
    return day


@cached(ttl=600)
def timezone(conn) -> str:
    with conn.cursor() as cur:
        zone = stats.district_timezone(cur)
    conn.rollback()
    return zone


@cached(ttl=600)
def code_names(conn, lang: str) -> dict[str, dict[str, str]]:
    return places.code_names(conn, lang)
