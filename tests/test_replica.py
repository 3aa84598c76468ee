"""Reads from a streaming replica (ATLAS_READ_URL): a real hot standby of a cluster of this
module's own (pg_basebackup -R, streaming on localhost), both logging every statement, so that
where each read ran is seen in the servers' logs."""
from __future__ import annotations

import json
import logging
import shutil
import tempfile
import time
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app import connections
from geo import db, demo, localdb, stats, users
from tests.conftest import DEMO_NOW, app_session, open_panels, query, run_cli

pytestmark = pytest.mark.slow

SETTINGS = {"shared_buffers": "128MB", "log_statement": "all"}
MAP_READ = "ST_SimplifyPreserveTopology(s.geom"  # the coverage map's sites
KPI_READ = "AS compounds_managed"  # the coverage figures


class Server:
    """A cluster of the test: its URL and what its log gained since ``mark``."""

    def __init__(self, root: Path, url: str) -> None:
        self.root, self.url, self._at = root, url, 0

    def mark(self) -> None:
        self._at = (self.root / "server.log").stat().st_size

    def logged(self) -> str:
        with open(self.root / "server.log", "rb") as log:
            log.seek(self._at)
            return log.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def servers():
    """(primary, replica): a small demo district on a primary and its streaming replica."""
    base = Path(tempfile.mkdtemp(prefix="atlas-replica-"))
    base.chmod(0o755)  # the clusters below belong to the postgres user when we are root
    primary_root, replica_root = base / "primary", base / "replica"
    localdb.ensure_cluster(primary_root, settings=SETTINGS)
    primary_url = db.local_database(primary_root)
    conn = db.connect(primary_url)
    db.migrate(conn)
    demo.build_demo(conn, seed=7, n_cases=3000, n_sites=300, now=DEMO_NOW)
    conn.close()
    replica_url = localdb.start_replica(primary_root, replica_root, settings=SETTINGS)
    yield Server(primary_root, primary_url), Server(replica_root, replica_url)
    for root in (replica_root, primary_root):
        localdb.stop_cluster(root)
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def reading_replica(servers, monkeypatch):
    primary, replica = servers
    if not localdb.is_running(replica.root):
        localdb.start_replica(primary.root, replica.root, settings=SETTINGS)
    monkeypatch.setenv("DATABASE_URL", primary.url)
    monkeypatch.setenv("ATLAS_READ_URL", replica.url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    monkeypatch.setattr(connections, "_replica_down_until", {})
    st.cache_data.clear()
    return primary, replica


def a_site(url: str) -> tuple[str, str, int, int]:
    """(street, community, site id, households) of a compound with a management record."""
    return query(url, """
        SELECT s.street_code, s.community_code, s.id, s.households FROM sites s
        WHERE s.kind = 'compound' AND EXISTS (SELECT 1 FROM management m WHERE m.site_id = s.id)
        ORDER BY s.id LIMIT 1""")[0]


def app_at(street: str, community: str, site: int | None = None) -> AppTest:
    at = app_session()
    at.query_params.update({"street": street, "community": community,
                            "as_of": DEMO_NOW.date().isoformat()})
    if site:
        at.query_params["site"] = str(site)
    return at


def households_in_form(at: AppTest, site: int) -> int:
    return next(n for n in at.number_input
                if n.label == "户数" and n.form_id == f"site_form_{site}").value


def replayed(replica: Server, sql: str, expected, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if query(replica.url, sql) == expected:
            return True
        time.sleep(0.1)
    return False


def test_the_map_figures_and_stats_are_read_from_the_replica(reading_replica):
    primary, replica = reading_replica
    street, community, _, _ = a_site(primary.url)
    primary.mark(), replica.mark()
    at = app_at(street, community)
    at.run()
    assert not at.exception
    assert at.metric
    on_replica, on_primary = replica.logged(), primary.logged()
    assert MAP_READ in on_replica and KPI_READ in on_replica
    assert MAP_READ not in on_primary and KPI_READ not in on_primary

    primary.mark(), replica.mark()
    cases = app_at(street, community)
    cases.query_params["view"] = "cases"  # its three loads run side by side on spare connections
    cases.run()
    assert not cases.exception and cases.metric
    assert "case_site_month" in replica.logged() and "case_site_month" not in primary.logged()

    primary.mark(), replica.mark()
    done = run_cli(primary.url, "stats", "cases", "--community", community)
    assert done.returncode == 0, done.stderr
    counted = json.loads(done.stdout)[0]["cases"]
    assert counted == query(primary.url, "SELECT count(*) FROM cases WHERE community_code = %s",
                            (community,))[0][0]
    assert "case_month" in replica.logged() and "case_month" not in primary.logged()


def test_an_edit_is_read_from_the_primary_until_the_replica_replays_it(reading_replica):
    primary, replica = reading_replica
    street, community, site, households = a_site(primary.url)
    at = app_at(street, community, site)
    open_panels(at.run())
    assert households_in_form(at, site) == households
    query(replica.url, "SELECT pg_wal_replay_pause()")
    try:
        primary.mark(), replica.mark()
        next(n for n in at.number_input
             if n.label == "户数" and n.form_id == f"site_form_{site}").set_value(households + 7)
        next(b for b in at.button if b.form_id == f"site_form_{site}").click().run()
        assert not at.exception
        assert any("已保存" in s.value for s in at.success)
        # the page after the save shows it, read on the primary: the replica has not replayed it
        assert households_in_form(at, site) == households + 7
        assert query(replica.url, "SELECT households FROM sites WHERE id = %s",
                     (site,)) == [(households,)]
        assert MAP_READ in primary.logged() and MAP_READ not in replica.logged()
    finally:
        query(replica.url, "SELECT pg_wal_replay_resume()")
    assert replayed(replica, f"SELECT households FROM sites WHERE id = {site}",
                    [(households + 7,)])
    primary.mark(), replica.mark()
    at.run()  # replayed: back on the replica, which now shows the edit
    assert not at.exception
    assert households_in_form(at, site) == households + 7
    assert MAP_READ in replica.logged() and MAP_READ not in primary.logged()


def test_a_street_user_reads_only_their_street_on_the_replica(reading_replica):
    primary, replica = reading_replica
    street = a_site(primary.url)[0]
    conn = db.connect_reading(users.User("jiedao", "street", street))
    try:
        assert conn.primary is not None  # reads on the replica, writes on the primary
        assert db.row(conn, "SELECT pg_is_in_recovery()")[0]
        seen = db.frame(conn, "SELECT DISTINCT street_code FROM cases")
        assert list(seen["street_code"]) == [street]
        rows = stats.coverage(conn, stats.Scope(), by="street")
        assert {r["code"] for r in rows} == {street}
        assert len(query(primary.url, "SELECT DISTINCT street_code FROM cases")) > 1
        # a write through it goes to the primary, and its commit is remembered
        users.audit(conn, "jiedao", "export", {"what": "test"})
        assert conn.primary.written_lsn
        assert query(primary.url, "SELECT count(*) FROM audit_log WHERE user_name = 'jiedao'") \
            == [(1,)]
    finally:
        conn.primary.close()
        conn.close()


def test_reads_fall_back_to_the_primary_when_the_replica_stops(reading_replica, caplog):
    primary, replica = reading_replica
    street, community, _, _ = a_site(primary.url)
    at = app_at(street, community)
    at.run()  # this session reads the replica
    assert not at.exception
    localdb.stop_cluster(replica.root)
    st.cache_data.clear()
    primary.mark()
    with caplog.at_level(logging.WARNING, logger="grassroots_atlas"):
        at.run()
    assert not at.exception and not at.error
    assert at.metric
    assert MAP_READ in primary.logged()
    assert any("replica" in r.getMessage() for r in caplog.records)
    # a new session, and the command line, too
    st.cache_data.clear()
    fresh = app_at(street, community)
    fresh.run()
    assert not fresh.exception and fresh.metric
    done = run_cli(primary.url, "stats", "coverage", "--community", community)
    assert done.returncode == 0, done.stderr
    assert "read replica does not answer" in done.stderr
    assert json.loads(done.stdout)[0]["sites"] == query(
        primary.url, "SELECT count(*) FROM sites WHERE community_code = %s", (community,))[0][0]

