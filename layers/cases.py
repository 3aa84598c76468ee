"""The case views' layers: heatmap of binned cases on a fixed scale, hotspot cells (Gi*),
individual cases, and the 3D hexagon / column view (pydeck)."""
from __future__ import annotations

import html

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pydeck as pdk

from geo import coords
from geo.cases import cell_lonlat
from geo.i18n import t
from layers import offline
from layers.coverage import Legend

# Cold to hot, readable for the common colour-vision deficiencies (viridis-like ramp ending in
# yellow, as leaflet-heat interpolates between the stops).
HEAT_GRADIENT = {0.2: "#3b0f70", 0.4: "#8c2981", 0.6: "#de4968", 0.8: "#fe9f6d", 1.0: "#fcfdbf"}
# The 3D view's base style, served by the app: a plain background, no tiles, no fonts (without
# a style of its own st.pydeck_chart would fetch Carto's from the internet).
BLANK_STYLE = offline.URL_PREFIX + "blank-style.json"
HOTSPOT_COLORS = {99: "#b2182b", 95: "#ef8a62", 90: "#fddbc7",
                  -90: "#d1e5f0", -95: "#67a9cf", -99: "#2166ac"}


def heat_weights(cells: pd.DataFrame, size: float, months: float, full_scale: float,
                 base_cell: float) -> np.ndarray:
    """Each cell's weight on the fixed scale: cases per month in a ``base_cell`` square
    (a larger cell's count is spread over its area), 1.0 = ``full_scale``, capped at 1."""
    per_base_cell = cells["cases"].to_numpy(dtype=float) / (size / base_cell) ** 2
    return np.minimum(per_base_cell / max(months, 1e-9) / full_scale, 1.0)


def _shift(lon, lat, crs: str):
    if crs == "wgs84":
        return np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    forward = {"gcj02": coords.wgs84_to_gcj02, "bd09": coords.wgs84_to_bd09}[crs]
    return forward(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))


def heat_layer(cells: pd.DataFrame, weights: np.ndarray, lang: str, *, crs: str = "wgs84",
               radius: int = 18) -> folium.Layer:
    """leaflet-heat with max = 1 and no zoom dimming (max_zoom 1): colour means the same
    number of cases per month and cell at every zoom and in every view."""
    lon, lat = _shift(cells["lon"], cells["lat"], crs)
    data = [[float(y), float(x), float(w)] for x, y, w in zip(lon, lat, weights)]
    return offline.HeatMap(data, name=t("layer_heat", lang), min_opacity=0.25, max_zoom=1,
                           radius=radius, blur=radius * 0.8, gradient=HEAT_GRADIENT, max=1.0)


def heat_legend(lang: str, full_scale: float, base_cell: float) -> Legend:
    label = t("heat_scale", lang).format(n=f"{full_scale:g}", m=f"{base_cell * 0.8:.0f}")
    stops = [(f"{share * full_scale:g}", color, "") for share, color in HEAT_GRADIENT.items()]
    return Legend(label, stops)


def _squares(cells: pd.DataFrame, size: float, crs: str) -> list[list[list[float]]]:
    """Each cell's outline as a lon/lat ring."""
    cx, cy = cells["cx"].to_numpy(), cells["cy"].to_numpy()
    west, south = cell_lonlat(cx * size, cy * size)
    east, north = cell_lonlat((cx + 1) * size, (cy + 1) * size)
    rings = []
    for a, b, c, d in zip(west, south, east, north):
        xs, ys = _shift([a, c, c, a, a], [b, b, d, d, b], crs)
        rings.append([[float(x), float(y)] for x, y in zip(xs, ys)])
    return rings


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
                                      aliases=["", t("col_cases", lang), "z"]),
    )


def hotspot_legend(lang: str) -> Legend:
    entries = [(f"{t('hot' if level > 0 else 'cold', lang)} {abs(level)}%", color, "")
               for level, color in HOTSPOT_COLORS.items()]
    return Legend(t("hotspot_legend", lang), entries, corner="bottomleft")


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
    """The 3D view: hexagons aggregating the binned weights, or one column per cell. No
    basemap (offline); the community outlines give the context."""
    data = cells[["lon", "lat", "cases"]]
    ground = size * np.cos(np.radians(center[0]))  # the cell's side on the ground
    if mode == "hexagon":
        layer = pdk.Layer("HexagonLayer", data, get_position=["lon", "lat"],
                          get_elevation_weight="cases", get_color_weight="cases",
                          elevation_aggregation="SUM", color_aggregation="SUM",
                          radius=float(ground * 1.2), elevation_scale=1, extruded=True,
                          coverage=0.9, pickable=True, auto_highlight=True)
    else:
        top = max(float(cells["cases"].max()) if len(cells) else 1.0, 1.0)
        data = data.assign(height=data["cases"] / top,
                           color=[_ramp(v) for v in data["cases"] / top])
        layer = pdk.Layer("ColumnLayer", data, get_position=["lon", "lat"],
                          get_elevation="height", elevation_scale=float(ground * 8),
                          radius=float(ground / 2), disk_resolution=4, angle=45,
                          get_fill_color="color", extruded=True, pickable=True)
    outline = pdk.Layer("GeoJsonLayer", outlines.__geo_interface__, stroked=True, filled=False,
                        get_line_color=[80, 80, 80], line_width_min_pixels=1)
    field = "{elevationValue}" if mode == "hexagon" else "{cases}"
    tooltip = {"text": f"{t('col_cases', lang)}: {field}"}
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

