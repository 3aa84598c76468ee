"""Frames as a person reads them: headers by their label, codes by their names, yes/no for
flags, times in the district's zone without offsets, and nothing for a missing value. The
pages and the exported tables both go through here, so a code never reaches a reader."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

import numpy as np
import pandas as pd

from geo.i18n import t

# columns holding a code, and the prefix of their names in the translation table
CODE_COLUMNS = {"mode": "mode", "mode_before": "mode", "mode_after": "mode", "kind": "kind",
                "role": "role", "status": "status", "action": "action", "table_name": "table",
                "escalation": "escalation", "target_kind": "target", "audit_action": "audit",
                "reason": "reason", "what": "what", "view": "view", "located_by": "located"}
TIME_FORMAT = "%Y-%m-%d %H:%M"


def header(column: str, lang: str) -> str:
    """A column's header: its label (``col_<column>``; a mode's count by the mode's name),
    else the column as it is."""
    for key in (f"col_{column}", column if column.startswith("mode_") else None):
        if key and t(key, lang) != key:
            return t(key, lang)
    return column


def value_text(column: str, value, lang: str, names: Mapping[str, Mapping] | None = None,
               tz: str | None = None):
    """One value as a reader sees it; numbers stay numbers (the page formats them)."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if names and column in names:
        return names[column].get(value, value)
    if column in CODE_COLUMNS:
        key = f"{CODE_COLUMNS[column]}_{value}"
        label = t(key, lang)
        return value if label == key else label
    if isinstance(value, (bool, np.bool_)):
        return t("yes" if value else "no", lang)
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        if value.tzinfo is not None and tz:
            value = pd.Timestamp(value).tz_convert(tz)
        return value.strftime(TIME_FORMAT)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def readable(frame: pd.DataFrame, lang: str, *, names: Mapping[str, Mapping] | None = None,
             tz: str | None = None) -> pd.DataFrame:
    """``frame`` with its headers labelled and its values as a reader sees them. Numeric
    columns keep their type (blank where missing, through the page's number format)."""
    out = {}
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values) \
                and column not in CODE_COLUMNS and not (names and column in names):
            out[header(column, lang)] = values
        else:
            out[header(column, lang)] = _texts(column, values, lang, names, tz)
    return pd.DataFrame(out, index=frame.index)


def _texts(column: str, values: pd.Series, lang: str, names: Mapping[str, Mapping] | None,
           tz: str | None) -> np.ndarray:
    """A column's values as text, each distinct value worded once (an exported table may
    hold millions of rows): times formatted by pandas, plain text kept, missing ones blank."""
    if pd.api.types.is_datetime64_any_dtype(values):
        if isinstance(values.dtype, pd.DatetimeTZDtype) and tz:
            values = values.dt.tz_convert(tz)
        return values.dt.strftime(TIME_FORMAT).fillna("").to_numpy(dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    coded = column in CODE_COLUMNS or bool(names and column in names)
    if not coded and pd.api.types.infer_dtype(uniques, skipna=True) == "string":
        worded = np.asarray(uniques, dtype=object)  # text reads as it is
    else:
        worded = np.array([value_text(column, v, lang, names, tz) for v in uniques], dtype=object)
    return np.append(worded, "")[codes]  # the sentinel -1: the blank appended last


def record_text(record: str | Mapping | None, lang: str,
                names: Mapping[str, Mapping] | None = None, tz: str | None = None) -> str:
    """A record kept as JSON (a change's before/after, an audit entry's detail) in words:
    「户数: 120；物管模式: 居民自管」."""
    if record in (None, ""):
        return ""
    fields = json.loads(record) if isinstance(record, str) else record
    if not isinstance(fields, Mapping):
        return str(fields)
    parts = []
    for key, value in fields.items():
        if key in ("id", "geom") or value in (None, "", [], {}):
            continue
        if isinstance(value, list):
            shown = "、".join(str(value_text(key, v, lang, names, tz)) for v in value[:10])
            shown += "…" if len(value) > 10 else ""
        else:
            shown = value_text(key, value, lang, names, tz)
        parts.append(f"{header(key, lang)}: {shown}")
    return "；".join(parts) if lang == "zh" else "; ".join(parts)
