"""Exports through the command line, checked by what a user gets: pixels of the PNG, pages,
fonts and text of the PDF, rows and figures of the tables, the HTML with the network blocked."""
import datetime as dt
import json
import re
import subprocess
from urllib.parse import urlparse

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pytest
from PIL import Image

from layers import styles
from tests.conftest import DEMO_NOW, query, run_cli

COMMUNITY, OTHER, STREET = "370202005001", "370202009001", "370202005"
AS_OF = DEMO_NOW.date().isoformat()


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def export(url, *args):
    res = run_cli(url, "export", *args)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)])


def share_near(pixels: np.ndarray, colour: str, tol: int = 40) -> float:
    """Share of pixels near a colour (sites are drawn at 0.65 opacity over a grey or white
    background, so a blended tone counts too)."""
    target = rgb(colour)
    blended = target * 0.65 + np.array([221, 221, 221]) * 0.35
    near = lambda c: (np.abs(pixels.astype(int) - c).max(axis=-1) < tol)  # noqa: E731
    return float((near(target) | near(blended)).mean())


@pytest.fixture(scope="module")
def pngs(demo_url, tmp_path_factory):
    folder = tmp_path_factory.mktemp("png")
    out = {}
    for code in (COMMUNITY, OTHER):
        path = folder / f"{code}.png"
        export(demo_url, "map", "--view", "coverage", "--community", code, "--as-of", AS_OF,
               "--dpi", "150", "--out", str(path))
        out[code] = path
    return out


def test_png_snapshot_size_colours_legend_and_difference(pngs, demo_url):
    image = Image.open(pngs[COMMUNITY])
    assert image.size == (round(297 / 25.4 * 150), round(210 / 25.4 * 150))  # A4 landscape
    pixels = np.asarray(image.convert("RGB"))
    modes = {m for (m,) in query(demo_url, """
        SELECT DISTINCT coalesce(m.mode, 'none') FROM sites s
        LEFT JOIN management m ON m.site_id = s.id AND m.valid_from <= %s
             AND (m.valid_to IS NULL OR m.valid_to > %s)
        WHERE s.community_code = %s""", (AS_OF, AS_OF, COMMUNITY))}
    for mode in modes:
        assert share_near(pixels, styles.MODE_COLORS[mode]) > 0.0005, mode
    # the legend (bottom right of the map frame) is not blank
    h, w = pixels.shape[:2]
    legend = pixels[int(h * 0.62):int(h * 0.9), int(w * 0.82):int(w * 0.97)]
    assert len(np.unique(legend.reshape(-1, 3), axis=0)) > 20
    # the map area differs between two communities
    other = np.asarray(Image.open(pngs[OTHER]).convert("RGB"))
    frame = (slice(int(h * 0.12), int(h * 0.85)), slice(int(w * 0.05), int(w * 0.95)))
    assert (np.abs(pixels[frame].astype(int) - other[frame].astype(int)).max(axis=-1) > 30).mean() > 0.05
    # the frame's bounds are recorded and cover the community
    west, south, east, north = map(float, image.info["atlas:bounds"].split(","))
    (cx0, cy0, cx1, cy1), = query(demo_url, "SELECT ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), "
                                            "ST_YMax(geom) FROM communities WHERE code = %s", (COMMUNITY,))
    tol = 0.02 * max(cx1 - cx0, cy1 - cy0)
    assert west <= cx0 + tol and south <= cy0 + tol and east >= cx1 - tol and north >= cy1 - tol


def test_pdf_snapshot_has_its_title_fonts_embedded_and_one_page(demo_url, tmp_path):
    path = tmp_path / "cases.pdf"
    export(demo_url, "map", "--view", "cases", "--community", COMMUNITY, "--from", "2026-01-01",
           "--to", "2026-10-31", "--paper", "A3", "--orientation", "portrait", "--out", str(path))
    assert pdf_pages(path) == 1
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "(A3)" in info and re.search(r"Page size:\s+841\.\d+ x 1191\.\d+ pts", info)
    name = query(demo_url, "SELECT name FROM communities WHERE code = %s", (COMMUNITY,))[0][0]
    # the document's own title says what it is (it was the map frame's file name, map.html)
    assert re.search(rf"Title:\s+{name} · 诉求热力 · 2026-01-01 – 2026-10-31\n", info), info
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    rows = fonts.strip().splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), fonts
    assert any("WenQuanYi" in row for row in rows)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert f"{name} · 诉求热力" in text
    assert "2026-01-01 – 2026-10-31" in text


@pytest.mark.slow
def test_atlas_has_a_cover_and_a_page_per_community(demo_url, tmp_path):
    path = tmp_path / "atlas.pdf"
    res = run_cli(demo_url, "export", "atlas", "--view", "coverage", "--as-of", AS_OF,
                  "--out", str(path))
    assert res.returncode == 0, res.stderr
    names = [n for (n,) in query(demo_url, "SELECT name FROM communities")]
    assert pdf_pages(path) == len(names) + 1
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "市南区 · 物管覆盖" in text
    assert all(f"{n} · 物管覆盖" in text for n in names)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert all(" yes " in row for row in fonts.strip().splitlines()[2:])


def test_a_streets_atlas_with_an_unreachable_basemap(demo_url, tmp_path, monkeypatch, conn_for):
    """The atlas follows the chosen scope (a street: its cover and its communities), and a
    basemap whose server does not answer is asked once for the whole atlas, not waited for
    on every page: the pages say it is missing."""
    import socket

    from geo.export import atlas
    from geo.viewstate import State
    from layers import basemap

    # a non-routable address: a connection there never completes
    monkeypatch.setenv("ATLAS_CUSTOM_TILES", "http://10.255.255.1/{z}/{x}/{y}.png")
    monkeypatch.setattr(basemap, "_probes", {})
    connects = []
    real = socket.create_connection
    monkeypatch.setattr(socket, "create_connection",
                        lambda address, *a, **k: connects.append(address) or real(address, *a, **k))
    conn = conn_for(demo_url)
    path = tmp_path / "street.pdf"
    atlas.export_atlas(conn, State(street=STREET, basemap="custom", as_of=DEMO_NOW.date(), today=DEMO_NOW.date()), path)
    names = [n for (n,) in query(demo_url, "SELECT name FROM communities WHERE street_code = %s",
                                 (STREET,))]
    assert pdf_pages(path) == 1 + len(names) == 5
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "中山路街道 · 物管覆盖" in text and "市南区 · 物管覆盖" not in text
    assert text.count("底图服务无法访问") == 5
    assert connects == [("10.255.255.1", 80)]  # asked once
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(rf"Title:\s+中山路街道 · 物管覆盖图集 · 截至日期 {AS_OF}\n", info), info


def test_export_file_names_say_scope_view_and_date(demo_url, conn_for):
    from geo.export.snapshot import file_name
    from geo.viewstate import State

    conn = conn_for(demo_url)
    day = DEMO_NOW.date()
    assert file_name(conn, State(street=STREET, as_of=day, today=day), "page_coverage", ".png") == \
        f"中山路街道_物管覆盖_{AS_OF}.png"
    assert file_name(conn, State(community=COMMUNITY, street=STREET, as_of=day, today=day, lang="en"),
                     "table_gaps", ".xlsx").endswith(f"_Gap list_{AS_OF}.xlsx".replace(" ", "-"))
    cases = State(page="cases", period="custom", date_from=dt.date(2026, 1, 1),
                  date_to=dt.date(2026, 3, 31), as_of=day, today=day)
    assert file_name(conn, cases, "atlas_cases", ".pdf") == "市南区_诉求热力图集_2026-01-01至2026-03-31.pdf"


def test_coverage_table_equals_stats_coverage_in_every_format(demo_url, tmp_path):
    """GeoJSON and GeoPackage keep the data's columns; CSV and XLSX are for people: Chinese
    headers, the street by its name, rates as percentages to one decimal."""
    res = run_cli(demo_url, "stats", "coverage", "--by", "community", "--street", STREET,
                  "--as-of", AS_OF)
    expected = {r["code"]: r for r in json.loads(res.stdout)}
    in_words = {"代码": "code", "名称": "name", "小区/楼院数": "sites", "有物管": "managed",
                "户数": "households", "覆盖率（%）": "rate", "无物管": "mode_none", "街道": "street"}
    for suffix in (".csv", ".xlsx", ".geojson", ".gpkg"):
        path = tmp_path / f"coverage{suffix}"
        assert export(demo_url, "table", "--view", "coverage", "--street", STREET, "--as-of", AS_OF,
                      "--out", str(path))["rows"] == len(expected)
        if suffix == ".csv":
            assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
            frame = pd.read_csv(path, dtype={"代码": str}, encoding="utf-8-sig")
        elif suffix == ".xlsx":
            wb = openpyxl.load_workbook(path)
            ws = wb.active
            assert ws.freeze_panes == "A2" and ws["A1"].font.bold
            assert ws.column_dimensions["B"].width >= 8
            frame = pd.read_excel(path, dtype={"代码": str})
        else:
            frame = gpd.read_file(path)
            assert frame.geometry.notna().all() and frame.crs.to_epsg() == 4326
        people = suffix in (".csv", ".xlsx")
        if people:
            assert not [c for c in frame.columns if re.search(r"[a-z]_|_x$|_y$", str(c))]
            frame = frame.rename(columns=in_words)
            assert set(frame["street"]) == {"中山路街道"}
        assert set(frame["code"]) == set(expected)
        for row in frame.itertuples():
            r = expected[row.code]
            assert (row.sites, row.managed, row.households) == (r["sites"], r["managed"], r["households"])
            assert row.name == r["name"]
            if people:
                assert row.rate == round(100 * r["rate"], 1)
            else:
                assert abs(row.rate - r["rate"]) < 1e-9
            assert row.mode_none == r["by_mode"]["none"]


def test_cases_table_rows_equal_stats_cases_and_public_has_no_personal_data(demo_url, tmp_path):
    filters = ["--community", COMMUNITY, "--from", "2026-03-01", "--to", "2026-08-31",
               "--category", "property"]
    n = json.loads(run_cli(demo_url, "stats", "cases", *filters).stdout)[0]["cases"]
    path = tmp_path / "cases.xlsx"
    assert export(demo_url, "table", "--view", "cases", *filters, "--out", str(path))["rows"] == n
    frame = pd.read_excel(path)
    assert len(frame) == n
    assert set(frame["类别"]) <= {n for (n,) in query(demo_url, "SELECT name FROM case_categories")}
    assert set(frame["办理状态"]) <= {"办理中", "已办结"}
    # where each case is: its community, its site's id, its address and how it was placed
    assert set(frame["社区代码"].astype(str)) == {COMMUNITY}
    sites = {i for (i,) in query(demo_url, "SELECT external_id FROM sites WHERE community_code = %s",
                                 (COMMUNITY,))}
    assert 0 < frame["小区编号"].notna().sum() < n and set(frame["小区编号"].dropna()) <= sites
    assert "地址" in frame.columns and set(frame["定位方式"]) == {"坐标"}
    names = frame["诉求人"].dropna()
    assert len(names) and names.str.endswith("*").all()  # masked
    public = tmp_path / "public.geojson"
    export(demo_url, "table", "--view", "cases", *filters, "--public", "--out", str(public))
    cells = gpd.read_file(public)
    assert cells["cases"].sum() == n
    assert not {"reporter_name", "reporter_phone", "external_id"} & set(cells.columns)


def test_gap_table_holds_the_gap_list(demo_url, tmp_path):
    path = tmp_path / "gaps.gpkg"
    rows = export(demo_url, "table", "--view", "gaps", "--community", COMMUNITY, "--as-of", AS_OF,
                  "--out", str(path))["rows"]
    frame = gpd.read_file(path)
    assert len(frame) == rows > 0
    assert {"priority", "households", "cases_per_100"} <= set(frame.columns)
    assert (frame.geometry.geom_type.isin(["MultiPolygon", "Polygon"])).all()


def test_bad_export_options_exit_2(demo_url, tmp_path):
    res = run_cli(demo_url, "export", "map", "--community", "999", "--out", str(tmp_path / "x.png"))
    assert res.returncode == 2 and "--community" in res.stderr and "999" in res.stderr
    res = run_cli(demo_url, "export", "map", "--out", str(tmp_path / "x.jpg"))
    assert res.returncode == 2 and "x.jpg" in res.stderr
    res = run_cli(demo_url, "export", "table", "--view", "gaps", "--out", str(tmp_path / "no" / "x.csv"))
    assert res.returncode == 2 and "does not exist" in res.stderr
    assert "Traceback" not in res.stderr


@pytest.mark.browser
def test_html_map_works_offline(demo_url, tmp_path):
    from playwright.sync_api import sync_playwright

    path = tmp_path / "map.html"
    export(demo_url, "map", "--view", "coverage", "--community", COMMUNITY, "--as-of", AS_OF,
           "--out", str(path))
    sites = query(demo_url, "SELECT count(*) FROM sites WHERE community_code = %s", (COMMUNITY,))[0][0]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        outside = []

        def route(r):
            if urlparse(r.request.url).scheme in ("file", "data", "about", "blob"):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-fitted='1']", timeout=30_000)
        assert page.locator("path.atlas-site").count() == sites
        browser.close()
    # the only requests that tried to leave are basemap tiles (the default basemap)
    assert all("tile" in u for u in outside), outside
