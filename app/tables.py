"""Tables on the page: every frame through geo.labels, numbers formatted for reading (counts
with separators, rates to one decimal, nothing for a missing value), sized to the content."""
from __future__ import annotations


import pandas as pd
import streamlit as st

from app import lookups
from geo.labels import readable


def styled(frame: pd.DataFrame):
    """The number format of each numeric column: whole numbers with separators, others to
    one decimal; a missing value shows as nothing (Streamlit would print "None")."""
    formats = {}
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
            continue
        whole = values.dropna()
        formats[column] = "{:,.0f}" if (whole == whole.round()).all() else "{:,.1f}"
    return frame.style.format(formats, na_rep="")


def _text_px(text: str) -> int:
    """Pixels a text takes in the table's font: a Chinese character about twice a Latin one."""
    return sum(14 if ord(c) > 0x2E80 else 8 for c in text)


def widths(shown: pd.DataFrame) -> dict[str, st.column_config.Column]:
    """Each column as wide as its header and its longest value (of the first 200 rows), so
    that a narrow panel shows every column whole instead of cutting the last ones off."""
    config = {}
    for column in shown.columns:
        values = shown[column].head(200)
        if pd.api.types.is_float_dtype(values):
            texts = [f"{v:,.1f}" for v in values.dropna()]
        else:
            texts = [f"{v:,}" if isinstance(v, int) else str(v) for v in values]
        widest = max([_text_px(str(column))] + [_text_px(x) for x in texts])
        config[column] = st.column_config.Column(width=min(widest + 20, 320))
    return config


def _read(conn, frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return readable(frame, lang, names=lookups.code_names(conn, lang), tz=lookups.timezone(conn))


def show(conn, frame: pd.DataFrame, lang: str, **options):
    """``frame`` as a reader sees it (st.dataframe's ``options`` pass through)."""
    shown = _read(conn, frame, lang)
    options.setdefault("hide_index", True)
    options.setdefault("column_config", widths(shown))
    return st.dataframe(styled(shown), **options)


def csv(conn, frame: pd.DataFrame, lang: str) -> bytes:
    """``frame`` as a reader sees it, as CSV that Excel opens in Chinese (UTF-8 with BOM)."""
    return _read(conn, frame, lang).to_csv(index=False).encode("utf-8-sig")
