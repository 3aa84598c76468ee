"""Load benchmark: 20 light clients for 2 minutes (threads calling the pages' own data
functions, each through its own connection as a signed-in street, community or district user)
while 3 headless-Chromium sessions switch communities and filters in the running app. Records
errors and the median and p95 per request in docs/benchmarks.md.

    .venv/bin/python bench/load.py [--seconds 120] [--clients 20] [--browsers 3]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.doc import p95, replace_section  # noqa: E402
from bench.server import app_server  # noqa: E402
from geo import db, cases, coverage, stats, users  # noqa: E402
from geo.errors import InputError  # noqa: E402

PASSWORD = "load-test-password-1"


def light_client(url: str, user: users.User | None, comms: list[tuple[str, str]], stop: float,
                 seed: int, out: list, errors: list) -> None:
    """One client: a view of a random community, coverage or cases, again and again."""
    rng = random.Random(seed)
    conn = db.connect_for(user, url)
    # the communities this user may see (row-level security decides)
    comms = [(c, s) for c, s in db.frame(conn, "SELECT code, street_code FROM communities", ())
             .itertuples(index=False)]
    today = dt.date.today()
    while time.time() < stop:
        code, street = rng.choice(comms)
        t0 = time.perf_counter()
        try:
            if rng.random() < 0.5:
                view = coverage.View(street, code, as_of=today)
                coverage.map_layers(conn, view, ("sites", "clusters", "communities", "streets"))
                coverage.kpis(conn, view)
                coverage.gaps(conn, view)
                kind = "coverage"
            else:
                start = today - dt.timedelta(days=rng.randrange(30, 1000))
                f = stats.CaseFilters(start, today, categories=rng.choice([None, ["property"]]))
                scope = stats.Scope(community=code)
                cases.bins(conn, scope, f)
                stats.cases(conn, scope, f)[0]
                kind = "cases"
            out.append((kind, (time.perf_counter() - t0) * 1000))
        except Exception as exc:  # counted, not raised: the point is to see them
            errors.append(f"{type(exc).__name__}: {exc}")
            conn.rollback()
    conn.close()


def browser_session(base: str, names: list[str], stop: float, seed: int,
                    out: list, errors: list) -> None:
    """A signed-in district user switching communities and pages in the sidebar."""
    from playwright.sync_api import sync_playwright

    rng = random.Random(seed)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("pageerror", lambda e: errors.append(f"browser: {e}"))
        page.goto(base + "/?basemap=none")
        page.get_by_label("用户名").fill("load_district")
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        page.locator("iframe").first.wait_for(timeout=60_000)
        while time.time() < stop:
            t0 = time.perf_counter()
            try:
                sidebar = page.locator('[data-testid="stSidebar"]')
                if rng.random() < 0.3:
                    sidebar.locator('[data-testid="stRadio"]').nth(1).get_by_text(
                        rng.choice(["诉求热力", "物管覆盖"]), exact=True).click()
                else:  # type the community's name into its box (the list is virtual)
                    sidebar.locator('[data-testid="stSelectbox"]').nth(1).click()
                    page.keyboard.type(rng.choice(names))
                    page.keyboard.press("Enter")
                page.wait_for_timeout(100)
                page.locator("iframe, [data-testid='stDeckGlJsonChart']").first.wait_for(timeout=30_000)
                if page.locator("[data-testid='stException']").count():
                    errors.append("browser: an exception on the page")
                out.append(("browser switch", (time.perf_counter() - t0) * 1000))
            except Exception as exc:
                errors.append(f"browser: {type(exc).__name__}: {str(exc)[:200]}")
        browser.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=120)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--browsers", type=int, default=3)
    args = ap.parse_args()
    url = db.database_url()
    conn = db.connect(url)
    comms = [(c, s) for c, s in db.frame(conn, "SELECT code, street_code FROM communities", ())
             .itertuples(index=False)]
    # the clients sign in as users of each role (made here when missing)
    roles = []
    for name, role, scope in (("load_district", "district", None),
                              ("load_street", "street", comms[0][1]),
                              ("load_community", "community", comms[0][0])):
        try:
            users.get(conn, name)
        except InputError:  # not there yet
            users.add(conn, name, role, PASSWORD, scope=scope)
        roles.append(users.get(conn, name))
    results: list = []
    errors: list = []
    names = [name for _, name in db.frame(conn, "SELECT code, name FROM communities", ())
             .itertuples(index=False)]
    with app_server(url) as base:
        stop = time.time() + args.seconds
        threads = [threading.Thread(target=light_client,
                                    args=(url, roles[i % 3] if i % 4 else None, comms, stop, i,
                                          results, errors)) for i in range(args.clients)]
        threads += [threading.Thread(target=browser_session,
                                     args=(base, names, stop, 100 + i, results, errors))
                    for i in range(args.browsers)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    n_sites, n_cases = db.row(conn, "SELECT (SELECT count(*) FROM sites), (SELECT count(*) FROM cases)", ())
    lines = [f"## Load ({n_sites:,} sites, {n_cases:,} cases; {dt.date.today()})", "",
             f"{args.clients} light clients (threads calling the pages' data functions, each on "
             f"its own connection, three in four signed in as a district, street or community "
             f"user through row-level security) and {args.browsers} headless-Chromium sessions "
             f"signed in as a district user, switching communities and pages in the sidebar, "
             f"for {args.seconds} s on loopback. "
             f"Errors: **{len(errors)}**.", "",
             "| request | count | median ms | p95 ms |", "|---|---|---|---|"]
    for kind in ("coverage", "cases", "browser switch"):
        ts = [ms for k, ms in results if k == kind]
        if ts:
            lines.append(f"| {kind} | {len(ts)} | {statistics.median(ts):.0f} | {p95(ts):.0f} |")
    from collections import Counter

    lines += [""] + [f"- {n} × {e}" for e, n in Counter(e[:160] for e in errors).most_common(10)]
    replace_section("## Load (", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
