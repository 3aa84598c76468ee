"""Editing on the coverage map: record a management change for one or several sites of the
community from a date, undo the last change, and each site's change history."""
from __future__ import annotations

import datetime as dt

import streamlit as st

import ui
from geo import editing, users
from geo.errors import InputError
from geo.i18n import t
from geo.importing.fields import MODES


def management_form(conn, s: ui.State, user: users.User | None, site_id: int) -> None:
    """Shown with a site's panel to users who may edit (everyone in the open demo)."""
    if user and not user.may_edit:
        return
    lang = s.lang
    name = user.name if user else None
    with st.expander(t("record_change", lang), expanded=False):
        options = editing.sites_of_community(conn, site_id)
        labels = dict(zip(options["id"], options["name"]))
        chosen = st.multiselect(t("sites_to_change", lang), list(labels), default=[site_id],
                                format_func=labels.get, key=f"change_sites_{site_id}")
        current = editing.current_management(conn, chosen)
        # what the user saw when choosing: a change by someone else meanwhile is detected
        key = f"change_seen_{site_id}_{'-'.join(map(str, sorted(chosen)))}"
        if key not in st.session_state:
            st.session_state[key] = {int(r.site_id): (None if r.management_id != r.management_id
                                                      else int(r.management_id))
                                     for r in current.itertuples()}
        st.dataframe(current.assign(mode=[t(f"mode_{m}", lang) for m in current["mode"]])
                     .drop(columns=["site_id", "management_id"]), hide_index=True, width="stretch")
        with st.form(f"change_form_{site_id}"):
            mode = st.selectbox(t("col_mode", lang), MODES, format_func=lambda m: t(f"mode_{m}", lang))
            provider = st.text_input(t("provider", lang), max_chars=200)
            party_led = st.checkbox(t("party_led", lang))
            valid_from = st.date_input(t("valid_from_date", lang), value=dt.date.today())
            submitted = st.form_submit_button(t("record", lang))
        if submitted:
            try:
                editing.record_management_change(
                    conn, name, chosen, editing.ManagementChange(mode, valid_from,
                                                                provider.strip() or None,
                                                                party_led),
                    st.session_state[key])
                st.session_state.pop(key, None)
                st.cache_data.clear()  # coverage, KPIs and gaps read the new history
                st.success(t("change_recorded", lang).format(n=len(chosen)))
            except editing.StaleEdit as stale:
                st.session_state.pop(key, None)  # show the new state; the user decides again
                st.warning(str(stale))
            except InputError as refused:
                st.error(str(refused))
        if st.button(t("undo_last", lang), key=f"undo_{site_id}"):
            try:
                undone = editing.undo_last(conn, name)
                st.cache_data.clear()
                st.info(t("undone" if undone else "nothing_to_undo", lang))
            except InputError as refused:
                st.warning(str(refused))


def assignment_form(conn, s: ui.State, user: users.User | None, site_id: int) -> None:
    """Assign a cadre or worker to the site: closes a "site without a cadre" gap where it is seen."""
    if user and not user.may_edit:
        return
    lang = s.lang
    people = editing.assignable_people(conn, site_id)
    if people.empty:
        return
    labels = {int(r.id): f"{r.name} · {t('role_' + r.role, lang)}" for r in people.itertuples()}
    with st.expander(t("assign_person", lang)):
        with st.form(f"assign_form_{site_id}"):
            person = st.selectbox(t("person", lang), list(labels), format_func=labels.get)
            valid_from = st.date_input(t("valid_from_date", lang), value=dt.date.today())
            submitted = st.form_submit_button(t("assign", lang))
        if submitted:
            try:
                editing.assign_person(conn, user.name if user else None, person, site_id,
                                      valid_from)
                st.cache_data.clear()
                st.success(t("assigned", lang).format(name=labels[person]))
            except InputError as refused:
                st.error(str(refused))


def delete_form(conn, s: ui.State, user: users.User | None, site_id: int) -> bool:
    """Delete the site, after an explicit confirmation. Returns True when it was deleted."""
    if user and not user.may_edit:
        return False
    lang = s.lang
    with st.expander(t("delete_site", lang)):
        sure = st.checkbox(t("delete_confirm", lang), key=f"delete_sure_{site_id}")
        if st.button(t("delete", lang), key=f"delete_{site_id}", disabled=not sure):
            try:
                editing.delete_site(conn, user.name if user else None, site_id)
                st.cache_data.clear()
                st.success(t("deleted", lang))
                return True
            except InputError as refused:
                st.error(str(refused))
    return False


def change_history(conn, s: ui.State, site_id: int) -> None:
    history = editing.site_changes(conn, site_id)
    if history.empty:
        return
    st.markdown(f"**{t('change_history', s.lang)}**")
    st.dataframe(history, hide_index=True, width="stretch")


def site_table(conn, s: ui.State, user: users.User | None) -> None:
    """The table editor: bulk corrections to the sites of the selected community."""
    _table_editor(conn, s, user, "sites", t("edit_sites_table", s.lang),
                  editing.community_sites, editing.update_sites, {
                      "kind": st.column_config.SelectboxColumn(
                          options=["compound", "open_courtyard", "building_cluster"], required=True),
                      "households": st.column_config.NumberColumn(min_value=0, max_value=100_000, step=1),
                      "buildings": st.column_config.NumberColumn(min_value=0, max_value=10_000, step=1),
                      "built_year": st.column_config.NumberColumn(min_value=1800, step=1)})


def people_table(conn, s: ui.State, user: users.User | None) -> None:
    """The table editor for the community's people (names, roles, titles, phones)."""
    _table_editor(conn, s, user, "people", t("edit_people_table", s.lang),
                  editing.community_people, editing.update_people, {
                      "role": st.column_config.SelectboxColumn(
                          options=["district_leader", "street_cadre", "grid_worker",
                                   "social_worker"], required=True)},
                  disabled=["id", "external_id"])


def _table_editor(conn, s: ui.State, user: users.User | None, what: str, title: str,
                  load, save, column_config: dict, disabled=("id",)) -> None:
    """A community's rows in st.data_editor; saved rows are checked, refused when they changed
    in the database since the table was loaded, logged and undoable."""
    if not s.community or (user and not user.may_edit):
        return
    lang = s.lang
    with st.expander(title):
        key = f"{what}_seen_{s.community}"
        if key not in st.session_state:  # the table as loaded: edits are checked against it
            st.session_state[key] = load(conn, s.community)
        seen = st.session_state[key]
        edited = st.data_editor(seen, hide_index=True, width="stretch", disabled=list(disabled),
                                key=f"{what}_editor_{s.community}", column_config=column_config)
        cols = st.columns(2)
        if cols[0].button(t("save_changes", lang), key=f"{what}_save"):
            try:
                n = save(conn, user.name if user else None, seen, edited)
                st.session_state.pop(key, None)
                st.cache_data.clear()
                st.success(t("sites_saved", lang).format(n=n))
            except editing.StaleEdit as stale:
                st.session_state.pop(key, None)
                st.warning(str(stale))
            except InputError as refused:
                st.error(str(refused))
        if cols[1].button(t("reload", lang), key=f"{what}_reload"):
            st.session_state.pop(key, None)
            st.rerun()


def _may_draw(s: ui.State, user: users.User | None) -> bool:
    return bool(s.community) and not (user and not user.may_edit)


def drawing_on(s: ui.State, user: users.User | None) -> bool:
    """Whether the map carries the drawing tools (the switch below it, from the last run)."""
    return _may_draw(s, user) and bool(st.session_state.get("draw_mode"))


def draw_toggle(s: ui.State, user: users.User | None) -> None:
    """The switch for drawing on the map: for editors, with a community chosen."""
    if _may_draw(s, user):
        st.toggle(t("draw_mode", s.lang), key="draw_mode")


def drawn_site_form(conn, s: ui.State, user: users.User | None, drawing: dict | None) -> None:
    """After drawing a polygon: save it as a new site, or as the selected site's new outline."""
    lang = s.lang
    if not drawing or (drawing.get("geometry") or {}).get("type") != "Polygon":
        st.caption(t("draw_hint", lang))
        return
    geometry = drawing["geometry"]
    if basemap_crs(s) == "gcj02":  # drawn on a GCJ-02 basemap: back to WGS84
        from geo import coords

        ring = geometry["coordinates"][0]
        xs, ys = coords.gcj02_to_wgs84([p[0] for p in ring], [p[1] for p in ring])
        geometry = {"type": "Polygon", "coordinates": [[[float(x), float(y)] for x, y in zip(xs, ys)]]}
    choices = ["new"] + (["reshape"] if s.site else [])
    with st.form("drawn_site"):
        what = st.radio(t("drawn_as", lang), choices, horizontal=True,
                        format_func=lambda c: t(f"drawn_{c}", lang))
        name = st.text_input(t("col_name", lang), max_chars=100)
        kind = st.selectbox(t("kind", lang), ["open_courtyard", "compound", "building_cluster"],
                            format_func=lambda k: t(f"kind_{k}", lang))
        households = st.number_input(t("col_households", lang), 0, 100_000, 0)
        buildings = st.number_input(t("buildings", lang), 0, 10_000, 0)
        built_year = st.number_input(t("built_year", lang), 1800, dt.date.today().year, 1990)
        committee = st.checkbox(t("owners_committee", lang))
        party_org = st.checkbox(t("party_org", lang))
        demonstration = st.checkbox(t("demonstration", lang))
        submitted = st.form_submit_button(t("save_site", lang))
    if not submitted:
        return
    attrs = ({} if what == "reshape" else {
        "name": name.strip(), "kind": kind, "households": int(households),
        "buildings": int(buildings), "built_year": int(built_year), "owners_committee": committee,
        "party_org": party_org, "demonstration": demonstration})
    if what == "new" and not attrs["name"]:
        st.error(t("name_required", lang))
        return
    try:
        done = editing.save_site_shape(conn, user.name if user else None, geometry, attrs,
                                       community=s.community,
                                       site_id=s.site if what == "reshape" else None)
        st.cache_data.clear()
        st.success(t("site_saved", lang).format(id=done["site_id"]))
    except InputError as refused:
        st.error("\n".join(refused.lines()))


def basemap_crs(s: ui.State) -> str:
    from layers import basemap

    return basemap.display_crs(s.basemap)
