"""Tables of a view: the coverage by community, the gap list and the filtered cases, as CSV,
XLSX, GeoJSON or GeoPackage."""
from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import cases, coverage, labels, places, stats
from geo.errors import InputError
from geo.export import check_out
from geo.viewstate import State

TABLE_FORMATS = (".csv", ".xlsx", ".geojson", ".gpkg")
TABLE_VIEWS = ("coverage", "gaps", "cases")


def coverage_table(conn, s: State) -> gpd.GeoDataFrame:
    """Coverage by community (the rows and figures of `stats coverage --by community`), with
    the street and the community's outline."""
    rows = stats.coverage(conn, s.scope, by="community", as_of=s.as_of)
    frame = pd.DataFrame([{k: v for k, v in r.items() if k != "by_mode"}
                          | {f"mode_{m}": n for m, n in r["by_mode"].items()} for r in rows])
    shapes = coverage.communities(conn, s.view)[["code", "street_code", "geometry"]]
    return gpd.GeoDataFrame(frame.merge(shapes, on="code", how="left"), geometry="geometry",
                            crs=4326)


def gaps_table(conn, s: State) -> gpd.GeoDataFrame:
    gaps = coverage.gaps(conn, s.view, limit=100_000)
    shapes = coverage.sites(conn, s.view)[0][["id", "geometry"]]
    return gpd.GeoDataFrame(gaps.merge(shapes, on="id", how="left"), geometry="geometry", crs=4326)


def cases_table(conn, s: State, *, public: bool, personal: bool = False) -> gpd.GeoDataFrame:
    """The filtered cases (personal data masked unless ``personal``), or with ``public`` their
    counts per cell with no personal field at all."""
    with conn.cursor() as cur:
        today = stats.district_today(cur)
    conn.rollback()
    f = s.case_filters(today)
    if public:
        cells = cases.bins(conn, s.scope, f)
        size = cases.cell_size(s.scope)
        from shapely.geometry import box

        shapes = [box(*cases.cell_bounds(x, y, size)) for x, y in zip(cells["cx"], cells["cy"])]
        return gpd.GeoDataFrame(cells.drop(columns=["lon", "lat"]).assign(cell_m=size),
                                geometry=shapes, crs=4326)
    frame = cases.points(conn, s.scope, f, limit=10_000_000, personal=personal)
    frame = frame.drop(columns=["id", "category", "category_en"])
    # a case placed by its community's name only, or nowhere, is listed without a point
    points = gpd.GeoSeries(gpd.points_from_xy(frame["lon"], frame["lat"]), crs=4326)
    return gpd.GeoDataFrame(frame.drop(columns=["lon", "lat"]),
                            geometry=points.where(frame["lon"].notna().to_numpy(), None))


def export_table(conn, s: State, view: str, out: Path, *, public: bool = False,
                 personal: bool = False) -> int:
    """Write a table; returns its number of rows. Reporters' data is masked unless
    ``personal`` (a user who may see it), and absent with ``public``."""
    out = check_out(out, TABLE_FORMATS)
    if view not in TABLE_VIEWS:
        raise InputError(f"--view: tables are coverage, gaps or cases, not '{view}'")
    frame = {"coverage": lambda: coverage_table(conn, s), "gaps": lambda: gaps_table(conn, s),
             "cases": lambda: cases_table(conn, s, public=public, personal=personal)}[view]()
    write_table(frame, out, lambda table: for_people(conn, table, s.lang))
    return len(frame)


# fractions shown as percentages, and the decimals kept of other figures (one by default)
PERCENT = ("rate", "rate_households")
DECIMALS = {"priority": 2}


def for_people(conn, table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A table for a spreadsheet: headers in words, names not codes, rates as percentages,
    figures rounded; identifiers (codes of places, external ids) stay."""
    table = table.drop(columns=[c for c in ("id",) if c in table.columns]).copy()
    for column in table.columns:
        if column in PERCENT:
            table[column] = (100 * table[column]).round(1)
        elif pd.api.types.is_float_dtype(table[column]):
            table[column] = table[column].round(DECIMALS.get(column, 1))
    with conn.cursor() as cur:
        zone = stats.district_timezone(cur)
    conn.rollback()
    shown = labels.readable(table, lang, names=places.code_names(conn, lang), tz=zone)
    shown.columns = [f"{c}（%）" if lang == "zh" and o in PERCENT else f"{c} (%)" if o in PERCENT
                     else c for c, o in zip(shown.columns, table.columns)]
    return shown


def write_table(frame: gpd.GeoDataFrame, out: Path,
                for_people: Callable[[pd.DataFrame], pd.DataFrame] = lambda t: t) -> None:
    """GeoJSON and GeoPackage keep the data's own columns and codes (for GIS); CSV and XLSX
    are read by people: ``for_people`` makes their table."""
    suffix = out.suffix.lower()
    if suffix in (".geojson", ".gpkg"):
        plain = frame.copy()
        for col in plain.columns:
            if col != plain.geometry.name and plain[col].dtype == object:
                plain[col] = plain[col].map(lambda v: v if v is None or isinstance(v, str) else str(v))
        points = plain.geom_type.eq("Point").to_numpy()
        if suffix == ".gpkg" and points.any() and not points.all():
            # sites with an outline and sites whose outline waits to be drawn: a layer each
            plain[~points].to_file(out, driver="GPKG", layer=out.stem, engine="pyogrio")
            plain[points].to_file(out, driver="GPKG", layer=f"{out.stem}_to_draw",
                                  engine="pyogrio", mode="a")
            return
        plain.to_file(out, driver="GeoJSON" if suffix == ".geojson" else "GPKG",
                      engine="pyogrio")
        return
    table = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    for col in table.columns:  # naive local times and plain numbers for spreadsheets
        if isinstance(table[col].dtype, pd.DatetimeTZDtype):
            table[col] = table[col].dt.tz_localize(None)
    table = for_people(table)
    if suffix == ".csv":
        table.to_csv(out, index=False, encoding="utf-8-sig")  # the BOM: Excel reads UTF-8
        return
    _xlsx(table, out)


def _xlsx(table: pd.DataFrame, out: Path) -> None:
    """Header styled, first row frozen, columns sized to their content."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.append(list(table.columns))
    for row in table.itertuples(index=False):
        ws.append([None if (isinstance(v, float) and math.isnan(v)) else v for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="305496")
    ws.freeze_panes = "A2"
    for i, col in enumerate(table.columns, start=1):
        values = [str(col)] + [str(v) for v in table[col].head(500)]
        width = max(len(v.encode("gbk", "replace")) for v in values)  # CJK counts double
        ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 6), 60)
    wb.save(out)
