"""The whole view of a map page (scope, date, filters, layers, basemap, extent) as one value,
and its round trip through a URL's query parameters: the app keeps it in st.query_params and
the exports draw from the same state, so a link, the screen and a snapshot agree."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from geo import coverage, stats
from geo.i18n import LANGUAGES

LAYERS = ("sites", "clusters", "communities", "streets", "grids", "demonstration", "assignments",
          "addresses")
DEFAULT_LAYERS = ("sites", "clusters", "communities", "streets", "demonstration")
VIEWS = ("coverage", "cases", "placement", "import", "mine")  # the first: the default
PERIODS = ("this_month", "last_3_months", "this_year", "last_year", "custom")
STATUSES = (None, "open", "closed")
ESCALATIONS = (None, "community", "street", "district")
DISPLAYS = ("heat", "hexagon", "column")
CASE_LAYERS = ("heat", "hotspots", "communities")


@dataclass
class State:
    """The whole view, mirrored in st.query_params so that a link reproduces it."""

    lang: str = "zh"
    street: str | None = None
    community: str | None = None
    # the district's dates (stats.district_today), never the server's: no default
    as_of: dt.date = field(kw_only=True)
    today: dt.date = field(kw_only=True)
    compare: dt.date | None = None
    basemap: str = "osm"
    tiles: str | None = None  # the custom XYZ URL when basemap == "custom"
    layers: tuple[str, ...] = DEFAULT_LAYERS
    site: int | None = None
    center: tuple[float, float] | None = None
    zoom: float | None = None
    # the cases view
    page: str = "coverage"
    period: str = "this_year"
    date_from: dt.date | None = None  # when period == "custom"
    date_to: dt.date | None = None
    categories: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    status: str | None = None
    escalation: str | None = None
    display: str = "heat"
    case_layers: tuple[str, ...] = CASE_LAYERS
    month: str | None = None  # playback: one month (YYYY-MM) of the range on the heatmap

    @property
    def view(self) -> coverage.View:
        return coverage.View(self.street, self.community, as_of=self.as_of)

    @property
    def scope(self) -> stats.Scope:
        return stats.Scope(self.street, self.community)

    @property
    def compare_date(self) -> dt.date:
        """The date the KPIs are compared with: the user's, else one year before ``as_of``."""
        return self.compare or year_before(self.as_of)

    def date_range(self, today: dt.date) -> tuple[dt.date, dt.date]:
        return period_range(self.period, today, self.date_from, self.date_to)

    def case_filters(self, today: dt.date, *, month: bool = False) -> stats.CaseFilters:
        """The filters of the cases view; with ``month``, narrowed to the playback month."""
        lo, hi = self.date_range(today)
        if month and self.month:
            start = dt.date.fromisoformat(self.month + "-01")
            end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            lo, hi = max(lo, start), min(hi, end - dt.timedelta(days=1))
        return stats.CaseFilters(lo, hi, self.categories or None, self.sources or None,
                                 self.status, self.escalation)


def year_before(day: dt.date) -> dt.date:
    """The same day a year earlier (29 February: the 28th)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def period_range(period: str, today: dt.date, date_from: dt.date | None = None,
                 date_to: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The dates (inclusive) of a quick pick, or of the custom range."""
    if period == "this_month":
        return today.replace(day=1), today
    if period == "last_3_months":
        start = (today.replace(day=1) - dt.timedelta(days=62)).replace(day=1)
        return start, today
    if period == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    if period == "custom" and date_from and date_to:
        return min(date_from, date_to), max(date_from, date_to)
    return dt.date(today.year, 1, 1), today


def _date(text: str | None, default: dt.date | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else default
    except ValueError:
        return default


def _zoom(text: str | None) -> float | None:
    """A web-map zoom from the URL (quarter steps are the map's own; 1-20 only)."""
    try:
        zoom = float(text) if text else None
    except ValueError:
        return None
    return zoom if zoom is not None and 1 <= zoom <= 20 else None


def _choice(value, allowed: tuple, default=None):
    """A URL value from an allow-list (else the default: the first entry unless given)."""
    if value in allowed:
        return value
    return default if default is not None or None in allowed else allowed[0]


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(c for c in (value or "").split(",") if c)[:50]


def _is_month(value: str | None) -> bool:
    try:
        dt.date.fromisoformat(f"{value}-01")
        return True
    except (TypeError, ValueError):
        return False


def language(q: dict[str, str]) -> str:
    return q.get("lang", "zh") if q.get("lang") in LANGUAGES else "zh"


def from_query(q: dict[str, str], basemaps: tuple[str, ...], today: dt.date) -> State:
    """The state a URL's query parameters describe (unknown values fall back to defaults);
    ``basemaps`` are the names the basemap may take (layers.basemap.BASEMAPS); ``today`` is
    the district's (the date shown when the URL names none)."""
    center = None
    try:
        if "lat" in q and "lon" in q:
            center = (float(q["lat"]), float(q["lon"]))
    except ValueError:
        center = None
    layers = tuple(x for x in q.get("layers", ",".join(DEFAULT_LAYERS)).split(",") if x in LAYERS)
    basemap = q.get("basemap", os.environ.get("ATLAS_BASEMAP", "osm"))
    return State(
        lang=language(q),
        street=q.get("street") or None, community=q.get("community") or None,
        as_of=_date(q.get("as_of"), today), today=today, compare=_date(q.get("compare"), None),
        basemap=basemap if basemap in basemaps else "osm", layers=layers,
        tiles=q.get("tiles") or None,
        site=int(q["site"]) if q.get("site", "").isdigit() else None,
        center=center, zoom=_zoom(q.get("zoom")),
        page=_choice(q.get("view"), VIEWS), period=_choice(q.get("period"), PERIODS, "this_year"),
        date_from=_date(q.get("from"), None), date_to=_date(q.get("to"), None),
        categories=_codes(q.get("category")), sources=_codes(q.get("source")),
        status=_choice(q.get("status"), STATUSES), escalation=_choice(q.get("escalation"), ESCALATIONS),
        display=_choice(q.get("display"), DISPLAYS),
        case_layers=tuple(x for x in q.get("case_layers", ",".join(CASE_LAYERS)).split(",")
                          if x in CASE_LAYERS),
        month=q.get("month") if _is_month(q.get("month")) else None)


def to_query(s: State) -> dict[str, str]:
    """The query parameters of a state (only what differs from the defaults)."""
    values = {"lang": s.lang, "street": s.street, "community": s.community,
              "as_of": s.as_of.isoformat() if s.as_of != s.today else None,
              "compare": s.compare.isoformat() if s.compare else None, "basemap": s.basemap,
              "tiles": s.tiles if s.basemap == "custom" else None,
              "layers": ",".join(s.layers) if s.layers != DEFAULT_LAYERS else None,
              "site": str(s.site) if s.site else None,
              "lat": f"{s.center[0]:.5f}" if s.center else None,
              "lon": f"{s.center[1]:.5f}" if s.center else None,
              "zoom": f"{s.zoom:g}" if s.zoom else None,
              "view": s.page if s.page != "coverage" else None,
              "period": s.period if s.period != "this_year" else None,
              "from": s.date_from.isoformat() if s.period == "custom" and s.date_from else None,
              "to": s.date_to.isoformat() if s.period == "custom" and s.date_to else None,
              "category": ",".join(s.categories) or None, "source": ",".join(s.sources) or None,
              "status": s.status, "escalation": s.escalation,
              "display": s.display if s.display != "heat" else None,
              "case_layers": ",".join(s.case_layers) if s.case_layers != CASE_LAYERS else None,
              "month": s.month}
    return {k: v for k, v in values.items() if v is not None}
