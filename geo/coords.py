"""Coordinate systems: EPSG reprojection, China's GCJ-02 and BD-09, and swapped lon/lat.

GCJ-02 ("Mars coordinates", used by Amap/Tencent) and BD-09 (Baidu) are published obfuscations of
WGS84 with no EPSG code; the forward formulas are public, the inverse is found by iteration.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from pyproj import CRS

_A = 6378245.0
_EE = 0.00669342162296594323
_X_PI = np.pi * 3000.0 / 180.0
CHINESE_CRS = ("gcj02", "bd09")


def _dlat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    r += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    r += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    r += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    return r


def _dlon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    r += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    r += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    r += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    return r


def wgs84_to_gcj02(lon, lat):
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    dlat = _dlat(lon - 105.0, lat - 35.0)
    dlon = _dlon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * np.pi
    magic = 1 - _EE * np.sin(radlat) ** 2
    sqrtmagic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * np.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * np.cos(radlat) * np.pi)
    return lon + dlon, lat + dlat


def gcj02_to_wgs84(lon, lat):
    """Inverse by fixed-point iteration: converges to well under a millimetre in 5 steps."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    wlon, wlat = lon.copy(), lat.copy()
    for _ in range(6):
        glon, glat = wgs84_to_gcj02(wlon, wlat)
        wlon, wlat = wlon - (glon - lon), wlat - (glat - lat)
    return wlon, wlat


def bd09_to_gcj02(lon, lat):
    x, y = np.asarray(lon, dtype=float) - 0.0065, np.asarray(lat, dtype=float) - 0.006
    z = np.sqrt(x * x + y * y) - 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) - 0.000003 * np.cos(x * _X_PI)
    return z * np.cos(theta), z * np.sin(theta)


def gcj02_to_bd09(lon, lat):
    x, y = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    z = np.sqrt(x * x + y * y) + 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * _X_PI)
    return z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006


def bd09_to_wgs84(lon, lat):
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


def wgs84_to_bd09(lon, lat):
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def parse_crs(value: str | int | None) -> str | CRS | None:
    """'gcj02'/'bd09' as such; anything else a pyproj CRS. Raises ValueError quoting the value."""
    if value is None:
        return None
    text = str(value).strip().lower().replace("-", "").replace("_", "")
    if text in CHINESE_CRS:
        return text
    from pyproj import CRS  # imported when needed: a file in lon/lat starts faster
    from pyproj.exceptions import CRSError

    try:
        return CRS.from_user_input(int(text) if text.isdigit() else str(value))
    except (CRSError, ValueError):
        raise ValueError(f"unknown coordinate system '{value}' (give an EPSG code, gcj02 or bd09)") from None


def _is_wgs84(crs) -> bool:
    """Nothing to convert: no system given, or a pyproj CRS that is EPSG:4326."""
    return crs is None or (not isinstance(crs, str) and crs.to_epsg() == 4326)


def to_wgs84_xy(x, y, crs) -> tuple[np.ndarray, np.ndarray]:
    """Arrays of coordinates in ``crs`` (see parse_crs) to WGS84 lon/lat."""
    if _is_wgs84(crs):
        return np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if crs == "gcj02":
        return gcj02_to_wgs84(x, y)
    if crs == "bd09":
        return bd09_to_wgs84(x, y)
    from pyproj import Transformer

    return Transformer.from_crs(crs, 4326, always_xy=True).transform(x, y)


def to_wgs84(geoms: np.ndarray, crs) -> np.ndarray:
    """Shapely geometries in ``crs`` to WGS84, vertex by vertex."""
    if _is_wgs84(crs):
        return geoms

    def convert(coords: np.ndarray) -> np.ndarray:
        x, y = to_wgs84_xy(coords[:, 0], coords[:, 1], crs)
        return np.column_stack([x, y])

    import shapely

    return shapely.transform(geoms, convert)


def from_wgs84(geoms: np.ndarray, target: str) -> np.ndarray:
    """WGS84 geometries shifted into gcj02 for display on an Amap basemap."""
    import shapely

    forward = {"gcj02": wgs84_to_gcj02, "bd09": wgs84_to_bd09}[target]
    return shapely.transform(geoms, lambda c: np.column_stack(forward(c[:, 0], c[:, 1])))


def lonlat_problem(x: float, y: float, bbox: tuple[float, float, float, float] | None) -> str | None:
    """Why a WGS84 point cannot be right, or None. ``bbox`` is the district's, when known.

    Swapped columns are named as such: a point whose (lat, lon) reading falls in the district
    (or, without a district, whose x is a latitude and y a longitude in China's range).
    """
    if not (np.isfinite(x) and np.isfinite(y)):
        return "coordinates are not numbers"
    if bbox is not None:
        minx, miny, maxx, maxy = bbox
        pad = 0.2
        inside = minx - pad <= x <= maxx + pad and miny - pad <= y <= maxy + pad
        swapped = minx - pad <= y <= maxx + pad and miny - pad <= x <= maxy + pad
        if swapped and not inside:
            return f"lon and lat look swapped: ({x:g}, {y:g}) lies in the district as (lat, lon)"
    elif 15 <= x <= 55 and 70 <= y <= 140:
        return f"lon and lat look swapped: ({x:g}, {y:g}) is (lat, lon) in China"
    if abs(x) > 180 or abs(y) > 90:
        return (f"({x:g}, {y:g}) is not a longitude/latitude: projected coordinates need --crs "
                "EPSG:CODE")
    return None
