"""The cases view run for real with AppTest: every filter, the display switch, playback."""
import datetime as dt

import pytest

from geo import db, stats
from tests.conftest import app_session

STREET, COMMUNITY = "370202005", "370202005001"


@pytest.fixture
def app(demo_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo_url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    at = app_session()
    at.query_params["view"] = "cases"
    at.query_params["street"] = STREET
    at.query_params["community"] = COMMUNITY
    return at


def figures(at) -> dict:
    return {m.label: m.value for m in at.metric}


def expected(url, **filters) -> str:
    conn = db.connect(url)
    with conn.cursor() as cur:
        today = stats.district_today(cur)
    f = stats.CaseFilters(**{"date_from": dt.date(today.year, 1, 1), "date_to": today, **filters})
    n = stats.cases(conn, stats.Scope(STREET, COMMUNITY), f)[0]["cases"]
    conn.close()
    return f"{n:,}"


def param(at, key):
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def test_cases_view_shows_the_figures_of_stats_cases(app, demo_url):
    app.run()
    assert not app.exception
    assert app.title[0].value == "诉求热力与分析"
    shown = figures(app)
    assert shown["诉求总数"] == expected(demo_url)
    assert shown["办结率"].endswith("%") and shown["办结时长中位数"].endswith(" h")
    conn = db.connect(demo_url)
    with conn.cursor() as cur:
        today = stats.district_today(cur)
    whole = stats.cases(conn, stats.Scope(STREET, COMMUNITY),
                        stats.CaseFilters(dt.date(today.year, 1, 1), today))[0]
    conn.close()
    satisfaction = next(m for m in app.metric if m.label == "满意率")
    assert satisfaction.value == f"{whole['satisfaction_rate']:.1%}"
    assert satisfaction.delta == f"{whole['rated']:,} 件已评价" and whole["rated"] > 0
    # every card says what it counts
    assert all(m.help for m in app.metric)
    # the demo rates closed cases only: the open ones have "no ratings", never 0 %
    app.sidebar.selectbox(key="status").set_value("open").run()
    satisfaction = next(m for m in app.metric if m.label == "满意率")
    assert (satisfaction.value, satisfaction.delta) == ("暂无评价", "0 件已评价")
    assert len(app.get("arrow_vega_lite_chart")) or len(app.get("arrow_bar_chart")) or app.dataframe


@pytest.mark.parametrize("widget,kind,value,filters,url_key", [
    ("categories", "multiselect", ["property"], {"categories": ["property"]}, "category"),
    ("categories", "multiselect", ["garbage", "noise"], {"categories": ["garbage", "noise"]}, "category"),
    ("sources", "multiselect", ["grid_report"], {"sources": ["grid_report"]}, "source"),
    ("status", "selectbox", "open", {"status": "open"}, "status"),
    ("escalation", "selectbox", "street", {"escalation": "street"}, "escalation"),
])
def test_each_filter_changes_the_figures_and_the_url(app, demo_url, widget, kind, value, filters, url_key):
    app.run()
    before = figures(app)["诉求总数"]
    getattr(app.sidebar, kind)(key=widget).set_value(value).run()
    assert not app.exception
    assert figures(app)["诉求总数"] == expected(demo_url, **filters) != before
    assert param(app, url_key) == (",".join(value) if isinstance(value, list) else value)


@pytest.mark.parametrize("period", ["this_month", "last_3_months", "last_year"])
def test_quick_picks(app, demo_url, period):
    app.run()
    app.sidebar.selectbox(key="period").set_value(period).run()
    assert not app.exception
    conn = db.connect(demo_url)
    with conn.cursor() as cur:
        today = stats.district_today(cur)
    conn.close()
    from geo.viewstate import period_range
    lo, hi = period_range(period, today)
    assert app.caption[0].value.startswith(f"{lo} – {hi}")
    assert figures(app)["诉求总数"] == expected(demo_url, date_from=lo, date_to=hi)
    assert param(app, "period") == period


def test_custom_range_from_the_url(app, demo_url):
    app.query_params["period"] = "custom"
    app.query_params["from"] = "2025-03-10"
    app.query_params["to"] = "2025-06-20"
    app.run()
    assert not app.exception
    assert figures(app)["诉求总数"] == expected(demo_url, date_from=dt.date(2025, 3, 10),
                                              date_to=dt.date(2025, 6, 20))


def test_display_switch_to_3d_and_playback_month(app):
    app.run()
    app.sidebar.radio(key="display").set_value("hexagon").run()
    assert not app.exception
    assert len(app.get("deck_gl_json_chart")) == 1
    assert param(app, "display") == "hexagon"
    app.sidebar.radio(key="display").set_value("heat").run()
    app.select_slider(key="month_pick").set_value(app.select_slider(key="month_pick").options[2]).run()
    assert not app.exception
    assert param(app, "month") == app.select_slider(key="month_pick").value


def test_english(app):
    app.query_params["lang"] = "en"
    app.run()
    assert app.title[0].value == "Case heatmap and analytics"
    assert "Cases" in figures(app)


def _top_cell(url) -> tuple[int, int, int]:
    """The busiest 50 m cell of the community this year (the page's default period)."""
    from geo import cases

    conn = db.connect(url)
    with conn.cursor() as cur:
        today = stats.district_today(cur)
    cells = cases.bins(conn, stats.Scope(STREET, COMMUNITY),
                       stats.CaseFilters(dt.date(today.year, 1, 1), today))
    conn.close()
    top = cells.sort_values("cases").iloc[-1]
    assert top.cases > 3
    return int(top.cx), int(top.cy), cases.COMMUNITY_CELL


@pytest.mark.parametrize("limit, capped", [(3, True), (10_000, False)])
def test_a_capped_case_list_says_so(app, demo_url, monkeypatch, limit, capped):
    from geo import cases

    monkeypatch.setattr(cases, "POINT_LIMIT", limit)
    app.session_state["picked_cell"] = _top_cell(demo_url)
    app.run()
    assert not app.exception
    shown, = [d.value for d in app.dataframe if "编号" in d.value.columns]
    notes = [c.value for c in app.caption if "newest" in c.value or "最新" in c.value]
    if capped:
        assert len(shown) == 3 and notes == ["仅显示最新的 3 件诉求；放大地图或缩小时间段以查看全部。"]
    else:
        assert len(shown) > 3 and notes == []


def test_a_case_waiting_to_be_placed_is_counted_and_put_on_a_picked_site(demo_copy_url,
                                                                         monkeypatch, tmp_path):
    from tests.conftest import query, run_cli

    name = query(demo_copy_url, "SELECT name FROM communities WHERE code = %s", (COMMUNITY,))[0][0]
    extract = tmp_path / "extract.csv"
    extract.write_text("工单编号,受理时间,问题分类,办理状态,来源,诉求地址\n"
                       f"W1,2026-11-19 09:00,garbage,办理中,12345热线,{name}垃圾桶满了\n",
                       encoding="utf-8-sig")
    assert run_cli(demo_copy_url, "import", "cases", str(extract)).returncode == 0
    monkeypatch.setenv("DATABASE_URL", demo_copy_url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    at = app_session()
    at.query_params.update({"view": "cases", "street": STREET, "community": COMMUNITY})
    at.run()
    assert not at.exception
    assert "本范围有 1 件诉求待定位。" in [c.value for c in at.caption]
    at.radio(key="page").set_value("placement").run()
    assert not at.exception
    site, site_name = query(demo_copy_url, "SELECT id, name FROM sites WHERE community_code = %s "
                                           "ORDER BY id LIMIT 1", (COMMUNITY,))[0]
    at.selectbox(key="placement_site").set_value(site).run()
    at.button(key="place_on_site").click().run()
    assert not at.exception
    assert query(demo_copy_url, "SELECT located_by, site_id FROM cases WHERE external_id = 'W1'") \
        == [("manual", site)]
    assert "本范围内没有待定位的诉求。" in [s.value for s in at.success]
    at.button(key="undo_placement").click().run()  # back in the queue
    assert query(demo_copy_url, "SELECT located_by, site_id FROM cases WHERE external_id = 'W1'") \
        == [("community", None)]
    assert at.selectbox(key="placement_case").value is not None
