"""The coverage map (物管覆盖一张图). Thin page: state → geo → layers → render."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from app import charts, lookups, mapview, tables, widgets
from app.loads import load_gaps, load_kpis, load_map_data, load_trend
from app import editing as editing_view
from app import sidebar
from geo import coverage, users
from geo.cases import share_text
from geo.i18n import t
from geo.viewstate import State
from layers import coverage as coverage_layers, maps

def _metric(col, label: str, value: str, now=None, before=None, *, points: bool = False,
            colour: str = "normal", counts: str | None = None) -> None:
    """A KPI card with its change since the comparison date (no change: grey, no arrow) and,
    in ``counts``, what it counts over what (its tooltip)."""
    if now is None or before is None:
        col.metric(label, value, help=counts)
        return
    change = now - before
    delta = f"{change * 100:+.1f} pt" if points else f"{change:+,d}"
    flat = delta in ("+0.0 pt", "-0.0 pt", "+0")
    col.metric(label, value, delta, delta_color="off" if flat else colour,
               delta_arrow="off" if flat else "auto", help=counts)


# each rate KPI: its label, its key in geo.coverage.kpis, and what it counts over what
RATE_KPIS = (("kpi_compound_rate", "compound_rate"), ("kpi_compound_rate_hh", "compound_rate_households"),
             ("kpi_courtyard_rate", "courtyard_rate"),
             ("kpi_courtyard_rate_hh", "courtyard_rate_households"),
             ("kpi_committee_rate", "committee_rate"), ("kpi_party_org_rate", "party_org_rate"))


def kpi_cards(conn, s: State) -> None:
    now = load_kpis(conn, s.view)
    before = load_kpis(conn, replace(s.view, as_of=s.compare_date))
    cols = st.columns(len(RATE_KPIS) + 2)
    for col, (label, key) in zip(cols, RATE_KPIS):
        _metric(col, t(label, s.lang), share_text(now[key]), now[key], before[key], points=True,
                counts=t(f"{label}_counts", s.lang))
    _metric(cols[-2], t("kpi_clusters_party", s.lang),
            f"{now['clusters_with_party_org']}/{now['clusters']}",
            now["clusters_with_party_org"], before["clusters_with_party_org"],
            counts=t("kpi_clusters_party_counts", s.lang))
    _metric(cols[-1], t("kpi_cases_this_year", s.lang), f"{now['cases_this_year']:,}",
            now["cases_this_year"], before["cases_this_year"], colour="inverse",
            counts=t("kpi_cases_this_year_counts", s.lang))
    st.caption(t("kpi_courtyard_organisations", s.lang).format(
        committee=share_text(now["courtyard_committee_rate"]),
        party=share_text(now["courtyard_party_org_rate"])))
    modes = st.columns(6)
    for col, (mode, n) in zip(modes, now["by_mode"].items()):
        _metric(col, t(f"mode_{mode}", s.lang), f"{n:,}", n, before["by_mode"][mode],
                colour="inverse" if mode == "none" else "normal",
                counts=t("kpi_mode_counts", s.lang))
    _metric(modes[-1], t("kpi_outlined", s.lang), f"{now['outlined']:,}/{now['sites']:,}",
            now["outlined"], before["outlined"], counts=t("kpi_outlined_counts", s.lang))


def gap_panel(conn, s: State) -> int | None:
    """The ranked gap list (select a row to zoom to it), sites without cadre, communities
    without leader. Returns the selected site's id."""
    gaps, no_cadre, no_leader = load_gaps(conn, s.view)
    st.subheader(t("gap_list", s.lang))
    sort = st.radio(t("sort_by", s.lang), ["priority", "households", "cases_per_100"],
                    format_func=lambda c: t(f"col_{c}", s.lang), horizontal=True, key="gap_sort")
    table = gaps.sort_values(sort, ascending=False, na_position="last").reset_index(drop=True)
    # on screen what fits beside the map, in the order chosen; the file has every figure
    on_screen = ["name"] + ([] if s.community else ["community"]) + ["households", "cases_per_100"]
    event = tables.show(conn, table[on_screen], s.lang, on_select="rerun",
                        selection_mode="single-row", key="gap_table", height=320, width="stretch")
    whole = table[["name", "community", "households", "cases_12m", "cases_per_100", "priority"]]
    st.download_button(t("download_csv", s.lang), tables.csv(conn, whole, s.lang),
                       file_name=f"{t('gap_list', s.lang)}.csv", mime="text/csv")
    picked = None
    if event and event.selection.rows:
        picked = int(table.loc[event.selection.rows[0], "id"])
    with widgets.folded(f"{t('no_cadre', s.lang)} ({len(no_cadre)})", "no_cadre") as shown:
        if shown:
            tables.show(conn, no_cadre.drop(columns=["id"]), s.lang, width="stretch")
    with widgets.folded(f"{t('no_leader', s.lang)} ({len(no_leader)})", "no_leader") as shown:
        if shown:
            tables.show(conn, no_leader, s.lang, width="stretch")
    return picked


def site_panel(conn, s: State, site_id: int) -> None:
    detail = coverage.site_detail(conn, site_id, s.as_of)
    if detail is None:
        return
    info = detail["site"]
    st.subheader(f"{info['name']} · {t('kind_' + info['kind'], s.lang)}")
    yes, no = t("yes", s.lang), t("no", s.lang)
    facts = {
        t("col_community", s.lang): f"{info['street']} · {info['community']}",
        t("col_households", s.lang): info["households"], t("buildings", s.lang): info["buildings"],
        t("built_year", s.lang): info["built_year"],
        t("owners_committee", s.lang): (yes if info["owners_committee"] else no) + (
            f" · {t('with_party_org', s.lang)}" if info["owners_committee_party"] else ""),
        t("party_org", s.lang): yes if info["party_org"] else no,
        t("demonstration", s.lang): yes if info["demonstration"] else no,
    }
    st.table(pd.DataFrame({"": list(facts), " ": [str(v) for v in facts.values()]}))
    st.markdown(f"**{t('management_history', s.lang)}**")
    tables.show(conn, detail["history"], s.lang, width="stretch")
    st.markdown(f"**{t('assigned_people', s.lang)}**")
    tables.show(conn, detail["people"], s.lang, width="stretch")
    st.markdown(f"**{t('site_cases', s.lang)}**")
    cases = detail["cases"]
    if cases.empty:
        st.caption(t("no_cases", s.lang))
    else:
        charts.stacked_bars(cases, "month", "category", "cases",
                            names=lookups.code_names(conn, s.lang)["category_code"],
                            x_title=t("col_month", s.lang), y_title=t("col_cases", s.lang))


def search_box(conn, s: State) -> int | None:
    """A site by name: those of the chosen scope first; picking one outside it switches the
    scope to its community (said on the page), so the map, the figures and the site agree."""
    text = st.sidebar.text_input(t("search_site", s.lang), key="search")
    if not text.strip():
        return None
    found = coverage.search_sites(conn, text, s.view)
    if found.empty:
        st.sidebar.caption(t("no_match", s.lang))
        return None
    labels = {int(r.id): f"{r.name} · {r.community}" + ("" if r.in_scope else
                                                       f" · {t('outside_scope', s.lang)}")
              for r in found.itertuples()}
    picked = st.sidebar.selectbox(t("search_results", s.lang), list(labels),
                                  format_func=labels.get, key="search_pick")
    row = found[found["id"] == picked].iloc[0]
    if not row["in_scope"] and picked != st.session_state.get("last_search_pick"):
        sidebar.switch_scope(row["street_code"], row["community_code"], picked, said=True)
    return picked


@st.fragment
def map_panel(conn, state: State, user: users.User | None, data: dict, bounds) -> State:
    """The map with its drawing tools, and what it reports back (its view, a clicked site,
    drawings). A fragment: after every load and pan the map reports its view, and only this
    part reruns for it, not the whole page; a click on a site reruns the page for its panel.
    Returns the state with the map's view and the chosen site (on the page's own runs)."""
    full_run = mapview.in_page_run()
    _, (center, zoom), state = mapview.map_view(state, bounds)
    fmap = maps.coverage_map(state, data, *mapview.start_view("map", (center, zoom)))
    tools = editing_view.drawing(conn, state, user)
    editing_view.add_drawing_layers(state, tools, fmap)
    out = st_folium(fmap, height=620, use_container_width=True, key="map",
                    center=list(center), zoom=zoom,
                    returned_objects=["last_object_clicked", "center", "zoom"]
                    + (["last_active_drawing", "all_drawings"] if tools else []))
    editing_view.draw_controls(state, user, tools)
    editing_view.drawn_forms(conn, state, user, tools, out)
    moved = mapview.track_view(out, state, center, zoom)
    mapview.remember_bounds(out, moved)
    click = mapview.new_click(out, "last_object_clicked", "last_click", moved)
    # the district's map draws no sites: a click there opens the community under it
    site_id = coverage.site_at(conn, *click) if click and state.view.level != "district" else None
    if click and not site_id and not state.community:  # a click beside the sites opens the
        found = coverage.community_at(conn, *click)  # community there (the district's drill-down)
        if found:
            sidebar.switch_scope(*found, None, said=False)
    if site_id:
        moved = replace(moved, site=site_id)
    if not full_run:  # this part alone reran; a new site needs the page for its panel
        mapview.map_reported(moved, whole_page=moved.site != state.site)
    return moved


def render(conn, state: State, user: users.User | None = None, whole: bool = True) -> State:
    """The coverage page; returns the state with the map's view and the chosen site.
    ``whole=False``: its first screen, the title, figures and map alone (app.mapview)."""
    focus = None  # a site picked from the search or the gap list: the map zooms to it
    found = search_box(conn, state) if whole else None
    if found and found != st.session_state.get("last_search_pick"):
        st.session_state["last_search_pick"] = found
        focus = found
    lang = state.lang
    st.title(t("app_title", lang))
    st.caption(t("coverage_subtitle", lang).format(date=state.as_of.isoformat()))
    if st.session_state.pop("scope_switched", False):
        st.info(t("scope_switched", lang))
    with st.container(key="figures"):
        kpi_cards(conn, state)

    left, right = st.columns([5, 4])
    with right:
        panel = st.container()  # the chosen site's panel: beside the map, above the gap list
        picked = gap_panel(conn, state) if whole else None
        if picked and picked != st.session_state.get("last_gap_pick"):
            st.session_state["last_gap_pick"] = picked
            focus = picked
    with left:
        data = load_map_data(conn, state.view, state.layers)
        bounds = coverage.extent(conn, state.view)
        if focus:
            pad = 0.002
            x0, y0, x1, y1 = coverage.site_extent(conn, focus) or bounds
            state = replace(state, site=focus, center=None, zoom=None)
            state = replace(state, **dict(zip(("center", "zoom"), coverage_layers.fit_view(
                mapview.display_bounds((x0 - pad, y0 - pad, x1 + pad, y1 + pad), state), 760, 620))))
        mapview.basemap_note(state)
        if data.get("truncated"):
            st.warning(t("truncated", lang).format(n=coverage.SITE_LIMIT))
        with mapview.page_run_of_fragment():
            state = map_panel(conn, state, user, data, bounds)
        if not whole:
            return state
        st.subheader(t("trend_title", lang))
        trend = load_trend(conn, state.view)
        charts.lines(trend, "day", {"rate": t("coverage_count", lang),
                                    "rate_households": t("coverage_households", lang)},
                     percent=True, x_title=t("col_day", lang), y_title=t("col_rate", lang))
        editing_view.site_table(conn, state, user)
        editing_view.people_table(conn, state, user)
        editing_view.add_person_form(conn, state, user)
        editing_view.leader_form(conn, state, user)
    if state.site:
        with panel:
            site_panel(conn, state, state.site)
            editing_view.site_form(conn, state, user, state.site)
            editing_view.management_form(conn, state, user, state.site)
            editing_view.assignment_form(conn, state, user, state.site)
            editing_view.change_history(conn, state, state.site)
            editing_view.delete_form(conn, state, user, state.site)
    return state
