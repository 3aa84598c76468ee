"""What every page shares: the view state in the URL, the sidebar, the connection and caches.

Pages stay thin: they read the state from here, call ``geo`` through the cached functions, hand
frames to ``layers`` and render.
"""
from __future__ import annotations

import datetime as dt
import threading
import time
from contextlib import contextmanager
from dataclasses import replace

import psycopg2
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from geo import coords, db, places, stats, users
from geo.i18n import LANGUAGES, t
from geo.viewstate import (CASE_LAYERS, DEFAULT_BOUNDS, DISPLAYS, ESCALATIONS, LAYERS,  # noqa: F401
                           MAP_SIZE, PERIODS, STATUSES, VIEWS, State, from_query,
                           period_range, to_query)
from layers import basemap as basemaps
from layers.basemap import BASEMAPS
from layers.coverage import fit_view

def read_state() -> State:
    return from_query(st.query_params.to_dict())


def write_state(s: State) -> None:
    """Put the state back in the URL (only what differs from the defaults). Sent whole on every
    run, changed or not: a run cut short by a rerun loses the URL it sent, while the server
    already holds it, so a later run that sent only what differs would never send it again
    (the map's zoom stayed out of the URL in one test run in five)."""
    st.query_params.from_dict(to_query(s))


# ---------------------------------------------------------------- connection and caches
def cached(**kwargs):
    """st.cache_data keyed by the database and whose connection it is: a user's scope never
    sees another's cached results, nor one database another's."""
    return st.cache_data(hash_funcs={db.AtlasConnection: lambda c: (c.dsn, c.scope_key)},
                         **kwargs)


SESSION_CONNECTIONS = "_atlas_connections"


def connection(url: str, user: users.User | None = None):
    """This browser session's connection: the owner's (sign-in, and the open demo when no user
    is configured), or the user's, limited by the database's row-level security. Never shared
    with another session: a connection has one transaction, and another session's rollback
    in the middle of this one's edits would undo the first half of them."""
    mine = st.session_state.setdefault(SESSION_CONNECTIONS, {})
    key = (url, user)
    if key not in mine or mine[key].closed:
        mine[key] = db.connect_for(user, url)
    return mine[key]


def forget_connections() -> None:
    """Close this session's connections and the spare ones (the database restarted or went
    away): the next run connects again."""
    for conn in st.session_state.pop(SESSION_CONNECTIONS, {}).values():
        conn.close()
    pool.clear()


def _database_url() -> str:
    """DATABASE_URL or the running local cluster's (started only when it is not)."""
    try:
        return db.database_url(start=False)
    except OSError:
        return db.database_url()


def conn_or_stop(lang: str, user: users.User | None = None):
    """The connection, reconnecting once when the database restarted under it; when it is
    down, a plain message (and another try on the next rerun)."""
    for attempt in range(2):
        try:
            conn = connection(_database_url(), user)
            with conn.cursor() as cur:
                cur.execute("SELECT 1")
            conn.rollback()
            return conn
        except (psycopg2.Error, OSError):
            forget_connections()
    st.error(t("database_unavailable", lang))
    st.stop()


@st.cache_resource
def pool(url: str, user: users.User | None = None) -> db.Pool:
    """Spare connections of the same user as ``connection``'s, for loads run side by side."""
    return db.Pool(lambda: db.connect_for(user, url))


def side_by_side(user: users.User | None, calls) -> list:
    """A page's independent loads (cached functions taking the connection first) run at the
    same time, each on a connection of its own: the page waits for the slowest, not the sum.
    The threads share the page run's context, which Streamlit's caches look up."""
    ctx = get_script_run_ctx()
    return db.concurrently(pool(_database_url(), user), calls,
                           initializer=lambda: add_script_run_ctx(threading.current_thread(), ctx))


def signed_in_user(conn, lang: str) -> users.User | None:
    """The signed-in user, after the sign-in form when needed; None when no user is configured
    (the open demo). Signs out after SESSION_MINUTES without activity."""
    if not users.any_users(conn):
        st.sidebar.caption(t("open_mode", lang))
        return None
    now = time.time()
    user = st.session_state.get("user")
    if user and now - st.session_state.get("last_seen", 0) > users.SESSION_MINUTES * 60:
        st.session_state.pop("user", None)
        st.session_state["signed_out_reason"] = "session_expired"
        user = None
    if user:
        st.session_state["last_seen"] = now
        st.sidebar.caption(t("signed_in_as", lang).format(
            name=user.name, role=t(f"user_role_{user.role}", lang)))
        if st.sidebar.button(t("sign_out", lang), key="sign_out"):
            st.session_state.pop("user", None)
            st.rerun()
        return user
    sign_in_form(conn, lang)
    st.stop()


def sign_in_form(conn, lang: str) -> None:
    st.title(t("app_title", lang))
    reason = st.session_state.pop("signed_out_reason", None)
    if reason:
        st.info(t(reason, lang))
    with st.form("sign_in"):
        name = st.text_input(t("user_name", lang), key="sign_in_name")
        password = st.text_input(t("password", lang), type="password", key="sign_in_password")
        if st.form_submit_button(t("sign_in", lang)):
            try:
                st.session_state["user"] = users.authenticate(conn, name.strip(), password)
                st.session_state["last_seen"] = time.time()
                st.rerun()
            except users.SignInError as refusal:
                st.error(t(f"sign_in_{refusal}", lang))


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


def sidebar(conn, s: State, user: users.User | None = None) -> State:
    """Language, page, scope, the page's own options and the basemap; returns the new state."""
    sb = st.sidebar
    lang = sb.radio("语言 / Language", LANGUAGES, index=LANGUAGES.index(s.lang), horizontal=True,
                    format_func=lambda c: {"zh": "中文", "en": "English"}[c], key="lang")
    pages = VIEWS if user is None or user.role == "admin" else VIEWS[:2]  # imports: admins
    page = sb.radio(t("page", lang), pages, index=pages.index(s.page) if s.page in pages else 0,
                    horizontal=True, format_func=lambda v: t(f"page_{v}", lang), key="page")
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
    options = {"coverage": coverage_options, "cases": case_options}.get(page)
    if options:
        new = options(conn, new)
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
    if (street, community, page) != (s.street, s.community, s.page):
        st.session_state.pop("map_bounds", None)  # the old view's extent
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
    (lat, lng), zoom = fit_view(display_bounds(bounds, s), *MAP_SIZE)
    # at the URL's precision: the next run reads the centre back from the URL, and a centre
    # differing in the sixth decimal would move the map, which reports back and reruns again
    fitted = ((round(lat, 5), round(lng, 5)), zoom)
    if s.center and s.zoom:
        return fitted, (s.center, s.zoom), s
    return fitted, fitted, replace(s, center=fitted[0], zoom=fitted[1])


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


def remember_bounds(out: dict | None, s: State) -> None:
    """Keep the map's visible bounds (lon/lat) for the points drawn zoomed in and the export."""
    bounds = (out or {}).get("bounds") or {}
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
