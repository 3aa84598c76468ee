"""The export panel of both pages: a snapshot of the current view (PNG, PDF, HTML), the tables
and the community atlas, made by geo/export/ from the same view state as the screen."""
from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from app import widgets
from geo.viewstate import State
from geo import db, users
from geo.export import atlas, snapshot, tables
from geo.i18n import t

MIME = {".png": "image/png", ".pdf": "application/pdf", ".html": "text/html",
        ".csv": "text/csv", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".geojson": "application/geo+json", ".gpkg": "application/geopackage+sqlite3"}


def _offer(path: Path, lang: str, key: str) -> None:
    st.download_button(f"{t('export_download', lang)} {path.name}", path.read_bytes(),
                       file_name=path.name, mime=MIME[path.suffix], key=key)


def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="atlas-export-"))


def render(conn, s: State, user: users.User | None = None) -> None:
    lang = s.lang
    with widgets.folded(t("export", lang), "export", st.sidebar) as shown:
        if not shown:
            return
        st.markdown(f"**{t('export_map', lang)}**")
        fmt = st.selectbox(t("export_format", lang), [".png", ".pdf", ".html"], key="exp_fmt",
                           format_func=lambda f: f[1:].upper())
        paper = st.selectbox(t("export_paper", lang), list(snapshot.PAPERS), key="exp_paper")
        orientation = st.selectbox(t("export_orientation", lang), ["landscape", "portrait"],
                                   key="exp_orientation",
                                   format_func=lambda o: t(f"orientation_{o}", lang))
        dpi = st.selectbox(t("export_dpi", lang), list(snapshot.DPIS), index=1, key="exp_dpi",
                           format_func=lambda d: t("dpi_screen", lang) if d == "screen" else f"{d} dpi")
        if st.button(t("export_make", lang), key="exp_map_go"):
            name = snapshot.file_name(conn, s, f"page_{s.page}", fmt)
            with st.spinner(t("export_make", lang)), db.unlimited(conn):
                path = snapshot.export_map(conn, s, _folder() / name, paper=paper,
                                         orientation=orientation, dpi=snapshot.DPIS[dpi],
                                         bounds=st.session_state.get("map_bounds"))
            st.session_state["exp_map_file"] = str(path)
            users.audit(conn, user.name if user else None, "export",
                        {"what": "map", "view": s.page, "out": path.name})
        if st.session_state.get("exp_map_file") and Path(st.session_state["exp_map_file"]).exists():
            _offer(Path(st.session_state["exp_map_file"]), lang, "exp_map_dl")

        st.markdown(f"**{t('export_tables', lang)}**")
        views = ["cases"] if s.page == "cases" else ["coverage", "gaps"]
        view = st.selectbox(t("export_tables", lang), views, key="exp_table_view",
                            format_func=lambda v: t(f"table_{v}", lang))
        tfmt = st.selectbox(t("export_format", lang), list(tables.TABLE_FORMATS),
                            key="exp_table_fmt", format_func=lambda f: f[1:].upper())
        public = st.checkbox(t("export_public", lang), key="exp_public") if view == "cases" else False
        if st.button(t("export_make", lang), key="exp_table_go"):
            path = _folder() / snapshot.file_name(conn, s, f"table_{view}", tfmt)
            personal = bool(user and user.sees_personal_data) and not public
            with db.unlimited(conn):
                tables.export_table(conn, s, view, path, public=public, personal=personal)
            users.audit(conn, user.name if user else None, "export",
                        {"what": "table", "view": view, "out": path.name,
                         "personal_data": personal})
            st.session_state["exp_table_file"] = str(path)
        if st.session_state.get("exp_table_file") and Path(st.session_state["exp_table_file"]).exists():
            _offer(Path(st.session_state["exp_table_file"]), lang, "exp_table_dl")

        st.markdown(f"**{t('export_atlas', lang)}**")
        if st.button(t("export_make", lang), key="exp_atlas_go"):
            bar = st.progress(0.0)
            with db.unlimited(conn):
                path = atlas.export_atlas(conn, s, _folder() / snapshot.file_name(
                                              conn, s, f"atlas_{s.page}", ".pdf"),
                                           paper=paper, orientation=orientation,
                                           progress=lambda f: bar.progress(min(f, 1.0)))
            st.session_state["exp_atlas_file"] = str(path)
            users.audit(conn, user.name if user else None, "export",
                        {"what": "atlas", "view": s.page, "out": path.name})
        if st.session_state.get("exp_atlas_file") and Path(st.session_state["exp_atlas_file"]).exists():
            _offer(Path(st.session_state["exp_atlas_file"]), lang, "exp_atlas_dl")
