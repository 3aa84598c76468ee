"""Coverage and case figures for a scope, computed in PostGIS (DESIGN.md's `stats` JSON)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geo import cubes, db
from geo.errors import InputError
from geo.importing.fields import ESCALATIONS, LOCATED_BY, MODES, RESIDENTIAL_KINDS
from geo.sql import cases as cases_sql
from geo.sql import coverage as coverage_sql
from geo.sql import places as places_sql


@dataclass(frozen=True)
class Scope:
    """The district (both None), one street or one community."""

    street: str | None = None
    community: str | None = None


@dataclass(frozen=True)
class CaseFilters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    categories: tuple[str, ...] | list[str] | None = None
    sources: tuple[str, ...] | list[str] | None = None
    status: str | None = None
    escalation: str | None = None


def _check_codes(cur, table: str, option: str, codes) -> None:
    """An unknown code is the user's mistake: name the option and the value."""
    if not codes:
        return
    known = {r[0] for r in db.run(cur, places_sql.codes_among(table), (list(codes),)).fetchall()}
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise InputError(f"{option}: unknown code '{unknown[0]}'")


def check_scope(cur, scope: Scope) -> None:
    if scope.street:
        _check_codes(cur, "streets", "--street", [scope.street])
    if scope.community:
        _check_codes(cur, "communities", "--community", [scope.community])


def scope_communities(cur, scope: Scope) -> list[str]:
    """The codes of the scope's communities (every query on cases is bounded by them)."""
    db.run(cur, cases_sql.SCOPE_COMMUNITIES, {"street": scope.street, "community": scope.community})
    return [r[0] for r in cur.fetchall()]


def district_timezone(cur) -> str:
    row = db.run(cur, cases_sql.DISTRICT_TIMEZONE).fetchone()
    return row[0] if row else "Asia/Shanghai"


def district_today(cur) -> dt.date:
    """Today in the district's time zone (the default "as of")."""
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo(district_timezone(cur))).date()


def _rate(num: int, den: int) -> float | None:
    return num / den if den else None


def coverage(conn, scope: Scope, *, kinds=None, by: str | None = None,
             as_of: dt.date | None = None) -> list[dict]:
    """Coverage of residential sites (or ``kinds``) as of a date, for the scope or per group."""
    if by not in coverage_sql.GROUPS:
        raise InputError(f"--by: coverage is reported by street or community, not '{by}'")
    with conn.cursor() as cur:
        check_scope(cur, scope)
        params = {"street": scope.street, "community": scope.community,
                  "kinds": list(kinds or RESIDENTIAL_KINDS), "as_of": as_of or district_today(cur)}
        db.run(cur, coverage_sql.query(by), params)
        rows = cur.fetchall()
    conn.rollback()
    out = []
    for code, name, sites, managed, hh, managed_hh, *modes, outlined in rows:
        out.append({
            "code": code, "name": name, "sites": sites, "managed": managed,
            "households": int(hh), "managed_households": int(managed_hh),
            "rate": _rate(managed, sites), "rate_households": _rate(int(managed_hh), int(hh)),
            "by_mode": dict(zip(MODES, modes)), "outlined": outlined,
        })
    return out


def _next_month(day: dt.date) -> dt.date:
    if day >= dt.date(9999, 12, 1):  # the end of dates: as good as the next month
        return dt.date.max
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def month_bounds(date_from: dt.date | None, date_to: dt.date | None, *,
                 whole_first: bool = False, whole_last: bool = False) -> dict:
    """Local-day bounds [lo, hi) of a date range and the whole months [full_from, full_to)
    inside it (empty when the range lies within one month). ``whole_first`` / ``whole_last``:
    the partial month at that end holds no case outside the range, so it counts as whole.
    [month_start, lo) and [hi, month_end): the rest of the partial months' months."""
    lo = date_from or dt.date(1, 1, 1)
    hi = date_to + dt.timedelta(days=1) if date_to else dt.date(9999, 12, 1)
    full_from = lo.replace(day=1) if lo.day == 1 or whole_first else _next_month(lo)
    full_to = hi if hi.day == 1 else _next_month(hi) if whole_last else hi.replace(day=1)
    if full_from >= full_to:
        full_from = full_to = lo
    return {"lo": lo, "hi": hi, "full_from": full_from, "full_to": full_to,
            "month_start": lo.replace(day=1), "month_end": hi if hi.day == 1 else _next_month(hi)}


def complemented_edges(bounds: dict) -> tuple[bool, bool]:
    """Whether each partial month at the ends of ``bounds`` (month_bounds) is longer than the
    rest of its month, which is then the fewer cases to read: the whole month from a cube
    less that rest."""
    lo, hi, full_from, full_to, month_start, month_end = (bounds[k] for k in (
        "lo", "hi", "full_from", "full_to", "month_start", "month_end"))
    spans = full_from < full_to  # else the range is read from the cases alone
    first = spans and lo < full_from and lo - month_start < full_from - lo
    last = spans and full_to < hi and month_end - hi < hi - full_to
    return first, last


def _case_bounds(cur, filters: CaseFilters, communities: list[str], tz: str) -> dict:
    """The bounds of the filters' date range, a partial month at either end counted whole when
    the scope has no case in it outside the range: the month in progress when the range runs
    to today (every quick pick), or the month before the first case. Whole months come from
    the pre-aggregates; a partial month is read from the cases (for the whole district, a
    month is ~280,000 of them at 10 M cases)."""
    plain = month_bounds(filters.date_from, filters.date_to)
    lo, hi = plain["lo"], plain["hi"]
    if lo.day == 1 and hi.day == 1:
        return plain
    db.run(cur, cases_sql.NONE_OUTSIDE, {**plain, "communities": communities, "tz": tz})
    before, after = cur.fetchone()
    return month_bounds(filters.date_from, filters.date_to, whole_first=before, whole_last=after)


def case_params(cur, scope: Scope, filters: CaseFilters) -> dict:
    """Check a scope and filters (an unknown code or a reversed range is the user's mistake)
    and return the bound parameters every case query takes, with ``district`` (the scope is
    the whole district and the user sees all of it: the district's aggregates may answer),
    ``whole_street`` (the same for a whole street) and ``level1_only`` (no category filter, or
    level-1 categories only)."""
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise InputError(f"--from: {filters.date_from} is after --to {filters.date_to}")
    check_scope(cur, scope)
    _check_codes(cur, "case_categories", "--category", filters.categories)
    _check_codes(cur, "case_sources", "--source", filters.sources)
    tz, communities = district_timezone(cur), scope_communities(cur, scope)
    params = {
        "street": scope.street, "community": scope.community, "tz": tz,
        "communities": communities,
        "categories": list(filters.categories) if filters.categories else None,
        "sources": list(filters.sources) if filters.sources else None,
        "status": filters.status, "escalation": filters.escalation,
        **_case_bounds(cur, filters, communities, tz),
    }
    db.run(cur, cases_sql.CODE_BOUNDS, {**params, "whole_district": scope == Scope()})
    (params["code_l1s"], params["code_sources"], params["level1_only"],
     params["category_codes"], params["district"], params["whole_street"]) = cur.fetchone()
    return params


def cases(conn, scope: Scope, filters: CaseFilters, *, by: str | None = None,
          total: bool = False) -> list[dict]:
    """Case counts, closed, median hours to close, cases rated and the satisfied share of
    them, level-1 categories and escalation levels,
    for the scope or per group; with ``total`` (and ``by``), the scope's first, then its groups
    without their median, from one reading of the cases."""
    if by not in cases_sql.GROUPINGS:
        raise InputError(f"--by: cases are reported by community, site, category, source "
                         f"or month, not '{by}'")
    with conn.cursor() as cur:
        params = case_params(cur, scope, filters)
        codes = bool(filters.categories or filters.sources)
        total = total or by is None
        db.run(cur, cases_sql.query(
            by, cubes.answering("counts", district=params["district"], by=by),
            cubes.answering("hours", district=params["district"], street=params["whole_street"],
                            by=by, codes=codes, level1_only=params["level1_only"]),
            total=total and by is not None), params)
        rows = cur.fetchall()
        names = {}
        if by in cases_sql.NAMES and rows:
            db.run(cur, cases_sql.NAMES[by], ([r[0] for r in rows if r[0] is not None],))
            names = dict(cur.fetchall())
        if total:
            code, name = scope_label(cur, scope)
        # for those who see the whole district (only they see cases placed nowhere)
        unplaced = (db.run(cur, cases_sql.UNPLACED, params).fetchone()[0]
                    if total and params["district"] else None)
    conn.rollback()
    groups = [_figures(code, names.get(code, code), *row)
              for code, *row in rows if code is not None]
    if not total:
        return groups
    whole = [row for row in rows if row[0] is None]
    scope_row = _figures(code, name, *(whole[0][1:] if whole else (0, 0, 0, 0, None, {}, {}, {})))
    if unplaced is not None:  # the district's: the cases no address placed, not in "cases"
        scope_row["unplaced"] = int(unplaced)
    return [scope_row, *groups]


def _figures(code: str, name: str, n: int, closed: int, rated: int, satisfied: int, median,
             cats: dict | None, escalations: dict | None, located: dict | None) -> dict:
    return {"code": code, "name": name, "cases": n, "closed": closed,
            "median_hours_to_close": _float(median), "rated": int(rated),
            "satisfaction_rate": _rate(int(satisfied), int(rated)), "by_category": cats or {},
            "by_escalation": _escalations(escalations),
            "by_located": {how: int((located or {}).get(how, 0)) for how in LOCATED_BY}}


def _escalations(counts: dict | None) -> dict:
    """Cases by the level that resolved them (all three levels always present)."""
    counts = counts or {}
    return {level: int(counts.get(level, 0)) for level in ESCALATIONS}


def case_count(conn, scope: Scope, date_from: dt.date | None, date_to: dt.date | None) -> int:
    """The number of cases of the scope reported in a date range (whole local days)."""
    with conn.cursor() as cur:
        params = {"street": scope.street, "community": scope.community,
                  "communities": scope_communities(cur, scope),
                  "tz": district_timezone(cur), **month_bounds(date_from, date_to)}
        db.run(cur, cases_sql.count(cubes.answering("counts", district=False)), params)
        n = cur.fetchone()[0]
    conn.rollback()
    return int(n)


def _float(value) -> float | None:
    return None if value is None else float(value)


def scope_label(cur, scope: Scope) -> tuple[str, str]:
    level = "community" if scope.community else "street" if scope.street else "district"
    code = scope.community or scope.street
    row = db.run(cur, cases_sql.SCOPE_LABEL[level], (code,) if code else None).fetchone()
    return (row[0], row[1]) if row else ("", "")
