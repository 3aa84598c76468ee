"""This browser session's database connections, the spare ones for loads run side by side,
and the cache keyed by whose connection it is."""
from __future__ import annotations

import threading
import time
from typing import Callable

import psycopg2
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from geo import db, users
from geo.i18n import t


def cached(**kwargs):
    """st.cache_data keyed by the database and whose connection it is: a user's scope never
    sees another's cached results, nor one database another's."""
    return st.cache_data(hash_funcs={db.AtlasConnection: lambda c: c.cache_key}, **kwargs)


SESSION_CONNECTIONS = "_atlas_connections"


def connection(url: str, user: users.User | None = None):
    """This browser session's connection: the owner's (sign-in, and the open demo when no user
    is configured), or the user's, limited by the database's row-level security. Never shared
    with another session: a connection has one transaction, and another session's rollback
    in the middle of this one's edits would undo the first half of them."""
    mine = st.session_state.setdefault(SESSION_CONNECTIONS, {})
    key = (url, user)
    if key not in mine or mine[key].closed:
        mine[key] = _reader(user, url)
    return mine[key]


def _reader(user: users.User | None, url: str):
    """A connection for a page's reads: cut after ATLAS_READ_TIMEOUT (exports lift it)."""
    conn = db.connect_for(user, url)
    db.set_statement_timeout(conn, db.read_timeout_ms())
    return conn


# a replica that did not answer is tried again after this many seconds (its connect timeout
# is not paid on every page run meanwhile)
REPLICA_RETRY_SECONDS = 30.0
_replica_down_until: dict[str, float] = {}


def reading(conn, user: users.User | None):
    """The connection for this run's reads: ATLAS_READ_URL's replica when set, answering and
    past this session's last write (``conn``, the primary, until it has replayed it); its
    writes go to ``conn``. Without a replica, ``conn``."""
    url = db.read_url()
    if not url or time.monotonic() < _replica_down_until.get(url, 0.0):
        return conn
    mine = st.session_state.setdefault(SESSION_CONNECTIONS, {})
    key = ("read", url, user)
    replica = mine.get(key)
    if replica is not None and not replica.closed:
        try:
            db.ping(replica)
        except psycopg2.Error:
            db.LOG.warning("the read replica went away: reading from the primary")
            replica.close()
            replica = None
    if replica is None or replica.closed:
        replica = db.beside_replica(conn, url, lambda u: _reader(user, u))
        if replica is conn:
            _replica_down_until[url] = time.monotonic() + REPLICA_RETRY_SECONDS
            mine.pop(key, None)
            return conn
        mine[key] = replica
    replica.primary, conn.has_replica = conn, True
    if conn.written_lsn:
        try:
            caught_up = db.replayed(replica, conn.written_lsn)
        except psycopg2.Error:
            caught_up = False
        if not caught_up:
            return conn
        replica.read_after = conn.written_lsn
    return replica


def forget_connections() -> None:
    """Close this session's connections and the spare ones (the database restarted or went
    away): the next run connects again."""
    for conn in st.session_state.pop(SESSION_CONNECTIONS, {}).values():
        conn.close()
    pool.clear()


def _database_url() -> str:
    """DATABASE_URL or the running local cluster's (started only when it is not)."""
    try:
        return db.database_url(start=False)
    except OSError:
        return db.database_url()


def conn_or_stop(lang: str, user: users.User | None = None):
    """The connection, reconnecting once when the database restarted under it (the session's
    connection was cut); when it is down, a plain message after one connect timeout, and the
    page tries again by itself."""
    for attempt in range(2):
        had_one = bool(st.session_state.get(SESSION_CONNECTIONS))
        try:
            conn = connection(_database_url(), user)
            db.ping(conn)
            return conn
        except (psycopg2.Error, OSError):
            forget_connections()
            if not had_one:  # a new connection failed: a second would wait as long again
                break
    st.error(t("database_unavailable", lang))
    st.session_state[_DOWN_SINCE] = time.monotonic()
    _until_the_database_is_back()
    st.stop()


_DOWN_SINCE = "database_down_since"


@st.fragment(run_every=5)
def _until_the_database_is_back() -> None:
    """While the database is down, try again every five seconds; once it answers, the page
    runs again by itself."""
    if time.monotonic() - st.session_state.get(_DOWN_SINCE, 0) < 4:
        return  # the page's own run has just tried
    try:
        db.connect(_database_url()).close()
    except (psycopg2.Error, OSError):
        return
    st.rerun()


@st.cache_resource
def pool(url: str, user: users.User | None = None) -> db.Pool:
    """Spare connections of the same user as ``connection``'s, for loads run side by side."""
    return db.Pool(lambda: _reader(user, url))


def side_by_side(conn, user: users.User | None, calls: list[Callable]) -> list:
    """A page's independent loads (cached functions taking the connection first) run at the
    same time, each on a connection of its own to the database ``conn`` reads from: the page
    waits for the slowest, not the sum. The threads share the page run's context, which
    Streamlit's caches look up."""
    ctx = get_script_run_ctx()

    def like_conn(call):  # the spare connection reads what ``conn`` would (its cache key)
        def run(spare):
            spare.read_after = conn.read_after
            return call(spare)
        return run

    return db.concurrently(pool(conn.url, user), [like_conn(call) for call in calls],
                           initializer=lambda: add_script_run_ctx(threading.current_thread(), ctx))
