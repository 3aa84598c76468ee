"""Import benchmarks, run on demand (`make bench`), by issue 18's protocol: 1,000,000 cases
(bench/make_cases_csv.py) and a monthly file of 30,000 into the database `python -m geo db up`
points at (the default demo database: seed 7, 1,500 sites, 200,000 cases), through the command
line, wall time; the median of --runs runs, each followed by deleting the rows,
VACUUM and a CHECKPOINT;
ogr2ogr's bare load of the same 1 M file (Debian's gdal-bin) timed beside it. With --before
REF, the code at git REF runs alternately with this one, so that both meet the same machine,
each on a demo database of its own that it built itself (`geo demo`, the same seed: a database
migrated by newer code is not one older code can run on); these are dropped at the end. Then
a 12345 extract against the same cases in the canonical columns.

    .venv/bin/python bench/imports.py [--runs 3] [--before REF] [--rows N] [--no-hotline]

(--rows 0: the monthly file alone.)

Writes its sections of docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from psycopg2 import sql  # noqa: E402

from bench.doc import machine, replace_section, speed  # noqa: E402
from geo import db  # noqa: E402

SOURCE = "bench_import"
TARGETS = {1_000_000: "≤ 40 s", 30_000: "≤ 2 s"}  # issue 18's, by the file's rows


def _vacuumed(url: str | None = None) -> None:
    """VACUUM, then a CHECKPOINT: the next run does not meet the last one's dirty pages being
    written under it (the same code measured 46.6 and 73.2 s back to back without it)."""
    conn = db.connect(url)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("VACUUM ANALYZE")
        cur.execute("CHECKPOINT")
    conn.close()


# the imported cases, by their source or by the synthetic ids (bench/make_cases_csv.py)
BY_SOURCE = ("DELETE FROM cases WHERE source_code = %s", (SOURCE,))
BY_SYNTHETIC_ID = ("DELETE FROM cases WHERE external_id LIKE %s", ("B%",))


def _delete(statement: tuple[str, tuple], url: str | None = None) -> None:
    """Remove the imported cases again (and the source the import added), then VACUUM: the
    next run re-imports the same keys and should find no dead entries."""
    conn = db.connect(url)
    with db.transaction(conn) as cur:
        cur.execute(*statement)
        cur.execute("DELETE FROM case_sources WHERE code = %s", (SOURCE,))
    conn.close()
    _vacuumed(url)


def _write_csv(n: int, path: Path, *flags: str) -> Path:
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_cases_csv.py"), str(n), str(path),
                    *flags], check=True)
    return path


def _env(url: str | None = None) -> dict[str, str]:
    """The code under test on database ``url``, this one's by default (a worktree would
    otherwise start a cluster of its own)."""
    return {**os.environ, "DATABASE_URL": url or db.database_url()}


def import_wall(root: Path, csv: Path, *options: str, url: str | None = None
                ) -> tuple[float, dict]:
    """The command's wall time importing ``csv`` with the code under ``root``, and its own
    step times."""
    t0 = time.perf_counter()
    res = subprocess.run([sys.executable, "-m", "geo", "import", "cases", str(csv), *options],
                         capture_output=True, text=True, cwd=root, env=_env(url))
    wall = time.perf_counter() - t0
    if res.returncode != 0:
        raise SystemExit(res.stderr)
    return wall, json.loads(res.stdout)["seconds"]


def bare_load(csv: Path) -> float:
    """ogr2ogr's load of the same file into a table of its own (points from lon/lat, its
    default spatial index), dropped again."""
    ogr2ogr = shutil.which("ogr2ogr")
    if ogr2ogr is None:
        raise SystemExit("ogr2ogr not found: apt-get install gdal-bin (make bench installs it)")
    t0 = time.perf_counter()
    subprocess.run([ogr2ogr, "-f", "PostgreSQL", f"PG:{db.database_url()}", str(csv),
                    "-nln", "bench_bare_load", "-oo", "X_POSSIBLE_NAMES=lon",
                    "-oo", "Y_POSSIBLE_NAMES=lat", "-a_srs", "EPSG:4326", "-overwrite"],
                   check=True, capture_output=True)
    wall = time.perf_counter() - t0
    conn = db.connect()
    with db.transaction(conn) as cur:
        cur.execute("DROP TABLE bench_bare_load")
    conn.close()
    return wall


def _beside(name: str) -> str:
    """The URL of database ``name`` on this database's server."""
    return f"{db.database_url().rsplit('/', 1)[0]}/{name}"


def _admin(statement: str, name: str) -> None:
    """``statement`` ("DROP DATABASE IF EXISTS {}", ...) on database ``name``, from outside it."""
    conn = db.connect(_beside("postgres"))
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(sql.SQL(statement).format(sql.Identifier(name)))
    conn.close()


def own_database(root: Path, name: str) -> str:
    """A new database ``name`` beside this one, holding the demo district as the code under
    ``root`` builds it; its URL."""
    _admin("DROP DATABASE IF EXISTS {}", name)
    _admin("CREATE DATABASE {}", name)
    url = _beside(name)
    subprocess.run([sys.executable, "-m", "geo", "demo"], cwd=root, env=_env(url), check=True,
                   capture_output=True)
    _vacuumed(url)
    return url


def protocol(files: dict[str, Path], codes: dict[str, tuple[Path, str | None]], runs: int
             ) -> dict:
    """Each file imported ``runs`` times by each code (its folder and database), the codes
    alternated run by run."""
    for root, _ in codes.values():  # as installed code runs: a worktree's first run compiled it
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "geo")], check=True)
    walls = {(f, c): [] for f in files for c in codes}
    steps = {(f, c): [] for f in files for c in codes}
    for name, csv in files.items():
        for i in range(runs):
            order = list(codes.items()) if i % 2 == 0 else list(reversed(codes.items()))
            for code, (root, url) in order:
                wall, seconds = import_wall(root, csv, "--source", SOURCE, "--add-categories",
                                            url=url)
                walls[name, code].append(wall)
                steps[name, code].append(seconds)
                _delete(BY_SOURCE, url)
                print(f"{name} {code} {wall:.2f} s {seconds}", flush=True)
    return {"walls": walls, "steps": steps}


def bench_hotline(n: int = 100_000, runs: int = 3) -> dict:
    """A 12345 extract (Chinese headers, words, names) against the same cases in the canonical
    columns: the command's wall time, each run followed by deleting the rows, VACUUM and a
    CHECKPOINT."""
    folder = Path(tempfile.mkdtemp(prefix="atlas-bench-"))
    files = {"12345 extract (Chinese headers, words, names, address)":
             (_write_csv(n, folder / "hotline.csv", "--hotline"), []),
             "the same with addresses only (no coordinates)":
             (_write_csv(n, folder / "addresses.csv", "--addresses-only"), []),
             "canonical columns and codes":
             (_write_csv(n, folder / "canonical.csv"), ["--source", "hotline_12345"])}
    walls: dict[str, list[float]] = {name: [] for name in files}
    _vacuumed()
    for _ in range(runs):  # alternated, so that all meet the same machine
        for name, (path, options) in files.items():
            walls[name].append(import_wall(ROOT, path, *options)[0])
            _delete(BY_SYNTHETIC_ID)
    return {"rows": n, "walls": walls}


def _commit(root: Path) -> str:
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                          text=True).stdout.strip() or "?"


def _steps(seconds: list[dict], walls: list[float]) -> str:
    median_run = seconds[walls.index(statistics.median_low(walls))]
    return " · ".join(f"{k} {v:.2f}" for k, v in median_run.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--monthly", type=int, default=30_000)
    parser.add_argument("--before", metavar="REF", help="git ref of the code to compare with")
    parser.add_argument("--no-hotline", action="store_true")
    args = parser.parse_args()

    # a monthly extract: the month before last (its closings in the past)
    before_last = (dt.date.today().replace(day=1) - dt.timedelta(days=1)).replace(day=1) \
        - dt.timedelta(days=1)
    month = before_last.strftime("%Y-%m")
    folder = Path(tempfile.mkdtemp(prefix="atlas-bench-"))
    # the monthly file first: it then meets the demo database as built, not the indexes the
    # large file's imports and deletes left grown (VACUUM does not shrink them)
    monthly, large = f"monthly file ({args.monthly:,} cases of {month})", f"{args.rows:,} cases"
    sizes = {monthly: args.monthly, large: args.rows}
    files = {monthly: _write_csv(args.monthly, folder / "month.csv", "--month", month)}
    if args.rows:  # --rows 0: the monthly file alone
        files[large] = _write_csv(args.rows, folder / "cases.csv")
    this = f"this code ({_commit(ROOT)})"
    codes: dict[str, tuple[Path, str | None]] = {this: (ROOT, None)}
    worktree, own = None, []
    try:
        if args.before:
            worktree = folder / "before"
            subprocess.run(["git", "worktree", "add", "--detach", str(worktree), args.before],
                           cwd=ROOT, check=True, capture_output=True)
            for label, root, name in ((this, ROOT, "bench_import_this"),
                                      (f"before ({_commit(worktree)})", worktree,
                                       "bench_import_before")):
                print(f"building {name} with {label}", flush=True)
                own.append(name)
                codes[label] = (root, own_database(root, name))
        conn = db.connect(codes[this][1])  # the data the codes import into
        header = machine(conn)
        conn.close()
        _vacuumed()
        bare = [bare_load(files[large]) for _ in range(args.runs)] if args.rows else []
        result = protocol(files, codes, args.runs)
    finally:
        if worktree is not None:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT)
        for name in own:
            _admin("DROP DATABASE IF EXISTS {}", name)
    walls, steps = result["walls"], result["steps"]
    conn = db.connect()
    header += f"; at the end, {speed(conn)}"
    conn.close()
    # the monthly file alone has a section of its own: the full protocol's stays
    title = "## Import protocol" if args.rows else "## Monthly import protocol"
    lines = [f"{title} ({dt.date.today()}; issue 18)", "",
             f"Machine and data: {header}", "",
             "bench/imports.py: wall time of `python -m geo import cases FILE --source … "
             "--add-categories` (files by bench/make_cases_csv.py), each run followed by "
             "deleting the rows, VACUUM and a CHECKPOINT"
             + (", the codes alternated run by run, each on a demo database it built itself"
                if len(codes) > 1 else "") + "; the monthly file's runs first (before the "
             "large file's imports and deletes have grown the indexes).", "",
             "| file | code | runs (s) | median (s) | target | steps of the median run (s) |",
             "|---|---|---|---|---|---|"]
    for (name, code), times in walls.items():
        target = TARGETS.get(sizes[name], "")
        lines.append(f"| {name} | {code} | {', '.join(f'{t:.2f}' for t in times)} | "
                     f"{statistics.median(times):.2f} | {target} | "
                     f"{_steps(steps[name, code], times)} |")
    if bare:
        lines.append(f"| {large} | ogr2ogr's bare load of the same file | "
                     f"{', '.join(f'{t:.2f}' for t in bare)} | {statistics.median(bare):.2f} | | |")
    replace_section(title, lines)
    if not args.no_hotline:
        hotline = bench_hotline()
        replace_section("## Import of a 12345 extract", [
            f"## Import of a 12345 extract ({hotline['rows']:,} cases, CSV; {dt.date.today()})",
            "", "The same cases as the platform exports them and in the canonical columns "
            "(bench/make_cases_csv.py, with and without --hotline), into the database above; "
            "wall time of `python -m geo import cases`, runs alternated, each followed by "
            "deleting the rows, VACUUM and a CHECKPOINT.", "",
            "| file | runs (s) | median (s) |", "|---|---|---|",
            *[f"| {name} | {', '.join(f'{w:.1f}' for w in times)} | "
              f"{statistics.median(times):.1f} |" for name, times in hotline["walls"].items()]])
    print("\n".join(lines))


if __name__ == "__main__":
    main()
