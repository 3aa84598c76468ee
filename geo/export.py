"""Exports: map snapshots (PNG, PDF), the interactive map (one self-contained HTML file),
tables (CSV, XLSX, GeoJSON, GeoPackage) and the community atlas (PDF).

A snapshot is drawn from a view state (geo.viewstate, the URL's query parameters) with the same
layers.maps builders as the screen, rendered by headless Chromium: there is no second map
renderer. Chromium embeds the fonts it prints with, Chinese included.
"""
from __future__ import annotations

import datetime as dt
import html
import math
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Callable

import geopandas as gpd
import pandas as pd

from geo import cases, coords, coverage, db, stats
from geo.errors import InputError
from geo.sql import coverage as coverage_sql
from geo.i18n import t
from geo.viewstate import State

CHROMIUM = "/usr/bin/chromium"
PAPERS = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}  # landscape, millimetres
DPIS = {"screen": 96, "150": 150, "300": 300}
CSS_DPI = 96
MAP_FORMATS = (".png", ".pdf", ".html")
TABLE_FORMATS = (".csv", ".xlsx", ".geojson", ".gpkg")
TABLE_VIEWS = ("coverage", "gaps", "cases")


# ---------------------------------------------------------------- the map of a view
def paper_mm(paper: str, orientation: str) -> tuple[float, float]:
    w, h = PAPERS[paper]
    return (w, h) if orientation == "landscape" else (h, w)


def paper_px(paper: str, orientation: str, dpi: int) -> tuple[int, int]:
    """The snapshot's size in pixels: the paper's size times the resolution."""
    w, h = paper_mm(paper, orientation)
    return round(w / 25.4 * dpi), round(h / 25.4 * dpi)


def scope_name(conn, s: State) -> str:
    return _scope_name(conn, s.scope)


def _scope_name(conn, scope: stats.Scope) -> str:
    with conn.cursor() as cur:
        code, name = stats.scope_label(cur, scope)
    conn.rollback()
    return name or code


def title(conn, s: State) -> str:
    view = t("page_cases" if s.page == "cases" else "page_coverage", s.lang)
    return f"{scope_name(conn, s)} · {view}"


def describe(s: State, today: dt.date) -> str:
    """The view's date and active filters in words."""
    lang = s.lang
    if s.page != "cases":
        layers = "、".join(t(f"layer_{x}", lang) for x in s.layers)
        return f"{t('as_of', lang)} {s.as_of} · {t('layers', lang)}: {layers}"
    f = s.case_filters(today, month=True)
    parts = [f"{f.date_from} – {f.date_to}"]
    if s.categories:
        parts.append(f"{t('category', lang)}: {', '.join(s.categories)}")
    if s.sources:
        parts.append(f"{t('source', lang)}: {', '.join(s.sources)}")
    if s.status:
        parts.append(f"{t('status', lang)}: {t('status_' + s.status, lang)}")
    if s.escalation:
        parts.append(f"{t('escalation', lang)}: {t('escalation_' + s.escalation, lang)}")
    return " · ".join(parts)


def view_map(conn, s: State, today: dt.date):
    """The folium map of a view, built as the screen builds it, and the bounds (lon/lat) it
    should show: the state's own view when it has one, else its scope's extent."""
    from layers import maps  # layers draws; geo loads

    bounds = coverage.extent(conn, s.view)
    centre, zoom = (0.0, 0.0), 12
    if s.page == "cases":
        f = s.case_filters(today, month=True)
        cells = cases.bins(conn, s.scope, f)
        size = cases.cell_size(s.scope)
        spots = cases.hotspots(cells, size) if "hotspots" in s.case_layers else None
        fmap = maps.case_map(s, cells, size, cases.months_in(f, today),
                             coverage.communities(conn, s.view), centre, zoom, hotspots=spots)
    else:
        fmap = maps.coverage_map(s, coverage.map_layers(conn, s.view, s.layers), centre, zoom)
    if s.center and s.zoom:
        bounds = view_bounds(s.center, s.zoom)
    return fmap, bounds


def view_bounds(centre: tuple[float, float], zoom: float,
                size: tuple[int, int] = (760, 620)) -> tuple[float, float, float, float]:
    """The lon/lat bounds a web map of ``size`` pixels shows at a centre and zoom."""
    lat, lon = centre
    scale = 256 * 2 ** zoom
    x = (lon + 180) / 360 * scale
    y = (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * scale

    def lonlat(px: float, py: float) -> tuple[float, float]:
        n = math.pi - 2 * math.pi * py / scale
        return px / scale * 360 - 180, math.degrees(math.atan(math.sinh(n)))

    west, north = lonlat(x - size[0] / 2, y - size[1] / 2)
    east, south = lonlat(x + size[0] / 2, y + size[1] / 2)
    return west, south, east, north


def _display(bounds, s: State):
    from layers import basemap

    if basemap.display_crs(s.basemap) == "wgs84":
        return bounds
    x, y = coords.wgs84_to_gcj02([bounds[0], bounds[2]], [bounds[1], bounds[3]])
    return float(x[0]), float(y[0]), float(x[1]), float(y[1])


def map_html(fmap, bounds, s: State, *, controls: bool = True) -> str:
    """The map as one self-contained document (assets inlined) that fits ``bounds`` exactly
    (fractional zoom) once drawn; without ``controls`` (a snapshot on paper) the zoom buttons
    and the layer switch are hidden."""
    from layers import offline

    west, south, east, north = _display(bounds, s)
    name = fmap.get_name()
    doc = fmap.get_root().render()
    # after the map's own script (folium puts it after </body>), not on 'load', which would
    # wait for tiles that may never come on an intranet
    fit = (f"<script>(function() {{"
           f"{name}.options.zoomSnap = 0;"
           f"{name}.fitBounds([[{south}, {west}], [{north}, {east}]], "
           f"{{padding: [0, 0], animate: false}});"
           f"document.body.setAttribute('data-bounds', {name}.getBounds().toBBoxString());"
           f"document.body.setAttribute('data-fitted', '1');"
           # tiles: flagged once the visible ones have loaded (or at once without a basemap)
           f"var tiles = [];{name}.eachLayer(function(l) {{ if (l instanceof L.TileLayer) tiles.push(l); }});"
           f"if (!tiles.length) document.body.setAttribute('data-tiles', '1');"
           f"tiles.forEach(function(l) {{ l.on('load', function() {{"
           f"document.body.setAttribute('data-tiles', '1'); }}); }});"
           f"}})();</script>")
    if not controls:
        fit += ("<style>.leaflet-control-zoom, .leaflet-control-layers "
                "{ display: none !important; }</style>")
    head, _, tail = offline.inline_assets(doc).rpartition("</html>")
    return head + fit + "</html>" + tail


NORTH_ARROW = """<svg class="north" viewBox="0 0 40 60" width="32" height="48">
<polygon points="20,2 32,40 20,32 8,40" fill="#222"/><text x="20" y="58" text-anchor="middle"
font-size="16" font-family="sans-serif" fill="#222">N</text></svg>"""

PAGE_CSS = """
@page { size: %(w)smm %(h)smm; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: 'WenQuanYi Zen Hei', 'Noto Sans CJK SC', sans-serif; color: #222; }
.page { position: relative; width: %(w)smm; height: %(h)smm; overflow: hidden;
        page-break-after: always; box-sizing: border-box; padding: 8mm; }
.page:last-child { page-break-after: auto; }
.title { font-size: 18pt; font-weight: bold; height: 11mm; line-height: 11mm; }
.frame { position: absolute; left: 8mm; right: 8mm; top: 21mm; bottom: 16mm;
         border: 0.3mm solid #555; }
.frame iframe { width: 100%%; height: 100%%; border: 0; }
.north { position: absolute; right: 12mm; top: 25mm; z-index: 10; background: rgba(255,255,255,.8); }
.footer { position: absolute; left: 8mm; right: 8mm; bottom: 5mm; font-size: 8.5pt; line-height: 1.4; }
table.kpi { border-collapse: collapse; font-size: 9pt; }
table.kpi td, table.kpi th { border: 0.2mm solid #999; padding: 1mm 2mm; text-align: left; }
"""


def _page(heading: str, frame_src: str, footer: str, side: str = "") -> str:
    frame_style = ' style="right: 95mm"' if side else ""
    aside = (f'<div style="position:absolute; right:8mm; top:21mm; width:84mm; bottom:16mm; '
             f'overflow:hidden">{side}</div>') if side else ""
    return (f'<div class="page"><div class="title">{html.escape(heading)}</div>'
            f'<div class="frame"{frame_style}><iframe src="{frame_src}"></iframe>{NORTH_ARROW}</div>'
            f'{aside}<div class="footer">{footer}</div></div>')


def _footer(conn, s: State, today: dt.date) -> str:
    now = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    district = _scope_name(conn, stats.Scope())
    return (f"{html.escape(describe(s, today))}<br>{t('export_source', s.lang)}: "
            f"{html.escape(district)} · {t('app_title', s.lang)} · "
            f"{t('export_time', s.lang)}: {now}")


def _render(pages_html: str, maps: dict[str, str], out: Path, paper: str, orientation: str,
            dpi: int, progress: Callable[[float], None] | None = None, name: str = "") -> None:
    """Chromium renders the pages (each map in its own frame) to PNG (first page) or PDF."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    w_mm, h_mm = paper_mm(paper, orientation)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, doc in maps.items():
            (folder / name).write_text(doc, encoding="utf-8")
        index = folder / "index.html"
        css = PAGE_CSS % {"w": f"{w_mm:g}", "h": f"{h_mm:g}"}
        index.write_text(f"<!doctype html><html><head><meta charset='utf-8'>"
                         f"<title>{html.escape(name)}</title><style>{css}</style>"
                         f"</head><body>{pages_html}</body></html>", encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])
            try:
                css_w, css_h = round(w_mm / 25.4 * CSS_DPI), round(h_mm / 25.4 * CSS_DPI)
                page = browser.new_page(viewport={"width": css_w, "height": css_h},
                                        device_scale_factor=dpi / CSS_DPI)
                page.goto(index.as_uri(), wait_until="domcontentloaded")
                frames = [f for f in page.frames if f != page.main_frame]
                drawn = []
                for i, frame in enumerate(frames):
                    frame.wait_for_selector("body[data-fitted='1']", timeout=60_000)
                    drawn.append(frame.evaluate("document.body.getAttribute('data-bounds')"))
                    if progress:
                        progress((i + 1) / max(len(frames), 1))
                for frame in frames:  # a reachable basemap's tiles; an unreachable one: 2 s
                    try:
                        frame.wait_for_selector("body[data-tiles='1']", timeout=2_000,
                                                state="attached")
                    except PlaywrightTimeout:
                        pass
                if out.suffix == ".pdf":
                    page.pdf(path=str(out), width=f"{w_mm}mm", height=f"{h_mm}mm",
                             print_background=True)
                else:
                    _png(page.screenshot(full_page=False), out, paper_px(paper, orientation, dpi),
                         dpi, {"atlas:bounds": drawn[0] if drawn else ""})
            finally:
                browser.close()


def _png(data: bytes, out: Path, size: tuple[int, int], dpi: int, text: dict[str, str]) -> None:
    """Exactly paper × dpi pixels (the viewport rounds to whole CSS pixels); ``text`` goes in
    the file's metadata (the map frame's bounds: west,south,east,north)."""
    from io import BytesIO

    from PIL import Image, PngImagePlugin

    image = Image.open(BytesIO(data)).convert("RGB")
    if image.size != size:
        canvas = Image.new("RGB", size, "white")
        canvas.paste(image.crop((0, 0, min(size[0], image.width), min(size[1], image.height))))
        image = canvas
    info = PngImagePlugin.PngInfo()
    for key, value in text.items():
        info.add_text(key, value)
    image.save(out, dpi=(dpi, dpi), pnginfo=info)


def check_out(out: Path, allowed: tuple[str, ...]) -> Path:
    out = Path(out)
    if out.suffix.lower() not in allowed:
        raise InputError(f"--out: '{out.name}' must end in {', '.join(allowed)}")
    if not out.parent.exists():
        raise InputError(f"--out: folder '{out.parent}' does not exist")
    return out


def export_map(conn, s: State, out: Path, *, paper: str = "A4", orientation: str = "landscape",
               dpi: int = 150, bounds=None) -> Path:
    """A snapshot of the view (PNG or PDF), or the interactive map (HTML)."""
    out = check_out(out, MAP_FORMATS)
    with conn.cursor() as cur:
        today = stats.district_today(cur)
    conn.rollback()
    fmap, view_bounds_ = view_map(conn, s, today)
    doc = map_html(fmap, bounds or view_bounds_, s, controls=out.suffix == ".html")
    if out.suffix == ".html":
        out.write_text(doc, encoding="utf-8")
        return out
    heading = f"{title(conn, s)} · {describe(s, today).split(' · ')[0]}"
    _render(_page(heading, "map.html", _footer(conn, s, today)), {"map.html": doc}, out, paper,
            orientation, dpi, name=heading)
    return out


# ---------------------------------------------------------------- the atlas
def _kpi_table(k: dict, lang: str) -> str:
    def pct(v):
        return "–" if v is None else f"{v:.1%}"

    rows = [(t("kpi_compound_rate", lang), pct(k["compound_rate"])),
            (t("kpi_courtyard_rate", lang), pct(k["courtyard_rate"])),
            (t("kpi_courtyard_rate_hh", lang), pct(k["courtyard_rate_households"])),
            (t("kpi_committee_rate", lang), pct(k["committee_rate"])),
            (t("kpi_party_org_rate", lang), pct(k["party_org_rate"])),
            (t("kpi_cases_this_year", lang), f"{k['cases_this_year']:,}")]
    rows += [(t(f"mode_{m}", lang), f"{n:,}") for m, n in k["by_mode"].items()]
    return "<table class='kpi'>" + "".join(
        f"<tr><th>{html.escape(a)}</th><td>{html.escape(b)}</td></tr>" for a, b in rows) + "</table>"


def _case_table(summary: dict, lang: str) -> str:
    """The case figures of the cases view (the same as the page's cards)."""
    n = summary["cases"]

    def share(part):
        return "–" if not n else f"{part / n:.1%}"

    median = summary["median_hours_to_close"]
    rows = [(t("fig_cases", lang), f"{n:,}"), (t("fig_closed_share", lang), share(summary["closed"])),
            (t("fig_median_hours", lang), "–" if median is None else f"{median:.1f} h"),
            (t("fig_escalated_street", lang), share(summary["by_escalation"]["street"])),
            (t("fig_escalated_district", lang), share(summary["by_escalation"]["district"]))]
    rows += [(code, f"{k:,}") for code, k in sorted(summary["by_category"].items())]
    return "<table class='kpi'>" + "".join(
        f"<tr><th>{html.escape(a)}</th><td>{html.escape(b)}</td></tr>" for a, b in rows) + "</table>"


def _gap_table(gaps: pd.DataFrame, lang: str, n: int = 12) -> str:
    head = (f"<tr><th>{t('col_name', lang)}</th><th>{t('col_households', lang)}</th>"
            f"<th>{t('col_priority', lang)}</th></tr>")
    body = "".join(f"<tr><td>{html.escape(str(r.name))}</td><td>{r.households}</td>"
                   f"<td>{r.priority:.2f}</td></tr>" for r in gaps.head(n).itertuples())
    return (f"<p style='font-weight:bold;margin:3mm 0 1mm'>{t('gap_list', lang)}</p>"
            f"<table class='kpi'>{head}{body}</table>")


def export_atlas(conn, s: State, out: Path, *, paper: str = "A4", orientation: str = "landscape",
                 progress: Callable[[float], None] | None = None) -> Path:
    """One PDF: a cover (district KPIs and map) and a page per community."""
    out = check_out(out, (".pdf",))
    with conn.cursor() as cur:
        today = stats.district_today(cur)
        communities = db.run(cur, coverage_sql.ATLAS_PAGES).fetchall()
    conn.rollback()
    pages, docs = [], {}
    for i, (code, street) in enumerate([(None, None)] + communities):
        view = replace(s, street=street, community=code, center=None, zoom=None, site=None)
        fmap, bounds = view_map(conn, view, today)
        docs[f"map{i}.html"] = map_html(fmap, bounds, view, controls=False)
        if s.page == "cases":
            side = _case_table(stats.cases(conn, view.scope, view.case_filters(today))[0], s.lang)
        else:
            side = (_kpi_table(coverage.kpis(conn, view.view), s.lang)
                    + _gap_table(coverage.gaps(conn, view.view), s.lang))
        pages.append(_page(f"{title(conn, view)} · {describe(view, today).split(' · ')[0]}",
                           f"map{i}.html", _footer(conn, view, today), side))
        if progress:
            progress(0.5 * (i + 1) / (len(communities) + 1))
    _render("".join(pages), docs, out, paper, orientation, CSS_DPI,
            progress=(lambda f: progress(0.5 + 0.5 * f)) if progress else None,
            name=f"{scope_name(conn, s)} · {t('export_atlas', s.lang)}")
    return out


# ---------------------------------------------------------------- tables
def coverage_table(conn, s: State) -> gpd.GeoDataFrame:
    """Coverage by community (the rows and figures of `stats coverage --by community`), with
    the street and the community's outline."""
    rows = stats.coverage(conn, s.scope, by="community", as_of=s.as_of)
    frame = pd.DataFrame([{k: v for k, v in r.items() if k != "by_mode"}
                          | {f"mode_{m}": n for m, n in r["by_mode"].items()} for r in rows])
    shapes = coverage.communities(conn, s.view)[["code", "street_code", "geometry"]]
    return gpd.GeoDataFrame(frame.merge(shapes, on="code", how="left"), geometry="geometry",
                            crs=4326)


def gaps_table(conn, s: State) -> gpd.GeoDataFrame:
    gaps = coverage.gaps(conn, s.view, limit=100_000)
    shapes = coverage.sites(conn, s.view)[0][["id", "external_id", "geometry"]]
    return gpd.GeoDataFrame(gaps.merge(shapes, on="id", how="left"), geometry="geometry", crs=4326)


def cases_table(conn, s: State, *, public: bool, personal: bool = False) -> gpd.GeoDataFrame:
    """The filtered cases (personal data masked unless ``personal``), or with ``public`` their
    counts per cell with no personal field at all."""
    with conn.cursor() as cur:
        today = stats.district_today(cur)
    conn.rollback()
    f = s.case_filters(today)
    if public:
        cells = cases.bins(conn, s.scope, f)
        size = cases.cell_size(s.scope)
        from shapely.geometry import box

        shapes = [box(*cases.cell_bounds(x, y, size)) for x, y in zip(cells["cx"], cells["cy"])]
        return gpd.GeoDataFrame(cells.drop(columns=["lon", "lat"]).assign(cell_m=size),
                                geometry=shapes, crs=4326)
    frame = cases.points(conn, s.scope, f, (-180, -90, 180, 90), limit=10_000_000,
                        personal=personal)
    frame = frame.drop(columns=["id", "category_en"])
    return gpd.GeoDataFrame(frame.drop(columns=["lon", "lat"]),
                            geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs=4326)


def export_table(conn, s: State, view: str, out: Path, *, public: bool = False,
                 personal: bool = False) -> int:
    """Write a table; returns its number of rows. Reporters' data is masked unless
    ``personal`` (a user who may see it), and absent with ``public``."""
    out = check_out(out, TABLE_FORMATS)
    if view not in TABLE_VIEWS:
        raise InputError(f"--view: tables are coverage, gaps or cases, not '{view}'")
    frame = {"coverage": lambda: coverage_table(conn, s), "gaps": lambda: gaps_table(conn, s),
             "cases": lambda: cases_table(conn, s, public=public, personal=personal)}[view]()
    write_table(frame, out)
    return len(frame)


def write_table(frame: gpd.GeoDataFrame, out: Path) -> None:
    suffix = out.suffix.lower()
    if suffix in (".geojson", ".gpkg"):
        plain = frame.copy()
        for col in plain.columns:
            if col != plain.geometry.name and plain[col].dtype == object:
                plain[col] = plain[col].map(lambda v: v if v is None or isinstance(v, str) else str(v))
        plain.to_file(out, driver="GeoJSON" if suffix == ".geojson" else "GPKG",
                      engine="pyogrio")
        return
    table = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    for col in table.columns:  # naive local times and plain numbers for spreadsheets
        if isinstance(table[col].dtype, pd.DatetimeTZDtype):
            table[col] = table[col].dt.tz_localize(None)
    if suffix == ".csv":
        table.to_csv(out, index=False, encoding="utf-8-sig")  # the BOM: Excel reads UTF-8
        return
    _xlsx(table, out)


def _xlsx(table: pd.DataFrame, out: Path) -> None:
    """Header styled, first row frozen, columns sized to their content."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.append(list(table.columns))
    for row in table.itertuples(index=False):
        ws.append([None if (isinstance(v, float) and math.isnan(v)) else v for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="305496")
    ws.freeze_panes = "A2"
    for i, col in enumerate(table.columns, start=1):
        values = [str(col)] + [str(v) for v in table[col].head(500)]
        width = max(len(v.encode("gbk", "replace")) for v in values)  # CJK counts double
        ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 6), 60)
    wb.save(out)
