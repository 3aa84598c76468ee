"""我的 (My places): the places a person answers for on a day (a district leader's 包联
communities, a street cadre's sites and grids, a worker's sites) and each place's figures:
coverage and open gaps, cases since a moment, the period's rates, overdue and escalated
cases, hot spots."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geo import db, stats
from geo.cases import Figure, case_figures, share_text
from geo.errors import InputError
from geo.i18n import t
from geo.sql import myplaces as sql

OVERDUE_DAYS = 15  # default of the setting overdue_days: an open case older than this is overdue
FIRST_VISIT_DAYS = 30  # the first visit shows the cases of the last 30 days
HOT_SITES = 3


@dataclass(frozen=True)
class Person:
    external_id: str
    name: str
    role: str
    title: str | None

    def label(self, lang: str) -> str:
        """Name and title (the role's name when no title is recorded)."""
        return f"{self.name} · {self.title or t(f'role_{self.role}', lang)}"


@dataclass(frozen=True)
class Place:
    kind: str  # community, grid or site
    name: str
    street_code: str
    community_code: str
    community_name: str
    site_id: int | None = None
    grid_code: str | None = None

    @property
    def title(self) -> str:
        """The place's name, with its community's for a site or a grid."""
        return self.name if self.kind == "community" else f"{self.name} · {self.community_name}"

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.site_id or self.grid_code or self.community_code}"

    def params(self) -> dict:
        return {"community": self.community_code, "site": self.site_id, "grid": self.grid_code}


def person(conn, external_id: str) -> Person:
    row = db.row(conn, sql.PERSON, (external_id,))
    if row is None:
        raise InputError(f"--person: unknown person '{external_id}'")
    return Person(*row)


def _rows(conn, query, params: dict) -> list[tuple]:
    """All rows as tuples, a missing value as None."""
    with conn.cursor() as cur:
        rows = db.run(cur, query, params).fetchall()
    conn.rollback()
    return rows


def people(conn, as_of: dt.date) -> list[Person]:
    """Everyone with a place on ``as_of`` (whom the open demo can view the page as)."""
    return [Person(*row) for row in _rows(conn, sql.PEOPLE, {"as_of": as_of})]


def places(conn, external_id: str, as_of: dt.date) -> list[Place]:
    """The person's assignments valid on ``as_of`` (valid_from <= day < valid_to)."""
    return [Place(*row) for row in _rows(conn, sql.PLACES,
                                         {"person": external_id, "as_of": as_of})]


def figures(conn, place: Place, *, since: dt.datetime, date_from: dt.date, today: dt.date,
            overdue_days: int = OVERDUE_DAYS, now: dt.datetime | None = None) -> dict:
    """A place's figures: ``sites`` (residential, managed, compounds, compounds with an
    owners' committee, the names of unmanaged open courtyards and of sites without a cadre),
    ``cases`` (the period from ``date_from`` to ``today`` in the shape of stats.cases:
    cases, closed, rated, satisfaction_rate, median_hours_to_close, by_escalation),
    ``since_visit`` (cases reported since ``since``), ``overdue`` (open cases reported more
    than ``overdue_days`` ago), ``hot_sites`` (the sites with the most cases in the period)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    with conn.cursor() as cur:
        tz = stats.district_timezone(cur)
    conn.rollback()
    params = {**place.params(), "as_of": today, "tz": tz, "since": since, "lo": date_from,
              "hi": today + dt.timedelta(days=1),
              "overdue_before": now - dt.timedelta(days=overdue_days), "limit": HOT_SITES}
    with conn.cursor() as cur:
        sites = _named(db.run(cur, sql.SITES, params))
        c = _named(db.run(cur, sql.CASES, params))
        hot = [] if place.site_id else db.run(cur, sql.HOT_SITES, params).fetchall()
    conn.rollback()
    median = c["median_hours"]
    return {
        "sites": sites,
        "cases": {"cases": c["cases"], "closed": c["closed"], "rated": c["rated"],
                  "satisfaction_rate": c["satisfied"] / c["rated"] if c["rated"] else None,
                  "median_hours_to_close": None if median is None else float(median),
                  "by_escalation": {level: c[level]
                                    for level in ("community", "street", "district")}},
        "since_visit": c["since_visit"], "overdue": c["overdue"], "hot_sites": hot,
    }


def _named(cur) -> dict:
    """The one row of a cursor by its column names."""
    return dict(zip((d.name for d in cur.description), cur.fetchone()))


def place_figures(f: dict, lang: str, overdue_days: int, since_label: str) -> list[Figure]:
    """A place's figures (``figures``) as the page's cards and the briefing show them: new,
    period's, overdue and escalated cases; the three rates; coverage and open gaps."""
    c, sites = f["cases"], f["sites"]

    def figure(key: str, value: str, counts: str | None = None, note: str | None = None):
        return Figure(key, t(key, lang), value, counts or t(f"{key}_counts", lang), note)

    rates = [x for x in case_figures(c, lang)
             if x.key in ("fig_closed_share", "fig_satisfaction", "fig_median_hours")]
    return [
        figure("places_new_cases", f"{f['since_visit']:,}", since_label),
        figure("places_period_cases", f"{c['cases']:,}"),
        figure("places_overdue", f"{f['overdue']:,}",
               t("places_overdue_counts", lang).format(days=overdue_days)),
        figure("places_escalated", f"{c['by_escalation']['district']:,}"),
        *rates,
        figure("places_coverage", share_text(sites["managed"] / sites["residential"]
                                             if sites["residential"] else None),
               note=f"{sites['managed']}/{sites['residential']}"),
        figure("places_unmanaged_courtyards", f"{len(sites['unmanaged_courtyards'])}"),
        figure("places_without_cadre", f"{len(sites['without_cadre'])}"),
    ]


def place_notes(f: dict, lang: str, most: int = 8) -> list[str]:
    """The names behind a place's open gaps and its hot spots, a line each."""
    sites, lines = f["sites"], []
    for key, names in (("places_unmanaged_courtyards", sites["unmanaged_courtyards"]),
                       ("places_without_cadre", sites["without_cadre"])):
        if names:
            more = t("and_more", lang).format(n=len(names) - most) if len(names) > most else ""
            lines.append(f"{t(key, lang)}: {'、'.join(names[:most])}{more}")
    if f["hot_sites"]:
        lines.append(t("places_hot_sites", lang) + ": " + "、".join(
            f"{name} ({n:,})" for _, name, n in f["hot_sites"]))
    return lines
