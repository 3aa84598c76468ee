"""What every page shares: the view state in the URL, the sidebar, the connection and caches.

Pages stay thin: they read the state from here, call ``geo`` through the cached functions, hand
frames to ``layers`` and render.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace

import psycopg2
import streamlit as st

from geo import db, mapdata, places
from geo.i18n import LANGUAGES, t
from layers.basemap import BASEMAPS

LAYERS = ("sites", "clusters", "communities", "streets", "grids", "demonstration", "assignments")
DEFAULT_LAYERS = ("sites", "clusters", "communities", "streets", "demonstration")


@dataclass
class State:
    """The whole view, mirrored in st.query_params so that a link reproduces it."""

    lang: str = "zh"
    street: str | None = None
    community: str | None = None
    as_of: dt.date = field(default_factory=dt.date.today)
    compare: dt.date | None = None
    basemap: str = "osm"
    tiles: str | None = None  # the custom XYZ URL when basemap == "custom"
    layers: tuple[str, ...] = DEFAULT_LAYERS
    site: int | None = None
    center: tuple[float, float] | None = None
    zoom: int | None = None

    @property
    def view(self) -> mapdata.View:
        return mapdata.View(self.street, self.community, self.as_of)


def _date(text: str | None, default: dt.date | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else default
    except ValueError:
        return default


def read_state() -> State:
    q = st.query_params
    center = None
    try:
        if "lat" in q and "lon" in q:
            center = (float(q["lat"]), float(q["lon"]))
    except ValueError:
        center = None
    layers = tuple(x for x in q.get("layers", ",".join(DEFAULT_LAYERS)).split(",") if x in LAYERS)
    basemap = q.get("basemap", os.environ.get("ATLAS_BASEMAP", "osm"))
    return State(
        lang=q.get("lang", "zh") if q.get("lang") in LANGUAGES else "zh",
        street=q.get("street") or None, community=q.get("community") or None,
        as_of=_date(q.get("as_of"), dt.date.today()), compare=_date(q.get("compare"), None),
        basemap=basemap if basemap in BASEMAPS else "osm", layers=layers,
        tiles=q.get("tiles") or None,
        site=int(q["site"]) if q.get("site", "").isdigit() else None,
        center=center, zoom=int(q["zoom"]) if q.get("zoom", "").isdigit() else None)


def write_state(s: State) -> None:
    """Put the state back in the URL (only what differs from the defaults)."""
    values = {"lang": s.lang, "street": s.street, "community": s.community,
              "as_of": s.as_of.isoformat() if s.as_of != dt.date.today() else None,
              "compare": s.compare.isoformat() if s.compare else None, "basemap": s.basemap,
              "tiles": s.tiles if s.basemap == "custom" else None,
              "layers": ",".join(s.layers) if s.layers != DEFAULT_LAYERS else None,
              "site": str(s.site) if s.site else None,
              "lat": f"{s.center[0]:.5f}" if s.center else None,
              "lon": f"{s.center[1]:.5f}" if s.center else None,
              "zoom": str(s.zoom) if s.zoom else None}
    for key, value in values.items():
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != value:
            st.query_params[key] = value


# ---------------------------------------------------------------- connection and caches
@st.cache_resource
def connection():
    return db.connect()


def conn_or_stop(lang: str):
    """The shared connection; on failure a plain message (and a retry on the next rerun)."""
    try:
        conn = connection()
        with conn.cursor() as cur:
            cur.execute("SELECT 1")
        conn.rollback()
        return conn
    except psycopg2.Error:
        connection.clear()
        st.error(t("database_unavailable", lang))
        st.stop()


@st.cache_data(ttl=600)
def streets(_conn) -> list[tuple[str, str]]:
    return places.streets(_conn)


@st.cache_data(ttl=600)
def communities(_conn, street: str | None) -> list[tuple[str, str]]:
    return places.communities(_conn, street)


def sidebar(conn, s: State) -> State:
    """Language, scope, date and map options; returns the new state."""
    sb = st.sidebar
    lang = sb.radio("语言 / Language", LANGUAGES, index=LANGUAGES.index(s.lang), horizontal=True,
                    format_func=lambda c: {"zh": "中文", "en": "English"}[c], key="lang")
    street_opts = streets(conn)
    names = dict(street_opts)
    codes = [None] + [c for c, _ in street_opts]
    street = sb.selectbox(t("street", lang), codes,
                          index=codes.index(s.street) if s.street in codes else 0,
                          format_func=lambda c: t("all", lang) if c is None else names[c], key="street")
    comm_opts = communities(conn, street)
    cnames = dict(comm_opts)
    ccodes = [None] + [c for c, _ in comm_opts]
    community = sb.selectbox(t("community", lang), ccodes,
                             index=ccodes.index(s.community) if s.community in ccodes else 0,
                             format_func=lambda c: t("all", lang) if c is None else cnames[c],
                             key="community")
    as_of = sb.date_input(t("as_of", lang), value=s.as_of, key="as_of")
    compare = sb.date_input(t("compare_with", lang),
                            value=s.compare or as_of.replace(year=as_of.year - 1), key="compare")
    basemap = sb.selectbox(t("basemap", lang), BASEMAPS, index=BASEMAPS.index(s.basemap),
                           format_func=lambda b: t(f"basemap_{b}", lang), key="basemap")
    tiles = s.tiles
    if basemap == "custom":
        tiles = sb.text_input(t("custom_tiles", lang), value=s.tiles or "", key="tiles",
                              placeholder="http://tiles.example/{z}/{x}/{y}.png").strip() or None
    layers = sb.multiselect(t("layers", lang), LAYERS, default=list(s.layers),
                            format_func=lambda x: t(f"layer_{x}", lang), key="layers")
    new = replace(s, lang=lang, street=street, community=community, as_of=as_of,
                  compare=compare, basemap=basemap, tiles=tiles, layers=tuple(layers))
    if (street, community) != (s.street, s.community):
        new = replace(new, site=None, center=None, zoom=None)  # fit the new selection
    return new
