"""Installing it as a service: the units of deploy/ written for this checkout, enabled,
valid for systemd, the same files when installed twice; the data and settings kept when it is
removed."""
import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from geo import service
from tests.conftest import run_cli


def files(root: Path) -> dict[str, str]:
    """Every file and link under ``root`` with its content's hash, mode or target."""
    out = {}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        if path.is_symlink():
            out[key] = "-> " + str(path.readlink())
        elif path.is_file():
            out[key] = f"{oct(path.stat().st_mode & 0o777)} {hashlib.sha256(path.read_bytes()).hexdigest()}"
    return out


def test_install_writes_valid_enabled_units_twice_the_same(tmp_path, empty_url):
    root = tmp_path / "root"
    root.mkdir()
    first = run_cli(empty_url, "service", "install", "--root", str(root))
    assert first.returncode == 0, first.stderr
    assert "not started" in first.stdout  # no systemd as PID 1 here: written and enabled
    installed = files(root)
    again = run_cli(empty_url, "service", "install", "--root", str(root))
    assert again.returncode == 0 and files(root) == installed
    units = root / "etc/systemd/system"
    for name in service.UNITS:
        text = (units / name).read_text()
        assert "@" not in text  # every placeholder filled
    app_unit = (units / service.APP).read_text()
    assert "User=grassroots-atlas" in app_unit and "Restart=on-failure" in app_unit
    assert "EnvironmentFile=/etc/grassroots-atlas.env" in app_unit
    enabled = {p.name for p in (units / "multi-user.target.wants").iterdir()}
    # DATABASE_URL was set: the app's database is not the local one, which stays disabled
    assert enabled == {service.APP}
    assert {p.name for p in (units / "timers.target.wants").iterdir()} == set(service.TIMERS)
    env = root / "etc/grassroots-atlas.env"
    assert oct(env.stat().st_mode & 0o777) == "0o640"
    assert oct((root / "var/lib/grassroots-atlas/backups").stat().st_mode & 0o777) == "0o700"
    # systemd's own check: syntax, every ExecStart there and executable
    verify = subprocess.run(["systemd-analyze", "verify",
                             *[str(units / name) for name in service.UNITS]],
                            capture_output=True, text=True)
    assert verify.returncode == 0 and not verify.stderr.strip(), verify.stderr
    # an edited setting survives a new install; removal keeps data and settings
    env.write_text(env.read_text().replace("ATLAS_PORT=8501", "ATLAS_PORT=8600"))
    assert run_cli(empty_url, "service", "install", "--root", str(root)).returncode == 0
    assert "ATLAS_PORT=8600" in env.read_text()
    removed = run_cli(empty_url, "service", "uninstall", "--root", str(root))
    assert removed.returncode == 0, removed.stderr
    assert not any((units / name).exists() for name in service.UNITS)
    assert not list(units.rglob("*.timer")) and not list(units.rglob("grassroots-atlas*"))
    assert env.exists() and (root / "var/lib/grassroots-atlas/backups").is_dir()
    missing = run_cli(empty_url, "service", "install", "--root", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_the_app_unit_serves_the_app_as_its_user(tmp_path, demo_url):
    """The app unit's ExecStart, run as the unit's user with the unit's environment (as
    systemd would: ${VAR} from the environment file, in its working directory), serves the
    app."""
    import os
    import pwd
    import re
    import socket
    import time
    import urllib.request

    root = tmp_path / "root"
    root.mkdir()
    assert run_cli(demo_url, "service", "install", "--root", str(root)).returncode == 0
    unit = (root / "etc/systemd/system" / service.APP).read_text()
    field = dict(re.findall(r"^(User|WorkingDirectory|ExecStart)=(.*)$", unit, re.M))
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(field["User"])
        except KeyError:  # as `service install` makes it on the real root
            subprocess.run(["useradd", "--system", "--no-create-home", "--shell",
                            "/usr/sbin/nologin", field["User"]], check=True)
    home = Path(tempfile.mkdtemp(prefix="atlas-unit-home-"))  # reachable by the unit's user
    if os.geteuid() == 0:
        shutil.chown(home, field["User"], field["User"])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**service.settings(root / "etc/grassroots-atlas.env"), "ATLAS_PORT": str(port),
           "DATABASE_URL": demo_url, "ATLAS_BASEMAP": "none", "HOME": str(home),
           "PATH": "/usr/bin:/bin"}
    command = re.sub(r"\$\{(\w+)\}", lambda m: env[m.group(1)], field["ExecStart"])
    as_user = (["runuser", "-u", field["User"], "--"] if os.geteuid() == 0 else [])
    proc = subprocess.Popen([*as_user, "env", "-i", *[f"{k}={v}" for k, v in env.items()],
                             *command.split()], cwd=field["WorkingDirectory"],
                            stdout=subprocess.DEVNULL, stderr=open(tmp_path / "app.log", "w"))
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                            timeout=1) as r:
                    if r.read() == b"ok":
                        break
            except OSError:
                time.sleep(0.5)
        else:
            raise AssertionError((tmp_path / "app.log").read_text()[-2000:])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert r.status == 200 and b"<div id=\"root\">" in r.read()
        if os.geteuid() == 0:  # the server runs as the unit's user, not root
            serving = subprocess.run(["pgrep", "-u", field["User"], "-f", f"server.port {port}"],
                                     capture_output=True, text=True).stdout.split()
            assert serving
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        shutil.rmtree(home, ignore_errors=True)
