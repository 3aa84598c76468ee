"""`python -m geo db backup FILE` and `restore FILE`: pg_dump / pg_restore underneath."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from geo import localdb
from geo.errors import InputError


def _tool(name: str) -> str:
    local = localdb.PG_BIN / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"{name} not found: install postgresql-client-15")
    return found


def backup(url: str, file: str | Path) -> None:
    """A custom-format dump of the whole database (schema, data, migrations applied)."""
    target = Path(file)
    if target.parent and not target.parent.exists():
        raise InputError(f"backup: the folder {target.parent} does not exist")
    res = subprocess.run([_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target),
                          url], capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"pg_dump failed: {res.stderr.strip()}")


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
