""""Today" is the district's, whatever the server's clock says: the demo and both pages run at
00:30 in Shanghai on a server whose zone is UTC, where it is still the day before. The
process's clock is set with libfaketime (Debian's faketime), so the real code paths run."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT, query

LIBFAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"
SERVER_CLOCK = "@2026-06-14 16:30:00"  # UTC: 2026-06-15 00:30 in Shanghai
DISTRICT_DAY = "2026-06-15"

PAGES = """
import json, sys
from streamlit.testing.v1 import AppTest
seen = {}
for view in ("coverage", "cases"):
    at = AppTest.from_file(sys.argv[1], default_timeout=120)
    if view == "cases":
        at.query_params["view"] = "cases"
    at.run()
    at.run()  # past the coverage page's first screen (the figures and the map alone)
    assert not at.exception, at.exception
    seen[view] = [c.value for c in at.caption] + [d.value for d in at.date_input]
print(json.dumps(seen, ensure_ascii=False, default=str))
"""


def _at_half_past_midnight(url: str) -> dict:
    return {**os.environ, "DATABASE_URL": url, "ATLAS_BASEMAP": "none", "TZ": "UTC",
            "LD_PRELOAD": LIBFAKETIME, "FAKETIME": SERVER_CLOCK, "FAKETIME_DONT_RESET": "1"}


def test_a_demo_built_at_half_past_midnight_shows_that_day_as_today_on_both_pages(empty_url):
    env = _at_half_past_midnight(empty_url)
    built = subprocess.run([sys.executable, "-m", "geo", "demo", "--cases", "3000", "--sites",
                            "300"], env=env, cwd=ROOT, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    # the demo's cases run to the district's today, not the server's
    (last,) = query(empty_url, "SELECT max((reported_at AT TIME ZONE 'Asia/Shanghai')::date)::text"
                               " FROM cases")[0]
    assert last == DISTRICT_DAY
    pages = subprocess.run([sys.executable, "-c", PAGES, str(ROOT / "streamlit_app.py")], env=env,
                           cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert pages.returncode == 0, pages.stderr[-3000:]
    seen = json.loads(pages.stdout.strip().splitlines()[-1])
    # coverage: 截至 <as of>; cases: this year's range ends today
    assert any(DISTRICT_DAY in str(v) for v in seen["coverage"]), seen["coverage"]
    assert not any("2026-06-14" in str(v) for v in seen["coverage"]), seen["coverage"]
    assert any(DISTRICT_DAY in str(v) for v in seen["cases"]), seen["cases"]
    assert not any("2026-06-14" in str(v) for v in seen["cases"]), seen["cases"]
