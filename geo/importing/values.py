"""A hotline's own words onto the district's codes: categories and sources by code or name
(a category also as 一级-二级 in one cell), and --map-values files. Pure: the district's
categories and sources are passed in."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geo.errors import InputError

MAPPED_FIELDS = ("category", "source")
# between a level-1 and a level-2 category in one cell: 市容环境-占道经营, 市容环境/占道经营
SEPARATOR = re.compile(r"\s*[-/－／—]\s*")


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    level: int
    parent_code: str | None


@dataclass(frozen=True)
class NewCategory:
    """What --add-categories adds for an unknown value: its code is the value in the file."""
    code: str
    name: str
    parent_code: str | None


def category_lookup(categories: list[Category]) -> dict[str, str]:
    """Every code, and every name that belongs to one category only, → its code."""
    out = {c.code: c.code for c in categories}
    names: dict[str, set[str]] = {}
    for c in categories:
        names.setdefault(c.name, set()).add(c.code)
    out.update({name: next(iter(codes)) for name, codes in names.items()
                if len(codes) == 1 and name not in out})
    return out


def _split(value: str) -> list[tuple[str, str]]:
    """Every way to read ``value`` as level 1 + separator + level 2 (names may hold a '-')."""
    return [(value[:m.start()], value[m.end():]) for m in SEPARATOR.finditer(value)
            if m.start() > 0 and m.end() < len(value)]


def resolve_category(value: str, categories: list[Category]) -> str | None:
    """The district's category code for a file's value, or None when unknown."""
    lookup = category_lookup(categories)
    return _resolve_category(value, categories, lookup)


def _resolve_category(value: str, categories: list[Category], lookup: dict[str, str]) -> str | None:
    if value in lookup:
        return lookup[value]
    for first, second in _split(value):
        parent = lookup.get(first)
        if parent is None:
            continue
        for c in categories:  # the level-2 category of that parent, by code or name
            if c.parent_code == parent and second in (c.code, c.name):
                return c.code
    return None


def category_codes(values: pd.Series, categories: list[Category]) -> pd.Series:
    """Codes for a column of categories (None where unknown); each distinct value once."""
    lookup = category_lookup(categories)
    return values.map({v: _resolve_category(v, categories, lookup)
                       for v in values.dropna().unique()})


def new_category(value: str, categories: list[Category]) -> NewCategory:
    """An unknown value as --add-categories adds it: under its level-1 category when the
    value names a known one before a separator, else a new level-1 category."""
    lookup = category_lookup(categories)
    for first, second in _split(value):
        parent = lookup.get(first)
        if parent is not None and next(c for c in categories if c.code == parent).level == 1:
            return NewCategory(value, second, parent)
    return NewCategory(value, value, None)


def source_codes(values: pd.Series, sources: list[tuple[str, str]]) -> pd.Series:
    """Codes for a column of sources given by code or name (None where unknown)."""
    lookup = {name: code for code, name in sources}
    lookup.update({code: code for code, _ in sources})
    return values.map({v: lookup.get(v) for v in values.dropna().unique()})


def read_value_map(item: str) -> tuple[str, dict[str, str]]:
    """--map-values FIELD=FILE.csv: the field and its {file's value: code} (header value,code)."""
    name, sep, path = item.partition("=")
    if not sep or not path:
        raise InputError(f"--map-values: '{item}' is not FIELD=FILE.csv")
    if name not in MAPPED_FIELDS:
        raise InputError(f"--map-values: '{name}' cannot be mapped (fields: {', '.join(MAPPED_FIELDS)})")
    file = Path(path)
    if not file.is_file():
        raise InputError(f"--map-values {name}: no such file: {path}")
    try:
        with open(file, newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.reader(fh))
    except UnicodeDecodeError:
        raise InputError.at(path, None, None, "not UTF-8 text") from None
    header = [h.strip().lower() for h in rows[0]] if rows else []
    if header[:2] != ["value", "code"]:
        raise InputError.at(path, 1, None, "the header must be: value,code")
    out: dict[str, str] = {}
    for i, row in enumerate(rows[1:], start=2):
        value, code = (row + ["", ""])[:2]
        value, code = value.strip(), code.strip()
        if not value and not code:
            continue
        if not value or not code:
            raise InputError.at(path, i, "code" if value else "value", "required value is empty")
        if value in out and out[value] != code:
            raise InputError.at(path, i, "value", f"'{value}' is mapped twice")
        out[value] = code
    return name, out


def unknown_counts(values: pd.Series, codes: pd.Series, rows: pd.Series) -> dict[str, int]:
    """The distinct ``values`` that matched nothing, each with its number of rows (``rows``),
    most rows first."""
    missing = codes.isna() & values.notna()
    return {str(v): int(n) for v, n in sorted(zip(values[missing], rows[missing]),
                                              key=lambda kv: (-kv[1], kv[0]))}
