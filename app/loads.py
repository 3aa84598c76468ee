"""The coverage page's cached loads, in a module of their own: the server's warm-up
(app/warmup.py) fills them before the first visit without importing the pages, whose map
component registers only inside a page run."""
from __future__ import annotations

import pandas as pd

from app.connections import cached
from geo import coverage


@cached(ttl=120)
def load_map_data(conn, view: coverage.View, layers: tuple[str, ...]) -> dict:
    return coverage.map_layers(conn, view, layers)


@cached(ttl=120)
def load_kpis(conn, view: coverage.View) -> dict:
    return coverage.kpis(conn, view)


@cached(ttl=120)
def load_gaps(conn, view: coverage.View) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    return (coverage.gaps(conn, view), coverage.sites_without_cadre(conn, view),
            coverage.communities_without_leader(conn, view))


@cached(ttl=300)
def load_trend(conn, view: coverage.View) -> pd.DataFrame:
    return coverage.trend(conn, view)
