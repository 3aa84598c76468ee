"""Benchmarks, run on demand (`make bench`); results go to docs/benchmarks.md.

Measured on the database that `python -m geo db up` points at, which should hold the demo
district at scale: `python -m geo demo --force --cases 10000000`.

- import: 1,000,000 synthetic cases from a CSV through `python -m geo import cases` (the whole
  command, wall time, with its own breakdown), then removed again.
- stats: the queries behind `python -m geo stats` for every community, in-process on a warm
  connection (the CLI's start-up not counted).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo import db, places, stats  # noqa: E402

DOC = ROOT / "docs" / "benchmarks.md"


def machine(conn) -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    with conn.cursor() as cur:
        cur.execute("SELECT version(), postgis_full_version()")
        pg, postgis = cur.fetchone()
        cur.execute("SELECT count(*) FROM cases")
        n_cases = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM sites")
        n_sites = cur.fetchone()[0]
    conn.rollback()
    postgis_version = postgis.split()[1].strip('"')
    return (f"{dt.date.today()} · {os.cpu_count()} cores ({cpu}) · {mem:.0f} GiB · "
            f"{pg.split(',')[0]} · PostGIS {postgis_version} · database: "
            f"{n_cases:,} cases, {n_sites:,} sites")


def bench_import(n: int = 1_000_000, month: str | None = None) -> dict:
    conn = db.connect()
    conn.autocommit = True
    with conn.cursor() as cur:  # start from vacuumed tables (cases and every pre-aggregate)
        cur.execute("VACUUM ANALYZE")
    conn.close()
    folder = Path(tempfile.mkdtemp(prefix="atlas-bench-"))
    csv = folder / "cases.csv"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_cases_csv.py"), str(n), str(csv),
                    *(["--month", month] if month else [])], check=True)
    t0 = time.perf_counter()
    res = subprocess.run([sys.executable, "-m", "geo", "import", "cases", str(csv), "--source",
                          "bench_import", "--add-categories"], capture_output=True, text=True,
                         cwd=ROOT)
    wall = time.perf_counter() - t0
    if res.returncode != 0:
        raise SystemExit(res.stderr)
    summary = json.loads(res.stdout)
    conn = db.connect()
    with db.transaction(conn) as cur:
        cur.execute("DELETE FROM cases WHERE source_code = 'bench_import'")
        cur.execute("DELETE FROM case_sources WHERE code = 'bench_import'")
    conn.autocommit = True  # the next run re-imports the same keys: leave no dead entries
    with conn.cursor() as cur:
        cur.execute("VACUUM ANALYZE")
    conn.close()
    return {"rows": n, "wall": wall, "seconds": summary["seconds"]}


def _vacuumed() -> None:
    conn = db.connect()
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("VACUUM ANALYZE")
    conn.close()


def bench_hotline(n: int = 100_000, runs: int = 3) -> dict:
    """A 12345 extract (Chinese headers, words, names) against the same cases in the canonical
    columns: the command's wall time, each run followed by deleting the rows and VACUUM."""
    folder = Path(tempfile.mkdtemp(prefix="atlas-bench-"))
    files = {"12345 extract (Chinese headers, words, names, address)":
             (folder / "hotline.csv", ["--hotline"], []),
             "the same with addresses only (no coordinates)":
             (folder / "addresses.csv", ["--addresses-only"], []),
             "canonical columns and codes": (folder / "canonical.csv", [], ["--source", "hotline_12345"])}
    for path, flags, _ in files.values():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_cases_csv.py"), str(n),
                        str(path), *flags], check=True)
    walls: dict[str, list[float]] = {name: [] for name in files}
    _vacuumed()
    for _ in range(runs):  # alternated, so that both meet the same machine
        for name, (path, _, options) in files.items():
            t0 = time.perf_counter()
            res = subprocess.run([sys.executable, "-m", "geo", "import", "cases", str(path),
                                  *options], capture_output=True, text=True, cwd=ROOT)
            walls[name].append(time.perf_counter() - t0)
            if res.returncode != 0:
                raise SystemExit(res.stderr)
            conn = db.connect()
            with db.transaction(conn) as cur:
                cur.execute("DELETE FROM cases WHERE external_id LIKE 'B%%'")
            conn.close()
            _vacuumed()
    return {"rows": n, "walls": walls}


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
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return (f"| {name} | {len(times)} | {statistics.median(times):.1f} | {p95:.1f} | "
            f"{max(times):.1f} |")


def main() -> None:
    conn = db.connect()
    header = machine(conn)
    stat_times = bench_stats(conn)
    conn.close()
    imp = bench_import() if "--no-import" not in sys.argv else None
    # a monthly extract: 30,000 cases of the month before last (its closings in the past)
    before_last = (dt.date.today().replace(day=1) - dt.timedelta(days=1)).replace(day=1) \
        - dt.timedelta(days=1)
    monthly = ([bench_import(30_000, before_last.strftime("%Y-%m")) for _ in range(3)]
               if "--no-import" not in sys.argv else None)
    hotline = bench_hotline() if "--no-import" not in sys.argv else None
    lines = [
        "# Benchmarks", "",
        "Run with `make bench` (bench/run.py). Figures are replaced on every run.", "",
        f"Machine and data: {header}", "",
        "## stats queries (in-process, warm connection)", "",
        "| query | runs | median ms | p95 ms | max ms |", "|---|---|---|---|---|",
        *[_row(name, times) for name, times in stat_times.items()], "",
    ]
    if imp:
        s = imp["seconds"]
        lines += [
            f"## Import of {imp['rows']:,} cases from CSV", "",
            "`python -m geo import cases FILE.csv --source …` into the populated, indexed database "
            "(validation, COPY, location of every case in its grid, site and community by "
            "PostGIS joins, keyed upsert with personal data).", "",
            f"Wall time of the whole command: **{imp['wall']:.1f} s**.", "",
            "| step | seconds |", "|---|---|",
            *[f"| {k} | {v:.2f} |" for k, v in s.items()], "",
        ]
    if monthly:
        walls = [m["wall"] for m in monthly]
        lines += [
            "## Import of a monthly extract (30,000 cases of one month, CSV)", "",
            "The same command with a month's cases (bench/make_cases_csv.py --month), three "
            "runs, each followed by deleting the rows and VACUUM.", "",
            f"Wall time: {', '.join(f'{w:.2f}' for w in walls)} s (median "
            f"{statistics.median(walls):.2f} s).", "",
        ]
    if hotline:
        lines += [
            f"## Import of a 12345 extract ({hotline['rows']:,} cases, CSV)", "",
            "The same cases as the platform exports them and in the canonical columns "
            "(bench/make_cases_csv.py, with and without --hotline), into the database above; "
            "wall time of `python -m geo import cases`, runs alternated, each followed by "
            "deleting the rows and VACUUM.", "",
            "| file | runs (s) | median (s) |", "|---|---|---|",
            *[f"| {name} | {', '.join(f'{w:.1f}' for w in walls)} | {statistics.median(walls):.1f} |"
              for name, walls in hotline["walls"].items()], "",
        ]
    DOC.parent.mkdir(exist_ok=True)
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    # bench/app.py's section and the hand-written notes follow
    keep = old[old.index("## Coverage map ("):] if "## Coverage map (" in old else ""
    DOC.write_text("\n".join(lines) + "\n" + keep, encoding="utf-8")
    print(DOC.read_text())


if __name__ == "__main__":
    main()
