"""The Citus plan (geo/scaleout.py, docs/scale-out.md) kept true by the schema and geo/sql."""
from __future__ import annotations

import ast
import importlib
import re

import psycopg2
from psycopg2 import sql

from geo import scaleout
from tests.conftest import ROOT, query

SQL_DIR = ROOT / "geo" / "sql"
KEYWORDS = {"on", "where", "left", "right", "inner", "full", "cross", "join", "group", "order",
            "limit", "using", "lateral", "natural", "union", "select", "set", "as", "and", "or",
            "having", "returning", "with"}
TABLE_REF = re.compile(r"\b(?:FROM|JOIN)\s+(?:LATERAL\s+)?([a-z_]+)\b(?:\s+(?:AS\s+)?([a-z_]\w*))?",
                       re.I)
JOIN_ON = re.compile(r"\bJOIN\s+([a-z_]+)\b(?:\s+(?:AS\s+)?([a-z_]\w*))?\s+ON\s+(.*?)"
                     r"(?=\b(?:LEFT|RIGHT|INNER|FULL|CROSS|JOIN|WHERE|GROUP|ORDER|LIMIT|UNION|"
                     r"HAVING)\b|$)", re.I | re.S)


def schema_tables(url: str) -> dict[str, dict]:
    """The schema's tables (not an extension's): whether each has street_code and whether it
    may be NULL."""
    rows = query(url, """
        SELECT c.relname, a.attnotnull
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'street_code'
             AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')""")
    return {name: {"street_code": notnull is not None, "nullable": notnull is False}
            for name, notnull in rows}


def test_every_table_of_the_schema_is_placed(empty_url):
    tables = schema_tables(empty_url)
    assert set(tables) == set(scaleout.TABLES), "classify every table in geo/scaleout.py"
    distributed = scaleout.of_kind(scaleout.DISTRIBUTED)
    assert distributed and all(tables[t]["street_code"] for t in distributed)
    assert sorted(t for t in distributed if tables[t]["nullable"]) \
        == sorted(scaleout.NULLABLE_SHARD_KEY)
    for name in scaleout.of_kind(scaleout.ROLLED_UP):
        assert scaleout.TABLES[name].from_cube in distributed, name


def test_unique_keys_without_the_shard_key_are_the_listed_ones(empty_url):
    found = query(empty_url, """
        SELECT ix.relname FROM pg_index i JOIN pg_class ix ON ix.oid = i.indexrelid
        WHERE i.indisunique AND i.indrelid::regclass::text = ANY(%s)
          AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indrelid
                          AND a.attname = 'street_code' AND a.attnum = ANY(i.indkey))""",
                  (scaleout.of_kind(scaleout.DISTRIBUTED),))
    assert sorted(r[0] for r in found) == sorted(scaleout.UNIQUE_WITHOUT_SHARD_KEY)


def joins_without_shard_key(text: str, distributed: set[str]) -> list[str]:
    """The JOIN ... ON clauses of a statement (or fragment) that join two distributed tables
    without street_code; an alias not named in ``text`` is not known to be distributed."""
    aliases: dict[str, set[str]] = {}
    for m in TABLE_REF.finditer(text):
        table, alias = m.group(1), m.group(2)
        alias = table if alias is None or alias.lower() in KEYWORDS else alias
        aliases.setdefault(alias, set()).add(table)
    bad = []
    for m in JOIN_ON.finditer(text):
        table, alias, condition = m.group(1), m.group(2), m.group(3)
        alias = table if alias is None or alias.lower() in KEYWORDS else alias
        if table not in distributed or "street_code" in condition:
            continue
        others = {a for a in re.findall(r"\b(\w+)\.\w+", condition) if a != alias}
        if any(aliases.get(a, set()) & distributed for a in others):
            bad.append(" ".join(m.group(0).split()))
    return bad


def _flat(query) -> str:
    """The text of a statement composed with psycopg2.sql (identifiers by name)."""
    if isinstance(query, str):
        return query
    if isinstance(query, sql.Composed):
        return "".join(_flat(part) for part in query.seq)
    if isinstance(query, sql.SQL):
        return query.string
    if isinstance(query, sql.Identifier):
        return ".".join(query.strings)
    return "%s"  # a literal or placeholder: a value, no table


def sql_texts():
    """Every string literal of geo/sql (its statements and the fragments they are made of),
    and every statement its modules compose from fragments, whole."""
    for path in sorted(SQL_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield f"{path.name}:{node.lineno}", node.value
        module = importlib.import_module(f"geo.sql.{path.stem}" if path.stem != "__init__"
                                         else "geo.sql")
        for name, value in vars(module).items():
            if isinstance(value, (str, sql.Composable)) and name.isupper():
                yield f"{path.name}:{name}", _flat(value)


def test_joins_of_distributed_tables_include_the_shard_key():
    distributed = set(scaleout.of_kind(scaleout.DISTRIBUTED))
    # the check itself finds what it looks for
    assert joins_without_shard_key("SELECT 1 FROM cases c JOIN sites s ON s.id = c.site_id",
                                   distributed)
    assert not joins_without_shard_key(
        "SELECT 1 FROM cases c JOIN sites s ON s.id = c.site_id AND s.street_code = c.street_code",
        distributed)
    assert not joins_without_shard_key(
        "SELECT 1 FROM assignments a JOIN people p ON p.id = a.person_id", distributed)
    texts = list(sql_texts())
    assert len(texts) > 100
    bad = [f"{where}: {join}" for where, text in texts
           for join in joins_without_shard_key(text, distributed)]
    assert not bad, "\n".join(bad)


def test_the_plan_in_the_docs_is_the_declared_one(empty_url):
    doc = (ROOT / "docs" / "scale-out.md").read_text(encoding="utf-8")
    conn = psycopg2.connect(empty_url)
    calls = [call.as_string(conn) for call in scaleout.citus_calls()]
    conn.close()
    assert calls[0] == "SELECT create_reference_table('district');"
    positions = [doc.find(call) for call in calls]
    assert all(p >= 0 for p in positions), [c for c, p in zip(calls, positions) if p < 0]
    assert positions == sorted(positions)  # in the order they must run
    for name in scaleout.TABLES:
        assert f"`{name}`" in doc, name


def test_a_moved_site_takes_its_rows_and_a_placed_case_its_reporter(demo_copy_url):
    site, street, community = query(demo_copy_url, """
        SELECT s.id, s.street_code, s.community_code FROM sites s
        WHERE EXISTS (SELECT 1 FROM management m WHERE m.site_id = s.id)
          AND EXISTS (SELECT 1 FROM assignments a WHERE a.site_id = s.id)
        ORDER BY s.id LIMIT 1""")[0]
    other_street, other = query(demo_copy_url, """
        SELECT street_code, code FROM communities WHERE street_code <> %s ORDER BY code LIMIT 1""",
                                (street,))[0]
    query(demo_copy_url, "UPDATE sites SET street_code = %s, community_code = %s WHERE id = %s "
          "RETURNING id", (other_street, other, site))
    for table in ("management", "assignments"):
        assert set(query(demo_copy_url, f"SELECT street_code, community_code FROM {table} "
                         "WHERE site_id = %s", (site,))) == {(other_street, other)}, table
    case = query(demo_copy_url, """
        SELECT c.id FROM cases c JOIN case_personal p ON p.case_id = c.id
        WHERE c.street_code <> %s ORDER BY c.id LIMIT 1""", (other_street,))[0][0]
    query(demo_copy_url, "UPDATE cases SET street_code = %s, community_code = %s WHERE id = %s "
          "RETURNING id", (other_street, other, case))
    assert query(demo_copy_url, "SELECT street_code FROM case_personal WHERE case_id = %s",
                 (case,)) == [(other_street,)]
