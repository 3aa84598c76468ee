"""The calls that would distribute the schema in Citus (geo/scaleout.py declares the plan;
nothing runs them here: docs/scale-out.md lists them)."""
from __future__ import annotations

from psycopg2 import sql

REFERENCE_TABLE = sql.SQL("SELECT create_reference_table({});")
DISTRIBUTED_TABLE = sql.SQL("SELECT create_distributed_table({}, {});")
COLOCATED_TABLE = sql.SQL("SELECT create_distributed_table({}, {}, colocate_with => {});")


def citus_calls(reference: list[str], distributed: list[str], shard_key: str,
                colocated_with: str) -> list[sql.Composed]:
    """Reference tables first, then ``colocated_with``, then the tables co-located with it."""
    calls = [REFERENCE_TABLE.format(sql.Literal(name)) for name in reference]
    for name in distributed:
        calls.append(DISTRIBUTED_TABLE.format(sql.Literal(name), sql.Literal(shard_key))
                     if name == colocated_with else
                     COLOCATED_TABLE.format(sql.Literal(name), sql.Literal(shard_key),
                                            sql.Literal(colocated_with)))
    return calls
