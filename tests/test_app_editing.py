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


def app_for(url, monkeypatch, site):
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.query_params.update({"street": "370202005", "community": COMMUNITY, "site": str(site)})
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
    history = next(d.value for d in at.dataframe if "action" in d.value.columns)
    assert set(history["action"]) == {"insert", "update"}
    next(b for b in at.button if b.label == "撤销我的上一次变更").click().run()
    assert any("已撤销" in i.value for i in at.info)
    assert query(demo_copy_url, "SELECT mode FROM management WHERE site_id = %s AND valid_to IS NULL",
                 (site,)) == [("none",)]


def test_district_users_see_no_edit_form(demo_copy_url, monkeypatch, site):
    run_cli(demo_copy_url, "users", "add", "leader", "--role", "district", "--password-stdin",
            input="correct horse 42\n")
    at = app_for(demo_copy_url, monkeypatch, site)
    at.run()
    at.text_input(key="sign_in_name").input("leader")
    at.text_input(key="sign_in_password").input("correct horse 42")
    at.button[0].click().run()
    assert not at.exception and at.metric
    assert not any(b.label == "记录变更" for b in at.button)
