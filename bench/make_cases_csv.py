"""Write N synthetic cases of the demo district as a CSV, as a hotline extract would look.

    .venv/bin/python bench/make_cases_csv.py 1000000 /tmp/cases_1m.csv
"""
import datetime as dt
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

from geo import demo  # noqa: E402


def main(n: int, out: str, seed: int = 99) -> None:
    now = dt.datetime.now(ZoneInfo("Asia/Shanghai")).replace(microsecond=0)
    geo = demo.build_geography(7, 1500)
    mgmt = demo.build_management(geo.sites, now.date(), 7)
    frames = []
    for chunk in demo.generate_cases(geo, mgmt, n, now, seed):
        frames.append(chunk)
    df = pd.concat(frames)
    csv = pd.DataFrame({
        "external_id": "B" + df["external_id"].str[1:], "category": df["category_code"],
        "status": df["status"], "reported_at": df["reported_at"].dt.strftime("%Y-%m-%d %H:%M:%S"),
        "closed_at": df["closed_at"].dt.strftime("%Y-%m-%d %H:%M:%S"),
        "escalation": df["escalation"], "satisfaction": df["satisfaction"],
        "lon": df["lon"].round(6), "lat": df["lat"].round(6),
        "reporter_name": df["reporter_name"], "reporter_phone": df["reporter_phone"]})
    csv.to_csv(out, index=False)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
