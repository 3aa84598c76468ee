"""What Streamlit's frontend fixes and CSS can change: its widget texts in the page's language
(the file uploader's hint and button are English in its frontend), the order of the page
on a phone (the map before the figures), and panels whose content runs only when opened."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import streamlit as st

from geo.i18n import t


def localize(lang: str) -> None:
    if lang == "en":
        return
    st.html(f"""<style>
[data-testid="stFileUploaderDropzoneInstructions"] * {{ font-size: 0; }}
[data-testid="stFileUploaderDropzoneInstructions"] > div::before {{
  content: "{t('upload_hint', lang)}"; font-size: 0.875rem; }}
[data-testid="stFileUploaderDropzone"] button {{ font-size: 0; }}
[data-testid="stFileUploaderDropzone"] button::after {{
  content: "{t('upload_button', lang)}"; font-size: 0.875rem; }}
</style>""")


PHONE_WIDTH = 640  # px: Streamlit stacks the columns below this width


def layout() -> None:
    """The figures' cards (``st.container(key="figures")``) small enough for eight in a row
    at 1366 px; on a phone the map comes first and the figures move below the map's columns
    (Streamlit's blocks are flex columns, so ``order`` moves them)."""
    st.html(f"""<style>
.stMainBlockContainer {{ padding-left: 2rem; padding-right: 2rem; }}
.st-key-figures [data-testid="stMetricValue"] {{ font-size: 1.45rem; }}
.st-key-figures [data-testid="stMetricLabel"] p {{ white-space: normal; }}
@media (max-width: {PHONE_WIDTH}px) {{
  div:has(> .st-key-figures) {{ order: 10; }}
  .stMainBlockContainer {{ padding-left: 0.75rem; padding-right: 0.75rem; }}
}}
</style>""")


PANEL_KEY = "panel_"  # the prefix of every folded panel's key (its open state)
_OPEN_PANELS = "open_panels"


@contextmanager
def folded(label: str, name: str, where=st) -> Iterator[bool]:
    """A panel folded away until the user opens it (an expander keyed ``panel_<name>``). Its
    content runs only while it is open (``with folded(...) as shown: if shown: ...``): a
    first visit neither computes nor loads in the browser what nobody opened. An open panel
    stays open when its label changes (a count in it), which Streamlit takes for a new one."""
    opened = st.session_state.setdefault(_OPEN_PANELS, set())
    box = where.expander(label, expanded=name in opened, key=PANEL_KEY + name,
                         on_change="rerun")
    (opened.add if box.open else opened.discard)(name)
    with box:
        yield bool(box.open)
