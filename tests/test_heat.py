"""The case views' data: binned cells, monthly counts, individual cases and hotspots, against
figures computed independently from the raw cases."""
import datetime as dt
import random

import numpy as np
import pandas as pd
import pytest

from geo import cases, cubes, db, stats
from tests.test_case_stats import random_filters, raw_where

R = 6378137.0


def raw_cells(conn, scope, f, size) -> dict:
    """Cases per cell, binned in numpy from the raw points."""
    where, params = raw_where(scope, f)
    frame = db.frame(conn, f"SELECT ST_X(geom) AS x, ST_Y(geom) AS y FROM cases WHERE {where}", params)
    mx = R * np.radians(frame["x"].to_numpy(float))
    my = R * np.log(np.tan(np.pi / 4 + np.radians(frame["y"].to_numpy(float)) / 2))
    cells = pd.DataFrame({"cx": np.floor(mx / size).astype(int), "cy": np.floor(my / size).astype(int)})
    return cells.value_counts().to_dict()


@pytest.fixture(scope="module")
def conn(demo_url):
    c = db.connect(demo_url)
    yield c
    c.close()


def _communities(conn):
    return db.frame(conn, "SELECT code, street_code FROM communities ORDER BY code", ()).values.tolist()


def test_binned_cells_equal_the_raw_cases_for_random_filters(conn):
    rng = random.Random(11)
    communities = _communities(conn)
    scopes_seen = set()
    for _ in range(24):
        code, street = rng.choice(communities)
        scope = rng.choice([stats.Scope(community=code), stats.Scope(street=street), stats.Scope()])
        f = random_filters(rng)
        if f.date_from and f.date_to and f.date_from > f.date_to:
            continue
        got = cases.bins(conn, scope, f)
        size = cases.cell_size(scope)
        expected = raw_cells(conn, scope, f, size)
        assert {(r.cx, r.cy): r.cases for r in got.itertuples()} == expected, (scope, f)
        scopes_seen.add(size)
        # every cell centre lies in its cell
        for r in got.head(20).itertuples():
            assert cases.cell_of(r.lon, r.lat, size) == (r.cx, r.cy)
    assert scopes_seen == {cases.COMMUNITY_CELL, 200}


def test_a_cubes_cell_packs_and_unpacks_anywhere_on_the_globe(conn):
    """The cell cubes keep a cell's x and y in one bigint: both come back for cells in every
    quarter of the globe, not only Qingdao's."""
    from geo.sql.cubes import CELL_X, CELL_Y, DIMENSIONS

    packed = DIMENSIONS["cell"].format(cell=200)
    with conn.cursor() as cur:
        for lon, lat in ((120.38, 36.07), (-73.99, 40.73), (-58.38, -34.6), (151.2, -33.87),
                         (0.0, 0.0), (179.99, -84.9), (-180.0, 84.9)):
            cur.execute(f"""SELECT {CELL_X.format('k')} = cell_x(g, 200),
                                   {CELL_Y.format('k')} = cell_y(g, 200)
                            FROM (SELECT g, {packed.replace('geom', 'g')} AS k
                                  FROM ST_SetSRID(ST_MakePoint(%s, %s), 4326) AS g) t""",
                        (lon, lat))
            assert cur.fetchone() == (True, True), (lon, lat)
    conn.rollback()


def test_level2_category_on_the_district_reads_the_cases(conn):
    f = stats.CaseFilters(dt.date(2025, 2, 10), dt.date(2025, 9, 3), categories=["garbage"])
    got = cases.bins(conn, stats.Scope(), f)
    assert {(r.cx, r.cy): r.cases for r in got.itertuples()} == raw_cells(conn, stats.Scope(), f, 200)
    assert got["cases"].sum() > 0


def test_the_figures_and_monthly_counts_by_category_equal_the_raw_cases(conn):
    """One query gives the page both: the figures equal ``stats cases`` without --by (median
    included), the months the cases counted per month and level-1 category."""
    rng = random.Random(5)
    communities = _communities(conn)
    for _ in range(8):
        code, street = rng.choice(communities)
        scope = rng.choice([stats.Scope(community=code), stats.Scope(street=street), stats.Scope()])
        f = random_filters(rng)
        if f.date_from and f.date_to and f.date_from > f.date_to:
            continue
        where, params = raw_where(scope, f)
        raw = db.frame(conn, f"""SELECT to_char(reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
                                        category_l1 AS category, count(*) AS cases
                                 FROM cases WHERE {where} GROUP BY 1, 2""", params)
        whole, got, rates = cases.figures(conn, scope, f)
        assert whole == stats.cases(conn, scope, f)[0], (scope, f)
        raw_rates = db.frame(conn, f"""
            SELECT to_char(reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
                   count(*) FILTER (WHERE status = 'closed')::float / count(*) AS closed_share,
                   count(*) FILTER (WHERE satisfaction >= 4)::float
                       / nullif(count(satisfaction), 0) AS satisfaction_rate
            FROM cases WHERE {where} GROUP BY 1 ORDER BY 1""", params)
        assert rates["month"].tolist() == raw_rates["month"].tolist(), (scope, f)
        for column in ("closed_share", "satisfaction_rate"):  # None (no ratings) stays None
            assert [None if pd.isna(v) else round(v, 9) for v in rates[column]] == \
                   [None if pd.isna(v) else round(v, 9) for v in raw_rates[column]], (scope, f)
        as_dict = lambda fr: {(m, c): int(n) for m, c, n in fr[["month", "category", "cases"]].itertuples(index=False)}
        assert as_dict(got) == as_dict(raw), (scope, f)


def test_cases_of_a_cell_are_masked_and_inside_it(conn):
    scope = stats.Scope(community="370202005001")
    f = stats.CaseFilters(dt.date(2026, 1, 1), dt.date(2026, 11, 20))
    cells = cases.bins(conn, scope, f)
    top = cells.sort_values("cases", ascending=False).iloc[0]
    box = cases.cell_bounds(int(top.cx), int(top.cy), cases.COMMUNITY_CELL)
    shown = cases.points(conn, scope, f, cell=(int(top.cx), int(top.cy), cases.COMMUNITY_CELL),
                        limit=10_000)
    assert len(shown) == top.cases
    assert shown["lon"].between(box[0], box[2]).all() and shown["lat"].between(box[1], box[3]).all()
    names = shown["reporter_name"].dropna()
    assert len(names) and all(n.endswith("*") for n in names)
    phones = shown["reporter_phone"].dropna()
    assert len(phones) and all("****" in p for p in phones)
    unmasked = cases.points(conn, scope, f, box, limit=10_000, personal=True)
    assert len(unmasked) >= len(shown)
    assert not unmasked["reporter_name"].dropna().str.endswith("*").all()


def test_masks():
    assert cases.mask_name("张三") == "张*"
    assert cases.mask_name("欧阳娜娜") == "欧***"
    assert cases.mask_phone("13812345678") == "138****5678"
    assert cases.mask_name(None) is None and cases.mask_phone(float("nan")) is None


def test_hotspots_find_a_planted_cluster_and_nothing_in_noise():
    rng = np.random.default_rng(3)
    xs, ys = np.meshgrid(np.arange(30), np.arange(30))
    counts = rng.poisson(2, size=xs.shape)
    counts[10:13, 20:23] += 40  # a hot spot of 3 × 3 cells
    cells = pd.DataFrame({"cx": xs.ravel() + 1000, "cy": ys.ravel() + 500, "cases": counts.ravel()})
    cells["lon"], cells["lat"] = cases.cell_lonlat((cells.cx + 0.5) * 50, (cells.cy + 0.5) * 50)
    spots = cases.hotspots(cells, 50)
    hot = spots[spots["level"] == 99]
    assert {(x - 1000, y - 500) for x, y in zip(hot.cx, hot.cy)} >= {(21, 11)}
    assert ((hot.cx - 1000).between(19, 23) & (hot.cy - 500).between(9, 13)).all()
    far = spots[((spots.cx - 1000) < 15) & ((spots.cy - 500) > 20)]
    assert (far["level"] <= 90).all()


def test_case_rates_by_management_mode(conn):
    scope = stats.Scope(street="370202005")
    f = stats.CaseFilters(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    top, rates = cases.site_case_rates(conn, scope, f, dt.date(2026, 11, 20))
    assert sorted(rates["quarter"].unique()) == [dt.date(2025, m, 1) for m in (1, 4, 7, 10)]
    q3 = rates[rates["quarter"] == dt.date(2025, 7, 1)].set_index("mode")
    # the site counts by mode are the coverage of residential sites on the quarter's first day
    cov = stats.coverage(db.connect(conn.dsn), scope, as_of=dt.date(2025, 7, 1))[0]
    assert q3.loc["all", "sites"] == cov["sites"]
    assert q3.loc["managed", "sites"] == cov["managed"]
    assert q3.loc["none", "households"] == cov["households"] - cov["managed_households"]
    n_cases = db.row(conn, """SELECT count(*) FROM cases c JOIN sites s ON s.id = c.site_id
                             WHERE c.street_code = '370202005' AND s.kind <> 'building_cluster'
                               AND reported_at >= '2025-07-01 00:00+08' AND reported_at < '2025-10-01 00:00+08'""", ())[0]
    assert q3.loc["all", "cases"] == n_cases
    # the demo puts more cases where management is missing
    assert q3.loc["none", "rate"] > q3.loc["managed", "rate"]
    # the top sites: the highest rates of the street's residential sites over the year
    raw = db.frame(conn, """SELECT s.id, count(*)::float * 100 / s.households AS rate FROM cases c
                            JOIN sites s ON s.id = c.site_id
                            WHERE c.street_code = '370202005' AND s.kind <> 'building_cluster'
                              AND s.households > 0
                              AND reported_at >= '2025-01-01 00:00+08' AND reported_at < '2026-01-01 00:00+08'
                            GROUP BY s.id, s.households ORDER BY 2 DESC, count(*) DESC, s.id LIMIT 10""", ())
    assert top["id"].tolist() == raw["id"].tolist()
    assert np.allclose(top["cases_per_100"], raw["rate"].round(2))
    # and each top site's closed and satisfied shares, over its cases of the year
    rates = db.frame(conn, """SELECT site_id AS id, count(*) FILTER (WHERE status = 'closed')::float
                                     / count(*) AS closed_share, count(satisfaction) AS rated,
                                     count(*) FILTER (WHERE satisfaction >= 4)::float
                                     / nullif(count(satisfaction), 0) AS satisfaction_rate
                              FROM cases WHERE site_id = ANY(%s)
                                AND reported_at >= '2025-01-01 00:00+08' AND reported_at < '2026-01-01 00:00+08'
                              GROUP BY 1""", (top["id"].tolist(),)).set_index("id").loc[top["id"]]
    assert top["rated"].tolist() == rates["rated"].tolist() and rates["rated"].sum() > 0
    for column in ("closed_share", "satisfaction_rate"):
        assert np.allclose(top[column].astype(float), rates[column].astype(float), equal_nan=True)


def test_site_quarters_from_the_cubes_equal_those_from_the_cases(conn):
    """Dates, status and level read whole months from case_site_month, level-1 categories and
    sources (with or without status and level) from case_site_code_month; the same figures as
    the cases."""
    from geo.sql import cases as cases_sql
    seen = set()
    for cube, scope, f in (
            ("case_site_month", stats.Scope(),
             stats.CaseFilters(dt.date(2024, 2, 10), dt.date(2025, 5, 20))),
            ("case_site_month", stats.Scope(street="370202005"),
             stats.CaseFilters(dt.date(2025, 1, 1), dt.date(2026, 11, 20), status="open")),
            ("case_site_month", stats.Scope(),
             stats.CaseFilters(dt.date(2024, 4, 12), dt.date(2025, 9, 7))),
            ("case_site_month", stats.Scope(community="370202005001"),
             stats.CaseFilters(dt.date(2023, 12, 3), dt.date(2026, 2, 27), escalation="street")),
            ("case_site_month", stats.Scope(),
             stats.CaseFilters(dt.date(2024, 6, 3), dt.date(2026, 2, 27), status="closed",
                               escalation="community")),
            ("case_site_code_month", stats.Scope(),
             stats.CaseFilters(dt.date(2024, 2, 10), dt.date(2025, 5, 20),
                               categories=["sanitation", "property"])),
            ("case_site_code_month", stats.Scope(street="370202005"),
             stats.CaseFilters(dt.date(2025, 1, 1), dt.date(2026, 11, 20),
                               sources=["grid_report"])),
            ("case_site_code_month", stats.Scope(community="370202005001"),
             stats.CaseFilters(dt.date(2023, 12, 3), dt.date(2026, 2, 27),
                               categories=["housing"], sources=["hotline_12345", "nuannan"])),
            ("case_site_code_month", stats.Scope(),
             stats.CaseFilters(dt.date(2024, 3, 3), dt.date(2026, 1, 27),
                               categories=["sanitation"], status="closed", escalation="street"))):
        params = cases._site_params(conn, scope, f, dt.date(2026, 11, 20))
        complemented = stats.complemented_edges(params)
        counts = dict.fromkeys(["cases", "closed", "rated", "satisfied"], int)

        def read(source, flags=(False, False)):
            return (db.frame(conn, cases_sql.site_quarter_cases(source, flags), params)
                    .astype(counts).sort_values(["site_id", "quarter"]).reset_index(drop=True))

        raw = read(None)
        assert len(raw) > 0
        for flags in {complemented, (False, False)}:  # the edges read either way
            pd.testing.assert_frame_equal(read(cube, flags), raw)
        seen.add(complemented)
    # a partial month longer than the rest of its month is its whole month less that rest;
    # each end is read both ways among these ranges
    assert {first for first, _ in seen} == {last for _, last in seen} == {True, False}


def test_the_pages_loads_run_side_by_side_on_connections_of_their_own(demo_url):
    """The case page's three loads run at the same time (its wait is the slowest, not the sum):
    each call must reach the barrier while the others are still running, on a backend of its
    own, without parallel workers of its own competing with the others for the cores; results
    come back in order, an error is raised, and a connection goes back clean."""
    import threading

    import psycopg2

    pool = db.Pool(lambda: db.connect(demo_url))
    barrier = threading.Barrier(3, timeout=20)

    def call(n):
        def run(c):
            pid, workers = db.row(
                c, "SELECT pg_backend_pid(), current_setting('max_parallel_workers_per_gather')", ())
            assert workers == "0"
            barrier.wait()  # BrokenBarrierError unless all three run at once
            return n, pid, cases.bins(c, stats.Scope(), stats.CaseFilters())["cases"].sum()
        return run

    results = db.concurrently(pool, [call(0), call(1), call(2)])
    assert [n for n, _, _ in results] == [0, 1, 2]
    assert len({pid for _, pid, _ in results}) == 3
    assert len({total for _, _, total in results}) == 1 and results[0][2] > 0

    with pytest.raises(psycopg2.errors.UndefinedTable):
        db.concurrently(pool, [lambda c: db.row(c, "SELECT 1 FROM no_such_table", ()),
                               lambda c: db.row(c, "SELECT 1", ())])
    with pool.connection() as c:  # rolled back after the error: usable, still without workers
        assert db.row(c, "SELECT 2, current_setting('max_parallel_workers_per_gather')", ()) == (
            2, "0")


def test_site_quarters_from_the_code_cube_equal_the_cases(conn):
    """A community's or street's sites under a level-1 category or source filter come from
    case_site_code_month: the same counts per site and quarter as from the cases."""
    from geo.sql import cases as cases_sql

    for scope, f in ((stats.Scope(community="370202005001"),
                      stats.CaseFilters(dt.date(2024, 2, 10), dt.date(2025, 8, 20),
                                        categories=("sanitation",))),
                     (stats.Scope(street="370202005"),
                      stats.CaseFilters(dt.date(2024, 5, 3), dt.date(2026, 1, 9),
                                        sources=("grid_report",), status="closed"))):
        params = cases._site_params(conn, scope, f, dt.date(2026, 11, 20))
        assert cubes.answering("sites", district=False, community=bool(scope.community),
                               codes=True, level1_only=params["level1_only"]).whole \
            == "case_site_code_month"
        keys = ["site_id", "quarter"]
        raw = db.frame(conn, cases_sql.site_quarter_cases(None), params).sort_values(keys)
        cube = db.frame(conn, cases_sql.site_quarter_cases("case_site_code_month"),
                        params).sort_values(keys)
        assert len(raw) > 10
        assert raw.reset_index(drop=True).astype(str).equals(cube.reset_index(drop=True).astype(str))
