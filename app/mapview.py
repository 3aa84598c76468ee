"""The map's view on screen: the fitted extent, where the user moved it, clicks and bounds."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace

import streamlit as st

from app import lookups, urlstate
from geo import coords
from geo.i18n import t
from geo.viewstate import State
from layers import basemap as basemaps
from layers.coverage import fit_view
from layers.maps import MAP_SIZE


def basemap_note(s: State) -> None:
    """Say why the map has no basemap when one was chosen: none configured, or its server
    does not answer (an intranet), in which case the map is drawn without it."""
    if s.basemap == "none":
        return
    if not basemaps.tiles_url(s.basemap, s.tiles):
        st.caption(t("basemap_missing", s.lang))
    elif not basemaps.usable_tiles(s.basemap, s.tiles):
        st.caption(t("basemap_unreachable", s.lang))


def display_bounds(bounds, s: State):
    """Bounds in the basemap's coordinates (shifted for a GCJ-02 basemap)."""
    if basemaps.display_crs(s.basemap) == "wgs84":
        return bounds
    x, y = coords.wgs84_to_gcj02([bounds[0], bounds[2]], [bounds[1], bounds[3]])
    return (float(x[0]), float(y[0]), float(x[1]), float(y[1]))


def map_view(s: State, bounds) -> tuple[tuple, tuple, State]:
    """The selection's fitted view and the user's view on top of it (st_folium's centre and
    zoom)."""
    (lat, lng), zoom = fit_view(display_bounds(bounds, s), *MAP_SIZE)
    # at the URL's precision: the next run reads the centre back from the URL, and a centre
    # differing in the sixth decimal would move the map, which reports back and reruns again
    fitted = ((round(lat, 5), round(lng, 5)), zoom)
    if s.center and s.zoom:
        return fitted, (s.center, s.zoom), s
    return fitted, fitted, replace(s, center=fitted[0], zoom=fitted[1])


def start_view(key: str, view: tuple, content=None) -> tuple:
    """The view a map fragment's map is built at. A changed script is a new map in the browser,
    which reports the view it was built at before it takes the one passed to st_folium, and
    the two then chased each other (zoom 15 and 16 in turn, for ever). So a map starts at
    the user's view on the page's own runs (filters, layers: its content may change) and
    when ``content`` (what a fragment's own run may draw differently) changed; any other
    fragment run (the map reported a move) keeps the last start, leaving the script as it
    was, so that a pan does not rebuild the map."""
    name = f"{key}_start"
    last = st.session_state.get(name)
    if in_page_run() or last is None or last[0] != content:
        st.session_state[name] = last = (content, view)
    return last[1]


_PAGE_RUN = "map_fragment_in_page_run"


@contextmanager
def page_run_of_fragment():
    """Call a map fragment inside this on the page's own run. The fragment reruns alone for
    the map's reports of its view; it tells those runs apart with ``in_page_run()``."""
    st.session_state[_PAGE_RUN] = True
    try:
        yield
    finally:
        st.session_state[_PAGE_RUN] = False


def in_page_run() -> bool:
    return st.session_state.get(_PAGE_RUN, False)


WHOLE_PAGE_SHOWN = "whole_page_shown"  # False while a session's first screen waits for its map
FALLBACK_SECONDS = 3.0  # the whole page comes after this even if the map never reports


def first_screen_fits(conn, s: State) -> bool:
    """Whether the page can be drawn as its first screen (its ``render(whole=False)``) from
    the URL alone: the coverage map or the case heatmap (maps that report back), of a street
    and community the sidebar would keep."""
    streets = dict(lookups.streets(conn))
    return ((s.page == "coverage" or (s.page == "cases" and s.display == "heat"))
            and (s.street is None or s.street in streets)
            and (s.community is None or s.community in dict(lookups.communities(conn, s.street))))


def session_starts() -> bool:
    """True on a session's first page run; every page run after it shows the whole page."""
    first = WHOLE_PAGE_SHOWN not in st.session_state
    st.session_state[WHOLE_PAGE_SHOWN] = True
    return first


def first_screen_only() -> None:
    """This run draws the first screen alone: the figures and the map. The rest of the page
    (sidebar, lists, charts, panels) comes with the next run, which the map's first report
    starts (``whole_page_due``): the browser draws the map before it loads and lays out the
    rest, which took it longer than the map itself."""
    st.session_state[WHOLE_PAGE_SHOWN] = False
    with page_run_of_fragment():
        _whole_page_fallback()


@st.fragment(run_every=FALLBACK_SECONDS)
def _whole_page_fallback() -> None:
    """A map that never reports (its script failed) does not leave the page unfinished."""
    if whole_page_due() and not in_page_run():
        st.rerun()


def whole_page_due() -> bool:
    return st.session_state.get(WHOLE_PAGE_SHOWN) is False


def map_reported(s: State, *, whole_page: bool = False) -> None:
    """In a map fragment's own run (the map reported its view): the URL follows the map, and
    the whole page runs again when ``whole_page`` or when a first screen waits for it."""
    urlstate.write_state(s)
    if whole_page or whole_page_due():
        st.rerun()


def track_view(out: dict | None, s: State, center, zoom: float) -> State:
    """Keep where the user moved the map. Leaflet snaps the centre to whole pixels: only a
    real move (or zoom) counts, else each rerun would move it by a pixel and rerun again."""
    if not (out and out.get("center") and out.get("zoom")):
        return s
    lat, lng = out["center"]["lat"], out["center"]["lng"]
    tolerance = 360 / 256 / 2 ** zoom * 4  # four pixels
    if (abs(float(out["zoom"]) - zoom) > 1e-6 or abs(lat - center[0]) > tolerance
            or abs(lng - center[1]) > tolerance):
        return replace(s, center=(round(lat, 5), round(lng, 5)), zoom=float(out["zoom"]))
    return s


def remember_bounds(out: dict | None, s: State) -> None:
    """Keep the map's visible bounds (lon/lat) for the points drawn zoomed in and the export."""
    if not (out or {}).get("center"):  # st_folium's default value: the data's bounds
        return
    bounds = out.get("bounds") or {}
    sw, ne = bounds.get("_southWest") or {}, bounds.get("_northEast") or {}
    if sw.get("lng") is not None and ne.get("lng") is not None:
        west, south = clicked_lonlat(sw, s)
        east, north = clicked_lonlat(ne, s)
        st.session_state["map_bounds"] = (west, south, east, north)


def new_click(out: dict | None, field: str, seen_key: str, s: State) -> tuple[float, float] | None:
    """The WGS84 lon/lat of a click on the map not handled yet (st_folium returns the last click
    on every rerun; ``seen_key`` in the session remembers the one handled)."""
    clicked = (out or {}).get(field)
    if not clicked or clicked == st.session_state.get(seen_key):
        return None
    st.session_state[seen_key] = clicked
    return clicked_lonlat(clicked, s)


def clicked_lonlat(clicked: dict, s: State) -> tuple[float, float]:
    """A click's WGS84 lon/lat (drawn shifted on a GCJ-02 basemap: shifted back)."""
    lon, lat = clicked["lng"], clicked["lat"]
    if basemaps.display_crs(s.basemap) == "gcj02":
        lon, lat = (float(v) for v in coords.gcj02_to_wgs84(lon, lat))
    return lon, lat
