"""App benchmark: the database work behind each map view, in-process on a warm connection, and
the page in headless Chromium (first map after load, answer to a community change, bytes sent).

    .venv/bin/python bench/app.py            # against DATABASE_URL or the local database
Appends its section to docs/benchmarks.md.
"""
from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.doc import p95, replace_section, sizes  # noqa: E402
from bench.server import app_server  # noqa: E402
from geo import db, coverage, places  # noqa: E402

def view_work(conn, view: coverage.View) -> None:
    """What one rerun of the coverage page asks of the database."""
    coverage.communities(conn, view)
    coverage.streets(conn, view)
    if view.level != "district":
        coverage.sites(conn, view)
    coverage.extent(conn, view)
    coverage.kpis(conn, view)
    coverage.kpis(conn, coverage.View(view.street, view.community,
                                      as_of=view.as_of.replace(year=view.as_of.year - 1)))
    coverage.gaps(conn, view)
    coverage.sites_without_cadre(conn, view)
    coverage.communities_without_leader(conn, view)
    coverage.trend(conn, view)


def db_timings(conn) -> dict[str, list[float]]:
    comms = places.communities(conn)
    today = dt.date.today()
    out = {"district overview": [], "a community": [], "a community, another date": []}
    for _ in range(3):
        t0 = time.perf_counter()
        view_work(conn, coverage.View(as_of=today))
        out["district overview"].append((time.perf_counter() - t0) * 1000)
    for code, _ in comms:
        t0 = time.perf_counter()
        view_work(conn, coverage.View(community=code, as_of=today))
        out["a community"].append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        view_work(conn, coverage.View(community=code, as_of=dt.date(2024, 6, 30)))
        out["a community, another date"].append((time.perf_counter() - t0) * 1000)
    return out


def _in_frames(page, fn) -> list:
    """``fn`` of each of the page's frames, leaving out those gone meanwhile (a rerun
    replaces the map's iframe)."""
    out = []
    for frame in page.frames:
        try:
            out.append(fn(frame))
        except Exception:
            continue
    return out


def _map_document_bytes(page) -> int:
    """Size of the map's document (the folium HTML with its GeoJSON) in the iframe."""
    return max(_in_frames(page, lambda f: len(f.evaluate("document.documentElement.outerHTML")
                                                .encode())
                          if f.locator(".leaflet-container").count() else 0), default=0)


def _site_paths(page) -> int:
    return max(_in_frames(page, lambda f: f.locator("path.atlas-site").count()), default=0)


def _switch_communities(page, url: str, n: int = 5, pause: float = 0.0) -> list[float]:
    """In one session: choose another community in the sidebar; seconds until its map is
    drawn with all of its sites. ``pause`` seconds pass before each pick (a person opening
    the list); with none, the pick comes while the page still reruns for the map's report of
    its view (two or three short reruns after each map is drawn)."""
    conn = db.connect(url)
    with conn.cursor() as cur:
        cur.execute("""SELECT c.code, c.name, count(s.id) FROM communities c
                       JOIN sites s ON s.community_code = c.code
                       WHERE c.street_code = (SELECT street_code FROM communities
                                              WHERE code = %s)
                       GROUP BY 1, 2 ORDER BY 1""", (places.communities(conn)[0][0],))
        targets = cur.fetchall()
    conn.close()
    times = []
    for code, name, sites in (targets[1:] + targets[:1])[:n]:
        page.wait_for_timeout(pause * 1000)
        box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(1)
        box.click()
        t0 = time.perf_counter()
        page.get_by_role("option", name=name).click()
        while time.perf_counter() - t0 < 30:
            if f"community={code}" in page.url and _site_paths(page) == sites:
                break
            page.wait_for_timeout(50)
        times.append(time.perf_counter() - t0)
    return times


def _change_dates(page, n: int = 5, pause: float = 1.5) -> list[float]:
    """In one session, on a community's map: open the sidebar's as-of calendar, go back a month
    and click the 15th; seconds from the click until the map is drawn anew (its Leaflet
    container replaced) with all of the community's sites."""
    sites = _site_paths(page)
    box = page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"]').first
    times = []
    for _ in range(n):
        page.wait_for_timeout(pause * 1000)
        # mark the map drawn now; the answer is a map without the mark
        _in_frames(page, lambda f: f.evaluate("document.querySelectorAll('.leaflet-container')"
                                              ".forEach(e => e.dataset.drawn = 'before')"))
        box.get_by_test_id("stDateInputCalendarButton").click()
        calendar = page.get_by_role("dialog")
        calendar.get_by_role("button", name="Previous month").click()
        day = calendar.locator('[role="gridcell"]:not([aria-disabled="true"])', has_text="15")
        t0 = time.perf_counter()
        day.first.click()
        while time.perf_counter() - t0 < 30:
            if _fresh_map_sites(page) == sites:
                break
            page.wait_for_timeout(30)
        times.append(time.perf_counter() - t0)
    return times


def _fresh_map_sites(page) -> int:
    """The sites drawn on a map not marked as drawn before; -1 while there is none."""
    return max(_in_frames(page, lambda f: f.locator("path.atlas-site").count()
                          if f.locator(".leaflet-container:not([data-drawn])").count() else -1),
               default=-1)


def browser_timings(url: str) -> dict:
    from playwright.sync_api import sync_playwright

    with app_server(url) as base:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            received = []
            page.on("response", lambda r: received.append(r))
            frame_sel = "iframe[title='streamlit_folium.st_folium']"
            page.goto(base + "/")  # warm the server once
            page.frame_locator(frame_sel).locator(".leaflet-overlay-pane path").first.wait_for(timeout=60000)
            received.clear()
            t0 = time.perf_counter()
            page.goto(base + "/?basemap=none")
            page.frame_locator(frame_sel).locator(".leaflet-overlay-pane path").first.wait_for(timeout=60000)
            first_map = time.perf_counter() - t0
            page.wait_for_timeout(2000)
            district_doc = _map_document_bytes(page)
            code = places.communities(db.connect(url))[0][0]
            t0 = time.perf_counter()
            page.goto(base + f"/?basemap=none&community={code}")
            page.frame_locator(frame_sel).locator("path.atlas-site").first.wait_for(timeout=60000)
            community = time.perf_counter() - t0
            page.wait_for_timeout(2000)
            community_doc = _map_document_bytes(page)
            switches = _switch_communities(page, url)
            paused = _switch_communities(page, url, pause=1.5)
            dates = _change_dates(page)
            browser.close()
        return {"first_map_s": first_map, "community_s": community,
                "district_doc": district_doc, "community_doc": community_doc,
                "switches": switches, "paused": paused, "dates": dates}


def main() -> None:
    url = db.database_url()
    conn = db.connect(url)
    n_sites, n_cases = sizes(conn)
    timings = db_timings(conn)
    page = browser_timings(url)
    lines = [f"## Coverage map ({n_sites:,} sites, {n_cases:,} cases; {dt.date.today()})", "",
             "Database work of one page rerun (every query the page makes), in-process, warm:", "",
             "| view | runs | median ms | p95 ms |", "|---|---|---|---|"]
    for name, ts in timings.items():
        lines.append(f"| {name} | {len(ts)} | {statistics.median(ts):.0f} | {p95(ts):.0f} |")
    lines += ["", f"Headless Chromium (a new page load each, server warm): district overview's "
              f"first map {page['first_map_s']:.2f} s after navigation, a community's "
              f"{page['community_s']:.2f} s. The map document in the iframe (folium HTML with its "
              f"GeoJSON): district {page['district_doc'] / 1e6:.2f} MB, a community "
              f"{page['community_doc'] / 1e6:.2f} MB.", "",
              "Choosing another community in the sidebar (same session) until its map is drawn "
              "with all its sites, picked the moment the previous map is drawn: "
              + ", ".join(f"{t:.2f}" for t in page["switches"]) + " s; picked 1.5 s later (as a "
              "person opening the list): " + ", ".join(f"{t:.2f}" for t in page["paused"])
              + " s.", "",
              "Changing the as-of date of a community's map (sidebar calendar: previous month, "
              "click the 15th) until the map is drawn anew with all its sites, 1.5 s apart: "
              + ", ".join(f"{t:.2f}" for t in page["dates"]) + " s.", ""]
    replace_section("## Coverage map (", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
