"""The command-line contract: JSON on stdout, exit status 2 with a clear message on bad input."""
import json
import os
import subprocess

from tests.conftest import ROOT, run_cli, table_counts


def test_demo_refuses_a_district_that_is_not_the_demo(small_url):
    before = table_counts(small_url)
    res = run_cli(small_url, "demo", "--cases", "100")
    assert res.returncode == 2 and "not the demo" in res.stderr and "--force" in res.stderr
    assert table_counts(small_url) == before
    res = run_cli(small_url, "demo", "--if-empty")
    assert res.returncode == 0 and table_counts(small_url) == before


def test_unknown_codes_name_the_option_and_value(small_url):
    res = run_cli(small_url, "stats", "coverage", "--community", "C404")
    assert res.returncode == 2 and "--community: unknown code 'C404'" in res.stderr
    res = run_cli(small_url, "stats", "cases", "--source", "fax")
    assert res.returncode == 2 and "--source: unknown code 'fax'" in res.stderr
    res = run_cli(small_url, "stats", "cases", "--from", "2026-02-30")
    assert res.returncode == 2 and "2026-02-30" in res.stderr and "Traceback" not in res.stderr
    assert res.stdout == ""


def test_stats_json_is_utf8_and_not_ascii_escaped(small_url):
    res = run_cli(small_url, "stats", "coverage", "--by", "community")
    assert res.returncode == 0
    assert "西社区" in res.stdout  # not \\u897f...
    rows = json.loads(res.stdout)
    assert all(isinstance(r["code"], str) and isinstance(r["name"], str) for r in rows)


def test_db_up_prints_the_url_and_migrates_once(small_url):
    res = run_cli(small_url, "db", "up")
    assert res.returncode == 0
    assert json.loads(res.stdout) == {"url": small_url, "applied": []}


def test_a_database_that_cannot_be_reached_is_exit_1_without_traceback():
    res = run_cli("postgresql://nobody@127.0.0.1:1/none", "stats", "coverage")
    assert res.returncode == 1 and "database" in res.stderr and "Traceback" not in res.stderr


def test_setup_names_missing_packages_for_a_user_without_root():
    env = {**os.environ, "ATLAS_EXTRA_PACKAGES": "atlas-no-such-package"}
    env.pop("DATABASE_URL", None)
    res = subprocess.run(["runuser", "-u", "nobody", "--", "sh", str(ROOT / "scripts" / "system-packages.sh")],
                         capture_output=True, text=True, env=env)
    assert res.returncode == 1
    assert "sudo apt-get install -y atlas-no-such-package" in res.stderr
    assert "DATABASE_URL" in res.stderr
