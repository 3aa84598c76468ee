"""`python -m geo db backup [FILE]`, `restore FILE` and `verify-backup FILE`: pg_dump /
pg_restore underneath. Beside each dump, the figures of the database at that moment
(FILE.figures.json: the district's coverage and its cases per month), which verify-backup
compares with the dump restored into a scratch database."""
from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
import subprocess
from pathlib import Path

import psycopg2

from geo import db, localdb, stats
from geo.errors import InputError
from geo.sql import operations as sql

KEEP = 14  # nightly dumps kept when no FILE is named (ATLAS_BACKUP_KEEP)


def backup_dir() -> Path:
    """Where the nightly dumps go: ATLAS_BACKUP_DIR, else backups/ in the data folder."""
    return Path(os.environ.get("ATLAS_BACKUP_DIR") or db.DATA_DIR / "backups")


def dated_dumps(folder: Path) -> list[Path]:
    """The dated dumps `db backup` wrote without FILE, oldest first (their names sort so)."""
    return sorted(folder.glob("atlas-*.dump")) if folder.is_dir() else []


def _tool(name: str) -> str:
    local = localdb.PG_BIN / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"{name} not found: install postgresql-client-15")
    return found


def figures_path(dump: Path) -> Path:
    return dump.with_name(dump.name + ".figures.json")


def figures(url: str, as_of: dt.date | None = None) -> dict:
    """What a backup must hold: the district's coverage as of a day and its cases per month."""
    conn = db.connect(url)
    try:
        with conn.cursor() as cur:
            as_of = as_of or stats.district_today(cur)
            tz = stats.district_timezone(cur)
            by_month = dict(db.run(cur, sql.CASES_BY_MONTH, {"tz": tz}).fetchall())
        conn.rollback()
        coverage = stats.coverage(conn, stats.Scope(), as_of=as_of)
    finally:
        conn.close()
    return {"as_of": as_of.isoformat(), "coverage": coverage, "cases_by_month": by_month}


def _private(path: Path) -> None:
    path.chmod(0o600)  # reporters' personal data is in it


def backup(url: str, file: str | Path | None = None, *, keep: int | None = None) -> Path:
    """A custom-format dump of the whole database (schema, data, migrations applied) with its
    figures beside it, both readable by their owner only. Without ``file``: a dated dump in
    the backup folder (``backup_dir``), keeping the newest ``keep``."""
    if file is None:
        folder = backup_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"atlas-{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%SZ}.dump"
    else:
        target = Path(file)
    if target.parent and not target.parent.exists():
        raise InputError(f"backup: the folder {target.parent} does not exist")
    old_mask = os.umask(0o077)
    try:
        res = subprocess.run([_tool("pg_dump"), "--format=custom", "--no-owner", "--file",
                              str(target), url], capture_output=True, text=True)
        if res.returncode != 0:
            raise RuntimeError(f"pg_dump failed: {res.stderr.strip()}")
        _private(target)
        figures_path(target).write_text(json.dumps(figures(url), ensure_ascii=False, indent=1),
                                        encoding="utf-8")
        _private(figures_path(target))
    finally:
        os.umask(old_mask)
    if file is None:
        keep = keep or int(os.environ.get("ATLAS_BACKUP_KEEP") or KEEP)
        for old in dated_dumps(target.parent)[:-keep]:
            old.unlink()
            figures_path(old).unlink(missing_ok=True)
    return target


def newest() -> Path:
    """The newest dump of the backup folder."""
    dumps = dated_dumps(backup_dir())
    if not dumps:
        raise InputError(f"verify-backup: no backup in {backup_dir()} (give FILE)")
    return dumps[-1]


def verify(url: str, file: str | Path) -> dict:
    """Restore a dump into a scratch database beside ``url``'s and compare its figures with
    those stored beside it: ``restored``, ``equal`` and the ``differences``."""
    dump = Path(file)
    if not dump.is_file():
        raise InputError(f"verify-backup: no such backup file {dump}")
    if not figures_path(dump).is_file():
        raise InputError(f"verify-backup: {figures_path(dump).name} is missing beside the dump "
                         f"(made by python -m geo db backup)")
    expected = json.loads(figures_path(dump).read_text(encoding="utf-8"))
    scratch = f"atlas_verify_{secrets.token_hex(4)}"
    admin = psycopg2.connect(url)
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            db.run(cur, sql.create_database(scratch))
        scratch_url = psycopg2.extensions.make_dsn(url, dbname=scratch)
        res = subprocess.run([_tool("pg_restore"), "--no-owner", "--exit-on-error",
                              "--single-transaction", "--dbname", scratch_url, str(dump)],
                             capture_output=True, text=True)
        if res.returncode != 0:
            return {"file": str(dump), "restored": False, "equal": False,
                    "differences": [res.stderr.strip().splitlines()[-1:] or ["pg_restore failed"]]}
        got = figures(scratch_url, dt.date.fromisoformat(expected["as_of"]))
    finally:
        with admin.cursor() as cur:
            db.run(cur, sql.drop_database(scratch))
        admin.close()
    differences = [key for key in ("coverage", "cases_by_month") if got[key] != expected[key]]
    return {"file": str(dump), "restored": True, "equal": not differences,
            "differences": differences}


def restore(url: str, file: str | Path) -> None:
    """Replace the database's content with the backup's, in one transaction."""
    source = Path(file)
    if not source.is_file():
        raise InputError(f"restore: no such backup file {source}")
    check = subprocess.run([_tool("pg_restore"), "--list", str(source)], capture_output=True,
                           text=True)
    if check.returncode != 0:
        raise InputError(f"restore: {source} is not a backup made by python -m geo db backup")
    res = subprocess.run([_tool("pg_restore"), "--clean", "--if-exists", "--no-owner",
                          "--single-transaction", "--exit-on-error", "--dbname", url, str(source)],
                         capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"pg_restore failed (nothing was changed): {res.stderr.strip()[:2000]}")
