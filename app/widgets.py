"""Streamlit's own widget texts in the page's language: the file uploader's hint and button
are fixed English in its frontend, so they are replaced by CSS with the translated ones."""
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
