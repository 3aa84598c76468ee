"""Exports: map snapshots (PNG, PDF) and the interactive map (one self-contained HTML file)
in snapshot, the community atlas (PDF) in atlas, tables (CSV, XLSX, GeoJSON, GeoPackage) in
tables.

A snapshot is drawn from a view state (geo.viewstate, the URL's query parameters) with the same
layers.maps builders as the screen, rendered by headless Chromium: there is no second map
renderer. Chromium embeds the fonts it prints with, Chinese included.
"""
from __future__ import annotations

from pathlib import Path

from geo.errors import InputError


def check_out(out: Path, allowed: tuple[str, ...]) -> Path:
    out = Path(out)
    if out.suffix.lower() not in allowed:
        raise InputError(f"--out: '{out.name}' must end in {', '.join(allowed)}")
    if not out.parent.exists():
        raise InputError(f"--out: folder '{out.parent}' does not exist")
    return out
