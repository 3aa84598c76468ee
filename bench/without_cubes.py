"""What a cube buys the case views: bench/cases.py's random filter changes with the read side
told that some cubes are gone (``geo.cubes.answering`` then answers from the cases, or from
the month cube alone where a day cube served the partial months), each set of cubes run
alternately with the full catalogue on the same database, which should be the 10 M-case bench
database (`python -m geo demo --cases 10000000`). Nothing is dropped: the cubes stay, unread.

    .venv/bin/python bench/without_cubes.py [-n 40] [--runs 2] [--without A,B ...]
                                            [--levels street ...]

Writes its section of docs/benchmarks.md: the data for choosing which cubes an import keeps.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import cases as case_bench  # noqa: E402
from bench.doc import machine, p95, replace_section, speed  # noqa: E402
from geo import cubes, db  # noqa: E402

# the cubes that added most rows per imported case before most became histograms (migrations
# 0024, 0025; docs/cubes.md: their upkeep)
NEAR_PER_CASE = ("case_street_code_hours", "case_cell_month", "case_site_code_month",
                 "case_district_cell_day", "case_month_hours", "case_district_code_hours")
ANSWERING = cubes.answering


def _without(gone: frozenset[str]):
    def answering(question: str, **kwargs) -> cubes.Answer:
        answer = ANSWERING(question, **kwargs)
        if answer.whole in gone:
            return cubes.Answer(None)
        if answer.edges in gone:
            return cubes.Answer(answer.whole, None)
        return answer
    return answering


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=40, help="filter changes per level and run")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--without", nargs="*", metavar="CUBE[,CUBE]",
                        default=[*NEAR_PER_CASE, ",".join(NEAR_PER_CASE[:5])])
    parser.add_argument("--levels", nargs="*", choices=case_bench.LEVELS,
                        default=list(case_bench.LEVELS))
    args = parser.parse_args()
    sets = {"(all cubes)": frozenset()}
    for spec in args.without:
        gone = frozenset(spec.split(","))
        unknown = gone - set(cubes.BY_NAME)
        if unknown:
            raise SystemExit(f"--without: no such cube: {', '.join(sorted(unknown))}")
        sets["without " + ", ".join(sorted(gone))] = gone
    url = db.database_url()
    pool = db.Pool(lambda: db.connect(url))
    case_bench.warm(pool, tuple(args.levels))
    with pool.connection() as conn:
        head = machine(conn)
    totals: dict[tuple[str, str], list[float]] = {}
    for i in range(args.runs):
        for name, gone in (sets.items() if i % 2 == 0 else reversed(sets.items())):
            cubes.answering = _without(gone)
            try:
                out = case_bench.run(pool, n=args.n, seed=7 + i, levels=tuple(args.levels))
            finally:
                cubes.answering = ANSWERING
            for level, parts in out["timings"].items():
                totals.setdefault((name, level), []).extend(parts["total"])
                totals.setdefault((name, "quick picks"), []).extend(
                    out["quick"][level]["total"])
            print(name, {k[1]: f"{statistics.median(v):.0f}/{p95(v):.0f}"
                         for k, v in totals.items() if k[0] == name}, flush=True)
    with pool.connection() as conn:
        head += f"; at the end, {speed(conn)}"
    levels = (*args.levels, "quick picks")
    lines = [f"## Case views without some cubes ({dt.date.today()})", "", f"Machine and data: "
             f"{head}", "", "bench/without_cubes.py: bench/cases.py's random filter changes "
             f"({args.n} per level, a quarter of that for a street, and the quick picks; levels: "
             f"{', '.join(args.levels)}), "
             f"{args.runs} runs of each set alternated, the read side answering from the cases "
             "where a cube is left out (the cubes stay in the database, unread). What the page "
             "waits for, all three loads: median / p95 ms.", "",
             "| read side | " + " | ".join(levels) + " |", "|---" * (len(levels) + 1) + "|"]
    for name in sets:
        cells = [f"{statistics.median(totals[name, lv]):.0f} / {p95(totals[name, lv]):.0f}"
                 for lv in levels]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    replace_section("## Case views without some cubes", lines + [""])
    print("\n".join(lines))


if __name__ == "__main__":
    main()
