"""From a file's table to a canonical, typed frame plus the reason for every rejected row.

Every check here is pure (no database): types, enumerations, dates, duplicates, geometry type,
validity and repair, coordinate systems and swapped lon/lat. Checks that need the database
(parent codes, overlaps, locating cases) live with the loaders.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon

from geo import coords
from geo.addresses import number_key
from geo.errors import InputError, RowError
from geo.importing.columns import match_columns
from geo.importing.fields import KINDS, Field, Kind
from geo.importing.read import Table

MAX_TEXT = 10_000  # characters in one text field
POINT_FIELDS = ("lon", "lat")  # read as a pair with the geometry, never one by one
REPAIR_TOLERANCE = 0.01  # a repaired polygon may change its area by at most 1 %
TRUE = {"true", "t", "1", "yes", "y", "是", "有", "已成立", "√"}
FALSE = {"false", "f", "0", "no", "n", "否", "无", "未成立", ""}

# Chinese (and other) labels accepted for enumerations.
ENUM_ALIASES = {
    "kind": {"封闭小区": "compound", "小区": "compound", "开放式楼院": "open_courtyard",
             "楼院": "open_courtyard", "楼宇集群": "building_cluster", "园区": "building_cluster",
             "商圈": "building_cluster", "楼宇": "building_cluster"},
    "mode": {"商业化物管": "commercial", "居民自管": "self_managed", "景社共管": "scenic_co_managed",
             "区属企业嵌入服务": "enterprise_embedded", "区属企业嵌入": "enterprise_embedded",
             "国企嵌入": "enterprise_embedded",
             "无物管": "none", "无": "none"},
    "role": {"区级领导": "district_leader", "街道干部": "street_cadre", "网格员": "grid_worker",
             "社工": "social_worker"},
    "target_kind": {"社区": "community", "小区": "site", "网格": "grid"},
    "escalation": {"社区": "community", "街道": "street", "区": "district", "区级": "district"},
}

# Case statuses onto one lifecycle: (status, finer state).
STATUSES = {
    "open": ("open", None), "new": ("open", "received"), "received": ("open", "received"),
    "pending": ("open", "received"), "assigned": ("open", "in_progress"),
    "in progress": ("open", "in_progress"), "in_progress": ("open", "in_progress"),
    "processing": ("open", "in_progress"), "returned": ("open", "returned"),
    "reopened": ("open", "in_progress"),
    "closed": ("closed", "closed"), "close": ("closed", "closed"), "done": ("closed", "closed"),
    "completed": ("closed", "closed"), "finished": ("closed", "closed"),
    "resolved": ("closed", "resolved"),
    "受理": ("open", "received"), "已受理": ("open", "received"), "待受理": ("open", "received"),
    "待办": ("open", "received"), "待处理": ("open", "received"), "已派单": ("open", "in_progress"),
    "办理中": ("open", "in_progress"), "处理中": ("open", "in_progress"),
    "未办结": ("open", "in_progress"), "退回": ("open", "returned"), "已退回": ("open", "returned"),
    "待回访": ("open", "resolved"),
    "已办结": ("closed", "closed"), "办结": ("closed", "closed"), "已完成": ("closed", "closed"),
    "已关闭": ("closed", "closed"), "结案": ("closed", "closed"), "已解决": ("closed", "resolved"),
}

# Satisfaction as the hotline words it (DESIGN.md); 未评价 and empty: not rated.
RATINGS = {"满意": 5, "非常满意": 5, "基本满意": 4, "一般": 3, "不满意": 2, "非常不满意": 1,
           "未评价": None, "未回访": None, "无": None}


@dataclass
class Options:
    crs: object = None  # parsed --crs (overrides the file's own)
    date_format: str | None = None
    timezone: str = "Asia/Shanghai"
    source: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # the district's, for swapped lon/lat
    mapping: dict[str, str] = field(default_factory=dict)


@dataclass
class Checked:
    frame: pd.DataFrame  # canonical columns + row_no (+ geometry or lon/lat)
    errors: list[RowError]  # rejected rows
    warnings: list[RowError] = field(default_factory=list)  # kept rows, a field emptied
    mapping: dict[str, str] = field(default_factory=dict)  # field → the file's column


def mappable(kind: Kind) -> list[str]:
    """The fields a file's column may be mapped onto (--map FIELD=COLUMN)."""
    extra = list(CATEGORY_LEVELS) if kind.name == "cases" else []
    return list(dict.fromkeys(kind.names + (["wkt", "lon", "lat"] if kind.geometry else []) + extra))


def detected_mapping(columns: list[str], kind_name: str) -> dict[str, str]:
    """Field → the file's column, as the import reads a file without --map."""
    return match_columns(columns, mappable(KINDS[kind_name]), {})


def parse_mapping(items: list[str], kind: Kind) -> dict[str, str]:
    allowed = set(mappable(kind))
    out = {}
    for item in items:
        name, sep, column = item.partition("=")
        if not sep or not column:
            raise InputError(f"--map: '{item}' is not FIELD=COLUMN")
        if name not in allowed:
            raise InputError(f"--map: '{name}' is not a field of {kind.name} "
                             f"(fields: {', '.join(sorted(allowed))})")
        out[name] = column
    return out


def check(table: Table, kind_name: str, opts: Options, file: str) -> Checked:
    kind = KINDS[kind_name]
    wanted = mappable(kind)
    for col in opts.mapping.values():
        if col not in table.frame.columns:
            raise InputError(f"--map: the file has no column '{col}' "
                             f"(columns: {', '.join(table.frame.columns[:30])})")
    columns = match_columns(list(table.frame.columns), wanted, opts.mapping)
    frame = table.frame
    shown = {f: c for f, c in columns.items() if f not in CATEGORY_LEVELS}
    if kind_name == "cases" and "category" not in columns and CATEGORY_LEVELS[0] in columns:
        # read as one column under a name no file's header can take
        frame = frame.assign(**{"\0category": _two_levels(frame, columns)})
        columns["category"] = "\0category"
        shown["category"] = " + ".join(columns[c] for c in CATEGORY_LEVELS if c in columns)
    errors: list[RowError] = []
    warnings: list[RowError] = []
    header = 1 if table.row_label == "row" else None
    for f in kind.fields:
        if f.required and f.name not in columns and not (f.name == "source" and opts.source):
            raise InputError.at(file, header, f.name, f"missing required column '{f.name}'"
                                f" (use --map {f.name}=COLUMN if the file names it differently)")
    n = len(table.frame)
    out = pd.DataFrame({"row_no": np.arange(table.first_row, table.first_row + n)})
    rows = out["row_no"].to_numpy()
    for f in kind.fields:
        if f.name in POINT_FIELDS:  # read with the geometry, below
            continue
        raw = frame[columns[f.name]] if f.name in columns else pd.Series([""] * n)
        raw = raw.astype(str).str.strip().reset_index(drop=True)
        values, bad = _convert(f, raw, opts)
        if f.secondary:  # emptied, the row kept
            values = values.where(~bad, None)
        out[f.name] = values
        for i in np.flatnonzero(bad):
            found = RowError(int(rows[i]), f.name, _describe(f, raw.iloc[i], opts),
                             "warning" if f.secondary else "error")
            (warnings if f.secondary else errors).append(found)
        if f.required:
            empty = (raw == "") & ~bad
            if f.name == "source" and opts.source:
                empty[:] = False
            for i in np.flatnonzero(empty.to_numpy()):
                errors.append(RowError(int(rows[i]), f.name, "required value is empty"))
    if kind_name == "cases":
        warnings += _case_rules(out, opts)
    if kind_name == "addresses":
        errors += _doorplate_numbers(out)
    if kind_name == "sites":  # a roster names its sites: ids and kinds follow from the names
        out["kind"] = out["kind"].fillna(out["name"].map(site_kind_of))
        missing = out["external_id"].isna() & out["name"].notna()
        out.loc[missing, "external_id"] = [
            roster_id(n, a) for n, a in zip(out["name"][missing], out["address"][missing])]
        # an outline, or a point or address while the outline waits to be drawn
        out["geometry"], out["lon"], out["lat"], geo_errors = _site_places(table, columns, opts,
                                                                          rows, file)
        nowhere = (out["geometry"].isna().to_numpy() & np.isnan(out["lon"].to_numpy(float))
                   & out["address"].isna().to_numpy())
        errors += geo_errors + [RowError(int(rows[i]), "geometry", "no outline, point or address: "
                                         "a site must be somewhere") for i in np.flatnonzero(nowhere)]
    elif kind.geometry == "polygon":
        out["geometry"], geo_errors = _polygons(table, columns, opts, rows, file)
        errors += geo_errors
    elif kind.geometry == "point":
        out["lon"], out["lat"], geo_errors, unreadable = _points(table, columns, opts, rows, file)
        errors += geo_errors
        if kind_name == "cases":  # a case without a point is still placed, by its address
            warnings += unreadable
        else:  # a doorplate is its point
            errors += [RowError(e.row, e.field, "lon and lat must be numbers") for e in unreadable]
            named = {e.row for e in unreadable}
            errors += [RowError(int(rows[i]), "lon/lat", "a point is required")
                       for i in np.flatnonzero(np.isnan(out["lon"].to_numpy(float)))
                       if int(rows[i]) not in named]
    errors += _duplicates(out, kind)
    in_order = (lambda found: sorted(found, key=lambda e: (e.row or 0, e.field or "")))
    return Checked(out, in_order(errors), in_order(warnings), shown)


CLUSTER_NAMES = ("大厦", "广场", "中心", "楼宇", "园区", "创业园", "大楼")


def site_kind_of(name: str | None) -> str | None:
    """A roster's site kind from its name: …院 an open courtyard, a tower's or park's name a
    building cluster, else a compound (小区, 花园, 家园, …)."""
    if not isinstance(name, str):
        return None
    if name.endswith("院") and not name.endswith(("学院", "医院", "庭院")):
        return "open_courtyard"
    return "building_cluster" if name.endswith(CLUSTER_NAMES) else "compound"


def roster_id(name: str, address: str | None) -> str:
    """A roster row's external id, the same whenever the same name and address are imported."""
    import hashlib

    return "R-" + hashlib.sha1(f"{name}|{address or ''}".encode()).hexdigest()[:12]


CATEGORY_LEVELS = ("category_level1", "category_level2")


def _doorplate_numbers(out: pd.DataFrame) -> list[RowError]:
    """Doorplate numbers as the library keeps them (5, 5甲, 5-1), each one doorplate."""
    keys = out["number"].map({v: number_key(v) for v in out["number"].dropna().unique()})
    bad = (keys.isna() & out["number"].notna()).to_numpy()
    rows = out["row_no"].to_numpy()
    found = [RowError(int(rows[i]), "number", f"'{out['number'].iloc[i]}' is not a doorplate "
                      "number (such as 5, 5甲, 5-1)") for i in np.flatnonzero(bad)]
    out["number"] = keys
    return found


def _two_levels(frame: pd.DataFrame, columns: dict[str, str]) -> pd.Series:
    """一级分类 + 二级分类 as one value 一级-二级 (the level-1 alone when the second is empty)."""
    first = frame[columns[CATEGORY_LEVELS[0]]].astype(str).str.strip()
    if CATEGORY_LEVELS[1] not in columns:
        return first
    second = frame[columns[CATEGORY_LEVELS[1]]].astype(str).str.strip()
    return first.where(second == "", first + "-" + second)


def _describe(f: Field, value: str, opts: Options) -> str:
    shown = value if len(value) <= 60 else value[:57] + "..."
    if f.type in ("date", "datetime"):
        fmt = f"--date-format {opts.date_format}" if opts.date_format else "YYYY-MM-DD"
        return f"cannot read '{shown}' as a date ({fmt}; other formats need --date-format)"
    if f.type == "enum":
        return f"unknown {f.name} '{shown}' (one of: {', '.join(f.choices)})"
    if f.type == "text":
        return f"longer than {MAX_TEXT} characters"
    if f.type == "bool":
        return f"'{shown}' is not yes/no (true/false, 1/0, 是/否)"
    if f.type == "rating":
        return f"satisfaction '{shown}' is not 1-5 nor a word such as 满意 or 不满意"
    if f.type == "int":
        return f"'{shown}' is not a whole number"
    return f"'{shown}' is not a number"


def _each_distinct(values: pd.Series, look_up: Callable[[Any], Any]) -> pd.Series:
    """``look_up`` of every value (None where missing), called once per distinct value: a
    file has a handful of them in a million rows."""
    codes, distinct = pd.factorize(values)
    found = np.array([look_up(v) for v in distinct] + [None], dtype=object)
    # code -1 (missing) takes the None; object, as inferring a string dtype costs more
    return pd.Series(found[codes], index=values.index, dtype=object)


def _rating(word: str) -> float:
    """A satisfaction word or number as a number (NaN: unrated or unreadable)."""
    value = RATINGS.get(word, word)
    try:
        return float(value) if value not in (None, "") else np.nan
    except ValueError:
        return np.nan


def _convert(f: Field, raw: pd.Series, opts: Options) -> tuple[pd.Series, np.ndarray]:
    """Typed values and a mask of unreadable ones (empty → None, never an error here)."""
    empty = (raw == "").to_numpy()
    if f.type == "text":
        bad = (raw.str.len() > MAX_TEXT).to_numpy()
        return raw.where(~empty, None).astype(object), bad
    if f.type in ("int", "float"):
        num = pd.to_numeric(raw.where(~empty), errors="coerce")
        bad = num.isna().to_numpy() & ~empty
        if f.type == "int":
            bad |= (num.notna() & (num != num.round())).to_numpy()
            return num.round().astype("Int64").where(~bad), bad
        return num, bad
    if f.type == "bool":
        low = raw.str.lower()
        bad = ~(low.isin(TRUE) | low.isin(FALSE)).to_numpy()
        return low.isin(TRUE).where(~empty).astype(object).where(~empty, None), bad
    if f.type == "enum":
        aliases = ENUM_ALIASES.get(f.name, {})
        mapped = _each_distinct(raw, lambda v: aliases.get(v, v.lower() if v.lower() in f.choices
                                                            else v))
        bad = ~mapped.isin(f.choices).to_numpy() & ~empty
        return mapped.where(~empty, None), bad
    if f.type == "rating":
        num = _each_distinct(raw, _rating).astype(float)
        unrated = raw.isin([w for w, v in RATINGS.items() if v is None]).to_numpy()
        bad = ~empty & ~unrated & ~(num.isin([1, 2, 3, 4, 5])).to_numpy()
        return num.where(~bad).astype("Int64"), bad
    if f.type in ("date", "datetime"):
        # empty strings parse as NaT, and faster than the NaN of raw.where(~empty)
        parsed = parse_datetimes(raw, opts.date_format, opts.timezone)
        bad = parsed.isna().to_numpy() & ~empty
        if f.type == "date":
            return pd.Series([None if pd.isna(v) else v.date() for v in parsed], dtype=object), bad
        return parsed, bad
    raise ValueError(f"unknown field type {f.type}")


def parse_datetimes(values: pd.Series, date_format: str | None, timezone: str) -> pd.Series:
    """Strings → tz-aware timestamps; naive ones are local times of the district's zone. ISO
    8601 unless a format is given: an ambiguous date such as 03/04/2025 is never guessed."""
    fmt = date_format or "ISO8601"
    try:
        parsed = pd.to_datetime(values, format=fmt, errors="coerce")
        if getattr(parsed.dt, "tz", None) is None:
            return local_times(parsed, timezone)
        return parsed.dt.tz_convert(timezone)
    except (ValueError, TypeError):  # mixed offsets: one at a time
        return pd.Series([_one_datetime(v, fmt, timezone) for v in values],
                         dtype=f"datetime64[ns, {timezone}]")


def _one_datetime(value, fmt: str, timezone: str) -> pd.Timestamp:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return pd.NaT
    try:
        ts = pd.to_datetime(value, format=fmt)
    except (ValueError, TypeError):
        return pd.NaT
    return local_times(pd.Series([ts]), timezone).iloc[0] if ts.tzinfo is None \
        else ts.tz_convert(timezone)


def local_times(naive: pd.Series, timezone: str) -> pd.Series:
    """Wall-clock times of ``timezone`` as instants, never failing on daylight saving: a time
    that occurs twice (the clocks go back) is its first occurrence, one that never occurs (the
    clocks go forward) moves forward by the gap (02:30 → 03:30)."""
    first = np.ones(len(naive), dtype=bool)  # "DST" is the first of the two occurrences
    out = naive.dt.tz_localize(timezone, ambiguous=first, nonexistent="NaT")
    gap = (out.isna() & naive.notna()).to_numpy()
    if gap.any():  # few: read with the offset before the change (PEP 495's fold=0)
        zone = ZoneInfo(timezone)
        out[gap] = [pd.Timestamp(v.to_pydatetime().replace(tzinfo=zone)).tz_convert(timezone)
                    for v in naive[gap]]
    return out


def _case_rules(out: pd.DataFrame, opts: Options) -> list[RowError]:
    """The case's own rules; every one empties a secondary field with a warning."""
    warnings = []
    rows = out["row_no"].to_numpy()

    def warn(mask, field_name: str, message) -> None:
        for i in np.flatnonzero(np.asarray(mask)):
            text = message(i) if callable(message) else message
            warnings.append(RowError(int(rows[i]), field_name, text, "warning"))

    if opts.source:
        out["source"] = out["source"].where(out["source"].notna(), opts.source)
    closed_at, reported = out["closed_at"], out["reported_at"]
    early = (closed_at.notna() & reported.notna() & (closed_at < reported)).to_numpy()
    warn(early, "closed_at", "closed before it was reported: closing time emptied")
    future = (closed_at.notna() & (closed_at > pd.Timestamp.now(tz="UTC"))).to_numpy()
    warn(future, "closed_at", "closing time in the future: emptied")
    closed_at = closed_at.where(~(early | future))
    words = out["status"]
    def lifecycle(word) -> tuple[str | None, str | None]:  # (status, state); Nones: unknown
        return STATUSES.get(str(word).strip().lower(), (None, None))

    status = _each_distinct(words, lambda w: lifecycle(w)[0])
    unknown = (status.isna() & words.notna()).to_numpy()
    warn(unknown, "status", lambda i: f"unknown status '{words.iloc[i]}': read as "
         f"{'closed' if pd.notna(closed_at.iloc[i]) else 'open'} from the closing time")
    # no status, or an unknown word: closed when a closing time is given
    derived = np.where(closed_at.notna(), "closed", "open").astype(object)
    out["status"] = pd.Series(np.where(status.isna(), derived, status.to_numpy()),
                              index=status.index, dtype=object)  # object: no inference
    out["state"] = _each_distinct(words, lambda w: lifecycle(w)[1])
    # an open case keeps no closing time (a reopened case is open again); a closed case may
    # lack one (the medians skip it)
    out["closed_at"] = closed_at.where(out["status"] == "closed")
    return warnings


def _duplicates(out: pd.DataFrame, kind: Kind) -> list[RowError]:
    key = list(kind.key)
    dup = out.duplicated(subset=key, keep="first")
    if not dup.any():
        return []
    keyed = out[key].astype(str)
    firsts: dict[tuple, int] = {}
    for r, row in zip(keyed.itertuples(index=False), out["row_no"]):
        firsts.setdefault(tuple(r), int(row))
    return [RowError(int(row), key[-1], f"duplicate {'/'.join(key)} '{'/'.join(r)}' "
                     f"(first in row {firsts[tuple(r)]})")
            for r, row, d in zip(keyed.itertuples(index=False), out["row_no"], dup) if d]


# ---------------------------------------------------------------- geometry
def _source_crs(table: Table, opts: Options):
    if opts.crs is not None:
        return opts.crs
    if table.crs:
        try:
            return coords.parse_crs(table.crs)
        except ValueError:
            return None
    return None


def _polygons(table: Table, columns: dict, opts: Options, rows, file: str):
    n = len(rows)
    errors: list[RowError] = []
    if table.geometry is not None:
        geoms = np.asarray(table.geometry, dtype=object)
    elif "wkt" in columns:
        geoms = np.empty(n, dtype=object)
        for i, text in enumerate(table.frame[columns["wkt"]].astype(str)):
            try:
                geoms[i] = shapely.from_wkt(text) if text.strip() else None
            except shapely.errors.GEOSException:
                errors.append(RowError(int(rows[i]), "wkt", "not readable as WKT"))
                geoms[i] = None
    else:
        raise InputError.at(file, 1, "wkt", "missing geometry: a spatial file, or a WKT column "
                            "(named wkt or geometry; or --map wkt=COLUMN)")
    crs = _source_crs(table, opts)
    result = np.empty(n, dtype=object)
    bad_rows = {e.row for e in errors}
    for i, g in enumerate(geoms):
        if int(rows[i]) in bad_rows:
            continue
        if g is None or g.is_empty:
            errors.append(RowError(int(rows[i]), "geometry", "empty geometry"))
            continue
        if g.geom_type not in ("Polygon", "MultiPolygon"):
            errors.append(RowError(int(rows[i]), "geometry", f"expected a polygon, got {g.geom_type}"))
            continue
        g = shapely.force_2d(g)
        x, y = shapely.get_coordinates(g)[0] if crs is None or crs in coords.CHINESE_CRS or getattr(crs, "is_geographic", False) else (None, None)
        if x is not None:
            problem = coords.lonlat_problem(x, y, opts.bbox)
            if problem:
                errors.append(RowError(int(rows[i]), "geometry", problem))
                continue
        g = coords.to_wgs84(np.array([g]), crs)[0]
        repaired, message = repair_polygon(g)
        if message:
            errors.append(RowError(int(rows[i]), "geometry", message))
            continue
        result[i] = repaired
    return result, errors


def repair_polygon(g) -> tuple[MultiPolygon | None, str | None]:
    """A valid MultiPolygon, repaired with make_valid when that keeps the area within 1 %."""
    if g.is_valid:
        return (g if isinstance(g, MultiPolygon) else MultiPolygon([g])), None
    fixed = shapely.make_valid(g)
    parts = [p for p in shapely.get_parts(fixed) if isinstance(p, (Polygon, MultiPolygon))]
    fixed = shapely.union_all(parts) if parts else None
    before = abs(shapely.area(shapely.Polygon(g.exterior)) if isinstance(g, Polygon) else g.area)
    if fixed is None or fixed.is_empty or before == 0 or abs(fixed.area - before) > REPAIR_TOLERANCE * before:
        reason = shapely.is_valid_reason(g)
        return None, f"invalid polygon ({reason}) that cannot be repaired within 1 % of its area"
    fixed = fixed if isinstance(fixed, MultiPolygon) else MultiPolygon([fixed])
    return fixed, None


def _site_places(table: Table, columns: dict, opts: Options, rows, file: str):
    """(outlines, lon, lat, errors) of sites: an outline from a spatial file or a WKT column,
    a point from a spatial file of points or lon/lat columns; a row may have neither (its
    address places it) but not a bad one."""
    n = len(rows)
    outlines, lon, lat = pd.Series([None] * n, dtype=object), np.full(n, np.nan), np.full(n, np.nan)
    geoms = np.asarray(table.geometry, dtype=object) if table.geometry is not None else None
    points = (np.array([g is not None and g.geom_type == "Point" for g in geoms])
              if geoms is not None else np.zeros(n, dtype=bool))
    has_lonlat = "lon" in columns and "lat" in columns
    if geoms is None and "wkt" not in columns and not has_lonlat and "address" not in columns:
        raise InputError.at(file, 1, "wkt", "missing location: outlines (a spatial file or a WKT "
                            "column), lon and lat columns, or an address column")
    errors: list[RowError] = []
    if geoms is not None or "wkt" in columns:
        shapes = table if geoms is None else replace(
            table, geometry=np.where(points, None, geoms))
        found, found_errors = _polygons(shapes, columns, opts, rows, file)
        outlines = pd.Series(found, dtype=object)
        errors += [e for e in found_errors if e.message != "empty geometry"]  # waits to be drawn
    if points.any() or (geoms is None and has_lonlat):
        located = replace(table, geometry=np.where(points, geoms, None)) if points.any() else table
        lon, lat, found_errors, unreadable = _points(located, columns, opts, rows, file)
        errors += [e for e in found_errors if not e.message.endswith("got nothing")]
        errors += [RowError(e.row, e.field, "lon and lat must be numbers") for e in unreadable]
    return outlines, np.asarray(lon, dtype=float), np.asarray(lat, dtype=float), errors


def _points(table: Table, columns: dict, opts: Options, rows, file: str):
    errors: list[RowError] = []
    warnings: list[RowError] = []
    if table.geometry is not None:
        geoms = np.asarray(table.geometry, dtype=object)
        is_point = np.array([g is not None and g.geom_type == "Point" for g in geoms])
        x = np.array([g.x if ok else np.nan for g, ok in zip(geoms, is_point)])
        y = np.array([g.y if ok else np.nan for g, ok in zip(geoms, is_point)])
        for i in np.flatnonzero(~is_point):
            got = "nothing" if geoms[i] is None else geoms[i].geom_type
            errors.append(RowError(int(rows[i]), "geometry", f"expected a point, got {got}"))
        field_name = "geometry"
    elif "lon" in columns and "lat" in columns:
        raw_x = table.frame[columns["lon"]].astype(str).str.strip()
        raw_y = table.frame[columns["lat"]].astype(str).str.strip()
        x, y = _numbers(raw_x), _numbers(raw_y)
        field_name = "lon/lat"
        # a case is still placed by its address, or kept unplaced: no coordinates is no error
        given = ((raw_x != "") | (raw_y != "")).to_numpy()
        for i in np.flatnonzero((np.isnan(x) | np.isnan(y)) & given):
            warnings.append(RowError(int(rows[i]), field_name,
                                     "lon and lat must be numbers: emptied", "warning"))
        x[np.isnan(y)], y[np.isnan(x)] = np.nan, np.nan
    elif "wkt" in columns:
        geoms = shapely.from_wkt(table.frame[columns["wkt"]].astype(str).to_numpy(), on_invalid="ignore")
        ok = np.array([g is not None and g.geom_type == "Point" for g in geoms])
        x = np.where(ok, shapely.get_x(np.where(ok, geoms, None)), np.nan)
        y = np.where(ok, shapely.get_y(np.where(ok, geoms, None)), np.nan)
        field_name = "wkt"
        for i in np.flatnonzero(~ok):
            errors.append(RowError(int(rows[i]), field_name, "not a WKT point"))
    elif "address" in columns:  # every case placed by its address
        x = y = np.full(len(rows), np.nan)
        field_name = "address"
    else:
        raise InputError.at(file, 1, "lon", "missing location: lon and lat columns, a WKT column, "
                            "an address column or a spatial file (--map lon=COLUMN --map lat=COLUMN)")
    crs = _source_crs(table, opts)
    valid = ~(np.isnan(x) | np.isnan(y))
    if crs is None or crs in coords.CHINESE_CRS or getattr(crs, "is_geographic", False):
        for i in np.flatnonzero(valid & _suspicious(x, y, opts.bbox)):
            problem = coords.lonlat_problem(x[i], y[i], opts.bbox)
            if problem:
                errors.append(RowError(int(rows[i]), field_name, problem))
    lon, lat = coords.to_wgs84_xy(x, y, crs)
    return lon, lat, errors, warnings


def _numbers(raw: pd.Series) -> np.ndarray:
    """Numbers from text, NaN where empty or unreadable (a new, writable array)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pa.array(raw, type=pa.large_string())
    try:  # Arrow's parser, a few times faster, reads a column of good numbers
        return pc.cast(pc.if_else(pc.equal(text, ""), None, text),
                       pa.float64()).to_numpy(zero_copy_only=False).copy()
    except pa.ArrowInvalid:  # a value it cannot read: pandas', which makes that one NaN
        return np.array(pd.to_numeric(raw, errors="coerce"), dtype=float)


def _suspicious(x: np.ndarray, y: np.ndarray, bbox) -> np.ndarray:
    """Cheap pre-test so that a million good points skip the full check."""
    if bbox is None:
        return np.ones(len(x), dtype=bool)
    minx, miny, maxx, maxy = bbox
    with np.errstate(invalid="ignore"):
        return ~((minx - 0.2 <= x) & (x <= maxx + 0.2) & (miny - 0.2 <= y) & (y <= maxy + 0.2))
