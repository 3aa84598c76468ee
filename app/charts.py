"""Charts as plain Vega-Lite specifications. st.line_chart / st.bar_chart build them through
Altair, whose schema validation cost about 0.2 s of every rerun of the coverage page; the
same chart from a dictionary costs a few milliseconds."""
from __future__ import annotations

import pandas as pd
import streamlit as st


def _draw(long: pd.DataFrame, mark: dict, x: dict, y: dict, colour_title: str | None) -> None:
    st.vega_lite_chart(long, {
        "mark": mark,
        "encoding": {"x": x, "y": y,
                     "color": {"field": "series", "type": "nominal",
                               "legend": {"orient": "bottom", "title": colour_title}},
                     "tooltip": [{"field": "series", "type": "nominal"}, x, y]}},
        width="stretch")


def lines(frame: pd.DataFrame, x: str, series: dict[str, str], *, temporal: bool = True,
          percent: bool = False) -> None:
    """One line per column of ``series`` (column → label) over ``x``."""
    long = frame.melt(id_vars=[x], value_vars=list(series), var_name="series", value_name="value")
    long["series"] = long["series"].map(series)
    y = {"field": "value", "type": "quantitative", "title": None}
    if percent:
        y["axis"] = {"format": "%"}
    _draw(long, {"type": "line", "interpolate": "step-after" if temporal else "linear"},
          {"field": x, "type": "temporal" if temporal else "ordinal", "title": None}, y, None)


def stacked_bars(frame: pd.DataFrame, x: str, colour: str, y: str) -> None:
    """Bars of ``y`` over ``x`` (ordinal, e.g. months) stacked by ``colour``."""
    long = frame.rename(columns={colour: "series", y: "value"})
    _draw(long, {"type": "bar"}, {"field": x, "type": "ordinal", "title": None},
          {"field": "value", "type": "quantitative", "title": None, "stack": "zero"}, None)
