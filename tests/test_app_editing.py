"""Recording a management change in the app (AppTest, open demo: no users configured)."""
import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, query, run_cli

COMMUNITY = "370202005001"


@pytest.fixture
def site(demo_copy_url):
    return query(demo_copy_url, """
        SELECT s.id FROM sites s JOIN management m ON m.site_id = s.id AND m.valid_to IS NULL
        WHERE s.community_code = %s AND m.mode = 'none' AND s.kind <> 'building_cluster'
        ORDER BY s.id LIMIT 1""", (COMMUNITY,))[0][0]


def history_site_name(url, site):
    return query(url, "SELECT name FROM sites WHERE id = %s", (site,))[0][0]


def app_for(url, monkeypatch, site):
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
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


def test_record_and_undo_a_change_in_the_app(demo_copy_url, monkeypatch, site):
    at = app_for(demo_copy_url, monkeypatch, site)
    at.run()
    assert not at.exception
    form_mode = next(s for s in at.selectbox if s.label == "物管模式")
    form_mode.set_value("commercial")
    next(t for t in at.text_input if t.label == "物业服务单位").input("万科物业")
    next(b for b in at.button if b.label == "记录变更").click().run()
    assert not at.exception
    assert any("已记录 1 处变更" in s.value for s in at.success)
    assert query(demo_copy_url, "SELECT mode, provider, valid_from FROM management "
                                "WHERE site_id = %s AND valid_to IS NULL", (site,)) == [
        ("commercial", "万科物业", dt.date.today())]
    history = next(d.value for d in at.dataframe if "mode_after" in d.value.columns)
    assert set(history["action"]) == {"insert", "update"}
    period = next(d.value for d in at.sidebar.dataframe if "table_name" in d.value.columns)
    assert len(period) == 2 and set(period["site"]) == {history_site_name(demo_copy_url, site)}
    next(b for b in at.button if b.label == "撤销我的上一次变更").click().run()
    assert any("已撤销" in i.value for i in at.info)
    assert query(demo_copy_url, "SELECT mode FROM management WHERE site_id = %s AND valid_to IS NULL",
                 (site,)) == [("none",)]


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
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.query_params["view"] = "import"
    at.run()
    assert not at.exception and at.title[0].value == "数据导入"
    at.selectbox(key="import_kind").set_value("cases").run()
    at.text_input(key="import_source").input("hotline_12345")
    at.file_uploader(key="import_upload").set_value(("../../etc/passwd.csv", bad, "text/csv"))
    at.run()
    assert not at.exception
    rejected = at.dataframe[0].value
    assert list(rejected["行"]) == [3] and list(rejected["字段"]) == ["reported_at"]
    assert query(demo_copy_url, "SELECT count(*) FROM cases")[0][0] == before  # nothing written
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
    at.run()
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
    at.run()
    delete = next(b for b in at.button if b.label == "删除")
    assert delete.disabled  # not before the confirmation
    next(c for c in at.checkbox if c.label.startswith("确认删除")).check().run()
    next(b for b in at.button if b.label == "删除").click().run()
    assert not at.exception
    assert any("已删除" in s.value for s in at.success)
    assert query(demo_copy_url, "SELECT count(*) FROM sites WHERE id = %s", (site,)) == [(0,)]


def test_assign_a_worker_in_the_app(demo_copy_url, monkeypatch, site):
    at = app_for(demo_copy_url, monkeypatch, site)
    at.run()
    assert next(s for s in at.selectbox if s.label == "人员").options  # the street's people; the first
    next(b for b in at.button if b.label == "指派").click().run()
    assert not at.exception
    assert any("已指派" in s.value for s in at.success)
    assert query(demo_copy_url, "SELECT count(*) FROM assignments WHERE site_id = %s AND valid_from = %s",
                 (site, dt.date.today()))[0][0] == 1
    people = next(d.value for d in at.dataframe if list(d.value.columns)[:3] == ["id", "external_id", "name"])
    assert len(people) == query(demo_copy_url, "SELECT count(*) FROM people WHERE community_code = %s",
                                (COMMUNITY,))[0][0]
