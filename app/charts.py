"""Charts as plain Vega-Lite specifications. st.line_chart / st.bar_chart build them through
Altair, whose schema validation cost about 0.2 s of every rerun of the coverage page; the
same chart from a dictionary costs a few milliseconds. Every series keeps its colour in both
languages (the colour scale's domain is given in the series' own order, not sorted by label),
and both axes carry a title."""
from __future__ import annotations

import pandas as pd
import streamlit as st

# Okabe-Ito, then Tableau's: distinguishable, and fixed by a series' position
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000", "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948",
           "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC"]


def _draw(long: pd.DataFrame, mark: dict, x: dict, y: dict, labels: list[str],
          colours: list[str]) -> None:
    st.vega_lite_chart(long, {
        "mark": mark,
        "encoding": {"x": x, "y": y,
                     "color": {"field": "series", "type": "nominal",
                               "scale": {"domain": labels, "range": colours},
                               "legend": {"orient": "bottom", "title": None, "columns": 4}},
                     "tooltip": [{"field": "series", "type": "nominal"}, x, y]}},
        width="stretch")


def _colours(keys: list[str], fixed: dict[str, str] | None) -> list[str]:
    fixed = fixed or {}
    return [fixed.get(k) or PALETTE[i % len(PALETTE)] for i, k in enumerate(keys)]


def lines(frame: pd.DataFrame, x: str, series: dict[str, str], *, x_title: str, y_title: str,
          temporal: bool = True, percent: bool = False,
          colours: dict[str, str] | None = None) -> None:
    """One line per column of ``series`` (column → label) over ``x``; ``colours`` by column."""
    long = frame.melt(id_vars=[x], value_vars=list(series), var_name="series", value_name="value")
    long["series"] = long["series"].map(series)
    y = {"field": "value", "type": "quantitative", "title": y_title}
    if percent:
        y["axis"] = {"format": "%"}
    _draw(long, {"type": "line", "interpolate": "step-after" if temporal else "linear",
                 "point": not temporal},
          {"field": x, "type": "temporal" if temporal else "ordinal", "title": x_title}, y,
          list(series.values()), _colours(list(series), colours))


def stacked_bars(frame: pd.DataFrame, x: str, colour: str, y: str, *, names: dict[str, str],
                 x_title: str, y_title: str) -> None:
    """Bars of ``y`` over ``x`` (ordinal, e.g. months) stacked by the codes in ``colour``,
    named by ``names``; a code keeps its colour whatever the language."""
    codes = sorted(frame[colour].unique())
    long = frame.rename(columns={y: "value"}).assign(
        series=[names.get(c, c) for c in frame[colour]])
    _draw(long, {"type": "bar"}, {"field": x, "type": "ordinal", "title": x_title},
          {"field": "value", "type": "quantitative", "title": y_title, "stack": "zero"},
          [names.get(c, c) for c in codes], _colours(codes, None))
