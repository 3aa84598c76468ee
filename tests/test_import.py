"""`python -m geo import`: keyed, repeatable, all-or-nothing, with clear messages on bad input."""
import json
import zipfile

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from tests import small_district as sd
from tests.conftest import query as q
from tests.conftest import run_cli, table_counts


@pytest.fixture
def district(small_url):
    return small_url


CASES = """
external_id,category,status,reported_at,closed_at,lon,lat,reporter_name,reporter_phone
A1,garbage,已办结,2026-10-01 09:00,2026-10-02 10:00,120.302,36.062,张三,13812345678
A2,noise,办理中,2026-10-03 09:00,,120.3025,36.0625,,
A3,property_fee,closed,2026-10-04 09:00,2026-10-04 21:00,120.306,36.062,,
A4,garbage,open,2026-10-05 09:00,,120.3135,36.0715,,
A5,garbage,open,2026-10-05 09:00,,120.309,36.075,,
"""


def test_cases_are_located_by_postgis_and_match_shapely(district, tmp_path):
    path = sd.csv(tmp_path / "cases.csv", CASES)
    res = run_cli(district, "import", "cases", str(path), "--source", "hotline_12345")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["inserted"] == 5
    got = dict(q(district, """SELECT s.external_id, count(*) FROM cases c JOIN sites s
                              ON s.id = c.site_id GROUP BY 1"""))
    frame = pd.read_csv(path)
    expected = {}
    for key, (_, _, wkt) in sd.SITES.items():
        poly = shapely.from_wkt(wkt)
        n = sum(poly.contains(shapely.Point(x, y)) for x, y in zip(frame.lon, frame.lat))
        if n:
            expected[key] = n
    assert got == expected == {"S1": 2, "S2": 1, "S3": 1}
    assert dict(q(district, "SELECT community_code, count(*) FROM cases GROUP BY 1")) == {"C1": 4, "C2": 1}
    # the status words map onto one lifecycle; personal data is kept apart
    assert q(district, "SELECT status, state FROM cases WHERE external_id = 'A2'") == [("open", "in_progress")]
    assert q(district, "SELECT reporter_name FROM case_personal") == [("张三",)]


def test_reimport_changes_nothing_and_changed_rows_update(district, tmp_path):
    path = sd.csv(tmp_path / "cases.csv", CASES)
    run_cli(district, "import", "cases", str(path), "--source", "hotline_12345")
    again = json.loads(run_cli(district, "import", "cases", str(path), "--source", "hotline_12345").stdout)
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 5)
    changed = sd.csv(tmp_path / "cases2.csv", CASES.replace("A2,noise,办理中,2026-10-03 09:00,,",
                                                            "A2,noise,已办结,2026-10-03 09:00,2026-10-03 12:00,"))
    res = json.loads(run_cli(district, "import", "cases", str(changed), "--source", "hotline_12345").stdout)
    assert (res["inserted"], res["updated"]) == (0, 1)
    assert q(district, "SELECT count(*) FROM cases") == [(5,)]


def test_management_rows_close_the_previous_period(district, tmp_path):
    first = sd.csv(tmp_path / "m1.csv", "site_external_id,mode,valid_from\nS1,none,2020-01-01\nS3,无物管,2020-01-01")
    assert run_cli(district, "import", "management", str(first)).returncode == 0
    second = sd.csv(tmp_path / "m2.csv", "site_external_id,mode,provider,valid_from\nS1,居民自管,楼院自治会,2024-05-01")
    assert run_cli(district, "import", "management", str(second)).returncode == 0
    assert q(district, """SELECT mode, valid_from::text, valid_to::text FROM management m
                          JOIN sites s ON s.id = m.site_id WHERE s.external_id = 'S1'
                          ORDER BY valid_from""") == [("none", "2020-01-01", "2024-05-01"),
                                                      ("self_managed", "2024-05-01", None)]
    before = json.loads(run_cli(district, "stats", "coverage", "--as-of", "2024-04-30").stdout)[0]
    after = json.loads(run_cli(district, "stats", "coverage", "--as-of", "2024-05-01").stdout)[0]
    assert (before["managed"], after["managed"]) == (0, 1)
    assert after["by_mode"]["self_managed"] == 1 and after["managed_households"] == 120
    # the same file again changes nothing
    again = json.loads(run_cli(district, "import", "management", str(second)).stdout)
    assert (again["inserted"], again["updated"]) == (0, 0)


def test_stats_coverage_by_community(district, tmp_path):
    sd.csv(tmp_path / "m.csv", "site_external_id,mode,valid_from\nS1,commercial,2020-01-01\nS2,none,2020-01-01")
    run_cli(district, "import", "management", str(tmp_path / "m.csv"))
    rows = json.loads(run_cli(district, "stats", "coverage", "--by", "community", "--as-of", "2025-01-01").stdout)
    assert [(r["code"], r["name"], r["sites"], r["managed"], r["rate"]) for r in rows] == [
        ("C1", "西社区", 2, 1, 0.5), ("C2", "东社区", 1, 0, 0.0)]
    assert rows[0]["rate_households"] == pytest.approx(120 / 420)
    assert set(rows[0]["by_mode"]) == {"commercial", "self_managed", "scenic_co_managed",
                                       "enterprise_embedded", "none"}


def test_stats_cases_filters(district, tmp_path):
    run_cli(district, "import", "cases", str(sd.csv(tmp_path / "c.csv", CASES)), "--source", "hotline_12345")
    res = json.loads(run_cli(district, "stats", "cases", "--community", "C1").stdout)[0]
    assert (res["code"], res["cases"], res["closed"]) == ("C1", 4, 2)
    assert abs(res["median_hours_to_close"] - (25 + 12) / 2) <= 1  # exact to the hour
    assert res["by_category"] == {"sanitation": 3, "property": 1}
    only = json.loads(run_cli(district, "stats", "cases", "--category", "sanitation",
                              "--from", "2026-10-03", "--to", "2026-10-05").stdout)[0]
    assert only["cases"] == 3  # A2, A4, A5
    by_month = json.loads(run_cli(district, "stats", "cases", "--by", "month").stdout)
    assert [(r["code"], r["cases"]) for r in by_month] == [("2026-10", 5)]


def test_nearest_within_assigns_a_pier(district, tmp_path):
    # 120.3215 lies ~135 m east of the district (and of C2)
    path = sd.csv(tmp_path / "pier.csv", "external_id,category,status,reported_at,lon,lat\n"
                  "P1,garbage,open,2026-10-01T08:00:00,120.3215,36.07")
    refused = run_cli(district, "import", "cases", str(path), "--source", "hotline_12345")
    assert refused.returncode == 2 and "outside every community" in refused.stderr
    ok = run_cli(district, "import", "cases", str(path), "--source", "hotline_12345",
                 "--nearest-within", "200")
    assert ok.returncode == 0, ok.stderr
    assert q(district, "SELECT community_code, assigned_by_distance FROM cases") == [("C2", True)]


def _spread_cases(n: int, outside_last: bool = False) -> str:
    """``n`` cases over ten months and the whole district (points on sites, in both
    communities, one just off its east edge, one without a point), rows not in time order;
    with ``outside_last`` the latest one lies far outside every community."""
    rows = ["external_id,category,status,reported_at,closed_at,lon,lat"]
    for i in range(n):
        month, day = 1 + (i * 7) % 10, 1 + (i * 11) % 27
        lon, lat = f"{120.3005 + (i * 37 % 190) / 10_000:.4f}", f"{36.0605 + (i * 53 % 190) / 10_000:.4f}"
        if i == 3:
            lon, lat = "120.3215", "36.07"  # ~135 m east of C2
        if i == 5:
            lon = lat = ""  # no point: kept, unplaced
        closed = f"2026-{month:02d}-{day:02d} 18:00" if i % 3 else ""
        rows.append(f"P{i},{'garbage' if i % 2 else 'noise'},{'closed' if closed else 'open'},"
                    f"2026-{month:02d}-{day:02d} 0{i % 10}:00,{closed},{lon},{lat}")
    if outside_last:
        rows.append("P_late,garbage,open,2026-11-20 08:00,,120.40,36.07")
    return "\n".join(rows)


PLACEMENT = """SELECT c.external_id, c.community_code, c.street_code, c.grid_code, s.external_id,
                      c.assigned_by_distance, c.located_by, ST_AsText(c.geom)
               FROM cases c LEFT JOIN sites s ON s.id = c.site_id ORDER BY 1"""


def test_a_large_file_is_located_beside_its_writing_in_parts(district, tmp_path, monkeypatch):
    """A file of more than one part is written part by part in time order, each part located
    on a second connection: every case lands where one part puts it, the counts and the cubes
    follow, and a point outside every community in the last part refuses the whole file."""
    from geo.errors import InputError
    from geo.importing import run
    from geo.sql import imports as load
    from tests.test_case_stats import aggregates_equal_raw

    path = sd.csv(tmp_path / "spread.csv", _spread_cases(40))
    options = {"source": "hotline_12345", "nearest_within": 200, "url": district}
    whole = run.import_file("cases", path, **options)
    in_one_part = q(district, PLACEMENT)
    assert whole["inserted"] == 40
    q(district, "DELETE FROM cases RETURNING 1")
    monkeypatch.setattr(load, "PART_ROWS", 7)  # 40 cases: six parts and a small first and last
    said = []
    parts = run.import_file("cases", path, say=said.append, **options)
    assert (parts["inserted"], parts["updated"]) == (40, 0)
    assert q(district, PLACEMENT) == in_one_part
    assert {r[1] for r in in_one_part} == {"C1", "C2", None} and any(r[5] for r in in_one_part)
    assert said == ["1 cases assigned to the nearest community by distance"]
    assert aggregates_equal_raw(district)
    again = run.import_file("cases", path, **options)
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 40)
    # every fourth case recategorised: its part's cube rows move from one category to the other
    lines = _spread_cases(40).split("\n")
    lines[1::4] = [line.replace(",garbage,", ",_x_,").replace(",noise,", ",garbage,")
                   .replace(",_x_,", ",noise,") for line in lines[1::4]]
    changed = sd.csv(tmp_path / "changed.csv", "\n".join(lines))
    moved = run.import_file("cases", changed, **options)
    assert (moved["inserted"], moved["updated"], moved["unchanged"]) == (0, 10, 30)
    assert aggregates_equal_raw(district)

    late = sd.csv(tmp_path / "late.csv", _spread_cases(40, outside_last=True).replace("P", "L"))
    before = table_counts(district)
    with pytest.raises(InputError) as refused:
        run.import_file("cases", late, **options)
    assert [(e.row, e.field) for e in refused.value.errors] == [(42, "lon/lat")]
    assert "outside every community" in refused.value.errors[0].message
    assert table_counts(district) == before
    skipped = run.import_file("cases", late, skip_invalid=True, **options)
    assert (skipped["inserted"], skipped["rejected"]) == (40, 1)
    assert aggregates_equal_raw(district)


def test_a_retry_after_a_point_outside_finds_the_second_connection_ready(district, tmp_path,
                                                                        monkeypatch):
    """A point outside every community in a file's first part stops the second connection
    while it still groups a later part; --skip-invalid's second attempt then runs on it afresh
    and writes the rest."""
    import time

    from geo.importing import run
    from geo.sql import imports as load
    from tests.test_case_stats import aggregates_equal_raw

    grouped = load.group_new_cases

    def slow(*args):
        time.sleep(0.3)  # still at work when the writer stops
        return grouped(*args)

    monkeypatch.setattr(load, "group_new_cases", slow)
    monkeypatch.setattr(load, "PART_ROWS", 7)
    path = sd.csv(tmp_path / "early.csv", _spread_cases(40)
                  + "\nP_early,garbage,open,2025-12-20 08:00,,120.40,36.07")
    done = run.import_file("cases", path, source="hotline_12345", nearest_within=200,
                           skip_invalid=True, url=district)
    assert (done["inserted"], done["rejected"]) == (40, 1)
    assert aggregates_equal_raw(district)


def test_a_part_outside_the_checked_id_range_has_its_stored_cases_looked_up(district, tmp_path,
                                                                          monkeypatch):
    """A file whose id range held no stored case skips looking its cases up, but only for the
    parts whose ids lie in that range in the database's own order (a collation other than
    C orders them unlike Python): outside it, the stored cases are found and updated, never
    inserted twice."""
    from geo.importing import run
    from geo.sql import imports as load

    path = sd.csv(tmp_path / "spread.csv", _spread_cases(40))
    options = {"source": "hotline_12345", "nearest_within": 200, "url": district}
    assert run.import_file("cases", path, **options)["inserted"] == 40
    # as another order would give: a range that seems clear yet holds none of the file's ids
    monkeypatch.setattr(load, "_id_range", lambda cur, frame: load.IdRange("~", "~~", False))
    again = run.import_file("cases", path, **options)
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 40)


def test_a_case_inserted_meanwhile_refuses_the_import(district, tmp_path, monkeypatch):
    """New cases are written by a plain INSERT after the file's stored cases were found; when
    another import inserts one of them in between, the import is refused and writes nothing
    of its own; run again, it adds the others and finds those two unchanged."""
    from geo.importing import run
    from geo.sql import imports as load
    from tests.test_case_stats import aggregates_equal_raw

    text = _spread_cases(40)
    path = sd.csv(tmp_path / "spread.csv", text)
    one = sd.csv(tmp_path / "one.csv", "\n".join(text.splitlines()[:3]))
    write_part = load._write_part

    def another_import_first(cur, located):
        monkeypatch.setattr(load, "_write_part", write_part)
        assert run.import_file("cases", one, source="hotline_12345", url=district)["inserted"] == 2
        return write_part(cur, located)

    monkeypatch.setattr(load, "_write_part", another_import_first)
    before = table_counts(district)
    with pytest.raises(load.CasesChangedMeanwhile):
        run.import_file("cases", path, source="hotline_12345", nearest_within=200, url=district)
    assert table_counts(district)["cases"] == before["cases"] + 2
    assert aggregates_equal_raw(district)
    done = run.import_file("cases", path, source="hotline_12345", nearest_within=200,
                           url=district)
    assert (done["inserted"], done["unchanged"]) == (38, 2) and aggregates_equal_raw(district)


# ---------------------------------------------------------------- bad input: exit 2, nothing written
HEADER = "external_id,category,status,reported_at,closed_at,lon,lat"
BAD_CASES = {
    "missing required column": ("external_id,category,status,lon,lat\nB1,garbage,open,120.302,36.062",
                                "row 1", "reported_at", "missing required column"),
    "unparsable date": (f"{HEADER}\nB1,garbage,open,2026-10-01,,120.302,36.062\nB2,garbage,open,03/04/2025,,120.302,36.062",
                        "row 3", "reported_at", "cannot read '03/04/2025' as a date"),
    "unknown category": (f"{HEADER}\nB1,rubbish,open,2026-10-01,,120.302,36.062",
                         "row 2", "category", "unknown category 'rubbish'"),
    "swapped lon and lat": (f"{HEADER}\nB1,garbage,open,2026-10-01,,120.302,36.062\nB2,garbage,open,2026-10-01,,36.062,120.302",
                            "row 3", "lon/lat", "swapped"),
    "outside every community": (f"{HEADER}\nB1,garbage,open,2026-10-01,,120.302,36.062\nB2,garbage,open,2026-10-01,,120.40,36.062",
                                "row 3", "lon/lat", "outside every community"),
    "duplicate ids": (f"{HEADER}\nB1,garbage,open,2026-10-01,,120.302,36.062\nB1,noise,open,2026-10-01,,120.302,36.062",
                      "row 3", "external_id", "duplicate"),
}


@pytest.mark.parametrize("name", list(BAD_CASES))
def test_bad_case_files(district, tmp_path, name):
    text, row, field, message = BAD_CASES[name]
    path = sd.csv(tmp_path / "bad.csv", text)
    before = table_counts(district)
    res = run_cli(district, "import", "cases", str(path), "--source", "hotline_12345")
    assert res.returncode == 2, res.stderr
    assert str(path) in res.stderr and row in res.stderr and f"'{field}'" in res.stderr
    assert message in res.stderr
    assert "Traceback" not in res.stderr
    assert table_counts(district) == before


SITE_ROW = {"external_id": "N1", "name": "新院", "kind": "open_courtyard", "households": 10}
BAD_SITES = {
    "unknown kind": ({**SITE_ROW, "kind": "castle"},
                     "POLYGON((120.302 36.070, 120.303 36.070, 120.303 36.071, 120.302 36.071, 120.302 36.070))",
                     "kind", "unknown kind 'castle'"),
    "invalid geometry": (SITE_ROW,  # a bow tie: make_valid would halve it
                         "POLYGON((120.302 36.070, 120.303 36.071, 120.303 36.070, 120.302 36.071, 120.302 36.070))",
                         "geometry", "invalid polygon"),
    # a point is a site whose outline waits to be drawn (test_roster.py); a line is no site
    "wrong geometry type": (SITE_ROW, "LINESTRING(120.302 36.070, 120.303 36.071)", "geometry",
                            "expected a polygon, got LineString"),
    "overlapping sites": (SITE_ROW,
                          "POLYGON((120.3015 36.0615, 120.3035 36.0615, 120.3035 36.0635, 120.3015 36.0635, 120.3015 36.0615))",
                          "geometry", "overlaps site 'S1'"),
    "unknown parent code": ({**SITE_ROW, "community_code": "C9"},
                            "POLYGON((120.302 36.070, 120.303 36.070, 120.303 36.071, 120.302 36.071, 120.302 36.070))",
                            "community_code", "unknown community code 'C9'"),
    "swapped lon/lat polygon": (SITE_ROW,
                                "POLYGON((36.070 120.302, 36.070 120.303, 36.071 120.303, 36.071 120.302, 36.070 120.302))",
                                "geometry", "swapped"),
}


@pytest.mark.parametrize("name", list(BAD_SITES))
def test_bad_site_files(district, tmp_path, name):
    props, wkt, field, message = BAD_SITES[name]
    good = {"external_id": "G1", "name": "好院", "kind": "compound", "households": 5}
    path = sd.geojson(tmp_path / "bad.geojson", [good, props],
                      ["POLYGON((120.312 36.062, 120.313 36.062, 120.313 36.063, 120.312 36.063, 120.312 36.062))", wkt])
    before = table_counts(district)
    res = run_cli(district, "import", "sites", str(path))
    assert res.returncode == 2, res.stderr
    assert str(path) in res.stderr and "row 2" in res.stderr and f"'{field}'" in res.stderr
    assert message in res.stderr and "Traceback" not in res.stderr
    assert table_counts(district) == before


def test_every_error_of_a_row_is_listed(district, tmp_path):
    """A row with three bad fields names all three (not only the first), and nothing changes."""
    path = tmp_path / "sites.csv"
    path.write_text("external_id,name,kind,households,built_year,owners_committee,wkt\n"
                    "N1,新院,open_courtyard,abc,19x8,也许,\"POLYGON((120.302 36.070, 120.303 36.070, "
                    "120.303 36.071, 120.302 36.071, 120.302 36.070))\"\n", encoding="utf-8")
    before = table_counts(district)
    res = run_cli(district, "import", "sites", str(path))
    assert res.returncode == 2 and "Traceback" not in res.stderr
    for field, value in (("households", "abc"), ("built_year", "19x8"), ("owners_committee", "也许")):
        assert f"row 2: field '{field}': '{value}'" in res.stderr, res.stderr
    assert table_counts(district) == before


def test_empty_geometry(district, tmp_path):
    path = tmp_path / "empty_geom.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": SITE_ROW, "geometry": None}]}))
    before = table_counts(district)
    res = run_cli(district, "import", "sites", str(path))
    assert res.returncode == 2 and "row 1" in res.stderr
    assert "no outline, point or address: a site must be somewhere" in res.stderr
    assert table_counts(district) == before


def test_unknown_street_of_a_community(district, tmp_path):
    path = sd.geojson(tmp_path / "c.geojson", [{"code": "C3", "name": "新社区", "street_code": "T9"}], [sd.C1])
    res = run_cli(district, "import", "communities", str(path))
    assert res.returncode == 2 and "row 1" in res.stderr and "unknown street code 'T9'" in res.stderr


BAD_BOUNDARIES = {
    # C1 redrawn to reach into the neighbouring community C2
    "community overlapping its neighbour": (
        "communities", {"code": "C1", "name": "西社区", "street_code": "T1"},
        "POLYGON((120.30 36.06, 120.315 36.06, 120.315 36.08, 120.30 36.08, 120.30 36.06))",
        "overlaps community 'C2'"),
    "community outside its street": (
        "communities", {"code": "C1", "name": "西社区", "street_code": "T1"},
        "POLYGON((120.29 36.06, 120.31 36.06, 120.31 36.08, 120.29 36.08, 120.29 36.06))",
        "reaches outside its street T1"),
    # C1 shrunk to its north half: S1 and S2 would lie outside every community
    "community leaving its sites outside": (
        "communities", {"code": "C1", "name": "西社区", "street_code": "T1"},
        "POLYGON((120.30 36.07, 120.31 36.07, 120.31 36.08, 120.30 36.08, 120.30 36.07))",
        "would leave its site 'S1院' outside"),
    "grid outside its community": (
        "grids", {"code": "G9", "name": "九网格", "community_code": "C1"},
        "POLYGON((120.305 36.06, 120.315 36.06, 120.315 36.07, 120.305 36.07, 120.305 36.06))",
        "reaches outside its community C1"),
}


@pytest.mark.parametrize("name", list(BAD_BOUNDARIES))
def test_bad_boundaries(district, tmp_path, name):
    kind, props, wkt, message = BAD_BOUNDARIES[name]
    path = sd.geojson(tmp_path / f"{kind}.geojson", [props], [wkt])
    before = table_counts(district)
    res = run_cli(district, "import", kind, str(path))
    assert res.returncode == 2, res.stderr
    assert "row 1" in res.stderr and "'geometry'" in res.stderr and message in res.stderr
    assert table_counts(district) == before


def test_overlapping_grids(district, tmp_path):
    path = sd.geojson(tmp_path / "grids.geojson",
                      [{"code": "G1", "name": "一网格", "community_code": "C1"},
                       {"code": "G2", "name": "二网格", "community_code": "C1"}],
                      ["POLYGON((120.30 36.06, 120.306 36.06, 120.306 36.08, 120.30 36.08, 120.30 36.06))",
                       "POLYGON((120.304 36.06, 120.31 36.06, 120.31 36.08, 120.304 36.08, 120.304 36.06))"])
    res = run_cli(district, "import", "grids", str(path))
    assert res.returncode == 2 and "row 2" in res.stderr and "overlaps grid 'G1'" in res.stderr


def test_unknown_mode(district, tmp_path):
    path = sd.csv(tmp_path / "m.csv", "site_external_id,mode,valid_from\nS1,magic,2024-01-01")
    res = run_cli(district, "import", "management", str(path))
    assert res.returncode == 2 and "row 2" in res.stderr and "unknown mode 'magic'" in res.stderr


def test_wrong_encoding(district, tmp_path):
    path = sd.csv(tmp_path / "gbk.csv", f"{HEADER},reporter_name\nB1,garbage,open,2026-10-01,,120.302,36.062,张三",
                  encoding="gbk")
    before = table_counts(district)
    res = run_cli(district, "import", "cases", str(path), "--source", "hotline_12345", "--encoding", "utf-8")
    assert res.returncode == 2 and "row 2" in res.stderr and "cannot be read as utf-8" in res.stderr
    assert table_counts(district) == before
    # without --encoding, GBK is recognised
    ok = run_cli(district, "import", "cases", str(path), "--source", "hotline_12345")
    assert ok.returncode == 0, ok.stderr
    assert q(district, "SELECT reporter_name FROM case_personal") == [("张三",)]


@pytest.mark.parametrize("name,content,message", [
    ("empty.csv", b"", "the file is empty"),
    ("header_only.csv", b"external_id,category\n", "the file has no rows"),
    ("fake.gpkg", b"external_id,category\nA,b\n", "is not a gpkg file"),
    ("fake.xlsx", b"\x00\x01binary", "is not a xlsx file"),
    ("fake.csv", b"PK\x03\x04\x00\x00\x00\x00", "is not a csv file"),
])
def test_unreadable_files(district, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    res = run_cli(district, "import", "cases", str(path), "--source", "hotline_12345")
    assert res.returncode == 2 and str(path) in res.stderr and message in res.stderr
    assert "Traceback" not in res.stderr


def test_skip_invalid_writes_the_report(district, tmp_path):
    text = f"{HEADER}\nB1,garbage,open,2026-10-01,,120.302,36.062\nB2,garbage,open,2026-13-01,,120.302,36.062"
    path = sd.csv(tmp_path / "mixed.csv", text)
    res = run_cli(district, "import", "cases", str(path), "--source", "hotline_12345", "--skip-invalid")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert (out["inserted"], out["rejected"]) == (1, 1)
    report = pd.read_csv(tmp_path / "mixed.csv.rejected.csv")
    assert report.loc[0, "row"] == 3 and report.loc[0, "field"] == "reported_at"


def test_add_categories_and_date_format_and_map(district, tmp_path):
    path = sd.csv(tmp_path / "311.csv", "Unique Key,Complaint Type,Status,Created Date,Longitude,Latitude\n"
                  "K1,Rodent,Open,10/01/2026 09:15:00 PM,120.302,36.062")
    args = ["import", "cases", str(path), "--source", "city311", "--map", "external_id=Unique Key",
            "--map", "category=Complaint Type", "--date-format", "%m/%d/%Y %I:%M:%S %p",
            "--map", "reported_at=Created Date"]
    refused = run_cli(district, *args)
    assert refused.returncode == 2 and "unknown category 'Rodent'" in refused.stderr
    ok = run_cli(district, *args, "--add-categories")
    assert ok.returncode == 0, ok.stderr
    assert q(district, "SELECT source_code, category_code, to_char(reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') FROM cases") == [
        ("city311", "Rodent", "2026-10-01 21:15")]


def test_other_formats_xlsx_gpkg_zipped_shapefile(district, tmp_path):
    frame = gpd.GeoDataFrame(
        {"external_id": ["X1"], "name": ["新楼院"], "kind": ["open_courtyard"], "households": [40]},
        geometry=[shapely.from_wkt("POLYGON((120.316 36.075, 120.317 36.075, 120.317 36.076, 120.316 36.076, 120.316 36.075))")],
        crs=4326)
    frame.to_file(tmp_path / "s.gpkg")
    assert run_cli(district, "import", "sites", str(tmp_path / "s.gpkg")).returncode == 0
    shp = tmp_path / "shp"
    shp.mkdir()
    frame.assign(external_id="X2", geometry=frame.geometry.translate(0.0015)).to_crs(32651).to_file(shp / "s.shp")
    with zipfile.ZipFile(tmp_path / "s.zip", "w") as z:
        for f in shp.iterdir():
            z.write(f, f.name)
    # Shapefile names are cut to 10 characters; the file is in UTM and gets reprojected
    res = run_cli(district, "import", "sites", str(tmp_path / "s.zip"), "--map", "external_id=external_i")
    assert res.returncode == 0, res.stderr
    pd.DataFrame({"编号": ["X3"], "名称": ["表格院"], "类型": ["开放式楼院"],
                  "wkt": ["POLYGON((120.316 36.077, 120.317 36.077, 120.317 36.078, 120.316 36.078, 120.316 36.077))"]}
                 ).to_excel(tmp_path / "s.xlsx", index=False)
    res = run_cli(district, "import", "sites", str(tmp_path / "s.xlsx"))
    assert res.returncode == 0, res.stderr
    got = q(district, "SELECT external_id, community_code, round(ST_XMin(geom)::numeric, 4)::float FROM sites WHERE external_id LIKE 'X%' ORDER BY 1")
    assert got == [("X1", "C2", 120.316), ("X2", "C2", 120.3175), ("X3", "C2", 120.316)]


def test_templates(tmp_path):
    for kind in ("sites", "cases", "management"):
        res = run_cli("postgresql://unused/none", "import", kind, "--template", str(tmp_path / f"{kind}.csv"))
        assert res.returncode == 0, res.stderr
    assert "起始日期" in (tmp_path / "management.csv").read_text(encoding="utf-8-sig")  # Chinese
    assert "几何" in (tmp_path / "sites.csv").read_text(encoding="utf-8-sig")
    res = run_cli("postgresql://unused/none", "import", "management", "--template",
                  str(tmp_path / "en.csv"), "--lang", "en")
    assert res.returncode == 0 and "valid_from" in (tmp_path / "en.csv").read_text(encoding="utf-8-sig")


def test_the_import_reference_documents_every_field():
    from geo.importing.fields import KINDS
    from tests.conftest import ROOT

    readme = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    for kind in KINDS.values():
        assert f"**{kind.name}**" in readme
        for f in kind.fields:
            if f.name not in ("lon", "lat"):
                assert f"| `{f.name}` |" in readme, (kind.name, f.name)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_templates_name_their_columns_give_an_example_and_say_what_each_takes(tmp_path, lang):
    """Every KIND's XLSX template: headers the import reads back (in Chinese by default), an
    example row, and a second sheet of what each column takes (allowed values in words)."""
    import openpyxl

    from geo.importing.columns import match_columns
    from geo.importing.fields import KINDS
    from geo.importing.templates import write_template

    for kind in KINDS.values():
        path = tmp_path / f"{kind.name}-{lang}.xlsx"
        write_template(kind.name, path, lang)
        book = openpyxl.load_workbook(path)
        data, guide = book.worksheets
        headers = [c.value for c in data[1]]
        example = [c.value for c in data[2]]
        assert data.max_row == 2 and any(example)
        fields = kind.names + (["wkt"] if kind.geometry == "polygon" else [])
        matched = match_columns(headers, fields, {})
        assert set(matched) == set(fields), (kind.name, headers)
        if lang == "zh":
            assert all(not h.isascii() for h in headers), headers
        assert guide.max_row == 1 + len(headers)
        if "kind" in kind.names:
            values = [r[3].value for r in guide.iter_rows(min_row=2) if r[0].value in ("类型", "kind")]
            assert values == (["封闭小区、开放式楼院、楼宇集群"] if lang == "zh"
                              else ["compound, open_courtyard, building_cluster"])


def test_every_reason_of_the_checks_has_its_chinese():
    """The import page shows a refused row's reason in Chinese: each English wording the
    checks use is known to geo.importing.messages (a new wording without one fails here)."""
    import re

    from geo.importing.messages import CHINESE
    from tests.conftest import ROOT

    sources = [ROOT / "geo" / "importing" / name
               for name in ("validate.py", "run.py", "read.py", "values.py")]
    sources += [ROOT / "geo" / "sql" / "imports.py", ROOT / "geo" / "coords.py"]
    reasons = []
    for path in sources:
        # adjacent literals ("a " f"b") are one string
        text = re.sub(r'"\s*\n\s*f?"', "", path.read_text(encoding="utf-8"))
        reasons += re.findall(r'RowError\([^,]+, [^,]+, f?"([^"]+)"', text)
        reasons += re.findall(r'InputError\.at\([^,]+, [^,]+, [^,]+,\s*f?"([^"]+)"', text)
        reasons += re.findall(r'"(?:geometry|street_code|community_code)", f?"([^"]+)"\)', text)
        reasons += re.findall(r'return (?:None, |\()?f?"([^"]+)"', text)  # the checks' helpers
    assert len(reasons) >= 40
    unknown = []
    for reason in (r for r in reasons if " " in r):  # sentences, not field names
        sample = re.sub(r"\{[^}]*\}", "1", reason.replace("{{}}", "1"))  # placeholders → 1
        if not any(p.fullmatch(sample) for p, _ in CHINESE):
            unknown.append(reason)
    assert unknown == []
