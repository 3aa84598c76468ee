"""Users, roles and row-level security, checked with real connections per role."""
import datetime as dt
import json

import psycopg2
import pytest

from geo import db, users
from tests.conftest import query, run_cli

STREET, OTHER_STREET = "370202005", "370202009"
COMMUNITY = "370202005001"
PASSWORD = "correct horse 42"


@pytest.fixture
def people(demo_copy_url):
    """A user of each role (through the command line, as an administrator would)."""
    made = {}
    for name, role, scope, extra in (("street5", "street", STREET, []),
                                     ("comm5", "community", COMMUNITY, []),
                                     ("leader", "district", None, []),
                                     ("leader_pd", "district", None, ["--personal-data"]),
                                     ("root", "admin", None, [])):
        args = ["users", "add", name, "--role", role, "--password-stdin", *extra]
        if scope:
            args += ["--scope", scope]
        res = run_cli(demo_copy_url, *args, input=PASSWORD + "\n")
        assert res.returncode == 0, res.stderr
        made[name] = users.get(db.connect(demo_copy_url), name)
    return demo_copy_url, made


def count(conn, sql, params=None):
    with conn.cursor() as cur:
        cur.execute(sql, params)
        n = cur.fetchone()[0]
    conn.rollback()
    return n


def test_the_app_role_is_not_the_owner_and_cannot_bypass_rls(demo_url):
    (super_, bypass), = query(demo_url, "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'atlas_user'")
    assert not super_ and not bypass
    owners = {o for (o,) in query(demo_url, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")}
    assert "atlas_user" not in owners
    forced = dict(query(demo_url, """SELECT relname, relforcerowsecurity FROM pg_class
                                     WHERE relname IN ('cases', 'sites', 'management', 'case_personal',
                                                       'communities', 'case_month', 'case_cell_month',
                                                       'case_site_month', 'case_cell_month_level',
                                                       'case_month_hours', 'case_site_code_month',
                                                       'case_district_month', 'case_district_hours',
                                                       'case_district_code_hours', 'case_district_day',
                                                       'case_district_cell_day')"""))
    assert all(forced.values()) and len(forced) == 16


def test_a_street_user_sees_and_changes_only_its_street(people):
    url, made = people
    conn = db.connect_as(made["street5"], url)
    own = query(url, "SELECT count(*) FROM cases WHERE street_code = %s", (STREET,))[0][0]
    assert own > 0
    assert count(conn, "SELECT count(*) FROM cases") == own  # unfiltered: the scope only
    assert count(conn, "SELECT count(*) FROM cases WHERE street_code = %s", (OTHER_STREET,)) == 0
    assert count(conn, "SELECT count(*) FROM sites WHERE street_code <> %s", (STREET,)) == 0
    assert count(conn, "SELECT count(*) FROM streets") == 1
    assert count(conn, "SELECT count(*) FROM case_personal") == 0  # not allowed personal data
    with conn.cursor() as cur:
        cur.execute("UPDATE sites SET households = households + 1 WHERE street_code = %s", (OTHER_STREET,))
        assert cur.rowcount == 0
        cur.execute("DELETE FROM management WHERE street_code = %s", (OTHER_STREET,))
        assert cur.rowcount == 0
        cur.execute("UPDATE sites SET households = households WHERE street_code = %s", (STREET,))
        assert cur.rowcount > 0  # its own street it may change
    conn.rollback()
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        with conn.cursor() as cur:  # moving a site into another street is refused
            cur.execute("UPDATE sites SET street_code = %s WHERE street_code = %s", (OTHER_STREET, STREET))
    conn.rollback()
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        with conn.cursor() as cur:  # the users table is not the app's to read
            cur.execute("SELECT * FROM app_users")
    conn.close()


def test_community_district_and_admin_scopes(people):
    url, made = people
    comm = db.connect_as(made["comm5"], url)
    assert count(comm, "SELECT count(*) FROM cases") == query(
        url, "SELECT count(*) FROM cases WHERE community_code = %s", (COMMUNITY,))[0][0]
    assert count(comm, "SELECT count(*) FROM communities") == 1
    assert count(comm, "SELECT count(*) FROM streets") == 1  # its own street's row
    total = query(url, "SELECT count(*) FROM cases")[0][0]
    leader = db.connect_as(made["leader"], url)
    assert count(leader, "SELECT count(*) FROM cases") == total
    assert count(leader, "SELECT count(*) FROM case_personal") == 0
    with leader.cursor() as cur:  # district users see everything and change nothing
        cur.execute("UPDATE sites SET households = households")
        assert cur.rowcount == 0
    leader.rollback()
    granted = db.connect_as(made["leader_pd"], url)
    assert count(granted, "SELECT count(*) FROM case_personal") > 0
    admin = db.connect_as(made["root"], url)
    assert count(admin, "SELECT count(*) FROM case_personal") > 0
    assert count(admin, "SELECT count(*) FROM audit_log WHERE action = 'user_add'") == 5
    assert count(comm, "SELECT count(*) FROM audit_log") == 0  # only admins read the log


def test_stats_and_exports_as_a_user_run_in_its_scope(people, tmp_path):
    url, _ = people
    mine = json.loads(run_cli(url, "stats", "cases", "--street", STREET, "--from", "2026-01-01").stdout)[0]
    res = run_cli(url, "stats", "cases", "--from", "2026-01-01", "--as-user", "street5")
    assert res.returncode == 0, res.stderr
    theirs = json.loads(res.stdout)[0]
    assert theirs["cases"] == mine["cases"] and theirs["by_category"] == mine["by_category"]
    out = tmp_path / "cases.csv"
    res = run_cli(url, "export", "table", "--view", "cases", "--from", "2026-06-01", "--to", "2026-06-30",
                  "--as-user", "street5", "--out", str(out))
    assert res.returncode == 0, res.stderr
    import pandas as pd

    table = pd.read_csv(out, encoding="utf-8-sig")
    n = json.loads(run_cli(url, "stats", "cases", "--street", STREET, "--from", "2026-06-01",
                           "--to", "2026-06-30").stdout)[0]["cases"]
    assert len(table) == n and table["诉求人"].isna().all()  # no personal data at all
    res = run_cli(url, "export", "table", "--view", "cases", "--community", COMMUNITY,
                  "--from", "2026-06-01", "--to", "2026-06-30", "--as-user", "root",
                  "--out", str(tmp_path / "admin.csv"))
    assert res.returncode == 0
    admin = pd.read_csv(tmp_path / "admin.csv", encoding="utf-8-sig")
    assert not admin["诉求人"].dropna().str.endswith("*").all()  # unmasked for an admin
    assert query(url, "SELECT count(*) FROM audit_log WHERE action = 'export'")[0][0] == 2
    assert run_cli(url, "stats", "cases", "--as-user", "nobody").returncode == 2


def test_the_district_figures_follow_what_a_user_sees(people):
    """The district's pre-aggregates have no street or community: only those who see the whole
    district read them, and anyone else's "whole district" is what they see, figures and
    median alike (with and without a category filter, which reads another histogram)."""
    url, made = people
    owner_of = {"street5": ["--street", STREET], "comm5": ["--community", COMMUNITY],
                "leader": []}
    for name, scope in owner_of.items():
        for filters in ([], ["--category", "sanitation", "--source", "hotline_12345"]):
            args = ["stats", "cases", "--from", "2025-11-20", "--to", "2026-08-10", *filters]
            theirs = json.loads(run_cli(url, *args, "--as-user", name).stdout)[0]
            mine = json.loads(run_cli(url, *args, *scope).stdout)[0]
            assert theirs["cases"] > 0
            assert {k: v for k, v in theirs.items() if k not in ("code", "name")} == \
                {k: v for k, v in mine.items() if k not in ("code", "name")}, (name, filters)
    street = db.connect_as(made["street5"], url)
    assert count(street, "SELECT count(*) FROM case_district_month") == 0
    assert count(street, "SELECT count(*) FROM case_district_code_hours") == 0
    assert count(street, "SELECT count(*) FROM case_district_cell_day") == 0
    assert count(db.connect_as(made["leader"], url), "SELECT count(*) FROM case_district_hours") \
        == query(url, "SELECT count(*) FROM case_district_hours")[0][0] > 0


def test_lock_out_after_repeated_failures(people):
    url, _ = people
    conn = db.connect(url)
    now = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.timezone.utc)
    assert users.authenticate(conn, "street5", PASSWORD, now).role == "street"
    for i in range(users.MAX_FAILURES):
        with pytest.raises(users.SignInError) as err:
            users.authenticate(conn, "street5", "wrong password 1", now)
    assert str(err.value) == "locked"
    with pytest.raises(users.SignInError, match="locked"):  # even the right password, for now
        users.authenticate(conn, "street5", PASSWORD, now + dt.timedelta(minutes=5))
    later = now + dt.timedelta(minutes=users.LOCK_MINUTES + 1)
    assert users.authenticate(conn, "street5", PASSWORD, later).name == "street5"
    with pytest.raises(users.SignInError, match="wrong_password"):
        users.authenticate(conn, "ghost", PASSWORD, later)


def test_users_command_line(people):
    url, _ = people
    res = run_cli(url, "users", "add", "weak", "--role", "admin", "--password-stdin", input="short1\n")
    assert res.returncode == 2 and "password" in res.stderr
    res = run_cli(url, "users", "add", "x", "--role", "street", "--scope", "999", "--password-stdin",
                  input=PASSWORD + "\n")
    assert res.returncode == 2 and "999" in res.stderr
    listed = json.loads(run_cli(url, "users", "list").stdout)
    assert {u["name"] for u in listed} == {"street5", "comm5", "leader", "leader_pd", "root"}
    assert not any("hash" in k for u in listed for k in u)
    assert run_cli(url, "users", "passwd", "comm5", "--password-stdin", input="another pass 77\n").returncode == 0
    assert users.authenticate(db.connect(url), "comm5", "another pass 77").name == "comm5"
    assert run_cli(url, "users", "remove", "comm5").returncode == 0
    assert run_cli(url, "users", "remove", "comm5").returncode == 2
    # an account is a person: a district leader's, named in the list; an unknown one refused
    (person, name), = query(url, "SELECT external_id, name FROM people "
                                 "WHERE role = 'district_leader' ORDER BY external_id LIMIT 1")
    res = run_cli(url, "users", "add", "lead1", "--role", "district", "--person", person,
                  "--password-stdin", input=PASSWORD + "\n")
    assert res.returncode == 0 and json.loads(res.stdout)["person"] == person
    listed = {u["name"]: u for u in json.loads(run_cli(url, "users", "list").stdout)}
    assert (listed["lead1"]["person"], listed["lead1"]["person_name"]) == (person, name)
    assert listed["root"]["person"] is None
    res = run_cli(url, "users", "add", "lead2", "--role", "district", "--person", "NOBODY",
                  "--password-stdin", input=PASSWORD + "\n")
    assert res.returncode == 2 and "--person: unknown person 'NOBODY'" in res.stderr


def test_personal_data_goes_with_its_case_and_never_exists_without_one(people):
    """What the foreign key did, now per statement: a street user who may not touch personal
    data deletes a case of the street, and the reporter's data goes with it."""
    url, made = people
    case_id, = query(url, """SELECT c.id FROM cases c JOIN case_personal p ON p.case_id = c.id
                             WHERE c.street_code = %s LIMIT 1""", (STREET,))[0]
    conn = db.connect_as(made["street5"], url)
    with conn.cursor() as cur:
        cur.execute("DELETE FROM cases WHERE id = %s", (case_id,))
        assert cur.rowcount == 1
    conn.commit()
    assert query(url, "SELECT count(*) FROM case_personal WHERE case_id = %s", (case_id,))[0][0] == 0
    owner = db.connect(url)
    with pytest.raises(psycopg2.errors.ForeignKeyViolation), owner.cursor() as cur:
        cur.execute("INSERT INTO case_personal (case_id, street_code, reporter_name) "
                    "VALUES (%s, %s, '张三')", (case_id, STREET))
    owner.rollback()
    with owner.cursor() as cur:  # emptying the cases empties the personal data (rolled back)
        cur.execute("TRUNCATE cases")
        cur.execute("SELECT count(*) FROM case_personal")
        assert cur.fetchone()[0] == 0
    owner.rollback()
    assert query(url, "SELECT count(*) FROM case_personal")[0][0] > 0


def test_privacy_purge_keeps_cases_and_drops_old_personal_data(demo_copy_url):
    url = demo_copy_url
    before = query(url, "SELECT count(*) FROM cases")[0][0]
    old = query(url, """SELECT count(*) FROM case_personal p JOIN cases c ON c.id = p.case_id
                        WHERE c.reported_at < now() - interval '365 days' AND p.reporter_name IS NOT NULL""")[0][0]
    assert old > 0
    res = run_cli(url, "privacy", "purge", "--older-than-days", "365")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["personal_data_purged"] == old
    assert query(url, "SELECT count(*) FROM cases")[0][0] == before
    assert query(url, """SELECT count(*) FROM case_personal p JOIN cases c ON c.id = p.case_id
                         WHERE c.reported_at < now() - interval '365 days'
                           AND (p.reporter_name IS NOT NULL OR p.reporter_phone IS NOT NULL)""")[0][0] == 0
    assert query(url, """SELECT count(*) FROM case_personal p JOIN cases c ON c.id = p.case_id
                         WHERE c.reported_at > now() - interval '300 days' AND p.reporter_name IS NOT NULL""")[0][0] > 0
    assert query(url, "SELECT count(*) FROM audit_log WHERE action = 'privacy_purge'")[0][0] == 1


def test_a_full_disk_gives_a_clear_message(demo_url, tmp_path):
    full = tmp_path / "cases.csv"
    full.symlink_to("/dev/full")  # every write: no space left on device
    res = run_cli(demo_url, "export", "table", "--view", "coverage", "--out", str(full))
    assert res.returncode == 1
    assert "No space left on device" in res.stderr and "Traceback" not in res.stderr
    res = run_cli(demo_url, "db", "backup", "/proc/atlas.backup")
    assert res.returncode != 0 and "Traceback" not in res.stderr and res.stderr.startswith("error")


def test_imports_are_audited(small_url, tmp_path):
    from tests import small_district as sd

    path = sd.csv(tmp_path / "c.csv", "external_id,category,status,reported_at,lon,lat\n"
                  "Z1,garbage,open,2026-10-01 09:00,120.302,36.062\n")
    assert run_cli(small_url, "import", "cases", str(path), "--source", "hotline_12345").returncode == 0
    imports = [d for (d,) in query(small_url, "SELECT detail FROM audit_log WHERE action = 'import'")]
    assert {d["kind"] for d in imports} >= {"streets", "communities", "sites", "cases"}
    cases = [d for d in imports if d["kind"] == "cases"]
    assert len(cases) == 1 and cases[0]["file"].endswith("c.csv") and cases[0]["inserted"] == 1
