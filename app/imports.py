"""The import page for admins: download a KIND's template, upload a file, see a preview (the
rows on a map, and every rejected row with its reason) before anything is written, then
confirm. The same code and rules as `python -m geo import`."""
from __future__ import annotations

import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from app import writes
from geo.viewstate import State
from geo import coords, users
from geo.errors import InputError
from geo.i18n import t
from geo.labels import header
from geo.importing import run, templates
from geo.importing.messages import in_words
from geo.importing.fields import KINDS
from geo.importing.read import read
from geo.importing.validate import detected_mapping, mappable
from layers import maps

PREVIEW_SIZE = (700, 420)
SUFFIXES = ["csv", "xlsx", "geojson", "json", "gpkg", "zip"]


def _found_rows(found: list[dict], name: str, path: Path, lang: str) -> pd.DataFrame:
    named = (lambda text: text.replace(str(path), name))
    return pd.DataFrame([{t("import_row", lang): e["row"],
                          t("import_field", lang): header(e["field"], lang) if e["field"] else "",
                          t("import_reason", lang): in_words(named(e["message"]), lang)}
                         for e in found])


def _mapping(path: Path, kind: str, lang: str) -> list[str]:
    """Which column holds which field: detected as the import would, changeable here; the
    user's changes go to the import as --map FIELD=COLUMN."""
    try:
        columns = list(read(path).frame.columns)
    except InputError:
        return []  # the preview below names what is wrong with the file
    detected = detected_mapping(columns, kind)
    none = t("import_mapping_none", lang)
    chosen = []
    with st.expander(t("import_mapping", lang), expanded=False):
        cols = st.columns(3)
        for i, field in enumerate(f for f in mappable(KINDS[kind]) if f != "wkt" or detected.get(f)):
            options = [none, *columns]
            now = detected.get(field)
            picked = cols[i % 3].selectbox(header(field, lang), options,
                                           index=options.index(now) if now in options else 0,
                                           key=f"import_map_{kind}_{field}")
            if picked != none and picked != now:
                chosen.append(f"{field}={picked}")
    return chosen


def _refusal(refused: InputError, path: Path, name: str, lang: str) -> None:
    """Why the file was refused, naming the file the user chose (not where it was saved)."""
    named = (lambda text: text.replace(str(path), name))
    said = named(str(refused))
    said = said[len(name) + 2:] if said.startswith(f"{name}: ") else said
    if len(refused.errors) == 1 and str(refused) == refused.errors[0].describe(refused.file):
        said = named(refused.errors[0].message)  # one error: its row and field in the table below
    st.error(f"{name}: {in_words(said, lang)}")
    if refused.errors:
        st.dataframe(pd.DataFrame([{t("import_row", lang): e.row,
                                    t("import_field", lang): header(e.field, lang) if e.field else "",
                                    t("import_reason", lang): in_words(named(e.message), lang)}
                                   for e in refused.errors]), hide_index=True, width="stretch")


def _saved(upload) -> Path:
    """The upload in a private folder under a fixed name: the user's file name is never a path."""
    suffix = Path(upload.name).suffix.lower()
    if suffix.lstrip(".") not in SUFFIXES:
        suffix = ".bin"
    folder = Path(tempfile.mkdtemp(prefix="atlas-upload-"))
    path = folder / f"upload{suffix}"
    path.write_bytes(upload.getbuffer())
    return path


def _preview_map(path: Path, crs: str | None, lang: str) -> None:
    try:
        table = read(path)
    except InputError:
        return
    if table.geometry is None or not len(table.geometry):
        return
    geoms = table.geometry
    try:
        geoms = coords.to_wgs84(geoms, coords.parse_crs(crs) or table.crs)
    except Exception:  # the checks name a bad CRS; the preview just leaves the map out
        return
    frame = gpd.GeoDataFrame(geometry=list(geoms), crs=4326).dropna()
    if frame.empty:
        return
    fmap = maps.preview_map(frame, t("import_preview", lang), PREVIEW_SIZE)
    st_folium(fmap, height=PREVIEW_SIZE[1], use_container_width=True, key="import_map", returned_objects=[])


def render(conn, s: State, user: users.User | None = None) -> State:
    lang = s.lang
    st.title(t("page_import", lang))
    if user and not user.may_edit:
        st.warning(t("import_district_reads", lang))
        return s
    # a street or community imports its own roster, under its own rights
    as_user = user if user and user.role != "admin" else None
    kinds = list(run.USER_KINDS) if as_user else list(KINDS)
    if as_user:
        st.caption(t("import_own_roster", lang))
    kind = st.selectbox(t("import_kind", lang), kinds, key="import_kind",
                        format_func=lambda k: t(f"kind_name_{k}", lang))
    # a file name: 小区/楼院/楼宇 holds slashes
    name = t("import_template_name", lang).format(kind=t(f"kind_name_{kind}", lang)).replace("/", "、")
    template = Path(tempfile.mkdtemp(prefix="atlas-template-")) / f"{name}.xlsx"
    templates.write_template(kind, template, lang)
    st.download_button(t("import_template", lang), template.read_bytes(), file_name=template.name,
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key="import_template_dl")
    upload = st.file_uploader(t("import_file", lang), type=SUFFIXES, key="import_upload")
    cols = st.columns(3)
    crs = cols[0].text_input(t("import_crs", lang), key="import_crs").strip() or None
    source = (cols[1].text_input(t("import_source", lang), key="import_source").strip() or None
              if kind == "cases" else None)
    add_categories = cols[2].checkbox(t("import_add_categories", lang), key="import_add_cats") \
        if kind == "cases" else False
    if upload is None:
        return s
    path = _saved(upload)
    options = dict(crs=crs, source=source, add_categories=add_categories,
                   mapping=_mapping(path, kind, lang), as_user=as_user)
    _preview_map(path, crs, lang)
    try:
        preview = run.import_file(kind, path, dry_run=True, **options)
    except InputError as refused:
        _refusal(refused, path, upload.name, lang)
        return s
    found = preview["rejected_rows"]
    errors = [e for e in found if e["severity"] == "error"]
    warnings = [e for e in found if e["severity"] == "warning"]
    if errors:
        said = in_words(f"{preview['rejected']} rejected rows; nothing was imported", lang)
        st.error(in_words(run.unknown_message(upload.name, preview["unknown"]), lang)
                 if preview["unknown"] else f"{upload.name}: {said}")
        st.dataframe(_found_rows(errors, upload.name, path, lang), hide_index=True, width="stretch")
    if warnings:
        st.warning(t("import_warnings", lang).format(n=len({e["row"] for e in warnings})))
        st.dataframe(_found_rows(warnings, upload.name, path, lang), hide_index=True,
                     width="stretch")
    if errors:
        return s
    st.info(t("import_would", lang).format(
        rows=preview["rows"], inserted=preview["would_insert"],
        updated=preview["would_update"], unchanged=preview["unchanged"]))
    if st.button(t("import_confirm", lang), key="import_confirm"):
        try:
            done = run.import_file(kind, path, audit_as=(user.name if user else None, upload.name),
                                   **options)
        except InputError as refused:
            _refusal(refused, path, upload.name, lang)
            return s
        writes.saved(t("import_done", lang).format(rows=done["rows"]))
    return s
