"""Data behind the coverage map and its panels: PostGIS queries → frames sized for the screen."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
import shapely

from geo.sql import coverage as sql
from geo import db, stats

SITE_LIMIT = 20_000  # polygons drawn at most; the district level shows communities instead
ADDRESS_LIMIT = 20_000  # doorplates drawn at most, of a street or a community
LIST_LIMIT = 500


@dataclass(frozen=True)
class View:
    """The state a map view is drawn from: scope and date (the URL holds the same)."""

    street: str | None = None
    community: str | None = None
    as_of: dt.date = field(kw_only=True)  # the district's date: never the server's default

    def params(self, **extra) -> dict:
        return {"street": self.street, "community": self.community, "as_of": self.as_of, **extra}

    @property
    def level(self) -> str:
        return "community" if self.community else "street" if self.street else "district"


def tolerance(level: str) -> float:
    """Simplification in degrees for the level shown: about 20 m, 5 m, 1 m."""
    return {"district": 0.0002, "street": 0.00005, "community": 0.00001}[level]


def _geo(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    geoms = shapely.from_wkb([bytes(g) for g in frame["geom"]]) if len(frame) else []
    return gpd.GeoDataFrame(frame.drop(columns="geom"), geometry=list(geoms), crs=4326)


def streets(conn, view: View) -> gpd.GeoDataFrame:
    """The streets' outlines, simplified for the level shown like the communities: at the
    district's 20 m a street's line ran through a zoomed-in community's sites."""
    return _geo(db.frame(conn, sql.STREETS, view.params(tolerance=tolerance(view.level))))


def communities(conn, view: View) -> gpd.GeoDataFrame:
    frame = _geo(db.frame(conn, sql.COMMUNITIES, view.params(tolerance=tolerance(view.level))))
    frame["rate"] = frame["managed"] / frame["sites"].where(frame["sites"] > 0)
    return frame


def grids(conn, view: View) -> gpd.GeoDataFrame:
    return _geo(db.frame(conn, sql.GRIDS, view.params(tolerance=tolerance(view.level))))


def sites(conn, view: View, limit: int = SITE_LIMIT) -> tuple[gpd.GeoDataFrame, bool]:
    """Sites of the scope with their mode on the date, and whether the list was truncated."""
    frame = _geo(db.frame(conn, sql.SITES, view.params(tolerance=tolerance(view.level),
                                                     limit=limit + 1)))
    return frame.iloc[:limit], len(frame) > limit


WORLD = (-180.0, -85.0, 180.0, 85.0)


def extent(conn, view: View) -> tuple[float, float, float, float]:
    """The view's communities' extent; the district's when it has none (a scope without
    communities yet), and the whole world before any boundary is imported."""
    row = db.row(conn, sql.EXTENT, view.params())
    return tuple(row) if row and row[0] is not None else WORLD


def site_extent(conn, site_id: int) -> tuple[float, float, float, float] | None:
    row = db.row(conn, sql.SITE_EXTENT, {"id": site_id})
    return tuple(row) if row else None


def search_sites(conn, text: str, view: View) -> pd.DataFrame:
    """Sites whose name holds ``text`` (or whose id is it), those of the view's scope first
    (``in_scope``)."""
    return db.frame(conn, sql.SEARCH_SITES, {"text": text.strip()[:100], "street": view.street,
                                             "community": view.community})


def gaps(conn, view: View, limit: int = LIST_LIMIT) -> pd.DataFrame:
    # numeric columns as floats: a site without households has no rate (NULL, not a Decimal)
    return db.frame(conn, sql.GAPS, view.params(limit=limit)).astype(
        {"cases_per_100": float, "priority": float})


def sites_without_cadre(conn, view: View, limit: int = LIST_LIMIT) -> pd.DataFrame:
    return db.frame(conn, sql.SITES_WITHOUT_CADRE, view.params(limit=limit))


def communities_without_leader(conn, view: View) -> pd.DataFrame:
    return db.frame(conn, sql.COMMUNITIES_WITHOUT_LEADER, view.params())


def kpis(conn, view: View) -> dict:
    k = db.frame(conn, sql.KPIS, view.params()).iloc[0].to_dict()
    k["cases_this_year"] = stats.case_count(conn, stats.Scope(view.street, view.community),
                                            view.as_of.replace(month=1, day=1), view.as_of)

    def rate(num, den):
        return num / den if den else None

    return {
        "compound_rate": rate(k["compounds_managed"], k["compounds"]),
        "compound_rate_households": rate(k["compound_households_managed"], k["compound_households"]),
        "courtyard_rate": rate(k["courtyards_managed"], k["courtyards"]),
        "courtyard_rate_households": rate(k["courtyard_households_managed"], k["courtyard_households"]),
        # over residential compounds, as the district's own figure (业委会组建率) counts them;
        # open courtyards have their own
        "committee_rate": rate(k["compounds_with_committee"], k["compounds"]),
        "party_org_rate": rate(k["compounds_with_party_org"], k["compounds"]),
        "courtyard_committee_rate": rate(k["courtyards_with_committee"], k["courtyards"]),
        "courtyard_party_org_rate": rate(k["courtyards_with_party_org"], k["courtyards"]),
        "clusters_with_party_org": k["clusters_with_party_org"],
        "clusters": k["clusters"],
        "cases_this_year": k["cases_this_year"],
        "by_mode": {m: k[m] for m in ("commercial", "self_managed", "scenic_co_managed",
                                      "enterprise_embedded", "none")},
        "sites": k["sites"], "outlined": k["outlined"],  # the map's drawing progress
    }


def trend(conn, view: View, start: dt.date = dt.date(2024, 1, 1)) -> pd.DataFrame:
    """Coverage of residential sites on the first of each month since ``start``."""
    frame = db.frame(conn, sql.TREND, view.params(start=start, end=view.as_of))
    frame["rate"] = frame["managed"] / frame["sites"].where(frame["sites"] > 0)
    frame["rate_households"] = frame["managed_households"] / frame["households"].where(
        frame["households"] > 0)
    return frame


def community_at(conn, lon: float, lat: float) -> tuple[str, str] | None:
    """(street code, community code) of the community at a point, or None."""
    row = db.row(conn, sql.COMMUNITY_AT_POINT, {"lon": lon, "lat": lat})
    return (row[0], row[1]) if row else None


def site_at(conn, lon: float, lat: float) -> int | None:
    row = db.row(conn, sql.SITE_AT_POINT, {"lon": lon, "lat": lat})
    return row[0] if row else None


def site_detail(conn, site_id: int, as_of: dt.date) -> dict | None:
    info = db.frame(conn, sql.SITE, {"id": site_id})
    if info.empty:
        return None
    return {
        "site": info.iloc[0].to_dict(),
        "history": db.frame(conn, sql.SITE_HISTORY, {"id": site_id}),
        "people": db.frame(conn, sql.SITE_PEOPLE, {"id": site_id}),
        "cases": db.frame(conn, sql.SITE_CASES, {"id": site_id, "as_of": as_of}),
    }


def assignments(conn, view: View) -> gpd.GeoDataFrame:
    return _geo(db.frame(conn, sql.ASSIGNMENTS, view.params()))


def addresses(conn, view: View, limit: int = ADDRESS_LIMIT) -> gpd.GeoDataFrame:
    """The doorplates of a street or community (label: road, number and building)."""
    return _geo(db.frame(conn, sql.ADDRESSES, view.params(limit=limit)))


def map_layers(conn, view: View, layers: tuple[str, ...]) -> dict:
    """The frames the coverage map of a view draws (layers.maps.coverage_map's ``data``)."""
    data = {"communities": communities(conn, view), "streets": streets(conn, view)}
    if view.level != "district" and ({"sites", "clusters"} & set(layers)):
        data["sites"], data["truncated"] = sites(conn, view)
    if "grids" in layers:
        data["grids"] = grids(conn, view)
    if "assignments" in layers:
        data["assignments"] = assignments(conn, view)
    if "addresses" in layers and view.level != "district":  # the district's are too many to read
        data["addresses"] = addresses(conn, view)
    return data
