"""An existing database upgrades in place with `geo db up`: a small district dumped at commit
ee37a9d (before the cubes' catalogue) ends with the schema of a fresh database and every cube
equal to its cases."""
import re
import subprocess

from tests.conftest import ROOT, _clone, query, run_cli
from tests.test_case_stats import aggregates_equal_raw

DUMP = ROOT / "tests" / "data" / "ee37a9d_small_district.sql"


def schema(url: str) -> list[str]:
    """The schema as pg_dump writes it, each statement's lines sorted and the statements
    sorted: equal for equal schemas whatever order their parts were created in."""
    text = subprocess.run(["pg_dump", "--schema-only", "--no-owner", url], check=True,
                          capture_output=True, text=True).stdout
    lines = [line for line in text.splitlines()
             if line and not line.startswith(("--", "SET ", "SELECT pg_catalog.set_config", "\\"))]
    statements = re.split(r";\n", "\n".join(lines))
    return sorted("\n".join(sorted(s.strip().splitlines())) for s in statements if s.strip())


def test_a_database_of_ee37a9d_upgrades_to_the_fresh_schema(cluster):
    old = _clone(cluster, "template0")  # empty
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", old, "-f", str(DUMP)],
                   check=True, capture_output=True, text=True)
    before = query(old, "SELECT count(*) FROM cases")[0][0]
    res = run_cli(old, "db", "up")
    assert res.returncode == 0, res.stderr
    fresh = _clone(cluster, "atlas")
    assert schema(old) == schema(fresh)
    assert before == 300 and aggregates_equal_raw(old)
