"""What Streamlit's frontend fixes and CSS can change: its widget texts in the page's language
(the file uploader's hint and button are English in its frontend), and the order of the page
on a phone (the map before the figures)."""
from __future__ import annotations

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
