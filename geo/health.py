"""`python -m geo health`: whether the service is fit to serve, for a monitor. Never starts a
database: it reads the one that is configured, or reports it unreachable."""
from __future__ import annotations

import datetime as dt
import os
import shutil
from collections import Counter
from pathlib import Path

import psycopg2

from geo import backup, cubes, db
from geo.sql import cubes as cubes_sql
from geo.sql import operations as sql

BACKUP_TIMER = "grassroots-atlas-backup.timer"
BACKUP_MAX_HOURS = 48.0  # with the nightly timer installed, an older last dump is a failure


def timer_installed() -> bool:
    """Whether the nightly backup timer is installed (ATLAS_SYSTEMD_DIR, for tests)."""
    units = Path(os.environ.get("ATLAS_SYSTEMD_DIR", "/etc/systemd/system"))
    return (units / BACKUP_TIMER).exists()


def last_backup_hours(folder: Path, now: dt.datetime) -> float | None:
    dumps = backup.dated_dumps(folder)
    if not dumps:
        return None
    return round((now.timestamp() - dumps[-1].stat().st_mtime) / 3600, 2)


def _free_bytes(folder: Path) -> int:
    while not folder.exists():  # the folder made by the first backup: its parent's disk
        folder = folder.parent
    return shutil.disk_usage(folder).free


def _migrations_current(cur) -> bool:
    db.run(cur, sql.APPLIED_MIGRATIONS)
    applied = {r[0] for r in cur.fetchall()}
    return {p.stem for p in db.MIGRATIONS.glob("*.sql")} <= applied


def _rows(cur) -> Counter:
    """The fetched rows, counted (a histogram's arrays as tuples)."""
    return Counter(tuple(tuple(v) if isinstance(v, list) else v for v in r)
                   for r in cur.fetchall())


def aggregates_consistent(cur) -> bool:
    """Every cube equals the cases over the month of the newest case (a sample: all of them
    would read the whole table)."""
    db.run(cur, sql.TIMEZONE)
    tz = cur.fetchone()[0]
    db.run(cur, sql.SAMPLE_SINCE, {"tz": tz})
    since = cur.fetchone()[0]
    if since is None:
        return True  # no case: nothing to disagree
    for cube in cubes.CUBES:
        params = {"since": since, "tz": tz}
        db.run(cur, cubes_sql.stored_since(cube), params)
        stored = _rows(cur)
        db.run(cur, cubes_sql.from_cases_since(cube), params)
        if stored != _rows(cur):
            return False
    return True


def _last_verification(cur, now: dt.datetime) -> dict | None:
    """The weekly proof's last result: hours since, and whether the figures matched."""
    row = db.run(cur, sql.LAST_VERIFIED_BACKUP).fetchone()
    if row is None:
        return None
    return {"hours": round((now - row[0]).total_seconds() / 3600, 2), "equal": bool(row[1])}


def health(now: dt.datetime | None = None) -> dict:
    """The report: ``database`` (reachable), ``migrations`` (all applied), ``aggregates``
    (consistent on a sample), ``disk_free_bytes`` (where backups go), ``last_backup`` (hours,
    or None), ``backup_verified`` (the last `db verify-backup`: hours since and whether it
    matched, or None), ``backup_timer`` (installed), and ``healthy``: all of them, a missing
    or stale backup counting only once the timer is installed, a backup that failed its proof
    always."""
    now = now or dt.datetime.now(dt.timezone.utc)
    report = {"database": False, "migrations": False, "aggregates": False}
    try:
        conn = db.connect(db.database_url(start=False))
    except (psycopg2.Error, OSError) as error:
        report["error"] = str(error).strip().splitlines()[0] if str(error).strip() else "unreachable"
    else:
        try:
            with conn.cursor() as cur:
                report["database"] = True
                report["migrations"] = _migrations_current(cur)
                report["aggregates"] = report["migrations"] and aggregates_consistent(cur)
                if report["migrations"]:
                    report["backup_verified"] = _last_verification(cur, now)
        finally:
            conn.close()
    folder = backup.backup_dir()
    report["disk_free_bytes"] = _free_bytes(folder)
    report["last_backup"] = last_backup_hours(folder, now)
    report["backup_timer"] = timer_installed()
    backup_ok = not report["backup_timer"] or (
        report["last_backup"] is not None and report["last_backup"] <= BACKUP_MAX_HOURS)
    proof = report.get("backup_verified")
    backup_ok = backup_ok and (proof is None or proof["equal"])
    report["healthy"] = bool(report["database"] and report["migrations"]
                             and report["aggregates"] and backup_ok)
    return report
