"""我的 (My places): accounts linked to people land on their places (AppTest), each place's
figures equal the cases and the coverage, the previous visit is remembered per account, and
the briefing PDF has a page per place with its three rates."""
import datetime as dt
import subprocess

import pytest

from geo import db, myplaces, stats
from tests.conftest import app_session, open_panels, query, run_cli

PASSWORD = "correct horse 42"
TODAY_PLACES = """
SELECT CASE a.target_kind WHEN 'community' THEN c.name WHEN 'site' THEN s.name ELSE g.name END
FROM assignments a JOIN people p ON p.id = a.person_id
JOIN communities c ON c.code = a.community_code
LEFT JOIN sites s ON s.id = a.site_id LEFT JOIN grids g ON g.code = a.grid_code
WHERE p.external_id = %s AND a.valid_from <= %s AND (a.valid_to IS NULL OR a.valid_to > %s)"""


def today(url) -> dt.date:
    conn = db.connect(url)
    with conn.cursor() as cur:
        day = stats.district_today(cur)
    conn.close()
    return day


def person_with(url, role: str, at_least: int = 1) -> tuple[str, str | None]:
    """A person of ``role`` with at least ``at_least`` places today, and their street."""
    day = today(url)
    return query(url, """
        SELECT p.external_id, min(a.street_code) FROM people p JOIN assignments a ON a.person_id = p.id
        WHERE p.role = %s AND a.valid_from <= %s AND (a.valid_to IS NULL OR a.valid_to > %s)
        GROUP BY 1 HAVING count(*) >= %s ORDER BY 1 LIMIT 1""", (role, day, day, at_least))[0]


def names_today(url, person: str) -> list[str]:
    day = today(url)
    return sorted(r[0] for r in query(url, TODAY_PLACES, (person, day, day)))


def add_user(url, name, role, person, scope=None):
    args = ["users", "add", name, "--role", role, "--person", person, "--password-stdin"]
    result = run_cli(url, *args, *(["--scope", scope] if scope else []), input=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr


@pytest.fixture
def app(demo_copy_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo_copy_url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    return app_session()


def sign_in(at, name):
    at.text_input(key="sign_in_name").input(name)
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()


def place_titles(at) -> list[str]:
    """The places' headings (a site's panel inside its card has its own subheader)."""
    return sorted(s.value.split(" · ")[0] for s in at.subheader
                  if not s.value.endswith(("楼宇集群", "封闭小区", "开放式楼院")))


def test_a_leader_lands_on_exactly_their_communities(app, demo_copy_url):
    leader, _ = person_with(demo_copy_url, "district_leader", 2)
    # an assignment that ended yesterday is not theirs any more
    day = today(demo_copy_url)
    query(demo_copy_url, """
        INSERT INTO assignments (person_id, target_kind, community_code, street_code, valid_from, valid_to)
        SELECT p.id, 'community', c.code, c.street_code, %s, %s FROM people p, communities c
        WHERE p.external_id = %s AND c.code NOT IN (
            SELECT community_code FROM assignments a WHERE a.person_id = p.id)
        ORDER BY c.code LIMIT 1 RETURNING id""", (day - dt.timedelta(days=400), day, leader))
    add_user(demo_copy_url, "leader1", "district", leader)
    app.run()
    sign_in(app, "leader1")
    assert not app.exception
    assert app.title[0].value == "我的包联与点位"
    expected = names_today(demo_copy_url, leader)
    assert len(expected) >= 2 and place_titles(app) == expected
    assert app.sidebar.radio(key="page").value == "mine"
    # the first visit counts the last 30 days; every card says what it counts
    assert any("首次访问" in c.value for c in app.caption)
    assert all(m.help for m in app.metric)
    # a click opens that place's case map
    first = [b for b in app.button if b.key and b.key.startswith("open_cases_community:")][0]
    first.click().run()
    assert not app.exception and app.title[0].value == "诉求热力与分析"
    assert app.query_params["view"] in ("cases", ["cases"])
    # the next session remembers this visit
    again = app_session()
    again.run()
    sign_in(again, "leader1")
    assert any("自上次访问" in c.value for c in again.caption)


def test_a_cadre_sees_their_sites_within_their_street(app, demo_copy_url):
    cadre, street = person_with(demo_copy_url, "street_cadre")
    add_user(demo_copy_url, "cadre1", "street", cadre, scope=street)
    add_user(demo_copy_url, "nobody1", "district", cadre)
    run_cli(demo_copy_url, "users", "link", "nobody1")  # unlinked again
    app.run()
    sign_in(app, "cadre1")
    assert not app.exception
    assert place_titles(app) == names_today(demo_copy_url, cadre)
    assert app.expander  # a site's card has its panel


def test_an_unlinked_account_starts_on_the_map_and_cannot_open_my_places(app, demo_copy_url):
    assert run_cli(demo_copy_url, "users", "add", "plain1", "--role", "district",
                   "--password-stdin", input=PASSWORD + "\n").returncode == 0
    app.run()
    sign_in(app, "plain1")
    assert not app.exception and "mine" not in app.sidebar.radio(key="page").options


def test_the_open_demo_views_the_page_as_anyone(app, demo_copy_url):
    app.query_params["view"] = "mine"
    app.run()
    worker, _ = person_with(demo_copy_url, "grid_worker")
    app.selectbox(key="view_as_role").set_value("grid_worker").run()
    app.selectbox(key="view_as").set_value(worker).run()
    assert not app.exception
    assert place_titles(app) == names_today(demo_copy_url, worker)


def test_place_figures_equal_the_cases_and_the_coverage(demo_url):
    conn = db.connect(demo_url)
    day = today(demo_url)
    leader, _ = person_with(demo_url, "district_leader")
    for place in myplaces.places(conn, leader, day):
        f = myplaces.figures(conn, place, since=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc),
                             date_from=dt.date(2025, 3, 10), today=day, overdue_days=15)
        whole = stats.cases(conn, stats.Scope(community=place.community_code),
                            stats.CaseFilters(dt.date(2025, 3, 10), day))[0]
        assert {k: f["cases"][k] for k in f["cases"]} == {k: whole[k] for k in f["cases"]}
        cov = stats.coverage(conn, stats.Scope(community=place.community_code), as_of=day)[0]
        assert (f["sites"]["residential"], f["sites"]["managed"]) == (cov["sites"], cov["managed"])
        overdue, since = query(demo_url, """
            SELECT count(*) FILTER (WHERE status = 'open' AND reported_at < now() - interval '15 days'),
                   count(*) FILTER (WHERE reported_at >= '2026-01-01 00:00+00')
            FROM cases WHERE community_code = %s""", (place.community_code,))[0]
        assert (f["overdue"], f["since_visit"]) == (overdue, since)
    conn.close()


def test_briefing_has_a_page_per_place_with_its_three_rates(demo_copy_url, tmp_path):
    leader, _ = person_with(demo_copy_url, "district_leader", 2)
    add_user(demo_copy_url, "leader2", "district", leader)
    out = tmp_path / "briefing.pdf"
    result = run_cli(demo_copy_url, "export", "briefing", "--as-user", "leader2", "--out", str(out))
    assert result.returncode == 0, result.stderr
    names = names_today(demo_copy_url, leader)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert f"Pages:           {1 + len(names)}" in info
    pages = subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                           text=True).stdout.split("\f")
    conn = db.connect(demo_copy_url)
    day = today(demo_copy_url)
    for place, text in zip(myplaces.places(conn, leader, day), pages[1:]):
        whole = stats.cases(conn, stats.Scope(community=place.community_code),
                            stats.CaseFilters(day.replace(month=1, day=1), day))[0]
        assert text.startswith(place.name)
        assert f"{whole['closed'] / whole['cases']:.1%}" in text
        assert f"{whole['satisfaction_rate']:.1%} ({whole['rated']:,} 件已评价)" in text
        assert f"{whole['median_hours_to_close']:.1f} h" in text
        assert place.name in pages[0]  # and on the cover
    conn.close()
    # mistakes: exit 2, named, no file
    for args, words in ((["--person", "NOBODY"], "unknown person 'NOBODY'"),
                        (["--person", leader, "--as-user", "leader2"], "one of them"),
                        ([], "one of them")):
        bad = run_cli(demo_copy_url, "export", "briefing", *args, "--out", str(tmp_path / "x.pdf"))
        assert bad.returncode == 2 and words in bad.stderr and "Traceback" not in bad.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_an_admin_links_an_account_to_a_person_on_the_page(app, demo_copy_url):
    leader, _ = person_with(demo_copy_url, "district_leader")
    assert run_cli(demo_copy_url, "users", "add", "root", "--role", "admin", "--password-stdin",
                   input=PASSWORD + "\n").returncode == 0
    assert run_cli(demo_copy_url, "users", "add", "plain2", "--role", "district",
                   "--password-stdin", input=PASSWORD + "\n").returncode == 0
    app.run()
    sign_in(app, "root")
    open_panels(app)
    app.sidebar.selectbox(key="link_account").set_value("plain2").run()
    app.sidebar.text_input(key="link_person_plain2").input("NOBODY").run()
    app.sidebar.button(key="link_save").click().run()
    assert app.sidebar.error[0].value == "没有外部编号为“NOBODY”的人员（请先导入人员）"
    app.sidebar.text_input(key="link_person_plain2").input(leader).run()
    app.sidebar.button(key="link_save").click().run()
    assert not app.exception and leader in app.sidebar.success[0].value
    assert query(demo_copy_url, """SELECT p.external_id FROM app_users u JOIN people p
                                   ON p.id = u.person_id WHERE u.name = 'plain2'""") == [(leader,)]
    assert query(demo_copy_url, "SELECT user_name FROM audit_log WHERE action = 'user_person'") \
        == [("root",)]
