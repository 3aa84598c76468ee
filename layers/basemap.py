"""Basemaps: OpenStreetMap, Tianditu, Amap (GCJ-02), a custom XYZ URL, or none."""
from __future__ import annotations

import json
import os
from pathlib import Path

import folium

CONFIG = json.loads((Path(__file__).resolve().parent.parent / "data" / "basemaps.json")
                    .read_text(encoding="utf-8"))
BASEMAPS = tuple(CONFIG)


def tiles_url(name: str, custom_url: str | None = None) -> str | None:
    """The tile URL template of a basemap, or None (no basemap, or no key configured)."""
    cfg = CONFIG[name]
    if name == "custom":
        return custom_url or os.environ.get(cfg["tiles_env"]) or None
    url = cfg.get("tiles")
    if url and "{key}" in url:
        key = os.environ.get(cfg["key_env"])
        return url.replace("{key}", key) if key else None
    return url


def display_crs(name: str) -> str:
    """'gcj02' when overlays must be shifted to sit on the basemap's streets."""
    return CONFIG[name]["crs"]


def add_basemap(m: folium.Map, name: str, custom_url: str | None = None) -> bool:
    url = tiles_url(name, custom_url)
    if not url:
        return False
    folium.TileLayer(tiles=url, attr=CONFIG[name]["attribution"] or name, name=name,
                     max_zoom=19, control=False).add_to(m)
    return True
