"""A site's fields corrected in the app (the form and the community's table), and deletion."""
from __future__ import annotations

import uuid

import pandas as pd
import psycopg2

from geo import db, stats
from geo.editing import SITE_FIELDS
from geo.editing.changelog import correct_rows, log
from geo.errors import InputError
from geo.importing.fields import SITE_KINDS
from geo.sql import editing as sql


def site_fields(conn, site_id: int) -> pd.DataFrame:
    """One site's row as community_sites gives it: what the site's form edits."""
    return db.frame(conn, sql.rows_of("sites", SITE_FIELDS, "id"), (site_id,))


def community_sites(conn, community: str) -> pd.DataFrame:
    """The sites of a community with the fields the table editor corrects."""
    return db.frame(conn, sql.rows_of("sites", SITE_FIELDS, "community_code"), (community,))


def _check_site(name: str, values: dict, this_year: int) -> None:
    if not str(values["name"] or "").strip() or len(str(values["name"])) > 100:
        raise InputError(f"{name}: name: 1 to 100 characters")
    if values["kind"] not in SITE_KINDS:
        raise InputError(f"{name}: kind: one of {', '.join(SITE_KINDS)}")
    if not (0 <= int(values["households"]) <= 100_000):
        raise InputError(f"{name}: households: between 0 and 100000")
    if values["buildings"] is not None and not (0 <= int(values["buildings"]) <= 10_000):
        raise InputError(f"{name}: buildings: between 0 and 10000")
    if values["built_year"] is not None and not (1800 <= int(values["built_year"]) <= this_year):
        raise InputError(f"{name}: built_year: between 1800 and {this_year}")
    if values["owners_committee_party"] and not values["owners_committee"]:
        raise InputError(f"{name}: owners_committee_party: needs an owners' committee")


def update_sites(conn, user: str | None, seen: pd.DataFrame, edited: pd.DataFrame) -> int:
    """Write the rows of ``edited`` that differ from ``seen`` (both as community_sites gave
    them), each checked; refused whole when a site changed in the database since ``seen``.
    Returns the number of sites changed."""
    with conn.cursor() as cur:
        this_year = stats.district_today(cur).year
    return correct_rows(conn, user, "sites", seen, edited, "site",
                        lambda label, values: _check_site(label, values, this_year))


def delete_site(conn, user: str | None, site_id: int) -> str:
    """Delete a site (its management history goes with it; its cases stay, no longer located
    in a site). Logged with everything it held; not undoable."""
    batch = str(uuid.uuid4())
    try:
        with db.transaction(conn) as cur:
            found = db.run(cur, sql.snapshot("sites", lock=True), (site_id,)).fetchone()
            if found is None:
                raise InputError("site: not a site you may change")
            before = found[0]
            before["management"] = db.run(cur, sql.SITE_MANAGEMENT_HISTORY,
                                          (site_id,)).fetchone()[0]
            if db.run(cur, sql.DELETE_SITE, (site_id,)).rowcount != 1:
                raise InputError(f"{before['name']}: not a site you may change")
            log(cur, batch, user, {"id": site_id, "site_id": site_id,
                                   "street_code": before["street_code"],
                                   "community_code": before["community_code"]},
                "sites", "delete", before, None)
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError("site: outside the area you may change") from None
    return batch
