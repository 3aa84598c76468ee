"""All SQL of the project, by subject: named statements with bound values (%s, %(name)s) and
identifiers composed through psycopg2.sql. Callers run them with geo.db (``db.run``,
``db.frame``, ``db.row``); nothing outside this package and geo/db.py holds SQL."""
from __future__ import annotations

from typing import Iterable

from psycopg2 import sql

Statement = sql.Composable


def compose(template: str, **parts: str | sql.Composable) -> sql.Composed:
    """``template`` with its {name} slots filled: plain text parts are SQL fragments of this
    package, identifiers come as sql.Identifier."""
    return sql.SQL(template).format(**{k: v if isinstance(v, sql.Composable) else sql.SQL(v)
                                       for k, v in parts.items()})


def names(columns: Iterable[str]) -> sql.Composed:
    """A comma-separated list of column identifiers."""
    return sql.SQL(", ").join(sql.Identifier(c) for c in columns)


def assignments(columns: Iterable[str]) -> sql.Composed:
    """``a = %s, b = %s`` for an UPDATE of ``columns``."""
    return sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(c)) for c in columns)


def district_midnight(day: str) -> str:
    """SQL for the instant the district's day ``day`` (an SQL date expression) begins: a date
    compared with a time is the district's, never the database session's zone."""
    return f"({day})::timestamp AT TIME ZONE district_timezone()"
