"""Coordinate systems: GCJ-02 / BD-09 against published reference pairs and by round trip."""
import geopandas as gpd
import numpy as np
import pytest
import shapely

from geo import coords
from tests.conftest import ROOT, run_cli

DATA = ROOT / "tests" / "data"

# Published pairs (the coordtransform library's README, for the point 116.404, 39.915).
REFERENCE = [
    (coords.wgs84_to_gcj02, (116.404, 39.915), (116.41024449916938, 39.91640428150164)),
    (coords.bd09_to_gcj02, (116.404, 39.915), (116.39762729119315, 39.90865673957631)),
    (coords.gcj02_to_bd09, (116.404, 39.915), (116.41036949371029, 39.92133699351021)),
]


@pytest.mark.parametrize("func,point,expected", REFERENCE)
def test_reference_pairs(func, point, expected):
    assert np.allclose(func(*point), expected, atol=1e-9)


def test_inverse_agrees_with_the_published_one_step_inverse():
    # coordtransform's gcj02towgs84(116.404, 39.915) is a one-step approximation
    lon, lat = coords.gcj02_to_wgs84(116.404, 39.915)
    assert abs(lon - 116.39775550083061) < 1e-6 and abs(lat - 39.91359571849836) < 1e-6


@pytest.mark.parametrize("lon,lat", [(120.3155, 36.0668), (116.404, 39.915), (113.26, 23.13),
                                     (87.6, 43.8)])
def test_round_trips(lon, lat):
    back = coords.gcj02_to_wgs84(*coords.wgs84_to_gcj02(lon, lat))
    assert np.allclose(back, (lon, lat), atol=1e-8)  # about a millimetre
    back = coords.bd09_to_wgs84(*coords.wgs84_to_bd09(lon, lat))
    assert np.allclose(back, (lon, lat), atol=1e-7)


def test_shift_in_qingdao_is_a_few_hundred_metres():
    glon, glat = coords.wgs84_to_gcj02(120.3155, 36.0668)
    metres = np.hypot((glon - 120.3155) * 90_000, (glat - 36.0668) * 111_000)
    assert 150 < metres < 700


@pytest.mark.parametrize("x,y,bbox,expected", [
    (120.31, 36.07, (120.28, 36.04, 120.43, 36.10), None),
    (36.07, 120.31, (120.28, 36.04, 120.43, 36.10), "swapped"),
    (36.07, 120.31, None, "swapped"),
    (120.31, 36.07, None, None),
    (500000.0, 3990000.0, None, "projected"),
    (float("nan"), 36.0, None, "not numbers"),
])
def test_lonlat_problem(x, y, bbox, expected):
    problem = coords.lonlat_problem(x, y, bbox)
    assert (problem is None) if expected is None else (expected in problem)


def test_parse_crs():
    assert coords.parse_crs("GCJ-02") == "gcj02"
    assert coords.parse_crs("bd09") == "bd09"
    assert coords.parse_crs("4490").to_epsg() == 4490
    assert coords.parse_crs("EPSG:32651").to_epsg() == 32651
    with pytest.raises(ValueError, match="'EPSG:99999999'"):
        coords.parse_crs("EPSG:99999999")


def test_importing_the_amap_district_with_crs_gcj02(empty_url, tmp_path):
    """Amap's outline of Shinan, converted on import, lies on OpenStreetMap's within metres."""
    amap = DATA / "district_amap_gcj02.geojson"
    res = run_cli(empty_url, "import", "district", str(amap), "--crs", "gcj02", "--map", "code=adcode")
    assert res.returncode == 0, res.stderr
    import psycopg2

    conn = psycopg2.connect(empty_url)
    with conn.cursor() as cur:
        cur.execute("SELECT ST_AsText(geom) FROM district")
        imported = shapely.from_wkt(cur.fetchone()[0])
    conn.close()
    osm = gpd.read_file(DATA / "district_osm_wgs84.geojson").geometry.union_all()
    raw = gpd.read_file(DATA / "district_amap_gcj02.geojson").geometry.union_all()
    metric = lambda g: gpd.GeoSeries([g], crs=4326).to_crs(32651).iloc[0]  # noqa: E731

    def median_offset(g):  # metres from each vertex to OSM's outline
        vertices = shapely.points(shapely.get_coordinates(metric(g)))
        return float(np.median(shapely.distance(vertices, metric(osm).boundary)))

    # converted on import, the vertices lie on OSM's outline; unconverted they are far off
    assert median_offset(imported) < 25
    assert median_offset(raw) > 80
