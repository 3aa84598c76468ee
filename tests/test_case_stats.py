"""`stats cases` (pre-aggregated months + raw edges) against figures computed from the raw cases,
for random filter combinations; and the pre-aggregates after re-imports."""
import datetime as dt
import json
import random

import psycopg2

from geo import db, stats
from tests import small_district as sd
from tests.conftest import run_cli

CATEGORIES = ["sanitation", "property", "garbage", "noise", "business", "housing"]
SOURCES = ["hotline_12345", "nuannan", "grid_report", "enterprise"]
MONTH = "date_trunc('month', reported_at AT TIME ZONE 'Asia/Shanghai')::date"
HOURS = "floor(extract(epoch FROM closed_at - reported_at) / 3600)::int"
DAY = "(reported_at AT TIME ZONE 'Asia/Shanghai')::date"


def raw_where(scope, f) -> tuple[str, dict]:
    """The WHERE clause of a scope and filters, written the obvious way."""
    where, params = ["true"], {}
    if scope.community:
        where.append("community_code = %(community)s")
        params["community"] = scope.community
    if scope.street:
        where.append("street_code = %(street)s")
        params["street"] = scope.street
    if f.date_from:
        where.append("reported_at >= (%(lo)s::date)::timestamp AT TIME ZONE 'Asia/Shanghai'")
        params["lo"] = f.date_from
    if f.date_to:
        where.append("reported_at < (%(hi)s::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'")
        params["hi"] = f.date_to
    if f.categories:
        where.append("(category_code = ANY(%(cats)s) OR category_l1 = ANY(%(cats)s))")
        params["cats"] = list(f.categories)
    if f.sources:
        where.append("source_code = ANY(%(srcs)s)")
        params["srcs"] = list(f.sources)
    if f.status:
        where.append("status = %(status)s")
        params["status"] = f.status
    if f.escalation:
        where.append("escalation = %(esc)s")
        params["esc"] = f.escalation
    return " AND ".join(where), params


def raw_figures(conn, scope, f):
    """The same figures the slow, obvious way."""
    where, params = raw_where(scope, f)
    with conn.cursor() as cur:
        cur.execute(f"""SELECT count(*), count(closed_at), percentile_cont(0.5) WITHIN GROUP (
                          ORDER BY extract(epoch FROM closed_at - reported_at) / 3600.0),
                          count(satisfaction), count(*) FILTER (WHERE satisfaction IN (4, 5))
                        FROM cases WHERE {where}""", params)
        n, closed, median, rated, satisfied = cur.fetchone()
        cur.execute(f"SELECT category_l1, count(*) FROM cases WHERE {where} GROUP BY 1", params)
        cats = dict(cur.fetchall())
        cur.execute(f"SELECT escalation, count(*) FROM cases WHERE {where} GROUP BY 1", params)
        found = dict(cur.fetchall())
        escalations = {level: found.get(level, 0) for level in ("community", "street", "district")}
        cur.execute(f"SELECT {HOURS} FROM cases WHERE closed_at IS NOT NULL AND {where} ORDER BY 1",
                    params)
        hours = [h for (h,) in cur.fetchall()]
    conn.rollback()
    return n, closed, median, cats, escalations, hours, (rated, satisfied)


def whole_hours_median(hours: list[int]) -> float | None:
    """The median of whole hours to close (the middle one or two), in the middle of its hour:
    what the histograms give, exactly."""
    if not hours:
        return None
    return (hours[(len(hours) + 1) // 2 - 1] + hours[len(hours) // 2]) / 2 + 0.5


def random_filters(rng):
    start = dt.date(2023, 11, 21) + dt.timedelta(days=rng.randrange(0, 1000))
    end = start + dt.timedelta(days=rng.randrange(0, 700))
    return stats.CaseFilters(
        date_from=start if rng.random() < 0.8 else None,
        date_to=end if rng.random() < 0.8 else None,
        categories=rng.sample(CATEGORIES, rng.randrange(1, 3)) if rng.random() < 0.3 else None,
        sources=rng.sample(SOURCES, rng.randrange(1, 3)) if rng.random() < 0.3 else None,
        status=rng.choice(["open", "closed"]) if rng.random() < 0.2 else None,
        escalation=rng.choice(["community", "street", "district"]) if rng.random() < 0.2 else None)


def test_random_filter_combinations_match_the_raw_cases(demo_url):
    rng = random.Random(4)
    conn = db.connect(demo_url)
    with conn.cursor() as cur:
        cur.execute("SELECT code, street_code FROM communities ORDER BY code")
        communities = cur.fetchall()
    conn.rollback()
    for i in range(40):
        code, street = rng.choice(communities)
        scope = rng.choice([stats.Scope(community=code), stats.Scope(street=street), stats.Scope()])
        f = random_filters(rng)
        got = stats.cases(conn, scope, f)[0]
        n, closed, median, cats, escalations, hours, (rated, satisfied) = raw_figures(conn, scope, f)
        assert (got["cases"], got["closed"]) == (n, closed), (scope, f)
        assert got["rated"] == rated, (scope, f)
        assert got["satisfaction_rate"] == (satisfied / rated if rated else None), (scope, f)
        assert got["by_category"] == cats, (scope, f)
        assert got["by_escalation"] == escalations, (scope, f)
        if median is None:
            assert got["median_hours_to_close"] is None
        else:
            assert abs(got["median_hours_to_close"] - median) <= 1.0, (scope, f)
            # and exactly the median of the whole hours, whichever histogram answered
            assert got["median_hours_to_close"] == whole_hours_median(hours), (scope, f)
    # a status alone reads the hours histogram: "open" has no closing time, "closed" all of them
    for status in ("open", "closed"):
        f = stats.CaseFilters(dt.date(2024, 2, 10), dt.date(2025, 8, 20), status=status)
        got = stats.cases(conn, stats.Scope(), f)[0]
        n, closed, median, _, _, _, (rated, _) = raw_figures(conn, stats.Scope(), f)
        assert (got["cases"], got["closed"]) == (n, closed) and n > 0
        if status == "open":  # the demo's open cases are never rated: "no ratings", not 0 %
            assert median is None and got["median_hours_to_close"] is None
            assert rated == got["rated"] == 0 and got["satisfaction_rate"] is None
        else:
            assert abs(got["median_hours_to_close"] - median) <= 1.0
    by_month = stats.cases(conn, stats.Scope(), stats.CaseFilters(date_from=dt.date(2025, 3, 10)), by="month")
    assert by_month[0]["code"] == "2025-03"
    conn.close()


def test_a_street_median_under_a_filter_comes_from_its_cube(demo_url):
    """A whole street under a level-1 category or source filter: the median from the street's
    histogram (case_street_code_hours), for the owner and for the street's own user; a level-2
    category reads the cases."""
    from geo import cubes, users

    owner = db.connect(demo_url)
    street = "370202005"
    user = db.connect_as(users.User("jiedao", "street", street), demo_url)
    for f in (stats.CaseFilters(dt.date(2024, 2, 10), dt.date(2025, 8, 20), categories=("sanitation",)),
              stats.CaseFilters(dt.date(2024, 5, 3), dt.date(2026, 1, 9), sources=("grid_report",),
                                escalation="street"),
              stats.CaseFilters(dt.date(2024, 5, 3), dt.date(2026, 1, 9),
                                categories=("sanitation", "greening"), sources=("hotline_12345",))):
        with owner.cursor() as cur:
            params = stats.case_params(cur, stats.Scope(street=street), f)
        owner.rollback()
        assert cubes.answering("hours", district=False, street=params["whole_street"], codes=True,
                               level1_only=params["level1_only"]).whole == "case_street_code_hours"
        *_, hours, _ = raw_figures(owner, stats.Scope(street=street), f)
        assert hours, f
        for conn in (owner, user):
            got = stats.cases(conn, stats.Scope(street=street), f)[0]
            assert got["median_hours_to_close"] == whole_hours_median(hours), f
    with user.cursor() as cur:  # the street's user: the street is whole; the district is not
        assert stats.case_params(cur, stats.Scope(street=street), stats.CaseFilters())["whole_street"]
        assert not stats.case_params(cur, stats.Scope(), stats.CaseFilters())["whole_street"]
    user.rollback()
    owner.close()
    user.close()


def aggregates_equal_raw(url) -> bool:
    """Every cube of the catalogue holds exactly the counts of the cases: no row missing, none
    different, none left over (an emptied row counts as left over)."""
    from psycopg2 import sql

    from geo.cubes import CUBES
    from geo.sql.cubes import from_cases

    conn = psycopg2.connect(url)
    mismatched = {}
    with conn.cursor() as cur:
        cur.execute("SELECT district_timezone()")
        tz = cur.fetchone()[0]
        for cube in CUBES:
            columns = sql.SQL(", ").join(map(sql.Identifier, cube.stored))
            on = sql.SQL(" AND ").join(sql.SQL("a.{0} = raw.{0}").format(sql.Identifier(k))
                                       for k in cube.key)
            differs = sql.SQL(" OR ").join(sql.SQL("a.{0} IS DISTINCT FROM raw.{0}").format(
                sql.Identifier(m)) for m in cube.measures + cube.bins)
            cur.execute(sql.SQL("SELECT count(*) FROM ({raw}) raw ({columns}) FULL JOIN {cube} a "
                                "ON {on} WHERE {differs}").format(
                raw=from_cases(cube), columns=columns, cube=sql.Identifier(cube.name), on=on,
                differs=differs), {"tz": tz})
            mismatched[cube.name] = cur.fetchone()[0]
    conn.close()
    assert set(mismatched) == {c.name for c in CUBES} and len(mismatched) >= 12
    assert not any(mismatched.values()), mismatched
    return True


def test_medians_follow_category_and_source_at_every_level(small_url, tmp_path):
    """Garbage closes in hours, noise in days, and by source differently again: the median
    of each filter, from whichever histogram answers the scope (the district's by category and
    source, a level-2 category read through its level-1 rows), is that of its own cases."""
    rows = []
    for i in range(120):
        category, hours = ("garbage", 2 + i % 5) if i % 3 else ("noise", 40 + i % 30)
        reported = dt.datetime(2026, 1, 1, 8) + dt.timedelta(days=i)
        closed = reported + dt.timedelta(hours=hours + (30 if i % 4 == 0 else 0))
        rows.append(f"M{i},{category},closed,{reported:%Y-%m-%d %H:%M},{closed:%Y-%m-%d %H:%M},"
                    f"{'120.302,36.062' if i % 2 else '120.3135,36.0715'}")
    base = "external_id,category,status,reported_at,closed_at,lon,lat\n"
    for source, part in (("hotline_12345", rows[::2]), ("nuannan", rows[1::2])):
        path = sd.csv(tmp_path / f"{source}.csv", base + "\n".join(part))
        assert run_cli(small_url, "import", "cases", str(path), "--source", source).returncode == 0
    conn = db.connect(small_url)
    with conn.cursor() as cur:
        cur.execute("SELECT code, street_code FROM communities ORDER BY code LIMIT 1")
        community, street = cur.fetchone()
    conn.rollback()
    medians = set()
    for scope in (stats.Scope(), stats.Scope(street=street), stats.Scope(community=community)):
        for f in (stats.CaseFilters(dt.date(2026, 1, 10), dt.date(2026, 4, 20)),
                  stats.CaseFilters(dt.date(2026, 1, 10), dt.date(2026, 4, 20),
                                    categories=["garbage"]),
                  stats.CaseFilters(dt.date(2026, 1, 10), dt.date(2026, 4, 20),
                                    categories=["noise"]),
                  stats.CaseFilters(dt.date(2026, 1, 1), None, categories=["sanitation"],
                                    sources=["nuannan"]),
                  stats.CaseFilters(dt.date(2026, 2, 5), dt.date(2026, 3, 31),
                                    sources=["hotline_12345"])):
            got = stats.cases(conn, scope, f)[0]["median_hours_to_close"]
            expected = whole_hours_median(raw_figures(conn, scope, f)[5])
            assert got == expected, (scope, f)
            medians.add(expected)
    assert len(medians) >= 4  # the filters do tell the medians apart
    conn.close()


def test_pre_aggregates_follow_imports_and_re_imports(small_url, tmp_path):
    """Every cube of the catalogue equals the cases after an import, a re-import, an
    incremental import, an update, a deletion, a site's deletion, a `db up` and a truncation."""
    from geo.cubes import CUBES

    base = "external_id,category,status,reported_at,closed_at,lon,lat\n"
    first = sd.csv(tmp_path / "a.csv", base + "\n".join(
        f"R{i},garbage,closed,2026-0{1 + i % 3}-1{i % 9} 08:00,2026-0{1 + i % 3}-1{i % 9} 1{i % 10}:30,120.302,36.062"
        for i in range(30)))
    assert run_cli(small_url, "import", "cases", str(first), "--source", "hotline_12345").returncode == 0
    assert aggregates_equal_raw(small_url)
    assert run_cli(small_url, "import", "cases", str(first), "--source", "hotline_12345").returncode == 0
    assert aggregates_equal_raw(small_url)
    changed = sd.csv(tmp_path / "b.csv", base + "\n".join(
        f"R{i},noise,open,2026-04-0{1 + i % 9} 08:00,,120.3135,36.0715" for i in range(10)) + "\n"
        + "\n".join(f"N{i},garbage,open,2026-05-01 08:00,,120.302,36.062" for i in range(5)))
    res = run_cli(small_url, "import", "cases", str(changed), "--source", "hotline_12345")
    assert res.returncode == 0 and json.loads(res.stdout)["updated"] == 10
    assert aggregates_equal_raw(small_url)
    conn = psycopg2.connect(small_url)
    with conn, conn.cursor() as cur:
        cur.execute("DELETE FROM cases WHERE external_id LIKE 'N%'")
    conn.close()
    assert aggregates_equal_raw(small_url)
    # a site deleted in the app: its cases stay, no longer on a site
    from geo.editing.sites import delete_site

    conn = db.connect(small_url)
    with conn.cursor() as cur:
        cur.execute("SELECT site_id, count(*) FROM cases WHERE site_id IS NOT NULL "
                    "GROUP BY 1 ORDER BY 2 DESC LIMIT 1")
        site_id, on_site = cur.fetchone()
    conn.rollback()
    delete_site(conn, None, site_id)
    assert on_site > 0 and aggregates_equal_raw(small_url)
    # a cube emptied (as an upgrade that rebuilds one does) is filled again by `db up`
    with conn, conn.cursor() as cur:
        cur.execute("TRUNCATE case_site_month, case_district_cell_day")
    assert run_cli(small_url, "db", "up").returncode == 0
    assert aggregates_equal_raw(small_url)
    with conn, conn.cursor() as cur:
        cur.execute("TRUNCATE cases CASCADE")
        cur.execute("SELECT " + " + ".join(f"(SELECT count(*) FROM {c.name})" for c in CUBES))
        assert cur.fetchone()[0] == 0
    conn.close()


def test_a_partial_month_counts_whole_only_when_nothing_lies_outside_the_range(small_url, tmp_path):
    """The month at either end of a range is read whole from the pre-aggregates only when the
    scope has no case in it outside the range (the month in progress, before the first case)."""
    cases = sd.csv(tmp_path / "july.csv", "external_id,category,status,reported_at,lon,lat\n"
                   "W1,garbage,open,2026-07-10 08:00,120.302,36.062\n"
                   "W2,noise,open,2026-07-25 08:00,120.302,36.062\n")
    assert run_cli(small_url, "import", "cases", str(cases), "--source", "nuannan").returncode == 0
    conn = db.connect(small_url)
    for lo, hi, expected in ((dt.date(2026, 7, 5), dt.date(2026, 7, 15), 1),
                             (dt.date(2026, 7, 15), dt.date(2026, 7, 28), 1),
                             (dt.date(2026, 7, 8), dt.date(2026, 7, 27), 2),
                             (dt.date(2026, 7, 11), dt.date(2026, 7, 24), 0),
                             (dt.date(2026, 6, 20), dt.date(9999, 12, 20), 2)):
        f = stats.CaseFilters(date_from=lo, date_to=hi, sources=["nuannan"])
        got = stats.cases(conn, stats.Scope(), f)[0]
        assert got["cases"] == expected == raw_figures(conn, stats.Scope(), f)[0], (lo, hi)
    conn.close()


def test_demo_aggregates_equal_raw(demo_url):
    assert aggregates_equal_raw(demo_url)


def test_case_count_equals_stats_cases(demo_url):
    conn = db.connect(demo_url)
    for scope in (stats.Scope(), stats.Scope(street="370202005"), stats.Scope(community="370202005001")):
        for lo, hi in ((dt.date(2026, 1, 1), dt.date(2026, 11, 20)), (dt.date(2024, 2, 10), dt.date(2024, 2, 20)),
                       (None, None)):
            f = stats.CaseFilters(date_from=lo, date_to=hi)
            assert stats.case_count(conn, scope, lo, hi) == stats.cases(conn, scope, f)[0]["cases"]
    conn.close()


def test_a_partial_month_is_read_from_the_smaller_side():
    """A partial month at either end is read from the cases when it is the shorter part of its
    month, else as the whole month less the rest (stats.complemented_edges)."""
    def flags(lo, to):
        return stats.complemented_edges(stats.month_bounds(lo, to))

    bounds = stats.month_bounds(dt.date(2024, 2, 10), dt.date(2025, 5, 20))
    assert (bounds["month_start"], bounds["month_end"]) == (dt.date(2024, 2, 1), dt.date(2025, 6, 1))
    assert flags(dt.date(2024, 2, 10), dt.date(2025, 5, 20)) == (True, True)  # 20 of 29, 20 of 31
    assert flags(dt.date(2024, 2, 20), dt.date(2025, 5, 10)) == (False, False)
    assert flags(dt.date(2024, 2, 1), dt.date(2025, 5, 31)) == (False, False)  # whole months
    assert flags(dt.date(2024, 2, 3), dt.date(2024, 3, 28)) == (False, False)  # no whole month
    assert flags(dt.date(2024, 1, 3), dt.date(2024, 3, 28)) == (True, True)
