"""Case views benchmark: the database work of one filter change, in-process on warm
connections, the page's three loads side by side as the page runs them, for 100 random filter
combinations (date ranges up to three years) for a community and for the district (25 for a
street), and the size of the heatmap data sent to the browser.

    .venv/bin/python bench/cases.py          # against DATABASE_URL or the local database
Writes its section of docs/benchmarks.md.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.doc import p95, replace_section, sizes  # noqa: E402
from geo import db, cases, places, stats  # noqa: E402
from geo.viewstate import period_range  # noqa: E402
from layers import cases as case_layers  # noqa: E402


def random_filters(rng: random.Random, today: dt.date, level1: list[str], level2: list[str],
                   sources: list[str]) -> stats.CaseFilters:
    span = rng.randrange(1, 3 * 365)
    start = today - dt.timedelta(days=rng.randrange(span, 3 * 365 + 1))
    return stats.CaseFilters(
        date_from=start, date_to=min(start + dt.timedelta(days=span), today),
        categories=(rng.sample(level1, rng.randrange(1, 3)) if rng.random() < 0.25 else
                    rng.sample(level2, 1) if rng.random() < 0.1 else None),
        sources=rng.sample(sources, rng.randrange(1, 3)) if rng.random() < 0.25 else None,
        status=rng.choice(["open", "closed"]) if rng.random() < 0.2 else None,
        escalation=rng.choice(["community", "street", "district"]) if rng.random() < 0.2 else None)


def _ms(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


LEVELS = ("community", "street", "district")


def run(pool: db.Pool, n: int = 100, seed: int = 7, levels: tuple[str, ...] = LEVELS) -> dict:
    """``n`` random filter changes per level of ``levels`` (a quarter of that for a street),
    then the quick picks."""
    rng = random.Random(seed)
    with pool.connection() as conn:
        with conn.cursor() as cur:
            today = stats.district_today(cur)
        conn.rollback()
        cats = places.categories(conn)
        level1 = [c[0] for c in cats if c[3] == 1]
        level2 = [c[0] for c in cats if c[3] == 2]
        sources = [s[0] for s in places.sources(conn)]
        comms = places.communities(conn)
        streets = places.streets(conn)
    results: dict[str, dict[str, list[float]]] = {}
    heat_bytes = 0
    for level in levels:
        count = n // 4 if level == "street" else n
        parts = _parts()
        for _ in range(count):
            scope = _scope(rng, level, comms, streets)
            f = random_filters(rng, today, level1, level2, sources)
            heat_bytes = max(heat_bytes, _measure(pool, scope, f, today, parts, level))
        results[level] = parts
    # The quick picks a leader uses (this month, last three months, this year, last year),
    # each with no other filter and with four random ones.
    quick: dict[str, dict[str, list[float]]] = {}
    for level in levels:
        parts = _parts()
        for period in ("this_month", "last_3_months", "this_year", "last_year"):
            lo, hi = period_range(period, today)
            for i in range(5):
                f = random_filters(rng, today, level1, level2, sources)
                f = replace(f, date_from=lo, date_to=hi) if i else stats.CaseFilters(lo, hi)
                _measure(pool, _scope(rng, level, comms, streets), f, today, parts, level)
        quick[level] = parts
    return {"timings": results, "quick": quick, "heat_bytes": heat_bytes, "n": n}


def _parts() -> dict[str, list[float]]:
    return {"bins": [], "figures": [], "sites and modes": [], "total": []}


def _scope(rng: random.Random, level: str, comms, streets) -> stats.Scope:
    return (stats.Scope(community=rng.choice(comms)[0]) if level == "community" else
            stats.Scope(street=rng.choice(streets)[0]) if level == "street" else stats.Scope())


def _measure(pool: db.Pool, scope: stats.Scope, f: stats.CaseFilters, today: dt.date,
             parts: dict[str, list[float]], level: str) -> int:
    """Time one filter change into ``parts``: each load, and the total the page waits for
    (its three loads side by side); returns the heatmap payload's bytes."""
    def timed(part: str, load):
        def call(conn):
            t0 = time.perf_counter()
            out = load(conn)
            parts[part].append((time.perf_counter() - t0) * 1000)
            return out
        return call

    box: dict = {}
    parts["total"].append(_ms(lambda: box.update(cells=db.concurrently(pool, [
        timed("bins", lambda c: cases.bins(c, scope, f)),
        timed("figures", lambda c: cases.figures(c, scope, f)),
        timed("sites and modes", lambda c: cases.site_case_rates(c, scope, f, today))])[0])))
    if parts["total"][-1] > 500:
        print(f"slow: {level} {scope} {f} " + " ".join(
            f"{part} {ts[-1]:.0f}" for part, ts in parts.items()), file=sys.stderr)
    cells = box["cells"]
    weights = case_layers.heat_weights(cells, cases.months_in(f, today),
                                       cases.HEAT_FULL_SCALE[cases.cell_size(scope)])
    layer = case_layers.heat_layer(cells, weights, cases.cell_size(scope), "zh")
    return len(layer._template.module.script(layer, {}))  # the layer's part of the map document


def warm(pool: db.Pool, levels: tuple[str, ...] = LEVELS) -> None:
    """A discarded pass of filter changes (another seed): after a restart the cubes and the
    covering indexes are on disk, and one query did not bring them in (the first district
    pass ran at twice its warm median, four times its p95)."""
    run(pool, n=20, seed=1, levels=levels)


def _stats(ts: list[float]) -> str:
    return f"{statistics.median(ts):.0f} | {p95(ts):.0f} | {max(ts):.0f}"


def main() -> None:
    url = db.database_url()
    pool = db.Pool(lambda: db.connect(url))
    warm(pool)
    with pool.connection() as conn:
        n_sites, n_cases = sizes(conn)
    out = run(pool)
    lines = [f"## Case views ({n_sites:,} sites, {n_cases:,} cases; {dt.date.today()})", "",
             "Database work of one filter change, in-process, warm connections, random filter "
             "combinations (date ranges 1 day to 3 years; category level 1 or 2, source, status, "
             "escalation each sometimes). The page runs its three loads side by side, each on a "
             "connection of its own: *bins* = the binned heatmap cells; *figures* = the figures "
             "and the monthly chart; *sites and modes* = top sites per 100 households and case "
             "rates by management mode per quarter (each timed in its thread, so with the others "
             "competing for the two cores); *total* = what the page waits for, all three.", "",
             "| level | part | runs | median ms | p95 ms | max ms |", "|---|---|---|---|---|---|"]
    for level, parts in out["timings"].items():
        for part, ts in parts.items():
            lines.append(f"| {level} | {part} | {len(ts)} | {_stats(ts)} |")
    lines += ["", "The quick picks (this month, last 3 months, this year, last year; each alone "
              "and with four random other filters), 20 per level:", "",
              "| level | part | runs | median ms | p95 ms | max ms |", "|---|---|---|---|---|---|"]
    for level, parts in out["quick"].items():
        for part, ts in parts.items():
            lines.append(f"| {level} | {part} | {len(ts)} | {_stats(ts)} |")
    lines += ["", f"Largest heatmap layer (its cells as rows in the map document) over these runs: "
              f"{out['heat_bytes'] / 1024:.0f} KB.", ""]
    replace_section("## Case views (", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
