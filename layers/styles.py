"""Colours and styles shared by the screen and the exports (one palette, one legend)."""
from __future__ import annotations

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
MODE_COLORS = {
    "commercial": "#0072B2",
    "self_managed": "#009E73",
    "scenic_co_managed": "#CC79A7",
    "enterprise_embedded": "#E69F00",
    "none": "#D55E00",
}
MODES = tuple(MODE_COLORS)
STREET_LINE = "#333333"
COMMUNITY_LINE = "#666666"
GRID_LINE = "#999999"
ADDRESS_DOT = "#555555"  # a doorplate of the address library
CANDIDATE_DOT = "#56B4E9"  # where a queued case may go
CLICKED_DOT = "#D55E00"  # where a person clicked to put it
DEMONSTRATION_COLOR = "#F0E442"


def site_style(kind: str, mode: str) -> dict:
    """Leaflet path style of a site. Open courtyards without management stand out with a
    heavy outline; building clusters are dashed."""
    style = {"fillColor": MODE_COLORS[mode], "color": MODE_COLORS[mode], "weight": 1,
             "fillOpacity": 0.65, "opacity": 0.9, "className": f"atlas-site atlas-mode-{mode}"}
    if kind == "open_courtyard" and mode == "none":
        style.update(color="#7a1f00", weight=3, fillOpacity=0.85)
    if kind == "building_cluster":
        style.update(color="#222222", dashArray="4 3", weight=1.5)
    return style


def coverage_color(rate: float | None) -> str:
    """Sequential shading of a community by coverage (light = low)."""
    if rate is None:
        return "#dddddd"
    steps = ["#fee5d9", "#fcbba1", "#c6dbef", "#6baed6", "#2171b5", "#08306b"]
    thresholds = [0.5, 0.7, 0.8, 0.9, 0.95]
    for color, limit in zip(steps, thresholds):
        if rate < limit:
            return color
    return steps[-1]


COVERAGE_STEPS = [("<50%", "#fee5d9"), ("50–70%", "#fcbba1"), ("70–80%", "#c6dbef"),
                  ("80–90%", "#6baed6"), ("90–95%", "#2171b5"), ("≥95%", "#08306b")]
