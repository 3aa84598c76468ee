"""Users of the app: roles and scopes, passwords hashed with Argon2 (argon2-cffi), a password
policy, lock-out after repeated failures, and the audit log."""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
import secrets
from dataclasses import dataclass

from geo import db
from geo.errors import InputError
from geo.sql import places as places_sql
from geo.sql import users as sql

ROLES = ("district", "street", "community", "admin")
MAX_FAILURES = 5
LOCK_MINUTES = 15
SESSION_MINUTES = 30  # the app signs a user out after this long without activity


@functools.cache
def _hasher():
    """argon2's hasher, loaded when a password is first set or checked (the command line's
    other commands do without it)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


@dataclass(frozen=True)
class User:
    name: str
    role: str
    scope_code: str | None = None
    personal_data: bool = False
    person: str | None = None  # the external id of the person the account belongs to

    @property
    def sees_personal_data(self) -> bool:
        """Admins, and district users granted it, see reporters' names and phones."""
        return self.role == "admin" or (self.role == "district" and self.personal_data)

    @property
    def may_edit(self) -> bool:
        return self.role != "district"


def check_password(password: str) -> None:
    """The policy: at least 10 characters with a letter and a digit."""
    if len(password) < 10 or not re.search(r"[A-Za-z]", password) or not re.search(r"\d", password):
        raise InputError("password: at least 10 characters with letters and digits")


def add(conn, name: str, role: str, password: str, *, scope: str | None = None,
        personal_data: bool = False, person: str | None = None) -> User:
    """A new account; ``person``: the external id of the person it belongs to."""
    if role not in ROLES:
        raise InputError(f"--role: '{role}' is not one of {', '.join(ROLES)}")
    if not re.fullmatch(r"[A-Za-z0-9_.@-]{1,64}", name):
        raise InputError(f"NAME: '{name}' may hold letters, digits and _ . @ - only")
    if role in ("street", "community"):
        if not scope:
            raise InputError(f"--scope: a {role} user needs the {role}'s code")
        table = "streets" if role == "street" else "communities"
        if db.row(conn, places_sql.codes_among(table), ([scope],)) is None:
            raise InputError(f"--scope: unknown {role} code '{scope}'")
    else:
        scope = None
    if personal_data and role not in ("district", "admin"):
        raise InputError("--personal-data: only district users may be granted personal data")
    check_password(password)
    person_id = None if person is None else _person_id(conn, person)
    with db.transaction(conn) as cur:
        if db.run(cur, sql.USER_EXISTS, (name,)).fetchone():
            raise InputError(f"NAME: user '{name}' exists (use passwd to change the password)")
        db.run(cur, sql.ADD_USER, (name, role, scope, personal_data, _hasher().hash(password),
                                   person_id))
        audit_in(cur, None, "user_add", {"name": name, "role": role, "scope": scope,
                                         "person": person})
    return User(name, role, scope, personal_data, person)


def _person_id(conn, person: str) -> int:
    found = db.row(conn, sql.PERSON_ID, (person,))
    if found is None:
        raise InputError(f"--person: unknown person '{person}' (import people first)")
    return found[0]


def link_person(conn, name: str, person: str | None, *, by: str | None = None) -> User:
    """Link an account to a person (by external id), or unlink it (None)."""
    get(conn, name)
    person_id = None if person is None else _person_id(conn, person)
    with db.transaction(conn) as cur:
        db.run(cur, sql.SET_PERSON, (person_id, name))
        audit_in(cur, by, "user_person", {"name": name, "person": person})
    return get(conn, name)


def previous_places_visit(conn, name: str, now: dt.datetime) -> dt.datetime | None:
    """The account's previous visit of 我的 (None: the first), marking this one at ``now``."""
    with db.transaction(conn) as cur:
        row = db.run(cur, sql.PLACES_VISIT, {"name": name, "now": now}).fetchone()
    return row[0] if row else None


def get(conn, name: str) -> User:
    row = db.row(conn, sql.USER, (name,))
    if row is None:
        raise InputError(f"--as-user: unknown user '{name}'")
    return User(*row)


def listing(conn) -> list[dict]:
    frame = db.frame(conn, sql.USERS)
    return json.loads(frame.to_json(orient="records", date_format="iso"))


def remove(conn, name: str) -> None:
    get(conn, name)
    with db.transaction(conn) as cur:
        db.run(cur, sql.REMOVE_USER, (name,))
        audit_in(cur, None, "user_remove", {"name": name})


def passwd(conn, name: str, password: str) -> None:
    get(conn, name)
    check_password(password)
    with db.transaction(conn) as cur:
        db.run(cur, sql.SET_PASSWORD, (_hasher().hash(password), name))
        audit_in(cur, None, "user_passwd", {"name": name})


def any_users(conn) -> bool:
    return db.row(conn, sql.ANY_USERS)[0]


class SignInError(Exception):
    """A refused sign-in; the message is safe to show (it does not say which part was wrong)."""


def authenticate(conn, name: str, password: str, now: dt.datetime | None = None) -> User:
    """The user for a name and password; counts failures and locks the account for
    LOCK_MINUTES after MAX_FAILURES in a row."""
    now = now or dt.datetime.now(dt.timezone.utc)
    refusal = None  # raised after the transaction, so that the failure count is kept
    with db.transaction(conn) as cur:
        row = db.run(cur, sql.LOCK_FOR_SIGN_IN, (name,)).fetchone()
        if row is None:
            _hasher().hash(password)  # the same time as a wrong password: names do not leak
            audit_in(cur, name, "sign_in_failed", {"reason": "unknown"})
            refusal = "wrong_password"
        else:
            user_name, role, scope, personal, person, hashed, failures, locked_until = row
            if locked_until and locked_until > now:
                audit_in(cur, name, "sign_in_failed", {"reason": "locked"})
                refusal = "locked"
            else:
                from argon2.exceptions import InvalidHashError, VerifyMismatchError

                try:
                    _hasher().verify(hashed, password)
                except (VerifyMismatchError, InvalidHashError):
                    failures += 1
                    lock = (now + dt.timedelta(minutes=LOCK_MINUTES)
                            if failures >= MAX_FAILURES else None)
                    db.run(cur, sql.SIGN_IN_FAILED, (0 if lock else failures, lock, name))
                    audit_in(cur, name, "sign_in_failed",
                             {"reason": "password", "locked": bool(lock)})
                    refusal = "locked" if lock else "wrong_password"
                else:
                    db.run(cur, sql.SIGNED_IN, (name,))
                    audit_in(cur, name, "sign_in", {})
    if refusal:
        raise SignInError(refusal)
    return User(user_name, role, scope, personal, person)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(conn, user: User) -> str:
    """A new session for a signed-in user: the token for the browser's cookie (256 random
    bits; only its hash is stored, so a copy of the database signs nobody in)."""
    token = secrets.token_urlsafe(32)
    with db.transaction(conn) as cur:
        db.run(cur, sql.SESSION_START, (_token_hash(token), user.name))
    return token


def session_user(conn, token: str) -> User | None:
    """The user of a session active within SESSION_MINUTES, or None: unknown, ended or
    expired. Its activity is marked at most once a minute (a page run is otherwise a read)."""
    hashed = _token_hash(token)
    found = db.row(conn, sql.SESSION_USER, {"token": hashed, "minutes": SESSION_MINUTES})
    if found and found[-1]:
        with db.transaction(conn) as cur:
            db.run(cur, sql.SESSION_TOUCH, (hashed,))
            db.run(cur, sql.SESSION_EXPIRE, (SESSION_MINUTES,))
    return User(*found[:-1]) if found else None


def end_session(conn, token: str) -> None:
    """Sign out: the session ends in every tab that shares it."""
    with db.transaction(conn) as cur:
        db.run(cur, sql.SESSION_END, (_token_hash(token),))


def audit_in(cur, user: str | None, action: str, detail: dict) -> None:
    """Record who did what in the transaction of ``cur``: it is kept only if what it
    records is."""
    db.run(cur, sql.AUDIT, (user, action, json.dumps(detail, ensure_ascii=False)))


def audit(conn, user: str | None, action: str, detail: dict) -> None:
    """Record who did what (exports, views of personal data) in a transaction of its own."""
    with db.transaction(conn) as cur:
        audit_in(cur, user, action, detail)


PERSONAL_RETENTION_DAYS = 730  # defaults; settings keys personal_retention_days, audit_retention_days
AUDIT_RETENTION_DAYS = 1095


def setting_days(conn, key: str, default: int) -> int:
    """A number of days the district set (the settings table), else ``default``."""
    row = db.row(conn, sql.SETTING, (key,))
    return int(row[0]) if row else default


def purge(conn, *, older_than_days: int | None = None, now: dt.datetime | None = None) -> dict:
    """Remove reporters' personal data of cases older than the retention period (the cases
    stay), and audit entries older than theirs."""
    now = now or dt.datetime.now(dt.timezone.utc)
    days = older_than_days or setting_days(conn, "personal_retention_days", PERSONAL_RETENTION_DAYS)
    audit_days = setting_days(conn, "audit_retention_days", AUDIT_RETENTION_DAYS)
    with db.transaction(conn) as cur:
        personal = db.run(cur, sql.PURGE_PERSONAL, (now - dt.timedelta(days=days),)).rowcount
        audits = db.run(cur, sql.PURGE_AUDIT, (now - dt.timedelta(days=audit_days),)).rowcount
        audit_in(cur, None, "privacy_purge", {"days": days, "cases": personal, "audit": audits})
    return {"personal_data_purged": personal, "audit_entries_deleted": audits,
            "older_than_days": days}


def audit_entries(conn, since: dt.date | None = None, limit: int = 5000):
    """The audit log, newest first (admins: row-level security hides it from others)."""
    return db.frame(conn, sql.AUDIT_ENTRIES, {"since": since, "limit": limit})
