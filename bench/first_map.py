"""The first map: from navigation to the first polygon drawn, in headless Chromium with every
request outside localhost blocked, for the district overview, a community and the district's
case heatmap, on the first visit after the server starts (cold) and on later visits in new
sessions (warm), beside a bare Streamlit page with one metric and a streamlit-folium map
(bench/bare_page.py).

    .venv/bin/python bench/first_map.py [--runs 5]   # DATABASE_URL or the local database
Replaces its section of docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.doc import replace_section, sizes  # noqa: E402
from geo import db, places  # noqa: E402

MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
POLYGON = ".leaflet-overlay-pane path"


@contextmanager
def serving(script: Path, url: str):
    """``streamlit run script`` on a free port (from the script's folder, which holds the
    app's configuration and static/); yields (base URL, seconds until healthy)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", script.name,
                             "--server.port", str(port)], cwd=script.parent,
                            env={**os.environ, "DATABASE_URL": url, "ATLAS_BASEMAP": "none",
                                 "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                if urllib.request.urlopen(base + "/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.05)
        yield base, time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _blocked(route) -> None:
    host = urlparse(route.request.url).hostname or ""
    if host in ("127.0.0.1", "localhost") or route.request.url.startswith(("data:", "blob:")):
        route.continue_()
    else:
        route.abort()


def first_polygon(browser, link: str, metric: bool = False) -> tuple[float, float]:
    """Seconds from navigation to the first metric and to the first polygon drawn in the map,
    in a new browser context (a new session)."""
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    page = context.new_page()
    page.route("**/*", _blocked)
    t0 = time.perf_counter()
    page.goto(link, wait_until="commit")
    page.locator("[data-testid='stMetric']").first.wait_for(timeout=60_000)
    shown = time.perf_counter() - t0
    page.frame_locator(MAP_FRAME).locator(POLYGON).first.wait_for(timeout=60_000)
    drawn = time.perf_counter() - t0
    context.close()
    return shown, drawn


def bare_page(folder: Path) -> Path:
    """bench/bare_page.py in ``folder`` beside the app's configuration and static files."""
    for name in (".streamlit", "static"):
        (folder / name).symlink_to(ROOT / name)
    script = folder / "bare_page.py"
    script.write_text((ROOT / "bench" / "bare_page.py").read_text(encoding="utf-8"))
    return script


def measure(url: str, runs: int) -> dict[str, list[tuple[float, float]]]:
    import tempfile

    from playwright.sync_api import sync_playwright

    community = places.communities(db.connect(url))[0][0]
    views = {"district": "/?basemap=none", "community": f"/?basemap=none&community={community}",
             "case heatmap": "/?basemap=none&view=cases"}
    out: dict[str, list] = {f"{k} {w}": [] for k in ("bare", *views) for w in ("cold", "warm")}
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        bare = bare_page(Path(tmp))
        for _ in range(runs):
            for name, script, link in [("bare", bare, "/"),
                                       *[(k, ROOT / "server.py", v) for k, v in views.items()]]:
                with serving(script, url) as (base, _):
                    out[f"{name} cold"].append(first_polygon(browser, base + link))
                    for _ in range(2):
                        out[f"{name} warm"].append(first_polygon(browser, base + link))
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    url = db.database_url()
    conn = db.connect(url)
    n_sites, n_cases = sizes(conn)
    conn.close()
    timings = measure(url, args.runs)
    cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
               if line.startswith("model name"))
    lines = [f"## First map ({n_sites:,} sites, {n_cases:,} cases; {dt.date.today()})", "",
             f"{cpu}, {os.cpu_count()} cores. `bench/first_map.py --runs {args.runs}`: headless "
             "Chromium, every request outside localhost blocked, no basemap; seconds from "
             "navigation to the first metric and to the first polygon drawn in the map. Cold: "
             "the first visit after `streamlit run` answers its health check; warm: new "
             "sessions after it. The bare page (bench/bare_page.py) is Streamlit with one "
             "metric and a streamlit-folium map of one polygon: the floor of the stack.", "",
             "| page | visits | metric median | map median | map max |", "|---|---|---|---|---|"]
    for name, got in timings.items():
        shown, drawn = [s for s, _ in got], [d for _, d in got]
        lines.append(f"| {name} | {len(got)} | {statistics.median(shown):.2f} | "
                     f"{statistics.median(drawn):.2f} | {max(drawn):.2f} |")
    replace_section("## First map (", lines + [""])
    print("\n".join(lines))


if __name__ == "__main__":
    main()
