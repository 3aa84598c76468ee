"""After a write, the whole page is drawn again from the database: the one place where the
caches a write makes stale are cleared, and the write's message is kept for the next run."""
from __future__ import annotations

from typing import NoReturn

import streamlit as st

_MESSAGE = "_atlas_write_message"
_SHOW = {"success": st.success, "info": st.info, "warning": st.warning}


def saved(message: str, kind: str = "success") -> NoReturn:
    """A write succeeded: forget every cached read, keep ``message`` and run the page again,
    so that the map, the KPIs, the lists and the forms all show the new state."""
    st.cache_data.clear()
    st.session_state[_MESSAGE] = (kind, message)
    st.rerun()


def show_message() -> None:
    """The message of the write that caused this run, once."""
    kind, message = st.session_state.pop(_MESSAGE, ("success", None))
    if message:
        _SHOW[kind](message)
