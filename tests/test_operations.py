"""Running it as a service: `health` for a monitor (a database of its own, stopped and started
again), backups with their figures, proven by `db verify-backup`."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from geo import db, localdb
from tests.conftest import ROOT, query, run_cli


def health(url: str | None, **env) -> tuple[int, dict]:
    environment = {**os.environ, **env}
    environment.pop("DATABASE_URL", None)
    if url:
        environment["DATABASE_URL"] = url
    done = subprocess.run([sys.executable, "-m", "geo", "health"], capture_output=True,
                          text=True, env=environment, cwd=ROOT, timeout=120)
    return done.returncode, json.loads(done.stdout)


@pytest.fixture
def own_cluster():
    """A cluster of this test's own, to stop and start."""
    root = Path(tempfile.mkdtemp(prefix="atlas-health-pg-"))
    url = db.local_database(root)
    conn = db.connect(url)
    db.migrate(conn)
    conn.close()
    yield root, url
    localdb.stop_cluster(root)
    shutil.rmtree(root, ignore_errors=True)


def test_a_pid_file_left_by_a_dead_server_is_not_a_running_cluster(tmp_path):
    """After a power cut the pid file stays; the cluster must then be started, not trusted."""
    (tmp_path / "pgdata").mkdir()
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    (tmp_path / "pgdata" / "postmaster.pid").write_text(f"{gone.pid}\n{tmp_path}\n")
    assert not localdb.is_running(tmp_path)
    (tmp_path / "pgdata" / "postmaster.pid").write_text(f"{os.getpid()}\n{tmp_path}\n")
    assert localdb.is_running(tmp_path)


def test_health_follows_the_database_down_and_up_again(own_cluster, tmp_path):
    root, url = own_cluster
    backups = tmp_path / "backups"
    code, report = health(url, ATLAS_BACKUP_DIR=str(backups), ATLAS_SYSTEMD_DIR=str(tmp_path))
    assert code == 0 and report["healthy"] and report["database"] and report["migrations"]
    assert report["aggregates"] and report["last_backup"] is None  # no timer: no backup needed
    assert report["disk_free_bytes"] > 0
    localdb.stop_cluster(root)
    code, report = health(url, ATLAS_BACKUP_DIR=str(backups), ATLAS_SYSTEMD_DIR=str(tmp_path))
    assert code == 1 and report["database"] is False and "Traceback" not in json.dumps(report)
    assert not localdb.is_running(root)  # health never starts a database
    assert db.local_database(root) == url  # started again, as its service would
    code, report = health(url, ATLAS_BACKUP_DIR=str(backups), ATLAS_SYSTEMD_DIR=str(tmp_path))
    assert code == 0
    # once the nightly timer is installed, a missing backup fails health; a fresh one passes
    (tmp_path / "grassroots-atlas-backup.timer").write_text("[Timer]\n")
    code, report = health(url, ATLAS_BACKUP_DIR=str(backups), ATLAS_SYSTEMD_DIR=str(tmp_path))
    assert code == 1 and report["backup_timer"] and report["last_backup"] is None
    done = subprocess.run([sys.executable, "-m", "geo", "db", "backup"], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "DATABASE_URL": url,
                                                    "ATLAS_BACKUP_DIR": str(backups)})
    assert done.returncode == 0, done.stderr
    code, report = health(url, ATLAS_BACKUP_DIR=str(backups), ATLAS_SYSTEMD_DIR=str(tmp_path))
    assert code == 0 and 0 <= report["last_backup"] < 0.1


def test_health_catches_an_aggregate_that_left_the_cases(demo_copy_url, tmp_path):
    code, report = health(demo_copy_url, ATLAS_BACKUP_DIR=str(tmp_path))
    assert code == 0 and report["aggregates"]
    assert query(demo_copy_url, """UPDATE case_district_month SET rated = rated + 1 WHERE month = (
                                   SELECT max(month) FROM case_district_month) RETURNING 1""")
    code, report = health(demo_copy_url, ATLAS_BACKUP_DIR=str(tmp_path))
    assert code == 1 and report["aggregates"] is False and report["database"]
    # put back, then a histogram cube: a case moved from one cell to another, its total unchanged
    assert query(demo_copy_url, """UPDATE case_district_month SET rated = rated - 1 WHERE month = (
                                   SELECT max(month) FROM case_district_month) RETURNING 1""")
    assert health(demo_copy_url, ATLAS_BACKUP_DIR=str(tmp_path))[0] == 0
    assert query(demo_copy_url, """UPDATE case_cell_month_level
                                   SET cell_cases[1] = cell_cases[1] + 1, cell_cases[2] = cell_cases[2] - 1
                                   WHERE (community_code, month, status, escalation) = (
                                       SELECT community_code, month, status, escalation
                                       FROM case_cell_month_level
                                       WHERE cardinality(cell) > 1 AND cell_cases[2] > 1
                                       ORDER BY month DESC LIMIT 1) RETURNING 1""")
    code, report = health(demo_copy_url, ATLAS_BACKUP_DIR=str(tmp_path))
    assert code == 1 and report["aggregates"] is False


def test_a_backup_is_private_and_proven_by_its_figures(demo_copy_url, tmp_path):
    dump = tmp_path / "atlas.dump"
    assert run_cli(demo_copy_url, "db", "backup", str(dump)).returncode == 0
    figures = dump.with_name("atlas.dump.figures.json")
    assert oct(dump.stat().st_mode & 0o777) == oct(figures.stat().st_mode & 0o777) == "0o600"
    stored = json.loads(figures.read_text(encoding="utf-8"))
    assert stored["coverage"][0]["sites"] > 0 and sum(stored["cases_by_month"].values()) > 0
    good = run_cli(demo_copy_url, "db", "verify-backup", str(dump))
    assert good.returncode == 0 and json.loads(good.stdout)["equal"], good.stderr
    # figures that differ from what the dump holds
    changed = {**stored, "cases_by_month": {**stored["cases_by_month"], "2020-01": 7}}
    figures.write_text(json.dumps(changed), encoding="utf-8")
    bad = run_cli(demo_copy_url, "db", "verify-backup", str(dump))
    assert bad.returncode == 1 and json.loads(bad.stdout)["differences"] == ["cases_by_month"]
    figures.write_text(json.dumps(stored), encoding="utf-8")
    # a dump cut short
    cut = tmp_path / "cut.dump"
    cut.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])
    shutil.copy(figures, tmp_path / "cut.dump.figures.json")
    broken = run_cli(demo_copy_url, "db", "verify-backup", str(cut))
    assert broken.returncode == 1 and json.loads(broken.stdout)["restored"] is False
    # no scratch database left behind; the check is in the audit log
    assert not query(demo_copy_url, "SELECT datname FROM pg_database WHERE datname LIKE 'atlas_verify_%%'")
    assert query(demo_copy_url, "SELECT count(*) FROM audit_log WHERE action = 'verify_backup'")[0][0] == 3
    missing = run_cli(demo_copy_url, "db", "verify-backup", str(tmp_path / "nothing.dump"))
    assert missing.returncode == 2 and "no such backup file" in missing.stderr
    # the last proof failed (the cut dump): health says so until a proof passes again
    code, report = health(demo_copy_url, ATLAS_BACKUP_DIR=str(tmp_path))
    assert code == 1 and report["backup_verified"]["equal"] is False
    assert run_cli(demo_copy_url, "db", "verify-backup", str(dump)).returncode == 0
    code, report = health(demo_copy_url, ATLAS_BACKUP_DIR=str(tmp_path))
    assert code == 0 and report["backup_verified"]["equal"] is True


def test_nightly_backups_keep_the_newest(small_url, tmp_path):
    env = {**os.environ, "DATABASE_URL": small_url, "ATLAS_BACKUP_DIR": str(tmp_path),
           "ATLAS_BACKUP_KEEP": "2"}
    for _ in range(3):
        done = subprocess.run([sys.executable, "-m", "geo", "db", "backup"], capture_output=True,
                              text=True, cwd=ROOT, env=env)
        assert done.returncode == 0, done.stderr
        time.sleep(1.1)  # dumps are named to the second
    assert len(list(tmp_path.glob("*.dump"))) == 2
    assert len(list(tmp_path.glob("*.figures.json"))) == 2


def test_after_a_crash_the_statistics_are_rebuilt_before_serving():
    """`db up --analyze-after-recovery` (the local database's unit) runs ANALYZE when the
    cluster was not shut down cleanly, and not after a clean stop."""
    tmp_path = Path(tempfile.mkdtemp(prefix="atlas-crash-"))  # readable by the postgres user
    tmp_path.chmod(0o755)
    root = tmp_path / "pg"
    url = db.local_database(root)
    conn = db.connect(url)
    db.migrate(conn)
    conn.close()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["ATLAS_DATA_DIR"] = str(tmp_path)

    def up():
        done = subprocess.run([sys.executable, "-m", "geo", "db", "up", "--analyze-after-recovery"],
                              capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stderr

    try:
        localdb.stop_cluster(root)
        assert "ANALYZE" not in up()  # a clean stop: nothing to rebuild
        localdb._pg("pg_ctl", "stop", "-D", str(root / "pgdata"), "-m", "immediate", "-w")
        assert localdb.crashed(root)
        assert "statistics rebuilt (ANALYZE)" in up()
        analysed = query(url, "SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'cases' "
                              "AND last_analyze IS NOT NULL")[0][0]
        assert analysed == 1
        maintained = run_cli(url, "db", "maintain")
        done = json.loads(maintained.stdout)["done"]
        assert maintained.returncode == 0 and done[0] == "VACUUM ANALYZE"
        assert any(step.startswith("CLUSTER case_") for step in done)
    finally:
        localdb.stop_cluster(root)
        shutil.rmtree(tmp_path, ignore_errors=True)


def test_weekly_upkeep_rebuilds_an_index_grown_beyond_its_entries(small_url):
    """Bulk deletes leave a B-tree index at its largest size; `db maintain` rebuilds one grown
    to more than three times its entries (and 8 MB), and leaves indexes of the right size."""
    size = "SELECT pg_relation_size('bloat_probe_idx')"
    conn = db.connect(small_url)
    with db.transaction(conn) as cur:
        cur.execute("CREATE TABLE bloat_probe (id integer, label text)")
        cur.execute("INSERT INTO bloat_probe SELECT g, md5(g::text) || 'padding' "
                    "FROM generate_series(1, 300000) g")
        cur.execute("CREATE INDEX bloat_probe_idx ON bloat_probe (label, id)")
        cur.execute("DELETE FROM bloat_probe WHERE id % 100 <> 0")  # 3,000 rows stay
    conn.close()
    grown = query(small_url, size)[0][0]
    maintained = run_cli(small_url, "db", "maintain")
    assert maintained.returncode == 0, maintained.stderr
    done = json.loads(maintained.stdout)["done"]
    assert [s for s in done if s.startswith("REINDEX")] == ["REINDEX bloat_probe_idx"]
    assert query(small_url, size)[0][0] < grown / 20
    assert query(small_url, "SELECT count(*) FROM bloat_probe WHERE label > ''")[0][0] == 3000


def test_text_sorts_by_code_point_without_the_locale(small_url):
    """The cluster compares text byte by byte ("C"), which for UTF-8 is the code point order
    names were listed in under C.UTF-8; upper and lower case still follow C.UTF-8."""
    assert query(small_url, "SELECT datcollate, datctype FROM pg_database "
                            "WHERE datname = current_database()") == [("C", "C.UTF-8")]
    names = ["香港中路街道", "八大关街道", "金门路街道", "云南路街道", "Zhan", "zhan", "珠海路街道"]
    ordered = [r[0] for r in query(small_url, "SELECT n FROM unnest(%s) n ORDER BY n", (names,))]
    assert ordered == sorted(names)
    assert query(small_url, "SELECT lower('ÄÖ'), upper('é')") == [("äö", "É")]
