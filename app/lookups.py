"""Cached look-ups every page uses: streets, communities, case codes, the district's today."""
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
def case_codes(conn) -> tuple[list[tuple], list[tuple]]:
    return places.categories(conn), places.sources(conn)


@cached(ttl=600)
def today(conn) -> dt.date:
    with conn.cursor() as cur:
        day = stats.district_today(cur)
    conn.rollback()
    return day
