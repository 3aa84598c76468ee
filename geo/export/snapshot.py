"""A snapshot of one view: the map as the screen draws it, on paper (PNG, PDF) or as one
self-contained HTML file."""
from __future__ import annotations

import datetime as dt
import html
import math
import tempfile
from pathlib import Path
from typing import Callable

from geo import cases, coords, coverage, stats
from geo.export import check_out
from geo.i18n import t
from geo.viewstate import State
from layers import basemap, maps, offline
from layers.maps import MAP_SIZE

CHROMIUM = "/usr/bin/chromium"
PAPERS = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}  # landscape, millimetres
DPIS = {"screen": 96, "150": 150, "300": 300}
CSS_DPI = 96
MAP_FORMATS = (".png", ".pdf", ".html")
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


def file_name(conn, s: State, what: str, suffix: str) -> str:
    """A file name that says what it holds: scope, view (or table) and date, in words:
    中山路街道_物管覆盖_2026-11-30.png."""
    when = (f"{s.date_range(s.today)[0]}{t('date_to', s.lang)}{s.date_range(s.today)[1]}"
            if s.page == "cases" else s.as_of.isoformat())
    parts = [scope_name(conn, s), t(what, s.lang), when]
    unsafe = str.maketrans({c: "-" for c in '/\\:*?"<>| '})
    return "_".join(p.translate(unsafe) for p in parts) + suffix


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
                size: tuple[int, int] = MAP_SIZE) -> tuple[float, float, float, float]:
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
    if basemap.display_crs(s.basemap) == "wgs84":
        return bounds
    x, y = coords.wgs84_to_gcj02([bounds[0], bounds[2]], [bounds[1], bounds[3]])
    return float(x[0]), float(y[0]), float(x[1]), float(y[1])


def map_html(fmap, bounds, s: State, *, controls: bool = True) -> str:
    """The map as one self-contained document (assets inlined) that fits ``bounds`` exactly
    (fractional zoom) once drawn; without ``controls`` (a snapshot on paper) the zoom buttons
    and the layer switch are hidden."""
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


def page(heading: str, frame_src: str, footer: str, side: str = "") -> str:
    frame_style = ' style="right: 95mm"' if side else ""
    aside = (f'<div style="position:absolute; right:8mm; top:21mm; width:84mm; bottom:16mm; '
             f'overflow:hidden">{side}</div>') if side else ""
    return (f'<div class="page"><div class="title">{html.escape(heading)}</div>'
            f'<div class="frame"{frame_style}><iframe src="{frame_src}"></iframe>{NORTH_ARROW}</div>'
            f'{aside}<div class="footer">{footer}</div></div>')


def source(conn, s: State) -> str:
    """The footer's second line, the same on every page of an export: the source (the
    district), the time of export (the district's) and, when the chosen basemap's server did
    not answer, that the map has none."""
    from zoneinfo import ZoneInfo

    with conn.cursor() as cur:
        zone = stats.district_timezone(cur)
    conn.rollback()
    now = dt.datetime.now(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")
    district = _scope_name(conn, stats.Scope())
    missing = (s.basemap != "none" and basemap.tiles_url(s.basemap, s.tiles)
               and not basemap.usable_tiles(s.basemap, s.tiles))
    return (f"{t('export_source', s.lang)}: {html.escape(district)} · {t('app_title', s.lang)} · "
            f"{t('export_time', s.lang)}: {now}"
            + (f" · {t('basemap_unreachable_short', s.lang)}" if missing else ""))


def footer(s: State, today: dt.date, source_line: str) -> str:
    """The view in words over the export's ``source`` line."""
    return f"{html.escape(describe(s, today))}<br>{source_line}"


def render(pages_html: str, documents: dict[str, str], out: Path, paper: str, orientation: str,
            dpi: int, progress: Callable[[float], None] | None = None, name: str = "") -> None:
    """Chromium renders the pages (each map in its own frame) to PNG (first page) or PDF."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    w_mm, h_mm = paper_mm(paper, orientation)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for file_name, doc in documents.items():
            (folder / file_name).write_text(doc, encoding="utf-8")
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
                for frame in frames:  # a reachable basemap's tiles; an unreachable one gives up soon
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
    render(page(heading, "map.html", footer(s, today, source(conn, s))), {"map.html": doc}, out, paper,
            orientation, dpi, name=heading)
    return out
