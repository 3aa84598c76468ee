"""A tiny district written by hand, whose answers are known: two communities side by side.

    120.30          120.31          120.32
 36.08 +---------------+---------------+
       |   C1 (west)   |   C2 (east)   |
       |  [S1]  [S2]   |     [S3]      |
 36.06 +---------------+---------------+
"""
from __future__ import annotations

import json
from pathlib import Path

DISTRICT = "POLYGON((120.30 36.06, 120.32 36.06, 120.32 36.08, 120.30 36.08, 120.30 36.06))"
C1 = "POLYGON((120.30 36.06, 120.31 36.06, 120.31 36.08, 120.30 36.08, 120.30 36.06))"
C2 = "POLYGON((120.31 36.06, 120.32 36.06, 120.32 36.08, 120.31 36.08, 120.31 36.06))"
SITES = {
    "S1": ("open_courtyard", 120, "POLYGON((120.301 36.061, 120.304 36.061, 120.304 36.064, 120.301 36.064, 120.301 36.061))"),
    "S2": ("compound", 300, "POLYGON((120.305 36.061, 120.308 36.061, 120.308 36.064, 120.305 36.064, 120.305 36.061))"),
    "S3": ("open_courtyard", 80, "POLYGON((120.312 36.070, 120.315 36.070, 120.315 36.073, 120.312 36.073, 120.312 36.070))"),
}


def geojson(path: Path, rows: list[dict], wkts: list[str]) -> Path:
    import shapely

    feats = [{"type": "Feature", "properties": r,
              "geometry": json.loads(shapely.to_geojson(shapely.from_wkt(w)))}
             for r, w in zip(rows, wkts)]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats},
                               ensure_ascii=False), encoding="utf-8")
    return path


def csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.strip().encode(encoding) + b"\n")
    return path


def seed_reference(url: str) -> None:
    from geo import db, demo

    conn = db.connect(url)
    with db.transaction(conn) as cur:
        demo.seed_reference(cur)
    conn.close()


def build(url: str, folder: Path, run_cli) -> None:
    """Import the tiny district through the command line, as a user would."""
    steps = [
        ("district", geojson(folder / "district.geojson",
                             [{"code": "D1", "name": "小区县"}], [DISTRICT])),
        ("streets", geojson(folder / "streets.geojson",
                            [{"code": "T1", "name": "一街道"}], [DISTRICT])),
        ("communities", geojson(folder / "communities.geojson",
                                [{"code": "C1", "name": "西社区", "street_code": "T1"},
                                 {"code": "C2", "name": "东社区", "street_code": "T1"}], [C1, C2])),
        ("sites", geojson(folder / "sites.geojson",
                          [{"external_id": k, "name": f"{k}院", "kind": v[0], "households": v[1]}
                           for k, v in SITES.items()], [v[2] for v in SITES.values()])),
    ]
    for kind, path in steps:
        res = run_cli(url, "import", kind, str(path))
        assert res.returncode == 0, res.stderr
    seed_reference(url)
