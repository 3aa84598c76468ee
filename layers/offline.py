"""Folium classes whose JavaScript and CSS come from the app itself, never from a CDN.

folium's classes name CDN URLs in ``default_js`` / ``default_css``; these subclasses name the
copies in ``static/vendor`` (see its SOURCES.md), served by Streamlit at ``/app/static``. The
exported HTML inlines the same files.
"""
from __future__ import annotations

from pathlib import Path

import folium
from folium import plugins

STATIC = Path(__file__).resolve().parent.parent / "static"
URL_PREFIX = "/app/static/vendor/"


def _local(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(key, URL_PREFIX + file) for key, file in names]


# The maps here use core Leaflet only (GeoJSON, tooltips, circle markers, div-icon labels,
# the layer control): folium's jQuery, Bootstrap and awesome-markers are left out, which
# makes every map (re)load in the browser lighter.
MAP_JS = _local([("leaflet", "leaflet.js")])
MAP_CSS = _local([("leaflet_css", "leaflet.css")])


class Map(folium.Map):
    default_js = MAP_JS
    default_css = MAP_CSS



class Draw(plugins.Draw):
    default_js = _local([("leaflet_draw_js", "leaflet.draw.js")])
    default_css = _local([("leaflet_draw_css", "leaflet.draw.css")])


def asset_path(url: str) -> Path:
    """The file behind a local asset URL."""
    return STATIC / "vendor" / url.removeprefix(URL_PREFIX)


def inline_assets(document: str) -> str:
    """A map document with every local script and stylesheet inlined (and the images the
    stylesheets name as data URIs): one file that works with no server and no internet."""
    import base64
    import re

    def script(match: re.Match) -> str:
        return "<script>" + asset_path(match.group(1)).read_text(encoding="utf-8") + "</script>"

    def style(match: re.Match) -> str:
        path = asset_path(match.group(1))
        css = path.read_text(encoding="utf-8")

        def image(m: re.Match) -> str:
            file = path.parent / m.group(1)
            if not file.is_file():
                return m.group(0)
            data = base64.b64encode(file.read_bytes()).decode()
            return f"url(data:image/{file.suffix.lstrip('.')};base64,{data})"

        return "<style>" + re.sub(r"url\((images/[^)]+)\)", image, css) + "</style>"

    prefix = re.escape(URL_PREFIX)
    document = re.sub(rf'<script src="({prefix}[^"]+)"></script>', script, document)
    return re.sub(rf'<link rel="stylesheet" href="({prefix}[^"]+)"\s*/?>', style, document)
