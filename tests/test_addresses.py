"""Cases placed from their address, offline: the address library (import KIND addresses), the
matching rules and their normalisation, cases with a community and no point or with neither,
and what the figures say about them."""
from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

from geo import coverage, db, placement, users
from geo.addresses import SITE_SCORE, Doorplate, Gazetteer, Place, Site, number_key
from geo.editing import StaleEdit, changelog
from geo.errors import InputError
from geo.stats import Scope
from tests.test_case_stats import aggregates_equal_raw
from tests.conftest import query, run_cli

# ---------------------------------------------------------------- matching, without a database
PLATES = ([Doorplate("湛山大路", str(n), 120.30 + n * 1e-5, 36.06) for n in (1, 3, 5, 7, 11, 13)]
          + [Doorplate("湛山大路", str(n), 120.30 + n * 1e-5, 36.061) for n in (2, 4, 6)]
          + [Doorplate("湛山大路", "5甲", 120.3001, 36.0601), Doorplate("莱芜一路", "12", 120.31, 36.07),
             Doorplate("莱芜一路", "5-1", 120.311, 36.071)])
SITES = [Site(1, "湛山花园", 120.301, 36.062), Site(2, "海韵嘉园", 120.302, 36.063),
         Site(3, "海韵嘉园", 120.303, 36.064), Site(4, "八大关小区", 120.304, 36.065)]


def gazetteer(**aliases) -> Gazetteer:
    return Gazetteer(PLATES, SITES, {"湛山社区": "C1", "八大关社区": "C2"},
                     ["市南区", "湛山街道", "湛山社区", "八大关社区"], aliases=dict(aliases))


@pytest.mark.parametrize("raw, rule, where", [
    ("湛山大路5号", "doorplate", "5"),
    ("山东省青岛市市南区湛山街道湛山大路５号２单元３０１室", "doorplate", "5"),  # places, full width
    ("湛山社区湛山大路五号楼下", "doorplate", "5"),  # Chinese numerals, a landmark after 号
    ("湛山大路 5", "doorplate", "5"),  # no 号
    ("湛山大路5甲号", "doorplate", "5甲"),
    ("莱芜一路十二号对面", "doorplate", "12"),  # a road whose name holds a numeral
    ("莱芜一路5之1号", "doorplate", "5-1"),
    ("湛山大路9号附近", "nearby_doorplate", "7"),  # 7 and 11 both 2 away: the lower, always
    ("湛山大路8号", "nearby_doorplate", "6"),  # the even side
    ("湛山大路99号", "unplaced", None),  # nothing within 10 numbers
    ("湛山花园3号楼", "site_name", 1),
    ("海韵嘉园", "unplaced", None),  # two sites of that name: queued, not guessed
    ("八大关小区2号楼", "site_name", 4),
    ("湛山社区门口", "community", "C1"),
    ("八大关社区附近有噪音", "community", "C2"),
    ("楼上邻居太吵", "unplaced", None),
    ("", "unplaced", None),
])
def test_an_address_is_placed_by_the_first_rule_that_holds(raw, rule, where):
    place = gazetteer().locate(raw)
    assert place.located_by == rule
    if rule in ("doorplate", "nearby_doorplate"):
        plate = next(p for p in PLATES if (p.lon, p.lat) == (place.lon, place.lat))
        assert plate.number == where
    elif rule == "site_name":
        site = next(s for s in SITES if s.id == where)
        assert place.site_id == where and (place.lon, place.lat) == (site.lon, site.lat)
    elif rule == "community":
        assert place.community_code == where and place.lon is None
    else:
        assert place.lon is None and place.community_code is None


def test_a_queued_site_name_offers_its_candidates_and_an_alias_wins():
    assert gazetteer().locate("海韵嘉园").located_by == "unplaced"
    offered = gazetteer().candidates("海韵嘉园")
    assert {c.site_id for c in offered[:2]} == {2, 3} and offered[0].score >= SITE_SCORE
    taught = Place("manual", 120.302, 36.063, site_id=2, community_code="C1")
    assert gazetteer(**{"湛山大路99号": taught}).locate("市南区湛山大路九十九号2单元") == taught


def test_doorplate_numbers_are_read_as_one_doorplate_each():
    assert [number_key(n) for n in ("5", "5号", "五", "5甲", "5-1", "5之1", "一百零五", "０")] == [
        "5", "5", "5", "5甲", "5-1", "5-1", "105", None]
    assert number_key("门口") is None


# ---------------------------------------------------------------- import and figures
# the small district (tests/small_district.py): C1 west of 120.31, C2 east; S1 120.301-120.304
LIBRARY = [("湛山大路", "1", 120.3025, 36.0625), ("湛山大路", "3", 120.3035, 36.0625),
           ("湛山大路", "2", 120.3025, 36.0635), ("东海路", "8", 120.3135, 36.0715)]


def _csv(path, rows: list[dict]):
    pd.DataFrame(rows).to_csv(path, index=False, encoding="utf-8-sig")
    return path


def test_cases_with_an_address_only_are_placed_counted_and_kept(small_url, tmp_path):
    library = _csv(tmp_path / "门牌.csv", [{"道路": r, "门牌号": n, "经度": x, "纬度": y}
                                          for r, n, x, y in LIBRARY])
    res = run_cli(small_url, "import", "addresses", str(library))
    assert res.returncode == 0, res.stderr
    assert query(small_url, "SELECT road, number, community_code FROM addresses ORDER BY 1, 2") == [
        ("东海路", "8", "C2"), ("湛山大路", "1", "C1"), ("湛山大路", "2", "C1"), ("湛山大路", "3", "C1")]
    conn = db.connect(small_url)  # the map's doorplate layer: a community's, never the district's
    day = dt.date(2026, 10, 1)
    shown = coverage.map_layers(conn, coverage.View(None, "C1", as_of=day), ("addresses",))
    assert list(shown["addresses"]["label"]) == ["湛山大路1号", "湛山大路2号", "湛山大路3号"]
    assert "addresses" not in coverage.map_layers(conn, coverage.View(as_of=day), ("addresses",))
    conn.close()
    addresses = {"A1": "湛山大路1号", "A2": "小区县一街道湛山大路三号3单元", "A3": "湛山大路5号",
                 "A4": "东海路８号", "A5": "S1院", "A6": "东社区", "A7": "不知道", "A8": ""}
    extract = _csv(tmp_path / "extract.csv", [
        {"工单编号": k, "受理时间": "2026-10-01 09:00", "问题分类": "garbage", "办理状态": "办理中",
         "来源": "12345热线", "诉求地址": v, "诉求人": "张三", "联系电话": "13800001111"}
        for k, v in addresses.items()]
        + [{"工单编号": "A9", "受理时间": "2026-10-01 09:00", "问题分类": "garbage", "办理状态": "办理中",
            "来源": "12345热线", "诉求地址": "东海路8号", "经度": 120.3025, "纬度": 36.0625}])
    res = run_cli(small_url, "import", "cases", str(extract))
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout)
    assert summary["inserted"] == 9 and summary["warnings"] == 1  # A9: 1 km from its address
    got = {r[0]: r[1:] for r in query(small_url, """
        SELECT c.external_id, c.located_by, c.community_code, s.external_id, c.geom IS NULL
        FROM cases c LEFT JOIN sites s ON s.id = c.site_id""")}
    assert got == {
        "A1": ("doorplate", "C1", "S1", False), "A2": ("doorplate", "C1", "S1", False),
        "A3": ("nearby_doorplate", "C1", "S1", False), "A4": ("doorplate", "C2", "S3", False),
        "A5": ("site_name", "C1", "S1", False), "A6": ("community", "C2", None, True),
        "A7": ("unplaced", None, None, True), "A8": ("unplaced", None, None, True),
        "A9": ("coordinates", "C1", "S1", False)}
    district = json.loads(run_cli(small_url, "stats", "cases").stdout)[0]
    assert district["cases"] == 7 and district["unplaced"] == 2
    assert district["by_located"] == {"coordinates": 1, "doorplate": 3, "nearby_doorplate": 1,
                                      "site_name": 1, "community": 1, "unplaced": 0, "manual": 0}
    east = json.loads(run_cli(small_url, "stats", "cases", "--community", "C2").stdout)[0]
    assert east["cases"] == 2 and "unplaced" not in east
    assert aggregates_equal_raw(small_url)

    # a person's placement is never undone by a re-import
    conn = db.connect(small_url)
    a7 = query(small_url, "SELECT id FROM cases WHERE external_id = 'A7'")[0][0]
    placement.place(conn, "tester", a7, 120.305, 36.07)
    conn.close()
    assert run_cli(small_url, "import", "cases", str(extract)).returncode == 0
    assert query(small_url, "SELECT located_by, community_code FROM cases WHERE external_id = 'A7'") \
        == [("manual", "C1")]
    assert aggregates_equal_raw(small_url)


def _queued(url: str, tmp_path, rows: dict[str, str], name: str = "extract.csv"):
    extract = _csv(tmp_path / name, [
        {"工单编号": k, "受理时间": "2026-10-01 09:00", "问题分类": "garbage", "办理状态": "办理中",
         "来源": "12345热线", "诉求地址": v} for k, v in rows.items()])
    res = run_cli(url, "import", "cases", str(extract))
    assert res.returncode == 0, res.stderr
    return {k: v for k, v in query(url, "SELECT external_id, id FROM cases")}


def test_a_queued_case_is_placed_by_a_person_logged_undone_and_taught(small_url, tmp_path):
    ids = _queued(small_url, tmp_path, {"Q1": "东社区老菜市场门口", "Q2": "海边那栋楼"})
    owner = db.connect(small_url)
    district = users.add(owner, "leader", "district", "pw-1234567890")
    east = users.add(owner, "east", "community", "pw-1234567890", scope="C2")
    admin = users.add(owner, "root", "admin", "pw-1234567890")
    # the queue: the district sees both, C2's community user its own only
    as_district, as_east = db.connect_as(district, small_url), db.connect_as(east, small_url)
    assert set(placement.waiting(as_district, Scope())["external_id"]) == {"Q1", "Q2"}
    assert list(placement.waiting(as_east, Scope("T1", "C2"))["external_id"]) == ["Q1"]
    assert placement.count_waiting(as_east, Scope("T1", "C2")) == 1
    # a district user reads the queue and places nothing; C2's user cannot place in C1
    with pytest.raises(InputError, match="not a case you may place"):
        placement.place(as_district, "leader", ids["Q1"], 120.3135, 36.0715)
    with pytest.raises(InputError, match="outside the communities you may place"):
        placement.place(as_east, "east", ids["Q1"], 120.3025, 36.0625)
    places = placement.load_gazetteer(as_east)
    placement.place(as_east, "east", ids["Q1"], 120.3135, 36.0715, teach=places)
    assert query(small_url, """SELECT c.located_by, c.community_code, s.external_id FROM cases c
                               LEFT JOIN sites s ON s.id = c.site_id WHERE c.external_id = 'Q1'""") \
        == [("manual", "C2", "S3")]
    assert query(small_url, "SELECT alias, community_code, created_by FROM address_aliases") == [
        ("东社区老菜市场门口", "C2", "east")]
    assert query(small_url, """SELECT table_name, action FROM change_log WHERE user_name = 'east'
                               ORDER BY id""") == [("cases", "update"), ("address_aliases", "insert")]
    assert placement.count_waiting(as_east, Scope("T1", "C2")) == 0
    assert aggregates_equal_raw(small_url)
    # the alias places the next case of that address by itself
    ids = _queued(small_url, tmp_path, {"Q3": "东社区老菜市场门口"}, "later.csv")
    assert query(small_url, "SELECT located_by, community_code FROM cases WHERE external_id = 'Q3'") \
        == [("manual", "C2")]
    # undone: the case waits again and the alias is forgotten
    assert changelog.undo_last(as_east, "east")
    assert query(small_url, """SELECT located_by, community_code, geom IS NULL FROM cases
                               WHERE external_id = 'Q1'""") == [("community", "C2", True)]
    assert query(small_url, "SELECT count(*) FROM address_aliases") == [(0,)]
    assert aggregates_equal_raw(small_url)
    # an admin places an unplaced case on a site; the cases table lists every case
    as_admin = db.connect_as(admin, small_url)
    s1 = query(small_url, "SELECT id FROM sites WHERE external_id = 'S1'")[0][0]
    placement.place(as_admin, "root", ids["Q2"], site_id=s1)
    assert query(small_url, "SELECT located_by, site_id FROM cases WHERE external_id = 'Q2'") \
        == [("manual", s1)]
    with pytest.raises(StaleEdit, match="placed already"):
        placement.place(as_admin, "root", ids["Q2"], site_id=s1)
    table = tmp_path / "cases.csv"
    assert run_cli(small_url, "export", "table", "--view", "cases", "--out", str(table)).returncode == 0
    listed = pd.read_csv(table)
    assert len(listed) == query(small_url, "SELECT count(*) FROM cases")[0][0] == 3
    for c in (owner, as_district, as_east, as_admin):
        c.close()


def test_a_doorplate_needs_a_point_and_a_number(small_url, tmp_path):
    library = _csv(tmp_path / "bad.csv", [{"road": "湛山大路", "number": "门口", "lon": 120.3025,
                                           "lat": 36.0625},
                                          {"road": "湛山大路", "number": "7", "lon": "", "lat": ""},
                                          {"road": "湛山大路", "number": "9", "lon": "东经120度",
                                           "lat": 36.0625}])
    res = run_cli(small_url, "import", "addresses", str(library))
    assert res.returncode == 2
    assert "row 2: field 'number': '门口' is not a doorplate number" in res.stderr
    assert "row 3: field 'lon/lat': a point is required" in res.stderr
    # an unreadable coordinate is said once, as what it is
    assert "row 4: field 'lon/lat': lon and lat must be numbers" in res.stderr
    assert res.stderr.count("row 4:") == 1, res.stderr
    assert query(small_url, "SELECT count(*) FROM addresses") == [(0,)]


def test_a_doorplate_far_along_its_road_offers_the_nearest_ones():
    offered = gazetteer().candidates("湛山大路19号")
    plates = [c for c in offered if c.site_id is None]
    assert [c.label for c in plates[:2]] == ["湛山大路13号", "湛山大路11号"]
    assert offered[0] == plates[0] and offered[0].score == 100 - 5 * 6


def test_a_case_known_to_lie_in_a_community_is_offered_that_community_s_sites():
    sites = [Site(1, "海韵花园", 120.301, 36.062, "C1"), Site(2, "海韵家园", 120.31, 36.07, "C2")]
    places = Gazetteer(PLATES, sites, {"湛山社区": "C1"}, ["湛山社区"])
    assert [c.site_id for c in places.candidates("海韵园")] == [1, 2]
    assert [c.site_id for c in places.candidates("海韵园", community="C2")] == [2]


# ---------------------------------------------------------------- a hotline extract of the demo
PLACE_PREFIXES = ["", "", "山东省青岛市市南区", "青岛市市南区", "市南区"]
AFTER_NUMBER = ["", "2单元301室", "3号楼", "附近", "对面", "门口", "楼下", "1单元"]
NO_ADDRESS = ["不详", "市民来电反映", "", "无", "电话联系"]


def _noisy_doorplate(rng, road: str, number: str, street: str, community: str) -> str:
    """A doorplate as a caller gives it: place names before, numerals of any kind, words after."""
    import cn2an

    base, _, sub = number.partition("-")
    digits = base
    roll = rng.random()
    if roll < 0.25:
        digits = cn2an.an2cn(base)
    elif roll < 0.5:
        digits = base.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    written = digits + (("之" if rng.random() < 0.5 else "-") + sub if sub else "")
    prefix = rng.choice(PLACE_PREFIXES) + rng.choice(["", street, community])
    after = rng.choice(AFTER_NUMBER)
    if not after and rng.random() < 0.5:
        return f"{prefix}{road}{written}"  # no 号
    return f"{prefix}{road}{written}号{after}"


def test_a_demo_extract_of_addresses_only_lands_on_the_right_sites(demo_copy_url, tmp_path):
    """10,000 demo cases as a 12345 extract (XLSX, Chinese headers, addresses only, noisy):
    every case imported, ≥ 97 % of those written with a site's address or name on that site
    and ≤ 0.5 % on another, community-only rows on their community, the rest unplaced."""
    rng = np.random.default_rng(2026)
    url = demo_copy_url
    plates: dict[int, list[tuple[str, str]]] = {}
    for site, road, number in query(url, "SELECT site_id, road, number FROM addresses "
                                         "WHERE site_id IS NOT NULL ORDER BY road, number"):
        plates.setdefault(site, []).append((road, number))
    sample = query(url, """
        SELECT c.site_id, s.name, co.code, co.name, st.name, c.address, c.reported_at
        FROM cases c JOIN communities co ON co.code = c.community_code
        JOIN streets st ON st.code = c.street_code LEFT JOIN sites s ON s.id = c.site_id
        ORDER BY md5(c.external_id) LIMIT 10000""")
    rows, expected = [], {}
    for i, (site, name, code, community, street, address, reported) in enumerate(sample):
        roll = rng.random()
        if site is None:  # a street or a square: the demo's own text, near a doorplate
            text, want = address, ("doorplate", None)
        elif roll < 0.72:
            road, number = plates[site][rng.integers(len(plates[site]))]
            text, want = _noisy_doorplate(rng, road, number, street, community), ("site", site)
        elif roll < 0.90:
            text = (community if rng.random() < 0.5 else "") + name + rng.choice(
                ["", "3号楼", "门口", "2单元", "东门附近"])
            want = ("site", site)
        elif roll < 0.95:
            text = community + rng.choice(["附近", "菜市场", "健身广场", "门口有噪音"])
            want = ("community", code)
        else:
            text, want = rng.choice(NO_ADDRESS), ("unplaced", None)
        key = f"X{i:05d}"
        expected[key] = want
        rows.append({"工单编号": key, "受理时间": reported.strftime("%Y-%m-%d %H:%M:%S"),
                     "问题分类": "垃圾清运", "办理状态": "办理中", "来源": "12345热线",
                     "诉求地址": text})
    extract = tmp_path / "12345工单导出.xlsx"
    pd.DataFrame(rows).to_excel(extract, index=False)
    res = run_cli(url, "import", "cases", str(extract))
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["inserted"] == 10_000
    got = {k: v for k, *v in query(url, """
        SELECT external_id, site_id, community_code, geom IS NOT NULL, located_by
        FROM cases WHERE external_id LIKE 'X%%'""")}
    assert len(got) == 10_000
    by_site = [k for k, (kind, _) in expected.items() if kind == "site"]
    right = sum(got[k][0] == expected[k][1] for k in by_site)
    wrong = sum(got[k][0] is not None and got[k][0] != expected[k][1] for k in by_site)
    assert right >= 0.97 * len(by_site), (right, len(by_site))
    assert wrong <= 0.005 * len(by_site), (wrong, len(by_site))
    for k, (kind, where) in expected.items():
        site, community, has_point, located_by = got[k]
        if kind == "community":
            assert (community, has_point, located_by) == (where, False, "community"), k
        elif kind == "unplaced":
            assert (community, has_point, located_by) == (None, False, "unplaced"), k
        elif kind == "doorplate":
            assert has_point and located_by in ("doorplate", "nearby_doorplate"), k
    assert aggregates_equal_raw(url)
