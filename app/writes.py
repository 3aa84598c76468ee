"""After a write, the whole page is drawn again from the database: the one place where the
caches a write makes stale are cleared, and the write's message is kept for the next run."""
from __future__ import annotations

import time
from typing import Callable, NoReturn

import streamlit as st

from geo.editing import changelog
from geo.errors import InputError
from geo.i18n import t

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


def undo_button(conn, user_name: str | None, lang: str, key: str,
                forget: Callable[[], None] | None = None) -> None:
    """Undo the user's last change (geo.editing.changelog): refused with its reason, or saved
    (``forget`` first clears what else the change made stale)."""
    if not st.button(t("undo_last", lang), key=key):
        return
    try:
        undone = changelog.undo_last(conn, user_name)
    except InputError as refused:
        st.warning(str(refused))
        return
    if undone:
        if forget:
            forget()
        saved(t("undone", lang), "info")
    st.info(t("nothing_to_undo", lang))
