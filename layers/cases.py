"""The case views' layers: heatmap of binned cases on a fixed scale, hotspot cells (Gi*),
individual cases, and the 3D hexagon / column view (pydeck)."""
from __future__ import annotations

import html

import folium
from branca.element import Template
import geopandas as gpd
import numpy as np
import pandas as pd
import pydeck as pdk

from geo import coords
from geo.cases import cell_lonlat, hex_bins
from geo.i18n import t
from layers import offline
from layers.coverage import Legend

# Cold to hot, readable for the common colour-vision deficiencies (a magma-like ramp ending in
# pale yellow: full colour).
HEAT_GRADIENT = {0.2: "#3b0f70", 0.4: "#8c2981", 0.6: "#de4968", 0.8: "#fe9f6d", 1.0: "#fcfdbf"}
# The 3D view's base style, served by the app: a plain background, no tiles, no fonts (without
# a style of its own st.pydeck_chart would fetch Carto's from the internet).
BLANK_STYLE = offline.URL_PREFIX + "blank-style.json"
HOTSPOT_COLORS = {99: "#b2182b", 95: "#ef8a62", 90: "#fddbc7",
                  -90: "#d1e5f0", -95: "#67a9cf", -99: "#2166ac"}


def heat_weights(cells: pd.DataFrame, months: float, full_scale: float) -> np.ndarray:
    """Each cell's weight on the fixed scale: its cases per month over ``full_scale`` (full
    colour), capped at 1."""
    return np.minimum(cells["cases"].to_numpy(dtype=float) / max(months, 1.0) / full_scale, 1.0)


def _shift(lon, lat, crs: str):
    if crs == "wgs84":
        return np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    forward = {"gcj02": coords.wgs84_to_gcj02, "bd09": coords.wgs84_to_bd09}[crs]
    return forward(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))


def heat_colour(weight: float) -> str:
    """A weight 0-1 on the gradient (linear between its stops; below the first, the first)."""
    stops = sorted(HEAT_GRADIENT.items())
    if weight <= stops[0][0]:
        return stops[0][1]
    for (lo, c0), (hi, c1) in zip(stops, stops[1:]):
        if weight <= hi:
            f = (weight - lo) / (hi - lo)
            a = [int(c0[i:i + 2], 16) for i in (1, 3, 5)]
            b = [int(c1[i:i + 2], 16) for i in (1, 3, 5)]
            return "#" + "".join(f"{round(x + (y - x) * f):02x}" for x, y in zip(a, b))
    return stops[-1][1]


class HeatCells(folium.map.Layer):
    """The cells as rectangles the browser builds from [west, south, east, north, colour,
    cases] rows (about a tenth of the bytes of the same cells as GeoJSON)."""
    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.featureGroup();
(function (colours, label, cells, group) {
  cells.forEach(function (c) {
    L.rectangle([[c[1], c[0]], [c[3], c[2]]], {fillColor: colours[c[4]], fillOpacity: 0.8,
                 stroke: false, className: "atlas-heat"})
      .bindTooltip(label + c[5]).addTo(group);
  });
})({{ this.colours|tojson }}, {{ this.label|tojson }}, {{ this.cells|tojson }},
   {{ this.get_name() }});
{% endmacro %}""")

    def __init__(self, cells: list[list], colours: list[str], label: str, name: str) -> None:
        super().__init__(name=name, overlay=True)
        self._name = "HeatCells"
        self.cells, self.colours, self.label = cells, colours, label


def heat_layer(cells: pd.DataFrame, weights: np.ndarray, size: float, lang: str, *,
               crs: str = "wgs84") -> HeatCells:
    """Each cell a square coloured by its weight on the fixed scale: the colour of a cell is
    its own count per month over the legend's full-colour count, at every zoom and level.
    (A blurred heat kernel adds up where cells overlap, and saturated the district view.)"""
    keep = weights > 0
    shown, kept = cells[keep], weights[keep]
    colours = [heat_colour(float(w)) for w in kept]
    palette = sorted(set(colours))
    index = {c: i for i, c in enumerate(palette)}
    rows = [[*box, index[c], int(n)]  # corners to 6 decimals (0.1 m)
            for box, c, n in zip(_boxes(shown, size, crs), colours, shown["cases"])]
    return HeatCells(rows, palette, t("heat_cell_tooltip", lang), t("layer_heat", lang))


def heat_legend(lang: str, full_scale: float, size: float) -> Legend:
    """The scale in words: cases per month in a cell of the size drawn (its side on the
    ground, about 0.8 of a Web Mercator metre here)."""
    label = t("heat_scale", lang).format(n=f"{full_scale:g}", m=f"{size * 0.8:.0f}")
    stops = [(f"{share * full_scale:g}", color, "") for share, color in HEAT_GRADIENT.items()]
    return Legend(label, stops, columns=len(stops))


def _boxes(cells: pd.DataFrame, size: float, crs: str) -> list[list[float]]:
    """Each cell's [west, south, east, north] in lon/lat (of the display's system)."""
    cx, cy = cells["cx"].to_numpy(), cells["cy"].to_numpy()
    west, south = _shift(*cell_lonlat(cx * size, cy * size), crs)
    east, north = _shift(*cell_lonlat((cx + 1) * size, (cy + 1) * size), crs)
    return np.round(np.column_stack([west, south, east, north]), 6).tolist()


def _squares(cells: pd.DataFrame, size: float, crs: str) -> list[list[list[float]]]:
    """Each cell's outline as a lon/lat ring."""
    return [[[w, s], [e, s], [e, n], [w, n], [w, s]] for w, s, e, n in _boxes(cells, size, crs)]


def hotspot_layer(spots: pd.DataFrame, size: float, lang: str, *,
                  crs: str = "wgs84") -> folium.GeoJson:
    """Significant cells only, coloured by hot/cold and confidence level."""
    shown = spots[spots["level"] != 0]
    features = [{"type": "Feature",
                 "properties": {"level": int(level), "cases": int(cases),
                                "label": t("hot" if level > 0 else "cold", lang)
                                + f" {abs(int(level))}%", "z": round(float(z), 2)},
                 "geometry": {"type": "Polygon", "coordinates": [ring]}}
                for ring, level, cases, z in zip(_squares(shown, size, crs), shown["level"],
                                                 shown["cases"], shown["z"])]
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features}, name=t("layer_hotspots", lang),
        style_function=lambda f: {"fillColor": HOTSPOT_COLORS[f["properties"]["level"]],
                                  "color": HOTSPOT_COLORS[f["properties"]["level"]],
                                  "weight": 0.5, "fillOpacity": 0.55,
                                  "className": "atlas-hotspot"},
        tooltip=folium.GeoJsonTooltip(fields=["label", "cases", "z"],
                                      aliases=["", t("col_cases", lang), t("col_z", lang)]),
    )


def hotspot_legend(lang: str) -> Legend:
    entries = [(f"{t('hot' if level > 0 else 'cold', lang)} {abs(level)}%", color, "")
               for level, color in HOTSPOT_COLORS.items()]
    return Legend(t("hotspot_legend", lang), entries, corner="bottomleft", columns=3)


def case_points_layer(cases: pd.DataFrame, lang: str, *, crs: str = "wgs84") -> folium.FeatureGroup:
    """Individual cases as small circles; the tooltip is text (escaped), reporters masked
    by the caller."""
    group = folium.FeatureGroup(name=t("layer_case_points", lang))
    lon, lat = _shift(cases["lon"], cases["lat"], crs)
    for x, y, row in zip(lon, lat, cases.itertuples()):
        category = row.category_en if lang == "en" and isinstance(row.category_en, str) else row.category
        text = " · ".join(html.escape(str(v)) for v in (
            row.external_id, str(row.reported_at)[:16], category, t(f"status_{row.status}", lang),
            row.reporter_name, row.reporter_phone) if isinstance(v, str) and v)
        folium.CircleMarker([float(y), float(x)], radius=4, color="#222222", weight=1,
                            fill=True, fill_color="#ffffff", fill_opacity=0.9,
                            tooltip=text, class_name="atlas-case").add_to(group)
    return group


def deck(cells: pd.DataFrame, size: float, outlines: gpd.GeoDataFrame, *, mode: str,
         center: tuple[float, float], zoom: int, lang: str) -> pdk.Deck:
    """The 3D view: hexagons summing the binned cases, or one column per cell. No basemap
    (offline); the community outlines give the context."""
    ground = np.cos(np.radians(center[0]))  # Web Mercator metres → metres on the ground
    if mode == "hexagon":  # hexagons 1.2 cells wide, summed here, drawn as six-sided columns
        radius = size * 1.2
        data, sides, angle, width = hex_bins(cells, size, radius), 6, 0, radius * ground
    else:
        data, sides, angle, width = cells[["lon", "lat", "cases"]], 4, 45, size * ground / 2
    top = max(float(data["cases"].max()) if len(data) else 1.0, 1.0)
    data = data.assign(height=data["cases"] / top, color=[_ramp(v) for v in data["cases"] / top])
    layer = pdk.Layer("ColumnLayer", data, get_position=["lon", "lat"], get_elevation="height",
                      elevation_scale=float(size * ground * 8), radius=float(width * 0.95),
                      disk_resolution=sides, angle=angle, get_fill_color="color", extruded=True,
                      pickable=True, auto_highlight=True)
    outline = pdk.Layer("GeoJsonLayer", outlines.__geo_interface__, stroked=True, filled=False,
                        get_line_color=[80, 80, 80], line_width_min_pixels=1)
    tooltip = {"text": f"{t('col_cases', lang)}: {{cases}}"}
    return pdk.Deck(layers=[outline, layer], map_style=BLANK_STYLE, tooltip=tooltip,
                    initial_view_state=pdk.ViewState(latitude=center[0], longitude=center[1],
                                                     zoom=zoom, pitch=45, bearing=0))


def _ramp(share: float) -> list[int]:
    """The heat gradient as RGB for a share 0-1."""
    stops = sorted(HEAT_GRADIENT.items())
    for limit, color in stops:
        if share <= limit:
            break
    color = color.lstrip("#")
    return [int(color[i:i + 2], 16) for i in (0, 2, 4)] + [220]

