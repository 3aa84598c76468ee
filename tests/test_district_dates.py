"""A date a user picks is one of the district's days (Shanghai here), whatever time zone the
database session runs in: the gap list's and a site's cases of the last 12 months, the change
log and the audit log since a date."""
from __future__ import annotations

import datetime as dt

import pytest

from geo import coverage, db, users
from geo.editing import changelog
from tests.conftest import query, run_cli

AS_OF = dt.date(2026, 10, 10)
# S1 and S3 are open courtyards without management: both are on the gap list
CASES = ("external_id,category,status,reported_at,lon,lat\n"
         "IN,garbage,open,2026-10-10 23:30,120.302,36.062\n"  # the evening of the date
         "AFTER,garbage,open,2026-10-11 00:30,120.302,36.062\n"  # the next day: 16:30 UTC
         "FIRST,garbage,open,2025-10-10 07:00,120.313,36.071\n")  # 365 days before: 23:00 UTC


@pytest.fixture(params=["UTC", "America/Los_Angeles"])
def session(request, small_url, tmp_path):
    """The small district with the cases above, and a connection whose session zone is not
    the district's."""
    from tests import small_district as sd

    path = sd.csv(tmp_path / "cases.csv", CASES)
    assert run_cli(small_url, "import", "cases", str(path), "--source", "hotline_12345"
                   ).returncode == 0
    conn = db.connect(small_url)
    with conn.cursor() as cur:
        cur.execute("SET TIME ZONE %s", (request.param,))
    conn.commit()
    yield small_url, conn
    conn.close()


def _site(url: str, external_id: str) -> int:
    return query(url, "SELECT id FROM sites WHERE external_id = %s", (external_id,))[0][0]


def test_the_last_12_months_are_the_districts_days(session):
    url, conn = session
    gaps = coverage.gaps(conn, coverage.View(as_of=AS_OF)).set_index("external_id")
    assert gaps.loc["S1", "cases_12m"] == 1  # not the case after midnight of the date
    assert gaps.loc["S3", "cases_12m"] == 1  # the first day's morning
    s1 = coverage.site_detail(conn, _site(url, "S1"), AS_OF)["cases"]
    assert s1[["month", "cases"]].values.tolist() == [["2026-10", 1]]
    s3 = coverage.site_detail(conn, _site(url, "S3"), AS_OF)["cases"]
    assert s3[["month", "cases"]].values.tolist() == [["2025-10", 1]]


def test_the_logs_since_a_date_start_at_the_districts_midnight(session):
    url, conn = session
    # an import and a change, both recorded at 00:30 on 11 October in the district
    query(url, "UPDATE audit_log SET at = '2026-10-11 00:30+08' WHERE action = 'import' RETURNING 1")
    query(url, """INSERT INTO change_log (batch, at, user_name, street_code, community_code,
                                          table_name, row_id, site_id, action)
                  VALUES (gen_random_uuid(), '2026-10-11 00:30+08', 'tester', 'T1', 'C1',
                          'sites', %s, %s, 'update') RETURNING 1""", (_site(url, "S1"), _site(url, "S1")))
    day = dt.date(2026, 10, 11)
    assert "import" in set(users.audit_entries(conn, day)["action"])
    assert "import" not in set(users.audit_entries(conn, day + dt.timedelta(days=1))["action"])
    assert len(changelog.changes(conn, day, day)) == 1
    assert len(changelog.changes(conn, AS_OF, AS_OF)) == 0
