"""The view state kept in the URL: read on every run, written back at its end."""
from __future__ import annotations

import streamlit as st

import datetime as dt

from geo.viewstate import State, from_query, language, to_query
from layers.basemap import BASEMAPS

_WRITTEN = "urlstate_written"  # the queries this session wrote, newest last
_KEPT = 20


def read_language() -> str:
    """The page's language (known before the database is)."""
    return language(st.query_params.to_dict())


def read_state(today: dt.date) -> State:
    """The state in the URL (``today``: the district's). A rerun carries the browser's URL, and the browser misses a URL
    update sent in a run that a rerun cut short (Streamlit drops its unsent messages): a URL
    this session has already replaced is stale, and the newest one it wrote stands."""
    query = st.query_params.to_dict()
    written = st.session_state.get(_WRITTEN, [])
    if written and query != written[-1] and query in written[:-1]:
        query = written[-1]
        st.query_params.from_dict(query)
    return from_query(query, BASEMAPS, today)


def forget_site() -> None:
    """The chosen site is gone (deleted): the next run opens no site's panel."""
    st.query_params.pop("site", None)


def write_state(s: State) -> None:
    """Put the state back in the URL (only what differs from the defaults). Sent whole on every
    run, changed or not, for the same reason as in ``read_state``."""
    query = to_query(s)
    st.query_params.from_dict(query)
    written = st.session_state.setdefault(_WRITTEN, [])
    if query in written:
        written.remove(query)
    written.append(query)
    del written[:-_KEPT]
