"""Grassroots Atlas (基层治理一张图): the coverage map and the case views of a district.
Thin entry: the view state from the URL, the sidebar, then the chosen page."""
from __future__ import annotations

import psycopg2
import streamlit as st

import ui
from geo.i18n import t
from views import admin, cases, coverage, export_panel, import_page

st.set_page_config(page_title="基层治理一张图 · Grassroots Atlas", layout="wide")


def main() -> None:
    state = ui.read_state()
    user = ui.signed_in_user(ui.conn_or_stop(state.lang), state.lang)
    conn = ui.conn_or_stop(state.lang, user)
    if not ui.streets(conn):
        st.title(t("app_title", state.lang))
        st.info(t("no_district", state.lang))
        return
    state = ui.sidebar(conn, state, user)
    page = {"cases": cases, "import": import_page}.get(state.page, coverage)
    state = page.render(conn, state, user)
    if page is not import_page:
        export_panel.render(conn, state, user)
    admin.audit_panel(conn, user, state.lang)
    admin.changes_panel(conn, user, state.lang)
    ui.write_state(state)


try:
    main()
except psycopg2.OperationalError:  # the database went away during this run: say so plainly
    ui.forget_connections()
    st.error(t("database_unavailable", ui.read_state().lang))
