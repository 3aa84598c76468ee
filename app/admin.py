"""What admins see besides the maps: the audit log (who did what, when), to read and export,
and which person each account belongs to."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from app import connections, lookups, tables, widgets
from geo import users
from geo.errors import InputError
from geo.editing import changelog
from geo.i18n import t
from geo.labels import record_text


def _log(conn, entries: pd.DataFrame, lang: str, name: str) -> None:
    """A log as a table, and the same table as CSV."""
    tables.show(conn, entries, lang, height=240)
    st.download_button(t("download_csv", lang), tables.csv(conn, entries, lang),
                       file_name=f"{t(name, lang)}.csv", mime="text/csv", key=f"{name}_csv")


def audit_panel(conn, user: users.User | None, lang: str) -> None:
    if not user or user.role != "admin":
        return
    with widgets.folded(t("audit_log", lang), "audit", st.sidebar) as shown:
        if not shown:
            return
        since = st.date_input(t("audit_since", lang), value=lookups.today(conn) - dt.timedelta(days=30),
                              key="audit_since", format="YYYY-MM-DD")
        entries = users.audit_entries(conn, since).rename(columns={"action": "audit_action"})
        entries["detail"] = [record_text(d, lang) for d in entries["detail"]]
        _log(conn, entries, lang, "audit_log")


def changes_panel(conn, user: users.User | None, lang: str) -> None:
    """All changes made in the app over a period (admins; the open demo)."""
    if user and user.role != "admin":
        return
    with widgets.folded(t("changes_log", lang), "changes", st.sidebar) as shown:
        if not shown:
            return
        since = st.date_input(t("audit_since", lang), value=lookups.today(conn) - dt.timedelta(days=30),
                              key="changes_since", format="YYYY-MM-DD")
        entries = changelog.changes(conn, since, lookups.today(conn))
        names = lookups.code_names(conn, lang)
        for side in ("before", "after"):
            entries[side] = [record_text(r, lang, names) for r in entries[side]]
        _log(conn, entries, lang, "changes_log")


def people_panel(conn, user: users.User | None, lang: str) -> None:
    """Admins link an account to the person it belongs to (its 我的 page), or unlink it.
    Accounts are read and written on the owner's connection, as at sign-in."""
    if not user or user.role != "admin":
        return
    owner = connections.conn_or_stop(lang)
    with widgets.folded(t("people_panel", lang), "accounts", st.sidebar) as shown:
        if not shown:
            return
        accounts = {a["name"]: a for a in users.listing(owner)}
        name = st.selectbox(t("account", lang), list(accounts), key="link_account",
                            format_func=lambda n: f"{n} → {accounts[n]['person_name'] or '–'}")
        person = st.text_input(t("col_person_external_id", lang), key=f"link_person_{name}",
                               value=accounts[name]["person"] or "" if name else "")
        if name and st.button(t("people_link", lang), key="link_save"):
            try:
                linked = users.link_person(owner, name, person.strip() or None, by=user.name)
            except InputError:  # the account comes from the list: the person is unknown
                st.error(t("people_unknown", lang).format(person=person.strip()))
            else:
                st.success(t("people_linked", lang).format(name=linked.name,
                                                           person=linked.person or "–"))
