"""Export benchmark: one snapshot (PNG 150 dpi, PDF) of a community and the district, and the
atlas of every community, each as a user runs it (`python -m geo export ...`, process start
included). Writes its section of docs/benchmarks.md.

    .venv/bin/python bench/exports.py        # against DATABASE_URL or the local database
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.doc import replace_section  # noqa: E402
from geo import db, places  # noqa: E402


def timed(*args: str, basemap: str | None = None) -> float:
    """Seconds of the command; ``basemap`` None: the default settings (OpenStreetMap)."""
    env = {k: v for k, v in os.environ.items() if k != "ATLAS_BASEMAP"}
    if basemap:
        env["ATLAS_BASEMAP"] = basemap
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "geo", "export", *args], check=True, cwd=ROOT, env=env,
                   capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    conn = db.connect()
    community = places.communities(conn)[0][0]
    with conn.cursor() as cur:
        cur.execute("SELECT (SELECT count(*) FROM sites), (SELECT count(*) FROM cases), "
                    "(SELECT count(*) FROM communities)")
        n_sites, n_cases, n_comms = cur.fetchone()
    conn.close()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, args in (
                ("coverage map of a community, PNG 150 dpi", ["map", "--community", community, "--out", f"{tmp}/a.png"]),
                ("coverage map of a community, PDF", ["map", "--community", community, "--out", f"{tmp}/a.pdf"]),
                ("coverage map of the district, PNG 300 dpi", ["map", "--dpi", "300", "--out", f"{tmp}/d.png"]),
                ("case heatmap of a community, this year, PNG", ["map", "--view", "cases", "--community", community, "--out", f"{tmp}/c.png"]),
                (f"atlas, coverage ({n_comms} communities + cover)", ["atlas", "--view", "coverage", "--out", f"{tmp}/atlas.pdf"]),
                (f"atlas, cases ({n_comms} communities + cover)", ["atlas", "--view", "cases", "--out", f"{tmp}/atlas-cases.pdf"])):
            rows.append((label, timed(*args), timed(*args, basemap="none")))
    lines = [f"## Exports ({n_sites:,} sites, {n_cases:,} cases; {dt.date.today()})", "",
             "Wall time of the command as a user runs it (Python start, queries, headless "
             "Chromium rendering). First with the default settings (the OpenStreetMap basemap) "
             "on this machine, which has no internet: the basemap's server is asked once, does "
             "not answer within 2 s, and the maps are drawn without it; beside it with no "
             "basemap at all (`ATLAS_BASEMAP=none`).",
             "", "| export | default settings, no internet (s) | no basemap (s) |", "|---|---|---|",
             *[f"| {label} | {s:.1f} | {n:.1f} |" for label, s, n in rows], ""]
    replace_section("## Exports (", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
