"""`python -m geo service install [--root DIR]` and `uninstall`: the systemd units of deploy/
(the app, its local PostgreSQL, the nightly backup and the weekly proof and maintenance)
written for this checkout, enabled, and started where systemd runs, and the reverse proxy's
nginx site. The data stay on uninstall. ``--root`` writes under another root (tests, images)."""
from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

from geo import db
from geo.errors import InputError

DEPLOY = db.PROJECT_ROOT / "deploy"
USER = "grassroots-atlas"
DATA_DIR = Path("/var/lib/grassroots-atlas")
ENV_FILE = Path("/etc/grassroots-atlas.env")
UNIT_DIR = Path("/etc/systemd/system")
NGINX_SITE = Path("/etc/nginx/sites-available/grassroots-atlas")
APP = "grassroots-atlas.service"
DATABASE = "grassroots-atlas-db.service"
UNITS = (APP, DATABASE, "grassroots-atlas-backup.service", "grassroots-atlas-backup.timer",
         "grassroots-atlas-weekly.service", "grassroots-atlas-weekly.timer")
TIMERS = ("grassroots-atlas-backup.timer", "grassroots-atlas-weekly.timer")


def _under(root: Path, path: Path) -> Path:
    return root / path.relative_to("/")


def _python() -> str:
    venv = db.PROJECT_ROOT / ".venv" / "bin" / "python"
    return str(venv if venv.exists() else Path(sys.executable))


def render(template: str) -> str:
    """A deploy/ template with this checkout's paths filled in."""
    return (template.replace("@APP_DIR@", str(db.PROJECT_ROOT)).replace("@PYTHON@", _python())
            .replace("@ENV_FILE@", str(ENV_FILE)).replace("@DATA_DIR@", str(DATA_DIR)))


def settings(env_file: Path) -> dict[str, str]:
    """The KEY=VALUE lines of an environment file (comments and blanks skipped)."""
    out = {}
    for line in env_file.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            out[key.strip()] = value.strip()
    return out


def upload_limit_mb() -> int:
    """The import page's upload limit (.streamlit/config.toml): the proxy's body limit too."""
    import tomllib

    config = tomllib.loads((db.PROJECT_ROOT / ".streamlit" / "config.toml").read_text())
    return int(config["server"]["maxUploadSize"])


def render_nginx(env: dict[str, str], *, http_port: int = 80, https_port: int = 443) -> str:
    """deploy/nginx.conf for the settings ``env`` (those of the environment file)."""
    values = {"@HTTP_PORT@": str(http_port), "@HTTPS_PORT@": str(https_port),
              "@SERVER_NAME@": env.get("ATLAS_SERVER_NAME", "_"),
              "@CERT@": env["ATLAS_TLS_CERT"], "@KEY@": env["ATLAS_TLS_KEY"],
              "@APP_PORT@": env.get("ATLAS_PORT", "8501"),
              "@TILE_HOSTS@": env.get("ATLAS_TILE_HOSTS", ""),
              "@UPLOAD_MB@": str(upload_limit_mb())}
    text = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(key, value)
    return text


def _systemctl(root: Path, *args: str) -> None:
    found = shutil.which("systemctl")
    if not found:
        raise InputError("service: systemctl not found (install Debian's systemd package)")
    res = subprocess.run([found, f"--root={root}", *args], capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"systemctl {' '.join(args)} failed: {res.stderr.strip()}")


def _systemd_runs(root: Path) -> bool:
    return root == Path("/") and Path("/run/systemd/system").is_dir()


def _ensure_user(root: Path, data: Path) -> str:
    """The service's own unprivileged system user, made on the real root only."""
    if root != Path("/"):
        return f"user {USER} not made under --root"
    try:
        pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--home-dir", str(DATA_DIR), "--no-create-home",
                        "--shell", "/usr/sbin/nologin", USER], check=True)
    shutil.chown(data, USER, USER)
    shutil.chown(data / "backups", USER, USER)
    return f"user {USER}"


def install(root: Path = Path("/")) -> dict:
    """Write and enable the units (the local database's only without DATABASE_URL), the
    environment file once (later edits are kept), the data folders; start them where systemd
    runs as PID 1. Running it twice writes the same files."""
    root = root.resolve()
    units = _under(root, UNIT_DIR)
    units.mkdir(parents=True, exist_ok=True)
    for name in UNITS:
        target = units / name
        target.write_text(render((DEPLOY / name).read_text(encoding="utf-8")), encoding="utf-8")
        target.chmod(0o644)
    env = _under(root, ENV_FILE)
    env.parent.mkdir(parents=True, exist_ok=True)
    if not env.exists():
        env.write_text(render((DEPLOY / "grassroots-atlas.env").read_text(encoding="utf-8")),
                       encoding="utf-8")
        env.chmod(0o640)
    site = _under(root, NGINX_SITE)  # linked into sites-enabled by the office, not here
    site.parent.mkdir(parents=True, exist_ok=True)
    site.write_text(render_nginx(settings(env)), encoding="utf-8")
    data = _under(root, DATA_DIR)
    (data / "backups").mkdir(parents=True, exist_ok=True)
    data.chmod(0o750)
    (data / "backups").chmod(0o700)
    who = _ensure_user(root, data)
    enabled = [APP, *TIMERS] + ([] if os.environ.get("DATABASE_URL") else [DATABASE])
    _systemctl(root, "enable", *enabled)
    if _systemd_runs(root):
        subprocess.run(["systemctl", "daemon-reload"], check=True)
        subprocess.run(["systemctl", "start", *enabled], check=True)
        started = "started"
    else:
        started = "systemd is not running here: units written and enabled, not started"
    return {"root": str(root), "units": [str(units / n) for n in UNITS], "env": str(env),
            "nginx_site": str(site),
            "data": str(data), "enabled": enabled, "user": who, "started": started}


def uninstall(root: Path = Path("/")) -> dict:
    """Stop, disable and remove the units; the data, the backups and the settings stay."""
    root = root.resolve()
    units = _under(root, UNIT_DIR)
    present = [n for n in UNITS if (units / n).exists()]
    if present:
        if _systemd_runs(root):
            subprocess.run(["systemctl", "stop", *present], check=False)
        _systemctl(root, "disable", *present)
    for name in present:
        (units / name).unlink()
    _under(root, NGINX_SITE).unlink(missing_ok=True)
    if _systemd_runs(root):
        subprocess.run(["systemctl", "daemon-reload"], check=True)
    return {"removed": present, "kept": [str(_under(root, DATA_DIR)), str(_under(root, ENV_FILE))]}
