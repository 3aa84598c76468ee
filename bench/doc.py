"""docs/benchmarks.md is written by several benchmarks: each replaces its own section."""
from __future__ import annotations

import datetime as dt
import os
import platform
import time
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
NOTES = "## Notes and targets"


def replace_section(marker: str, lines: list[str]) -> None:
    """Put ``lines`` in place of the section whose heading starts with ``marker`` (up to the
    next level-2 heading), or before the hand-written notes when it is new."""
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n\n"
    body = "\n".join(lines).rstrip() + "\n\n"
    if marker in text:
        start = text.index(marker)
        nxt = text.find("\n## ", start + len(marker))
        text = text[:start] + body + (text[nxt + 1:] if nxt >= 0 else "")
    elif NOTES in text:
        at = text.index(NOTES)
        text = text[:at] + body + text[at:]
    else:
        text = text.rstrip() + "\n\n" + body
    DOC.write_text(text, encoding="utf-8")


def p95(times: list[float]) -> float:
    """The 95th percentile of ``times`` (the nearest rank)."""
    ordered = sorted(times)
    return ordered[int(round(0.95 * (len(ordered) - 1)))]


def sizes(conn) -> tuple[int, int]:
    """(sites, cases) of the benchmarked database, for a section's heading."""
    with conn.cursor() as cur:
        cur.execute("SELECT (SELECT count(*) FROM sites), (SELECT count(*) FROM cases)")
        n_sites, n_cases = cur.fetchone()
    conn.rollback()
    return n_sites, n_cases


# The same machine runs up to twice as fast or slow within an hour: each section says how fast
# it was while measured, by two fixed workloads (lower is faster).
SQL_REFERENCE = "SELECT sum(i) FROM generate_series(1, 3000000) i"


def _python_reference() -> None:
    total = 0
    for i in range(10_000_000):
        total += i


def speed(conn) -> str:
    """The machine's speed now: the median of three runs of a fixed SQL and Python workload."""
    def median_ms(work) -> float:
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            work()
            times.append((time.perf_counter() - t0) * 1000)
        return sorted(times)[1]

    with conn.cursor() as cur:
        sql_ms = median_ms(lambda: cur.execute(SQL_REFERENCE))
    conn.rollback()
    return (f"speed: {sql_ms:.0f} ms for a sum of 3 M integers in SQL, "
            f"{median_ms(_python_reference):.0f} ms for 10 M steps of a Python loop")


def machine(conn) -> str:
    """The machine, the database's versions and size, its speed now, and the date: a
    section's first line."""
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    with conn.cursor() as cur:
        cur.execute("SELECT version(), postgis_full_version()")
        pg, postgis = cur.fetchone()
    conn.rollback()
    n_sites, n_cases = sizes(conn)
    postgis_version = postgis.split()[1].strip('"')
    return (f"{dt.date.today()} · {os.cpu_count()} cores ({cpu}) · {mem:.0f} GiB · "
            f"{pg.split(',')[0]} · PostGIS {postgis_version} · database: "
            f"{n_cases:,} cases, {n_sites:,} sites · {speed(conn)}")
