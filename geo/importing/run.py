"""`python -m geo import`: read → check → write, all-or-nothing per file."""
from __future__ import annotations

import csv
import json
import os
import time
import tempfile
from pathlib import Path
from typing import Callable

import pandas as pd

from geo import coords, db
from geo.errors import InputError, RowError
from geo.importing.fields import KINDS
from geo.importing.read import read
from geo.importing.validate import Options, check, parse_mapping
from geo.sql import imports as load
from geo.sql import places as places_sql
from geo.stats import district_timezone


def _context(cur) -> tuple[tuple | None, str]:
    bbox = db.run(cur, load.DISTRICT_EXTENT).fetchone()
    return (tuple(bbox) if bbox and bbox[0] is not None else None), district_timezone(cur)


def _reference_errors(cur, frame: pd.DataFrame, add: bool) -> list[RowError]:
    """Unknown case categories and sources: added with --add-categories, else rejected."""
    errors = []
    for column, table in (("category", "case_categories"), ("source", "case_sources")):
        met = sorted(set(frame[column].dropna()))
        known = {r[0] for r in db.run(cur, places_sql.codes_among(table), (met,)).fetchall()}
        unknown = [code for code in met if code not in known]
        if not unknown:
            continue
        if add:
            for code in unknown:
                db.run(cur, load.ADD_CODE[table], {"code": code})
            continue
        bad = frame[column].isin(unknown).to_numpy()
        for row, value in zip(frame["row_no"][bad], frame[column][bad]):
            errors.append(RowError(int(row), column, f"unknown {column} '{value}' "
                                   "(--add-categories adds new categories and sources)"))
    return errors


def _report_path(path: Path, report: str | None) -> Path:
    if report:
        return Path(report)
    default = path.with_name(path.name + ".rejected.csv")
    if os.access(path.parent, os.W_OK):
        return default
    return Path(tempfile.mkdtemp(prefix="atlas-import-")) / default.name


def _write_report(target: Path, errors: list[RowError]) -> None:
    with open(target, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(["row", "field", "reason"])
        for e in errors:
            w.writerow([e.row, e.field or "", e.message])


def _for_loader(kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    if kind != "cases":
        return frame
    out = frame.rename(columns={"source": "source_code", "category": "category_code"})
    return out


def import_file(kind: str, path: str | Path, *, crs: str | None = None,
                mapping: list[str] | None = None, source: str | None = None,
                encoding: str | None = None, date_format: str | None = None,
                add_categories: bool = False, skip_invalid: bool = False,
                report: str | None = None, nearest_within: float | None = None,
                progress: Callable[[int, int], None] | None = None,
                say: Callable[[str], None] = lambda m: None, url: str | None = None,
                dry_run: bool = False) -> dict:
    """Import one file, all or nothing. With ``dry_run`` every check runs, the database's too,
    and everything is rolled back: the preview of the app's import page."""
    path = Path(path)
    file = str(path)
    try:
        parsed_crs = coords.parse_crs(crs)
    except ValueError as exc:
        raise InputError(f"--crs: {exc}") from None
    if nearest_within is not None and nearest_within < 0:
        raise InputError(f"--nearest-within: '{nearest_within:g}' must be a distance in metres >= 0")
    started = time.perf_counter()
    table = read(path, encoding)
    seconds = {"read": time.perf_counter() - started}
    steps = 4
    tick = (lambda i: progress(i, steps)) if progress else (lambda i: None)
    tick(1)
    conn = db.connect(url)
    try:
        with conn.cursor() as cur:
            bbox, tz = _context(cur)
        conn.rollback()
        opts = Options(crs=parsed_crs, date_format=date_format, timezone=tz, source=source,
                       bbox=bbox, mapping=parse_mapping(mapping or [], KINDS[kind]))
        mark = time.perf_counter()
        checked = check(table, kind, opts, file)
        seconds["check"] = time.perf_counter() - mark
        tick(2)
        rejected = list(checked.errors)
        frame = checked.frame
        try:
            with db.transaction(conn) as cur:
                if kind == "cases":
                    rejected += _reference_errors(cur, frame, add_categories)
                result = _write(cur, kind, frame, rejected, skip_invalid, nearest_within, file)
                tick(3)
                if dry_run:
                    raise _Preview()
        except _Preview:
            pass  # rolled back: a preview writes nothing
        tick(4)
    finally:
        conn.close()
    summary = {"kind": kind, "file": file, "rows": len(table.frame), **result.as_dict(),
               "rejected": len({e.row for e in rejected}),
               "seconds": {k: round(v, 3) for k, v in {**seconds, **result.seconds}.items()}}
    summary["seconds"]["total"] = round(time.perf_counter() - started, 3)
    if dry_run:
        summary["dry_run"] = True
        summary["rejected_rows"] = [e.__dict__ for e in rejected]
    for note in result.notes:
        say(note)
    if rejected and not dry_run:
        target = _report_path(path, report)
        _write_report(target, rejected)
        summary["report"] = str(target)
        say(f"{summary['rejected']} rows rejected; reasons in {target}")
    return summary


def import_drawn(cur, kind: str, props: dict, geometry: dict, label: str) -> dict:
    """One feature drawn in the app, written through the import of ``kind`` on the caller's
    cursor (inside its transaction, with its user's rights): the same checks as a file.
    Refusals name ``label`` (what the user drew) instead of a file."""
    props = {k: ("" if v is None else str(v).lower() if isinstance(v, bool) else str(v))
             for k, v in props.items()}
    with tempfile.TemporaryDirectory(prefix="atlas-draw-") as folder:
        path = Path(folder) / f"{kind}.geojson"
        path.write_text(json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": props, "geometry": geometry}]}, ensure_ascii=False),
            encoding="utf-8")
        table = read(path)
    bbox, tz = _context(cur)
    opts = Options(crs=None, date_format=None, timezone=tz, source=None, bbox=bbox,
                   mapping=parse_mapping([], KINDS[kind]))
    checked = check(table, kind, opts, label)
    result = _write(cur, kind, checked.frame, list(checked.errors), False, None, label)
    return {"kind": kind, **result.as_dict()}


class _Preview(Exception):
    """Rolls a dry run's transaction back."""


def _write(cur, kind, frame, rejected, skip_invalid, nearest_within, file) -> load.LoadResult:
    """Write the rows; with --skip-invalid, drop rejected rows and try again (in a savepoint)."""
    for _ in range(5):
        if rejected and not skip_invalid:
            raise InputError(f"{file}: {len(rejected)} rejected rows; nothing was imported",
                             file=file, errors=rejected)
        bad = {e.row for e in rejected}
        rows = frame[~frame["row_no"].isin(bad)]
        if rows.empty:
            return load.LoadResult()
        db.run(cur, load.SAVEPOINT)
        data = _for_loader(kind, rows)
        result = (load.load_cases(cur, data, nearest_within) if kind == "cases"
                  else load.LOADERS[kind](cur, data))
        if not result.errors:
            return result
        db.run(cur, load.ROLLBACK_TO_SAVEPOINT)
        # temp tables of the failed attempt are gone with the savepoint
        rejected.extend(result.errors)
    raise InputError(f"{file}: rows kept failing the checks; nothing was imported",
                     file=file, errors=rejected)
