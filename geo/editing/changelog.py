"""The change log: every changed row with what it held before and after, undo of a user's last
change, and the table editors' logged corrections."""
from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Callable

import pandas as pd
import psycopg2

from geo import db
from geo.editing import PEOPLE_FIELDS, SITE_FIELDS, StaleEdit
from geo.errors import InputError
from geo.sql import editing as sql
from geo.sql import placement as placement_sql

PERIOD_TABLES = ("management", "assignments")  # rows with a validity period
CORRECTED = {"sites": SITE_FIELDS, "people": PEOPLE_FIELDS}


def log(cur, batch: str, user: str | None, row: dict, table: str, action: str,
        before: dict | None, after: dict | None) -> None:
    """One changed row in the change log; the audit log gets one entry per batch."""
    db.run(cur, sql.AUDIT_EDIT, (user, batch, table, batch))
    db.run(cur, sql.LOG_CHANGE,
           (batch, user, row["street_code"], row["community_code"], table, row["id"],
            row["site_id"], action, json.dumps(before, default=str) if before else None,
            json.dumps(after, default=str) if after else None))


def record(cur, table: str, row_id: int) -> dict | None:
    """A row as the change log keeps it (``table`` from this package's allow-lists)."""
    found = db.run(cur, sql.record(table), (row_id,)).fetchone()
    return found[0] if found else None


def _as_logged(value) -> object:
    return json.loads(json.dumps(value, default=str))


def undo_last(conn, user: str | None) -> str | None:
    """Undo the user's last change that is not undone yet, if nothing changed those rows since.
    Returns the batch undone, or None when there is nothing to undo."""
    with db.transaction(conn) as cur:
        found = db.run(cur, sql.LAST_BATCH, (user,)).fetchone()
        if not found:
            return None
        batch = found[0]
        for _, table, row_id, action, before, after in db.run(cur, sql.BATCH_ENTRIES,
                                                               (batch,)).fetchall():
            if action == "delete":
                raise InputError("undo: a deleted site is not brought back by undo; "
                                 "draw or import it again")
            if table in RESTORED:
                RESTORED[table](cur, row_id, before, after)
                continue
            if table in CORRECTED and action == "update":  # put the old values back
                fields = CORRECTED[table]
                current = db.run(cur, sql.fields_of(table, fields), (row_id,)).fetchone()
                if current is None or _as_logged(dict(zip(fields, current))) != after:
                    raise StaleEdit(f"undo: the {table} row changed since; nothing was undone")
                db.run(cur, sql.update_fields(table, fields),
                       [before[f] for f in fields] + [row_id])
                continue
            if table not in PERIOD_TABLES + ("people",):
                raise InputError(f"undo: changes of {table} cannot be undone here")
            if _as_logged(record(cur, table, row_id)) != after:
                raise StaleEdit(f"undo: the {table} row changed since; nothing was undone")
            if action == "insert":
                db.run(cur, sql.delete_row(table), (row_id,))
            elif action == "update":
                db.run(cur, sql.close_period(table), (before["valid_to"], row_id))
        db.run(cur, sql.MARK_UNDONE, (batch,))
        db.run(cur, sql.AUDIT_UNDO, (user, str(batch)))
    return str(batch)


def _restore_placement(cur, case_id: int, before: dict, after: dict) -> None:
    """A case placed by a person goes back to where the import left it."""
    found = db.run(cur, placement_sql.CASE_PLACEMENT, (case_id,)).fetchone()
    if found is None or _as_logged(dict(zip(placement_sql.PLACEMENT_COLUMNS, found[1:]))) != after:
        raise StaleEdit(f"undo: case {case_id} was placed again since; nothing was undone")
    db.run(cur, placement_sql.SET_PLACEMENT, {**before, "id": case_id})


def _restore_alias(cur, _case_id: int, before: dict | None, after: dict) -> None:
    """An alias a placement taught is forgotten, or takes back its earlier place."""
    alias = after["alias"]
    found = db.run(cur, placement_sql.ALIAS, (alias,)).fetchone()
    now = {"alias": alias, **dict(zip(placement_sql.ALIAS_COLUMNS, found))} if found else None
    if _as_logged(now) != after:
        raise StaleEdit(f"undo: the alias {alias} changed since; nothing was undone")
    if before is None:
        db.run(cur, placement_sql.DELETE_ALIAS, (alias,))
    else:
        db.run(cur, placement_sql.SET_ALIAS, {**before, "user": None})


# the changes undone by putting back what the log holds (cases placed by people)
RESTORED = {"cases": _restore_placement, "address_aliases": _restore_alias}


def site_changes(conn, site_id: int) -> pd.DataFrame:
    """A site's change history, newest first."""
    return db.frame(conn, sql.SITE_CHANGES, (site_id,))


def changes(conn, date_from: dt.date, date_to: dt.date) -> pd.DataFrame:
    """All changes of a period (admins see all, others their scope)."""
    return db.frame(conn, sql.CHANGES, (date_from, date_to))


def plain(value):
    """A frame's cell as a plain Python value (NaN → None, numpy scalars unwrapped)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def correct_rows(conn, user: str | None, table: str, seen: pd.DataFrame, edited: pd.DataFrame,
                 noun: str, check: Callable[[str, dict], None]) -> int:
    """The table editors' save: the rows of ``edited`` differing from ``seen`` are checked
    (``check(label, values)``), locked, compared with the database (a row changed since
    ``seen`` refuses the whole save), updated and logged. Returns how many changed."""
    fields = CORRECTED[table]
    before = {int(r["id"]): {f: plain(r[f]) for f in fields} for _, r in seen.iterrows()}
    after = {int(r["id"]): {f: plain(r[f]) for f in fields} for _, r in edited.iterrows()
             if plain(r["id"]) is not None}
    changed = {i: v for i, v in after.items() if i in before and v != before[i]}
    for row_id, values in changed.items():
        check(str(before[row_id]["name"]), values)
    if not changed:
        return 0
    batch = str(uuid.uuid4())
    try:
        with db.transaction(conn) as cur:
            for row_id, values in changed.items():
                label = before[row_id]["name"]
                row = db.run(cur, sql.fields_of(table, fields, lock=True), (row_id,)).fetchone()
                if row is None:
                    raise InputError(f"{label}: not a {noun} you may change")
                now = dict(zip(fields, row[:len(fields)]))
                if now != before[row_id]:
                    raise StaleEdit(f"{label}: changed by someone else since you loaded the "
                                    "table; reload to see it")
                if db.run(cur, sql.update_fields(table, fields),
                          [values[f] for f in fields] + [row_id]).rowcount != 1:
                    raise InputError(f"{label}: not a {noun} you may change")
                log(cur, batch, user, {"id": row_id,
                                       "site_id": row_id if table == "sites" else None,
                                       "street_code": row[-2] or "",
                                       "community_code": row[-1] or ""},
                    table, "update", now, values)
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError(f"{table}: outside the area you may change") from None
    except psycopg2.errors.CheckViolation as exc:
        raise InputError(f"{table}: {exc.diag.message_primary}") from None
    return len(changed)
