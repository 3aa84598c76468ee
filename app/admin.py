"""What admins see besides the maps: the audit log (who did what, when), to read and export."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from geo import users

from geo.editing import changelog
from geo.i18n import t


def audit_panel(conn, user: users.User | None, lang: str) -> None:
    if not user or user.role != "admin":
        return
    with st.sidebar.expander(t("audit_log", lang)):
        since = st.date_input(t("audit_since", lang), value=dt.date.today() - dt.timedelta(days=30),
                              key="audit_since")
        entries = users.audit_entries(conn, since)
        st.dataframe(entries, hide_index=True, height=240)
        st.download_button(t("download_csv", lang), entries.to_csv(index=False).encode("utf-8-sig"),
                           file_name=f"audit-{since}.csv", mime="text/csv", key="audit_csv")


def changes_panel(conn, user: users.User | None, lang: str) -> None:
    """All changes made in the app over a period (admins; the open demo)."""
    if user and user.role != "admin":
        return
    with st.sidebar.expander(t("changes_log", lang)):
        since = st.date_input(t("audit_since", lang), value=dt.date.today() - dt.timedelta(days=30),
                              key="changes_since")
        entries = changelog.changes(conn, since, dt.date.today())
        st.dataframe(entries, hide_index=True, height=240)
        st.download_button(t("download_csv", lang), entries.to_csv(index=False).encode("utf-8-sig"),
                           file_name=f"changes-{since}.csv", mime="text/csv", key="changes_csv")
