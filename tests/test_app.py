"""The coverage map app, run for real with AppTest against the demo district."""
import datetime as dt
import json

import psycopg2
import psycopg2.errors
import pytest
from streamlit.testing.v1 import AppTest

from geo import db
from tests.conftest import DEMO_NOW, ROOT, app_session
from tests.conftest import query as q

COMMUNITY = "370202005001"  # in 中山路街道


@pytest.fixture
def app(demo_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo_url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    at = app_session()
    at.query_params["as_of"] = DEMO_NOW.date().isoformat()
    return at


def gap_table(at):
    """The gap list (by its columns: the page has other tables)."""
    return next(d.value for d in at.dataframe if d.key == "gap_table")


def metric(at, label):
    return next(m for m in at.metric if m.label == label)


def test_overview_in_chinese_with_kpis_and_gap_list(app, demo_url):
    app.run()
    assert not app.exception
    assert app.title[0].value == "基层治理一张图"
    courtyards = metric(app, "开放式楼院覆盖率")
    managed, total = q(demo_url, """
        SELECT count(*) FILTER (WHERE coalesce(m.mode, 'none') <> 'none'), count(*)
        FROM sites s LEFT JOIN management m ON m.site_id = s.id AND m.valid_from <= %s
             AND (m.valid_to IS NULL OR m.valid_to > %s) WHERE s.kind = 'open_courtyard'""",
                       (DEMO_NOW.date(), DEMO_NOW.date()))[0]
    assert courtyards.value == f"{managed / total:.1%}"
    assert courtyards.delta and courtyards.delta.startswith("+")  # coverage rose in a year
    gaps = gap_table(app)
    assert list(gaps.columns)[:2] == ["名称", "社区"]
    assert len(gaps) == min(500, q(demo_url, """
        SELECT count(*) FROM sites s LEFT JOIN management m ON m.site_id = s.id AND m.valid_from <= %s
             AND (m.valid_to IS NULL OR m.valid_to > %s)
        WHERE s.kind <> 'building_cluster' AND coalesce(m.mode, 'none') = 'none'""",
                                        (DEMO_NOW.date(), DEMO_NOW.date()))[0][0])
    from geo import coverage, db  # in the order of priority, the default
    conn = db.connect(demo_url)
    ranked = coverage.gaps(conn, coverage.View(None, None, as_of=DEMO_NOW.date()))
    conn.close()
    top = ranked.sort_values("priority", ascending=False, na_position="last")["name"].head(20)
    assert gaps["名称"].head(20).tolist() == top.tolist()


def first_visit(monkeypatch, url: str, **params) -> AppTest:
    """A new session's first run, the URL's ``params`` on top of the demo day."""
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.query_params.update({"as_of": DEMO_NOW.date().isoformat(), **params})
    return at.run()


def maps(at) -> list:
    return [e for e in at.main if getattr(e, "type", "") == "component_instance"]


def _tree(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _tree(child)


def test_a_first_visit_draws_the_figures_and_the_map_before_the_rest(demo_url, monkeypatch):
    at = first_visit(monkeypatch, demo_url, community=COMMUNITY)
    assert not at.exception
    assert len(at.metric) == 14 and len([e for e in _tree(at._tree) if getattr(
        e, "type", "") == "component_instance"]) == 1  # the figures and the map
    assert not at.sidebar.selectbox and not at.dataframe and not at.expander  # not the rest
    assert metric(at, "开放式楼院覆盖率").value
    at.run()  # in a browser, started by the map's first report
    assert at.sidebar.selectbox(key="community").value == COMMUNITY  # the URL's scope kept
    assert not gap_table(at).empty and at.expander
    assert at.query_params["community"] in ([COMMUNITY], COMMUNITY)
    at.sidebar.selectbox(key="street").select("370202005").run()  # and no first screen again
    assert at.sidebar.selectbox(key="street").value == "370202005" and not gap_table(at).empty


def test_a_first_visit_of_the_case_heatmap_draws_its_figures_and_map_first(demo_url, monkeypatch):
    at = first_visit(monkeypatch, demo_url, view="cases", street="370202005")
    assert not at.exception and at.metric and len([e for e in _tree(at._tree) if getattr(
        e, "type", "") == "component_instance"]) == 1
    assert not at.sidebar.selectbox and not at.dataframe and not at.get("vega_lite_chart")
    at.run()
    assert at.sidebar.selectbox(key="street").value == "370202005"
    assert at.get("vega_lite_chart") and at.dataframe  # the charts and the top sites


@pytest.mark.parametrize("params", [{"view": "cases", "display": "column"}, {"view": "import"},
                                    {"community": "370299999999"}])
def test_a_first_visit_that_the_url_alone_cannot_draw_gets_the_whole_page(demo_url, monkeypatch,
                                                                          params):
    """A page without a map that reports back (3D, the import), or a community the sidebar
    would not keep, is drawn whole at once."""
    at = first_visit(monkeypatch, demo_url, **params)
    assert not at.exception
    assert at.sidebar.selectbox(key="street") and at.sidebar.selectbox(key="community").value is None


def test_a_folded_panel_runs_only_when_opened(app):
    app.run()
    assert not [w for w in app.sidebar.selectbox if w.key == "exp_fmt"]  # the export's choices
    assert [e.label for e in app.sidebar.expander][:1] == ["导出"]
    app.session_state["panel_export"] = True  # what opening it in the browser sets
    app.run()
    assert app.sidebar.selectbox(key="exp_fmt").value == ".png"
    no_leader = next(e for e in app.expander if e.label.startswith("无区级领导包联的社区"))
    assert not [d for d in _tree(no_leader) if getattr(d, "type", "") == "dataframe"]
    app.session_state["panel_no_leader"] = True
    app.run()
    no_leader = next(e for e in app.expander if e.label.startswith("无区级领导包联的社区"))
    assert [d for d in _tree(no_leader) if getattr(d, "type", "") == "dataframe"]


def test_choose_street_then_community_updates_url_and_scope(app, demo_url):
    app.run()
    app.sidebar.selectbox(key="street").select("370202005").run()
    assert app.query_params["street"] == ["370202005"] or app.query_params["street"] == "370202005"
    options = app.sidebar.selectbox(key="community").options
    assert len(options) == 1 + 4  # 全部 + the four communities of 中山路街道
    app.sidebar.selectbox(key="community").select(COMMUNITY).run()
    assert not app.exception
    gaps = gap_table(app)  # the community's own sites (its name is no column of its own)
    assert "社区" not in gaps.columns
    assert set(gaps["名称"]) <= {n for (n,) in q(demo_url, "SELECT name FROM sites WHERE community_code = %s",
                                                (COMMUNITY,))}


def test_changing_the_date_changes_coverage(app):
    app.run()
    now = metric(app, "开放式楼院覆盖率").value
    app.sidebar.date_input(key="as_of").set_value(dt.date(2024, 1, 1)).run()
    assert not app.exception
    assert metric(app, "开放式楼院覆盖率").value != now
    assert float(metric(app, "开放式楼院覆盖率").value.rstrip("%")) < float(now.rstrip("%"))


def test_switch_language(app):
    app.run()
    app.sidebar.radio(key="lang").set_value("en").run()
    assert app.title[0].value == "Grassroots Atlas"
    assert metric(app, "Open courtyards covered")
    assert app.query_params["lang"] in ("en", ["en"])


def test_choosing_a_gap_row_opens_the_site_panel(app, demo_url):
    app.query_params["community"] = COMMUNITY
    app.run()
    first = gap_table(app).iloc[0]["名称"]
    app.session_state["gap_table"] = {"selection": {"rows": [0], "columns": []}}
    app.run()
    assert not app.exception
    assert any(first in h.value for h in app.subheader)
    site = app.query_params["site"]
    site = site[0] if isinstance(site, list) else site
    assert q(demo_url, "SELECT name FROM sites WHERE id = %s", (int(site),))[0][0] == first
    # one selection: the panel sits beside the map, above the gap list, and the map marks it
    order = [h.value for h in app.subheader]
    assert order.index(next(h for h in order if first in h)) < order.index("物管空白清单")
    maps = [n for n in _nodes(app._tree) if "atlas-selected" in getattr(
        getattr(n, "proto", None), "json_args", "")]
    script = json.loads(maps[0].proto.json_args)["script"]
    assert len(maps) == 1 and (first in script or json.dumps(first)[1:-1] in script)


def _nodes(node):
    yield node
    for child in (getattr(node, "children", None) or {}).values():
        yield from _nodes(child)


def test_search_a_site(app, demo_url):
    name, site_id = q(demo_url, "SELECT name, id FROM sites WHERE demonstration ORDER BY id LIMIT 1")[0]
    app.run()
    app.sidebar.text_input(key="search").input(name).run()
    assert not app.exception
    assert any(name in h.value for h in app.subheader)
    got = app.query_params["site"]
    assert (got[0] if isinstance(got, list) else got) == str(site_id)


def test_search_offers_the_scope_first_and_switches_to_a_site_outside_it(app, demo_url):
    """Searching from a community: its own sites come first; picking one elsewhere switches
    the street and community (said on the page), so KPIs, map and site panel agree."""
    inside, other, other_street, other_community = q(demo_url, """
        SELECT a.name, b.name, b.street_code, b.community_code
        FROM sites a JOIN sites b ON b.name LIKE '%%路%%' AND b.street_code <> a.street_code
        WHERE a.community_code = %s AND a.name LIKE '%%路%%' ORDER BY a.id, b.id LIMIT 1""",
                                                     (COMMUNITY,))[0]
    app.query_params.update({"street": "370202005", "community": COMMUNITY})
    app.run()
    app.sidebar.text_input(key="search").input("路").run()
    options = app.sidebar.selectbox(key="search_pick").options
    own = [o for o in options if "不在当前范围" not in o]
    assert own and options[:len(own)] == own  # the community's sites first
    app.sidebar.text_input(key="search").input(other).run()  # its first hit lies elsewhere
    assert not app.exception
    assert app.sidebar.selectbox(key="street").value == other_street
    assert app.sidebar.selectbox(key="community").value == other_community
    assert any("已切换" in i.value for i in app.info)
    assert any(other in h.value for h in app.subheader)
    names = set(gap_table(app)["名称"])
    assert names <= {n for (n,) in q(demo_url, "SELECT name FROM sites WHERE community_code = %s",
                                     (other_community,))}


def test_trend_agrees_with_coverage_on_each_day(demo_url):
    from geo import db, coverage, stats

    conn = db.connect(demo_url)
    view = coverage.View(street="370202005", as_of=DEMO_NOW.date())
    trend = coverage.trend(conn, view)
    for row in trend.iloc[::7].itertuples():
        cov = stats.coverage(conn, stats.Scope(street="370202005"), as_of=row.day)[0]
        assert (row.sites, row.managed, row.managed_households) == (
            cov["sites"], cov["managed"], cov["managed_households"])
    conn.close()


def test_a_read_past_the_timeout_says_so_plainly(demo_copy_url, monkeypatch):
    """ATLAS_READ_TIMEOUT cuts the page's reads: a plain message, no traceback; the export
    lifts it (db.unlimited) and the default of 30 s cuts nothing the page needs."""
    monkeypatch.setenv("DATABASE_URL", demo_copy_url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    monkeypatch.setenv("ATLAS_READ_TIMEOUT", "0.001")
    at = app_session()
    at.query_params["as_of"] = str(DEMO_NOW.date())
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "查询时间过长，已停止。请缩小范围（选择街道或社区、缩短时间段）后重试。"]
    conn = db.connect(demo_copy_url)
    db.set_statement_timeout(conn, 1)
    with pytest.raises(psycopg2.errors.QueryCanceled):
        db.row(conn, "SELECT pg_sleep(0.05)")
    conn.rollback()
    with db.unlimited(conn):
        assert db.row(conn, "SELECT count(*) FROM pg_sleep(0.05)")[0] == 1
    with pytest.raises(psycopg2.errors.QueryCanceled):  # back once the export is done
        db.row(conn, "SELECT pg_sleep(0.05)")
    conn.close()


def test_the_comparison_date_follows_the_date_until_the_user_picks_one(app):
    day = DEMO_NOW.date()
    app.run()
    compare = app.sidebar.date_input(key="compare")
    assert compare.value == day.replace(year=day.year - 1) and "compare" not in app.query_params
    app.sidebar.date_input(key="as_of").set_value(dt.date(2025, 6, 30)).run()
    assert not app.exception
    assert app.sidebar.date_input(key="compare").value == dt.date(2024, 6, 30)
    assert metric(app, "开放式楼院覆盖率").delta.startswith("+")  # coverage rose from 2024 to 2025
    app.sidebar.date_input(key="compare").set_value(dt.date(2025, 1, 1)).run()  # the user's own
    app.sidebar.date_input(key="as_of").set_value(dt.date(2025, 9, 30)).run()
    assert app.sidebar.date_input(key="compare").value == dt.date(2025, 1, 1)
    param = app.query_params["compare"]
    assert (param[0] if isinstance(param, list) else param) == "2025-01-01"


def test_no_change_is_grey_without_an_arrow(app):
    """Compared with the same day every change is zero: no arrow, no colour."""
    from streamlit.proto.Metric_pb2 import Metric

    app.query_params["compare"] = DEMO_NOW.date().isoformat()
    app.run()
    assert not app.exception
    with_delta = [m for m in app.metric if m.delta]
    assert len(with_delta) >= 13 and {m.delta for m in with_delta} <= {"+0.0 pt", "+0"}
    assert {m.proto.direction for m in with_delta} == {Metric.MetricDirection.NONE}
    assert {m.proto.color for m in with_delta} == {Metric.MetricColor.GRAY}


def test_the_organisation_kpis_count_over_compounds_and_say_so(app, demo_url):
    """业委会组建率 as the district counts it: over residential compounds (> 95 % in the demo);
    open courtyards get their own figure; every KPI names what it counts over what."""
    app.run()
    assert not app.exception
    committee = metric(app, "业委会组建率（封闭小区）")
    with_one, compounds = q(demo_url, """SELECT count(*) FILTER (WHERE owners_committee), count(*)
                                          FROM sites WHERE kind = 'compound'""")[0]
    assert committee.value == f"{with_one / compounds:.1%}" and with_one / compounds > 0.95
    assert "全部封闭小区" in committee.proto.help
    assert all(m.proto.help for m in app.metric)  # no KPI without its denominator
    yards, with_yards = q(demo_url, """SELECT count(*), count(*) FILTER (WHERE owners_committee)
                                       FROM sites WHERE kind = 'open_courtyard'""")[0]
    assert any(f"业委会 {with_yards / yards:.1%}" in c.value for c in app.caption)


def test_the_server_start_warms_what_a_first_visit_reads(demo_url, monkeypatch, caplog):
    """app/warmup.py fills the coverage page's caches of the district overview and its
    communities and the district case heatmap's (a later load needs no database: it is
    served from them), and a database
    that is not there only leaves the first visit cold."""
    import logging

    from app import connections, loads, warmup
    from geo import coverage, stats
    from geo.viewstate import DEFAULT_LAYERS, State

    import streamlit as st

    caplog.set_level(logging.INFO, logger="app.warmup")
    monkeypatch.setenv("DATABASE_URL", demo_url)
    st.cache_data.clear()  # nothing another test of this process loaded
    warmup.warm()
    assert "warm-up skipped" not in caplog.text
    conn = connections._reader(None, demo_url)
    with conn.cursor() as cur:
        today = stats.district_today(cur)
        community, street = db.run(cur, "SELECT code, street_code FROM communities LIMIT 1").fetchone()
    conn.close()  # a cache miss would need it
    for view in (coverage.View(as_of=today), coverage.View(street, community, as_of=today)):
        assert loads.load_kpis(conn, view)["sites"] > 0
        assert loads.load_map_data(conn, view, DEFAULT_LAYERS)
    heatmap = State(as_of=today, today=today, page="cases")  # the district's, as it opens
    assert not loads.load_bins(conn, heatmap.scope, heatmap.case_filters(today, month=True)).empty
    assert loads.load_figures(conn, heatmap.scope, heatmap.case_filters(today))[0]
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/none")
    warmup.warm()
    assert "warm-up skipped" in caplog.text
