"""Backup, wipe, restore: every table comes back exactly as it was."""
import psycopg2

from geo import demo
from tests.conftest import run_cli, table_counts


def checksums(url):
    conn = psycopg2.connect(url)
    out = {}
    with conn.cursor() as cur:
        for t in demo.DATA_TABLES + ("settings", "schema_migrations", "app_users", "audit_log"):
            cur.execute(f"SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM {t} x")
            out[t] = cur.fetchone()[0]
    conn.close()
    return out


def test_backup_wipe_restore(demo_copy_url, tmp_path):
    res = run_cli(demo_copy_url, "users", "add", "root", "--role", "admin", "--password-stdin",
                  input="correct horse 42\n")
    assert res.returncode == 0, res.stderr
    before = checksums(demo_copy_url)
    counts = table_counts(demo_copy_url)
    dump = tmp_path / "atlas.backup"
    res = run_cli(demo_copy_url, "db", "backup", str(dump))
    assert res.returncode == 0, res.stderr
    conn = psycopg2.connect(demo_copy_url)
    with conn, conn.cursor() as cur:
        cur.execute("TRUNCATE " + ", ".join(demo.DATA_TABLES + ("app_users", "audit_log")) + " CASCADE")
    conn.close()
    assert table_counts(demo_copy_url)["cases"] == 0
    res = run_cli(demo_copy_url, "db", "restore", str(dump))
    assert res.returncode == 0, res.stderr
    assert table_counts(demo_copy_url) == counts
    assert checksums(demo_copy_url) == before


def test_restore_of_a_file_that_is_not_a_backup(demo_copy_url, tmp_path):
    bogus = tmp_path / "not.backup"
    bogus.write_text("hello")
    counts = table_counts(demo_copy_url)
    res = run_cli(demo_copy_url, "db", "restore", str(bogus))
    assert res.returncode == 2 and "not a backup" in res.stderr
    assert table_counts(demo_copy_url) == counts
