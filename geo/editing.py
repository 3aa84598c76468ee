"""Changes made in the app: a site's management recorded from a date (the previous record is
closed on that date, never overwritten), undo of the last change, and the change log. Every
change goes through the user's own connection, so row-level security decides what may change;
a change is refused when the site changed since the user looked at it."""
from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

import pandas as pd
import psycopg2

from geo import db
from geo.errors import InputError
from geo.importing.fields import MODES


PERIOD_TABLES = ("management", "assignments")  # rows with a validity period; names allow-listed


class StaleEdit(InputError):
    """The data changed since the user saw it; the message says what it is now."""


@dataclass(frozen=True)
class ManagementChange:
    mode: str
    valid_from: dt.date
    provider: str | None = None
    party_led: bool = False


def current_management(conn, site_ids: list[int]) -> pd.DataFrame:
    """Each site's name and its open management record (id, mode, provider, party-led, from)."""
    return db.frame(conn, """
        SELECT s.id AS site_id, s.name, m.id AS management_id, coalesce(m.mode, 'none') AS mode,
               m.provider, coalesce(m.party_led, false) AS party_led, m.valid_from
        FROM sites s
        LEFT JOIN management m ON m.site_id = s.id AND m.valid_to IS NULL
        WHERE s.id = ANY(%s) ORDER BY s.id""", (list(site_ids),))


def sites_of_community(conn, site_id: int) -> pd.DataFrame:
    """The residential sites of a site's community (id, name): the ones a change may cover."""
    return db.frame(conn, """
        SELECT s.id, s.name FROM sites s
        WHERE s.community_code = (SELECT community_code FROM sites WHERE id = %s)
          AND s.kind <> 'building_cluster'
        ORDER BY s.name""", (site_id,))


def sites_in_area(conn, community: str, geometry: dict) -> pd.DataFrame:
    """The residential sites of ``community`` a drawn box touches (id, name)."""
    return db.frame(conn, """
        SELECT s.id, s.name FROM sites s
        WHERE s.community_code = %s AND s.kind <> 'building_cluster'
          AND ST_Intersects(s.geom, ST_SetSRID(ST_GeomFromGeoJSON(%s), 4326))
        ORDER BY s.name""", (community, json.dumps(geometry)))


def _log(cur, batch: str, user: str | None, row: dict, table: str, action: str,
         before: dict | None, after: dict | None) -> None:
    """One changed row in the change log; the audit log gets one entry per batch."""
    cur.execute("""INSERT INTO audit_log (user_name, action, detail)
                   SELECT %s, 'edit', jsonb_build_object('batch', %s::text, 'table', %s::text)
                   WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE batch = %s)""",
                (user, batch, table, batch))
    cur.execute("""INSERT INTO change_log (batch, user_name, street_code, community_code,
                       table_name, row_id, site_id, action, before, after)
                   VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)""",
                (batch, user, row["street_code"], row["community_code"], table, row["id"],
                 row["site_id"], action, json.dumps(before, default=str) if before else None,
                 json.dumps(after, default=str) if after else None))


def _record(cur, table: str, row_id: int) -> dict:
    cur.execute(f"SELECT to_jsonb(t) FROM {table} t WHERE id = %s", (row_id,))
    found = cur.fetchone()
    return found[0] if found else None


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
            cur.execute("""SELECT s.id, s.name, s.street_code, s.community_code, m.id, m.valid_from
                           FROM sites s
                           LEFT JOIN management m ON m.site_id = s.id AND m.valid_to IS NULL
                           WHERE s.id = ANY(%s) ORDER BY s.id FOR UPDATE OF s""", (list(site_ids),))
            rows = cur.fetchall()
            missing = set(site_ids) - {r[0] for r in rows}
            if missing:
                raise InputError(f"sites: {sorted(missing)[0]} is not a site you may change")
            for site_id, name, street, community, open_id, open_from in rows:
                if seen.get(site_id) != open_id:
                    raise StaleEdit(f"{name}: changed by someone else since you opened it; "
                                    f"its current record is shown now")
                cur.execute("SELECT max(valid_from) FROM management WHERE site_id = %s", (site_id,))
                last = cur.fetchone()[0]
                if last and change.valid_from <= last:
                    raise InputError(f"{name}: the date {change.valid_from} is not after its last "
                                     f"recorded change ({last})")
                if open_id:
                    before = _record(cur, "management", open_id)
                    cur.execute("UPDATE management SET valid_to = %s WHERE id = %s",
                                (change.valid_from, open_id))
                    if cur.rowcount != 1:
                        raise InputError(f"{name}: not a site you may change")
                    _log(cur, batch, user, {**before, "site_id": site_id}, "management", "update",
                         before, _record(cur, "management", open_id))
                cur.execute("""INSERT INTO management (site_id, street_code, community_code, mode,
                                   provider, party_led, valid_from)
                               VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id""",
                            (site_id, street, community, change.mode, change.provider or None,
                             change.party_led, change.valid_from))
                new_id = cur.fetchone()[0]
                after = _record(cur, "management", new_id)
                _log(cur, batch, user, {**after, "site_id": site_id}, "management", "insert",
                     None, after)
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError("sites: outside the area you may change") from None
    return batch


def undo_last(conn, user: str | None) -> str | None:
    """Undo the user's last change that is not undone yet, if nothing changed those rows since.
    Returns the batch undone, or None when there is nothing to undo."""
    with db.transaction(conn) as cur:
        cur.execute("""SELECT batch FROM change_log
                       WHERE user_name IS NOT DISTINCT FROM %s AND NOT undone
                       ORDER BY at DESC, id DESC LIMIT 1""", (user,))
        found = cur.fetchone()
        if not found:
            return None
        batch = found[0]
        cur.execute("""SELECT id, table_name, row_id, action, before, after FROM change_log
                       WHERE batch = %s ORDER BY id DESC""", (batch,))
        entries = cur.fetchall()
        for _, table, row_id, action, before, after in entries:
            if action == "delete":
                raise InputError("undo: a deleted site is not brought back by undo; "
                                 "draw or import it again")
            if table in ("sites", "people") and action == "update":  # put the old values back
                fields = SITE_FIELDS if table == "sites" else PEOPLE_FIELDS
                cur.execute(f"SELECT {', '.join(fields)} FROM {table} WHERE id = %s", (row_id,))
                current = cur.fetchone()
                if current is None or json.loads(json.dumps(dict(zip(fields, current)),
                                                             default=str)) != after:
                    raise StaleEdit(f"undo: the {table} row changed since; nothing was undone")
                cur.execute(f"UPDATE {table} SET {', '.join(f'{f} = %s' for f in fields)} "
                            "WHERE id = %s", [before[f] for f in fields] + [row_id])
                continue
            if table not in PERIOD_TABLES + ("people",):
                raise InputError(f"undo: changes of {table} cannot be undone here")
            now = _record(cur, table, row_id)
            if json.loads(json.dumps(now, default=str)) != after:
                raise StaleEdit(f"undo: the {table} row changed since; nothing was undone")
            if action == "insert":
                cur.execute(f"DELETE FROM {table} WHERE id = %s", (row_id,))
            elif action == "update":
                cur.execute(f"UPDATE {table} SET valid_to = %s WHERE id = %s",
                            (before["valid_to"], row_id))
        cur.execute("UPDATE change_log SET undone = true WHERE batch = %s", (batch,))
        cur.execute("""INSERT INTO audit_log (user_name, action, detail)
                       VALUES (%s, 'undo', jsonb_build_object('batch', %s::text))""", (user, str(batch)))
    return str(batch)


def site_changes(conn, site_id: int) -> pd.DataFrame:
    """A site's change history, newest first."""
    return db.frame(conn, """
        SELECT at, user_name, action, before->>'mode' AS mode_before, after->>'mode' AS mode_after,
               coalesce(after->>'valid_from', before->>'valid_from') AS valid_from,
               after->>'valid_to' AS valid_to, undone
        FROM change_log WHERE site_id = %s ORDER BY at DESC, id DESC""", (site_id,))


def changes(conn, date_from: dt.date, date_to: dt.date) -> pd.DataFrame:
    """All changes of a period (admins see all, others their scope)."""
    return db.frame(conn, """
        SELECT c.at, c.user_name, s.name AS site, c.community_code, c.table_name, c.action,
               c.before::text AS before, c.after::text AS after, c.undone
        FROM change_log c LEFT JOIN sites s ON s.id = c.site_id
        WHERE c.at >= %s AND c.at < %s::date + 1 ORDER BY c.at DESC""", (date_from, date_to))


SITE_FIELDS = ("name", "kind", "households", "buildings", "built_year", "owners_committee",
               "owners_committee_party", "party_org", "demonstration")


def site_fields(conn, site_id: int) -> pd.DataFrame:
    """One site's row as community_sites gives it: what the site's form edits."""
    return db.frame(conn, f"SELECT id, {', '.join(SITE_FIELDS)} FROM sites WHERE id = %s",
                    (site_id,))


def community_sites(conn, community: str) -> pd.DataFrame:
    """The sites of a community with the fields the table editor corrects."""
    return db.frame(conn, f"""SELECT id, {', '.join(SITE_FIELDS)} FROM sites
                              WHERE community_code = %s ORDER BY name""", (community,))


def _check_site(name: str, values: dict, this_year: int) -> None:
    from geo.importing.fields import SITE_KINDS

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


def _plain(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def update_sites(conn, user: str | None, seen: pd.DataFrame, edited: pd.DataFrame) -> int:
    """Write the rows of ``edited`` that differ from ``seen`` (both as community_sites gave
    them), each checked; refused whole when a site changed in the database since ``seen``.
    Returns the number of sites changed."""
    this_year = dt.date.today().year
    return _correct_rows(conn, user, "sites", SITE_FIELDS, seen, edited, "site",
                         lambda label, values: _check_site(label, values, this_year))


def _correct_rows(conn, user: str | None, table: str, fields: tuple[str, ...],
                  seen: pd.DataFrame, edited: pd.DataFrame, noun: str, check) -> int:
    """The table editors' save: the rows of ``edited`` differing from ``seen`` are checked
    (``check(label, values)``), locked, compared with the database (a row changed since
    ``seen`` refuses the whole save), updated and logged. ``table`` and ``fields`` come from
    this module's allow-lists."""
    before = {int(r["id"]): {f: _plain(r[f]) for f in fields} for _, r in seen.iterrows()}
    after = {int(r["id"]): {f: _plain(r[f]) for f in fields} for _, r in edited.iterrows()
             if _plain(r["id"]) is not None}
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
                cur.execute(f"SELECT {', '.join(fields)}, street_code, community_code "
                            f"FROM {table} WHERE id = %s FOR UPDATE", (row_id,))
                row = cur.fetchone()
                if row is None:
                    raise InputError(f"{label}: not a {noun} you may change")
                now = dict(zip(fields, row[:len(fields)]))
                if now != before[row_id]:
                    raise StaleEdit(f"{label}: changed by someone else since you loaded the "
                                    "table; reload to see it")
                cur.execute(f"UPDATE {table} SET {', '.join(f'{f} = %s' for f in fields)} "
                            "WHERE id = %s", [values[f] for f in fields] + [row_id])
                if cur.rowcount != 1:
                    raise InputError(f"{label}: not a {noun} you may change")
                _log(cur, batch, user, {"id": row_id,
                                        "site_id": row_id if table == "sites" else None,
                                        "street_code": row[-2] or "",
                                        "community_code": row[-1] or ""},
                     table, "update", now, values)
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError(f"{table}: outside the area you may change") from None
    except psycopg2.errors.CheckViolation as exc:
        raise InputError(f"{table}: {exc.diag.message_primary}") from None
    return len(changed)


def assignable_people(conn, site_id: int) -> pd.DataFrame:
    """Street cadres, grid and social workers of the site's street (id, name, role)."""
    return db.frame(conn, """
        SELECT p.id, p.name, p.role FROM people p
        WHERE p.street_code = (SELECT street_code FROM sites WHERE id = %s)
          AND p.role IN ('street_cadre', 'grid_worker', 'social_worker')
        ORDER BY p.role, p.name""", (site_id,))


def assign_person(conn, user: str | None, person_id: int, site_id: int,
                  valid_from: dt.date) -> str:
    """Assign a person to a site from a date (a cadre's 直通, a worker's 定岗); logged, undoable."""
    return _assign(conn, user, person_id, valid_from, site_id=site_id)


def district_leaders(conn) -> pd.DataFrame:
    """The district's leaders (id, name, title): who may be assigned to a community."""
    return db.frame(conn, """SELECT id, name, title FROM people WHERE role = %s
                             ORDER BY name""", ("district_leader",))


def assign_leader(conn, user: str | None, person_id: int, community: str,
                  valid_from: dt.date) -> str:
    """A district leader covering a community from a date (包联); logged, undoable."""
    return _assign(conn, user, person_id, valid_from, community=community)


def _assign(conn, user: str | None, person_id: int, valid_from: dt.date, *,
            site_id: int | None = None, community: str | None = None) -> str:
    """One new assignment: of a street's cadre or worker to a site (``site_id``), or of a
    district leader to a ``community``. Refused when it exists already for the date."""
    batch = str(uuid.uuid4())
    try:
        with db.transaction(conn) as cur:
            if site_id is not None:
                cur.execute("SELECT name, street_code, community_code FROM sites WHERE id = %s",
                            (site_id,))
            else:
                cur.execute("SELECT name, street_code, code FROM communities WHERE code = %s",
                            (community,))
            target = cur.fetchone()
            cur.execute("SELECT name, street_code, role FROM people WHERE id = %s", (person_id,))
            person = cur.fetchone()
            if target is None or person is None:
                raise InputError("assignment: not a site, community or person you may change")
            if site_id is not None and person[1] != target[1]:
                raise InputError(f"{person[0]}: works in another street than {target[0]}")
            if site_id is None and person[2] != "district_leader":
                raise InputError(f"{person[0]}: only district leaders cover a community")
            kind = "site" if site_id is not None else "community"
            cur.execute("""SELECT 1 FROM assignments WHERE person_id = %s AND target_kind = %s
                           AND community_code = %s AND site_id IS NOT DISTINCT FROM %s
                           AND (valid_to IS NULL OR valid_to > %s)""",
                        (person_id, kind, target[2], site_id, valid_from))
            if cur.fetchone():
                raise InputError(f"{person[0]}: already assigned to {target[0]}")
            cur.execute("""INSERT INTO assignments (person_id, target_kind, community_code,
                               street_code, site_id, valid_from)
                           VALUES (%s, %s, %s, %s, %s, %s) RETURNING id""",
                        (person_id, kind, target[2], target[1], site_id, valid_from))
            new_id = cur.fetchone()[0]
            after = _record(cur, "assignments", new_id)
            _log(cur, batch, user, after, "assignments", "insert", None, after)
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError("assignment: outside the area you may change") from None
    return batch


def community_leaders(conn, community: str) -> pd.DataFrame:
    """The district leaders covering a community now (assignment id, name, from)."""
    return db.frame(conn, """
        SELECT a.id, p.name, a.valid_from FROM assignments a JOIN people p ON p.id = a.person_id
        WHERE a.community_code = %s AND a.target_kind = 'community' AND a.valid_to IS NULL
        ORDER BY p.name""", (community,))


def open_assignments(conn, site_id: int) -> pd.DataFrame:
    """The people assigned to a site now (assignment id, name, role, from)."""
    return db.frame(conn, """
        SELECT a.id, p.name, p.role, a.valid_from FROM assignments a
        JOIN people p ON p.id = a.person_id
        WHERE a.site_id = %s AND a.valid_to IS NULL ORDER BY p.role, p.name""", (site_id,))


def end_assignment(conn, user: str | None, assignment_id: int, valid_to: dt.date) -> str:
    """Close an assignment on ``valid_to`` (kept as history, never deleted); logged, undoable."""
    batch = str(uuid.uuid4())
    try:
        with db.transaction(conn) as cur:
            cur.execute("""SELECT a.valid_from, p.name FROM assignments a
                           JOIN people p ON p.id = a.person_id
                           WHERE a.id = %s AND a.valid_to IS NULL FOR UPDATE OF a""",
                        (assignment_id,))
            found = cur.fetchone()
            if found is None:
                raise StaleEdit("assignment: already ended, or not one you may change")
            if valid_to <= found[0]:
                raise InputError(f"{found[1]}: the end {valid_to} is not after the start ({found[0]})")
            before = _record(cur, "assignments", assignment_id)
            cur.execute("UPDATE assignments SET valid_to = %s WHERE id = %s",
                        (valid_to, assignment_id))
            if cur.rowcount != 1:
                raise InputError(f"{found[1]}: not an assignment you may change")
            _log(cur, batch, user, before, "assignments", "update", before,
                 _record(cur, "assignments", assignment_id))
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError("assignment: outside the area you may change") from None
    return batch


OUTLINE_TABLES = ("sites", "communities", "grids")  # what the map's outline editing changes


def _import_drawn(kind: str, props: dict, geometry: dict, url: str, label: str) -> dict:
    """Write one drawn feature through the import of ``kind``: the same checks as a file.
    Refusals name ``label`` (what the user drew) instead of a temporary file."""
    import tempfile
    from pathlib import Path

    from geo.importing import run

    props = {k: ("" if v is None else str(v).lower() if isinstance(v, bool) else str(v))
             for k, v in props.items()}
    with tempfile.TemporaryDirectory(prefix="atlas-draw-") as folder:
        path = Path(folder) / f"{kind}.geojson"
        path.write_text(json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": props, "geometry": geometry}]}, ensure_ascii=False),
            encoding="utf-8")
        try:
            return run.import_file(kind, path, url=url)
        except InputError as refused:
            refused.file = label
            raise


def save_site_shape(conn, user: str | None, geometry: dict, attrs: dict, *,
                    community: str, site_id: int | None = None, seen: str | None = None) -> dict:
    """A site drawn in the app, new or reshaped (``site_id``), written through the sites
    import (the same checks: a valid polygon, inside ``community``, not overlapping another
    site by more than 1 % of the smaller one). ``community`` is one the user may see, which
    row-level security has checked by letting the user choose it."""
    if db.row(conn, "SELECT 1 FROM communities WHERE code = %s", (community,)) is None:
        raise InputError(f"community: '{community}' is not one you may change")
    if site_id is not None:
        keys = ("external_id",) + SITE_FIELDS  # kept as they are: only the outline changes
        current = db.row(conn, f"""SELECT {', '.join(keys)}, community_code
                                   FROM sites WHERE id = %s""", (site_id,))
        if current is None or current[-1] != community:
            raise InputError("site: not a site of this community you may change")
        check_outline_unchanged(conn, "sites", site_id, seen)
        attrs = {**dict(zip(keys, current)), **{k: v for k, v in attrs.items() if v is not None}}
    else:
        attrs = {**attrs, "external_id": f"APP-{uuid.uuid4().hex[:10]}"}
    before = _row_snapshot(conn, "sites", site_id) if site_id else None
    summary = _import_drawn("sites", {**attrs, "community_code": community}, geometry,
                            conn.dsn, f"site '{attrs['name']}'")
    new_id = db.row(conn, "SELECT id FROM sites WHERE external_id = %s", (attrs["external_id"],))
    if new_id is None:
        raise InputError("site: saved, but outside what you may see")
    after = _row_snapshot(conn, "sites", new_id[0])
    batch = str(uuid.uuid4())
    with db.transaction(conn) as cur:
        _log(cur, batch, user, {"id": new_id[0], "site_id": new_id[0],
                                "street_code": after["street_code"],
                                "community_code": after["community_code"]},
             "site_shapes", "update" if site_id else "insert", before, after)
    return {**summary, "site_id": new_id[0]}


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
    with db.transaction(conn) as cur:
        cur.execute("""SELECT name, street_code, name_en FROM communities WHERE code = %s
                       FOR UPDATE""", (community,))
        found = cur.fetchone()
        if found is None:
            raise InputError(f"community: '{community}' is not one you may change")
        if table == "grids" and code is not None:
            cur.execute("SELECT name FROM grids WHERE code = %s AND community_code = %s FOR UPDATE",
                        (code, community))
            grid = cur.fetchone()
            if grid is None:
                raise InputError(f"grid: '{code}' is not a grid of this community you may change")
            name = grid[0]
    if table == "communities" or code is not None:
        check_outline_unchanged(conn, table, community if table == "communities" else code, seen)
    if table == "communities":
        code = community
        props = {"code": code, "name": found[0], "street_code": found[1], "name_en": found[2]}
    else:
        if not (name or "").strip():
            raise InputError("grid: a new grid needs a name")
        code = code or f"{community}-APP-{uuid.uuid4().hex[:6]}"
        props = {"code": code, "name": name.strip(), "community_code": community}
    before = _row_snapshot(conn, table, code)
    summary = _import_drawn(table, props, geometry, conn.dsn,
                            f"{'community' if table == 'communities' else 'grid'} '{props['name']}'")
    after = _row_snapshot(conn, table, code)
    with db.transaction(conn) as cur:
        _log(cur, str(uuid.uuid4()), user, {"id": 0, "site_id": None, "street_code": found[1],
                                            "community_code": community},
             table, "update" if before else "insert", before, after)
    return {**summary, "code": code}


def _snapshot_sql(table: str, *, lock: bool = False) -> str:
    """A site's (id), community's or grid's (code) row as the change log keeps it: every
    column, the geometry as WKT. ``lock`` takes the row for the rest of the transaction."""
    if table not in OUTLINE_TABLES:
        raise ValueError(table)
    column = "id" if table == "sites" else "code"
    return (f"SELECT to_jsonb(t) - 'geom' || jsonb_build_object('geom', ST_AsText(t.geom)) "
            f"FROM {table} t WHERE {column} = %s" + (" FOR UPDATE" if lock else ""))


def _row_snapshot(conn, table: str, key) -> dict | None:
    found = db.row(conn, _snapshot_sql(table), (key,))
    return found[0] if found else None


def outline(conn, table: str, key) -> dict | None:
    """The outline of a site (id), community or grid (code) as one GeoJSON polygon, for
    editing in place; None when it is missing or has several parts (those are redrawn)."""
    if table not in OUTLINE_TABLES:
        raise ValueError(table)
    column = "id" if table == "sites" else "code"
    row = db.row(conn, f"""SELECT ST_AsGeoJSON(ST_GeometryN(geom, 1), 7), ST_NumGeometries(geom)
                           FROM {table} WHERE {column} = %s""", (key,))
    if row is None or row[1] != 1:
        return None
    return json.loads(row[0])


def outline_version(geometry: dict | None) -> str | None:
    """A short fingerprint of an outline as outline() gives it: an edit carries the version it
    started from, and is refused when the stored outline changed meanwhile."""
    import hashlib

    if geometry is None:
        return None
    return hashlib.sha1(json.dumps(geometry, sort_keys=True).encode()).hexdigest()[:16]


def check_outline_unchanged(conn, table: str, key, seen: str | None) -> None:
    """Refuse (StaleEdit) when the stored outline is no longer the version ``seen``."""
    if seen is not None and outline_version(outline(conn, table, key)) != seen:
        raise StaleEdit("outline: changed by someone else since you began; its current outline "
                        "is shown now")


def community_grids(conn, community: str) -> pd.DataFrame:
    """The grids of a community (code, name)."""
    return db.frame(conn, "SELECT code, name FROM grids WHERE community_code = %s ORDER BY name",
                    (community,))


def overlapping_sites(conn, geometry: dict, exclude: int | None = None) -> dict:
    """The stored sites a drawn polygon overlaps by more than the import allows, as a GeoJSON
    FeatureCollection (id, name): what the map highlights when a drawing is refused."""
    from geo.importing.load import OVERLAP_SHARE

    found = db.row(conn, f"""
        WITH d AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON(%s), 4326) AS g)
        SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(
                   json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(t.geom, 7)::json,
                                     'properties', json_build_object('id', t.id, 'name', t.name))),
                   '[]'))
        FROM sites t, d
        WHERE ST_IsValid(d.g) AND ST_Intersects(t.geom, d.g) AND t.id IS DISTINCT FROM %s
          AND ST_Area(ST_Intersection(t.geom, d.g))
              > {OVERLAP_SHARE} * LEAST(ST_Area(t.geom), ST_Area(d.g))""",
        (json.dumps(geometry), exclude))
    return found[0]


def delete_site(conn, user: str | None, site_id: int) -> str:
    """Delete a site (its management history goes with it; its cases stay, no longer located
    in a site). Logged with everything it held; not undoable."""
    batch = str(uuid.uuid4())
    try:
        with db.transaction(conn) as cur:
            cur.execute(_snapshot_sql("sites", lock=True), (site_id,))
            found = cur.fetchone()
            if found is None:
                raise InputError("site: not a site you may change")
            before = found[0]
            cur.execute("SELECT coalesce(jsonb_agg(to_jsonb(m) ORDER BY valid_from), '[]') "
                        "FROM management m WHERE site_id = %s", (site_id,))
            before["management"] = cur.fetchone()[0]
            cur.execute("DELETE FROM sites WHERE id = %s", (site_id,))
            if cur.rowcount != 1:
                raise InputError(f"{before['name']}: not a site you may change")
            _log(cur, batch, user, {"id": site_id, "site_id": site_id,
                                    "street_code": before["street_code"],
                                    "community_code": before["community_code"]},
                 "sites", "delete", before, None)
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError("site: outside the area you may change") from None
    return batch


PEOPLE_FIELDS = ("name", "role", "title", "phone")


def community_people(conn, community: str) -> pd.DataFrame:
    """The people of a community (its grid and social workers, and the street's cadres who
    work in it): the table the people editor corrects."""
    return db.frame(conn, f"""SELECT id, external_id, {', '.join(PEOPLE_FIELDS)} FROM people
                              WHERE community_code = %s ORDER BY role, name""", (community,))


def update_people(conn, user: str | None, seen: pd.DataFrame, edited: pd.DataFrame) -> int:
    """Write changed people (name, role, title, phone), each checked; refused whole when a
    person changed in the database since ``seen``. Returns how many changed."""
    return _correct_rows(conn, user, "people", PEOPLE_FIELDS, seen, edited, "person",
                         _check_person)


def add_person(conn, user: str | None, community: str, values: dict) -> int:
    """A new person of ``community`` (name, role, title, phone), checked, logged and undoable;
    row-level security decides whether the user may add people there. Returns the id."""
    values = {f: (str(values.get(f)).strip() or None) if values.get(f) is not None else None
              for f in PEOPLE_FIELDS}
    _check_person(values["name"] or "person", values)
    try:
        with db.transaction(conn) as cur:
            cur.execute("SELECT street_code FROM communities WHERE code = %s", (community,))
            found = cur.fetchone()
            if found is None:
                raise InputError(f"community: '{community}' is not one you may change")
            cur.execute("""INSERT INTO people (external_id, name, role, title, street_code,
                               community_code, phone)
                           VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id""",
                        (f"APP-P-{uuid.uuid4().hex[:10]}", values["name"], values["role"],
                         values["title"], found[0], community, values["phone"]))
            new_id = cur.fetchone()[0]
            after = _record(cur, "people", new_id)
            _log(cur, str(uuid.uuid4()), user, {**after, "site_id": None}, "people", "insert",
                 None, after)
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError(f"people: {community} is outside the area you may change") from None
    return new_id


def _check_person(label: str, values: dict) -> None:
    from geo.importing.fields import PERSON_ROLES

    if not str(values["name"] or "").strip() or len(str(values["name"])) > 50:
        raise InputError(f"{label}: name: 1 to 50 characters")
    if values["role"] not in PERSON_ROLES:
        raise InputError(f"{label}: role: one of {', '.join(PERSON_ROLES)}")
    if values["phone"] and not all(c.isdigit() or c in "+- " for c in str(values["phone"])):
        raise InputError(f"{label}: phone: digits only")
