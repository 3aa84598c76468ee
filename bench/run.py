"""The stats queries benchmark, run on demand (`make bench`): the queries behind
`python -m geo stats` for every community, in-process on a warm connection (the CLI's start-up
not counted), on the database that `python -m geo db up` points at, which should hold the demo
district at scale: `python -m geo demo --force --cases 10000000`. Writes its section of
docs/benchmarks.md; the imports are bench/imports.py's.
"""
from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.doc import machine, p95, replace_section  # noqa: E402
from geo import db, places, stats  # noqa: E402


def _timed(fn, repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def bench_stats(conn) -> dict:
    communities = [code for code, _ in places.communities(conn)]
    today = dt.date.today()
    year = stats.CaseFilters(date_from=today.replace(month=1, day=1), date_to=today)
    for code in communities[:3]:  # warm the cache
        stats.cases(conn, stats.Scope(community=code), stats.CaseFilters())
    results = {}
    runs = {
        "coverage (community, as of today)":
            lambda c: stats.coverage(conn, stats.Scope(community=c), as_of=today),
        "cases (community, all three years)":
            lambda c: stats.cases(conn, stats.Scope(community=c), stats.CaseFilters()),
        "cases (community, this year)":
            lambda c: stats.cases(conn, stats.Scope(community=c), year),
        "cases by month (community, all)":
            lambda c: stats.cases(conn, stats.Scope(community=c), stats.CaseFilters(), by="month"),
    }
    for name, fn in runs.items():
        times = sorted(t for code in communities for t in _timed(lambda: fn(code)))
        results[name] = times
    results["cases (whole district, this year)"] = sorted(
        _timed(lambda: stats.cases(conn, stats.Scope(), year), repeat=5))
    return results


def _row(name: str, times: list[float]) -> str:
    return (f"| {name} | {len(times)} | {statistics.median(times):.1f} | {p95(times):.1f} | "
            f"{max(times):.1f} |")


def main() -> None:
    conn = db.connect()
    header = machine(conn)
    stat_times = bench_stats(conn)
    conn.close()
    replace_section("## stats queries", [
        "## stats queries (in-process, warm connection)", "",
        f"Machine and data: {header}", "",
        "| query | runs | median ms | p95 ms | max ms |", "|---|---|---|---|---|",
        *[_row(name, times) for name, times in stat_times.items()]])


if __name__ == "__main__":
    main()
