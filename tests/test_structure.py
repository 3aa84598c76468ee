"""The codebase's layering, read from the source: what may import what, and where SQL lives."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL_HOMES = ("geo/sql/", "geo/db.py")
# A statement's opening words: text holding them is SQL.
SQL_TEXT = re.compile(r"\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE|DROP|ALTER|TRUNCATE|"
                      r"COPY|ANALYZE|SAVEPOINT)\b")


def _sources(*folders: str) -> dict[str, ast.Module]:
    return {str(p.relative_to(ROOT)): ast.parse(p.read_text(encoding="utf-8"))
            for folder in folders for p in sorted((ROOT / folder).rglob("*.py"))}


def _imports(tree: ast.Module) -> set[str]:
    """Every module a file imports, at any depth (function-level imports count)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def _reaches(imported: set[str], package: str) -> bool:
    return any(m == package or m.startswith(package + ".") for m in imported)


def test_the_layers_import_only_downwards():
    geo, layers = _sources("geo"), _sources("layers")
    for path, tree in geo.items():
        imported = _imports(tree)
        assert not _reaches(imported, "streamlit"), f"{path} imports streamlit"
        assert not _reaches(imported, "app"), f"{path} imports app/"
        if _reaches(imported, "layers"):  # only the command line and the exports draw maps
            assert path == "geo/cli.py" or path.startswith("geo/export"), f"{path} imports layers/"
    for path, tree in layers.items():
        imported = _imports(tree)
        for banned in ("app", "geo.sql", "geo.db", "streamlit"):
            assert not _reaches(imported, banned), f"{path} imports {banned}"
    assert len(geo) > 20 and len(layers) > 5  # the scan reads the packages


def test_the_app_is_a_package_started_by_a_few_lines():
    entry = (ROOT / "streamlit_app.py").read_text(encoding="utf-8")
    assert len(entry.strip().splitlines()) <= 6
    assert not (ROOT / "ui.py").exists() and not (ROOT / "views").exists()
    assert (ROOT / "app" / "main.py").exists()


def _calls(tree: ast.Module):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node


def _text(node: ast.AST) -> str | None:
    """The literal text of a string or f-string node (f-string slots dropped), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def test_sql_lives_in_geo_sql_only():
    sources = _sources("geo", "app", "layers")
    executing, text_passed, f_strings = [], [], []
    for path, tree in sources.items():
        home = path.startswith(SQL_HOMES)
        for call in _calls(tree):
            name = call.func.attr
            if name in ("execute", "executemany", "copy_expert") and not home:
                executing.append(f"{path}:{call.lineno}")
            if (name in ("frame", "row", "run") and isinstance(call.func.value, ast.Name)
                    and call.func.value.id == "db" and not home):
                if any(_text(a) is not None for a in call.args):
                    text_passed.append(f"{path}:{call.lineno}")
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and SQL_TEXT.search(_text(node) or ""):
                f_strings.append(f"{path}:{node.lineno}")
    assert executing == [], "statements run outside geo/sql and geo/db.py"
    assert text_passed == [], "SQL text passed to db.frame/db.row/db.run outside geo/sql"
    assert f_strings == [], "f-strings building SQL text"


def test_the_scan_would_see_a_stray_statement(tmp_path):
    """The checks above find what they look for: an execute and an f-string of SQL."""
    tree = ast.parse('cur.execute(f"SELECT * FROM {table}")\ndb.frame(conn, "SELECT 1", ())')
    assert [c.func.attr for c in _calls(tree)] == ["execute", "frame"]
    joined = next(n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr))
    assert SQL_TEXT.search(_text(joined))


def test_tests_stand_alone_without_folders_beside_the_repository():
    """A clone has only itself: the tests read their fixtures from tests/data, never a folder
    beside the repository."""
    outside = re.compile(r"ROOT\.parent\b|ROOT\s*/\s*[\"']\.\.")
    reads_outside = [p.name for p in (ROOT / "tests").glob("*.py")
                     if outside.search(p.read_text(encoding="utf-8"))]
    assert reads_outside == []
    assert (ROOT / "tests" / "data" / "district_amap_gcj02.geojson").exists()


def test_the_readme_is_short_and_its_links_lead_somewhere():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode()) <= 6 * 1024
    assert readme.index("make run") < 300 and "make test" in readme[:300]
    links = re.findall(r"\]\(([^)#]+)\)", readme)
    assert len(links) >= 10 and [l for l in links if not (ROOT / l).exists()] == []


def test_every_sql_function_is_defined_in_one_place():
    """No SQL function is defined twice: not in two migrations, not in a migration and the
    cubes' generated upkeep (the upkeep is replaced on every `db up`)."""
    from geo.sql import cubes as cubes_sql

    texts = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
             for p in sorted((ROOT / "geo").rglob("*.sql"))}
    texts["geo/sql/cubes.py (UPKEEP)"] = cubes_sql.UPKEEP_TEMPLATE
    texts["geo/sql/cubes.py (histogram_sum_<n>)"] = cubes_sql.HISTOGRAM_SUM_TEMPLATE.replace(
        "{name}", "histogram_sum_n")
    defined = re.compile(r"CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+(\w+)", re.IGNORECASE)
    places: dict[str, list[str]] = {}
    for name, text in texts.items():
        for function in defined.findall(text):
            places.setdefault(function, []).append(name)
    assert "case_cubes_on_change" in places and len(places) >= 10
    assert {f: where for f, where in places.items() if len(where) > 1} == {}


def test_the_cubes_the_read_side_asks_for_are_declared():
    """Every table ``answering`` names is in the catalogue, and each cube is asked for."""
    import itertools

    from geo import cubes

    named = set()
    for question, district, community, street, codes, level1_only, by, cell in itertools.product(
            ("counts", "hours", "cells", "sites"), (False, True), (False, True), (False, True),
            (False, True), (False, True), (None, "community", "site", "category", "source", "month"),
            (50, cubes.CUBE_CELL)):
        answer = cubes.answering(question, district=district, community=community, street=street,
                                 codes=codes, level1_only=level1_only, by=by, cell=cell)
        named |= {answer.whole, answer.edges} - {None}
    assert named == set(cubes.BY_NAME)


def test_every_cube_is_made_of_declared_dimensions():
    from geo.cubes import CUBES
    from geo.sql.cubes import DIMENSIONS, MEASURES, ROWS

    for cube in CUBES:
        assert set(cube.columns) <= set(DIMENSIONS), cube.name
        assert set(cube.measures) <= set(MEASURES) and cube.rows in ROWS, cube.name
        assert len(set(cube.columns)) == len(cube.columns)
