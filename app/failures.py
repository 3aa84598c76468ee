"""What the browser sees of an error the page did not expect: a plain message and an incident
id; the traceback goes to the server's log under the same id (Streamlit's own error details
are off in .streamlit/config.toml)."""
from __future__ import annotations

import logging
import secrets
import sys

import streamlit as st

from app import urlstate
from geo.i18n import t

LOG = logging.getLogger("grassroots_atlas")
if not LOG.handlers:  # the service's log is its standard error (journald under systemd)
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(_handler)
    LOG.setLevel(logging.INFO)


def on_script_error(error: Exception) -> bool:
    """st.App's handler of an uncaught error in a page run: logged with an id, said plainly."""
    incident = secrets.token_hex(4)
    LOG.error("incident %s: %s", incident, error, exc_info=error)
    st.error(t("unexpected_error", urlstate.read_language()).format(id=incident))
    return True  # Streamlit shows nothing of its own
