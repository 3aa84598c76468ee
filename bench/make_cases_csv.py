"""Write N synthetic cases of the demo district as a CSV: in the canonical columns, or with
--hotline as the 12345 platform exports them (Chinese headers, status and satisfaction in
words, the category as 一级-二级 by name, the source by name, the address), with
--addresses-only as well without coordinates (placed by their address on import).

    .venv/bin/python bench/make_cases_csv.py 1000000 /tmp/cases_1m.csv
    .venv/bin/python bench/make_cases_csv.py 100000 /tmp/hotline_100k.csv --hotline
    .venv/bin/python bench/make_cases_csv.py 100000 /tmp/addresses_100k.csv --addresses-only
    .venv/bin/python bench/make_cases_csv.py 30000 /tmp/month.csv --month 2026-10

--month YYYY-MM: every case reported in that month (a monthly extract), each closed as long
after its report as generated.
"""
import datetime as dt
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

from geo import demo  # noqa: E402

RATINGS = {5: "满意", 4: "基本满意", 3: "一般", 2: "不满意", 1: "非常不满意"}
LEVELS = {"community": "社区", "street": "街道", "district": "区级"}


def _category_names() -> dict[str, str]:
    """Each demo category's code → 一级-二级 by name (a level-1 one by its name alone)."""
    out = {}
    for cat in demo.CONFIG["categories"]:
        out[cat["code"]] = cat["name"]
        out.update({c["code"]: f"{cat['name']}-{c['name']}" for c in cat["children"]})
    return out


def _into_month(df: pd.DataFrame, month: str, now: dt.datetime) -> pd.DataFrame:
    """The cases moved into ``month``: each keeps its time of day and its time to close; a
    closing that would lie after ``now`` is put an hour before it."""
    start = pd.Timestamp(f"{month}-01", tz=now.tzinfo)
    days = (start + pd.offsets.MonthBegin(1) - start).days
    reported = df["reported_at"]
    moved = start + pd.to_timedelta(reported.dt.day_of_year % days, unit="D") + (
        reported - reported.dt.normalize())
    closed = (df["closed_at"] - reported + moved).where(df["closed_at"].notna())
    closed = closed.where(closed.isna() | (closed < now), pd.Timestamp(now) - pd.Timedelta(hours=1))
    return df.assign(reported_at=moved, closed_at=closed)


def main(n: int, out: str, seed: int = 99, hotline: bool = False,
         addresses_only: bool = False, month: str | None = None) -> None:
    now = dt.datetime.now(ZoneInfo("Asia/Shanghai")).replace(microsecond=0)
    geo = demo.build_geography(7, 1500)
    mgmt = demo.build_management(geo.sites, now.date(), 7)
    df = pd.concat(list(demo.generate_cases(geo, mgmt, n, now, seed)))
    if month:
        df = _into_month(df, month, now)
    ids = "B" + df["external_id"].str[1:]
    reported = df["reported_at"].dt.strftime("%Y-%m-%d %H:%M:%S")
    closed = df["closed_at"].dt.strftime("%Y-%m-%d %H:%M:%S")
    lon, lat = df["lon"].round(6), df["lat"].round(6)
    if hotline or addresses_only:
        sources = {s["code"]: s["name"] for s in demo.CONFIG["sources"]}
        csv = pd.DataFrame({
            "工单编号": ids, "受理时间": reported,
            "问题分类": df["category_code"].map(_category_names()),
            "办理状态": df["status"].map({"closed": "已办结", "open": "办理中"}),
            "办结时间": closed, "满意度": df["satisfaction"].map(RATINGS).fillna("未评价"),
            "协调层级": df["escalation"].map(LEVELS), "来源": df["source_code"].map(sources),
            "承办单位": "街道办事处", "诉求地址": df["address"], "经度": lon, "纬度": lat,
            "诉求人": df["reporter_name"], "联系电话": df["reporter_phone"]})
        if addresses_only:
            csv = csv.drop(columns=["经度", "纬度"])
    else:
        csv = pd.DataFrame({
            "external_id": ids, "category": df["category_code"], "status": df["status"],
            "reported_at": reported, "closed_at": closed, "escalation": df["escalation"],
            "satisfaction": df["satisfaction"], "lon": lon, "lat": lat,
            "reporter_name": df["reporter_name"], "reporter_phone": df["reporter_phone"]})
    csv.to_csv(out, index=False)


if __name__ == "__main__":
    flags = sys.argv[3:]
    main(int(sys.argv[1]), sys.argv[2], hotline="--hotline" in flags,
         addresses_only="--addresses-only" in flags,
         month=flags[flags.index("--month") + 1] if "--month" in flags else None)
