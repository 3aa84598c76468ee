"""A site's management recorded from a date: the open record is closed on that date and a new
one opened, never overwritten."""
from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

import pandas as pd
import psycopg2

from geo import db
from geo.editing import StaleEdit
from geo.editing.changelog import log, record
from geo.errors import InputError
from geo.importing.fields import MODES
from geo.sql import editing as sql


@dataclass(frozen=True)
class ManagementChange:
    mode: str
    valid_from: dt.date
    provider: str | None = None
    party_led: bool = False


def current_management(conn, site_ids: list[int]) -> pd.DataFrame:
    """Each site's name and its open management record (id, mode, provider, party-led, from)."""
    return db.frame(conn, sql.CURRENT_MANAGEMENT, (list(site_ids),))


def sites_of_community(conn, site_id: int) -> pd.DataFrame:
    """The residential sites of a site's community (id, name): the ones a change may cover."""
    return db.frame(conn, sql.SITES_OF_COMMUNITY, (site_id,))


def sites_in_area(conn, community: str, geometry: dict) -> pd.DataFrame:
    """The residential sites of ``community`` a drawn box touches (id, name)."""
    return db.frame(conn, sql.SITES_IN_AREA, (community, json.dumps(geometry)))


def record_management_change(conn, user: str | None, site_ids: list[int],
                             change: ManagementChange, seen: dict[int, int | None]) -> str:
    """Record ``change`` for every site from ``change.valid_from``: the open record of each is
    closed on that date and a new one opened. ``seen`` holds the open record's id each site
    had when the user chose it; if any changed since, nothing is written. Returns the batch."""
    if change.mode not in MODES:
        raise InputError(f"mode: '{change.mode}' is not one of {', '.join(MODES)}")
    if change.provider and len(change.provider) > 200:
        raise InputError("provider: at most 200 characters")
    if not site_ids:
        raise InputError("sites: choose at least one site")
    batch = str(uuid.uuid4())
    try:
        with db.transaction(conn) as cur:
            rows = db.run(cur, sql.LOCK_SITES_WITH_OPEN_MANAGEMENT, (list(site_ids),)).fetchall()
            missing = set(site_ids) - {r[0] for r in rows}
            if missing:
                raise InputError(f"sites: {sorted(missing)[0]} is not a site you may change")
            for site_id, name, street, community, open_id, open_from in rows:
                if seen.get(site_id) != open_id:
                    raise StaleEdit(f"{name}: changed by someone else since you opened it; "
                                    f"its current record is shown now")
                last = db.run(cur, sql.LAST_MANAGEMENT_FROM, (site_id,)).fetchone()[0]
                if last and change.valid_from <= last:
                    raise InputError(f"{name}: the date {change.valid_from} is not after its last "
                                     f"recorded change ({last})")
                if open_id:
                    before = record(cur, "management", open_id)
                    if db.run(cur, sql.CLOSE_MANAGEMENT,
                              (change.valid_from, open_id)).rowcount != 1:
                        raise InputError(f"{name}: not a site you may change")
                    log(cur, batch, user, {**before, "site_id": site_id}, "management", "update",
                        before, record(cur, "management", open_id))
                new_id = db.run(cur, sql.OPEN_MANAGEMENT,
                                (site_id, street, community, change.mode, change.provider or None,
                                 change.party_led, change.valid_from)).fetchone()[0]
                after = record(cur, "management", new_id)
                log(cur, batch, user, {**after, "site_id": site_id}, "management", "insert",
                    None, after)
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError("sites: outside the area you may change") from None
    return batch
