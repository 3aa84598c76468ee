"""Cases placed by people: the queue of cases an import could not put on a point (located by
their community's name only, or not at all), the candidates for each, and a placement, which
sets ``located_by = manual``, is logged and undoable (geo.editing.changelog), and teaches an
alias (the normalised raw address → that point and site) that later imports use first."""
from __future__ import annotations

import uuid

import pandas as pd
import psycopg2.errors

from geo import addresses, db, stats
from geo.editing import StaleEdit, changelog
from geo.errors import InputError
from geo.sql import imports as import_sql
from geo.sql import placement as sql
from geo.stats import Scope

WAITING_KINDS = sql.WAITING_KINDS


def gazetteer(cur) -> addresses.Gazetteer:
    """The district's doorplates, sites, communities and aliases, to match addresses against."""
    rows = {name: db.run(cur, query).fetchall() for name, query in import_sql.GAZETTEER.items()}
    return addresses.Gazetteer(
        doorplates=[addresses.Doorplate(*r) for r in rows["doorplates"]],
        sites=[addresses.Site(*r) for r in rows["sites"]],
        communities=dict(rows["communities"]),
        place_names=[r[0] for r in rows["place_names"]],
        aliases={alias: addresses.Place("manual", lon, lat, site_id, community)
                 for alias, site_id, community, lon, lat in rows["aliases"]})


def load_gazetteer(conn) -> addresses.Gazetteer:
    with conn.cursor() as cur:
        places = gazetteer(cur)
    conn.rollback()
    return places


def _scope_params(conn, scope: Scope, **extra) -> dict:
    with conn.cursor() as cur:
        stats.check_scope(cur, scope)
        params = {"communities": stats.scope_communities(cur, scope),
                  "whole_district": scope == Scope(), "tz": stats.district_timezone(cur)}
    conn.rollback()
    return {**params, **extra}


def waiting(conn, scope: Scope, limit: int = 200) -> pd.DataFrame:
    """The scope's cases waiting to be placed, newest first: id, external_id, reported_at
    (local), address, category_code, community (its name), located_by, community_code."""
    return db.frame(conn, sql.WAITING, _scope_params(conn, scope, limit=limit))


def count_waiting(conn, scope: Scope) -> int:
    found = db.frame(conn, sql.COUNT_WAITING, _scope_params(conn, scope))
    return int(found.iat[0, 0])


def place(conn, user: str | None, case_id: int, lon: float | None = None,
          lat: float | None = None, *, site_id: int | None = None,
          teach: addresses.Gazetteer | None = None) -> str:
    """Put a waiting case on a point (a clicked one, a candidate's) or on a site (its point
    inside the outline); with ``teach``, the case's normalised address becomes an alias of
    that place. One logged batch; returns it."""
    batch = str(uuid.uuid4())
    try:
        with db.transaction(conn) as cur:
            found = db.run(cur, sql.CASE_PLACEMENT, (case_id,)).fetchone()
            if found is None:
                raise InputError(f"case {case_id}: not a case you may place")
            address, *placed = found
            before = dict(zip(sql.PLACEMENT_COLUMNS, placed))
            if before["located_by"] not in WAITING_KINDS:
                raise StaleEdit(f"case {case_id}: placed already ({before['located_by']}); "
                                "reload to see it")
            if lon is None:
                if site_id is None:
                    raise InputError("a placement needs a point or a site")
                lon, lat = db.run(cur, sql.SITE_POINT, (site_id,)).fetchone() or (None, None)
                if lon is None:
                    raise InputError(f"site {site_id}: not a site you may see")
            where = db.run(cur, sql.POINT_PLACE, {"lon": lon, "lat": lat,
                                                  "site_id": site_id}).fetchone()
            if where is None:
                raise InputError(f"({lon:.6f}, {lat:.6f}) lies outside the communities you may "
                                 "place cases in")
            after = dict(zip(sql.PLACEMENT_COLUMNS, (lon, lat, *where, "manual")))
            db.run(cur, sql.SET_PLACEMENT, {**after, "id": case_id})
            logged = {"id": case_id, **{k: after[k] for k in ("site_id", "street_code",
                                                              "community_code")}}
            changelog.log(cur, batch, user, logged, "cases", "update", before, after)
            if teach is not None and address:
                _teach(cur, batch, user, logged, teach.alias_key(address), after)
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError(f"case {case_id}: outside the area you may change") from None
    return batch


def _teach(cur, batch: str, user: str | None, logged: dict, alias: str, after: dict) -> None:
    old = db.run(cur, sql.ALIAS, (alias,)).fetchone()
    before = {"alias": alias, **dict(zip(sql.ALIAS_COLUMNS, old))} if old else None
    new = {"alias": alias, **{k: after[k] for k in sql.ALIAS_COLUMNS}}
    db.run(cur, sql.SET_ALIAS, {**new, "user": user})
    changelog.log(cur, batch, user, logged, "address_aliases",
                  "update" if before else "insert", before, new)


def sites_to_pick(conn, scope: Scope, community: str | None) -> pd.DataFrame:
    """id and name of the sites a case may be put on: its community's, else the scope's."""
    return db.frame(conn, sql.SITES_TO_PICK, {"street": None if community else scope.street,
                                             "community": community or scope.community})
