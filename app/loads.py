"""The map pages' cached loads, in a module of their own: the server's warm-up
(app/warmup.py) fills them before the first visit without importing the pages, whose map
component registers only inside a page run."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from app.connections import cached
from geo import cases, coverage
from geo.stats import CaseFilters, Scope


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


# The case page's three loads run side by side (connections.side_by_side), in threads: no
# spinner of their own.
@cached(ttl=120, max_entries=200, show_spinner=False)
def load_bins(conn, scope: Scope, filters: CaseFilters) -> pd.DataFrame:
    return cases.bins(conn, scope, filters)


@cached(ttl=120, max_entries=200, show_spinner=False)
def load_figures(conn, scope: Scope, filters: CaseFilters) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    return cases.figures(conn, scope, filters)


@cached(ttl=120, max_entries=100, show_spinner=False)
def load_sites_and_modes(conn, scope: Scope, filters: CaseFilters,
                         today: dt.date) -> tuple[pd.DataFrame, pd.DataFrame]:
    return cases.site_case_rates(conn, scope, filters, today)


@st.cache_data(ttl=120, max_entries=100)
def load_hotspots(cells: pd.DataFrame, size: int) -> pd.DataFrame:
    return cases.hotspots(cells, size)


@cached(ttl=600)
def load_outlines(conn, view: coverage.View):
    return coverage.communities(conn, view)
