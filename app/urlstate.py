"""The view state kept in the URL: read on every run, written back at its end."""
from __future__ import annotations

import streamlit as st

from geo.viewstate import State, from_query, to_query
from layers.basemap import BASEMAPS


def read_state() -> State:
    return from_query(st.query_params.to_dict(), BASEMAPS)


def forget_site() -> None:
    """The chosen site is gone (deleted): the next run opens no site's panel."""
    st.query_params.pop("site", None)


def write_state(s: State) -> None:
    """Put the state back in the URL (only what differs from the defaults). Sent whole on every
    run, changed or not: a run cut short by a rerun loses the URL it sent, while the server
    already holds it, so a later run that sent only what differs would never send it again
    (the map's zoom stayed out of the URL in one test run in five)."""
    st.query_params.from_dict(to_query(s))
