"""After a write, the whole page is drawn again from the database: the one place where the
caches a write makes stale are cleared, and the write's message is kept for the next run."""
from __future__ import annotations

import time
from typing import NoReturn

import streamlit as st

_MESSAGE = "_atlas_write_message"
_SHOW = {"success": st.success, "info": st.info, "warning": st.warning}
# the map's report of its new view may run the page again at once: the message stays for the
# runs of these first seconds
SHOWN_FOR_SECONDS = 5.0


def saved(message: str, kind: str = "success") -> NoReturn:
    """A write succeeded: forget every cached read, keep ``message`` and run the page again,
    so that the map, the KPIs, the lists and the forms all show the new state."""
    st.cache_data.clear()
    st.session_state[_MESSAGE] = (kind, message, time.monotonic())
    st.rerun()


def show_message() -> None:
    """The message of the write that caused this run (and of the runs right after it)."""
    kind, message, at = st.session_state.get(_MESSAGE, ("success", None, 0.0))
    if message and time.monotonic() - at <= SHOWN_FOR_SECONDS:
        _SHOW[kind](message)
    else:
        st.session_state.pop(_MESSAGE, None)
