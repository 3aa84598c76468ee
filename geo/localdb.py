"""A project-local PostgreSQL + PostGIS cluster managed with initdb and pg_ctl.

Used when DATABASE_URL is not set, and by the test suite (in a temporary folder). PostgreSQL
refuses to run as root, so when we are root the cluster belongs to the ``postgres`` OS user that
Debian's package creates.
"""
from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
from pathlib import Path

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER = "postgres"
DATABASE = "atlas"


class LocalDatabaseError(RuntimeError):
    """The local cluster could not be created or started; the message says why."""


def _run_as() -> list[str]:
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError as exc:
        raise LocalDatabaseError(
            "running as root needs the 'postgres' OS user (install postgresql-15)"
        ) from exc
    return ["runuser", "-u", "postgres", "--"]


def _pg(tool: str, *args: str, capture: bool = True) -> subprocess.CompletedProcess:
    exe = PG_BIN / tool
    if not exe.exists():
        raise LocalDatabaseError(
            f"{exe} not found: install postgresql-15 and postgresql-15-postgis-3, "
            "or set DATABASE_URL to an existing PostGIS"
        )
    return subprocess.run(
        [*_run_as(), str(exe), *args], capture_output=capture, text=True, check=False
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_in_use(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _own(path: Path) -> None:
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(path, pw.pw_uid, pw.pw_gid)


def is_running(root: Path) -> bool:
    """Whether the cluster's server lives: its pid file names a live process (pg_ctl status's
    own test, without starting a program for every connection)."""
    data = root / "pgdata"
    try:
        pid = int((data / "postmaster.pid").read_text().split("\n", 1)[0])
    except PermissionError:  # another user's cluster: ask pg_ctl
        return _pg("pg_ctl", "status", "-D", str(data)).returncode == 0
    except (OSError, ValueError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        pass
    return True


def ensure_cluster(root: Path, *, settings: dict[str, str] | None = None) -> str:
    """Create (once) and start the cluster under ``root``; return the URL of its database
    (geo.db.local_database creates the database itself)."""
    root = root.resolve()
    data = root / "pgdata"
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o755)
    _own(root)
    if not (data / "PG_VERSION").exists():
        shutil.rmtree(data, ignore_errors=True)
        # text compared byte by byte ("C"): for UTF-8 the same order as C.UTF-8's code
        # points, without the locale's cost per comparison (docs/operations.md)
        res = _pg("initdb", "-D", str(data), "-U", SUPERUSER, "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8", "--lc-collate=C")
        if res.returncode != 0:
            raise LocalDatabaseError(f"initdb failed: {res.stderr.strip()}")
    port_file = root / "port"
    if is_running(root):
        port = int(port_file.read_text())
    else:
        port = int(port_file.read_text()) if port_file.exists() else 0
        if not port or _port_in_use(port):
            port = _free_port()
        port_file.write_text(str(port))
        opts = [f"-p {port}", f"-k {root}", "-c listen_addresses=127.0.0.1",
                "-c jit=off", "-c shared_buffers=4GB", "-c max_wal_size=8GB",
                "-c wal_compression=lz4",  # a large import writes full-page images: compress them
                "-c checkpoint_timeout=30min", "-c work_mem=32MB",
                "-c maintenance_work_mem=512MB",
                # PostGIS loaded once at start, not by each new connection on its first use
                "-c shared_preload_libraries=postgis-3",
                "-c max_connections=200"]  # a connection per browser session, and spares
        opts += [f"-c {k}={v}" for k, v in (settings or {}).items()]
        res = _pg("pg_ctl", "start", "-w", "-t", "60", "-D", str(data),
                  "-l", str(root / "server.log"), "-o", " ".join(opts))
        if res.returncode != 0:
            log = (root / "server.log")
            tail = log.read_text()[-800:] if log.exists() else ""
            raise LocalDatabaseError(f"pg_ctl start failed: {res.stderr.strip()} {tail}")
    return f"postgresql://{SUPERUSER}@127.0.0.1:{port}/{DATABASE}"


def start_replica(primary_root: Path, root: Path, *,
                  settings: dict[str, str] | None = None) -> str:
    """A streaming replica of the running cluster under ``primary_root``, made under ``root``
    (pg_basebackup -R: a hot standby following the primary's WAL) and started; its URL. A
    replica made before is only started."""
    root = root.resolve()
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o755)
    _own(root)
    if not (root / "pgdata" / "PG_VERSION").exists():
        port = (primary_root / "port").read_text().strip()
        res = _pg("pg_basebackup", "-D", str(root / "pgdata"), "-h", "127.0.0.1", "-p", port,
                  "-U", SUPERUSER, "-R", "-X", "stream", "-c", "fast")
        if res.returncode != 0:
            raise LocalDatabaseError(f"pg_basebackup failed: {res.stderr.strip()}")
    return ensure_cluster(root, settings=settings)


def crashed(root: Path) -> bool:
    """Whether the cluster under ``root`` is stopped without having been shut down cleanly
    (a crash, a power cut): its start will recover, and the planner then needs ANALYZE."""
    data = root.resolve() / "pgdata"
    if not (data / "PG_VERSION").exists() or is_running(root):
        return False
    res = _pg("pg_controldata", "-D", str(data))
    state = next((line.split(":", 1)[1].strip() for line in res.stdout.splitlines()
                  if line.startswith("Database cluster state")), "shut down")
    return state not in ("shut down", "shut down in recovery")


def stop_cluster(root: Path) -> bool:
    """Stop the cluster if it runs; True when it was running."""
    if not is_running(root):
        return False
    _pg("pg_ctl", "stop", "-D", str(root.resolve() / "pgdata"), "-m", "fast", "-w")
    return True
