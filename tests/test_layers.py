"""layers/ builders: what they render (colours per mode, legend entries, the GCJ-02 shift)."""
import datetime as dt
import json

import geopandas as gpd
import pytest
import shapely

from geo import coords
from layers import basemap, coverage, offline, styles

SQUARE = "POLYGON((120.30 36.06, 120.301 36.06, 120.301 36.061, 120.30 36.061, 120.30 36.06))"


def sites_frame():
    rows = [{"id": i + 1, "external_id": f"S{i}", "name": f"院{i}", "kind": kind, "mode": mode,
             "households": 10, "demonstration": i == 0, "community_code": "C1"}
            for i, (kind, mode) in enumerate([("compound", "commercial"), ("open_courtyard", "self_managed"),
                                               ("open_courtyard", "scenic_co_managed"),
                                               ("building_cluster", "enterprise_embedded"),
                                               ("open_courtyard", "none")])]
    geoms = [shapely.affinity.translate(shapely.from_wkt(SQUARE), 0.002 * i) for i in range(len(rows))]
    return gpd.GeoDataFrame(rows, geometry=geoms, crs=4326)


def render(*elements) -> str:
    m = coverage.new_map((36.06, 120.30), 15)
    for e in elements:
        e.add_to(m)
    return m.get_root().render()


def test_palette_is_five_distinct_colours_and_styles_follow_mode():
    assert len(set(styles.MODE_COLORS.values())) == 5
    for mode, color in styles.MODE_COLORS.items():
        assert styles.site_style("compound", mode)["fillColor"] == color
    assert styles.site_style("open_courtyard", "none")["weight"] > styles.site_style("compound", "none")["weight"]
    assert "dashArray" in styles.site_style("building_cluster", "commercial")


def test_site_layer_renders_each_site_with_its_mode_colour_and_escaped_name():
    frame = sites_frame()
    frame.loc[0, "name"] = "<script>alert(1)</script>"
    layer = coverage.site_layer(frame, "zh", name="sites")
    html = render(layer)
    feats = layer.data["features"]
    assert [f["properties"]["mode"] for f in feats] == list(frame["mode"])
    styled = [layer.style_function(f)["fillColor"] for f in feats]
    assert styled == [styles.MODE_COLORS[m] for m in frame["mode"]]
    assert "<script>alert(1)</script>" not in html
    assert feats[0]["properties"]["label"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert set(feats[0]["properties"]) == {"id", "label", "kind", "kind_label", "mode", "mode_label",
                                           "households"}  # only what the view needs


def test_legend_lists_every_mode_in_the_language():
    html = render(coverage.mode_legend("zh"))
    for label in ("商业化物管", "居民自管", "景社共管", "区属企业嵌入服务", "无物管", "无物管开放式楼院"):
        assert label in html
    for color in styles.MODE_COLORS.values():
        assert color in html
    english = render(coverage.mode_legend("en"))
    assert "Self-managed" in english and "居民自管" not in english


def test_gcj02_display_shift_moves_overlays_onto_amap_streets():
    frame = sites_frame()
    shifted = coverage.to_display(frame, basemap.display_crs("amap"))
    x0, y0 = frame.geometry.iloc[0].exterior.coords[0]
    x1, y1 = shifted.geometry.iloc[0].exterior.coords[0]
    assert (x1, y1) == pytest.approx(tuple(float(v) for v in coords.wgs84_to_gcj02(x0, y0)))
    assert coverage.to_display(frame, "wgs84") is frame


def test_offline_map_names_no_cdn_and_every_asset_exists():
    html = render(coverage.mode_legend("zh"), offline.Draw())
    for cdn in ("cdn.jsdelivr", "cdnjs.cloudflare", "unpkg.com", "bootstrapcdn", "code.jquery"):
        assert cdn not in html
    for cls in (offline.Map, offline.Draw):
        for _, url in cls.default_js + cls.default_css:
            assert offline.asset_path(url).is_file(), url


def test_fit_view_contains_the_bounds():
    bounds = (120.30, 36.06, 120.32, 36.08)
    (lat, lon), zoom = coverage.fit_view(bounds, 800, 600)
    assert lon == pytest.approx(120.31) and 36.06 < lat < 36.08
    assert zoom == 15  # a 2 km square fits 800x600 px at zoom 15, not 15.25


@pytest.mark.parametrize("bounds", [(120.30, 36.04, 120.42, 36.10), (120.30, 36.06, 120.32, 36.08),
                                    (120.3, 36.05, 120.5, 36.07), (120.31, 36.0, 120.32, 36.2)])
def test_fit_view_fills_the_frame(bounds):
    """The selection fills its frame: its longer side (in pixels) at least 84 % (a quarter
    zoom step) of the frame's, never more (whole zoom steps left a district at under half)."""
    import math

    _, zoom = coverage.fit_view(bounds, 800, 600)
    world = 256 * 2 ** zoom

    def merc(lat):
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / (2 * math.pi)

    width = (bounds[2] - bounds[0]) / 360 * world / 800
    height = (merc(bounds[3]) - merc(bounds[1])) * world / 600
    assert 2 ** -0.25 - 1e-9 <= max(width, height) <= 1


def test_basemap_without_key_is_not_drawn(monkeypatch):
    monkeypatch.delenv("ATLAS_TIANDITU_KEY", raising=False)
    assert basemap.tiles_url("tianditu") is None
    monkeypatch.setenv("ATLAS_TIANDITU_KEY", "abc")
    assert "tk=abc" in basemap.tiles_url("tianditu")
    assert basemap.tiles_url("none") is None
    assert basemap.tiles_url("custom", "http://tiles.local/{z}/{x}/{y}.png").startswith("http://tiles.local")


# ---------------------------------------------------------------- case layers
def _cells():
    import pandas as pd

    from geo import cases

    cells = pd.DataFrame({"cx": [267800, 267801, 267802], "cy": [86200, 86200, 86201],
                          "cases": [8, 2, 0]})
    cells["lon"], cells["lat"] = cases.cell_lonlat((cells.cx + 0.5) * 50, (cells.cy + 0.5) * 50)
    return cells


def test_heat_weights_are_on_a_fixed_scale():
    from layers import cases

    cells = _cells()
    # 8 cases in 2 months = 4 a month = full colour at scale 4; 2 cases = a quarter of it
    assert cases.heat_weights(cells, 2, 4.0).tolist() == [1.0, 0.25, 0.0]
    # a part of a month is never stretched to a whole one
    assert cases.heat_weights(cells, 0.1, 16.0).tolist() == [0.5, 0.125, 0.0]
    # a cell's colour is its own weight's: full colour only at the full scale, none for none
    layer = cases.heat_layer(cells, cases.heat_weights(cells, 2, 4.0), 50, "zh")
    colours = [layer.colours[row[4]] for row in layer.cells]
    assert colours == [cases.HEAT_GRADIENT[1.0], cases.heat_colour(0.25)]
    assert [row[5] for row in layer.cells] == [8, 2]  # the tooltip's count
    assert cases.heat_colour(0.25) != cases.HEAT_GRADIENT[1.0]


def test_months_of_a_range_count_a_partial_month_whole():
    from geo.cases import months_in
    from geo.stats import CaseFilters

    today = dt.date(2026, 12, 1)
    assert months_in(CaseFilters(dt.date(2026, 12, 1), today), today) == 1  # one day: not 1/30
    assert months_in(CaseFilters(dt.date(2026, 1, 1), today), today) == 12
    assert months_in(CaseFilters(dt.date(2025, 1, 1), dt.date(2025, 12, 31)), today) == 12


def test_hotspot_layer_colours_each_significance_level():
    from layers import cases

    cells = _cells().assign(level=[99, -95, 0], z=[3.1, -2.0, 0.1], p=[0.001, 0.04, 0.9])
    layer = cases.hotspot_layer(cells, 50, "en")
    features = layer.data["features"]
    assert [f["properties"]["level"] for f in features] == [99, -95]  # not significant: not drawn
    styles = [layer.style_function(f)["fillColor"] for f in features]
    assert styles == [cases.HOTSPOT_COLORS[99], cases.HOTSPOT_COLORS[-95]]
    ring = features[0]["geometry"]["coordinates"][0]
    assert len(ring) == 5 and ring[0] == ring[-1]
    legend = cases.hotspot_legend("en")
    assert [e[0] for e in legend.entries][:3] == ["Hot spot 99%", "Hot spot 95%", "Hot spot 90%"]


def test_deck_views_use_the_local_style_and_the_cells():
    import json

    import geopandas as gpd
    from shapely.geometry import box

    from layers import cases

    outlines = gpd.GeoDataFrame({"name": ["a"]}, geometry=[box(120.3, 36.0, 120.31, 36.01)], crs=4326)
    for mode, sides in (("hexagon", 6), ("column", 4)):
        spec = json.loads(cases.deck(_cells(), 50, outlines, mode=mode, center=(36.06, 120.32),
                                     zoom=15, lang="zh").to_json())
        assert spec["mapStyle"] == "/app/static/vendor/blank-style.json"
        layer = next(x for x in spec["layers"] if x["@@type"] == "ColumnLayer")
        assert layer["diskResolution"] == sides
        assert sum(row["cases"] for row in layer["data"]) == 10  # every case, in 3 or fewer


def test_hexagon_bins_keep_every_case_and_merge_neighbours():
    import pandas as pd

    from geo.cases import hex_bins

    cells = pd.DataFrame({"cx": [0, 1, 0, 40], "cy": [0, 0, 1, 40], "cases": [1, 2, 3, 4]})
    bins = hex_bins(cells, 50, 120)
    assert bins["cases"].sum() == 10
    assert len(bins) < len(cells)  # neighbouring cells share a hexagon
    assert 4 in set(bins["cases"])  # a far cell stays alone


def test_drawing_tools_carry_the_outline_to_reshape():
    from layers import editing as edit_layers

    outline = {"type": "Polygon", "coordinates": [[[120.30, 36.06], [120.301, 36.06], [120.301, 36.061],
                                                   [120.30, 36.06]]]}
    m = coverage.new_map((36.06, 120.30), 15)
    edit_layers.add_drawing_tools(m, "zh", outline=outline, outline_props={"table": "sites", "key": "7"})
    html = m.get_root().render()
    assert '"edit": true' in html and '"remove": false' in html
    assert '"key": "7"' in html and '"table": "sites"' in html  # toGeoJSON() says which outline
    assert "[36.06, 120.3]" in html  # Leaflet's lat/lon order
    plain = coverage.new_map((36.06, 120.30), 15)
    edit_layers.add_drawing_tools(plain, "zh")
    assert '"edit": false' in plain.get_root().render()


def test_refused_drawing_and_overlapped_sites_are_red_and_named():
    from layers import editing as edit_layers

    drawn = shapely.geometry.mapping(shapely.from_wkt(SQUARE))
    html = render(edit_layers.refused_layer(drawn, [
        {"type": "Feature", "geometry": drawn, "properties": {"id": 3, "name": "被压的院<b>"}}], "zh"))
    assert html.count(edit_layers.EDIT_COLOUR) >= 2 and '"weight": 5' in html
    assert json.dumps("被压的院")[1:-1] in html and "lt;b" in html and "<b>" not in html


def test_drawn_outlines_shift_to_gcj02_and_back():
    from layers import editing as edit_layers

    drawn = {"type": "Polygon", "coordinates": [[[120.30, 36.06], [120.301, 36.06], [120.301, 36.061],
                                                 [120.30, 36.06]]]}
    shown = edit_layers.to_display(drawn, "gcj02")
    assert abs(shown["coordinates"][0][0][0] - 120.30) > 1e-4  # Amap's offset, hundreds of metres
    back = edit_layers.from_display(shown, "gcj02")
    assert all(abs(a - b) < 1e-6 for p, q in zip(back["coordinates"][0], drawn["coordinates"][0])
               for a, b in zip(p, q))
    assert edit_layers.to_display(drawn, "wgs84") is drawn


def test_doorplates_and_a_queued_case_s_candidates_are_drawn_named():
    from geo.addresses import Candidate

    plates = gpd.GeoDataFrame({"label": ["湛山大路5号", "<b>路7号"]},
                              geometry=gpd.points_from_xy([120.30, 120.301], [36.06, 36.06]), crs=4326)
    html = render(coverage.address_layer(plates, "zh"))
    assert json.dumps("湛山大路5号")[1:-1] in html  # the GeoJSON's properties, escaped
    assert "\\u0026lt;b\\u0026gt;\\u8def7" in html and "<b>" not in html  # escaped: text
    assert styles.ADDRESS_DOT in html
    offered = [Candidate("湛山大路5号", 100.0, 120.30, 36.06), Candidate("湛山花园", 92.0, 120.301, 36.061, 3)]
    html = render(coverage.candidate_layer(offered, "zh", crs="wgs84"),
                  coverage.clicked_marker((120.3005, 36.0605), "zh", crs="wgs84"))
    assert "1. 湛山大路5号 · 100" in html and "2. 湛山花园 · 92" in html
    assert styles.CLICKED_DOT in html and "36.0605" in html
    shifted = render(coverage.clicked_marker((120.3005, 36.0605), "zh", crs="gcj02"))
    assert "36.0605," not in shifted  # drawn where an Amap basemap has it
