"""The queue of cases to place (待定位诉求): cases an import put on their community only, or
nowhere, with their raw address and the best candidates; a person takes a candidate, picks a
site or clicks the map. Thin page: geo.placement reads and writes, layers.maps draws."""
from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from app import connections, mapview, tables, writes
from geo import addresses, coverage, placement, users
from geo.errors import InputError
from geo.i18n import t
from geo.viewstate import State
from layers import maps

_POINT = "placement_point"  # the point clicked on the map for the chosen case


@connections.cached(ttl=60, max_entries=50, show_spinner=False)
def load_waiting(conn, scope) -> pd.DataFrame:
    return placement.waiting(conn, scope)


@connections.cached(ttl=60, max_entries=50, show_spinner=False)
def load_count(conn, scope) -> int:
    return placement.count_waiting(conn, scope)


# kept, not copied, per database and per whose connection it is (row-level security decides
# which sites and aliases it holds), as app.connections.cached keys its results
@st.cache_resource(ttl=300, max_entries=8, show_spinner=False)
def load_gazetteer(_conn, cache_key: tuple[str, str, str]) -> addresses.Gazetteer:
    return placement.load_gazetteer(_conn)


def waiting_note(conn, s: State) -> None:
    """The cases page's line on how many cases of the scope wait to be placed."""
    n = load_count(conn, s.scope)
    if n:
        st.caption(t("waiting_to_place", s.lang).format(n=n))


def _label(row, lang: str) -> str:
    return f"{row.external_id} · {row.address or t('no_address', lang)}"


def render(conn, state: State, user: users.User | None = None) -> State:
    lang = state.lang
    st.title(t("placement_title", lang))
    st.caption(t("placement_caption", lang))
    queue = load_waiting(conn, state.scope)
    may_place = user is None or user.may_edit
    name = user.name if user else None
    if may_place:  # a placement undone goes back to the queue, its alias forgotten
        writes.undo_button(conn, name, lang, "undo_placement", forget=load_gazetteer.clear)
    if queue.empty:
        st.success(t("nothing_waiting", lang))
        return state
    st.markdown(t("waiting_to_place", lang).format(n=load_count(conn, state.scope)))
    tables.show(conn, queue.drop(columns=["id", "community_code"]), lang, width="stretch",
                height=240)
    ids = queue["id"].tolist()
    rows = {int(r.id): r for r in queue.itertuples()}
    case_id = st.selectbox(t("placement_case", lang), ids, format_func=lambda i: _label(rows[i], lang),
                           key="placement_case")
    case = rows[case_id]
    if st.session_state.get(f"{_POINT}_case") != case_id:  # a new case: no click of the old one
        st.session_state.pop(_POINT, None)
        st.session_state[f"{_POINT}_case"] = case_id
    places = load_gazetteer(conn, conn.cache_key)
    community = None if pd.isna(case.community_code) else case.community_code
    offered = places.candidates(case.address, community=community)
    left, right = st.columns([5, 4])
    with left:
        _map(conn, state, community, offered)
    with right:
        st.markdown(f"**{t('col_address', lang)}**: {case.address or '–'}")
        if community:
            st.caption(t("placement_in_community", lang).format(name=case.community))
        if not may_place:
            st.info(t("placement_district_reads", lang))
            return state

        def place(**where) -> None:
            try:
                placement.place(conn, name, case_id, teach=places, **where)
            except InputError as refused:
                st.warning(str(refused))
            else:
                load_gazetteer.clear()  # the alias it taught
                st.session_state.pop(_POINT, None)
                writes.saved(t("case_placed", lang).format(id=case.external_id))

        if offered:
            pick = st.radio(t("candidates", lang), range(len(offered)), key="placement_candidate",
                            format_func=lambda i: f"{offered[i].label} · {offered[i].score:.0f}")
            if st.button(t("take_candidate", lang), key="take_candidate"):
                c = offered[pick]
                place(lon=c.lon, lat=c.lat, site_id=c.site_id)
        else:
            st.caption(t("no_candidates", lang))
        sites = placement.sites_to_pick(conn, state.scope, community)
        site = st.selectbox(t("pick_site", lang), [None] + sites["id"].tolist(),
                            format_func=lambda i: t("choose", lang) if i is None else
                            dict(zip(sites["id"], sites["name"]))[i], key="placement_site")
        if st.button(t("place_on_site", lang), key="place_on_site", disabled=site is None):
            place(site_id=int(site))
        point = st.session_state.get(_POINT)
        if point:
            st.caption(t("clicked_point", lang).format(lon=point[0], lat=point[1]))
        else:
            st.caption(t("click_to_place", lang))
        if st.button(t("place_at_point", lang), key="place_at_point", disabled=point is None):
            place(lon=point[0], lat=point[1])
    return state


def _map(conn, s: State, community: str | None, offered: list[addresses.Candidate]) -> None:
    """The case's community (or the scope), its sites, the candidates and the clicked point;
    a click sets the point."""
    view = coverage.View(s.street if community is None else None, community, as_of=s.as_of)
    outlines = coverage.communities(conn, view)
    sites = coverage.sites(conn, view)[0] if view.level == "community" else None
    bounds = coverage.extent(conn, view)
    (center, zoom), _, _ = mapview.map_view(s, bounds)
    fmap = maps.placement_map(s, outlines, sites, offered, st.session_state.get(_POINT),
                              center, zoom)
    out = st_folium(fmap, height=maps.MAP_SIZE[1], use_container_width=True,
                    key=f"placement_map_{community}", returned_objects=["last_clicked"])
    click = mapview.new_click(out, "last_clicked", "last_placement_click", s)
    if click:
        st.session_state[_POINT] = click
        st.rerun()
