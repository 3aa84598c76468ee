"""The demo district laid out like a city, in a metric CRS: a road network inside each real
street boundary (named with the real Shinan road names of data/demo.json), blocks between the
roads cut into lots that each front a road (narrow ones packed along old-town streets, wide
ones elsewhere), and doorplates every few tens of metres along each road, odd numbers on its
left and even on its right, each inside the lot it fronts. Pure: geometry in, frames out."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import nearest_points

LOTS_PER_SITE = 1.25  # lots drawn per site asked for: the rest stays vacant land
OLD_TOWN_LOT_AREA = 0.35  # an old-town lot's area beside another street's
SETBACK = 6.0  # metres from a road's edge to its doorplates
LOT_GAP = 3.0  # metres between neighbouring lots


@dataclass
class Road:
    name: str
    geometry: LineString
    width: float
    first_number: int  # the numbering of this stretch starts above it (a name met again)


@dataclass
class Doorplate:
    road: str
    number: str
    point: Point
    site: int | None  # index of the site it belongs to


def unit(land_by_street: dict[str, float], old_town: set[str], n_sites: int) -> float:
    """The side in metres of an average lot outside the old town, such that the lots of all
    streets number about LOTS_PER_SITE × n_sites (roads take about a quarter of the land)."""
    weighted = sum(area * 0.75 / (OLD_TOWN_LOT_AREA if code in old_town else 1.0)
                   for code, area in land_by_street.items())
    return math.sqrt(weighted / (LOTS_PER_SITE * n_sites))


def _cuts(lo: float, hi: float, gap: tuple[float, float], rng) -> list[float]:
    cuts, at = [], lo + rng.uniform(0.2, 0.8) * gap[0]
    while at < hi:
        cuts.append(at)
        at += rng.uniform(*gap)
    return cuts


def _bent(a: tuple[float, float], b: tuple[float, float], jitter: float, rng) -> LineString:
    """A road from a to b bent at two points: no two blocks alike."""
    (ax, ay), (bx, by) = a, b
    length = math.hypot(bx - ax, by - ay)
    nx, ny = -(by - ay) / length, (bx - ax) / length
    points = [a]
    for f in (rng.uniform(0.25, 0.45), rng.uniform(0.55, 0.75)):
        off = rng.uniform(-jitter, jitter)
        points.append((ax + f * (bx - ax) + off * nx, ay + f * (by - ay) + off * ny))
    return LineString(points + [b])


def road_lines(street, side: float, old_town: bool, rng) -> list[tuple[LineString, float]]:
    """(line, width) of a street's roads: two families of bent roads at a random angle, the
    blocks between them longer than wide, narrower in the old town."""
    angle = float(rng.uniform(0, 90))
    centre = street.centroid
    minx, miny, maxx, maxy = affinity.rotate(street, -angle, origin=centre).bounds
    scale = math.sqrt(OLD_TOWN_LOT_AREA) if old_town else 1.0
    along = _cuts(minx, maxx, (3.0 * side * scale, 4.6 * side * scale), rng)
    across = _cuts(miny, maxy, (1.7 * side * scale, 2.6 * side * scale), rng)
    minor = float(np.clip(0.12 * side, 5.0, 12.0))
    lines = ([(_bent((x, miny - 50), (x, maxy + 50), 0.4 * side * scale, rng),
               minor * (2 if i % 3 == 1 else 1)) for i, x in enumerate(along)]
             + [(_bent((minx - 50, y), (maxx + 50, y), 0.3 * side * scale, rng),
                 minor * (2 if j % 3 == 1 else 1)) for j, y in enumerate(across)])
    out = []
    for line, width in lines:
        clipped = affinity.rotate(line, angle, origin=centre).intersection(street)
        for part in shapely.get_parts(clipped):
            if isinstance(part, LineString) and part.length > 3 * width:
                out.append((part, width))
    return out


def name_roads(lines: list[tuple[LineString, float]], names: list[str], step: float
               ) -> list[Road]:
    """Names in turn; a name met again numbers on from where its last stretch ended (its
    doorplates stand every ``step`` metres, two numbers each)."""
    roads, last = [], {}
    for i, (line, width) in enumerate(lines):
        name = names[i % len(names)]
        roads.append(Road(name, line, width, last.get(name, 0)))
        last[name] = last.get(name, 0) + 2 * (int(line.length // step) + 2)
    return roads


def lots(piece, side: float, rng) -> list[Polygon]:
    """A block's piece cut into lots that front a road: strips across its length, each cut in
    two back to back when the block is deep enough; kept a few metres apart."""
    rect = piece.minimum_rotated_rectangle
    if not isinstance(rect, Polygon):
        return []
    c = np.asarray(rect.exterior.coords)[:4]
    e1, e2 = c[1] - c[0], c[2] - c[1]
    if np.hypot(*e1) >= np.hypot(*e2):
        origin, ul, us = c[0], e1, e2
    else:
        origin, ul, us = c[1], e2, -e1
    length, width = float(np.hypot(*ul)), float(np.hypot(*us))
    ul, us = ul / length, us / width
    widths = []
    while sum(widths) < length:
        widths.append(side * rng.uniform(0.55, 1.45))
    scale = length / sum(widths)
    edges = np.concatenate([[0.0], np.cumsum(widths) * scale])
    edges[0], edges[-1] = -1.0, length + 1.0
    depth = [(-1.0, width + 1.0)]
    if width > 2.2 * side * 0.8:
        middle = width * rng.uniform(0.42, 0.58)
        depth = [(-1.0, middle), (middle, width + 1.0)]
    out = []
    for a, b in zip(edges[:-1], edges[1:]):
        for lo, hi in depth:
            quad = Polygon([origin + a * ul + lo * us, origin + b * ul + lo * us,
                            origin + b * ul + hi * us, origin + a * ul + hi * us])
            cell = piece.intersection(quad).buffer(-LOT_GAP / 2, join_style="mitre")
            parts = [g for g in shapely.get_parts(cell) if isinstance(g, Polygon)]
            if parts:
                best = max(parts, key=lambda g: g.area)
                if best.area > 0.2 * side * side:
                    out.append(shapely.set_precision(best, 0.01))
    return out


def tower(lot: Polygon, rng) -> Polygon:
    """A tower's footprint inside its lot: a rectangle along the lot, 25-55 m a side."""
    rect = lot.minimum_rotated_rectangle
    c = np.asarray(rect.exterior.coords)[:4]
    e1, e2 = c[1] - c[0], c[2] - c[1]
    centre = lot.representative_point()
    sides = [min(np.hypot(*e) * 0.7, rng.uniform(25, 55)) for e in (e1, e2)]
    u1, u2 = e1 / np.hypot(*e1), e2 / np.hypot(*e2)
    p = np.array([centre.x, centre.y])
    corners = [p + sx * sides[0] / 2 * u1 + sy * sides[1] / 2 * u2
               for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
    inside = Polygon(corners).intersection(lot)
    parts = [g for g in shapely.get_parts(inside) if isinstance(g, Polygon)]
    return shapely.set_precision(max(parts, key=lambda g: g.area), 0.01) if parts else lot


def doorplates(roads: list[Road], sites: list, site_of_lot: dict[int, int], all_lots: list,
               land, step: float) -> list[Doorplate]:
    """Doorplates every ``step`` metres along each road, odd on its left and even on its
    right, where there is land; each in the site whose lot it fronts (moved inside a tower's
    footprint), or none on vacant land. Every site without one gets a sub-number (12-1) of
    the nearest road, at a point inside it: no site is left without an address."""
    lot_tree, site_tree = shapely.STRtree(all_lots), shapely.STRtree(sites)
    shapely.prepare(land)
    out, numbered = [], set()
    for road in roads:
        line, half = road.geometry, road.width / 2 + SETBACK
        for k in range(int((line.length - step / 2) // step) + 1):
            at = step / 2 + k * step
            p, q = line.interpolate(max(at - 1, 0)), line.interpolate(min(at + 1, line.length))
            dx, dy = q.x - p.x, q.y - p.y
            norm = math.hypot(dx, dy) or 1.0
            mid = line.interpolate(at)
            for side, number in ((1, road.first_number + 2 * k + 1),
                                 (-1, road.first_number + 2 * k + 2)):
                point = Point(mid.x - side * dy / norm * half, mid.y + side * dx / norm * half)
                if not land.contains(point):
                    continue
                site = _site_at(point, lot_tree, site_tree, site_of_lot)
                if site is not None and not sites[site].contains(point):
                    point = nearest_points(sites[site].buffer(-1.0), point)[0]
                out.append(Doorplate(road.name, str(number), point, site))
                numbered.add(site)
    road_tree = shapely.STRtree([r.geometry for r in roads])
    subs: dict[tuple[str, int], int] = {}
    for i, geom in enumerate(sites):
        if i in numbered:
            continue
        centre = geom.representative_point()
        road = roads[int(road_tree.nearest(centre))]
        at = road.geometry.project(centre)
        p = road.geometry.interpolate(max(at - 1, 0))
        q = road.geometry.interpolate(min(at + 1, road.geometry.length))
        left = (q.x - p.x) * (centre.y - p.y) - (q.y - p.y) * (centre.x - p.x) > 0
        k = int(at // step)
        base = road.first_number + 2 * k + (1 if left else 2)
        subs[(road.name, base)] = subs.get((road.name, base), 0) + 1
        out.append(Doorplate(road.name, f"{base}-{subs[(road.name, base)]}", centre, i))
    return out


def _site_at(point: Point, lot_tree, site_tree, site_of_lot: dict[int, int]) -> int | None:
    hit = site_tree.query(point, predicate="intersects")
    if len(hit):
        return int(hit[0])
    lot = lot_tree.query(point, predicate="intersects")
    return site_of_lot.get(int(lot[0])) if len(lot) else None


def site_address(plates: list[Doorplate]) -> str:
    """A site's address: its doorplate, or the span of its doorplates on the road it fronts
    most (湛山大路5~15号)."""
    by_road: dict[str, list[Doorplate]] = {}
    for p in plates:
        by_road.setdefault(p.road, []).append(p)
    road, on_road = max(by_road.items(), key=lambda kv: (len(kv[1]), kv[0]))
    numbers = sorted(on_road, key=lambda p: _number_order(p.number))
    if len(numbers) == 1:
        return f"{road}{numbers[0].number}号"
    return f"{road}{numbers[0].number}~{numbers[-1].number}号"


def _number_order(number: str) -> tuple[int, int]:
    base, _, sub = number.partition("-")
    return int(base), int(sub or 0)
