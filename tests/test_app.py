"""The Streamlit app, run for real with AppTest against the demo database."""
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


@pytest.fixture
def app(demo_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo_url)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    return at


def test_overview_in_chinese_with_kpis(app):
    app.run()
    assert not app.exception
    assert app.title[0].value == "基层治理一张图"
    labels = [m.label for m in app.metric]
    assert "物管覆盖率（按小区数）" in labels
    assert len(app.dataframe[0].value) == 50  # every community of the district


def test_choosing_a_street_narrows_the_table_and_the_url(app):
    app.run()
    app.sidebar.selectbox[0].select("370202005").run()
    assert not app.exception
    assert app.query_params["street"] == ["370202005"] or app.query_params["street"] == "370202005"
    assert len(app.dataframe[0].value) == 4  # 中山路街道 has four communities


def test_switch_to_english(app):
    app.run()
    app.sidebar.radio[0].set_value("en").run()
    assert app.title[0].value == "Grassroots Atlas"
    assert "Coverage (by sites)" in [m.label for m in app.metric]
