"""The coverage map's layers: sites by management mode, boundaries, grids, assignments, legend."""
from __future__ import annotations

import html
import json

import folium
import geopandas as gpd
import numpy as np
from branca.element import MacroElement, Template

from geo import coords
from geo.i18n import t
from layers import offline, styles


def to_display(frame: gpd.GeoDataFrame, crs: str) -> gpd.GeoDataFrame:
    """Shift WGS84 geometries into GCJ-02 for an Amap basemap; others are drawn as stored."""
    if crs == "wgs84" or frame.empty:
        return frame
    return frame.set_geometry(coords.from_wgs84(np.asarray(frame.geometry.values), crs), crs=4326)


ZOOM_SNAP = 0.25  # the map's zoom steps (Leaflet's zoomSnap)


def fit_view(bounds: tuple[float, float, float, float], width: int = 800,
             height: int = 600) -> tuple[tuple[float, float], float]:
    """Centre (lat, lon) and the largest web-map zoom, in steps of ``ZOOM_SNAP``, at which
    ``bounds`` fit the pixels (whole zooms left a district at under half the frame).

    Computed here rather than by Leaflet's fitBounds so that the view is part of the state
    (the URL and the snapshot export draw the same extent).
    """
    minx, miny, maxx, maxy = bounds

    def merc_y(lat: float) -> float:
        return np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))

    dx = max(maxx - minx, 1e-6) / 360.0
    dy = max(merc_y(maxy) - merc_y(miny), 1e-8) / (2 * np.pi)
    fits = min(np.log2(width / 256 / dx), np.log2(height / 256 / dy))
    zoom = float(np.floor(fits / ZOOM_SNAP) * ZOOM_SNAP)
    centre_lat = float(np.degrees(2 * np.arctan(np.exp((merc_y(miny) + merc_y(maxy)) / 2)) - np.pi / 2))
    return (centre_lat, (minx + maxx) / 2), max(1.0, min(zoom, 19.0))


class MapFurniture(MacroElement):
    """A metric scale bar only, and an attribution naming only the basemap in use (no
    "Leaflet" prefix)."""
    _template = Template("""
{% macro script(this, kwargs) %}
L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
{{ this._parent.get_name() }}.attributionControl.setPrefix(false);
{% endmacro %}""")


def new_map(center: tuple[float, float], zoom: float) -> folium.Map:
    m = offline.Map(location=list(center), zoom_start=zoom, tiles=None, zoom_snap=ZOOM_SNAP)
    MapFurniture().add_to(m)
    return m


def _features(frame: gpd.GeoDataFrame, props: list[str]) -> dict:
    """A FeatureCollection carrying only the properties the view needs."""
    return json.loads(frame[props + ["geometry"]].to_json(drop_id=True))


def site_layer(frame: gpd.GeoDataFrame, lang: str, *, name: str) -> folium.GeoJson:
    """Sites coloured by management mode; a tooltip names site, kind and mode (as text)."""
    frame = frame.assign(
        label=[html.escape(n) for n in frame["name"]],
        kind_label=[t(f"kind_{k}", lang) for k in frame["kind"]],
        mode_label=[t(f"mode_{m}", lang) for m in frame["mode"]])
    data = _features(frame, ["id", "label", "kind", "kind_label", "mode", "mode_label",
                             "households"])
    return folium.GeoJson(
        data, name=name,
        style_function=lambda f: styles.site_style(f["properties"]["kind"], f["properties"]["mode"]),
        highlight_function=lambda f: {"weight": 4, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(fields=["label", "kind_label", "mode_label", "households"],
                                      aliases=["", "", "", t("households", lang)], labels=True),
    )


def selected_layer(frame: gpd.GeoDataFrame) -> folium.GeoJson:
    """The chosen site's outline, heavy and dark over its fill: where its panel points."""
    return folium.GeoJson(
        _features(frame.assign(label=[html.escape(n) for n in frame["name"]]), ["id", "label"]),
        name="selected", control=False, interactive=False,
        style_function=lambda f: {"color": "#111111", "weight": 5, "fill": False, "opacity": 1,
                                  "dashArray": None, "className": "atlas-selected"})


def demonstration_markers(frame: gpd.GeoDataFrame, lang: str) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name=t("layer_demonstration", lang))
    for row in frame[frame["demonstration"]].itertuples():
        p = row.geometry.representative_point()
        folium.CircleMarker([p.y, p.x], radius=9, color="#000000", weight=2,
                            fill=True, fill_color=styles.DEMONSTRATION_COLOR, fill_opacity=1,
                            tooltip=f"★ {html.escape(row.name)} · {t('demonstration', lang)}"
                            ).add_to(group)
    return group


def community_layer(frame: gpd.GeoDataFrame, lang: str, *, shaded: bool) -> folium.GeoJson:
    """Community boundaries with labels; at the district level shaded by coverage."""
    frame = frame.assign(label=[html.escape(n) for n in frame["name"]],
                         street_label=[html.escape(n) for n in frame["street"]],
                         rate_label=[("–" if r != r or r is None else f"{r:.0%}") for r in frame["rate"]],
                         fill=[styles.coverage_color(None if r != r else r) for r in frame["rate"]],
                         drawn_label=[f"{o:,}/{n:,}" + (" ✓" if o == n else "")
                                      for o, n in zip(frame["outlined"], frame["all_sites"])])
    data = _features(frame, ["code", "label", "street_label", "rate_label", "drawn_label", "fill"])
    return folium.GeoJson(
        data, name=t("layer_communities", lang),
        style_function=lambda f: {"color": styles.COMMUNITY_LINE, "weight": 1.5,
                                  "fillColor": f["properties"]["fill"],
                                  "fillOpacity": 0.7 if shaded else 0.0, "dashArray": "5 4"},
        tooltip=folium.GeoJsonTooltip(fields=["label", "street_label", "rate_label", "drawn_label"],
                                      aliases=["", "", t("coverage_count", lang),
                                               t("kpi_outlined", lang)]),
    )


def street_layer(frame: gpd.GeoDataFrame, lang: str) -> folium.GeoJson:
    """Street boundaries: lines only, which let the pointer through to the communities (their
    tooltip names the street too)."""
    frame = frame.assign(label=[html.escape(n) for n in frame["name"]])
    return folium.GeoJson(
        _features(frame, ["code", "label"]), name=t("layer_streets", lang), interactive=False,
        style_function=lambda f: {"color": styles.STREET_LINE, "weight": 2.5, "fillOpacity": 0,
                                  "className": "atlas-street"})


def labels(frame: gpd.GeoDataFrame, *, size: int, name: str) -> folium.FeatureGroup:
    """Name labels at each polygon's inner point (text, escaped)."""
    group = folium.FeatureGroup(name=name)
    for row in frame.itertuples():
        p = row.geometry.representative_point()
        folium.Marker([p.y, p.x], icon=folium.DivIcon(
            html=f'<div class="atlas-label" style="font-size:{size}px">{html.escape(row.name)}</div>',
            icon_size=(0, 0))).add_to(group)
    return group


def grid_layer(frame: gpd.GeoDataFrame, lang: str) -> folium.GeoJson:
    frame = frame.assign(label=[html.escape(n) for n in frame["name"]])
    return folium.GeoJson(
        _features(frame, ["code", "label"]), name=t("layer_grids", lang),
        style_function=lambda f: {"color": styles.GRID_LINE, "weight": 1, "fillOpacity": 0,
                                  "dashArray": "2 3"},
        tooltip=folium.GeoJsonTooltip(fields=["label"], aliases=[""]),
    )


def address_layer(frame: gpd.GeoDataFrame, lang: str) -> folium.GeoJson:
    """The doorplates of the standard address library: a small dot each, named on hover."""
    frame = frame.assign(label=[html.escape(n) for n in frame["label"]])
    return folium.GeoJson(
        _features(frame, ["label"]), name=t("layer_addresses", lang),
        marker=folium.CircleMarker(radius=2, color=styles.ADDRESS_DOT, weight=1, fill=True,
                                   fill_opacity=0.9),
        tooltip=folium.GeoJsonTooltip(fields=["label"], aliases=[""]),
    )


def pending_layer(frame: gpd.GeoDataFrame, lang: str, *, chosen: int | None = None
                  ) -> folium.FeatureGroup:
    """Sites whose outline waits to be drawn: a marker at their point in their mode's colour,
    labelled 待绘制; the chosen one larger."""
    group = folium.FeatureGroup(name=t("layer_pending", lang))
    for row in frame.itertuples():
        text = f"{html.escape(row.name)} · {t('outline_pending', lang)}"
        folium.CircleMarker([row.geometry.y, row.geometry.x], radius=10 if row.id == chosen else 6,
                            color="#000000", weight=3 if row.id == chosen else 1, fill=True,
                            fill_color=styles.MODE_COLORS[row.mode], fill_opacity=0.9,
                            dash_array="3 2", tooltip=text,
                            class_name="atlas-pending").add_to(group)
    return group


def _points_on_display(lons, lats, crs: str) -> list[tuple[float, float]]:
    """(lat, lon) pairs of WGS84 points as drawn on the basemap."""
    frame = to_display(gpd.GeoDataFrame(geometry=gpd.points_from_xy(lons, lats), crs=4326), crs)
    return [(p.y, p.x) for p in frame.geometry]


def candidate_layer(offered, lang: str, *, crs: str) -> folium.FeatureGroup:
    """A queued case's candidates (geo.addresses.Candidate), numbered as they are listed."""
    group = folium.FeatureGroup(name=t("candidates", lang))
    where = _points_on_display([c.lon for c in offered], [c.lat for c in offered], crs)
    for i, (c, at) in enumerate(zip(offered, where), start=1):
        folium.CircleMarker(at, radius=7, color="#000000", weight=1, fill=True,
                            fill_color=styles.CANDIDATE_DOT, fill_opacity=0.9,
                            tooltip=folium.Tooltip(f"{i}. {html.escape(c.label)} · {c.score:.0f}",
                                                   permanent=True)).add_to(group)
    return group


def clicked_marker(point: tuple[float, float], lang: str, *, crs: str) -> folium.CircleMarker:
    """The point a person clicked to place a case on."""
    at = _points_on_display([point[0]], [point[1]], crs)[0]
    return folium.CircleMarker(at, radius=9, color="#000000", weight=2, fill=True,
                               fill_color=styles.CLICKED_DOT, fill_opacity=1,
                               tooltip=t("clicked_here", lang))


def assignment_layer(frame: gpd.GeoDataFrame, lang: str) -> folium.FeatureGroup:
    """Who covers what: a marker per assignment (leader → community, cadre → site)."""
    group = folium.FeatureGroup(name=t("layer_assignments", lang))
    for row in frame.itertuples():
        leader = row.role == "district_leader"
        text = f"{t('role_' + row.role, lang)} {html.escape(row.name)} → {html.escape(row.target)}"
        folium.CircleMarker([row.geometry.y, row.geometry.x], radius=6 if leader else 4,
                            color="#4b0082" if leader else "#2f4f4f", fill=True, fill_opacity=0.9,
                            tooltip=text).add_to(group)
    return group


LEGEND_TEMPLATE = """
{% macro html(this, kwargs) %}
<details class="atlas-legend" open style="position:absolute; {{ this.position }} z-index:9999;
     background:rgba(255,255,255,0.9); padding:3px 6px; border:1px solid #aaa; border-radius:3px;
     font:11px/1.35 'WenQuanYi Zen Hei','Noto Sans CJK SC',sans-serif; max-width:{{ this.max_width }}px;">
  <summary style="font-weight:bold; cursor:pointer">{{ this.title }}</summary>
  <div style="display:grid; grid-template-columns:repeat({{ this.columns }}, auto); column-gap:8px">
  {% for label, color, extra in this.entries %}
  <div style="white-space:nowrap"><span style="display:inline-block;width:11px;height:8px;
       background:{{ color }};{{ extra }} margin-right:4px;vertical-align:middle"></span>{{ label }}</div>
  {% endfor %}
  </div>
</details>
<style>.atlas-label{white-space:nowrap;transform:translate(-50%,-50%);color:#222;
  text-shadow:0 0 3px #fff,0 0 3px #fff;font-family:'WenQuanYi Zen Hei','Noto Sans CJK SC',sans-serif;}</style>
{% endmacro %}
"""


class Legend(MacroElement):
    """A legend drawn on the map (so that a snapshot carries it too): small, in columns when
    it is long, folded by a click on its title, clear of the scale bar (bottom left)."""

    CORNERS = {"bottomright": "bottom:18px; right:8px;", "bottomleft": "bottom:34px; left:8px;"}

    def __init__(self, title: str, entries: list[tuple[str, str, str]],
                 corner: str = "bottomright", columns: int | None = None) -> None:
        super().__init__()
        self._name = "Legend"
        self.position = self.CORNERS[corner]
        self.title = html.escape(title)
        self.entries = [(html.escape(label), color, extra) for label, color, extra in entries]
        self.columns = columns or (1 if len(entries) <= 5 else 2)
        self.max_width = 300
        self._template = Template(LEGEND_TEMPLATE)


def mode_legend(lang: str, *, coverage_shading: bool = False) -> Legend:
    entries = [(t(f"mode_{m}", lang), c, "") for m, c in styles.MODE_COLORS.items()]
    entries.append((t("legend_unmanaged_courtyard", lang), styles.MODE_COLORS["none"],
                    "outline:3px solid #7a1f00;"))
    entries.append((t("kind_building_cluster", lang), "#ffffff", "outline:1.5px dashed #222;"))
    if coverage_shading:
        entries += [(f"{t('coverage_count', lang)} {label}", color, "")
                    for label, color in styles.COVERAGE_STEPS]
    return Legend(t("legend_title", lang), entries)
