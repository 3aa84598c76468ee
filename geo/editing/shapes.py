"""Outlines drawn or reshaped in the app: a site, a community's boundary or a grid. Each is
written through the import of its kind (the same checks as a file) on the user's own
connection, in one transaction with its change-log row: row-level security applies to the
write itself, and a shape is never saved without its log row."""
from __future__ import annotations

import hashlib
import json
import uuid

import psycopg2

from geo import db
from geo.editing import SITE_FIELDS, StaleEdit
from geo.editing.changelog import log
from geo.errors import InputError
from geo.importing import run
from geo.sql import editing as sql
from geo.sql.imports import OVERLAP_SHARE

OUTLINE_TABLES = ("sites", "communities", "grids")  # what the map's outline editing changes


def _snapshot(cur, table: str, key) -> dict | None:
    found = db.run(cur, sql.snapshot(table), (key,)).fetchone()
    return found[0] if found else None


def save_site_shape(conn, user: str | None, geometry: dict, attrs: dict, *,
                    community: str, site_id: int | None = None, seen: str | None = None) -> dict:
    """A site drawn in the app, new or reshaped (``site_id``), written through the sites
    import (a valid polygon, inside ``community``, not overlapping another site by more than
    1 % of the smaller one) under the user's rights: a ``community`` the user may not change
    is refused by row-level security, whatever the caller passes."""
    label = f"site '{attrs.get('name') or ''}'"
    try:
        with db.transaction(conn) as cur:
            if db.run(cur, sql.COMMUNITY_STREET, (community,)).fetchone() is None:
                raise InputError(f"community: '{community}' is not one you may change")
            before = None
            if site_id is not None:
                current = db.run(cur, sql.LOCK_SITE_OF_COMMUNITY, (site_id, community)).fetchone()
                if current is None:
                    raise InputError("site: not a site of this community you may change")
                _check_unchanged(cur, "sites", site_id, seen)
                keys = ("external_id",) + SITE_FIELDS  # kept as they are: only the outline changes
                attrs = {**dict(zip(keys, current)),
                         **{k: v for k, v in attrs.items() if v is not None}}
                before = _snapshot(cur, "sites", site_id)
            else:
                attrs = {**attrs, "external_id": f"APP-{uuid.uuid4().hex[:10]}"}
            label = f"site '{attrs['name']}'"
            summary = run.import_drawn(cur, "sites", {**attrs, "community_code": community},
                                       geometry, label)
            saved = db.run(cur, sql.SITE_BY_EXTERNAL_ID, (attrs["external_id"],)).fetchone()
            if saved is None:
                raise InputError("site: saved, but outside what you may see")
            new_id, street, saved_community = saved
            log(cur, str(uuid.uuid4()), user, {"id": new_id, "site_id": new_id,
                                               "street_code": street,
                                               "community_code": saved_community},
                "site_shapes", "update" if site_id else "insert", before,
                _snapshot(cur, "sites", new_id))
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError(f"{label}: outside the area you may change") from None
    return {**summary, "site_id": new_id}


def save_boundary(conn, user: str | None, table: str, geometry: dict, *, community: str,
                  code: str | None = None, name: str | None = None,
                  seen: str | None = None) -> dict:
    """A community's boundary (``table`` 'communities', ``code`` = community) or a grid of it
    ('grids': ``code`` to reshape, or a new grid with ``name``) drawn in the app, written
    through its import: inside its parent, not overlapping a neighbour by more than 1 %, and a
    community still holding its sites. Row-level security decides first whether the user may
    change the community (a SELECT ... FOR UPDATE sees only rows the user may update)."""
    if table not in ("communities", "grids"):
        raise InputError(f"boundary: '{table}' is not a boundary")
    try:
        with db.transaction(conn) as cur:
            found = db.run(cur, sql.LOCK_COMMUNITY, (community,)).fetchone()
            if found is None:
                raise InputError(f"community: '{community}' is not one you may change")
            if table == "grids" and code is not None:
                grid = db.run(cur, sql.LOCK_GRID, (code, community)).fetchone()
                if grid is None:
                    raise InputError(f"grid: '{code}' is not a grid of this community you may "
                                     "change")
                name = grid[0]
            if table == "communities" or code is not None:
                _check_unchanged(cur, table, community if table == "communities" else code, seen)
            if table == "communities":
                code = community
                props = {"code": code, "name": found[0], "street_code": found[1],
                         "name_en": found[2]}
            else:
                if not (name or "").strip():
                    raise InputError("grid: a new grid needs a name")
                code = code or f"{community}-APP-{uuid.uuid4().hex[:6]}"
                props = {"code": code, "name": name.strip(), "community_code": community}
            before = _snapshot(cur, table, code)
            noun = "community" if table == "communities" else "grid"
            summary = run.import_drawn(cur, table, props, geometry, f"{noun} '{props['name']}'")
            log(cur, str(uuid.uuid4()), user, {"id": 0, "site_id": None, "street_code": found[1],
                                               "community_code": community},
                table, "update" if before else "insert", before, _snapshot(cur, table, code))
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError(f"community: '{community}' is outside the area you may change") from None
    return {**summary, "code": code}


def _outline(cur, table: str, key) -> dict | None:
    if table not in OUTLINE_TABLES:
        raise ValueError(table)
    row = db.run(cur, sql.outline(table), (key,)).fetchone()
    if row is None or row[1] != 1:
        return None
    return json.loads(row[0])


def outline(conn, table: str, key) -> dict | None:
    """The outline of a site (id), community or grid (code) as one GeoJSON polygon, for
    editing in place; None when it is missing or has several parts (those are redrawn)."""
    with db.transaction(conn) as cur:
        return _outline(cur, table, key)


def outline_version(geometry: dict | None) -> str | None:
    """A short fingerprint of an outline as outline() gives it: an edit carries the version it
    started from, and is refused when the stored outline changed meanwhile."""
    if geometry is None:
        return None
    return hashlib.sha1(json.dumps(geometry, sort_keys=True).encode()).hexdigest()[:16]


def _check_unchanged(cur, table: str, key, seen: str | None) -> None:
    """Refuse (StaleEdit) when the stored outline is no longer the version ``seen``."""
    if seen is not None and outline_version(_outline(cur, table, key)) != seen:
        raise StaleEdit("outline: changed by someone else since you began; its current outline "
                        "is shown now")


def community_grids(conn, community: str):
    """The grids of a community (code, name)."""
    return db.frame(conn, sql.COMMUNITY_GRIDS, (community,))


def overlapping_sites(conn, geometry: dict, exclude: int | None = None) -> dict:
    """The stored sites a drawn polygon overlaps by more than the import allows, as a GeoJSON
    FeatureCollection (id, name): what the map highlights when a drawing is refused."""
    return db.row(conn, sql.OVERLAPPING_SITES, {"geometry": json.dumps(geometry),
                                                "exclude": exclude, "share": OVERLAP_SHARE})[0]
