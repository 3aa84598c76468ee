"""12345 extracts as the platform exports them: Chinese headers, words for status and
satisfaction, categories by name (一级-二级 in one cell or in two columns), --map-values,
--dry-run, warnings instead of rejections for a bad secondary field, and local times in a
zone with daylight saving."""
from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from tests.conftest import _clone, query, run_cli, table_counts

# the small district (tests/small_district.py): C1 west of 120.31, C2 east; S1 at 120.302 36.062
WEST, EAST = ("120.3025", "36.0625"), ("120.3135", "36.0715")
STATUS_WORDS = {"已办结": "closed", "办结": "closed", "已完成": "closed", "已关闭": "closed",
                "办理中": "open", "已受理": "open", "待处理": "open", "已派单": "open",
                "退回": "open", "待回访": "open"}
RATING_WORDS = {"满意": 5, "基本满意": 4, "一般": 3, "不满意": 2, "非常不满意": 1, "未评价": None,
                "4": 4, "": None}

# four layouts an extract comes in: (headers, how the category is written, file type)
LAYOUTS = {
    "one cell with a dash, CSV": (
        {"id": "工单编号", "at": "来电时间", "address": "诉求地址", "text": "诉求内容",
         "category": "问题分类", "status": "办理状态", "closed": "办结时间", "rating": "满意度",
         "unit": "承办单位", "source": "来源", "lon": "经度", "lat": "纬度"},
        lambda: {"问题分类": "环境卫生-垃圾清运"}, "csv"),
    "two columns, XLSX": (
        {"id": "工单号", "at": "受理时间", "address": "事发地址", "text": "问题描述",
         "status": "办理状态", "closed": "办结时间", "rating": "满意度", "unit": "承办单位",
         "source": "来源", "lon": "经度", "lat": "纬度"},
        lambda: {"一级分类": "环境卫生", "二级分类": "垃圾清运"}, "xlsx"),
    "one cell with a slash, CSV": (
        {"id": "工单编号", "at": "登记时间", "address": "问题地址", "text": "诉求内容",
         "category": "问题分类", "status": "办理状态", "closed": "办结时间", "rating": "满意度",
         "unit": "承办单位", "source": "来源", "lon": "经度", "lat": "纬度"},
        lambda: {"问题分类": "环境卫生 / 垃圾清运"}, "csv"),
    "level-2 name alone, XLSX": (
        {"id": "工单编号", "at": "受理时间", "address": "诉求地址", "text": "诉求内容",
         "category": "问题分类", "status": "办理状态", "closed": "办结时间", "rating": "满意度",
         "unit": "承办单位", "source": "来源", "lon": "经度", "lat": "纬度"},
        lambda: {"问题分类": "垃圾清运"}, "xlsx"),
}


def _write(path, rows: list[dict]):
    frame = pd.DataFrame(rows)
    if path.suffix == ".xlsx":
        frame.to_excel(path, index=False)
    else:
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    return path


def _extract(headers: dict, category, n_rows: int = len(STATUS_WORDS)) -> list[dict]:
    """One row per status word, the satisfaction words in turn."""
    rows = []
    ratings = list(RATING_WORDS)
    for i, word in enumerate(list(STATUS_WORDS)[:n_rows]):
        closed = STATUS_WORDS[word] == "closed"
        row = {headers["id"]: f"GD{i:05d}", headers["at"]: f"2026-10-{i + 1:02d} 09:30:00",
               headers["address"]: f"湛山大路{i + 1}号", headers["text"]: "楼下垃圾无人清运",
               headers["status"]: word,
               headers["closed"]: f"2026-10-{i + 2:02d} 10:30:00" if closed else "",
               headers["rating"]: ratings[i % len(ratings)], headers["unit"]: "一街道办事处",
               headers["source"]: "12345热线", headers["lon"]: WEST[0], headers["lat"]: WEST[1]}
        row.update(category())
        rows.append(row)
    return rows


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_an_extract_with_the_platforms_headers_imports_with_no_map(small_url, tmp_path, layout):
    headers, category, suffix = LAYOUTS[layout]
    rows = _extract(headers, category)
    path = _write(tmp_path / f"extract.{suffix}", rows)
    res = run_cli(small_url, "import", "cases", str(path))
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["inserted"] == len(rows)
    stored = {r[0]: r[1:] for r in query(small_url, """
        SELECT c.external_id, c.source_code, c.category_code, c.status, c.satisfaction,
               c.address, c.handling_unit, c.closed_at IS NOT NULL, p.description, c.located_by
        FROM cases c LEFT JOIN case_personal p ON p.case_id = c.id""")}
    ratings = list(RATING_WORDS.values())
    for i, word in enumerate(STATUS_WORDS):
        status = STATUS_WORDS[word]
        assert stored[f"GD{i:05d}"] == (
            "hotline_12345", "garbage", status, ratings[i % len(ratings)], f"湛山大路{i + 1}号",
            "一街道办事处", status == "closed", "楼下垃圾无人清运", "coordinates"), word


def _stats(url, *args) -> dict:
    res = run_cli(url, "stats", "cases", *args)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)[0]


def _hotline_csv(tmp_path, categories: list[str], name="own.csv", source="12345热线"):
    headers = LAYOUTS["one cell with a dash, CSV"][0]
    rows = _extract(headers, lambda: {}, n_rows=len(categories))
    for row, value in zip(rows, categories):
        row["问题分类"] = value
        row["来源"] = source
    return _write(tmp_path / name, rows)


def test_unknown_categories_are_listed_once_each_then_mapped_or_added(small_url, tmp_path):
    path = _hotline_csv(tmp_path, ["市容-垃圾"] * 3 + ["市容-噪音"] + ["环境卫生-新问题"] * 2,
                        source="市长信箱")
    before = table_counts(small_url)
    res = run_cli(small_url, "import", "cases", str(path))
    assert res.returncode == 2
    first = res.stderr.splitlines()[0]
    assert ("unknown category '市容-垃圾' (3 rows), '环境卫生-新问题' (2 rows), '市容-噪音' (1 rows); "
            "source '市长信箱' (6 rows)") in first
    assert first.count("市容-垃圾") == 1
    assert table_counts(small_url) == before

    # the hotline's own classification onto the district's
    mapping = tmp_path / "categories.csv"
    mapping.write_text("value,code\n市容-垃圾,garbage\n市容-噪音,noise\n"
                       "环境卫生-新问题,dirty_corner\n", encoding="utf-8")
    sources = tmp_path / "sources.csv"
    sources.write_text("value,code\n市长信箱,hotline_12345\n", encoding="utf-8")
    res = run_cli(small_url, "import", "cases", str(path), "--map-values",
                  f"category={mapping}", "--map-values", f"source={sources}")
    assert res.returncode == 0, res.stderr
    assert dict(query(small_url, "SELECT category_code, count(*) FROM cases GROUP BY 1")) == {
        "garbage": 3, "noise": 1, "dirty_corner": 2}
    assert query(small_url, "SELECT DISTINCT source_code FROM cases") == [("hotline_12345",)]

    # or added: under a known level-1 category when the value names one before the dash
    other = _hotline_csv(tmp_path, ["环境卫生-新问题", "全新大类"], name="new.csv")
    res = run_cli(small_url, "import", "cases", str(other), "--add-categories")
    assert res.returncode == 0, res.stderr
    assert sorted(query(small_url, """SELECT code, name, level, parent_code FROM case_categories
                                      WHERE code IN ('环境卫生-新问题', '全新大类')""")) == [
        ("全新大类", "全新大类", 1, None), ("环境卫生-新问题", "新问题", 2, "sanitation")]


def test_a_bad_value_map_is_refused_naming_its_file_and_row(small_url, tmp_path):
    path = _hotline_csv(tmp_path, ["环境卫生-垃圾清运"])
    bad = tmp_path / "map.csv"
    bad.write_text("value,code\n市容-垃圾,\n", encoding="utf-8")
    res = run_cli(small_url, "import", "cases", str(path), "--map-values", f"category={bad}")
    assert res.returncode == 2 and f"{bad}: row 2: field 'code': required value is empty" in res.stderr
    res = run_cli(small_url, "import", "cases", str(path), "--map-values", f"status={bad}")
    assert res.returncode == 2 and "--map-values: 'status' cannot be mapped" in res.stderr
    assert "Traceback" not in res.stderr


def test_dry_run_prints_what_would_be_written_and_writes_nothing(small_url, tmp_path):
    path = _hotline_csv(tmp_path, ["环境卫生-垃圾清运"] * 4 + ["市容-垃圾"] * 2 + ["环境卫生"])
    rows = pd.read_csv(path, dtype=str, keep_default_na=False)
    rows.loc[6, "工单编号"] = ""  # and a row with no id
    rows.to_csv(path, index=False)
    before = table_counts(small_url)
    res = run_cli(small_url, "import", "cases", str(path), "--dry-run")
    assert res.returncode == 0, res.stderr
    preview = json.loads(res.stdout)
    assert {"mapping", "rows", "would_insert", "would_update", "unchanged", "rejected",
            "warnings", "unknown"} <= set(preview)
    assert preview["mapping"]["category"] == "问题分类"
    assert preview["mapping"]["reported_at"] == "来电时间"
    assert preview["mapping"]["handling_unit"] == "承办单位"
    assert (preview["rows"], preview["would_insert"], preview["rejected"]) == (7, 4, 3)
    assert preview["unknown"] == {"category": {"市容-垃圾": 2}}
    assert table_counts(small_url) == before

    clean = _hotline_csv(tmp_path, ["环境卫生-垃圾清运"] * 4, name="clean.csv")
    assert run_cli(small_url, "import", "cases", str(clean)).returncode == 0
    again = json.loads(run_cli(small_url, "import", "cases", str(clean), "--dry-run").stdout)
    assert (again["would_insert"], again["would_update"], again["unchanged"]) == (0, 0, 4)


# one rule per row: (row's fields, kept?, the field warned about or rejected)
RULES = [
    ({"closed_at": "2026-10-01 08:00:00", "status": "已办结"}, True, "closed_at"),  # before
    ({"closed_at": "2099-01-01 08:00:00", "status": "已办结"}, True, "closed_at"),  # future
    ({"satisfaction": "9"}, True, "satisfaction"),
    ({"satisfaction": "很好"}, True, "satisfaction"),
    ({"status": "神秘状态", "closed_at": "2026-10-02 08:00:00"}, True, "status"),
    ({"status": "神秘状态"}, True, "status"),
    ({"escalation": "省级"}, True, "escalation"),
    ({"external_id": ""}, False, "external_id"),
    ({"reported_at": "昨天"}, False, "reported_at"),
    ({"lon": "120.40"}, False, "lon/lat"),
    # unreadable coordinates: the case is kept, unplaced, for a person to place
    ({"lon": "东经120度"}, True, "lon/lat"),
]


def _rule_rows():
    rows = []
    for i, (change, _, _) in enumerate(RULES):
        row = {"external_id": f"R{i}", "category": "garbage", "status": "已受理",
               "reported_at": "2026-10-01 09:00:00", "closed_at": "", "satisfaction": "",
               "escalation": "", "lon": WEST[0], "lat": WEST[1]}
        rows.append({**row, **change})
    return rows


def test_a_case_still_knowable_is_kept_with_its_bad_field_emptied(small_url, tmp_path):
    path = _write(tmp_path / "rules.csv", _rule_rows())
    before = table_counts(small_url)
    res = run_cli(small_url, "import", "cases", str(path), "--source", "hotline_12345")
    assert res.returncode == 2 and "rejected rows; nothing was imported" in res.stderr
    assert table_counts(small_url) == before

    report = tmp_path / "report.csv"
    res = run_cli(small_url, "import", "cases", str(path), "--source", "hotline_12345",
                  "--skip-invalid", "--report", str(report))
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout)
    assert (summary["inserted"], summary["rejected"], summary["warnings"]) == (8, 3, 8)
    with open(report, encoding="utf-8-sig") as fh:
        found = {(int(r["row"]), r["field"], r["severity"]) for r in csv.DictReader(fh)}
    expected = {(i + 2, field, "warning" if kept else "error")
                for i, (_, kept, field) in enumerate(RULES)}
    assert found == expected
    stored = {r[0]: r[1:] for r in query(small_url, """
        SELECT external_id, status, closed_at IS NULL, satisfaction, escalation FROM cases""")}
    assert stored["R0"] == ("closed", True, None, None)  # closed, its impossible time emptied
    assert stored["R1"] == ("closed", True, None, None)
    assert stored["R2"][2] is None and stored["R3"][2] is None
    assert stored["R4"] == ("closed", False, None, None)  # an unknown word with a closing time
    assert stored["R5"] == ("open", True, None, None)
    assert stored["R6"][3] is None
    assert query(small_url, "SELECT located_by, geom IS NULL FROM cases WHERE external_id = 'R10'"
                 ) == [("unplaced", True)]


def test_warnings_never_block_an_import_and_medians_skip_a_case_without_its_time(small_url, tmp_path):
    base = _write(tmp_path / "base.csv", [
        {"external_id": f"M{i}", "category": "garbage", "status": "已办结",
         "reported_at": "2026-10-01 09:00:00", "closed_at": f"2026-10-01 {10 + i}:00:00",
         "lon": WEST[0], "lat": WEST[1]} for i in range(3)])  # 1, 2 and 3 hours
    assert run_cli(small_url, "import", "cases", str(base), "--source", "hotline_12345").returncode == 0
    before = _stats(small_url)
    assert (before["cases"], before["closed"]) == (3, 3)
    assert 1 < before["median_hours_to_close"] <= 3
    late = _write(tmp_path / "late.csv", [
        {"external_id": "M9", "category": "garbage", "status": "已办结",
         "reported_at": "2026-10-02 09:00:00", "closed_at": "2026-10-01 09:00:00",
         "lon": WEST[0], "lat": WEST[1]}])
    res = run_cli(small_url, "import", "cases", str(late), "--source", "hotline_12345")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["warnings"] == 1 and "1 warnings" in res.stderr
    after = _stats(small_url)
    assert (after["cases"], after["closed"]) == (4, 4)
    assert after["median_hours_to_close"] == before["median_hours_to_close"]


def test_local_times_across_daylight_saving_are_read_without_failing(small_url, tmp_path):
    query(small_url, "UPDATE district SET timezone = 'America/New_York' RETURNING 1")
    path = _write(tmp_path / "dst.csv", [
        {"external_id": "F1", "category": "garbage", "status": "Open",
         "reported_at": "11/01/2015 01:16:00 AM", "lon": WEST[0], "lat": WEST[1]},
        {"external_id": "S1", "category": "garbage", "status": "Closed",
         "reported_at": "03/08/2015 02:30:00 AM", "closed_at": "03/08/2015 04:00:00 AM",
         "lon": WEST[0], "lat": WEST[1]}])
    res = run_cli(small_url, "import", "cases", str(path), "--source", "hotline_12345",
                  "--date-format", "%m/%d/%Y %I:%M:%S %p")
    assert res.returncode == 0, res.stderr
    got = dict(query(small_url, "SELECT external_id, to_char(reported_at AT TIME ZONE 'UTC', "
                                "'YYYY-MM-DD HH24:MI') FROM cases"))
    # an ambiguous time is its first occurrence (EDT); a nonexistent one moves forward by the gap
    assert got == {"F1": "2015-11-01 05:16", "S1": "2015-03-08 07:30"}


def test_an_xlsx_extract_of_demo_cases_counts_as_the_same_cases_in_canonical_columns(
        cluster, demo_template, tmp_path):
    """5,000 demo cases written as the platform exports them (Chinese headers, words, names)
    and in the canonical columns, each imported into its own copy of the demo: the same
    figures."""
    canonical_url, extract_url = _clone(cluster, demo_template), _clone(cluster, demo_template)
    rows = query(canonical_url, """
        SELECT c.external_id, c.category_code, l1.name, cat.name, c.status, c.escalation,
               to_char(c.reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS'),
               to_char(c.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS'),
               c.satisfaction, ST_X(c.geom), ST_Y(c.geom)
        FROM cases c JOIN case_categories cat ON cat.code = c.category_code
        JOIN case_categories l1 ON l1.code = c.category_l1
        ORDER BY c.id LIMIT 5000""")
    words = {5: "满意", 4: "基本满意", 3: "一般", 2: "不满意", 1: "非常不满意", None: "未评价"}
    level = {"community": "社区", "street": "街道", "district": "区级", None: ""}
    canonical = [{"external_id": f"X{r[0]}", "category": r[1], "status": r[4],
                  "escalation": r[5] or "", "reported_at": r[6], "closed_at": r[7] or "",
                  "satisfaction": "" if r[8] is None else r[8], "lon": r[9], "lat": r[10]}
                 for r in rows]
    extract = [{"工单编号": f"X{r[0]}", "受理时间": r[6],
                "问题分类": r[2] if r[2] == r[3] else f"{r[2]}-{r[3]}",
                "办理状态": "已办结" if r[4] == "closed" else "办理中", "办结时间": r[7] or "",
                "满意度": words[r[8]], "协调层级": level[r[5]], "来源": "12345热线",
                "承办单位": "街道办事处", "经度": r[9], "纬度": r[10]} for r in rows]
    res = run_cli(canonical_url, "import", "cases", str(_write(tmp_path / "canonical.csv", canonical)),
                  "--source", "hotline_12345")
    assert res.returncode == 0, res.stderr
    res = run_cli(extract_url, "import", "cases", str(_write(tmp_path / "extract.xlsx", extract)))
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["inserted"] == 5000
    for args in ([], ["--by", "community"], ["--by", "category"], ["--by", "month"]):
        got = run_cli(extract_url, "stats", "cases", *args)
        want = run_cli(canonical_url, "stats", "cases", *args)
        assert json.loads(got.stdout) == json.loads(want.stdout), args
    assert query(extract_url, "SELECT count(*) FROM cases WHERE handling_unit = '街道办事处'") == [(5000,)]
