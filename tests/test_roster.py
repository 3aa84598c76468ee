"""The roster before its outlines (issue 21): sites imported with an address or a point and no
polygon count in the figures, show as markers to draw, and take their outline (and the cases
inside it) when it is drawn."""
from __future__ import annotations

import datetime as dt
import json

import geopandas as gpd
import pandas as pd

from geo import coverage, db
from geo.editing import shapes
from layers import maps
from geo.viewstate import State
from tests.conftest import query, run_cli

LIBRARY = [("湛山大路", "1", 120.3025, 36.0625), ("东海路", "8", 120.3135, 36.0715),
           ("东海路", "10", 120.3165, 36.0665)]
DAY = dt.date(2026, 10, 1)


def _roster(small_url, tmp_path) -> dict:
    library = tmp_path / "门牌.csv"
    pd.DataFrame([{"道路": r, "门牌号": n, "经度": x, "纬度": y} for r, n, x, y in LIBRARY]
                 ).to_csv(library, index=False, encoding="utf-8-sig")
    assert run_cli(small_url, "import", "addresses", str(library)).returncode == 0
    roster = tmp_path / "东社区小区台账.xlsx"
    pd.DataFrame([
        {"编号": "R1", "名称": "东海路10号院", "类型": "open_courtyard", "地址": "东海路10号",
         "户数": 40},
        {"编号": "R2", "名称": "海边新村", "类型": "compound", "地址": "", "户数": 200,
         "经度": 120.318, "纬度": 36.078},
    ]).to_excel(roster, index=False)
    res = run_cli(small_url, "import", "sites", str(roster))
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def test_a_roster_without_outlines_counts_and_waits_to_be_drawn(small_url, tmp_path):
    assert _roster(small_url, tmp_path)["inserted"] == 2
    assert query(small_url, """SELECT external_id, community_code, geom IS NULL,
                                      round(ST_X(location)::numeric, 4)::float, round(ST_Y(location)::numeric, 4)::float
                               FROM sites WHERE external_id LIKE 'R%%' ORDER BY 1""") == [
        ("R1", "C2", True, 120.3165, 36.0665), ("R2", "C2", True, 120.318, 36.078)]
    east = json.loads(run_cli(small_url, "stats", "coverage", "--community", "C2").stdout)[0]
    assert east["sites"] == 3 and east["outlined"] == 1  # S3 is drawn, R1 and R2 wait
    conn = db.connect(small_url)
    view = coverage.View(None, "C2", as_of=DAY)
    assert coverage.kpis(conn, view)["outlined"] == 1 and coverage.kpis(conn, view)["sites"] == 3
    assert {"R1", "R2"} <= set(coverage.gaps(conn, view, limit=100)["external_id"])
    data = coverage.map_layers(conn, view, ("sites",))
    html = maps.coverage_map(State(community="C2", street="T1", as_of=DAY, today=DAY), data,
                             (36.07, 120.315),
                             15).get_root().render()
    assert html.count("atlas-pending") == 2 and "待绘制" in html
    conn.close()
    # a re-import of the roster keeps what is drawn meanwhile
    assert _roster(small_url, tmp_path)["rejected"] == 0


def test_a_roster_row_nothing_places_is_rejected_naming_its_address(small_url, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("编号,名称,类型,地址\nR9,无名院,open_courtyard,不知道哪里\n"
                      "R8,空院,open_courtyard,\n", encoding="utf-8")
    res = run_cli(small_url, "import", "sites", str(roster))
    assert res.returncode == 2
    assert "row 2: field 'address': '不知道哪里' matches no doorplate" in res.stderr
    assert "row 3: field 'geometry': no outline, point or address" in res.stderr
    assert query(small_url, "SELECT count(*) FROM sites WHERE external_id IN ('R8', 'R9')") == [(0,)]


def test_drawing_the_outline_attaches_it_and_takes_the_cases_inside(small_url, tmp_path):
    _roster(small_url, tmp_path)
    r2 = query(small_url, "SELECT id FROM sites WHERE external_id = 'R2'")[0][0]
    extract = tmp_path / "cases.csv"
    extract.write_text("external_id,category,status,reported_at,lon,lat\n"
                       "K1,garbage,open,2026-10-01 09:00,120.3181,36.0781\n"
                       "K2,garbage,open,2026-10-01 09:00,120.3185,36.0785\n",
                       encoding="utf-8")
    assert run_cli(small_url, "import", "cases", str(extract), "--source", "hotline_12345"
                   ).returncode == 0
    assert query(small_url, "SELECT count(*) FROM cases WHERE site_id = %s", (r2,)) == [(0,)]
    outline = {"type": "Polygon", "coordinates": [[[120.3175, 36.0775], [120.3195, 36.0775],
                                                   [120.3195, 36.0795], [120.3175, 36.0795],
                                                   [120.3175, 36.0775]]]}
    conn = db.connect(small_url)
    shapes.save_site_shape(conn, "tester", outline, {}, community="C2", site_id=r2)
    conn.close()
    assert query(small_url, """SELECT external_id, name, households, geom IS NOT NULL,
                                      ST_Within(location, geom)
                               FROM sites WHERE id = %s""", (r2,)) == [("R2", "海边新村", 200, True, True)]
    assert query(small_url, "SELECT count(*) FROM cases WHERE site_id = %s", (r2,)) == [(2,)]
    east = json.loads(run_cli(small_url, "stats", "coverage", "--community", "C2").stdout)[0]
    assert east["outlined"] == 2
    from tests.test_case_stats import aggregates_equal_raw

    assert aggregates_equal_raw(small_url)


def test_the_gap_list_exports_drawn_and_waiting_sites_as_two_layers(small_url, tmp_path):
    import pyogrio

    _roster(small_url, tmp_path)
    out = tmp_path / "gaps.gpkg"
    res = run_cli(small_url, "export", "table", "--view", "gaps", "--community", "C2",
                  "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert {name for name, _ in pyogrio.list_layers(out)} == {"gaps", "gaps_to_draw"}

    assert set(gpd.read_file(out, layer="gaps_to_draw")["external_id"]) == {"R1", "R2"}
    assert set(gpd.read_file(out, layer="gaps")["external_id"]) == {"S3"}


def test_a_community_imports_its_own_roster_and_nobody_else_s(small_url, tmp_path):
    import pytest

    from geo import users
    from geo.errors import InputError
    from geo.importing import run

    _roster(small_url, tmp_path)
    owner = db.connect(small_url)
    east = users.add(owner, "east", "community", "east-password-1", scope="C2")
    owner.close()
    own = tmp_path / "own.csv"
    own.write_text("编号,名称,类型,经度,纬度,户数\nR3,东边小院,open_courtyard,120.3185,36.0625,30\n",
                   encoding="utf-8")
    assert run.import_file("sites", own, url=small_url, as_user=east)["inserted"] == 1
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("编号,名称,类型,经度,纬度\nR4,东边二院,open_courtyard,120.3186,36.0655\n"
                     "R5,西边的院,open_courtyard,120.305,36.07\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        run.import_file("sites", mixed, url=small_url, as_user=east)
    assert "row 3: field 'community_code': site 'R5' lies in community C1, which you may not " \
           "change" in "\n".join(refused.value.lines())
    assert query(small_url, "SELECT count(*) FROM sites WHERE external_id IN ('R4', 'R5')") == [(0,)]
    west = tmp_path / "mgmt.csv"
    west.write_text("site_external_id,mode,valid_from\nS1,commercial,2026-01-01\n", encoding="utf-8")
    records = "SELECT count(*) FROM management"
    before = query(small_url, records)
    with pytest.raises(InputError) as refused:  # another community's site: not one it sees
        run.import_file("management", west, url=small_url, as_user=east)
    assert "unknown site 'S1'" in "\n".join(refused.value.lines())
    assert query(small_url, records) == before
    with pytest.raises(InputError, match="imported by admins"):
        run.import_file("cases", own, url=small_url, as_user=east)


def test_a_community_s_roster_as_it_keeps_it_imports_with_its_modes(small_url, tmp_path):
    """小区名称, 地址, 户数, 物管模式 in words; no ids, kinds or outlines: ids from name and
    address, kinds from the names, management from today where the mode is not already so."""
    _roster(small_url, tmp_path)  # the library and R1, R2
    roster = tmp_path / "东社区物业管理台账.xlsx"
    rows = [{"小区名称": "东海路8号院", "地址": "东海路8号", "户数": 35, "物管模式": "居民自管"},
            {"小区名称": "海景花园", "地址": "东海路10号", "户数": 300, "物管模式": "商业化物管"},
            {"小区名称": "东海大厦", "地址": "东海路8号", "户数": 0, "物管模式": "区属企业嵌入"},
            {"小区名称": "无名楼院", "地址": "东海路10号", "户数": 12, "物管模式": "无物管"}]
    pd.DataFrame(rows).to_excel(roster, index=False)
    res = run_cli(small_url, "import", "sites", str(roster))
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["inserted"] == 4
    got = {r[0]: r[1:] for r in query(small_url, """
        SELECT s.name, s.kind, s.external_id LIKE 'R-%%', coalesce(m.mode, 'none'), s.geom IS NULL
        FROM sites s LEFT JOIN management m ON m.site_id = s.id AND m.valid_to IS NULL
        WHERE s.name IN ('东海路8号院', '海景花园', '东海大厦', '无名楼院')""")}
    assert got == {"东海路8号院": ("open_courtyard", True, "self_managed", True),
                   "海景花园": ("compound", True, "commercial", True),
                   "东海大厦": ("building_cluster", True, "enterprise_embedded", True),
                   "无名楼院": ("open_courtyard", True, "none", True)}
    east = json.loads(run_cli(small_url, "stats", "coverage", "--community", "C2").stdout)[0]
    assert east["sites"] == 6 and east["managed"] == 2 and east["outlined"] == 1
    # the same roster again changes nothing
    again = json.loads(run_cli(small_url, "import", "sites", str(roster)).stdout)
    assert (again["inserted"], again["updated"]) == (0, 0)
    assert query(small_url, "SELECT count(*) FROM management WHERE site_id IN (SELECT id FROM "
                            "sites WHERE external_id LIKE 'R-%%')") == [(3,)]
