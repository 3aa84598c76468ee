"""Bad input and faults: random and hostile files for every importer (hypothesis), an import
killed during its COPY, hostile text in the app."""
import os
import signal
import subprocess
import sys
import time

import psycopg2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.cli import main as cli_main
from tests.conftest import ROOT, table_counts

KINDS = ["district", "streets", "communities", "grids", "sites", "management", "people",
         "assignments", "cases"]

csv_cell = st.one_of(st.text(max_size=30), st.sampled_from(["", "NaN", "1e999", "-1", "120.3",
                                                            "2026-13-45", "POLYGON((0 0", "张三"]))
csv_text = st.lists(st.lists(csv_cell, min_size=1, max_size=8), min_size=1, max_size=6).map(
    lambda rows: "\n".join(",".join(r) for r in rows))
geojson_text = st.one_of(
    st.just('{"type": "FeatureCollection", "features": [{"type": "Feature"}]}'),
    st.just('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},'
            ' "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]}}]}'),
    st.text(max_size=200).map(lambda t: '{"type": "FeatureCollection", "features": [' + t),
)


@pytest.fixture(scope="module")
def fuzz_url(cluster, small_template):
    """One copy of the small district for every example (none may change it)."""
    from tests.conftest import _clone

    return _clone(cluster, small_template)


@pytest.fixture(scope="module")
def counts_before(fuzz_url):
    return table_counts(fuzz_url)


def run_in_process(url, monkeypatch, *args) -> int:
    monkeypatch.setenv("DATABASE_URL", url)
    return cli_main(list(args))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(kind=st.sampled_from(KINDS), body=st.one_of(csv_text, st.binary(max_size=300)),
       suffix=st.sampled_from([".csv", ".geojson", ".xlsx", ".zip"]))
def test_malformed_files_exit_2_and_change_nothing(fuzz_url, counts_before, tmp_path_factory,
                                                   monkeypatch, capsys, kind, body, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"in{suffix}"
    path.write_bytes(body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body)
    code = run_in_process(fuzz_url, monkeypatch, "import", kind, str(path),
                          "--source", "hotline_12345")
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and err.startswith("error: ")
    assert table_counts(fuzz_url) == counts_before


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(kind=st.sampled_from(["streets", "communities", "sites"]), body=geojson_text)
def test_malformed_geojson_exit_2(fuzz_url, counts_before, tmp_path_factory, monkeypatch,
                                  capsys, kind, body):
    path = tmp_path_factory.mktemp("fuzz") / "in.geojson"
    path.write_text(body, encoding="utf-8")
    assert run_in_process(fuzz_url, monkeypatch, "import", kind, str(path)) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert table_counts(fuzz_url) == counts_before


def test_huge_field_and_wrong_encoding(fuzz_url, counts_before, tmp_path, monkeypatch, capsys):
    huge = tmp_path / "huge.csv"
    huge.write_text("external_id,category,status,reported_at,lon,lat\nX1,garbage,open,"
                    "2026-10-01 09:00,120.302," + "9" * 5_000_000 + "\n", encoding="utf-8")
    assert run_in_process(fuzz_url, monkeypatch, "import", "cases", str(huge),
                          "--source", "hotline_12345") == 2
    latin = tmp_path / "latin.csv"
    latin.write_bytes("code,name\nT9,Stra\xdfe\n".encode("latin-1") + bytes([0xff, 0xfe, 0x81]))
    assert run_in_process(fuzz_url, monkeypatch, "import", "streets", str(latin),
                          "--encoding", "utf-8") == 2
    assert "Traceback" not in capsys.readouterr().err
    assert table_counts(fuzz_url) == counts_before


@pytest.mark.slow
def test_an_import_killed_during_its_copy_writes_nothing(demo_copy_url, tmp_path):
    conn = psycopg2.connect(demo_copy_url)
    with conn.cursor() as cur:
        cur.execute("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM communities "
                    "ORDER BY code LIMIT 1) x")
        lon, lat = cur.fetchone()
    conn.close()
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8") as f:
        f.write("external_id,category,status,reported_at,closed_at,lon,lat\n")
        for i in range(400_000):
            f.write(f"K{i},garbage,closed,2026-10-01 09:00,2026-10-02 10:00,{lon},{lat}\n")
    before = table_counts(demo_copy_url)
    proc = subprocess.Popen([sys.executable, "-m", "geo", "import", "cases", str(big),
                             "--source", "hotline_12345"], cwd=ROOT,
                            env={**os.environ, "DATABASE_URL": demo_copy_url},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watcher = psycopg2.connect(demo_copy_url)
    watcher.autocommit = True
    killed = False
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        with watcher.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND query ILIKE 'COPY%%' AND state = 'active'")
            if cur.fetchone()[0]:
                proc.send_signal(signal.SIGKILL)
                killed = True
                break
        time.sleep(0.01)
    proc.wait()
    assert killed, "the import finished before its COPY was seen"
    time.sleep(1)  # the server notices the dropped connection and rolls back
    assert table_counts(demo_copy_url) == before
    with watcher.cursor() as cur:
        cur.execute("SELECT count(*) FROM cases WHERE external_id LIKE 'K%%'")
        assert cur.fetchone()[0] == 0
    watcher.close()
