"""People of a community and their assignments: a cadre's or worker's site (直通, 定岗) and a
district leader's community (包联), each from a date and ended, never deleted."""
from __future__ import annotations

import datetime as dt
import uuid

import pandas as pd
import psycopg2

from geo import db
from geo.editing import PEOPLE_FIELDS, StaleEdit
from geo.editing.changelog import correct_rows, log, record
from geo.errors import InputError
from geo.importing.fields import PERSON_ROLES
from geo.sql import editing as sql


def community_people(conn, community: str) -> pd.DataFrame:
    """The people of a community (its grid and social workers, and the street's cadres who
    work in it): the table the people editor corrects."""
    return db.frame(conn, sql.COMMUNITY_PEOPLE, (community,))


def update_people(conn, user: str | None, seen: pd.DataFrame, edited: pd.DataFrame) -> int:
    """Write changed people (name, role, title, phone), each checked; refused whole when a
    person changed in the database since ``seen``. Returns how many changed."""
    return correct_rows(conn, user, "people", seen, edited, "person", _check_person)


def add_person(conn, user: str | None, community: str, values: dict) -> int:
    """A new person of ``community`` (name, role, title, phone), checked, logged and undoable;
    row-level security decides whether the user may add people there. Returns the id."""
    values = {f: (str(values.get(f)).strip() or None) if values.get(f) is not None else None
              for f in PEOPLE_FIELDS}
    _check_person(values["name"] or "person", values)
    try:
        with db.transaction(conn) as cur:
            found = db.run(cur, sql.COMMUNITY_STREET, (community,)).fetchone()
            if found is None:
                raise InputError(f"community: '{community}' is not one you may change")
            new_id = db.run(cur, sql.ADD_PERSON,
                            (f"APP-P-{uuid.uuid4().hex[:10]}", values["name"], values["role"],
                             values["title"], found[0], community, values["phone"])).fetchone()[0]
            after = record(cur, "people", new_id)
            log(cur, str(uuid.uuid4()), user, {**after, "site_id": None}, "people", "insert",
                None, after)
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError(f"people: {community} is outside the area you may change") from None
    return new_id


def _check_person(label: str, values: dict) -> None:
    if not str(values["name"] or "").strip() or len(str(values["name"])) > 50:
        raise InputError(f"{label}: name: 1 to 50 characters")
    if values["role"] not in PERSON_ROLES:
        raise InputError(f"{label}: role: one of {', '.join(PERSON_ROLES)}")
    if values["phone"] and not all(c.isdigit() or c in "+- " for c in str(values["phone"])):
        raise InputError(f"{label}: phone: digits only")


def assignable_people(conn, site_id: int) -> pd.DataFrame:
    """Street cadres, grid and social workers of the site's street (id, name, role)."""
    return db.frame(conn, sql.ASSIGNABLE_PEOPLE, (site_id,))


def assign_person(conn, user: str | None, person_id: int, site_id: int,
                  valid_from: dt.date) -> str:
    """Assign a person to a site from a date (a cadre's 直通, a worker's 定岗); logged, undoable."""
    return _assign(conn, user, person_id, valid_from, site_id=site_id)


def district_leaders(conn) -> pd.DataFrame:
    """The district's leaders (id, name, title): who may be assigned to a community."""
    return db.frame(conn, sql.DISTRICT_LEADERS, ("district_leader",))


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
            target = (db.run(cur, sql.SITE_TARGET, (site_id,)) if site_id is not None
                      else db.run(cur, sql.COMMUNITY_TARGET, (community,))).fetchone()
            person = db.run(cur, sql.PERSON, (person_id,)).fetchone()
            if target is None or person is None:
                raise InputError("assignment: not a site, community or person you may change")
            if site_id is not None and person[1] != target[1]:
                raise InputError(f"{person[0]}: works in another street than {target[0]}")
            if site_id is None and person[2] != "district_leader":
                raise InputError(f"{person[0]}: only district leaders cover a community")
            kind = "site" if site_id is not None else "community"
            if db.run(cur, sql.ASSIGNED_ALREADY,
                      (person_id, kind, target[2], site_id, valid_from)).fetchone():
                raise InputError(f"{person[0]}: already assigned to {target[0]}")
            new_id = db.run(cur, sql.ASSIGN, (person_id, kind, target[2], target[1], site_id,
                                              valid_from)).fetchone()[0]
            after = record(cur, "assignments", new_id)
            log(cur, batch, user, after, "assignments", "insert", None, after)
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError("assignment: outside the area you may change") from None
    return batch


def community_leaders(conn, community: str) -> pd.DataFrame:
    """The district leaders covering a community now (assignment id, name, from)."""
    return db.frame(conn, sql.COMMUNITY_LEADERS, (community,))


def open_assignments(conn, site_id: int) -> pd.DataFrame:
    """The people assigned to a site now (assignment id, name, role, from)."""
    return db.frame(conn, sql.OPEN_ASSIGNMENTS, (site_id,))


def end_assignment(conn, user: str | None, assignment_id: int, valid_to: dt.date) -> str:
    """Close an assignment on ``valid_to`` (kept as history, never deleted); logged, undoable."""
    batch = str(uuid.uuid4())
    try:
        with db.transaction(conn) as cur:
            found = db.run(cur, sql.LOCK_OPEN_ASSIGNMENT, (assignment_id,)).fetchone()
            if found is None:
                raise StaleEdit("assignment: already ended, or not one you may change")
            if valid_to <= found[0]:
                raise InputError(f"{found[1]}: the end {valid_to} is not after the start ({found[0]})")
            before = record(cur, "assignments", assignment_id)
            if db.run(cur, sql.END_ASSIGNMENT, (valid_to, assignment_id)).rowcount != 1:
                raise InputError(f"{found[1]}: not an assignment you may change")
            log(cur, batch, user, before, "assignments", "update", before,
                record(cur, "assignments", assignment_id))
    except psycopg2.errors.InsufficientPrivilege:
        raise InputError("assignment: outside the area you may change") from None
    return batch
