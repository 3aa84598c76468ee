"""Recording a management change in the app (AppTest, open demo: no users configured)."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import app_session, open_panels, query, run_cli

COMMUNITY = "370202005001"


@pytest.fixture
def site(demo_copy_url):
    return query(demo_copy_url, """
        SELECT s.id FROM sites s JOIN management m ON m.site_id = s.id AND m.valid_to IS NULL
        WHERE s.community_code = %s AND m.mode = 'none' AND s.kind <> 'building_cluster'
        ORDER BY s.id LIMIT 1""", (COMMUNITY,))[0][0]


def district_today() -> dt.date:
    """The demo district's today (Asia/Shanghai), not the server's."""
    return dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()


def history_site_name(url, site):
    return query(url, "SELECT name FROM sites WHERE id = %s", (site,))[0][0]


def app_for(url, monkeypatch, site):
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    at = app_session()
    at.query_params.update({"street": "370202005", "community": COMMUNITY, "site": str(site)})
    return at


def signed_in_leader(url, monkeypatch, site):
    """The app after a district user ("leader", added by the test) signed in."""
    at = app_for(url, monkeypatch, site)
    at.run()
    at.text_input(key="sign_in_name").input("leader")
    at.text_input(key="sign_in_password").input("correct horse 42")
    at.button[0].click().run()
    return at


def map_mode(at, site: int) -> str:
    """The mode the map colours the site by (its feature's property in the map's script)."""
    import json
    import re

    maps = [n for n in _walk(at._tree)
            if "st_folium" in getattr(getattr(n, "proto", None), "component_name", "")]
    script = json.loads(maps[0].proto.json_args)["script"]
    return re.search(rf'"id": {site}, "kind": "[^"]*", "kind_label": "[^"]*", "label": '
                     rf'"[^"]*", "mode": "(\w+)"', script).group(1)


def _walk(node):
    yield node
    for child in (getattr(node, "children", None) or {}).values():
        yield from _walk(child)


def page_state(at, site_name: str, site: int) -> dict:
    """What the page shows of the change: the KPI counts of two modes, whether the site is in
    the gap list, its mode in the change form's "current" table and on the map, its history's
    length."""
    metric = {m.label: m.value for m in at.metric}
    gaps = next(d.value for d in at.dataframe if d.key == "gap_table")
    current = next(d.value for d in at.dataframe  # the form's table: no period's end
                   if "物业服务单位" in d.value.columns and "截止日期" not in d.value.columns)
    history = next((d.value for d in at.dataframe if "新物管模式" in d.value.columns), [])
    return {"commercial": int(metric["商业化物管"].replace(",", "")),
            "none": int(metric["无物管"].replace(",", "")),
            "in_gap_list": site_name in set(gaps["名称"]),
            "current_mode": list(current["物管模式"]), "history": len(history),
            "map_mode": map_mode(at, site)}


def test_record_and_undo_a_change_in_the_app(demo_copy_url, monkeypatch, site):
    """After the write, and after its undo, the whole page shows the database's state: KPIs,
    gap list, the form's current record and the history (they were one step behind)."""
    name = history_site_name(demo_copy_url, site)
    at = app_for(demo_copy_url, monkeypatch, site)
    open_panels(at.run())
    assert not at.exception
    before = page_state(at, name, site)
    assert before["in_gap_list"] and before["current_mode"] == ["无物管"]
    assert before["map_mode"] == "none"
    form_mode = next(s for s in at.selectbox if s.label == "物管模式")
    form_mode.set_value("commercial")
    next(t for t in at.text_input if t.label == "物业服务单位").input("万科物业")
    next(b for b in at.button if b.label == "记录变更").click().run()
    assert not at.exception
    assert any("已记录 1 处变更" in s.value for s in at.success)
    assert query(demo_copy_url, "SELECT mode, provider, valid_from FROM management "
                                "WHERE site_id = %s AND valid_to IS NULL", (site,)) == [
        ("commercial", "万科物业", district_today())]
    after = page_state(at, name, site)
    assert after == {"commercial": before["commercial"] + 1, "none": before["none"] - 1,
                     "in_gap_list": False, "current_mode": ["商业化物管"],
                     "history": before["history"] + 2, "map_mode": "commercial"}
    history = next(d.value for d in at.dataframe if "新物管模式" in d.value.columns)
    assert set(history["操作"]) == {"新增", "修改"}
    period = next(d.value for d in at.sidebar.dataframe if "对象" in d.value.columns)
    assert len(period) == 2 and set(period["小区/楼院"]) == {name}
    next(b for b in at.button if b.label == "撤销我的上一次变更").click().run()
    assert any("已撤销" in i.value for i in at.info)
    assert query(demo_copy_url, "SELECT mode FROM management WHERE site_id = %s AND valid_to IS NULL",
                 (site,)) == [("none",)]
    undone = page_state(at, name, site)
    kept = ("commercial", "none", "in_gap_list", "current_mode", "map_mode")
    assert {k: undone[k] for k in kept} == {k: before[k] for k in kept}


def test_district_users_see_no_edit_form(demo_copy_url, monkeypatch, site):
    run_cli(demo_copy_url, "users", "add", "leader", "--role", "district", "--password-stdin",
            input="correct horse 42\n")
    at = signed_in_leader(demo_copy_url, monkeypatch, site)
    assert not at.exception and at.metric
    assert not any(b.label == "记录变更" for b in at.button)


def test_import_page_previews_then_imports(demo_copy_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo_copy_url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    (lon, lat), = query(demo_copy_url, "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p "
                                       "FROM communities WHERE code = %s) x", (COMMUNITY,))
    header = "external_id,category,status,reported_at,closed_at,lon,lat\n"
    bad = (header + f"U1,garbage,open,2026-10-01 09:00,,{lon},{lat}\n"
           f"U2,garbage,open,2026-13-01 09:00,,{lon},{lat}\n").encode()
    good = (header + f"U1,garbage,open,2026-10-01 09:00,,{lon},{lat}\n"
            f"U2,noise,closed,2026-10-02 09:00,2026-10-02 12:00,{lon},{lat}\n").encode()
    before = query(demo_copy_url, "SELECT count(*) FROM cases")[0][0]
    at = app_session()
    at.query_params["view"] = "import"
    at.run()
    assert not at.exception and at.title[0].value == "数据导入"
    at.selectbox(key="import_kind").set_value("cases").run()
    at.text_input(key="import_source").input("hotline_12345")
    at.file_uploader(key="import_upload").set_value(("../../etc/passwd.csv", bad, "text/csv"))
    at.run()
    assert not at.exception
    rejected = at.dataframe[0].value
    assert list(rejected["行"]) == [3] and list(rejected["字段"]) == ["受理时间"]
    reason, = rejected["原因"]  # in Chinese, saying what it could not read
    assert reason.startswith("无法把“2026-13-01 09:00”读成日期"), reason
    refusal = at.error[0].value  # named by the file the user chose, not where it was saved
    assert "passwd.csv" in refusal and "atlas-upload" not in refusal
    assert "1 行未通过检查，未导入任何数据" in refusal
    assert query(demo_copy_url, "SELECT count(*) FROM cases")[0][0] == before  # nothing written
    no_time = good.replace(b",reported_at,", b",when,")
    at.file_uploader(key="import_upload").set_value(("无时间.csv", no_time, "text/csv"))
    at.run()  # a whole-file refusal is in Chinese too, its field by its name
    assert at.error[0].value == "无时间.csv: 缺少必填列“受理时间”", at.error[0].value
    at.file_uploader(key="import_upload").set_value(("good.csv", good, "text/csv"))
    at.run()
    assert "新增 2" in at.info[0].value
    assert query(demo_copy_url, "SELECT count(*) FROM cases")[0][0] == before  # a preview only
    at.button(key="import_confirm").click().run()
    assert any("已导入 2 行" in s.value for s in at.success)
    assert query(demo_copy_url, "SELECT count(*) FROM cases")[0][0] == before + 2
    assert query(demo_copy_url, "SELECT count(*) FROM audit_log WHERE action = 'import'")[0][0] == 1


def test_table_editor_lists_the_community_sites_for_editors_only(demo_copy_url, monkeypatch, site):
    at = app_for(demo_copy_url, monkeypatch, site)
    open_panels(at.run())
    assert not at.exception
    editor = next(d.value for d in at.dataframe if list(d.value.columns)[:3] == ["id", "name", "kind"])
    n = query(demo_copy_url, "SELECT count(*) FROM sites WHERE community_code = %s", (COMMUNITY,))[0][0]
    assert len(editor) == n and "households" in editor.columns
    assert any(b.label == "保存修改" for b in at.button)
    # a district user gets no editor
    run_cli(demo_copy_url, "users", "add", "leader", "--role", "district", "--password-stdin",
            input="correct horse 42\n")
    at = signed_in_leader(demo_copy_url, monkeypatch, site)
    assert at.metric and not any(b.label == "保存修改" for b in at.button)


def test_delete_a_site_in_the_app_after_confirming(demo_copy_url, monkeypatch, site):
    at = app_for(demo_copy_url, monkeypatch, site)
    open_panels(at.run())
    delete = next(b for b in at.button if b.label == "删除")
    assert delete.disabled  # not before the confirmation
    next(c for c in at.checkbox if c.label.startswith("确认删除")).check().run()
    next(b for b in at.button if b.label == "删除").click().run()
    assert not at.exception
    assert any("已删除" in s.value for s in at.success)
    assert query(demo_copy_url, "SELECT count(*) FROM sites WHERE id = %s", (site,)) == [(0,)]


def test_assign_a_worker_in_the_app(demo_copy_url, monkeypatch, site):
    at = app_for(demo_copy_url, monkeypatch, site)
    open_panels(at.run())
    assert next(s for s in at.selectbox if s.label == "人员").options  # the street's people; the first
    next(b for b in at.button if b.form_id == f"assign_form_{site}").click().run()
    assert not at.exception
    assert any("已指派" in s.value for s in at.success)
    assert query(demo_copy_url, "SELECT count(*) FROM assignments WHERE site_id = %s AND valid_from = %s",
                 (site, district_today()))[0][0] == 1
    people = next(d.value for d in at.dataframe if list(d.value.columns)[:3] == ["id", "external_id", "name"])
    assert len(people) == query(demo_copy_url, "SELECT count(*) FROM people WHERE community_code = %s",
                                (COMMUNITY,))[0][0]


def test_bulk_edit_in_the_sites_table(demo_copy_url, monkeypatch, site):
    at = app_for(demo_copy_url, monkeypatch, site)
    open_panels(at.run())
    editor = at.data_editor(key=f"sites_editor_{COMMUNITY}")
    table = editor.value
    first, second = int(table.loc[0, "id"]), int(table.loc[1, "id"])
    # two rows corrected in the editor, as the grid's cell edits reach the script
    at.session_state[f"sites_editor_{COMMUNITY}"] = {
        "edited_rows": {0: {"households": 777}, 1: {"built_year": 1988, "buildings": 9}},
        "added_rows": [], "deleted_rows": []}
    at.run()
    next(b for b in at.button if b.label == "保存修改").click().run()
    assert not at.exception
    assert any("2" in s.value for s in at.success)
    assert query(demo_copy_url, "SELECT households FROM sites WHERE id = %s", (first,)) == [(777,)]
    assert query(demo_copy_url, "SELECT built_year, buildings FROM sites WHERE id = %s", (second,)) == [(1988, 9)]
    assert query(demo_copy_url, "SELECT count(*) FROM change_log WHERE table_name = 'sites'")[0][0] == 2
    # an implausible value is refused with the site named, and nothing is written
    at.session_state[f"sites_editor_{COMMUNITY}"] = {
        "edited_rows": {0: {"households": 777}, 2: {"built_year": 1066}},
        "added_rows": [], "deleted_rows": []}
    at.run()
    next(b for b in at.button if b.label == "保存修改").click().run()
    assert any("built_year" in e.value for e in at.error)
    assert query(demo_copy_url, "SELECT count(*) FROM change_log WHERE table_name = 'sites'")[0][0] == 2


def test_add_a_person_in_the_app(demo_copy_url, monkeypatch, site):
    at = app_for(demo_copy_url, monkeypatch, site)
    open_panels(at.run())
    name = next(t for t in at.text_input if t.label == "名称" and t.form_id == "add_person")
    name.input("王新")
    next(s for s in at.selectbox if s.label == "角色" and s.form_id == "add_person").set_value("social_worker")
    next(t for t in at.text_input if t.label == "电话" and t.form_id == "add_person").input("13955556666")
    next(b for b in at.button if b.label == "新增人员").click().run()
    assert not at.exception
    assert any("已新增：王新" in s.value for s in at.success)
    assert query(demo_copy_url, "SELECT role, phone, community_code FROM people WHERE name = '王新'") == [
        ("social_worker", "13955556666", COMMUNITY)]


def test_drawing_offers_the_outlines_to_reshape(demo_copy_url, monkeypatch, site):
    at = app_for(demo_copy_url, monkeypatch, site)
    at.run()
    at.toggle(key="draw_mode").set_value(True).run()
    assert not at.exception
    choices = at.selectbox(key="edit_outline")
    grids = query(demo_copy_url, "SELECT count(*) FROM grids WHERE community_code = %s", (COMMUNITY,))[0][0]
    assert choices.options[:3] == ["（不修改已有范围）",
                                   f"所选小区/楼院 · {history_site_name(demo_copy_url, site)}", "本社区边界"]
    assert len(choices.options) == 3 + grids
    assert any("多边形或矩形工具" in c.value for c in at.caption)


def test_a_gap_site_without_households_is_listed_without_a_rate(demo_copy_url, monkeypatch, site):
    # a site drawn in the app starts with 0 households: no rate per 100 households, no crash
    query(demo_copy_url, "UPDATE sites SET households = 0 WHERE id = %s RETURNING id", (site,))
    at = app_for(demo_copy_url, monkeypatch, site)
    at.run()
    assert not at.exception
    gaps = next(d.value for d in at.dataframe if d.key == "gap_table")
    row = gaps[gaps["名称"] == history_site_name(demo_copy_url, site)]
    assert len(row) == 1 and row["每百户诉求"].isna().all()


def test_end_an_assignment_in_the_app(demo_copy_url, monkeypatch, site):
    person = query(demo_copy_url, """SELECT p.id FROM people p JOIN sites s ON s.street_code = p.street_code
                                     WHERE s.id = %s AND p.role = 'grid_worker' ORDER BY p.id LIMIT 1""", (site,))[0][0]
    query(demo_copy_url, """INSERT INTO assignments (person_id, target_kind, community_code, street_code,
                                                     site_id, valid_from)
                            SELECT %s, 'site', community_code, street_code, id, %s FROM sites WHERE id = %s
                            RETURNING id""", (person, dt.date.today() - dt.timedelta(days=60), site))
    at = app_for(demo_copy_url, monkeypatch, site)
    open_panels(at.run())
    next(b for b in at.button if b.form_id == f"end_assignment_{site}").click().run()
    assert not at.exception
    assert any("已结束" in s.value for s in at.success)
    assert query(demo_copy_url, "SELECT valid_to FROM assignments WHERE person_id = %s AND site_id = %s",
                 (person, site)) == [(district_today(),)]


def test_edit_a_site_in_its_form(demo_copy_url, monkeypatch, site):
    at = app_for(demo_copy_url, monkeypatch, site)
    open_panels(at.run())
    form = f"site_form_{site}"
    next(n for n in at.number_input if n.label == "户数" and n.form_id == form).set_value(432)
    next(c for c in at.checkbox if c.label == "示范点" and c.form_id == form).check()
    next(b for b in at.button if b.form_id == form).click().run()
    assert not at.exception
    assert any("已保存" in s.value for s in at.success)
    assert query(demo_copy_url, "SELECT households, demonstration FROM sites WHERE id = %s",
                 (site,)) == [(432, True)]
    assert query(demo_copy_url, "SELECT count(*) FROM change_log WHERE site_id = %s AND table_name = 'sites'",
                 (site,)) == [(1,)]
    # a committee's party organisation without a committee is refused, nothing written
    next(c for c in at.checkbox if c.label == "有党组织" and c.form_id == form).check()
    next(c for c in at.checkbox if c.label == "业委会" and c.form_id == form).uncheck()
    next(b for b in at.button if b.form_id == form).click().run()
    assert any("owners_committee_party" in e.value for e in at.error)
    assert query(demo_copy_url, "SELECT count(*) FROM change_log WHERE site_id = %s AND table_name = 'sites'",
                 (site,)) == [(1,)]


def test_assign_a_district_leader_to_the_community_in_the_app(demo_copy_url, monkeypatch, site):
    # the community loses its leaders: it shows in the "communities without a leader" list
    query(demo_copy_url, """UPDATE assignments SET valid_to = valid_from + 1
                            WHERE community_code = %s AND target_kind = 'community' RETURNING id""",
          (COMMUNITY,))
    at = app_for(demo_copy_url, monkeypatch, site)
    open_panels(at.run())
    no_leader = next(d.value for d in at.dataframe if list(d.value.columns) == ["代码", "名称"])
    assert list(no_leader["代码"]) == [COMMUNITY]
    next(b for b in at.button if b.form_id == "assign_leader").click().run()
    assert not at.exception
    assert any("已指派" in s.value for s in at.success)
    assert query(demo_copy_url, """SELECT p.role FROM assignments a JOIN people p ON p.id = a.person_id
                                   WHERE a.community_code = %s AND a.target_kind = 'community'
                                   AND a.valid_to IS NULL""", (COMMUNITY,)) == [("district_leader",)]
    at.run()
    no_leader = next(d.value for d in at.dataframe if list(d.value.columns) == ["代码", "名称"])
    assert no_leader.empty


def test_import_page_shows_the_columns_it_found_lets_them_be_changed_and_lists_warnings(
        demo_copy_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo_copy_url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    (lon, lat), = query(demo_copy_url, "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p "
                                       "FROM communities WHERE code = %s) x", (COMMUNITY,))
    # an extract whose reporting time is under a header no alias knows, and one bad rating
    extract = ("工单编号,提交时间,问题分类,办理状态,满意度,来源,经度,纬度\n"
               f"W1,2026-10-01 09:00,环境卫生-垃圾清运,办理中,很好,12345热线,{lon},{lat}\n"
               f"W2,2026-10-02 09:00,物业管理/物业收费,已受理,满意,12345热线,{lon},{lat}\n").encode()
    before = query(demo_copy_url, "SELECT count(*) FROM cases")[0][0]
    at = app_session()
    at.query_params["view"] = "import"
    at.run()
    at.selectbox(key="import_kind").set_value("cases").run()
    at.file_uploader(key="import_upload").set_value(("热线导出.csv", extract, "text/csv"))
    at.run()
    assert at.error[0].value == "热线导出.csv: 缺少必填列“受理时间”", at.error[0].value
    # what was found, field by field, under its label
    assert at.selectbox(key="import_map_cases_category").value == "问题分类"
    assert at.selectbox(key="import_map_cases_external_id").value == "工单编号"
    at.selectbox(key="import_map_cases_reported_at").set_value("提交时间").run()
    assert not at.error, [e.value for e in at.error]
    assert "1 行有字段无法读取" in at.warning[0].value
    warned = at.dataframe[0].value  # the only table: nothing is rejected
    assert list(warned["行"]) == [2] and list(warned["字段"]) == ["满意度"]
    assert "新增 2" in at.info[0].value
    at.button(key="import_confirm").click().run()
    assert query(demo_copy_url, "SELECT count(*) FROM cases")[0][0] == before + 2
    assert sorted(query(demo_copy_url, "SELECT external_id, category_code, satisfaction FROM cases "
                                       "WHERE external_id LIKE 'W_'")) == [
        ("W1", "garbage", None), ("W2", "property_fee", 5)]
