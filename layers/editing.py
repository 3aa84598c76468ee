"""Map layers for editing: the drawing tools with an outline to reshape in place, and the
sites a refused drawing overlaps."""
from __future__ import annotations

import html
import json

import folium
import shapely
from branca.element import MacroElement, Template

from geo import coords
from geo.i18n import t
from layers import offline

EDIT_COLOUR = "#d62728"


def to_display(geometry: dict, crs: str) -> dict:
    """A GeoJSON polygon from WGS84 into the basemap's plane (GCJ-02 for Amap)."""
    if crs == "wgs84":
        return geometry
    shifted = coords.from_wgs84(shapely.from_geojson(_dumps(geometry)), crs)
    return shapely.geometry.mapping(shifted)


def from_display(geometry: dict, crs: str) -> dict:
    """A polygon drawn on the basemap back into WGS84, as stored."""
    if crs == "wgs84":
        return geometry
    back = coords.to_wgs84(shapely.from_geojson(_dumps(geometry)), crs)
    return shapely.geometry.mapping(back)


def _dumps(geometry: dict) -> str:
    return json.dumps(geometry)


class _Properties(MacroElement):
    """Gives a Leaflet layer a GeoJSON feature, so that its toGeoJSON() (what streamlit-folium
    returns after an edit) carries which outline it is."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this.target }}.feature = {type: "Feature", properties: {{ this.props|tojson }}};
        {% endmacro %}""")

    def __init__(self, target: folium.Polygon, props: dict) -> None:
        super().__init__()
        self.target = target.get_name()
        self.props = props


def add_drawing_tools(m: folium.Map, lang: str, *, outline: dict | None = None,
                      outline_props: dict | None = None) -> None:
    """Leaflet.draw's polygon and rectangle tools; with ``outline`` (a GeoJSON polygon in the
    display plane) that outline is put in the editable group so that its vertices can be
    dragged (the toolbar's edit button), and it comes back with ``outline_props``."""
    group = folium.FeatureGroup(name=t("layer_editing", lang), control=False).add_to(m)
    if outline is not None:
        rings = [[(y, x) for x, y in ring] for ring in outline["coordinates"]]
        polygon = folium.Polygon(rings, color=EDIT_COLOUR, weight=3, dash_array="6 4",
                                 fill=True, fill_opacity=0.05).add_to(group)
        _Properties(polygon, outline_props or {}).add_to(group)
    offline.Draw(feature_group=group,
                 draw_options={"polyline": False, "circle": False, "marker": False,
                               "circlemarker": False},
                 edit_options={"edit": outline is not None, "remove": False}).add_to(m)


def refused_layer(drawing: dict, overlapped: list[dict], lang: str) -> folium.FeatureGroup:
    """A refused drawing (dashed) and the sites it overlaps (thick red, named)."""
    # control=False: the layer control is rendered before layers added after the map is built
    group = folium.FeatureGroup(name=t("layer_overlaps", lang), control=False)
    folium.GeoJson({"type": "Feature", "geometry": drawing, "properties": {}},
                   style_function=lambda f: {"color": EDIT_COLOUR, "weight": 2, "dashArray": "4 4",
                                             "fill": False}).add_to(group)
    if overlapped:  # names as text: the tooltip is HTML
        named = [{**f, "properties": {"name": html.escape(str(f["properties"].get("name", "")))}}
                 for f in overlapped]
        folium.GeoJson(
            {"type": "FeatureCollection", "features": named},
            style_function=lambda f: {"color": EDIT_COLOUR, "weight": 5, "fillColor": EDIT_COLOUR,
                                      "fillOpacity": 0.35},
            tooltip=folium.GeoJsonTooltip(["name"], labels=False)).add_to(group)
    return group
