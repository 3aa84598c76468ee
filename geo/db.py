"""Connections, the database URL and versioned migrations."""
from __future__ import annotations

import logging
import os
import queue
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import pandas as pd
import psycopg2
import psycopg2.extensions
from psycopg2 import sql

from geo import localdb

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# the service's data (ATLAS_DATA_DIR, /var/lib/grassroots-atlas when installed), else the project's
DATA_DIR = Path(os.environ.get("ATLAS_DATA_DIR") or PROJECT_ROOT / ".local")
LOCAL_ROOT = DATA_DIR / "pg"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
LOG = logging.getLogger("grassroots_atlas")


def database_url(start: bool = True) -> str:
    """DATABASE_URL when set, else the project-local cluster (started when ``start``)."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    if start:
        return local_database(LOCAL_ROOT)
    port = (LOCAL_ROOT / "port").read_text().strip()
    return f"postgresql://{localdb.SUPERUSER}@127.0.0.1:{port}/{localdb.DATABASE}"


# the local databases this process has found or created: checked once, not per connection
_LOCAL_DATABASES: set[str] = set()


def local_database(root: Path) -> str:
    """Start the project-local cluster under ``root`` (made once) and create its database
    when missing; return the database's URL."""
    url = localdb.ensure_cluster(root)
    if url in _LOCAL_DATABASES:
        return url
    server, name = url.rsplit("/", 1)
    for attempt in range(50):  # the server may take a moment to accept connections
        try:
            admin = psycopg2.connect(f"{server}/postgres")
            break
        except psycopg2.OperationalError:
            if attempt == 49:
                raise
            time.sleep(0.1)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        if cur.fetchone() is None:
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()
    _LOCAL_DATABASES.add(url)
    return url


class AtlasConnection(psycopg2.extensions.connection):
    """A connection that knows whose it is (``scope_key``): caches of query results are kept
    apart per scope; its statement timeout in ms (0: none). A connection to a read replica
    knows its ``primary``, where its writes go (``transaction``); a primary with a replica
    beside it remembers the position of its last commit (``written_lsn``) and a replica
    connection the position it must have replayed for its reads (``read_after``)."""

    scope_key = "owner"
    statement_timeout_ms = 0
    primary: AtlasConnection | None = None
    has_replica = False
    written_lsn: str | None = None
    read_after = ""

    @property
    def cache_key(self) -> tuple[str, str, str]:
        """What a cached read depends on: the database, whose connection, and (on a replica,
        after this session wrote) the commit the replica had replayed."""
        return self.dsn, self.scope_key, self.read_after


def read_timeout_ms() -> int:
    """The app's page reads are cut after ATLAS_READ_TIMEOUT seconds (default 30; 0: never)."""
    raw = os.environ.get("ATLAS_READ_TIMEOUT", "30")
    try:
        seconds = float(raw)
    except ValueError:
        raise ValueError(f"ATLAS_READ_TIMEOUT: '{raw}' is not a number of seconds") from None
    return max(1, round(seconds * 1000)) if seconds > 0 else 0


def _set(conn, setting: str, value: str) -> None:
    """Set ``setting`` for the session (a plain SET is undone by a rollback of its transaction)."""
    with conn.cursor() as cur:
        cur.execute("SELECT set_config(%s, %s, false)", (setting, value))
    conn.commit()


def set_temp_buffers(conn: psycopg2.extensions.connection, size: str) -> None:
    """Keep this connection's temporary tables in up to ``size`` of its own memory: only
    before it first uses one (PostgreSQL refuses the change afterwards)."""
    _set(conn, "temp_buffers", size)


def set_statement_timeout(conn: psycopg2.extensions.connection, ms: int) -> None:
    """Cut this connection's statements after ``ms`` milliseconds (0: never)."""
    _set(conn, "statement_timeout", str(ms))
    conn.statement_timeout_ms = ms


@contextmanager
def unlimited(conn: psycopg2.extensions.connection) -> Iterator[psycopg2.extensions.connection]:
    """The connection without its statement timeout for a while: an export or import started
    from a page is not cut like the page's reads."""
    if not conn.statement_timeout_ms:
        yield conn
        return
    conn.rollback()
    _set(conn, "statement_timeout", "0")
    try:
        yield conn
    finally:
        conn.rollback()
        _set(conn, "statement_timeout", str(conn.statement_timeout_ms))


# A database that does not answer is said to be down within seconds, not after the
# operating system's TCP timeouts (minutes); the URL's own settings win.
NETWORK_DEFAULTS = {"connect_timeout": "5", "keepalives_idle": "10", "keepalives_interval": "5",
                    "keepalives_count": "2", "tcp_user_timeout": "5000"}


def connect(url: str | None = None) -> psycopg2.extensions.connection:
    url = url or database_url()
    given = psycopg2.extensions.parse_dsn(url)
    defaults = {k: v for k, v in NETWORK_DEFAULTS.items() if k not in given}
    conn = psycopg2.connect(url, application_name="grassroots-atlas",
                            connection_factory=AtlasConnection, **defaults)
    conn.url = url
    with conn.cursor() as cur:
        # Short analytic queries: JIT compilation costs more than it saves. Imports stage
        # millions of rows in temporary tables, which live in temp_buffers (8 MB by default).
        cur.execute("SET jit = off; SET temp_buffers = '512MB'")
    conn.commit()
    return conn


@contextmanager
def transaction(conn: psycopg2.extensions.connection) -> Iterator[psycopg2.extensions.cursor]:
    """One all-or-nothing unit: commit on success, roll back on any exception. On a replica's
    connection it runs on the primary (edits, imports, audit entries, the checks inside them),
    and the primary remembers where its commit is in the WAL."""
    target = getattr(conn, "primary", None) or conn
    try:
        with target.cursor() as cur:
            yield cur
        target.commit()
    except BaseException:
        target.rollback()
        raise
    if getattr(target, "has_replica", False):
        from geo.sql import operations

        target.written_lsn = row(target, operations.WAL_POSITION)[0]


def read_url() -> str | None:
    """ATLAS_READ_URL: a streaming replica of the database for the pages', stats' and exports'
    reads (None: everything on DATABASE_URL)."""
    return os.environ.get("ATLAS_READ_URL") or None


def beside_replica(primary: AtlasConnection, replica_url: str,
                   make: Callable[[str], AtlasConnection]) -> AtlasConnection:
    """The connection to read from: ``make(replica_url)`` with its writes sent to ``primary``;
    ``primary`` itself when the replica does not answer (said in the log)."""
    try:
        replica = make(replica_url)
    except psycopg2.OperationalError as refused:
        first_line = (str(refused).strip().splitlines() or [""])[0]
        LOG.warning("the read replica does not answer (%s): reading from the primary",
                    first_line)
        return primary
    replica.primary = primary
    primary.has_replica = True
    return replica


def replayed(replica: psycopg2.extensions.connection, lsn: str) -> bool:
    """Whether the replica has replayed the WAL up to ``lsn`` (a commit on its primary)."""
    from geo.sql import operations

    return bool(row(replica, operations.REPLAYED, (lsn,))[0])


def connect_reading(user=None) -> AtlasConnection:
    """The command line's connection: the user's (or the owner's), reading from ATLAS_READ_URL's
    replica when set, writing to DATABASE_URL's primary."""
    primary = connect_for(user)
    replica_url = read_url()
    if not replica_url:
        return primary
    return beside_replica(primary, replica_url, lambda url: connect_for(user, url))


def migrate(conn: psycopg2.extensions.connection) -> list[str]:
    """Apply the migrations not yet applied, each in its own transaction; return their names."""
    applied: list[str] = []
    with transaction(conn) as cur:
        cur.execute("SELECT pg_advisory_xact_lock(7120202)")
        cur.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        cur.execute("SELECT version FROM schema_migrations")
        done = {r[0] for r in cur.fetchall()}
        for path in sorted(MIGRATIONS.glob("*.sql")):
            if path.stem in done:
                continue
            cur.execute(path.read_text(encoding="utf-8"))
            cur.execute("INSERT INTO schema_migrations (version) VALUES (%s)", (path.stem,))
            applied.append(path.stem)
        keep_cubes(cur)
    return applied


def keep_cubes(cur: psycopg2.extensions.cursor) -> None:
    """The case cubes' upkeep as their catalogue declares it now (replaced on every run), and
    any cube left empty while there are cases filled from them."""
    from geo import cubes
    from geo.sql import cubes as cubes_sql

    cur.execute(cubes_sql.UPKEEP)
    cur.execute("SELECT district_timezone()")
    tz = cur.fetchone()[0]
    for cube in cubes.CUBES:
        cur.execute(cubes_sql.empty_with_cases(cube))
        if cur.fetchone()[0]:
            cur.execute(cubes_sql.fill(cube, tz))
            cur.execute(cubes_sql.CLUSTERED, (cube.name,))
            if cur.fetchone()[0]:
                cur.execute(cubes_sql.cluster(cube))
            cur.execute(cubes_sql.analyze(cube))


# an index is rebuilt when larger than this many times its entries' size, and than 8 MB
BLOAT_LIMITS = {"factor": 3, "min_bytes": 8 << 20}


def maintain(conn: psycopg2.extensions.connection) -> list[str]:
    """The weekly upkeep: VACUUM ANALYZE, indexes grown far beyond their entries rebuilt, then
    the cubes kept in an index's order clustered again. Returns what was done."""
    from geo import cubes
    from geo.sql import cubes as cubes_sql
    from geo.sql import operations

    done = []
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(operations.VACUUM_ANALYZE)
            done.append("VACUUM ANALYZE")
            cur.execute(operations.BLOATED_INDEXES, BLOAT_LIMITS)
            for schema, index in cur.fetchall():
                cur.execute(operations.reindex(schema, index))
                done.append(f"REINDEX {index}")
            for cube in cubes.CUBES:
                cur.execute(cubes_sql.CLUSTERED, (cube.name,))
                if cur.fetchone()[0]:
                    cur.execute(cubes_sql.cluster(cube))
                    done.append(f"CLUSTER {cube.name}")
    finally:
        conn.autocommit = False
    return done


Query = str | sql.Composable  # a statement of geo/sql (tests may pass text)


def run(cur: psycopg2.extensions.cursor, query: Query, params: dict | tuple | None = None
        ) -> psycopg2.extensions.cursor:
    """Run a statement on ``cur`` inside the caller's transaction; the cursor, to fetch from."""
    cur.execute(query, params)
    return cur


def frame(conn: psycopg2.extensions.connection, query: Query, params: dict | tuple = ()) -> pd.DataFrame:
    """A query's rows as a frame, leaving no transaction open."""
    with conn.cursor() as cur:
        cur.execute(query, params)
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
    conn.rollback()
    return pd.DataFrame(rows, columns=cols)


def row(conn: psycopg2.extensions.connection, query: Query, params: dict | tuple = ()) -> tuple | None:
    """The first row of a query (or None), leaving no transaction open."""
    with conn.cursor() as cur:
        cur.execute(query, params)
        first = cur.fetchone()
    conn.rollback()
    return first


def ping(conn: psycopg2.extensions.connection) -> None:
    """Raise psycopg2.Error when the connection no longer reaches the database."""
    with conn.cursor() as cur:
        cur.execute("SELECT 1")
    conn.rollback()


APP_ROLE = "atlas_user"


def connect_as(user, url: str | None = None) -> psycopg2.extensions.connection:
    """A connection that sees only what ``user`` may see: the non-owner role atlas_user
    (no BYPASSRLS) with the user's role and scope set for the row-level security policies."""
    conn = connect(url)
    with conn.cursor() as cur:
        cur.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(APP_ROLE)))
        cur.execute("SELECT set_config('atlas.user_role', %s, false), "
                    "set_config('atlas.scope', %s, false), "
                    "set_config('atlas.personal_data', %s, false), "
                    "set_config('atlas.user_name', %s, false)",
                    (user.role, user.scope_code or "", "on" if user.sees_personal_data else "off",
                     user.name))
    conn.commit()
    conn.scope_key = f"{user.role}:{user.scope_code or ''}:{user.sees_personal_data}"
    return conn


def connect_for(user, url: str | None = None) -> psycopg2.extensions.connection:
    """The user's connection (``connect_as``), or the owner's when there is no user (sign-in,
    and the open demo when no user is configured)."""
    return connect_as(user, url) if user else connect(url)


class Pool:
    """Connections made on demand by ``make`` and lent to one thread at a time: the loads of a
    page run side by side (``concurrently``), each on its own connection. At most ``keep``
    wait idle; more are closed when given back. Their queries get no parallel workers: the
    loads beside each other already keep the cores busy, and workers would only compete with
    them (docs/benchmarks.md)."""

    def __init__(self, make: Callable[[], psycopg2.extensions.connection], keep: int = 6) -> None:
        self._make = make
        self._keep = keep
        self._idle: queue.SimpleQueue = queue.SimpleQueue()

    @contextmanager
    def connection(self) -> Iterator[psycopg2.extensions.connection]:
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            conn = self._make()
            _set(conn, "max_parallel_workers_per_gather", "0")
        try:
            yield conn
        finally:
            try:  # back to the pool with no transaction open; a broken one is dropped
                conn.rollback()
                if self._idle.qsize() < self._keep:
                    self._idle.put(conn)
                else:
                    conn.close()
            except psycopg2.Error:
                conn.close()


def concurrently(pool: Pool, calls: Sequence[Callable[[psycopg2.extensions.connection], Any]],
                 initializer: Callable[[], None] | None = None) -> list:
    """Run each call with its own connection of ``pool`` at the same time (the server runs
    each on a core of its own) and return their results in order; a call's error is raised.
    ``initializer`` runs first in each thread."""
    def run(call):
        with pool.connection() as conn:
            return call(conn)

    with ThreadPoolExecutor(max_workers=len(calls), initializer=initializer) as threads:
        futures = [threads.submit(run, call) for call in calls]
        return [future.result() for future in futures]
