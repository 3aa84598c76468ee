"""The page run: the view state from the URL, sign-in, the sidebar, then the chosen page."""
from __future__ import annotations

from dataclasses import replace

import psycopg2
import psycopg2.errors
import streamlit as st

from app import (admin, cases, connections, coverage, exports, imports, lookups, mapview,
                 myplaces, placement, signin, urlstate, widgets, writes)
from app.sidebar import sidebar
from geo.i18n import t


PAGES = {"coverage": coverage, "cases": cases, "placement": placement, "import": imports,
         "mine": myplaces}


def start_on_my_places(user) -> bool:
    """A linked account starts on 我的 when its first page run names no page."""
    first = "start_page_chosen" not in st.session_state
    st.session_state["start_page_chosen"] = True
    return bool(first and user and user.person and "view" not in st.query_params)


def page() -> None:
    first_run = mapview.session_starts()
    lang = urlstate.read_language()
    widgets.localize(lang)
    widgets.layout()
    user = signin.signed_in_user(connections.conn_or_stop(lang), lang)  # on the primary
    conn = connections.reading(connections.conn_or_stop(lang, user), user)
    if not lookups.streets(conn):
        st.title(t("app_title", lang))
        st.info(t("no_district", lang))
        return
    state = urlstate.read_state(lookups.today(conn))
    if start_on_my_places(user):
        state = replace(state, page="mine")
    if first_run and mapview.first_screen_fits(conn, state):
        urlstate.write_state(PAGES[state.page].render(conn, state, user, whole=False))
        mapview.first_screen_only()
        return
    state = sidebar(conn, state, user)
    writes.show_message()
    view = PAGES.get(state.page, coverage)
    state = view.render(conn, state, user)
    if view in (coverage, cases):
        exports.render(conn, state, user)
    admin.people_panel(conn, user, state.lang)
    admin.audit_panel(conn, user, state.lang)
    admin.changes_panel(conn, user, state.lang)
    urlstate.write_state(state)


def run() -> None:
    st.set_page_config(page_title="基层治理一张图 · Grassroots Atlas", layout="wide")
    try:
        page()
    except psycopg2.errors.QueryCanceled:  # a read ran past ATLAS_READ_TIMEOUT
        connections.forget_connections()
        st.error(t("read_timeout", urlstate.read_language()))
    except psycopg2.OperationalError:  # the database went away during this run: say so plainly
        connections.forget_connections()
        st.error(t("database_unavailable", urlstate.read_language()))
