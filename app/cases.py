"""The case views (诉求热力): heatmap or 3D view of binned cases, hotspots, the cases of a
clicked cell, figures and charts beside the map. Thin page: state → geo → layers → render."""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from app import charts, connections, lookups, mapview, placement, tables, urlstate
from app.loads import (load_bins, load_figures, load_hotspots, load_outlines,
                       load_sites_and_modes)
from geo import cases, coverage, users
from geo.export import snapshot
from geo.i18n import t
from geo.stats import CaseFilters
from geo.viewstate import State
from layers import cases as case_layers
from layers import coverage as coverage_layers, maps
from layers.styles import MODE_COLORS

POINT_ZOOM = 17  # zoomed in this far, the individual cases in view are drawn
PLAY_SECONDS = 1.2


def figure_cards(summary: dict, lang: str) -> None:
    figures = cases.case_figures(summary, lang)
    for col, f in zip(st.columns(len(figures)), figures):
        col.metric(f.label, f.value, f.note, delta_color="off", delta_arrow="off", help=f.counts)


def months_of(lo: dt.date, hi: dt.date) -> list[str]:
    out, day = [], lo.replace(day=1)
    while day <= hi:
        out.append(day.strftime("%Y-%m"))
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


def playback_month(s: State, months: list[str]) -> State:
    """The month the heatmap plays back (the slider's value, known before it is drawn so that
    the map's cases load with the rest): stepped on by the play switch."""
    options = ["all"] + months
    if "month_pick" not in st.session_state or st.session_state["month_pick"] not in options:
        st.session_state["month_pick"] = s.month if s.month in months else "all"
    if st.session_state.get("playing") and st.session_state.pop("play_step", False):
        current = st.session_state["month_pick"]
        st.session_state["month_pick"] = (months[(months.index(current) + 1) % len(months)]
                                          if current in months else months[0])
    month = st.session_state["month_pick"]
    return replace(s, month=None if month == "all" else month)


def playback_controls(lang: str, months: list[str]) -> None:
    """Month by month through the heatmap: a slider, and a play switch that steps it."""
    cols = st.columns([5, 1])
    cols[0].select_slider(t("playback_month", lang), ["all"] + months, key="month_pick",
                          format_func=lambda m: t("all_months", lang) if m == "all" else m)
    cols[1].toggle(t("play", lang), key="playing")


@st.fragment
def heat_map(conn, s: State, cells: pd.DataFrame, size: int, map_filters: CaseFilters,
             today: dt.date, user: users.User | None) -> State:
    """The folium heatmap with hotspots and, zoomed in or for a clicked cell, the cases. A
    fragment: the map's reports of its view rerun only this part (with the view the URL holds
    now), not the figures beside it; a clicked cell reruns the page."""
    full_run = mapview.in_page_run()
    if full_run:
        st.session_state.pop("case_view", None)
    else:  # this part alone reruns: the view is the one the map last reported
        now = urlstate.read_state(today)
        center, zoom = st.session_state.get("case_view") or (now.center, now.zoom)
        s = replace(s, center=center, zoom=zoom)
    lang = s.lang
    bounds = coverage.extent(conn, s.view)
    _, (center, zoom), s = mapview.map_view(s, bounds)
    picked = st.session_state.get("picked_cell")
    shown = None
    personal = bool(user and user.sees_personal_data)
    points_bounds = _points_bounds(s, picked, size)  # the view whose cases are drawn
    if picked and picked[2] == size:
        shown = cases.points(conn, s.scope, map_filters, cell=picked, personal=personal)
    elif points_bounds:
        shown = cases.points(conn, s.scope, map_filters, points_bounds, personal=personal)
    if personal and shown is not None and not shown.empty:
        users.audit(conn, user.name, "personal_data", {"cases": shown["external_id"].tolist()[:50]})
    spots = load_hotspots(cells, size) if "hotspots" in s.case_layers else None
    start = mapview.start_view("case_map", (center, zoom), content=(picked, points_bounds))
    fmap = maps.case_map(s, cells, size, cases.months_in(map_filters, today),
                         load_outlines(conn, s.view), *start, hotspots=spots, cases=shown)
    out = st_folium(fmap, height=maps.MAP_SIZE[1], use_container_width=True, key="case_map",
                    center=list(center), zoom=zoom,
                    returned_objects=["last_clicked", "center", "zoom", "bounds"])
    s = mapview.track_view(out, s, center, zoom)
    mapview.remember_bounds(out, s)
    if not full_run:
        if _points_bounds(s, picked, size) != points_bounds:
            # zoomed in (or panned zoomed in): again, drawing the cases there. The view goes to
            # the URL from that run: a URL change made in a run cut short by a rerun was lost.
            st.session_state["case_view"] = (s.center, s.zoom)
            st.rerun(scope="fragment")
        st.session_state.pop("case_view", None)
        mapview.map_reported(s)
    click = mapview.new_click(out, "last_clicked", "last_cell_click", s)
    if click:
        st.session_state["picked_cell"] = (*cases.cell_of(*click, size), size)
        st.rerun()
    if shown is not None:
        cell_cases(conn, shown, lang, masked=not personal)
    return s


def _points_bounds(s: State, picked, size: int):
    """The map's bounds when zoomed in far enough for the individual cases (and no cell is
    picked), else None."""
    if (picked and picked[2] == size) or not (s.zoom and s.zoom >= POINT_ZOOM):
        return None
    bounds = st.session_state.get("map_bounds")
    return tuple(round(v, 5) for v in bounds) if bounds else None  # to the metre: no jitter


def cell_cases(conn, shown: pd.DataFrame, lang: str, *, masked: bool) -> None:
    """The individual cases drawn on the map, as a table (reporters masked unless the user
    may see them)."""
    st.markdown(f"**{t('cases_here' if masked else 'cases_here_personal', lang).format(n=len(shown))}**")
    if len(shown) >= cases.POINT_LIMIT:
        st.caption(t("cases_capped", lang).format(n=cases.POINT_LIMIT))
    if st.button(t("clear_cell", lang), key="clear_cell"):
        st.session_state.pop("picked_cell", None)
        st.rerun()
    tables.show(conn, shown.drop(columns=["id", "lon", "lat", "category", "category_en"]),
                lang, width="stretch", height=240)


def deck_view(conn, s: State, cells: pd.DataFrame, size: int) -> None:
    bounds = coverage.extent(conn, s.view)
    center, zoom = coverage_layers.fit_view(bounds, *maps.MAP_SIZE)
    outlines = load_outlines(conn, s.view)
    # one zoom level out: the tilted view needs room for the columns
    st.pydeck_chart(case_layers.deck(cells, size, outlines, mode=s.display, center=center,
                                     zoom=zoom - 1, lang=s.lang), height=maps.MAP_SIZE[1])
    st.caption(t("deck_caption", s.lang).format(m=f"{size * 0.8:.0f}"))


def top_sites_shown(top: pd.DataFrame, lang: str, columns: list[str]) -> pd.DataFrame:
    """The top sites' ``columns`` as a reader sees them: rates as percentages, "no ratings"
    where none of a site's cases was rated."""
    return top[columns].assign(
        closed_share=[cases.share_text(v) for v in top["closed_share"]],
        satisfaction_rate=[cases.satisfaction_text(None if pd.isna(v) else v, lang)
                           for v in top["satisfaction_rate"]],
    ).rename(columns={"cases_per_100": "rate_per_100"})


def figures_panel(conn, lang: str, monthly: pd.DataFrame, rates: pd.DataFrame,
                  top: pd.DataFrame, modes: pd.DataFrame, community: str | None) -> None:
    st.subheader(t("cases_by_month", lang))
    if monthly.empty:
        st.caption(t("no_cases", lang))
    else:
        charts.stacked_bars(monthly, "month", "category", "cases",
                            names=lookups.code_names(conn, lang)["category_code"],
                            x_title=t("col_month", lang), y_title=t("col_cases", lang))
        st.subheader(t("rates_by_month", lang))
        charts.lines(rates, "month", {"closed_share": t("fig_closed_share", lang),
                                      "satisfaction_rate": t("fig_satisfaction", lang)},
                     temporal=False, percent=True, x_title=t("col_month", lang),
                     y_title=t("col_share", lang))
    st.subheader(t("top_sites", lang))
    # on screen what fits beside the map (and on a phone); the file has every figure
    on_screen = ["name"] + ([] if community else ["community"]) + [
        "cases_per_100", "closed_share", "satisfaction_rate"]
    tables.show(conn, top_sites_shown(top, lang, on_screen), lang)
    whole = top_sites_shown(top, lang, ["name", "community", "households", "cases", "cases_per_100",
                                        "closed_share", "satisfaction_rate", "rated"])
    st.download_button(t("download_csv", lang), tables.csv(conn, whole, lang),
                       file_name=f"{t('top_sites', lang)}.csv", mime="text/csv", key="top_sites_csv")
    st.subheader(t("coverage_x_cases", lang))
    if modes.empty:
        st.caption(t("no_cases", lang))
        return
    whole = (modes.groupby("mode")[["cases", "households"]]
             .agg(cases=("cases", "sum"), households=("households", "mean")))
    whole["rate"] = 100 * whole["cases"] / whole["households"].where(whole["households"] > 0)
    order = ["managed", "none", "commercial", "self_managed", "scenic_co_managed",
             "enterprise_embedded", "all"]
    whole = whole.reindex([m for m in order if m in whole.index])
    tables.show(conn, pd.DataFrame({"mode": whole.index, "cases": whole["cases"].astype(int),
                                    "rate_per_100": whole["rate"]}), lang)
    per_quarter = (modes[modes["mode"].isin(["managed", "none"])]
                   .pivot_table(index="quarter", columns="mode", values="rate").reset_index())
    per_quarter["quarter"] = [f"{q.year} Q{(q.month - 1) // 3 + 1}"
                              for q in pd.to_datetime(per_quarter["quarter"])]
    charts.lines(per_quarter, "quarter",
                 {m: t(f"mode_{m}", lang) for m in ("managed", "none") if m in per_quarter},
                 temporal=False, x_title=t("col_quarter", lang), y_title=t("col_rate_per_100", lang),
                 colours={"managed": MODE_COLORS["commercial"], "none": MODE_COLORS["none"]})
    st.caption(t("coverage_x_cases_note", lang))


def render(conn, state: State, user: users.User | None = None, whole: bool = True) -> State:
    """The cases page; returns the state with the map's view and the playback month.
    ``whole=False``: its first screen, the title, figures and heatmap alone (app.mapview)."""
    lang = state.lang
    today = lookups.today(conn)
    filters = state.case_filters(today)
    st.title(t("cases_title", lang))
    st.caption(snapshot.describe(replace(state, month=None), today))
    months = months_of(filters.date_from, filters.date_to)
    state = playback_month(state, months)
    scope, map_filters = state.scope, state.case_filters(today, month=True)
    loads = [lambda c: load_bins(c, scope, map_filters), lambda c: load_figures(c, scope, filters)]
    if whole:  # the top sites and modes are in the panel beside the map
        loads.append(lambda c: load_sites_and_modes(c, scope, filters, today))
    cells, (summary, monthly, rates), *sites = connections.side_by_side(conn, user, loads)
    with st.container(key="figures"):
        figure_cards(summary, lang)
    placement.waiting_note(conn, state)
    left, right = st.columns([5, 4])
    with left:
        controls = st.container()  # the map's place in the column is the same in both runs
        if whole:
            with controls:
                playback_controls(lang, months)
        size = cases.cell_size(scope)
        mapview.basemap_note(state)
        if state.display == "heat":
            with mapview.page_run_of_fragment():
                state = heat_map(conn, state, cells, size, map_filters, today, user)
        else:
            deck_view(conn, state, cells, size)
    if whole:
        with right:
            figures_panel(conn, lang, monthly, rates, *sites[0], state.community)
    if st.session_state.get("playing"):
        urlstate.write_state(state)
        time.sleep(PLAY_SECONDS)
        st.session_state["play_step"] = True
        st.rerun()
    return state
