"""Whole maps of the views, built from a view state and its data: the screen and the exports
call the same builders, so a snapshot shows what the screen shows."""
from __future__ import annotations

import folium
import pandas as pd

from geo import cases as case_data
from geo.i18n import t
from geo.viewstate import State
from layers import basemap, coverage
from layers import cases as case_layers

MAP_SIZE = (540, 620)  # the map's pixels at 1366 × 768, the smallest desktop: what a view is fitted to


def coverage_map(s: State, data: dict, center, zoom) -> folium.Map:
    """The coverage map of a view: sites by mode, boundaries, grids, assignments, legend.
    ``data`` holds the frames geo.coverage returns for the view (geo.coverage.map_layers)."""
    crs = basemap.display_crs(s.basemap)
    m = coverage.new_map(center, zoom)
    basemap.add_basemap(m, s.basemap, s.tiles)
    shaded = s.street is None and s.community is None
    if "communities" in s.layers:
        comms = coverage.to_display(data["communities"], crs)
        coverage.community_layer(comms, s.lang, shaded=shaded).add_to(m)
        if shaded:  # the district: 50 names would overlap; its streets are named, a community on hover
            coverage.labels(coverage.to_display(data["streets"], crs), size=12,
                            name=t("layer_streets", s.lang)).add_to(m)
        else:
            coverage.labels(comms, size=11, name=t("layer_communities", s.lang)).add_to(m)
    if "streets" in s.layers:
        coverage.street_layer(coverage.to_display(data["streets"], crs), s.lang).add_to(m)
    if "grids" in s.layers and "grids" in data:
        coverage.grid_layer(coverage.to_display(data["grids"], crs), s.lang).add_to(m)
    sites = data.get("sites")
    if sites is not None and not sites.empty:
        shown = coverage.to_display(sites, crs)
        pending = shown[~shown["outlined"]]  # on the roster, the outline waits to be drawn
        shown = shown[shown["outlined"]]
        residential = shown[shown["kind"] != "building_cluster"]
        clusters = shown[shown["kind"] == "building_cluster"]
        if "sites" in s.layers and not residential.empty:
            coverage.site_layer(residential, s.lang, name=t("layer_sites", s.lang)).add_to(m)
        if "clusters" in s.layers and not clusters.empty:
            coverage.site_layer(clusters, s.lang, name=t("layer_clusters", s.lang)).add_to(m)
        if "demonstration" in s.layers:
            coverage.demonstration_markers(shown, s.lang).add_to(m)
        chosen = shown[shown["id"] == s.site] if s.site else shown.iloc[:0]
        if not chosen.empty:
            coverage.selected_layer(chosen).add_to(m)
        if not pending.empty and {"sites", "clusters"} & set(s.layers):
            coverage.pending_layer(pending, s.lang, chosen=s.site).add_to(m)
    if "addresses" in s.layers and data.get("addresses") is not None and not data["addresses"].empty:
        coverage.address_layer(coverage.to_display(data["addresses"], crs), s.lang).add_to(m)
    if "assignments" in s.layers and "assignments" in data:
        coverage.assignment_layer(coverage.to_display(data["assignments"], crs), s.lang).add_to(m)
    coverage.mode_legend(s.lang, coverage_shading=shaded).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    return m


def case_map(s: State, cells: pd.DataFrame, size: float, months: float, outlines, center, zoom,
             *, hotspots: pd.DataFrame | None = None,
             cases: pd.DataFrame | None = None) -> folium.Map:
    """The case heatmap of a view on the fixed scale, with the Gi* hotspot cells and the
    individual cases (already masked) when given."""
    lang = s.lang
    crs = basemap.display_crs(s.basemap)
    m = coverage.new_map(center, zoom)
    basemap.add_basemap(m, s.basemap, s.tiles)
    if "communities" in s.case_layers and outlines is not None:
        coverage.community_layer(coverage.to_display(outlines, crs), lang, shaded=False).add_to(m)
    if "heat" in s.case_layers and not cells.empty:
        full = case_data.HEAT_FULL_SCALE[size]
        weights = case_layers.heat_weights(cells, months, full)
        case_layers.heat_layer(cells, weights, size, lang, crs=crs).add_to(m)
        case_layers.heat_legend(lang, full, size).add_to(m)
    if hotspots is not None and not cells.empty:
        if (hotspots["level"] != 0).any():
            case_layers.hotspot_layer(hotspots, size, lang, crs=crs).add_to(m)
        case_layers.hotspot_legend(lang).add_to(m)
    if cases is not None and not cases.empty:
        case_layers.case_points_layer(cases, lang, crs=crs).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    return m


def placement_map(s: State, outlines, sites, offered, point, center, zoom) -> folium.Map:
    """Where a queued case may go: the community (or scope) outlines, its sites, the candidates
    (numbered as listed) and the point clicked, if any."""
    crs = basemap.display_crs(s.basemap)
    m = coverage.new_map(center, zoom)
    basemap.add_basemap(m, s.basemap, s.tiles)
    coverage.community_layer(coverage.to_display(outlines, crs), s.lang, shaded=False).add_to(m)
    if sites is not None and not sites.empty:
        coverage.site_layer(coverage.to_display(sites, crs), s.lang,
                            name=t("layer_sites", s.lang)).add_to(m)
    if offered:
        coverage.candidate_layer(offered, s.lang, crs=crs).add_to(m)
    if point:
        coverage.clicked_marker(point, s.lang, crs=crs).add_to(m)
    return m


def preview_map(frame, name: str, size: tuple[int, int]) -> folium.Map:
    """The shapes of a file about to be imported (lon/lat), fitted to a map of ``size`` pixels."""
    center, zoom = coverage.fit_view(tuple(frame.total_bounds), *size)
    m = coverage.new_map(center, zoom)
    folium.GeoJson(frame.__geo_interface__, name=name,
                   style_function=lambda f: {"color": "#0072B2", "weight": 2, "fillOpacity": 0.3}
                   ).add_to(m)
    return m
