"""我的 (My places): the start page of an account linked to a person, and in the open demo a
page to view as anyone. For each place: its coverage and open gaps, cases since the previous
visit (or a chosen date), the period's rates, overdue and escalated cases, hot spots; one
click opens its coverage or case map; a briefing PDF of them all."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import streamlit as st

from app import connections, coverage as coverage_page, lookups, sidebar, widgets
from geo import myplaces, users
from geo.export import briefing
from geo.i18n import t
from geo.viewstate import State

_PREVIOUS_VISIT = "places_previous_visit"  # this browser session's "previous visit", read once


@connections.cached(ttl=60, max_entries=200, show_spinner=False)
def load_figures(conn, place: myplaces.Place, since: dt.datetime, date_from: dt.date,
                 today: dt.date, overdue_days: int) -> dict:
    return myplaces.figures(conn, place, since=since, date_from=date_from, today=today,
                            overdue_days=overdue_days)


def _viewed_as(conn, lang: str, today: dt.date) -> str | None:
    """The open demo's picker: a role, then one of its people with a place today."""
    everyone = myplaces.people(conn, today)
    roles = sorted({p.role for p in everyone}, key=["district_leader", "street_cadre",
                                                    "grid_worker", "social_worker"].index)
    cols = st.columns(2)
    role = cols[0].selectbox(t("view_as_role", lang), roles, key="view_as_role",
                             format_func=lambda r: t(f"role_{r}", lang))
    chosen = [p for p in everyone if p.role == role]
    names = {p.external_id: f"{p.name} ({p.external_id})" for p in chosen}
    return cols[1].selectbox(t("view_as", lang), list(names), key="view_as",
                             format_func=names.get)


def _since(conn, user: users.User | None, lang: str, zone: ZoneInfo,
           today: dt.date) -> tuple[dt.datetime, str]:
    """Since when "new" cases count: the account's previous visit of this page (stored per
    account; the first visit: the last 30 days), or in the open demo a chosen date."""
    if user is None:
        day = st.date_input(t("places_since_date", lang), key="places_since",
                            value=today - dt.timedelta(days=myplaces.FIRST_VISIT_DAYS),
                            format="YYYY-MM-DD")
        return dt.datetime.combine(day, dt.time(), zone), t("places_since_day", lang).format(
            day=day.isoformat())
    if _PREVIOUS_VISIT not in st.session_state:  # None: the first visit
        st.session_state[_PREVIOUS_VISIT] = users.previous_places_visit(
            connections.conn_or_stop(lang), user.name, dt.datetime.now(dt.timezone.utc))
    previous = st.session_state[_PREVIOUS_VISIT]
    if previous is None:
        start = dt.datetime.combine(today - dt.timedelta(days=myplaces.FIRST_VISIT_DAYS),
                                    dt.time(), zone)
        return start, t("places_first_visit", lang)
    return previous, t("places_since_visit", lang).format(
        at=previous.astimezone(zone).strftime("%Y-%m-%d %H:%M"))


def place_card(conn, place: myplaces.Place, f: dict, s: State, since_label: str) -> None:
    lang = s.lang
    with st.container(border=True, key=f"place_{place.key.replace(':', '_')}"):
        st.subheader(place.title)
        st.caption(t(f"target_{place.kind}", lang))
        shown = myplaces.place_figures(f, lang, st.session_state["overdue_days"], since_label)
        for row in (shown[:4], shown[4:]):
            for col, x in zip(st.columns(len(row)), row):
                col.metric(x.label, x.value, x.note, delta_color="off", delta_arrow="off",
                           help=x.counts)
        for line in myplaces.place_notes(f, lang):
            st.caption(line)
        buttons = st.columns([1, 1, 4])
        for col, page in zip(buttons, ("coverage", "cases")):
            if col.button(t(f"open_{page}", lang), key=f"open_{page}_{place.key}"):
                sidebar.switch_scope(place.street_code, place.community_code, place.site_id,
                                     said=False, page=page)
        if place.site_id:
            with widgets.folded(t("places_site_panel", lang), f"site_{place.key}") as shown:
                if shown:
                    coverage_page.site_panel(conn, s, place.site_id)


def _briefing(conn, person: myplaces.Person, s: State, since: dt.datetime, date_from: dt.date,
              overdue_days: int) -> None:
    """A button that makes the briefing PDF, then offers it for download."""
    lang = s.lang
    if st.button(t("briefing_make", lang), key="briefing_make"):
        with st.spinner(t("briefing_making", lang)), tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "briefing.pdf"
            briefing.export_briefing(conn, person.external_id, out, lang=lang,
                                     basemap=s.basemap, tiles=s.tiles, since=since,
                                     date_from=date_from, overdue_days=overdue_days)
            st.session_state["briefing_pdf"] = (person.external_id, out.read_bytes())
    made = st.session_state.get("briefing_pdf")
    if made and made[0] == person.external_id:
        st.download_button(t("briefing_download", lang), made[1], mime="application/pdf",
                           file_name=f"{t('briefing', lang)} · {person.name}.pdf",
                           key="briefing_download")


def render(conn, state: State, user: users.User | None = None) -> State:
    lang = state.lang
    today = lookups.today(conn)
    zone = ZoneInfo(lookups.timezone(conn))
    st.title(t("places_title", lang))
    person_id = _viewed_as(conn, lang, today) if user is None else user.person
    if person_id is None:
        st.info(t("places_not_linked", lang))
        return state
    person = myplaces.person(conn, person_id)
    places = myplaces.places(conn, person_id, today)
    st.caption(f"{person.label(lang)} · " + t("places_count", lang).format(n=len(places)))
    cols = st.columns(3)
    with cols[0]:
        since, since_label = _since(conn, user, lang, zone, today)
        if user is not None:  # the demo's date input says it already
            st.caption(since_label)
    date_from = cols[1].date_input(t("places_period_from", lang), key="places_period_from",
                                   value=today.replace(month=1, day=1), max_value=today,
                                   format="YYYY-MM-DD")
    if "overdue_days" not in st.session_state:
        st.session_state["overdue_days"] = users.setting_days(conn, "overdue_days",
                                                              myplaces.OVERDUE_DAYS)
    overdue_days = int(cols[2].number_input(t("places_overdue_days", lang), min_value=1,
                                            max_value=365, step=1, key="overdue_days"))
    if not places:
        st.info(t("places_none", lang))
        return state
    _briefing(conn, person, state, since, date_from, overdue_days)
    for place in places:
        figures = load_figures(conn, place, since, date_from, today, overdue_days)
        place_card(conn, place, figures, state, since_label)
    return state
