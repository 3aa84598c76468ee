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

from geo import db, mapdata, places, stats
from geo.i18n import LANGUAGES, t
from geo import coords
from layers import basemap as basemaps
from layers.basemap import BASEMAPS
from layers.coverage import fit_view

LAYERS = ("sites", "clusters", "communities", "streets", "grids", "demonstration", "assignments")
DEFAULT_LAYERS = ("sites", "clusters", "communities", "streets", "demonstration")
VIEWS = ("coverage", "cases")
DEFAULT_BOUNDS = (120.28, 36.04, 120.43, 36.10)
MAP_SIZE = (760, 620)
PERIODS = ("this_month", "last_3_months", "this_year", "last_year", "custom")
STATUSES = (None, "open", "closed")
ESCALATIONS = (None, "community", "street", "district")
DISPLAYS = ("heat", "hexagon", "column")
CASE_LAYERS = ("heat", "hotspots", "communities")


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
    # the cases view
    page: str = "coverage"
    period: str = "this_year"
    date_from: dt.date | None = None  # when period == "custom"
    date_to: dt.date | None = None
    categories: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    status: str | None = None
    escalation: str | None = None
    display: str = "heat"
    case_layers: tuple[str, ...] = CASE_LAYERS
    month: str | None = None  # playback: one month (YYYY-MM) of the range on the heatmap

    @property
    def view(self) -> mapdata.View:
        return mapdata.View(self.street, self.community, self.as_of)

    @property
    def scope(self) -> stats.Scope:
        return stats.Scope(self.street, self.community)

    def date_range(self, today: dt.date) -> tuple[dt.date, dt.date]:
        return period_range(self.period, today, self.date_from, self.date_to)

    def case_filters(self, today: dt.date, *, month: bool = False) -> stats.CaseFilters:
        """The filters of the cases view; with ``month``, narrowed to the playback month."""
        lo, hi = self.date_range(today)
        if month and self.month:
            start = dt.date.fromisoformat(self.month + "-01")
            end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            lo, hi = max(lo, start), min(hi, end - dt.timedelta(days=1))
        return stats.CaseFilters(lo, hi, self.categories or None, self.sources or None,
                                 self.status, self.escalation)


def period_range(period: str, today: dt.date, date_from: dt.date | None = None,
                 date_to: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The dates (inclusive) of a quick pick, or of the custom range."""
    if period == "this_month":
        return today.replace(day=1), today
    if period == "last_3_months":
        start = (today.replace(day=1) - dt.timedelta(days=62)).replace(day=1)
        return start, today
    if period == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    if period == "custom" and date_from and date_to:
        return min(date_from, date_to), max(date_from, date_to)
    return dt.date(today.year, 1, 1), today


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
        center=center, zoom=int(q["zoom"]) if q.get("zoom", "").isdigit() else None,
        page=_choice(q.get("view"), VIEWS), period=_choice(q.get("period"), PERIODS, "this_year"),
        date_from=_date(q.get("from"), None), date_to=_date(q.get("to"), None),
        categories=_codes(q.get("category")), sources=_codes(q.get("source")),
        status=_choice(q.get("status"), STATUSES), escalation=_choice(q.get("escalation"), ESCALATIONS),
        display=_choice(q.get("display"), DISPLAYS),
        case_layers=tuple(x for x in q.get("case_layers", ",".join(CASE_LAYERS)).split(",")
                          if x in CASE_LAYERS),
        month=q.get("month") if _is_month(q.get("month")) else None)


def _choice(value, allowed: tuple, default=None):
    """A URL value from an allow-list (else the default: the first entry unless given)."""
    if value in allowed:
        return value
    return default if default is not None or None in allowed else allowed[0]


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(c for c in (value or "").split(",") if c)[:50]


def _is_month(value: str | None) -> bool:
    try:
        dt.date.fromisoformat(f"{value}-01")
        return True
    except (TypeError, ValueError):
        return False


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
              "zoom": str(s.zoom) if s.zoom else None,
              "view": s.page if s.page != "coverage" else None,
              "period": s.period if s.period != "this_year" else None,
              "from": s.date_from.isoformat() if s.period == "custom" and s.date_from else None,
              "to": s.date_to.isoformat() if s.period == "custom" and s.date_to else None,
              "category": ",".join(s.categories) or None, "source": ",".join(s.sources) or None,
              "status": s.status, "escalation": s.escalation,
              "display": s.display if s.display != "heat" else None,
              "case_layers": ",".join(s.case_layers) if s.case_layers != CASE_LAYERS else None,
              "month": s.month}
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


@st.cache_data(ttl=600)
def case_codes(_conn) -> tuple[list[tuple], list[tuple]]:
    return places.categories(_conn), places.sources(_conn)


@st.cache_data(ttl=600)
def today(_conn) -> dt.date:
    with _conn.cursor() as cur:
        day = stats.district_today(cur)
    _conn.rollback()
    return day


def sidebar(conn, s: State) -> State:
    """Language, page, scope, the page's own options and the basemap; returns the new state."""
    sb = st.sidebar
    lang = sb.radio("语言 / Language", LANGUAGES, index=LANGUAGES.index(s.lang), horizontal=True,
                    format_func=lambda c: {"zh": "中文", "en": "English"}[c], key="lang")
    page = sb.radio(t("page", lang), VIEWS, index=VIEWS.index(s.page), horizontal=True,
                    format_func=lambda v: t(f"page_{v}", lang), key="page")
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
    new = replace(s, lang=lang, page=page, street=street, community=community)
    new = (coverage_options if page == "coverage" else case_options)(conn, new)
    basemap = sb.selectbox(t("basemap", lang), BASEMAPS, index=BASEMAPS.index(s.basemap),
                           format_func=lambda b: t(f"basemap_{b}", lang), key="basemap")
    tiles = s.tiles
    if basemap == "custom":
        tiles = sb.text_input(t("custom_tiles", lang), value=s.tiles or "", key="tiles",
                              placeholder="http://tiles.example/{z}/{x}/{y}.png").strip() or None
    new = replace(new, basemap=basemap, tiles=tiles)
    if (street, community) != (s.street, s.community):
        new = replace(new, site=None, center=None, zoom=None)  # fit the new selection
        st.session_state.pop("picked_cell", None)
    return new


def coverage_options(conn, s: State) -> State:
    sb, lang = st.sidebar, s.lang
    as_of = sb.date_input(t("as_of", lang), value=s.as_of, key="as_of")
    compare = sb.date_input(t("compare_with", lang),
                            value=s.compare or as_of.replace(year=as_of.year - 1), key="compare")
    layers = sb.multiselect(t("layers", lang), LAYERS, default=list(s.layers),
                            format_func=lambda x: t(f"layer_{x}", lang), key="layers")
    return replace(s, as_of=as_of, compare=compare, layers=tuple(layers))


def case_options(conn, s: State) -> State:
    """The cases view's filters: a quick pick or a custom range, category, source, status,
    escalation; the display and its layers."""
    sb, lang = st.sidebar, s.lang
    period = sb.selectbox(t("period", lang), PERIODS, index=PERIODS.index(s.period),
                          format_func=lambda p: t(f"period_{p}", lang), key="period")
    date_from, date_to = s.date_from, s.date_to
    if period == "custom":
        lo, hi = s.date_range(today(conn))
        picked = sb.date_input(t("date_range", lang), value=(lo, hi), key="date_range")
        if isinstance(picked, (tuple, list)) and len(picked) == 2:
            date_from, date_to = picked
    categories, sources = case_codes(conn)
    cat_names = {code: (name_en if lang == "en" and name_en else name)
                 + ("" if level == 1 else f" ({parent})")
                 for code, name, name_en, level, parent in categories}
    src_names = {code: name_en if lang == "en" and name_en else name
                 for code, name, name_en in sources}
    chosen_cats = sb.multiselect(t("category", lang), list(cat_names),
                                 default=[c for c in s.categories if c in cat_names],
                                 format_func=cat_names.get, key="categories")
    chosen_srcs = sb.multiselect(t("source", lang), list(src_names),
                                 default=[c for c in s.sources if c in src_names],
                                 format_func=src_names.get, key="sources")
    status = sb.selectbox(t("status", lang), STATUSES, index=STATUSES.index(s.status),
                          format_func=lambda v: t(f"status_{v or 'all'}", lang), key="status")
    escalation = sb.selectbox(t("escalation", lang), ESCALATIONS,
                              index=ESCALATIONS.index(s.escalation),
                              format_func=lambda v: t(f"escalation_{v or 'all'}", lang),
                              key="escalation")
    display = sb.radio(t("display", lang), DISPLAYS, index=DISPLAYS.index(s.display),
                       format_func=lambda d: t(f"display_{d}", lang), horizontal=True,
                       key="display")
    layers = s.case_layers
    if display == "heat":
        layers = tuple(sb.multiselect(t("layers", lang), CASE_LAYERS, default=list(s.case_layers),
                                      format_func=lambda x: t(f"layer_{x}", lang),
                                      key="case_layers"))
    new = replace(s, period=period, date_from=date_from if period == "custom" else None,
                  date_to=date_to if period == "custom" else None,
                  categories=tuple(chosen_cats), sources=tuple(chosen_srcs), status=status,
                  escalation=escalation, display=display, case_layers=layers)
    if new.date_range(today(conn)) != s.date_range(today(conn)):
        new = replace(new, month=None)  # playback restarts with a new range
    return new


# ---------------------------------------------------------------- the map's view
def display_bounds(bounds, s: State):
    """Bounds in the basemap's coordinates (shifted for a GCJ-02 basemap)."""
    if basemaps.display_crs(s.basemap) == "wgs84":
        return bounds
    x, y = coords.wgs84_to_gcj02([bounds[0], bounds[2]], [bounds[1], bounds[3]])
    return (float(x[0]), float(y[0]), float(x[1]), float(y[1]))


def map_view(s: State, bounds) -> tuple[tuple, tuple, State]:
    """The selection's fitted view (the map is built on it, so that panning, which only moves
    st_folium's centre and zoom, does not rebuild it) and the user's view on top of it."""
    fitted = fit_view(display_bounds(bounds, s), *MAP_SIZE)
    if s.center and s.zoom:
        return fitted, (s.center, s.zoom), s
    return fitted, fitted, replace(s, center=fitted[0], zoom=fitted[1])


def track_view(out: dict | None, s: State, center, zoom: int) -> State:
    """Keep where the user moved the map. Leaflet snaps the centre to whole pixels: only a
    real move (or zoom) counts, else each rerun would move it by a pixel and rerun again."""
    if not (out and out.get("center") and out.get("zoom")):
        return s
    lat, lng = out["center"]["lat"], out["center"]["lng"]
    tolerance = 360 / 256 / 2 ** zoom * 4  # four pixels
    if (int(out["zoom"]) != zoom or abs(lat - center[0]) > tolerance
            or abs(lng - center[1]) > tolerance):
        return replace(s, center=(round(lat, 5), round(lng, 5)), zoom=int(out["zoom"]))
    return s


def clicked_lonlat(clicked: dict, s: State) -> tuple[float, float]:
    """A click's WGS84 lon/lat (drawn shifted on a GCJ-02 basemap: shifted back)."""
    lon, lat = clicked["lng"], clicked["lat"]
    if basemaps.display_crs(s.basemap) == "gcj02":
        lon, lat = (float(v) for v in coords.gcj02_to_wgs84(lon, lat))
    return lon, lat
