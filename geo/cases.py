"""The case views' data: cases binned to cells, individual cases (masked), hotspots (Gi*),
figures beside the map and case rates by management mode. Binning runs in PostGIS; cells are
squares of the Web Mercator plane the maps are drawn in."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
import math
import warnings

import numpy as np
import pandas as pd

from geo import cubes, db, stats
from geo.cubes import CUBE_CELL
from geo.i18n import t
from geo.sql import cases as sql
from geo.stats import CaseFilters, Scope

EARTH_RADIUS = 6378137.0  # Web Mercator
COMMUNITY_CELL = 50  # metres of Web Mercator (about 40 m on the ground at 36° N)
POINT_LIMIT = 500
# The heatmap's fixed scale, stated in its legend: full colour at this many cases per month in
# a cell of the size drawn (a community's 50 m cells, a street's or the district's 200 m ones),
# whatever the date range, so that two maps of a level can be compared.
HEAT_FULL_SCALE = {COMMUNITY_CELL: 4.0, CUBE_CELL: 8.0}
# Gi* z-scores of the 90, 95 and 99 % confidence levels (two-sided).
SIGNIFICANCE = ((2.576, 99), (1.960, 95), (1.645, 90))


def cell_size(scope: Scope) -> int:
    """A community is binned finely from its cases; a street or the district coarsely from
    the cube of monthly cells."""
    return COMMUNITY_CELL if scope.community else CUBE_CELL


def cell_of(lon: float, lat: float, size: float) -> tuple[int, int]:
    x = EARTH_RADIUS * math.radians(lon)
    y = EARTH_RADIUS * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return math.floor(x / size), math.floor(y / size)


def cell_lonlat(x, y):
    """Web Mercator metres → (lon, lat) in degrees (arrays or scalars)."""
    lon = np.degrees(np.asarray(x, dtype=float) / EARTH_RADIUS)
    lat = np.degrees(2 * np.arctan(np.exp(np.asarray(y, dtype=float) / EARTH_RADIUS)) - np.pi / 2)
    return lon, lat


def cell_bounds(cx: int, cy: int, size: float) -> tuple[float, float, float, float]:
    """(west, south, east, north) of a cell in degrees."""
    (west, east), (south, north) = cell_lonlat([cx * size, (cx + 1) * size],
                                               [cy * size, (cy + 1) * size])
    return float(west), float(south), float(east), float(north)


def hex_bins(cells: pd.DataFrame, size: float, radius: float) -> pd.DataFrame:
    """The binned cells summed into flat-topped hexagons of ``radius`` (Web Mercator metres,
    like ``size``): lon/lat of each hexagon's centre and its cases. Computed here rather
    than by deck.gl's HexagonLayer, whose GPU aggregation drew nothing in software WebGL."""
    x = (cells["cx"].to_numpy(dtype=float) + 0.5) * size
    y = (cells["cy"].to_numpy(dtype=float) + 0.5) * size
    q = (2 / 3 * x) / radius
    r = (-x / 3 + math.sqrt(3) / 3 * y) / radius
    s = -q - r
    rq, rr, rs = np.round(q), np.round(r), np.round(s)  # cube rounding: the nearest hexagon
    dq, dr, ds = np.abs(rq - q), np.abs(rr - r), np.abs(rs - s)
    rq = np.where((dq > dr) & (dq > ds), -rr - rs, rq)
    rr = np.where(~((dq > dr) & (dq > ds)) & (dr > ds), -rq - rs, rr)
    binned = (pd.DataFrame({"q": rq, "r": rr, "cases": cells["cases"].to_numpy()})
              .groupby(["q", "r"], as_index=False)["cases"].sum())
    hx = radius * 1.5 * binned["q"].to_numpy()
    hy = radius * math.sqrt(3) * (binned["r"].to_numpy() + binned["q"].to_numpy() / 2)
    lon, lat = cell_lonlat(hx, hy)
    return binned.assign(lon=lon, lat=lat)[["lon", "lat", "cases"]]


def months_in(filters: CaseFilters, today: dt.date) -> float:
    """The calendar months the date range touches (for the per-month heat scale). A part of
    a month counts as a whole one: a week's cases are never extrapolated to a month's."""
    start = filters.date_from or today.replace(year=today.year - 3)
    end = max(min(filters.date_to or today, today), start)
    return float((end.year - start.year) * 12 + end.month - start.month + 1)


def _params(conn, scope: Scope, filters: CaseFilters, **extra) -> dict:
    with conn.cursor() as cur:
        params = stats.case_params(cur, scope, filters)
    conn.rollback()
    return {**params, **extra}


def bins(conn, scope: Scope, filters: CaseFilters) -> pd.DataFrame:
    """Cases per cell: cx, cy, lon and lat of the cell's centre, cases. A street or the district
    come from a monthly cube of cells: by status and level alone when no category or source
    is asked for (the district's partial months from its cells by day), else with them,
    unless a level-2 category asks for the cases themselves."""
    size = cell_size(scope)
    params = _params(conn, scope, filters, size=size)
    answer = cubes.answering("cells", district=params["district"], cell=size,
                             codes=bool(filters.categories or filters.sources),
                             level1_only=params["level1_only"])
    frame = db.frame(conn, sql.bins(answer), params)
    frame = frame[frame["cases"] > 0].astype({"cx": int, "cy": int, "cases": int})
    lon, lat = cell_lonlat((frame["cx"] + 0.5) * size, (frame["cy"] + 0.5) * size)
    return frame.assign(lon=lon, lat=lat).reset_index(drop=True)


def mask_name(name: str | None) -> str | None:
    """张三 → 张*: the surname stays."""
    if not isinstance(name, str) or not name:
        return None
    return name[0] + "*" * max(len(name) - 1, 1)


def mask_phone(phone: str | None) -> str | None:
    """13812345678 → 138****5678."""
    if not isinstance(phone, str) or not phone:
        return None
    digits = phone.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def points(conn, scope: Scope, filters: CaseFilters,
           box: tuple[float, float, float, float] | None = None, *,
           cell: tuple[int, int, float] | None = None, personal: bool = False,
           limit: int | None = None) -> pd.DataFrame:
    """The newest cases (at most ``limit``, default POINT_LIMIT) inside ``box`` (west, south,
    east, north), one ``cell`` (cx, cy, size) or, with neither, all of the scope's, those
    without a point included; reporters masked unless ``personal``."""
    cx, cy, size = cell if cell else (None, None, COMMUNITY_CELL)
    if cell:
        west, south, east, north = cell_bounds(cx, cy, size)
        pad = 1e-6  # the cell test decides; the box only narrows the scan
        box = (west - pad, south - pad, east + pad, north + pad)
    west, south, east, north = box or (None,) * 4
    frame = db.frame(conn, sql.POINTS, _params(
        conn, scope, filters, west=west, south=south, east=east, north=north, cx=cx, cy=cy,
        size=size, limit=limit or POINT_LIMIT, whole_district=scope == Scope()))
    if not personal:
        frame["reporter_name"] = [mask_name(n) for n in frame["reporter_name"]]
        frame["reporter_phone"] = [mask_phone(p) for p in frame["reporter_phone"]]
    return frame


def hotspots(cells: pd.DataFrame, size: float) -> pd.DataFrame:
    """Getis-Ord Gi* on the binned counts of the cells that hold cases, each cell's neighbours
    being the cells around it (queen contiguity). Returns the cells with z, p and ``level``:
    99, 95, 90 for hot spots, the negatives for cold spots, 0 when not significant."""
    from esda.getisord import G_Local
    from libpysal.weights import W

    cells = cells.reset_index(drop=True)
    out = cells.assign(z=np.nan, p=np.nan, level=0)
    if len(cells) < 9:
        return out
    index = {(x, y): i for i, (x, y) in enumerate(zip(cells["cx"], cells["cy"]))}
    neighbours = {i: [index[(x + dx, y + dy)] for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                      if (dx or dy) and (x + dx, y + dy) in index]
                  for (x, y), i in index.items()}
    with warnings.catch_warnings():  # islands of cells are expected, not a problem
        warnings.simplefilter("ignore", UserWarning)
        w = W(neighbours, silence_warnings=True)
        g = G_Local(cells["cases"].to_numpy(dtype=float), w, transform="B", star=True,
                    permutations=0)
    z = np.asarray(g.Zs, dtype=float)
    level = np.zeros(len(z), dtype=int)
    for threshold, confidence in reversed(SIGNIFICANCE):
        level[z >= threshold] = confidence
        level[z <= -threshold] = -confidence
    return out.assign(z=z, p=np.asarray(g.p_norm, dtype=float), level=level)


def figures(conn, scope: Scope, filters: CaseFilters) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    """The scope's figures (``stats cases``), its cases per month and level-1 category (long
    form: month, category, cases) and its rates per month (month, closed_share,
    satisfaction_rate: None where no case of the month was rated), from one query."""
    whole, *months = stats.cases(conn, scope, filters, by="month", total=True)
    monthly = pd.DataFrame([(m["code"], category, n) for m in months
                            for category, n in sorted(m["by_category"].items())],
                           columns=["month", "category", "cases"])
    rates = pd.DataFrame([(m["code"], m["closed"] / m["cases"] if m["cases"] else None,
                           m["satisfaction_rate"]) for m in months],
                         columns=["month", "closed_share", "satisfaction_rate"])
    return whole, monthly, rates


def _site_params(conn, scope: Scope, filters: CaseFilters, today: dt.date) -> dict:
    """The bound parameters of the site queries: a range bounded (a row per quarter; three
    years to today when open) and ``quarters``, the first days of the quarters it touches."""
    if not filters.date_from or not filters.date_to:
        filters = replace(filters, date_from=filters.date_from or today.replace(year=today.year - 3),
                          date_to=filters.date_to or today)
    params = _params(conn, scope, filters)
    lo, hi = params["lo"], params["hi"]
    first = dt.date(lo.year, (lo.month - 1) // 3 * 3 + 1, 1)
    months = range(first.month - 1, (hi.year - first.year) * 12 + hi.month - 1 + (hi.day > 1), 3)
    return {**params, "quarters": [dt.date(first.year + m // 12, m % 12 + 1, 1) for m in months]}


def site_case_rates(conn, scope: Scope, filters: CaseFilters, today: dt.date, *,
                    top: int = 10) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The residential sites with the most cases per 100 households in the range (with their
    closed share, satisfaction rate, None without ratings, and cases rated), and the
    case rate per 100 households per quarter by management mode (the site's mode on the
    quarter's first day) with rows for ``managed`` (every mode but none) and ``all``."""
    params = _site_params(conn, scope, filters, today)
    answer = cubes.answering("sites", district=params["district"], community=bool(scope.community),
                             codes=bool(filters.categories or filters.sources),
                             level1_only=params["level1_only"])
    rows = db.frame(conn, sql.site_case_rates(answer.whole, stats.complemented_edges(params)),
                    {**params, "top": top})
    site_rows = rows[rows["kind"] == "site"]  # sorted again below: a union keeps no order
    top_sites = pd.DataFrame({
        "id": site_rows["site_id"].astype(int), "name": site_rows["name"],
        "community": site_rows["community"], "households": site_rows["households"].astype(int),
        "cases": site_rows["cases"].astype(int), "rated": site_rows["rated"].astype(int),
        "cases_per_100": (100.0 * site_rows["cases"] / site_rows["households"]).round(2),
        "closed_share": site_rows["closed"] / site_rows["cases"],
        "satisfaction_rate": [s / r if r else None
                              for s, r in zip(site_rows["satisfied"], site_rows["rated"])],
    }).sort_values(["cases_per_100", "cases", "id"], ascending=[False, False, True])
    rates = rows.loc[rows["kind"] == "mode", ["quarter", "mode", "sites", "households", "cases"]
                     ].astype({"sites": int, "households": int, "cases": int})
    rates["rate"] = 100.0 * rates["cases"] / rates["households"].where(rates["households"] > 0)
    return (top_sites.reset_index(drop=True),
            rates.sort_values(["quarter", "mode"]).reset_index(drop=True))


@dataclass(frozen=True)
class Figure:
    """One of the case figures as every view shows it: label, value, what it counts (the
    denominator) and a note (how many were rated)."""
    key: str
    label: str
    value: str
    counts: str
    note: str | None = None

    @property
    def text(self) -> str:
        """The value with its note, as a table's cell shows it."""
        return self.value + (f" ({self.note})" if self.note else "")


def _share(part: int, whole: int) -> str:
    return share_text(part / whole if whole else None)


def share_text(share: float | None) -> str:
    return "–" if share is None or share != share else f"{share:.1%}"


def satisfaction_text(rate: float | None, lang: str) -> str:
    """满意率 as shown: "no ratings" where none was rated, never 0 %."""
    return t("no_ratings", lang) if rate is None else f"{rate:.1%}"


def hours_text(median: float | None) -> str:
    return "–" if median is None else f"{median:.1f} h"


def case_figures(summary: dict, lang: str) -> list[Figure]:
    """The figures of a scope's cases (``stats.cases``'s object) in the order the cards, the
    atlas and the briefing show them: count, the three rates, escalation shares."""
    n, esc = summary["cases"], summary["by_escalation"]
    rated = summary["rated"]

    def figure(key: str, value: str, note: str | None = None) -> Figure:
        return Figure(key, t(key, lang), value, t(f"{key}_counts", lang), note)

    return [figure("fig_cases", f"{n:,}"),
            figure("fig_closed_share", _share(summary["closed"], n)),
            figure("fig_satisfaction", satisfaction_text(summary["satisfaction_rate"], lang),
                   t("fig_rated_note", lang).format(n=f"{rated:,}")),
            figure("fig_median_hours", hours_text(summary["median_hours_to_close"])),
            figure("fig_escalated_street", _share(esc["street"], n)),
            figure("fig_escalated_district", _share(esc["district"], n))]
