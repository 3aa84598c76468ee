"""Basemaps: OpenStreetMap, Tianditu, Amap (GCJ-02), a custom XYZ URL, or none."""
from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

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


PROBE_SECONDS = 2.0  # a tile server that has not answered by then is taken as unreachable
PROBE_TTL = 300  # seconds a probe's answer is kept
_probes: dict[str, tuple[float, bool]] = {}


def reachable(url: str) -> bool:
    """Whether the tile server of ``url`` serves its first tile (0/0/0), asked at most every
    PROBE_TTL seconds: on an intranet without the internet a basemap that never answers is
    noticed once, and neither the page nor an export waits for its tiles. A whole request,
    not a connection: a firewall may accept connections it never answers. It runs in a
    thread: with no DNS server the name look-up alone can block longer than the timeout."""
    host = urlsplit(url).hostname or ""
    tile = (url.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
            .replace("{-y}", "0"))
    checked = _probes.get(host)
    if checked and time.monotonic() - checked[0] < PROBE_TTL:
        return checked[1]
    answer: list[bool] = []

    def probe() -> None:
        request = Request(tile, headers={"User-Agent": "grassroots-atlas"})
        try:
            with urlopen(request, timeout=PROBE_SECONDS) as response:
                answer.append(response.status == 200)
        except (OSError, ValueError):
            answer.append(False)

    worker = threading.Thread(target=probe, daemon=True)
    worker.start()
    worker.join(PROBE_SECONDS)
    ok = bool(answer and answer[0])
    _probes[host] = (time.monotonic(), ok)
    return ok


def usable_tiles(name: str, custom_url: str | None = None) -> str | None:
    """The basemap's tile URL when it is configured and its server answers, else None."""
    url = tiles_url(name, custom_url)
    return url if url and reachable(url) else None


def add_basemap(m: folium.Map, name: str, custom_url: str | None = None) -> bool:
    """The basemap's tiles, when its server answers (else the map is drawn without)."""
    url = usable_tiles(name, custom_url)
    if not url:
        return False
    folium.TileLayer(tiles=url, attr=CONFIG[name]["attribution"] or name, name=name,
                     max_zoom=19, control=False).add_to(m)
    return True
