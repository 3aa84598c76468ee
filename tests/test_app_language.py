"""Every page, panel and expander read in one language: in zh no code, English word, "None" or
"nan" reaches the reader; in en no Chinese word does (names of places and people aside)."""
import json
import re

import pyarrow as pa
import pytest
from google.protobuf.message import Message

from geo import cases
from geo.stats import Scope
from tests.conftest import app_session, open_panels, query, run_cli

PASSWORD = "correct horse 42"
STREET, COMMUNITY = "370202005", "370202005001"
# proto fields that carry no visible text
HIDDEN_FIELDS = {"id", "form_id", "data", "spec", "json_args", "url", "default", "value_json",
                 "columns", "column_order", "element_hash", "key", "deprecation", "type",
                 "format", "arrow_data", "selection_state", "selection_default", "styles", "uuid",
                 "stack_trace", "src", "alt", "mimetype", "file_name"}
EMPTY = re.compile(r"\bNone\b|\bnan\b|\bNaN\b|\bNaT\b|\+00:00")
CODE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
# technical names a Chinese official reads as they are
LATIN_ALLOWED = re.compile(r"CSV|PNG|PDF|XLSX|HTML|GEOJSON|GeoJSON|GPKG|KPI|WKT|EPSG|GCJ-02|gcj02|"
                           r"BD-09|bd09|WGS84|OpenStreetMap|OSM|Leaflet|dpi|Grassroots Atlas|"
                           r"Language|English|Shapefile|GeoPackage|km|\bm\b|ID")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _proto_strings(msg: Message):
    for field, value in msg.ListFields():
        if field.name in HIDDEN_FIELDS:
            continue
        items = value if isinstance(value, (list, tuple)) or hasattr(value, "extend") else [value]
        for item in items:
            if isinstance(item, Message):
                yield from _proto_strings(item)
            elif isinstance(item, str):
                yield field.name, item


def _table_texts(node):
    """A table as the browser shows it: headers by their configured labels, cells by their
    display values (a styler's) and selectbox labels; hidden columns left out."""
    config = json.loads(node.proto.columns or "{}")
    styler = node.proto.arrow_data.styler
    if styler.display_values:
        frame = pa.ipc.open_stream(styler.display_values).read_pandas()
    else:
        frame = node.value
    for column in frame.columns:
        conf = config.get(str(column), {})
        if conf.get("hidden") or str(column).startswith("_") or conf is None:
            continue
        yield "header", conf.get("label") or str(column)
        options = {o["value"]: o["label"] for o in (conf.get("type_config") or {}).get("options", [])
                   if isinstance(o, dict)}
        for value in frame[column]:
            yield "cell", "" if value is None else str(options.get(value, value))


def visible_texts(node, out=None) -> list[tuple[str, str]]:
    out = [] if out is None else out
    kind = type(node).__name__
    proto = getattr(node, "proto", None)
    if kind == "Html" and proto.body.lstrip().startswith("<style"):
        return out  # a style sheet: nothing to read
    if kind == "Multiselect" and not proto.placeholder:
        out.append(("placeholder", "Choose options"))  # what Streamlit's frontend shows then
    if kind == "Multiselect" and getattr(proto, "select_all", False):
        out.append(("option", "Select all"))
    if getattr(proto, "spec", None) and "encoding" in proto.spec:  # a Vega-Lite chart
        encoding = json.loads(proto.spec)["encoding"]
        for axis in ("x", "y"):  # titled, in the page's language ("None" when missing)
            out.append((f"chart {axis}", str(encoding[axis].get("title"))))
        out.extend(("chart legend", label) for label in encoding["color"]["scale"]["domain"])
    if kind == "Dataframe":
        out.extend(_table_texts(node))
    elif kind != "UnknownElement" and isinstance(getattr(node, "proto", None), Message):
        out.extend(_proto_strings(node.proto))
    for child in (getattr(node, "children", None) or {}).values():
        visible_texts(child, out)
    return out


def problems(texts, lang: str, names: list[str]) -> set[tuple[str, str]]:
    bad = set()
    for where, text in texts:
        rest = LATIN_ALLOWED.sub("", text.replace("语言 / Language", "").replace("中文", ""))
        for name in names:  # data, shown as it is
            rest = rest.replace(name, "")
        if (EMPTY.search(text) or CODE.search(rest)
                or (lang == "zh" and where != "cell" and re.search(r"[A-Za-z]{3,}", rest))
                or (lang == "zh" and where == "cell" and re.fullmatch(r"[a-z][a-z ]+", rest))
                or (lang == "en" and where != "cell" and CJK.search(rest))):
            bad.add((where, text[:100]))
    return bad


@pytest.fixture(scope="module")
def language_db(demo_template, cluster):
    from tests.conftest import _clone
    url = _clone(cluster, demo_template)
    # linked to a worker with a grid and a site that has cases: 我的 shows every kind of card
    person = query(url, """
        SELECT p.external_id FROM people p JOIN assignments a ON a.person_id = p.id
        WHERE p.role = 'grid_worker' AND a.valid_to IS NULL
          AND EXISTS (SELECT 1 FROM cases c WHERE c.site_id = a.site_id)
        ORDER BY 1 LIMIT 1""")[0][0]
    assert run_cli(url, "users", "add", "root", "--role", "admin", "--person", person,
                   "--password-stdin", input=PASSWORD + "\n").returncode == 0
    return url


def _names(url) -> list[str]:
    """Names of places, people and codes without an English name: data, shown as they are."""
    rows = query(url, """
        SELECT name FROM streets UNION SELECT name FROM communities UNION SELECT name FROM sites
        UNION SELECT name FROM people UNION SELECT title FROM people UNION SELECT name FROM grids UNION SELECT name FROM district
        UNION SELECT provider FROM management WHERE provider IS NOT NULL
        UNION SELECT name FROM app_users
        UNION SELECT name FROM case_categories WHERE name_en IS NULL""")
    return sorted({r[0] for r in rows if r[0]}, key=len, reverse=True)


def _views(url):
    site = query(url, """SELECT s.id FROM sites s WHERE s.community_code = %s
                         AND EXISTS (SELECT 1 FROM assignments a WHERE a.site_id = s.id)
                         ORDER BY s.id LIMIT 1""", (COMMUNITY,))[0][0]
    lon, lat = query(url, """SELECT ST_X(geom), ST_Y(geom) FROM cases WHERE street_code = %s
                            ORDER BY reported_at DESC LIMIT 1""", (STREET,))[0]
    size = cases.cell_size(Scope(street=STREET))
    return [({"view": "coverage"}, {}),
            ({"view": "coverage", "street": STREET, "community": COMMUNITY, "site": str(site)}, {}),
            ({"view": "mine"}, {}),
            ({"view": "cases", "street": STREET, "period": "last_year"},
             {"picked_cell": (*cases.cell_of(lon, lat, size), size)}),
            ({"view": "import"}, {})]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_reads_in_one_language(language_db, monkeypatch, lang):
    monkeypatch.setenv("DATABASE_URL", language_db)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    names = _names(language_db)
    found = {}
    for params, session in _views(language_db):
        at = app_session(180)
        at.query_params.update({"lang": lang, **params})
        at.run()
        at.text_input(key="sign_in_name").input("root")
        at.text_input(key="sign_in_password").input(PASSWORD)
        at.button[0].click().run()
        for key, value in session.items():
            at.session_state[key] = value
        open_panels(at.run())
        assert not at.exception, (params, at.exception)
        texts = visible_texts(at._tree)
        assert len(texts) > 50  # the page really rendered
        if params.get("view") != "import":  # and drew its charts
            assert any(w == "chart x" for w, _ in texts)
        if "picked_cell" in session:  # the cell's cases are listed
            assert any(w == "header" and v in ("受理时间", "Reported") for w, v in texts)
        bad = problems(texts, lang, names)
        if bad:
            found[json.dumps(params)] = sorted(bad)
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
