"""Test fixtures: a real PostgreSQL + PostGIS cluster that the test run starts and stops.

Each test that writes gets its own database cloned from a migrated template; the demo district
is built once per run and only read.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg2
import pytest

from geo import db, demo, localdb

ROOT = Path(__file__).resolve().parent.parent
DEMO_NOW = dt.datetime(2026, 11, 20, 15, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
DEMO_CASES = 60_000


@pytest.fixture(scope="session")
def cluster():
    """(server URL without database, a function making URLs for a database name)."""
    root = Path(tempfile.mkdtemp(prefix="atlas-test-pg-"))
    url = db.local_database(root)
    base = url.rsplit("/", 1)[0]
    conn = db.connect(url)
    db.migrate(conn)
    conn.close()
    admin = psycopg2.connect(base + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("ALTER DATABASE atlas IS_TEMPLATE true")
    admin.close()
    yield base
    localdb.stop_cluster(root)
    subprocess.run(["rm", "-rf", str(root)], check=False)


def _clone(base: str, template: str) -> str:
    name = "t_" + uuid.uuid4().hex[:12]
    admin = psycopg2.connect(base + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    admin.close()
    return f"{base}/{name}"


def _as_template(base: str, url: str) -> str:
    """Mark a prepared database as a template for per-test copies; return its name."""
    name = url.rsplit("/", 1)[1]
    admin = psycopg2.connect(base + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'ALTER DATABASE "{name}" IS_TEMPLATE true')
    admin.close()
    return name


@pytest.fixture
def empty_url(cluster) -> str:
    """A migrated, empty database of this test's own."""
    return _clone(cluster, "atlas")


@pytest.fixture(scope="session")
def demo_template(cluster) -> str:
    url = _clone(cluster, "atlas")
    conn = db.connect(url)
    demo.build_demo(conn, seed=7, n_cases=DEMO_CASES, n_sites=1500, now=DEMO_NOW)
    conn.close()
    return _as_template(cluster, url)


@pytest.fixture(scope="session")
def demo_url(cluster, demo_template) -> str:
    """The demo district, shared by the tests that only read."""
    return _clone(cluster, demo_template)


@pytest.fixture
def demo_copy_url(cluster, demo_template) -> str:
    """A private copy of the demo district for a test that writes."""
    return _clone(cluster, demo_template)


@pytest.fixture(scope="session")
def small_template(cluster, tmp_path_factory) -> str:
    """The hand-written two-community district of tests/small_district.py, imported once."""
    from tests import small_district

    url = _clone(cluster, "atlas")
    small_district.build(url, tmp_path_factory.mktemp("small"), run_cli)
    return _as_template(cluster, url)


@pytest.fixture
def small_url(cluster, small_template) -> str:
    """A private copy of the small district."""
    return _clone(cluster, small_template)


@pytest.fixture
def conn_for():
    opened = []

    def make(url: str):
        c = db.connect(url)
        opened.append(c)
        return c

    yield make
    for c in opened:
        c.close()


def app_session(timeout: float = 120):
    """The app (AppTest) in a new session past its first screen. A session's first run draws
    the figures and the map alone, and in a browser the map's first report starts the whole
    page (app/mapview.py); AppTest draws no map, so the session starts as after that report.
    tests/test_app.py covers the first screen itself."""
    from streamlit.testing.v1 import AppTest

    from app.mapview import WHOLE_PAGE_SHOWN

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=timeout)
    at.session_state[WHOLE_PAGE_SHOWN] = True
    return at


def open_panels(at):
    """``at`` run again with every folded panel of its page opened (app/widgets.py), as a
    user clicking each; panels inside opened ones too. Returns ``at``."""
    from app.widgets import PANEL_KEY

    for _ in range(3):
        keys = {e.proto.id.split("-", 2)[-1] for e in at.expander if PANEL_KEY in e.proto.id}
        closed = [k for k in keys if not (k in at.session_state and at.session_state[k])]
        if not closed:
            return at
        for key in closed:
            at.session_state[key] = True
        at.run()
    return at


def run_cli(url: str, *args: str, input: str | None = None, cwd: Path | None = None):
    """Run ``python -m geo`` against ``url`` as a user would; return the CompletedProcess."""
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True,
                          env=env, cwd=cwd or ROOT, input=input, timeout=600)


def query(url: str, sql: str, params=None) -> list[tuple]:
    """All rows of one query on a fresh connection (tests read what the app wrote), committed
    (a test's own ``UPDATE ... RETURNING`` sets the scene)."""
    conn = psycopg2.connect(url)
    with conn.cursor() as cur:
        cur.execute(sql, params)
        rows = cur.fetchall()
    conn.commit()
    conn.close()
    return rows


def table_counts(url: str) -> dict[str, int]:
    conn = psycopg2.connect(url)
    with conn.cursor() as cur:
        out = {}
        for t in demo.DATA_TABLES + ("settings",):
            cur.execute(f"SELECT count(*) FROM {t}")
            out[t] = cur.fetchone()[0]
    conn.close()
    return out


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's), shared by a module's browser tests."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-quic",
                                    "--no-first-run", "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync"])
        yield b
        b.close()
