"""Editing on the coverage map: record a management change for one or several sites of the
community from a date, undo the last change, and each site's change history."""
from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
import shapely
import streamlit as st

from app import lookups, tables, urlstate, widgets, writes
from geo.viewstate import State
from geo import editing, users
from geo.editing import changelog, management, people, shapes, sites
from geo.errors import InputError
from geo.i18n import t
from geo.labels import header
from geo.importing.fields import MODES, PERSON_ROLES


def management_form(conn, s: State, user: users.User | None, site_id: int) -> None:
    """Shown with a site's panel to users who may edit (everyone in the open demo): the
    site and any others of its community."""
    if user and not user.may_edit:
        return
    with widgets.folded(t("record_change", s.lang), f"record_change_{site_id}") as shown:
        if shown:
            _management_change(conn, s, user, management.sites_of_community(conn, site_id),
                               [site_id], str(site_id))


def _save_against_seen(seen_key: str, write, message, on_saved=None) -> None:
    """Run ``write()``, a save checked against what the user saw (kept at ``seen_key``). Saved:
    forget what was seen, ``on_saved()`` when given, and the page runs again saying
    ``message(result)``. Stale: forget it too, so the new state shows, and say why. Refused:
    say why."""
    try:
        result = write()
    except editing.StaleEdit as stale:
        st.session_state.pop(seen_key, None)  # show the new state; the user decides again
        st.warning(str(stale))
        return False
    except InputError as refused:
        st.error(str(refused))
        return
    st.session_state.pop(seen_key, None)
    if on_saved:
        on_saved()
    writes.saved(message(result))


def _management_change(conn, s: State, user: users.User | None, options, default: list[int],
                       form_key: str, on_recorded=None) -> None:
    """Record a management change for the chosen sites (``options``: id, name); once recorded,
    ``on_recorded()`` when given, and the page runs again."""
    lang = s.lang
    name = user.name if user else None
    labels = dict(zip(options["id"], options["name"]))
    chosen = st.multiselect(t("sites_to_change", lang), list(labels), default=default,
                            format_func=labels.get, key=f"change_sites_{form_key}",
                            placeholder=t("choose", lang), select_all=False)
    current = management.current_management(conn, chosen)
    # what the user saw when choosing: a change by someone else meanwhile is detected
    key = f"change_seen_{form_key}_{'-'.join(map(str, sorted(chosen)))}"
    if key not in st.session_state:
        st.session_state[key] = {int(r.site_id): (None if r.management_id != r.management_id
                                                  else int(r.management_id))
                                 for r in current.itertuples()}
    tables.show(conn, current.drop(columns=["site_id", "management_id"]), lang, width="stretch")
    with st.form(f"change_form_{form_key}"):
        mode = st.selectbox(t("col_mode", lang), MODES, format_func=lambda m: t(f"mode_{m}", lang))
        provider = st.text_input(t("provider", lang), max_chars=200)
        party_led = st.checkbox(t("party_led", lang))
        valid_from = st.date_input(t("valid_from_date", lang), value=lookups.today(conn), format="YYYY-MM-DD")
        submitted = st.form_submit_button(t("record", lang))
    if submitted:
        change = management.ManagementChange(mode, valid_from, provider.strip() or None, party_led)
        message = t("change_recorded", lang).format(n=len(chosen))
        _save_against_seen(key, lambda: management.record_management_change(
            conn, name, chosen, change, st.session_state[key]), lambda _: message, on_recorded)
    writes.undo_button(conn, name, lang, f"undo_{form_key}")


def assignment_form(conn, s: State, user: users.User | None, site_id: int) -> None:
    """Assign a cadre or worker to the site (closes a "site without a cadre" gap where it is
    seen), or end an assignment from a date."""
    if user and not user.may_edit:
        return
    lang = s.lang
    name = user.name if user else None
    candidates = people.assignable_people(conn, site_id)
    if not candidates.empty:
        _person_and_date(
            conn, lang, t("assign_person", lang), f"assign_form_{site_id}",
            {int(r.id): f"{r.name} · {t('role_' + r.role, lang)}" for r in candidates.itertuples()},
            "valid_from_date", "assign", "assigned",
            lambda person, day: people.assign_person(conn, name, person, site_id, day))
    current = people.open_assignments(conn, site_id)
    if not current.empty:
        _person_and_date(
            conn, lang, t("end_assignment", lang), f"end_assignment_{site_id}",
            {int(r.id): f"{r.name} · {t('role_' + r.role, lang)} · {r.valid_from}"
             for r in current.itertuples()},
            "valid_to_date", "end_assignment", "assignment_ended",
            lambda assignment, day: people.end_assignment(conn, name, assignment, day))


def leader_form(conn, s: State, user: users.User | None) -> None:
    """The district leaders covering the selected community (包联): assign one, or end one;
    closes a "community without a leader" gap where it is seen."""
    if not s.community or (user and not user.may_edit):
        return
    lang = s.lang
    name = user.name if user else None
    leaders = people.district_leaders(conn)
    if not leaders.empty:
        _person_and_date(
            conn, lang, t("assign_leader", lang), "assign_leader",
            {int(r.id): f"{r.name} · {r.title or t('role_district_leader', lang)}"
             for r in leaders.itertuples()},
            "valid_from_date", "assign", "assigned",
            lambda person, day: people.assign_leader(conn, name, person, s.community, day))
    current = people.community_leaders(conn, s.community)
    if not current.empty:
        _person_and_date(
            conn, lang, t("end_leader", lang), "end_leader",
            {int(r.id): f"{r.name} · {r.valid_from}" for r in current.itertuples()},
            "valid_to_date", "end_assignment", "assignment_ended",
            lambda assignment, day: people.end_assignment(conn, name, assignment, day))


def _person_and_date(conn, lang: str, title: str, form_key: str, labels: dict[int, str],
                     date_label: str, button: str, done: str, act) -> None:
    """An expander with a form: one of ``labels`` and a date, then ``act(choice, date)``."""
    with widgets.folded(title, form_key) as shown:
        if not shown:
            return
        with st.form(form_key):
            chosen = st.selectbox(t("person", lang), list(labels), format_func=labels.get)
            day = st.date_input(t(date_label, lang), value=lookups.today(conn), format="YYYY-MM-DD")
            submitted = st.form_submit_button(t(button, lang))
        if submitted:
            try:
                act(chosen, day)
            except InputError as refused:
                st.error(str(refused))
            else:
                writes.saved(t(done, lang).format(name=labels[chosen]))


def site_form(conn, s: State, user: users.User | None, site_id: int) -> None:
    """The site's own fields in a form (the table editor's checks; refused when the site
    changed since the form was shown)."""
    if user and not user.may_edit:
        return
    lang = s.lang
    key = f"site_seen_{site_id}"
    if key not in st.session_state:
        st.session_state[key] = sites.site_fields(conn, site_id)
    seen = st.session_state[key]
    if seen.empty:
        return
    row = seen.iloc[0]
    kinds = ["compound", "open_courtyard", "building_cluster"]
    with widgets.folded(t("edit_site", lang), f"edit_site_{site_id}") as shown:
        if not shown:
            return
        with st.form(f"site_form_{site_id}"):
            values = {
                "name": st.text_input(t("col_name", lang), row["name"], max_chars=100),
                "kind": st.selectbox(t("kind", lang), kinds, kinds.index(row["kind"]),
                                     format_func=lambda k: t(f"kind_{k}", lang)),
                "households": st.number_input(t("col_households", lang), 0, 100_000,
                                              int(row["households"])),
                "buildings": st.number_input(t("buildings", lang), 0, 10_000,
                                             None if pd.isna(row["buildings"]) else int(row["buildings"])),
                "built_year": st.number_input(t("built_year", lang), 1800, lookups.today(conn).year,
                                              None if pd.isna(row["built_year"]) else int(row["built_year"])),
                "owners_committee": st.checkbox(t("owners_committee", lang), bool(row["owners_committee"])),
                "owners_committee_party": st.checkbox(t("with_party_org", lang),
                                                      bool(row["owners_committee_party"])),
                "party_org": st.checkbox(t("party_org", lang), bool(row["party_org"])),
                "demonstration": st.checkbox(t("demonstration", lang), bool(row["demonstration"]))}
            submitted = st.form_submit_button(t("save_site", lang))
        if submitted:
            edited = seen.copy()
            for field, value in values.items():
                edited.loc[edited.index[0], field] = value
            _save_against_seen(key, lambda: sites.update_sites(
                conn, user.name if user else None, seen, edited),
                lambda _: t("site_saved", lang).format(id=site_id))


def delete_form(conn, s: State, user: users.User | None, site_id: int) -> None:
    """Delete the site, after an explicit confirmation; its panel then closes."""
    if user and not user.may_edit:
        return
    lang = s.lang
    with widgets.folded(t("delete_site", lang), f"delete_site_{site_id}") as shown:
        if not shown:
            return
        sure = st.checkbox(t("delete_confirm", lang), key=f"delete_sure_{site_id}")
        if st.button(t("delete", lang), key=f"delete_{site_id}", disabled=not sure):
            try:
                sites.delete_site(conn, user.name if user else None, site_id)
            except InputError as refused:
                st.error(str(refused))
            else:
                urlstate.forget_site()  # its panel closes
                writes.saved(t("deleted", lang))
    return False


def change_history(conn, s: State, site_id: int) -> None:
    history = changelog.site_changes(conn, site_id)
    if history.empty:
        return
    st.markdown(f"**{t('change_history', s.lang)}**")
    tables.show(conn, history, s.lang, width="stretch")


def site_table(conn, s: State, user: users.User | None) -> None:
    """The table editor: bulk corrections to the sites of the selected community."""
    _table_editor(conn, s, user, "sites", t("edit_sites_table", s.lang),
                  sites.community_sites, sites.update_sites, {
                      "kind": st.column_config.SelectboxColumn(
                          options=["compound", "open_courtyard", "building_cluster"], required=True,
                          format_func=lambda k: t(f"kind_{k}", s.lang)),
                      "households": st.column_config.NumberColumn(min_value=0, max_value=100_000, step=1),
                      "buildings": st.column_config.NumberColumn(min_value=0, max_value=10_000, step=1),
                      "built_year": st.column_config.NumberColumn(min_value=1800, step=1)})


def people_table(conn, s: State, user: users.User | None) -> None:
    """The table editor for the community's people (names, roles, titles, phones)."""
    _table_editor(conn, s, user, "people", t("edit_people_table", s.lang),
                  people.community_people, people.update_people, {
                      "role": st.column_config.SelectboxColumn(
                          options=["district_leader", "street_cadre", "grid_worker",
                                   "social_worker"], required=True,
                          format_func=lambda r: t(f"role_{r}", s.lang))},
                  disabled=["id", "external_id"])


def add_person_form(conn, s: State, user: users.User | None) -> None:
    """A new leader, cadre or worker of the community, then assignable from a site's panel."""
    if not s.community or (user and not user.may_edit):
        return
    lang = s.lang
    with widgets.folded(t("add_person", lang), "add_person") as shown:
        if not shown:
            return
        with st.form("add_person"):
            name = st.text_input(t("col_name", lang), max_chars=50)
            role = st.selectbox(t("role", lang), list(PERSON_ROLES),
                                format_func=lambda r: t(f"role_{r}", lang))
            title = st.text_input(t("title", lang), max_chars=100)
            phone = st.text_input(t("phone", lang), max_chars=30)
            submitted = st.form_submit_button(t("add_person", lang))
        if submitted:
            try:
                people.add_person(conn, user.name if user else None, s.community,
                                   {"name": name, "role": role, "title": title, "phone": phone})
            except InputError as refused:
                st.error(str(refused))
            else:
                st.session_state.pop(f"people_seen_{s.community}", None)  # the table reloads
                writes.saved(t("person_added", lang).format(name=name.strip()))


def _table_editor(conn, s: State, user: users.User | None, what: str, title: str,
                  load, save, column_config: dict, disabled=("id",)) -> None:
    """A community's rows in st.data_editor; saved rows are checked, refused when they changed
    in the database since the table was loaded, logged and undoable."""
    if not s.community or (user and not user.may_edit):
        return
    lang = s.lang
    with widgets.folded(title, what) as shown:
        if not shown:
            return
        key = f"{what}_seen_{s.community}"
        if key not in st.session_state:  # the table as loaded: edits are checked against it
            st.session_state[key] = load(conn, s.community)
        seen = st.session_state[key]
        labelled = {column: st.column_config.Column() for column in seen.columns}
        labelled.update(column_config)
        for column, config in labelled.items():  # headers in words; the id stays unseen
            config["label"] = header(column, lang)
        edited = st.data_editor(seen, hide_index=True, width="stretch", disabled=list(disabled),
                                key=f"{what}_editor_{s.community}",
                                column_config={**labelled, "id": None})
        cols = st.columns(2)
        if cols[0].button(t("save_changes", lang), key=f"{what}_save"):
            _save_against_seen(key, lambda: save(conn, user.name if user else None, seen, edited),
                               lambda n: t("sites_saved", lang).format(n=n))
        if cols[1].button(t("reload", lang), key=f"{what}_reload"):
            st.session_state.pop(key, None)
            st.rerun()


def _may_draw(s: State, user: users.User | None) -> bool:
    return bool(s.community) and not (user and not user.may_edit)


def _outline_choices(conn, s: State) -> dict[str, str]:
    """The outlines that can be reshaped in place: the selected site, the community's
    boundary, its grids. Keys 'table:key'; values are labels."""
    lang = s.lang
    choices = {"": t("outline_none", lang)}
    if s.site:
        site = management.current_management(conn, [s.site])
        if not site.empty:
            choices[f"sites:{s.site}"] = f"{t('outline_site', lang)} · {site['name'].iloc[0]}"
    choices[f"communities:{s.community}"] = t("outline_community", lang)
    for grid in shapes.community_grids(conn, s.community).itertuples():
        choices[f"grids:{grid.code}"] = f"{t('outline_grid', lang)} · {grid.name}"
    return choices


@dataclass(frozen=True)
class Drawing:
    """What the drawing tools need in one run of the map, read once: the outlines that can be
    reshaped, the one chosen (table, key) if it still belongs to the selection, and its
    stored geometry."""
    choices: dict[str, str]
    target: tuple[str, str] | None
    outline: dict | None


def drawing(conn, s: State, user: users.User | None) -> Drawing | None:
    """The drawing tools' state, or None when the map carries none (the switch below the map,
    as the last run left it)."""
    if not (_may_draw(s, user) and st.session_state.get("draw_mode")):
        return None
    choices = _outline_choices(conn, s)
    value = st.session_state.get("edit_outline") or ""
    if not value or value not in choices:
        return Drawing(choices, None, None)
    table, key = value.split(":", 1)
    return Drawing(choices, (table, key), shapes.outline(conn, table, _key(table, key)))


def draw_controls(s: State, user: users.User | None, tools: Drawing | None) -> None:
    """Below the map (above it, they took the map's clicks): the drawing switch and which
    outline to reshape in place."""
    if not _may_draw(s, user):
        return
    st.toggle(t("draw_mode", s.lang), key="draw_mode")
    if not tools:
        st.session_state.pop("drawing_refused", None)
        return
    if st.session_state.get("edit_outline") not in tools.choices:
        st.session_state["edit_outline"] = ""
    st.selectbox(t("edit_outline", s.lang), list(tools.choices), format_func=tools.choices.get,
                 key="edit_outline")


def add_drawing_layers(s: State, tools: Drawing | None, fmap) -> None:
    """Before the map is drawn: the drawing tools, the outline chosen for reshaping, and the
    sites a refused drawing overlaps (highlighted)."""
    from layers import editing as edit_layers

    if not tools:
        return
    crs = basemap_crs(s)
    geometry = tools.outline
    edit_layers.add_drawing_tools(
        fmap, s.lang, outline=edit_layers.to_display(geometry, crs) if geometry else None,
        outline_props={"table": tools.target[0], "key": tools.target[1],
                       "seen": shapes.outline_version(geometry)} if geometry else None)
    refused = st.session_state.get("drawing_refused")
    if refused:  # what was drawn (the map reloads without it) and the sites it overlaps
        edit_layers.refused_layer(
            edit_layers.to_display(refused["geometry"], crs),
            [{**f, "geometry": edit_layers.to_display(f["geometry"], crs)}
             for f in refused["overlaps"]["features"]], s.lang).add_to(fmap)


def _key(table: str, key: str):
    return int(key) if table == "sites" else key


def _fingerprint(table: str, geometry: dict) -> str:
    return table + json.dumps(geometry, sort_keys=True)


def drawn_forms(conn, s: State, user: users.User | None, tools: Drawing | None,
                out: dict | None) -> None:
    """After drawing: save a reshaped outline, or a new polygon as a site or a grid. A refusal
    is shown with the overlapped sites highlighted on the map."""
    from layers import editing as edit_layers

    if not tools:
        return
    lang, crs, out = s.lang, basemap_crs(s), out or {}
    done = st.session_state.setdefault("drawings_saved", set())
    reshaped = None
    target, stored = tools.target, tools.outline
    for feature in out.get("all_drawings") or []:
        props = feature.get("properties") or {}
        if target and (props.get("table"), str(props.get("key"))) == target:
            geometry = edit_layers.from_display(feature["geometry"], crs)
            if stored and not shapely.equals_exact(shapely.from_geojson(json.dumps(geometry)),
                                                   shapely.from_geojson(json.dumps(stored)), 1e-7):
                reshaped = (target, geometry, props.get("seen"))
    drawing = out.get("last_active_drawing") or {}
    new = None
    if ((drawing.get("geometry") or {}).get("type") == "Polygon"
            and not (drawing.get("properties") or {})):  # drawn, not a clicked map feature
        new = edit_layers.from_display(drawing["geometry"], crs)
    pending = {_fingerprint("new", new) if new else None,
               _fingerprint(reshaped[0][0], reshaped[1]) if reshaped else None} - done - {None}
    # A refusal stays on the map until a save succeeds: changing the map's layers reloads
    # it, and the reload would lose what the user is drawing now.
    refused = st.session_state.get("drawing_refused")
    if refused and (not pending or refused["drawing"] in pending):
        st.error("\n".join(refused["lines"]))
    if reshaped and _fingerprint(reshaped[0][0], reshaped[1]) in pending:
        (table, key), geometry, seen = reshaped
        if st.button(t("save_outline", lang), key="save_outline", type="primary"):
            _save(conn, s, user, table, key, geometry, {}, seen)
    if new and _fingerprint("new", new) in pending:
        if target and target[0] == "sites" and stored is None:  # a site waiting for its outline
            site_name = tools.choices[":".join(target)].split(" · ", 1)[-1]
            if st.button(t("attach_outline", lang).format(name=site_name),
                         key="attach_outline", type="primary"):
                _save(conn, s, user, "sites", target[1], new, {},
                      fingerprint=_fingerprint("new", new))
        _new_shape_form(conn, s, user, new)
    if not pending:
        st.caption(t("draw_hint", lang))


def _new_shape_form(conn, s: State, user: users.User | None, geometry: dict) -> None:
    lang = s.lang
    what = st.radio(t("drawn_as", lang), ["site", "grid", "select"], horizontal=True,
                    format_func=lambda c: t(f"drawn_{c}", lang), key="drawn_as")
    if what == "select":  # a box around sites: their management changed together
        boxed = management.sites_in_area(conn, s.community, geometry)
        if boxed.empty:
            st.info(t("no_sites_in_box", lang))
        else:
            _management_change(conn, s, user, boxed, list(boxed["id"]), "box",
                               lambda: _used(_fingerprint("new", geometry)))
        return
    with st.form("drawn_shape"):
        name = st.text_input(t("col_name", lang), max_chars=100)
        attrs = {}
        if what == "site":
            attrs = {
                "kind": st.selectbox(t("kind", lang), ["open_courtyard", "compound", "building_cluster"],
                                     format_func=lambda k: t(f"kind_{k}", lang)),
                "households": int(st.number_input(t("col_households", lang), 0, 100_000, 0)),
                "buildings": int(st.number_input(t("buildings", lang), 0, 10_000, 0)),
                "built_year": int(st.number_input(t("built_year", lang), 1800, lookups.today(conn).year,
                                                  1990)),
                "owners_committee": st.checkbox(t("owners_committee", lang)),
                "party_org": st.checkbox(t("party_org", lang)),
                "demonstration": st.checkbox(t("demonstration", lang))}
        submitted = st.form_submit_button(t("save_site", lang))
    if not submitted:
        return
    if not name.strip():
        st.error(t("name_required", lang))
        return
    _save(conn, s, user, f"{what}s", None, geometry, {**attrs, "name": name.strip()})


def _save(conn, s: State, user: users.User | None, table: str, key: str | None,
          geometry: dict, attrs: dict, seen: str | None = None, *,
          fingerprint: str | None = None) -> None:
    """Write a drawn shape into ``table`` (sites, communities, grids): a new one without a
    ``key``, else the outline of ``key`` reshaped from the version ``seen`` (or drawn for
    the first time: ``fingerprint`` is then the new drawing's). On refusal keep the message
    and the overlapped sites for the map."""
    name = user.name if user else None
    fingerprint = fingerprint or _fingerprint(table if key else "new", geometry)
    try:
        if table == "sites":
            site_id = _key(table, key) if key else None
            done = shapes.save_site_shape(conn, name, geometry, attrs, community=s.community,
                                           site_id=site_id, seen=seen)
            message = t("site_saved", s.lang).format(id=done["site_id"])
        else:
            shapes.save_boundary(conn, name, table, geometry, community=s.community, code=key,
                                  name=attrs.get("name"), seen=seen)
            message = t("boundary_saved", s.lang)
    except InputError as refused:
        overlaps = ({"features": []} if table != "sites" else
                    shapes.overlapping_sites(conn, geometry, _key(table, key) if key else None))
        st.session_state["drawing_refused"] = {"lines": refused.lines(), "overlaps": overlaps,
                                               "drawing": fingerprint, "geometry": geometry}
        st.rerun()  # the map shows the overlapped sites
        return
    _used(fingerprint)
    writes.saved(message)


def _used(fingerprint: str) -> None:
    """A drawing was saved: its forms are not offered again, and an earlier refusal is gone."""
    st.session_state["drawings_saved"].add(fingerprint)
    st.session_state.pop("drawing_refused", None)


def basemap_crs(s: State) -> str:
    from layers import basemap

    return basemap.display_crs(s.basemap)
