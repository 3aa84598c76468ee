"""The demo district is real enough: the article's figures and the shape of the problems."""
import datetime as dt

import pytest

from tests.conftest import DEMO_CASES, DEMO_NOW

OLD_TOWN = ("370202002", "370202004", "370202005", "370202007")


@pytest.fixture(scope="module")
def cur(demo_url):
    from geo import db
    conn = db.connect(demo_url)
    conn.autocommit = True
    yield conn.cursor()
    conn.close()


def one(cur, sql, params=None):
    cur.execute(sql, params)
    return cur.fetchone()


def test_real_frame_of_streets_and_communities(cur):
    assert one(cur, "SELECT count(*) FROM streets") == (11,)
    assert one(cur, "SELECT count(*) FROM communities") == (50,)
    assert one(cur, "SELECT name FROM streets WHERE code = '370202001'") == ("香港中路街道",)
    # every community lies in its own street
    assert one(cur, """SELECT count(*) FROM communities c JOIN streets s ON s.code = c.street_code
                       WHERE ST_Area(ST_Difference(c.geom, s.geom)::geography) > 1""") == (0,)


def test_article_figures(cur):
    assert one(cur, "SELECT count(*) FROM people WHERE role = 'district_leader'") == (30,)
    assert one(cur, """SELECT count(DISTINCT a.community_code) FROM assignments a
                       JOIN people p ON p.id = a.person_id WHERE p.role = 'district_leader'""") == (50,)
    assert one(cur, "SELECT count(*) FROM people WHERE role = 'street_cadre'") == (227,)
    assert one(cur, """SELECT count(DISTINCT site_id) FROM assignments a
                       JOIN people p ON p.id = a.person_id WHERE p.role = 'street_cadre'""") == (220,)
    assert one(cur, """SELECT count(*) FROM people
                       WHERE role IN ('grid_worker', 'social_worker')""") == (1424,)
    share, party = one(cur, """SELECT avg(owners_committee::int), bool_and(owners_committee_party)
                               FROM sites WHERE kind = 'compound' AND owners_committee""")
    assert float(one(cur, "SELECT avg(owners_committee::int) FROM sites WHERE kind = 'compound'")[0]) > 0.95
    assert party is True
    open_share = one(cur, """SELECT avg((kind = 'open_courtyard')::int) FROM sites
                             WHERE kind <> 'building_cluster'""")[0]
    assert abs(float(open_share) - 0.80) < 0.005
    names = {r[0] for r in (cur.execute("SELECT name FROM sites WHERE demonstration") or cur.fetchall())}
    assert {"湾仔小区", "伏龙山片区", "旌德支路一号"} <= names


def test_sites_inside_their_community_on_land_and_not_overlapping(cur):
    assert one(cur, """SELECT count(*) FROM sites s JOIN communities c ON c.code = s.community_code
                       WHERE NOT ST_Within(s.geom, c.geom)""") == (0,)
    assert one(cur, """SELECT count(*) FROM sites a JOIN sites b
                       ON a.id < b.id AND ST_Intersects(a.geom, b.geom)
                       WHERE ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 1""") == (0,)


def test_open_courtyards_in_old_town_and_clusters_on_hong_kong_middle_road(cur):
    old, rest = one(cur, """
        SELECT (avg((kind = 'open_courtyard')::int) FILTER (WHERE street_code = ANY(%s)))::float,
               (avg((kind = 'open_courtyard')::int) FILTER (WHERE NOT street_code = ANY(%s)))::float
        FROM sites WHERE kind <> 'building_cluster'""", (list(OLD_TOWN), list(OLD_TOWN)))
    assert old > 0.9 and old > rest + 0.1
    in_street, total = one(cur, """SELECT count(*) FILTER (WHERE street_code = '370202001'), count(*)
                                   FROM sites WHERE kind = 'building_cluster'""")
    assert in_street / total > 0.5
    # along the road: within 400 m of Hong Kong Middle Road's line
    near = one(cur, """SELECT avg((ST_DWithin(geom::geography, ST_GeomFromText(
                 'LINESTRING(120.3718 36.0625, 120.386 36.064, 120.4 36.0665)', 4326)::geography,
                 400))::int) FROM sites WHERE kind = 'building_cluster' AND street_code = '370202001'""")[0]
    assert near > 0.95


def test_coverage_rises_from_2024(cur):
    def rate(day):
        return one(cur, """SELECT avg((coalesce(m.mode, 'none') <> 'none')::int)
            FROM sites s LEFT JOIN management m ON m.site_id = s.id AND m.valid_from <= %s
                 AND (m.valid_to IS NULL OR m.valid_to > %s)
            WHERE s.kind = 'open_courtyard'""", (day, day))[0]
    assert rate(dt.date(2024, 1, 1)) < 0.3 < 0.8 < rate(DEMO_NOW.date())
    modes = {r[0] for r in (cur.execute("SELECT DISTINCT mode FROM management") or cur.fetchall())}
    assert modes == {"commercial", "self_managed", "scenic_co_managed", "enterprise_embedded", "none"}


def test_cases_denser_where_management_is_missing(cur):
    managed, unmanaged = one(cur, """
        WITH st AS (
          SELECT s.id, s.households, coalesce(m.mode, 'none') <> 'none' AS managed
          FROM sites s LEFT JOIN management m ON m.site_id = s.id
               AND m.valid_from <= %(d)s AND (m.valid_to IS NULL OR m.valid_to > %(d)s)
          WHERE s.kind <> 'building_cluster'),
        c AS (SELECT site_id, count(*) n FROM cases
              WHERE reported_at >= %(d)s::date - 365 GROUP BY site_id)
        SELECT 100.0 * sum(coalesce(n, 0)) FILTER (WHERE managed) / sum(households) FILTER (WHERE managed)::float,
               100.0 * sum(coalesce(n, 0)) FILTER (WHERE NOT managed) / sum(households) FILTER (WHERE NOT managed)::float
        FROM st LEFT JOIN c ON c.site_id = st.id""", {"d": DEMO_NOW.date()})
    assert unmanaged >= 1.5 * managed


def test_seasonal_and_weekly_rhythm(cur):
    summer, winter = one(cur, """
        WITH m AS (SELECT date_trunc('month', reported_at AT TIME ZONE 'Asia/Shanghai') mon, count(*) n
                   FROM cases WHERE reported_at >= '2024-01-01 00:00+08' AND reported_at < '2026-01-01 00:00+08'
                   GROUP BY 1)
        SELECT (avg(n) FILTER (WHERE extract(month FROM mon) IN (6, 7, 8))::float),
               (avg(n) FILTER (WHERE extract(month FROM mon) IN (12, 1, 2))::float) FROM m""")
    # stated ratio 1.3 / 0.8 = 1.625 per month, less the falling trend and month lengths
    assert 1.35 < summer / winter < 1.9
    weekday, weekend = one(cur, """
        WITH d AS (SELECT (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*) n
                   FROM cases GROUP BY 1)
        SELECT (avg(n) FILTER (WHERE extract(isodow FROM day) < 6))::float,
               (avg(n) FILTER (WHERE extract(isodow FROM day) >= 6))::float FROM d""")
    assert 1.45 < weekday / weekend < 1.9  # stated 1 / 0.6 = 1.67


def test_three_years_of_cases_up_to_the_build(cur):
    total, first, last = one(cur, "SELECT count(*), min(reported_at), max(reported_at) FROM cases")
    assert total >= DEMO_CASES
    assert DEMO_NOW - last < dt.timedelta(days=1)
    assert (DEMO_NOW - first).days > 3 * 365 - 3
    sources = {r[0] for r in (cur.execute("SELECT DISTINCT source_code FROM cases") or cur.fetchall())}
    assert sources == {"hotline_12345", "nuannan", "grid_report", "enterprise"}
    assert one(cur, """SELECT count(*) FROM cases WHERE reported_at >= date_trunc('month', %s::timestamptz)""",
               (DEMO_NOW,))[0] > 0


def test_no_two_sites_of_a_community_share_a_name(cur):
    assert one(cur, """SELECT count(*) FROM (SELECT 1 FROM sites GROUP BY community_code, name
                                             HAVING count(*) > 1) d""") == (0,)


def test_the_street_line_drawn_for_a_community_runs_around_its_sites(demo_url):
    """At a community's zoom the street's outline is simplified as finely as the community's
    own: it used to keep the district's 20 m, and ran through sites near the street's edge."""
    import shapely

    from geo import coverage, db

    conn = db.connect(demo_url)
    try:
        worst = 0.0
        for code, street in db.frame(conn, "SELECT code, street_code FROM communities").itertuples(
                index=False):
            view = coverage.View(street, code, as_of=DEMO_NOW.date())
            drawn = coverage.streets(conn, view).set_index("code").geometry[street]
            sites, _ = coverage.sites(conn, view)
            outside = shapely.difference(sites.geometry.values, drawn)
            share = shapely.area(outside) / shapely.area(sites.geometry.values)  # degrees²: a ratio
            worst = max(worst, float(share.max()))
    finally:
        conn.close()
    assert worst < 0.01  # no site is cut by more than 1 % of its area


def test_the_sites_are_lots_of_a_city_not_a_lattice(cur):
    """Lots cut from the blocks between bent roads: within a street their sizes and
    orientations vary (a lattice has one of each), compounds are larger than courtyards."""
    cur.execute("""
        WITH r AS (SELECT street_code, kind, ST_Area(geom::geography) AS area,
                          ST_OrientedEnvelope(ST_Transform(geom, 32651)) AS box FROM sites),
             o AS (SELECT street_code, kind, area,
                          mod(degrees(ST_Azimuth(ST_PointN(ST_ExteriorRing(box), 1),
                                                 ST_PointN(ST_ExteriorRing(box), 2)))::numeric,
                              90) AS angle FROM r)
        SELECT street_code, stddev(area) / avg(area), count(DISTINCT round(angle / 3)),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY area)
                   FILTER (WHERE kind = 'compound'),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY area)
                   FILTER (WHERE kind = 'open_courtyard')
        FROM o GROUP BY street_code""")
    streets = cur.fetchall()
    assert len(streets) == 11
    for street, spread, angles, compound, courtyard in streets:
        assert spread > 0.3 and angles >= 4, street
    compounds = one(cur, """SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ST_Area(geom::geography))
                            FROM sites WHERE kind = 'compound'""")[0]
    courtyards = one(cur, """SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ST_Area(geom::geography))
                             FROM sites WHERE kind = 'open_courtyard'""")[0]
    assert compounds > 1.5 * courtyards


def test_every_site_fronts_a_road_by_its_own_doorplates(cur):
    """Each site's address is a doorplate of the library (or a span of them) inside the site,
    on a road; no two sites share one; odd numbers on one side of a road, even on the other."""
    assert one(cur, "SELECT count(*), count(DISTINCT address) FROM sites") == \
        one(cur, "SELECT count(*), count(*) FROM sites")
    assert one(cur, """SELECT count(*) FROM sites s WHERE NOT EXISTS (
                         SELECT 1 FROM addresses a WHERE a.site_id = s.id
                           AND s.address LIKE a.road || a.number || '%%'
                           AND ST_Within(a.geom, s.geom))""") == (0,)
    assert one(cur, "SELECT count(*) FROM addresses WHERE street_code IS NULL") == (0,)
    # neighbours across the road (5 and 6) are farther apart than neighbours along it (5 and 7)
    across, along = one(cur, """
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ST_Distance(a.geom::geography, b.geom::geography))
                   FILTER (WHERE b.number::int = a.number::int + 1),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY ST_Distance(a.geom::geography, b.geom::geography))
                   FILTER (WHERE b.number::int = a.number::int + 2)
        FROM addresses a JOIN addresses b ON a.road = b.road
        WHERE a.number ~ '^[0-9]+$' AND b.number ~ '^[0-9]+$' AND a.number::int % 2 = 1
          AND a.site_id IS NULL AND b.site_id IS NULL""")
    assert across > along


@pytest.mark.parametrize("step", [8.0, 20.0])
def test_a_road_name_met_again_numbers_on_past_its_last_doorplate(step):
    """Two stretches of one name (a big demo reuses the names): no doorplate twice."""
    from shapely.geometry import LineString, box

    from geo.demo_layout import doorplates, name_roads

    roads = name_roads([(LineString([(0, 0), (1000, 0)]), 12.0),
                        (LineString([(0, 300), (537, 300)]), 12.0)], ["湛山大路"], step)
    plates = doorplates(roads, [], {}, [], box(-100, -100, 1100, 400), step)
    numbers = [p.number for p in plates]
    assert len(numbers) == len(set(numbers)) > 2 * 1000 // step
    odd = {int(p.number) % 2 for p in plates if p.point.y > 0 and p.point.y < 150}
    even = {int(p.number) % 2 for p in plates if p.point.y < 0}
    assert odd == {1} and even == {0}  # odd on the left of the road, even on its right
