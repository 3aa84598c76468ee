"""`python -m geo import`: read → check → write, all-or-nothing per file."""
from __future__ import annotations

import csv
import json
import os
import time
import tempfile
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd
import psycopg2.errors

from geo import addresses, coords, db, placement, users
from geo.errors import InputError, RowError
from geo.importing.fields import KINDS
from geo.importing import values
from geo.importing.read import read
from geo.importing.validate import Options, check, parse_mapping
from geo.sql import imports as load
from geo.stats import district_timezone


def _context(cur) -> tuple[tuple | None, str]:
    bbox = db.run(cur, load.DISTRICT_EXTENT).fetchone()
    return (tuple(bbox) if bbox and bbox[0] is not None else None), district_timezone(cur)


def _resolve_codes(cur, frame: pd.DataFrame, add: bool, value_maps: dict[str, dict[str, str]]
                   ) -> tuple[list[RowError], dict[str, dict[str, int]]]:
    """Categories and sources by code or name (--map-values first) onto the district's codes,
    in place. Unknown values are added with --add-categories, else their rows rejected; the
    unknown values with their row counts are returned too."""
    categories = [values.Category(*r) for r in db.run(cur, load.CATEGORY_NAMES).fetchall()]
    sources = db.run(cur, load.SOURCE_NAMES).fetchall()
    errors: list[RowError] = []
    unknown: dict[str, dict[str, int]] = {}
    def codes_of(column: str, wanted: pd.Series) -> pd.Series:
        return (values.category_codes(wanted, categories) if column == "category"
                else values.source_codes(wanted, sources))

    for column in values.MAPPED_FIELDS:
        # each distinct value once (a file of a million cases holds a few dozen)
        rows_of, distinct = pd.factorize(frame[column])
        given = pd.Series(distinct, dtype=object)
        rows = pd.Series(np.bincount(rows_of[rows_of >= 0], minlength=len(given)))
        mapped = value_maps.get(column, {})
        wanted = given.replace(mapped) if mapped else given
        codes = codes_of(column, wanted)
        missing = values.unknown_counts(given, codes, rows)
        if missing and add:
            for value in missing:
                target = wanted[given == value].iloc[0]
                if column == "category":
                    new = values.new_category(target, categories)
                    db.run(cur, load.ADD_CATEGORY, new.__dict__)
                    categories.append(values.Category(new.code, new.name, 2 if new.parent_code else 1,
                                                      new.parent_code))
                else:
                    db.run(cur, load.ADD_SOURCE, {"code": target})
                    sources.append((target, target))
            codes = codes_of(column, wanted)
        elif missing:
            unknown[column] = missing
            bad = (rows_of >= 0) & codes.isna().to_numpy()[rows_of]
            for row, value in zip(frame["row_no"][bad], frame[column][bad]):
                errors.append(RowError(int(row), column, f"unknown {column} '{value}' "
                                       "(--add-categories adds new categories and sources)"))
        frame[column] = pd.api.extensions.take(codes.where(codes.notna(), given).to_numpy(),
                                               rows_of, allow_fill=True, fill_value=None)
    return errors, unknown


def unknown_message(file: str, unknown: dict[str, dict[str, int]]) -> str:
    """Each unknown value once, with its number of rows."""
    parts = [f"{field} " + ", ".join(f"'{v}' ({n} rows)" for v, n in counts.items())
             for field, counts in unknown.items()]
    return (f"{file}: unknown {'; '.join(parts)}. Map them with --map-values FIELD=FILE.csv or "
            "add them with --add-categories; nothing was imported")


FAR_APART_M = 500  # coordinates this far from their address's doorplate get a warning


def _place_by_address(cur, frame: pd.DataFrame) -> list[RowError]:
    """Cases without coordinates placed by their address (in place: lon, lat, located_by and
    community_hint); coordinates win, with a warning where they lie far from the address."""
    has_point = frame["lon"].notna().to_numpy() & frame["lat"].notna().to_numpy()
    # an object column: pandas' inference of a string column costs ~1 s a million rows
    frame["located_by"] = pd.Series(np.array(["unplaced", "coordinates"], dtype=object)
                                    [has_point.astype(np.intp)], index=frame.index, dtype=object)
    frame["community_hint"] = None
    given = frame["address"].notna().to_numpy()
    if not given.any():
        return []
    places = placement.gazetteer(cur)
    found = {a: places.locate(a) for a in frame["address"][given].unique()}
    todo = given & ~has_point
    place = frame["address"][todo].map(found)
    frame.loc[todo, "lon"] = [np.nan if p.lon is None else p.lon for p in place]
    frame.loc[todo, "lat"] = [np.nan if p.lat is None else p.lat for p in place]
    frame.loc[todo, "located_by"] = [p.located_by for p in place]
    frame.loc[todo, "community_hint"] = [p.community_code for p in place]
    # where the address names a doorplate (or a person placed it), one distance per address
    exact = {a: (p.lon, p.lat) for a, p in found.items()
             if p.lon is not None and p.located_by in ("doorplate", "manual")}
    both = given & has_point & frame["address"].isin(list(exact)).to_numpy()
    at = np.array([exact[a] for a in frame["address"][both]], dtype=float).reshape(-1, 2)
    apart = addresses.metres_apart(frame["lon"][both].to_numpy(float),
                                   frame["lat"][both].to_numpy(float), at[:, 0], at[:, 1])
    far = apart > FAR_APART_M
    return [RowError(int(row), "address", f"the coordinates lie {m:.0f} m from the address "
                     "(the coordinates are kept)", "warning")
            for row, m in zip(frame["row_no"][both][far], apart[far])]


SITE_RULES = ("manual", "doorplate", "nearby_doorplate")  # a site is placed by its doorplate
USER_KINDS = ("sites", "management")  # a street's or community's own roster, under its rights


def _place_sites_by_address(cur, frame: pd.DataFrame) -> list[RowError]:
    """Sites with neither outline nor point placed at their address's doorplate (in place:
    lon, lat); a site must be somewhere, so an address no doorplate matches is rejected."""
    todo = np.flatnonzero(frame["geometry"].isna().to_numpy()
                          & np.isnan(frame["lon"].to_numpy(float)) & frame["address"].notna().to_numpy())
    if not len(todo):
        return []
    places, errors = placement.gazetteer(cur), []
    for i in todo:
        address = frame["address"].iat[i]
        place = places.locate(address)
        if place.located_by in SITE_RULES:
            frame.iat[i, frame.columns.get_loc("lon")] = place.lon
            frame.iat[i, frame.columns.get_loc("lat")] = place.lat
        else:
            errors.append(RowError(int(frame["row_no"].iat[i]), "address",
                                   f"'{address}' matches no doorplate of the address library: give "
                                   "the site's point (lon/lat) or its outline"))
    return errors


def _report_path(path: Path, report: str | None) -> Path:
    if report:
        return Path(report)
    default = path.with_name(path.name + ".rejected.csv")
    if os.access(path.parent, os.W_OK):
        return default
    return Path(tempfile.mkdtemp(prefix="atlas-import-")) / default.name


def _write_report(target: Path, found: list[RowError]) -> None:
    with open(target, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(["row", "field", "severity", "reason"])
        for e in sorted(found, key=lambda e: (e.row or 0, e.severity, e.field or "")):
            w.writerow([e.row, e.field or "", e.severity, e.message])


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
                map_values: list[str] | None = None,
                progress: Callable[[int, int], None] | None = None,
                say: Callable[[str], None] = lambda m: None, url: str | None = None,
                dry_run: bool = False, as_user=None, audit_as: tuple[str | None, str] | None = None
                ) -> dict:
    """Import one file, all or nothing (warnings never block). With ``dry_run`` every check
    runs, the database's too, and everything is rolled back: what the import would do, as the
    command line's --dry-run and the app's preview show it. ``as_user`` (geo.users.User):
    under that user's rights (row-level security), for the KINDS of USER_KINDS only.
    ``audit_as``: who imported and the file's name as the audit log records them (the app's
    user and the upload's own name), else as_user's name and ``path``; the entry is written
    in the import's transaction, so an import is never without it."""
    path = Path(path)
    file = str(path)
    try:
        parsed_crs = coords.parse_crs(crs)
    except ValueError as exc:
        raise InputError(f"--crs: {exc}") from None
    if nearest_within is not None and nearest_within < 0:
        raise InputError(f"--nearest-within: '{nearest_within:g}' must be a distance in metres >= 0")
    if as_user is not None and kind not in USER_KINDS:
        raise InputError(f"{kind}: imported by admins; streets and communities import "
                         f"{' and '.join(USER_KINDS)}")
    value_maps = dict(values.read_value_map(item) for item in map_values or [])
    if value_maps and kind != "cases":
        raise InputError(f"--map-values: only for cases, not {kind}")
    started = time.perf_counter()
    table = read(path, encoding)
    seconds = {"read": time.perf_counter() - started}
    steps = 4
    tick = (lambda i: progress(i, steps)) if progress else (lambda i: None)
    tick(1)
    conn = db.connect_for(as_user, url)
    # a file of cases is located, and its new cases grouped for the cubes, on a second
    # connection while this one writes (load.load_cases)
    locating = db.connect_for(as_user, url) if kind == "cases" else None
    try:
        for each in filter(None, (conn, locating)):
            db.set_temp_buffers(each, load.TEMP_BUFFERS)
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
        unknown: dict[str, dict[str, int]] = {}
        try:
            with db.transaction(conn) as cur:
                if kind == "cases":
                    found, unknown = _resolve_codes(cur, frame, add_categories, value_maps)
                    rejected += found
                    checked.warnings.extend(_place_by_address(cur, frame))
                    if unknown and not (skip_invalid or dry_run):
                        raise InputError(unknown_message(file, unknown), file=file,
                                         errors=sorted(rejected, key=lambda e: e.row or 0))
                elif kind == "sites":
                    rejected += _place_sites_by_address(cur, frame)
                result = _write(cur, kind, frame, rejected, skip_invalid or dry_run,
                                nearest_within, file,
                                locating.cursor() if locating is not None else None)
                if dry_run:
                    raise _Preview()
                who, name = audit_as or (as_user.name if as_user else None, file)
                users.audit_in(cur, who, "import", {
                    "kind": kind, "file": name, "rows": len(table.frame), **result.as_dict(),
                    "rejected": len({e.row for e in rejected}),
                    "warnings": len(checked.warnings)})
                tick(3)
                mark = time.perf_counter()
            seconds["commit"] = time.perf_counter() - mark
        except _Preview:
            pass  # rolled back: a preview writes nothing
        except psycopg2.errors.InsufficientPrivilege:  # a row the checks could not see
            raise InputError(f"{file}: a row lies outside the area you may change "
                             "(a site of another community?); nothing was imported") from None
        tick(4)
    finally:
        for each in filter(None, (locating, conn)):
            each.close()
    warnings = checked.warnings
    summary = {"kind": kind, "file": file, "rows": len(table.frame), **result.as_dict(),
               "rejected": len({e.row for e in rejected}), "warnings": len(warnings),
               "seconds": {k: round(v, 3) for k, v in {**seconds, **result.seconds}.items()}}
    summary["seconds"]["total"] = round(time.perf_counter() - started, 3)
    if dry_run:
        return _preview(summary, checked.mapping, unknown, rejected + warnings)
    for note in result.notes:
        say(note)
    if rejected or warnings:
        target = _report_path(path, report)
        _write_report(target, rejected + warnings)
        summary["report"] = str(target)
        if rejected:
            say(f"{summary['rejected']} rows rejected; reasons in {target}")
        if warnings:
            say(f"{len(warnings)} warnings (rows kept, a field emptied); details in {target}")
    return summary


def _preview(summary: dict, mapping: dict[str, str], unknown: dict, found: list[RowError]) -> dict:
    """The dry run's JSON: what would be written, and how the file was read."""
    return {"dry_run": True, "kind": summary["kind"], "file": summary["file"], "mapping": mapping,
            "rows": summary["rows"], "would_insert": summary.get("inserted", 0),
            "would_update": summary.get("updated", 0), "unchanged": summary.get("unchanged", 0),
            "rejected": summary["rejected"], "warnings": summary["warnings"], "unknown": unknown,
            "rejected_rows": [e.__dict__ for e in sorted(found, key=lambda e: (e.row or 0, e.severity))]}


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


def _write(cur, kind, frame, rejected, skip_invalid, nearest_within, file, locator=None
           ) -> load.LoadResult:
    """Write the rows; with --skip-invalid, drop rejected rows and try again (in a savepoint).
    ``locator``: a cursor of a second connection that locates cases and groups the new ones
    for the cubes (``load.load_cases``)."""
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
        result = (load.load_cases(cur, data, nearest_within, locator) if kind == "cases"
                  else load.LOADERS[kind](cur, data))
        if not result.errors:
            return result
        db.run(cur, load.ROLLBACK_TO_SAVEPOINT)
        # temp tables of the failed attempt are gone with the savepoint
        rejected.extend(result.errors)
    raise InputError(f"{file}: rows kept failing the checks; nothing was imported",
                     file=file, errors=rejected)
