"""The demo district: a Shinan-like district built inside the real sub-district boundaries.

Deterministic for a seed and a build day. The geography (communities, grids, sites) is generated
in a metric CRS and written through the same loaders as a user's import; cases too.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiPolygon, Polygon, box

from geo import db
from geo import demo_layout as layout
from geo.sql import demo as demo_sql
from geo.sql import imports as load

DATA = Path(__file__).resolve().parent.parent / "data"
CONFIG = json.loads((DATA / "demo.json").read_text(encoding="utf-8"))
CAMPAIGN_START = dt.date(2024, 1, 1)
HISTORY_START = dt.date(2015, 1, 1)
OPEN_COURTYARD_SHARE = 0.80
UNMANAGED_CASE_FACTOR = 2.6  # cases per household where a site has no management
SEASON = {1: 0.8, 2: 0.8, 3: 0.95, 4: 1.0, 5: 1.05, 6: 1.3, 7: 1.3, 8: 1.3, 9: 1.1, 10: 1.0,
          11: 0.95, 12: 0.8}  # summer / winter = 1.3 / 0.8
WEEKEND_FACTOR = 0.6  # a Saturday or Sunday has 0.6 of a weekday's cases
HOUR_PROFILE = np.array([1, 1, 1, 1, 1, 2, 4, 7, 10, 11, 11, 10, 8, 8, 9, 10, 10, 9, 8, 7, 6, 4,
                         3, 2], dtype=float)
PEOPLE = {"district_leader": 30, "street_cadre": 227, "cadre_sites": 220, "workers": 1424}


@dataclass
class Geography:
    district: gpd.GeoDataFrame
    streets: gpd.GeoDataFrame
    communities: gpd.GeoDataFrame
    grids: gpd.GeoDataFrame
    sites: gpd.GeoDataFrame  # metric CRS while building; 4326 when written
    roads: gpd.GeoDataFrame  # name, width, line
    addresses: gpd.GeoDataFrame  # the doorplates: road, number, building, site_external_id


# ---------------------------------------------------------------- geography
def _partition(polygon, k: int, rng: np.random.Generator) -> list:
    """Split a polygon into k parts of similar area: k-means centres, then Voronoi cells."""
    if k <= 1:
        return [polygon]
    minx, miny, maxx, maxy = polygon.bounds
    pts = rng.uniform((minx, miny), (maxx, maxy), size=(6000, 2))
    pts = pts[shapely.contains_xy(polygon, pts[:, 0], pts[:, 1])]
    centres = pts[rng.choice(len(pts), k, replace=False)]
    for _ in range(25):
        labels = np.argmin(((pts[:, None, :] - centres[None]) ** 2).sum(-1), axis=1)
        centres = np.array([pts[labels == i].mean(0) if (labels == i).any() else centres[i]
                            for i in range(k)])
    cells = shapely.voronoi_polygons(shapely.multipoints(centres),
                                     extend_to=box(minx, miny, maxx, maxy).buffer(100))
    parts = []
    for cell in shapely.get_parts(cells):
        part = shapely.make_valid(cell.intersection(polygon))
        part = shapely.union_all([g for g in shapely.get_parts(part)
                                  if isinstance(g, (Polygon, MultiPolygon))])
        if not part.is_empty:
            parts.append(part)
    return parts


def _multi(g):
    return g if isinstance(g, MultiPolygon) else MultiPolygon([g])


def _frame() -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    streets = gpd.read_file(DATA / "shinan" / "streets_osm_wgs84.geojson")
    names = pd.read_csv(DATA / "shinan" / "streets_nbs2023.csv", dtype=str)
    streets = streets.merge(names[["code", "name"]].rename(columns={"name": "official"}),
                            left_on="division_code", right_on="code")
    streets = streets[["code", "official", "name:en", "geometry"]].rename(
        columns={"official": "name", "name:en": "name_en"})
    communities = pd.read_csv(DATA / "shinan" / "communities_nbs2023.csv", dtype=str)
    return streets.sort_values("code").reset_index(drop=True), communities


def build_geography(seed: int, n_sites: int) -> Geography:
    rng = np.random.default_rng(seed)
    streets, community_names = _frame()
    metric = CONFIG["metric_crs"]
    streets_m = streets.to_crs(metric)
    district = gpd.GeoDataFrame(
        [{**CONFIG["district"], "geometry": _multi(shapely.union_all(streets.geometry.values))}],
        crs=4326)

    comm_rows, grid_rows = [], []
    for street in streets_m.itertuples():
        names = community_names[community_names.streetCode == street.code].sort_values("code")
        parts = _partition(street.geometry, len(names), rng)
        for (_, c), part in zip(names.iterrows(), sorted(parts, key=lambda p: -p.area)):
            comm_rows.append({"code": c.code, "name": c["name"], "name_en": None,
                              "street_code": street.code, "geometry": part})
    communities = gpd.GeoDataFrame(comm_rows, crs=metric)
    for c in communities.itertuples():
        k = max(3, int(round(c.geometry.area / 120_000)))
        for i, part in enumerate(_partition(c.geometry, k, rng), start=1):
            grid_rows.append({"code": f"{c.code}{i:02d}", "name": f"{c.name}第{i}网格",
                              "community_code": c.code, "geometry": part})
    grids = gpd.GeoDataFrame(grid_rows, crs=metric)
    sites, roads, addresses = _sites(communities, n_sites, rng)
    return Geography(district, streets, _clip_to_streets(communities, streets), grids, sites,
                     roads, addresses)


def _clip_to_streets(communities: gpd.GeoDataFrame, streets: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Back in EPSG:4326, cut communities exactly to their street (the round trip through the
    metric CRS moves boundaries by millimetres, enough to poke out of a coastline)."""
    out = communities.to_crs(4326)
    street_geom = streets.set_index("code").geometry
    clipped = [shapely.make_valid(g.intersection(street_geom[s]))
               for g, s in zip(out.geometry, out.street_code)]
    polys = [shapely.union_all([p for p in shapely.get_parts(g) if isinstance(p, Polygon)])
             for g in clipped]
    return out.set_geometry(polys, crs=4326)


def _sites(communities: gpd.GeoDataFrame, n_sites: int, rng
           ) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """The sites, the roads and the doorplates (geo.demo_layout): lots cut from the blocks
    between each street's roads, n_sites of them built on, building clusters as towers
    along 香港中路; every site's address a doorplate on its frontage."""
    old_town = set(CONFIG["old_town_streets"])
    side = layout.unit(communities.geometry.area.groupby(communities.street_code).sum().to_dict(),
                       old_town, n_sites)
    business = CONFIG["business_road"]
    business_line = gpd.GeoSeries([LineString(business["line"])], crs=4326).to_crs(
        communities.crs).iloc[0]
    names = [r for r in CONFIG["roads"] if r != business["name"]]
    lines, business_roads = [], []
    for street_code, group in communities.groupby("street_code"):
        street_geom = shapely.union_all(group.geometry.values)
        lines += layout.road_lines(street_geom, side, street_code in old_town, rng)
        if street_code == business["street"]:
            business_roads += [layout.Road(business["name"], part, 40.0, 0) for part in
                               shapely.get_parts(business_line.intersection(street_geom))
                               if isinstance(part, LineString)]
    step = float(np.clip(side / 6, 8, 20))  # metres between doorplates
    roads = business_roads + layout.name_roads(lines, names, step)
    paved = shapely.union_all([r.geometry.buffer(r.width / 2, cap_style="flat") for r in roads])
    rows = []
    for c in communities.itertuples():
        lot_side = side * (np.sqrt(layout.OLD_TOWN_LOT_AREA) if c.street_code in old_town else 1)
        for block in shapely.get_parts(c.geometry.buffer(-2.0).difference(paved)):
            if isinstance(block, Polygon) and block.area > 0.2 * lot_side ** 2:
                rows += [{"community_code": c.code, "street_code": c.street_code, "geometry": lot}
                         for lot in layout.lots(block, lot_side, rng)]
    all_lots = gpd.GeoDataFrame(rows, crs=communities.crs)
    chosen = np.sort(rng.choice(len(all_lots), min(n_sites, len(all_lots)), replace=False))
    sites = all_lots.iloc[chosen].reset_index(drop=True)
    near_road = ((sites.street_code == business["street"])
                 & (sites.geometry.distance(business_line) < business["buffer_m"])).to_numpy()
    sites = _site_attributes(sites, near_road, rng)
    towers = sites.kind.to_numpy() == "building_cluster"
    sites.loc[towers, "geometry"] = [layout.tower(g, rng) for g in sites.geometry[towers]]
    land = shapely.union_all(communities.geometry.values)
    plates = layout.doorplates(roads, list(sites.geometry), {int(lot): i for i, lot in
                                                             enumerate(chosen)},
                               list(all_lots.geometry), land, step=step)
    sites = _names_and_addresses(sites, plates, rng)
    road_frame = gpd.GeoDataFrame({"name": [r.name for r in roads], "width": [r.width for r in roads]},
                                  geometry=[r.geometry for r in roads], crs=communities.crs)
    plate_frame = gpd.GeoDataFrame(
        {"road": [p.road for p in plates], "number": [p.number for p in plates],
         "building": None,
         "site_external_id": [None if p.site is None else sites.external_id[p.site] for p in plates]},
        geometry=[p.point for p in plates], crs=communities.crs)
    return sites, road_frame, plate_frame


PHASES = {n: f"{'一二三四五六七八九十'[n - 1]}期" for n in range(1, 11)}


def _site_attributes(sites: gpd.GeoDataFrame, near_road: np.ndarray, rng) -> gpd.GeoDataFrame:
    n = len(sites)
    old_town = sites.street_code.isin(CONFIG["old_town_streets"]).to_numpy()
    cluster = (near_road & (rng.random(n) < 0.85)) | (~near_road & (rng.random(n) < 0.02))
    area = sites.geometry.area.to_numpy()
    # Exactly 80 % of residential sites are open courtyards: the old town's and the smaller
    # lots first, so that compounds are the larger sites.
    residential = np.flatnonzero(~cluster)
    smaller = 1 - area[residential].argsort().argsort() / max(len(residential), 1)
    score = rng.random(len(residential)) * 0.6 + smaller + np.where(old_town[residential], 0.8, 0.0)
    n_open = int(round(OPEN_COURTYARD_SHARE * len(residential)))
    open_idx = residential[np.argsort(-score)[:n_open]]
    kind = np.where(cluster, "building_cluster", "compound").astype(object)
    kind[open_idx] = "open_courtyard"
    is_open, is_compound = kind == "open_courtyard", kind == "compound"
    households = np.where(is_open, area / 55 * rng.uniform(0.6, 1.4, n),
                          np.where(is_compound, area / 35 * rng.uniform(0.7, 1.3, n), 0))
    households = np.clip(np.round(households), 0, 5000).astype(int)
    households[~cluster] = np.maximum(households[~cluster], 6)
    buildings = np.maximum(1, np.round(area / np.where(is_open, 900, 1500))).astype(int)
    built = np.where(old_town & is_open, rng.integers(1905, 1990, n),
                     np.where(is_open, rng.integers(1960, 2000, n), rng.integers(1988, 2021, n)))
    committee = np.where(is_compound, rng.random(n) < 0.97, is_open & (rng.random(n) < 0.2))
    committee_party = committee & (is_compound | (rng.random(n) < 0.6))
    party_org = np.where(is_compound, True, rng.random(n) < np.where(cluster, 0.65, 0.4))
    return sites.assign(
        external_id=[f"S{i + 1:06d}" for i in range(n)], kind=kind,
        households=households, buildings=buildings, built_year=built,
        owners_committee=committee, owners_committee_party=committee_party,
        party_org=party_org, demonstration=False)


def _names_and_addresses(sites: gpd.GeoDataFrame, plates: list, rng) -> gpd.GeoDataFrame:
    """Each site's address from its doorplates; an open courtyard named by its first
    doorplate (延安三路12号院), a compound or cluster by its road (no two of the district
    alike: a name is how the hotline's callers say where they are); the three demonstration
    sites renamed."""
    mine: dict[int, list] = {}
    for p in plates:
        if p.site is not None:
            mine.setdefault(p.site, []).append(p)
    addresses = [layout.site_address(mine[i]) for i in range(len(sites))]
    kind = sites.kind.to_numpy()
    names, taken = [], set()
    for i, address in enumerate(addresses):
        road = max(mine[i], key=lambda p: sum(q.road == p.road for q in mine[i])).road
        if kind[i] == "open_courtyard":
            name = address.split("~")[0].removesuffix("号") + "号院"
        else:
            suffixes = CONFIG["compound_suffixes" if kind[i] == "compound" else "cluster_suffixes"]
            name = f"{road[:-1]}{rng.choice(suffixes)}"
            phase = 2
            while name in taken:
                name = f"{road[:-1]}{rng.choice(suffixes)}{PHASES.get(phase, f'{phase}期')}"
                phase += 1
        taken.add(name)
        names.append(name)
    sites = sites.assign(name=names, address=addresses)
    is_open = kind == "open_courtyard"
    for demo in CONFIG["demonstration_sites"]:
        pool = np.flatnonzero((sites.street_code == demo["street"]).to_numpy() & is_open
                              & ~sites.demonstration.to_numpy())
        i = pool[0]
        sites.loc[i, ["name", "demonstration", "party_org"]] = [demo["name"], True, True]
    return sites


# ---------------------------------------------------------------- management history
def build_management(sites: gpd.GeoDataFrame, today: dt.date, seed: int) -> pd.DataFrame:
    """Five modes; compounds long managed; open courtyards taken over since 2024."""
    rng = np.random.default_rng(seed + 1)
    providers = CONFIG["providers"]
    days_since = (today - CAMPAIGN_START).days
    rows = []
    scenic = set(CONFIG["scenic_streets"])
    for s in sites.itertuples():
        r = rng.random()
        if s.kind == "compound":
            mode = "commercial" if r < 0.85 else ("self_managed" if r < 0.95 else "none")
            start = dt.date(max(2015, min(s.built_year + 1, 2023)), 1, 1)
            rows.append((s.external_id, mode, start, None, False))
            continue
        if s.kind == "building_cluster":
            mode = "enterprise_embedded" if r < 0.55 else "commercial"
            rows.append((s.external_id, mode, HISTORY_START, None, r < 0.4))
            continue
        # open courtyard: 22 % managed before the campaign, 66 % taken over since, 12 % not yet
        modes = ["self_managed", "commercial", "enterprise_embedded"]
        weights = [0.45, 0.25, 0.30]
        if s.street_code in scenic:
            modes.append("scenic_co_managed")
            weights = [0.35, 0.2, 0.25, 0.2]
        mode = rng.choice(modes, p=weights)
        if r < 0.22:
            rows.append((s.external_id, mode, dt.date(2019, 1, 1), None, rng.random() < 0.3))
        elif r < 0.88:
            # later take-overs more likely in the later, accelerating part of the campaign
            taken = CAMPAIGN_START + dt.timedelta(days=int(days_since * rng.random() ** 0.8))
            taken = min(taken, today)
            rows.append((s.external_id, "none", HISTORY_START, taken, False))
            rows.append((s.external_id, mode, taken, None, rng.random() < 0.75))
        else:
            rows.append((s.external_id, "none", HISTORY_START, None, False))
    frame = pd.DataFrame(rows, columns=["site_external_id", "mode", "valid_from", "valid_to",
                                        "party_led"])
    frame["provider"] = [None if m == "none" else rng.choice(providers[m]) for m in frame["mode"]]
    return frame


# ---------------------------------------------------------------- people and assignments
def _person_names(n: int, rng) -> list[str]:
    surnames, given = CONFIG["surnames"], CONFIG["given_chars"]
    out = []
    for _ in range(n):
        length = 1 if rng.random() < 0.3 else 2
        out.append(rng.choice(list(surnames)) + "".join(rng.choice(list(given), length)))
    return out


def build_people(geo: Geography, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The article's figures: 30 leaders over 50 communities, 227 cadres on 220 sites, 1,424
    grid and social workers."""
    rng = np.random.default_rng(seed + 2)
    communities = geo.communities.sort_values("code")
    sites = geo.sites
    start = dt.date(2024, 3, 1)
    people, assignments = [], []

    def person(pid, role, title, street=None, community=None):
        people.append({"external_id": pid, "role": role, "title": title, "street_code": street,
                       "community_code": community})

    leaders = PEOPLE["district_leader"]
    for i in range(leaders):
        person(f"L{i + 1:03d}", "district_leader", "区级领导")
    # every community has one leader; the first 20 leaders take a second community
    for i, code in enumerate(communities.code):
        assignments.append((f"L{i % leaders + 1:03d}", "community", code, start))

    cadre_sites = sites.iloc[np.sort(rng.choice(len(sites), PEOPLE["cadre_sites"],
                                                replace=False))]
    n_cadres = PEOPLE["street_cadre"]
    for i in range(n_cadres):
        site = cadre_sites.iloc[i % len(cadre_sites)]
        pid = f"C{i + 1:04d}"
        person(pid, "street_cadre", "街道干部", street=site.street_code)
        assignments.append((pid, "site", site.external_id, start))

    n_workers = PEOPLE["workers"]
    grid_of_site = _site_grids(geo)
    for i in range(n_workers):
        site = sites.iloc[int(rng.integers(len(sites)))]
        role = "grid_worker" if i % 3 else "social_worker"
        pid = f"W{i + 1:05d}"
        person(pid, role, "网格员" if role == "grid_worker" else "社工",
               street=site.street_code, community=site.community_code)
        assignments.append((pid, "site", site.external_id, start))
        if role == "grid_worker" and site.external_id in grid_of_site:
            assignments.append((pid, "grid", grid_of_site[site.external_id], start))
    people_frame = pd.DataFrame(people)
    people_frame["name"] = _person_names(len(people_frame), rng)
    people_frame["phone"] = [f"13{rng.integers(0, 10)}{rng.integers(0, 10**8):08d}"
                             for _ in range(len(people_frame))]
    assign_frame = pd.DataFrame(assignments, columns=["person_external_id", "target_kind",
                                                      "target_code", "valid_from"])
    assign_frame["valid_to"] = None
    return people_frame, assign_frame


def _site_grids(geo: Geography) -> dict[str, str]:
    points = geo.sites.set_geometry(geo.sites.geometry.representative_point())
    joined = gpd.sjoin(points[["external_id", "geometry"]], geo.grids[["code", "geometry"]],
                       predicate="within")
    return dict(zip(joined.external_id, joined.code))


# ---------------------------------------------------------------- cases
def _category_table() -> tuple[list[str], dict[str, str]]:
    leaves, parent = [], {}
    for cat in CONFIG["categories"]:
        for child in cat["children"]:
            leaves.append(child["code"])
            parent[child["code"]] = cat["code"]
    return leaves, parent


def _category_weights(leaves: list[str], parent: dict[str, str]) -> dict[str, np.ndarray]:
    """Level-2 category probabilities for cases at managed, unmanaged and business sites."""
    base = {"property": 1.0, "sanitation": 1.2, "facilities": 1.0, "housing": 0.8,
            "neighbourhood": 0.7, "greening": 0.5, "safety": 0.5, "business": 0.05}
    unmanaged = {**base, "property": 0.6, "sanitation": 2.0, "housing": 1.6, "safety": 0.9}
    business = {**{k: 0.2 for k in base}, "business": 3.0, "facilities": 0.6}
    out = {}
    for name, table in (("managed", base), ("unmanaged", unmanaged), ("business", business)):
        w = np.array([table[parent[leaf]] for leaf in leaves])
        out[name] = w / w.sum()
    return out


def _month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    months, d = [], first.replace(day=1)
    while d <= last:
        months.append(d)
        d = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return months


class _PointSampler:
    """Uniform random points inside each site (rejection in its bounding box), or in land."""

    def __init__(self, geoms: np.ndarray, land, rng) -> None:
        self.geoms = geoms
        shapely.prepare(geoms)
        self.bounds = shapely.bounds(geoms)
        self.rng = rng
        minx, miny, maxx, maxy = land.bounds
        pts = rng.uniform((minx, miny), (maxx, maxy), size=(400_000, 2))
        self.land_pool = pts[shapely.contains_xy(land.buffer(-15), pts[:, 0], pts[:, 1])]

    def in_sites(self, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x = np.empty(len(idx))
        y = np.empty(len(idx))
        todo = np.arange(len(idx))
        while len(todo):
            b = self.bounds[idx[todo]]
            tx = self.rng.uniform(b[:, 0], b[:, 2])
            ty = self.rng.uniform(b[:, 1], b[:, 3])
            ok = shapely.contains_xy(self.geoms[idx[todo]], tx, ty)
            x[todo[ok]], y[todo[ok]] = tx[ok], ty[ok]
            todo = todo[~ok]
        return x, y

    def on_land(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        pts = self.land_pool[self.rng.integers(len(self.land_pool), size=n)]
        return pts[:, 0], pts[:, 1]


def generate_cases(geo: Geography, management: pd.DataFrame, n_cases: int, now: dt.datetime,
                   seed: int):
    """Yield frames of cases, month by month, over the three years up to ``now``."""
    rng = np.random.default_rng(seed + 3)
    tz = now.tzinfo
    sites = geo.sites
    n_sites = len(sites)
    kind = sites.kind.to_numpy()
    residential = kind != "building_cluster"
    managed_from = np.full(n_sites, np.inf)
    managed = management[management["mode"] != "none"]
    first = managed.groupby("site_external_id")["valid_from"].min()
    pos = pd.Series(np.arange(n_sites), index=sites.external_id)
    managed_from[pos[first.index].to_numpy()] = [d.toordinal() for d in first]
    base_weight = np.where(residential, sites.households.to_numpy(), 25.0).astype(float)
    hotspots = rng.choice(np.flatnonzero(residential), size=min(6, residential.sum()),
                          replace=False)
    base_weight[hotspots] *= 6
    leaves, parent = _category_table()
    cat_w = _category_weights(leaves, parent)
    sampler = _PointSampler(np.asarray(sites.geometry.values),
                            shapely.union_all(geo.communities.to_crs(CONFIG["metric_crs"]).geometry.values), rng)
    to_wgs = Transformer.from_crs(CONFIG["metric_crs"], 4326, always_xy=True)
    # where a case in a site was reported: the site's address; elsewhere, near a doorplate
    site_address = sites.address.to_numpy(dtype=object)
    plates = shapely.STRtree(np.asarray(geo.addresses.geometry.values))
    plate_text = (geo.addresses.road + geo.addresses.number + "号附近").to_numpy(dtype=object)
    surnames, given = list(CONFIG["surnames"]), list(CONFIG["given_chars"])

    today = now.date()
    start = today.replace(year=today.year - 3) + dt.timedelta(days=1)
    months = _month_starts(start, today)
    day_lists = []
    for m in months:
        nxt = (m.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        days = [m + dt.timedelta(days=i) for i in range((nxt - m).days)
                if start <= m + dt.timedelta(days=i) <= today]
        day_lists.append(days)
    month_w = np.array([SEASON[m.month] * sum(WEEKEND_FACTOR if d.weekday() >= 5 else 1.0
                                              for d in days) for m, days in zip(months, day_lists)])
    per_month = rng.multinomial(n_cases, month_w / month_w.sum())
    per_month[-1] = max(per_month[-1], 1)  # "this month" is never empty
    serial = 0
    for m, days, n in zip(months, day_lists, per_month):
        if n == 0:
            continue
        mid = (m + dt.timedelta(days=14)).toordinal()
        unmanaged_now = residential & (managed_from > mid)
        w = base_weight * np.where(unmanaged_now, UNMANAGED_CASE_FACTOR, 1.0)
        in_site = rng.random(n) < 0.9
        idx = rng.choice(n_sites, size=int(in_site.sum()), p=w / w.sum())
        x = np.empty(n)
        y = np.empty(n)
        x[in_site], y[in_site] = sampler.in_sites(idx)
        x[~in_site], y[~in_site] = sampler.on_land(int((~in_site).sum()))
        lon, lat = to_wgs.transform(x, y)
        site_idx = np.full(n, -1)
        site_idx[in_site] = idx
        address = np.empty(n, dtype=object)
        address[in_site] = site_address[idx]
        address[~in_site] = plate_text[plates.nearest(shapely.points(x[~in_site], y[~in_site]))]

        day_w = np.array([WEEKEND_FACTOR if d.weekday() >= 5 else 1.0 for d in days])
        day = np.array([d.toordinal() for d in days])[rng.choice(len(days), n, p=day_w / day_w.sum())]
        hour = rng.choice(24, n, p=HOUR_PROFILE / HOUR_PROFILE.sum())
        seconds = rng.integers(0, 3600, n)
        epoch0 = dt.datetime(1970, 1, 1).toordinal()
        local = pd.to_datetime((day - epoch0) * 86400 + hour * 3600 + seconds, unit="s")
        reported = local.tz_localize(tz)
        reported = reported.where(reported <= now, now - pd.Timedelta(minutes=5))
        if m == months[-1]:  # the newest case is from the hour the demo is built
            reported = reported.where(np.arange(n) < n - 1, now - pd.Timedelta(minutes=5))

        kinds = np.where(site_idx >= 0, kind[np.maximum(site_idx, 0)], "public")
        unman = (site_idx >= 0) & unmanaged_now[np.maximum(site_idx, 0)]
        group = np.where(kinds == "building_cluster", "business",
                         np.where(unman, "unmanaged", "managed"))
        category = np.empty(n, dtype=object)
        for g in ("managed", "unmanaged", "business"):
            sel = group == g
            category[sel] = rng.choice(leaves, int(sel.sum()), p=cat_w[g])
        source = np.where(
            kinds == "building_cluster",
            rng.choice(["enterprise", "hotline_12345", "grid_report"], n, p=[0.6, 0.3, 0.1]),
            rng.choice(["hotline_12345", "nuannan", "grid_report"], n, p=[0.55, 0.2, 0.25]))
        hours = np.exp(rng.normal(np.log(30), 0.9, n)) * np.where(unman, 1.4, 1.0)
        closed_at = reported + pd.to_timedelta(np.round(hours * 3600), unit="s")
        age_days = (now - reported).total_seconds() / 86400
        closed = (closed_at <= now) & (rng.random(n) < np.where(age_days > 14, 0.995, 0.7))
        escalation = rng.choice(["community", "street", "district"], n,
                                p=[0.8, 0.16, 0.04]).astype(object)
        escalation[~closed] = None
        satisfaction = rng.choice([1, 2, 3, 4, 5], n, p=[0.03, 0.05, 0.12, 0.35, 0.45]).astype(float)
        satisfaction[~closed] = np.nan
        personal = np.isin(source, ["hotline_12345", "nuannan"])
        names = np.array([rng.choice(surnames) + rng.choice(given) for _ in range(min(n, 4000))],
                         dtype=object)
        reporter = names[rng.integers(len(names), size=n)]
        reporter[~personal] = None
        phone = np.char.add("13", rng.integers(100_000_000, 999_999_999, n).astype(str)).astype(object)
        phone[~personal] = None
        frame = pd.DataFrame({
            "row_no": np.arange(serial + 1, serial + n + 1),
            "source_code": source, "external_id": [f"D{serial + i + 1:09d}" for i in range(n)],
            "category_code": category, "status": np.where(closed, "closed", "open"),
            "state": np.where(closed, "closed", "in_progress"), "escalation": escalation,
            "reported_at": reported, "closed_at": pd.Series(closed_at).where(closed),
            "satisfaction": pd.array(satisfaction, dtype="Int64"), "lon": lon, "lat": lat,
            "address": address, "handling_unit": None, "located_by": "coordinates",
            "community_hint": None,
            "reporter_name": reporter, "reporter_phone": phone, "description": None})
        serial += n
        yield frame


# ---------------------------------------------------------------- writing
DATA_TABLES = demo_sql.DATA_TABLES


def holds_user_data(cur) -> bool:
    """True when the database has a district that the demo did not build."""
    if db.run(cur, demo_sql.DISTRICT_COUNT).fetchone()[0] == 0:
        return False
    return db.run(cur, demo_sql.BUILT_AT).fetchone() is None


def is_empty(cur) -> bool:
    return db.run(cur, demo_sql.IS_EMPTY).fetchone()[0]


def seed_reference(cur) -> None:
    """The demo's case sources and two-level categories (data, not code)."""
    for src in CONFIG["sources"]:
        db.run(cur, demo_sql.ADD_SOURCE, (src["code"], src["name"], src["name_en"]))
    for cat in CONFIG["categories"]:
        db.run(cur, demo_sql.ADD_CATEGORY, (cat["code"], cat["name"], cat["name_en"]))
        for child in cat["children"]:
            db.run(cur, demo_sql.ADD_SUBCATEGORY,
                   (child["code"], child["name"], child["name_en"], cat["code"]))


def _for_loader(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.to_crs(4326) if isinstance(frame, gpd.GeoDataFrame) else frame.copy()
    out = pd.DataFrame(out)
    out.insert(0, "row_no", np.arange(1, len(out) + 1))
    return out


def build_demo(conn, *, seed: int = 7, n_cases: int = 200_000, n_sites: int = 1500,
               now: dt.datetime | None = None, progress=None) -> dict:
    """Replace the database's content with the demo district. The caller checks ownership."""
    tz = ZoneInfo(CONFIG["district"]["timezone"])
    now = (now or dt.datetime.now(tz)).astimezone(tz).replace(microsecond=0)
    geo = build_geography(seed, n_sites)
    management = build_management(geo.sites, now.date(), seed)
    people, assignments = build_people(geo, seed)
    with conn.cursor() as cur:
        try:
            db.run(cur, demo_sql.CLEAR)
            db.run(cur, demo_sql.FORGET_DEMO)
            seed_reference(cur)
            load.load_district(cur, _for_loader(geo.district))
            load.load_streets(cur, _for_loader(geo.streets))
            for kind, frame in (("communities", geo.communities), ("grids", geo.grids),
                                ("sites", geo.sites)):
                frame = frame.assign(geometry=frame.geometry.apply(_multi))
                result = load.LOADERS[kind](cur, _for_loader(frame))
                if result.errors:
                    raise RuntimeError(f"demo {kind}: {result.errors[0].describe()}")
            plates = geo.addresses.to_crs(4326)
            plates = pd.DataFrame(plates.drop(columns="geometry")).assign(
                lon=plates.geometry.x, lat=plates.geometry.y)
            for kind, frame in (("addresses", plates), ("management", management),
                                ("people", people), ("assignments", assignments)):
                result = load.LOADERS[kind](cur, _for_loader(frame))
                if result.errors:
                    raise RuntimeError(f"demo {kind}: {result.errors[0].describe()}")
            written = 0
            for chunk in generate_cases(geo, management, n_cases, now, seed):
                for start in range(0, len(chunk), 500_000):
                    part = chunk.iloc[start:start + 500_000]
                    result = load.load_cases(cur, part)
                    if result.errors:
                        raise RuntimeError(f"demo cases: {result.errors[0].describe()}")
                    written += len(part)
                    if progress:
                        progress(written, n_cases)
            db.run(cur, demo_sql.MARK_DEMO, (now.isoformat(), str(seed)))
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
    conn.autocommit = True
    with conn.cursor() as cur:
        db.run(cur, demo_sql.ANALYZE)
    conn.autocommit = False
    return {"sites": len(geo.sites), "addresses": len(geo.addresses),
            "communities": len(geo.communities),
            "grids": len(geo.grids), "cases": written, "people": len(people),
            "built_at": now.isoformat()}
