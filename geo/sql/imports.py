"""The imports' writers: validated, canonical frames into PostGIS, keyed and repeatable.

Each writer runs inside the caller's transaction, so a file is all-or-nothing. Checks that need
the database (parent codes, overlaps, containment, locating cases) return row errors before
anything is written. Geometry arrives as shapely objects in EPSG:4326.
"""
from __future__ import annotations

import io
import time
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd
import psycopg2.errors
from psycopg2 import sql
from psycopg2.extras import execute_values

from geo.cubes import CUBES, Cube
from geo.errors import RowError
from geo.sql import compose, cubes as cubes_sql, names

OVERLAP_SHARE = 0.01  # an area may overlap another of its kind by at most 1 % of the smaller one
OUTSIDE_SHARE = 0.01  # ... and lie outside its parent by at most 1 % of its own area


@dataclass
class LoadResult:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged}


def _wkb(geoms) -> list[bytes | None]:
    import shapely  # here: an import of cases (points as lon/lat) does without it

    return [None if g is None else shapely.to_wkb(shapely.force_2d(g), hex=False) for g in geoms]


def _py(value):
    """numpy/pandas scalars → plain Python values (NaN/NaT/NA → None) for psycopg2."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if value is pd.NA:
        return None
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


GEOMETRY_TYPES = {"MultiPolygon": "geometry(MultiPolygon, 4326)", "Point": "geometry(Point, 4326)"}


def _create_temp(name: str, columns: dict[str, str]) -> sql.Composed:
    """CREATE TEMP TABLE of ``columns`` (name → type, both from this module), dropped at commit."""
    return compose("CREATE TEMP TABLE {name} ({columns}) ON COMMIT DROP", name=sql.Identifier(name),
                   columns=sql.SQL(", ").join(sql.SQL("{} {}").format(sql.Identifier(c), sql.SQL(t))
                                              for c, t in columns.items()))


def _stage(cur, name: str, columns: dict[str, str], frame: pd.DataFrame,
           geometry: str | None = None) -> None:
    """Create a temporary table ``name`` and fill it with the frame's rows (row_no first)."""
    cols = {"row_no": "integer", **columns}
    if geometry:
        cols["geom"] = GEOMETRY_TYPES[geometry]
    cur.execute(_create_temp(name, cols))
    columns_ = list(cols)
    rows = []
    geoms = _wkb(frame["geometry"]) if geometry else None
    for i, rec in enumerate(frame[["row_no", *columns]].itertuples(index=False)):
        row = [_py(v) for v in rec]
        if geometry:
            row.append(geoms[i])
        rows.append(row)
    values = ", ".join(["%s"] * (len(columns_) - (1 if geometry else 0))) + (
        ", ST_Multi(ST_GeomFromWKB(%s, 4326))" if geometry == "MultiPolygon" else
        ", ST_GeomFromWKB(%s, 4326)" if geometry else "")
    table = sql.Identifier(name)
    execute_values(cur, compose("INSERT INTO {table} ({columns}) VALUES %s", table=table,
                                columns=names(columns_)).as_string(cur), rows,
                   template="(" + values + ")", page_size=2000)
    if geometry:
        cur.execute(compose("CREATE INDEX ON {table} USING gist (geom)", table=table))
    cur.execute(compose("ANALYZE {table}", table=table))


def _row_errors(cur, query: str | sql.Composable, field: str, message: str) -> list[RowError]:
    """Run a query returning (row_no, detail) pairs and turn them into row errors."""
    cur.execute(query, {"outside": OUTSIDE_SHARE, "overlap": OVERLAP_SHARE})
    return [RowError(r[0], field, message.format(*r[1:])) for r in cur.fetchall()]


def _outside_errors(cur, stage: str, key: str, parent: str, parent_key: str, noun: str,
                    parent_noun: str) -> list[RowError]:
    """Staged areas reaching outside their parent (``stage.parent_key`` = ``parent.code``)
    by more than OUTSIDE_SHARE of their own area. Names come from the writers, never users."""
    return _row_errors(cur, compose("""
        SELECT s.row_no, s.{key}, p.code FROM {stage} s JOIN {parent} p ON p.code = s.{parent_key}
        WHERE NOT ST_CoveredBy(s.geom, p.geom)
          AND ST_Area(ST_Difference(s.geom, p.geom)) > %(outside)s * ST_Area(s.geom)
        ORDER BY 1""", key=sql.Identifier(key), stage=sql.Identifier(stage),
        parent=sql.Identifier(parent), parent_key=sql.Identifier(parent_key)), "geometry",
        f"{noun} '{{}}' reaches outside its {parent_noun} {{}} by more than 1 %")


def _overlap_errors(cur, stage: str, table: str, key: str, noun: str) -> list[RowError]:
    """Staged areas overlapping each other, or a stored area the file does not replace, by
    more than OVERLAP_SHARE of the smaller one; the other area is named by key and name."""
    share = "> %(overlap)s * LEAST(ST_Area(a.geom), ST_Area(b.geom))"
    return _row_errors(cur, compose("""
        SELECT a.row_no, a.{key}, b.{key}, b.name FROM {stage} a
        JOIN {stage} b ON a.row_no > b.row_no AND ST_Intersects(a.geom, b.geom)
        WHERE ST_Area(ST_Intersection(a.geom, b.geom)) {share}
        UNION ALL
        SELECT a.row_no, a.{key}, b.{key}, b.name FROM {stage} a
        JOIN {table} b ON b.{key} <> a.{key} AND ST_Intersects(a.geom, b.geom)
        WHERE NOT EXISTS (SELECT 1 FROM {stage} o WHERE o.{key} = b.{key})
          AND ST_Area(ST_Intersection(a.geom, b.geom)) {share}
        ORDER BY 1""", key=sql.Identifier(key), stage=sql.Identifier(stage),
        table=sql.Identifier(table), share=share), "geometry",
        f"{noun} '{{}}' overlaps {noun} '{{}}' ({{}}) by more than 1 % of the smaller one")


def _sets(update: tuple[str, ...], alias: str, source: str, kept: tuple[str, ...] = (),
          kept_when: str = "false") -> sql.Composed:
    """SET each ``update`` column of ``alias`` to ``source``'s, except the ``kept`` ones where
    ``kept_when`` holds for the stored row."""
    return sql.SQL(", ").join(
        sql.SQL("{c} = CASE WHEN {when} THEN {a}.{c} ELSE {s}.{c} END").format(
            c=sql.Identifier(c), when=sql.SQL(kept_when), a=sql.Identifier(alias),
            s=sql.Identifier(source))
        if c in kept else sql.SQL("{c} = {s}.{c}").format(c=sql.Identifier(c),
                                                         s=sql.Identifier(source))
        for c in update)


def _differs(compared: tuple[str, ...], alias: str, source: str) -> sql.Composed:
    """Whether the stored row ``alias`` differs from ``source`` in one of ``compared``."""
    return sql.SQL("({}) IS DISTINCT FROM ({})").format(
        sql.SQL(", ").join(sql.Identifier(alias, c) for c in compared),
        sql.SQL(", ").join(sql.Identifier(source, c) for c in compared))


def upsert(table: str, columns: tuple[str, ...], rows: str | sql.Composable, *, key: str,
           update: tuple[str, ...], compare: tuple[str, ...] | None = None, alias: str | None = None,
           returning: str = "(xmax = 0)", kept: tuple[str, ...] = (),
           kept_when: str = "false") -> sql.Composed:
    """INSERT the ``rows`` (a SELECT giving ``columns``) into ``table``; a row whose ``key``
    (a conflict target) exists updates its ``update`` columns, and only when one of
    ``compare`` (default: ``update``) differs, so that re-importing a file changes nothing.
    RETURNING ``returning``: by default whether each written row was new. The ``kept``
    columns stay as they are where ``kept_when`` holds for the stored row."""
    alias = alias or table
    compared = update if compare is None else compare
    changed = (sql.SQL("WHERE {}").format(_differs(compared, alias, "excluded"))
               if compared else "")
    return compose("""
        INSERT INTO {table} AS {alias} ({columns})
        {rows}
        ON CONFLICT {key} DO UPDATE SET {sets}
        {changed}
        RETURNING {returning}""", changed=changed,
        table=sql.Identifier(table), alias=sql.Identifier(alias), columns=names(columns),
        rows=rows, key=key, returning=returning,
        sets=_sets(update, alias, "excluded", kept, kept_when))


def _counts(cur, query: sql.Composable, params=None) -> tuple[int, int]:
    """Run an upsert returning (xmax = 0) and count (inserted, updated)."""
    cur.execute(query, params)
    flags = [r[0] for r in cur.fetchall()]
    return sum(flags), len(flags) - sum(flags)


def _finish(result: LoadResult, total: int, inserted: int, updated: int) -> LoadResult:
    result.inserted, result.updated = inserted, updated
    result.unchanged = total - inserted - updated
    return result


# ---------------------------------------------------------------- boundaries
def load_district(cur, frame: pd.DataFrame) -> LoadResult:
    _stage(cur, "stage_district", {"code": "text", "name": "text", "name_en": "text",
                                   "timezone": "text"}, frame, "MultiPolygon")
    ins, upd = _counts(cur, upsert(
        "district", ("code", "name", "name_en", "timezone", "geom"),
        "SELECT code, name, name_en, coalesce(timezone, 'Asia/Shanghai'), geom FROM stage_district",
        key="(code)", update=("name", "name_en", "timezone", "geom")))
    return _finish(LoadResult(), len(frame), ins, upd)


def load_streets(cur, frame: pd.DataFrame) -> LoadResult:
    _stage(cur, "stage_streets", {"code": "text", "name": "text", "name_en": "text"},
           frame, "MultiPolygon")
    cur.execute("SELECT code FROM district")
    districts = [r[0] for r in cur.fetchall()]
    if len(districts) != 1:
        return LoadResult(errors=[RowError(None, None,
            "import the district first (python -m geo import district FILE): streets belong to it")])
    ins, upd = _counts(cur, upsert(
        "streets", ("code", "name", "name_en", "district_code", "geom"),
        "SELECT code, name, name_en, %s, geom FROM stage_streets",
        key="(code)", update=("name", "name_en", "geom")), (districts[0],))
    return _finish(LoadResult(), len(frame), ins, upd)


def load_communities(cur, frame: pd.DataFrame) -> LoadResult:
    _stage(cur, "stage_communities", {"code": "text", "name": "text", "name_en": "text",
                                      "street_code": "text"}, frame, "MultiPolygon")
    errors = _row_errors(cur, """
        SELECT row_no, street_code FROM stage_communities s
        WHERE NOT EXISTS (SELECT 1 FROM streets t WHERE t.code = s.street_code) ORDER BY row_no""",
        "street_code", "unknown street code '{}' (import streets first)")
    if errors:
        return LoadResult(errors=errors)
    errors = _outside_errors(cur, "stage_communities", "code", "streets", "street_code",
                             "community", "street")
    errors += _overlap_errors(cur, "stage_communities", "communities", "code", "community")
    # a redrawn boundary keeps its own sites: they would otherwise lie outside every community
    errors += _row_errors(cur, """
        SELECT s.row_no, s.code, t.name FROM stage_communities s
        JOIN sites t ON t.community_code = s.code
        WHERE NOT ST_CoveredBy(t.geom, s.geom)
          AND ST_Area(ST_Difference(t.geom, s.geom)) > %(outside)s * ST_Area(t.geom)
        ORDER BY 1""", "geometry", "community '{}' would leave its site '{}' outside")
    if errors:
        return LoadResult(errors=sorted(errors, key=lambda e: e.row or 0))
    ins, upd = _counts(cur, upsert(
        "communities", ("code", "name", "name_en", "street_code", "geom"),
        "SELECT code, name, name_en, street_code, geom FROM stage_communities",
        key="(code)", update=("name", "name_en", "street_code", "geom")))
    return _finish(LoadResult(), len(frame), ins, upd)


def load_grids(cur, frame: pd.DataFrame) -> LoadResult:
    _stage(cur, "stage_grids", {"code": "text", "name": "text", "community_code": "text"},
           frame, "MultiPolygon")
    errors = _row_errors(cur, """
        SELECT row_no, community_code FROM stage_grids s
        WHERE NOT EXISTS (SELECT 1 FROM communities c WHERE c.code = s.community_code)
        ORDER BY row_no""", "community_code", "unknown community code '{}'")
    if errors:
        return LoadResult(errors=errors)
    errors = _outside_errors(cur, "stage_grids", "code", "communities", "community_code",
                             "grid", "community")
    errors += _overlap_errors(cur, "stage_grids", "grids", "code", "grid")
    if errors:
        return LoadResult(errors=sorted(errors, key=lambda e: e.row or 0))
    ins, upd = _counts(cur, upsert(
        "grids", ("code", "name", "community_code", "street_code", "geom"), """
        SELECT s.code, s.name, s.community_code, c.street_code, s.geom
        FROM stage_grids s JOIN communities c ON c.code = s.community_code""",
        key="(code)", update=("name", "community_code", "street_code", "geom"),
        compare=("name", "community_code", "geom")))
    return _finish(LoadResult(), len(frame), ins, upd)


# ---------------------------------------------------------------- sites
_SITE_COLUMNS = {
    "external_id": "text", "name": "text", "kind": "text", "community_code": "text",
    "households": "integer", "buildings": "integer", "built_year": "integer",
    "owners_committee": "boolean", "owners_committee_party": "boolean",
    "party_org": "boolean", "demonstration": "boolean", "address": "text",
}


def load_sites(cur, frame: pd.DataFrame) -> LoadResult:
    """Sites with their outline, or with a point (their address's doorplate, placed by the
    caller) while the outline waits to be drawn. A new outline takes the cases inside it; a
    row without one keeps the outline already drawn."""
    frame = frame.assign(lon=frame.get("lon"), lat=frame.get("lat"), mode=frame.get("mode"))
    _stage(cur, "stage_sites", {**_SITE_COLUMNS, "lon": "float8", "lat": "float8", "mode": "text"},
           frame, "MultiPolygon")
    cur.execute("""
        ALTER TABLE stage_sites ADD COLUMN location geometry(Point, 4326);
        UPDATE stage_sites SET location = coalesce(ST_PointOnSurface(geom),
                                                   ST_SetSRID(ST_MakePoint(lon, lat), 4326))""")
    # The community is the one holding most of the site (or its point); a site must lie inside it.
    cur.execute("""
        UPDATE stage_sites s SET community_code = best.code
        FROM (SELECT DISTINCT ON (s.row_no) s.row_no, c.code
              FROM stage_sites s JOIN communities c
                ON ST_Intersects(c.geom, coalesce(s.geom, s.location))
              ORDER BY s.row_no, ST_Area(ST_Intersection(c.geom, s.geom)) DESC NULLS LAST) best
        WHERE best.row_no = s.row_no AND s.community_code IS NULL""")
    errors = _row_errors(cur, """
        SELECT row_no, community_code FROM stage_sites s
        WHERE community_code IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM communities c WHERE c.code = s.community_code)""",
        "community_code", "unknown community code '{}'")
    errors += _row_errors(cur, """
        SELECT row_no, external_id FROM stage_sites
        WHERE community_code IS NULL AND atlas_community_at(coalesce(geom, location)) IS NULL""",
        "geometry", "site '{}' lies outside every community")
    errors += _row_errors(cur, """
        SELECT s.row_no, s.external_id, c.code FROM stage_sites s
        JOIN communities c ON c.code = s.community_code
        WHERE s.geom IS NULL AND NOT ST_Intersects(c.geom, s.location)""",
        "lon/lat", "site '{}' lies outside its community {}")
    # placed in a community the user does not see (importing under their own rights)
    errors += _row_errors(cur, """
        SELECT row_no, external_id, atlas_community_at(coalesce(geom, location)) FROM stage_sites
        WHERE community_code IS NULL AND atlas_community_at(coalesce(geom, location)) IS NOT NULL""",
        "community_code", "site '{}' lies in community {}, which you may not change")
    errors += _outside_errors(cur, "stage_sites", "external_id", "communities",
                              "community_code", "site", "community")
    errors += _overlap_errors(cur, "stage_sites", "sites", "external_id", "site")
    if errors:
        return LoadResult(errors=sorted(errors, key=lambda e: e.row or 0))
    # the outlines new or redrawn here: the cases inside them are moved to their site below
    cur.execute("""
        CREATE TEMP TABLE drawn_sites ON COMMIT DROP AS
        SELECT s.external_id FROM stage_sites s LEFT JOIN sites o ON o.external_id = s.external_id
        WHERE s.geom IS NOT NULL AND o.id IS NOT NULL
          AND (o.geom IS NULL OR NOT ST_Equals(o.geom, s.geom))""")
    fields = ("name", "kind", "community_code", "street_code", "grid_code", "households",
              "buildings", "built_year", "owners_committee", "owners_committee_party",
              "party_org", "demonstration", "address", "geom", "location")
    ins, upd = _counts(cur, upsert(
        "sites", ("external_id",) + fields, """
        SELECT s.external_id, s.name, s.kind, s.community_code, c.street_code,
            (SELECT g.code FROM grids g WHERE g.community_code = s.community_code
               AND ST_Intersects(g.geom, s.location) LIMIT 1),
            coalesce(s.households, 0), s.buildings, s.built_year,
            coalesce(s.owners_committee, false), coalesce(s.owners_committee_party, false),
            coalesce(s.party_org, false), coalesce(s.demonstration, false), s.address, s.geom,
            s.location
        FROM stage_sites s JOIN communities c ON c.code = s.community_code""",
        key="(external_id)", update=fields,
        compare=tuple(f for f in fields if f not in ("street_code", "location")),
        kept=("geom", "location"), kept_when="excluded.geom IS NULL AND sites.geom IS NOT NULL"))
    cur.execute(_CASES_TO_DRAWN_SITES)
    # a roster's mode, where it is not the site's mode today: a management period from today
    cur.execute(_ROSTER_MODES)
    changed = cur.fetchall()
    if changed:
        result = load_management(cur, pd.DataFrame(
            changed, columns=["row_no", "site_external_id", "mode", "valid_from"]).assign(
                provider=None, party_led=None, valid_to=None))
        if result.errors:
            return LoadResult(errors=result.errors)
    return _finish(LoadResult(), len(frame), ins, upd)


_ROSTER_MODES = """
SELECT s.row_no, s.external_id, s.mode, (now() AT TIME ZONE district_timezone())::date
FROM stage_sites s JOIN sites o ON o.external_id = s.external_id
LEFT JOIN management m ON m.site_id = o.id AND m.street_code = o.street_code
     AND m.valid_from <= (now() AT TIME ZONE district_timezone())::date
     AND (m.valid_to IS NULL OR m.valid_to > (now() AT TIME ZONE district_timezone())::date)
WHERE s.mode IS NOT NULL AND coalesce(m.mode, 'none') <> s.mode
ORDER BY s.row_no"""


# The cases of a site's community inside its new outline go to it; those it held outside the
# outline go to the site they lie in, or none (the community's cases by their covering index).
_CASES_TO_DRAWN_SITES = """
UPDATE cases c SET site_id = found.site_id
FROM (SELECT c.id, (SELECT min(o.id) FROM sites o
                    WHERE o.community_code = s.community_code AND ST_Intersects(o.geom, c.geom))
             AS site_id
      FROM drawn_sites d JOIN sites s ON s.external_id = d.external_id
      JOIN cases c ON c.community_code = s.community_code AND c.street_code = s.street_code
      WHERE ST_Intersects(s.geom, c.geom) OR c.site_id = s.id) found
WHERE c.id = found.id AND c.site_id IS DISTINCT FROM found.site_id"""


# ---------------------------------------------------------------- management history
def load_management(cur, frame: pd.DataFrame) -> LoadResult:
    _stage(cur, "stage_mgmt", {"site_external_id": "text", "mode": "text", "provider": "text",
                               "party_led": "boolean", "valid_from": "date",
                               "valid_to": "date"}, frame)
    errors = _row_errors(cur, """
        SELECT row_no, site_external_id FROM stage_mgmt m
        WHERE NOT EXISTS (SELECT 1 FROM sites s WHERE s.external_id = m.site_external_id)
        ORDER BY row_no""", "site_external_id", "unknown site '{}' (import sites first)")
    if errors:
        return LoadResult(errors=errors)
    # The new timeline of each site touched: file rows replace records with the same start;
    # every period ends at the next one's start at the latest (closing the previous period).
    cur.execute("""
        CREATE TEMP TABLE mgmt_timeline ON COMMIT DROP AS
        WITH staged AS (
            SELECT s.id AS site_id, s.street_code, s.community_code, m.mode, m.provider,
                   coalesce(m.party_led, false) AS party_led, m.valid_from, m.valid_to, true AS staged
            FROM stage_mgmt m JOIN sites s ON s.external_id = m.site_external_id),
        timeline AS (
            SELECT * FROM staged
            UNION ALL
            SELECT o.site_id, o.street_code, o.community_code, o.mode, o.provider, o.party_led,
                   o.valid_from, o.valid_to, false
            FROM management o
            WHERE o.site_id IN (SELECT site_id FROM staged)
              AND NOT EXISTS (SELECT 1 FROM staged n
                              WHERE n.site_id = o.site_id AND n.valid_from = o.valid_from))
        SELECT *, nullif(LEAST(coalesce(valid_to, 'infinity'::date),
                               coalesce(lead(valid_from) OVER w, 'infinity'::date)),
                         'infinity'::date) AS new_to
        FROM timeline WINDOW w AS (PARTITION BY site_id ORDER BY valid_from)""")
    cur.execute("""
        UPDATE management m SET valid_to = t.new_to, mode = t.mode, provider = t.provider,
            party_led = t.party_led
        FROM mgmt_timeline t
        WHERE m.site_id = t.site_id AND m.valid_from = t.valid_from
          AND (m.valid_to, m.mode, m.provider, m.party_led)
              IS DISTINCT FROM (t.new_to, t.mode, t.provider, t.party_led)
        RETURNING t.staged""")
    touched = cur.fetchall()
    updated = sum(1 for r in touched if r[0])
    cur.execute("""
        INSERT INTO management (site_id, street_code, community_code, mode, provider, party_led,
                                valid_from, valid_to)
        SELECT site_id, street_code, community_code, mode, provider, party_led, valid_from, new_to
        FROM mgmt_timeline t WHERE staged AND NOT EXISTS (
            SELECT 1 FROM management m WHERE m.site_id = t.site_id AND m.valid_from = t.valid_from)""")
    inserted = cur.rowcount
    result = _finish(LoadResult(), len(frame), inserted, updated)
    closed = len(touched) - updated
    if closed:
        result.notes.append(f"closed {closed} earlier periods")
    return result


# ---------------------------------------------------------------- people and assignments
def load_people(cur, frame: pd.DataFrame) -> LoadResult:
    _stage(cur, "stage_people", {"external_id": "text", "name": "text", "role": "text",
                                 "title": "text", "street_code": "text",
                                 "community_code": "text", "phone": "text"}, frame)
    errors = _row_errors(cur, """
        SELECT row_no, street_code FROM stage_people p WHERE street_code IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM streets s WHERE s.code = p.street_code)""",
        "street_code", "unknown street code '{}'")
    errors += _row_errors(cur, """
        SELECT row_no, community_code FROM stage_people p WHERE community_code IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM communities c WHERE c.code = p.community_code)""",
        "community_code", "unknown community code '{}'")
    if errors:
        return LoadResult(errors=sorted(errors, key=lambda e: e.row or 0))
    fields = ("name", "role", "title", "street_code", "community_code", "phone")
    ins, upd = _counts(cur, upsert(
        "people", ("external_id",) + fields, """
        SELECT p.external_id, p.name, p.role, p.title,
               coalesce(p.street_code, c.street_code), p.community_code, p.phone
        FROM stage_people p LEFT JOIN communities c ON c.code = p.community_code""",
        key="(external_id)", update=fields))
    return _finish(LoadResult(), len(frame), ins, upd)


def load_assignments(cur, frame: pd.DataFrame) -> LoadResult:
    _stage(cur, "stage_assign", {"person_external_id": "text", "target_kind": "text",
                                 "target_code": "text", "valid_from": "date",
                                 "valid_to": "date"}, frame)
    cur.execute("""
        CREATE TEMP TABLE assign_resolved ON COMMIT DROP AS
        SELECT a.row_no, p.id AS person_id, a.target_kind, a.valid_from, a.valid_to,
               a.person_external_id, a.target_code,
               coalesce(c.code, s.community_code, g.community_code) AS community_code,
               coalesce(c.street_code, s.street_code, g.street_code) AS street_code,
               s.id AS site_id, g.code AS grid_code
        FROM stage_assign a
        LEFT JOIN people p ON p.external_id = a.person_external_id
        LEFT JOIN communities c ON a.target_kind = 'community' AND c.code = a.target_code
        LEFT JOIN sites s ON a.target_kind = 'site' AND s.external_id = a.target_code
        LEFT JOIN grids g ON a.target_kind = 'grid' AND g.code = a.target_code""")
    errors = _row_errors(cur, """SELECT row_no, person_external_id FROM assign_resolved
        WHERE person_id IS NULL""", "person_external_id", "unknown person '{}' (import people first)")
    errors += _row_errors(cur, """SELECT row_no, target_kind, target_code FROM assign_resolved
        WHERE community_code IS NULL""", "target_code", "unknown {} '{}'")
    if errors:
        return LoadResult(errors=sorted(errors, key=lambda e: e.row or 0))
    ins, upd = _counts(cur, upsert(
        "assignments", ("person_id", "target_kind", "community_code", "street_code", "site_id",
                        "grid_code", "valid_from", "valid_to"), """
        SELECT person_id, target_kind, community_code, street_code, site_id, grid_code,
               valid_from, valid_to FROM assign_resolved""",
        key="""(person_id, target_kind, community_code, coalesce(site_id, 0),
                coalesce(grid_code, ''), valid_from)""", update=("valid_to",)))
    return _finish(LoadResult(), len(frame), ins, upd)


# ---------------------------------------------------------------- addresses
def load_addresses(cur, frame: pd.DataFrame) -> LoadResult:
    """The standard address library, keyed by (road, number): each doorplate's point, the
    street and community it lies in, and its site when given."""
    import shapely

    staged = frame.assign(geometry=shapely.points(frame["lon"].to_numpy(float),
                                                  frame["lat"].to_numpy(float)))
    _stage(cur, "stage_addresses", {"road": "text", "number": "text", "building": "text",
                                    "site_external_id": "text"}, staged, geometry="Point")
    errors = _row_errors(cur, """
        SELECT row_no, site_external_id FROM stage_addresses a
        WHERE site_external_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM sites s WHERE s.external_id = a.site_external_id)
        ORDER BY row_no""", "site_external_id", "unknown site '{}' (import sites first)")
    if errors:
        return LoadResult(errors=errors)
    ins, upd = _counts(cur, upsert(
        "addresses", ("road", "number", "building", "site_id", "street_code", "community_code",
                      "geom"), """
        SELECT a.road, a.number, a.building, s.id, c.street_code, c.code, a.geom
        FROM stage_addresses a
        LEFT JOIN sites s ON s.external_id = a.site_external_id
        LEFT JOIN LATERAL (SELECT code, street_code FROM communities c
                           WHERE ST_Intersects(c.geom, a.geom) ORDER BY code LIMIT 1) c ON true""",
        key="(road, number)", update=("building", "site_id", "street_code", "community_code",
                                      "geom")))
    return _finish(LoadResult(), len(frame), ins, upd)


# ---------------------------------------------------------------- cases
CASE_COLUMNS = ["row_no", "source_code", "external_id", "category_code", "status", "state",
                "escalation", "reported_at", "closed_at", "satisfaction", "lon", "lat",
                "address", "handling_unit", "reporter_name", "reporter_phone", "description",
                "located_by", "community_hint"]
_CASE_TYPES = ["integer", "text", "text", "text", "text", "text", "text", "bigint",
               "bigint", "smallint", "float8", "float8", "text", "text", "text", "text", "text",
               "text", "text"]


# the staged rows, the points and the cubes' staged rows of a large file stay in the
# backend's own memory instead of passing through the kernel 8 MB (the default) at a time
TEMP_BUFFERS = "1GB"

# A large file is written in parts of about this many cases, in time order: each part is
# located on a second connection while this one writes the part before it.
PART_ROWS = 250_000

_WORK_MEM = "SET LOCAL work_mem = '256MB'"  # the joins and sorts of a large file in memory
_POINT_COLUMNS = {"row_no": "integer", "lon": "float8", "lat": "float8", "located_by": "text",
                  "community_hint": "text"}
# where each case landed (``_PLACED``): what the locating connection hands the writing one
_PLACED_COLUMNS = {"row_no": "integer", "community_code": "text", "street_code": "text",
                   "grid_code": "text", "site_id": "bigint", "by_distance": "boolean",
                   "located_by": "text", "has_point": "boolean"}
_LOCATING = ("points", "grid_parts", "community_parts", "grid_hits", "site_hits", "ungridded",
             "community_hits", "placed")


def _csv(frame: pd.DataFrame, columns) -> bytes:
    """The frame's ``columns`` as CSV for COPY (no header)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    buf = io.BytesIO()
    pacsv.write_csv(pa.Table.from_pandas(frame[list(columns)], preserve_index=False), buf,
                    pacsv.WriteOptions(include_header=False, quoting_style="needed"))
    return buf.getvalue()


def _copy(cur, table: str, columns: dict[str, str], rows: bytes,
          computed: dict[str, str] | None = None) -> None:
    """A temporary table of ``columns`` (name → SQL type) filled with ``rows`` (``_csv``) by
    COPY: one round trip, never row by row. ``computed``: more columns, generated from those.
    It replaces one of that name (a file's parts are staged one after another)."""
    cur.execute(compose("DROP TABLE IF EXISTS {table}", table=sql.Identifier(table)))
    cur.execute(_create_temp(table, {**columns, **(computed or {})}))
    _copy_into(cur, table, columns, rows)


def _copy_into(cur, table: str, columns, rows: bytes) -> None:
    """``rows`` (``_csv``) added to ``table``'s ``columns`` by COPY."""
    cur.copy_expert(compose("COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv)",
                            table=sql.Identifier(table), columns=names(columns)).as_string(cur),
                    io.BytesIO(rows))


def _case_rows(frame: pd.DataFrame) -> bytes:
    """A part's cases as CSV for ``stage_cases``, times as epoch seconds (exact, cheap)."""
    out = frame[CASE_COLUMNS].copy()
    epoch = pd.Timestamp(0, tz="UTC")
    for col in ("reported_at", "closed_at"):
        out[col] = pd.array((out[col] - epoch) // pd.Timedelta(seconds=1), dtype="Int64")
    out["satisfaction"] = pd.array(out["satisfaction"], dtype="Int64")
    return _csv(out, CASE_COLUMNS)


def _copy_cases(cur, rows: bytes) -> None:
    """The part's cases (``_case_rows``) staged in ``stage_cases``."""
    _copy(cur, "stage_cases", dict(zip(CASE_COLUMNS, _CASE_TYPES)), rows)


@dataclass
class IdRange:
    """A file's least and greatest case id, and whether a case was stored with an id between
    them before the import wrote any (``_STORED_IN_RANGE``)."""
    low: str
    high: str
    stored_in_range: bool


def _id_range(cur, frame: pd.DataFrame) -> IdRange:
    """The file's ``IdRange``, looked up before any of its cases is written."""
    ids = frame["external_id"]
    if ids.empty:
        return IdRange("", "", True)
    low, high = ids.min(), ids.max()
    cur.execute(_STORED_IN_RANGE, (low, high))
    return IdRange(low, high, cur.fetchone()[0])


def _stage_part(cur, rows: bytes, ids: IdRange) -> bytes:
    """The part to write staged, and which of its cases are stored already (``_STORED``):
    their rows as CSV, for the second connection to group the others."""
    _copy_cases(cur, rows)
    _analyze(cur, "stage_cases")
    cur.execute(_STORED, asdict(ids))
    _analyze(cur, "stored")
    out = io.BytesIO()
    cur.copy_expert("COPY (SELECT row_no FROM stored) TO STDOUT WITH (FORMAT csv)", out)
    return out.getvalue()


# Locating cases: polygons as the outer side of each join, the points' index inside; a point
# in a grid takes the grid's community, the rest are looked up among the communities.
_LOCATE = """
CREATE INDEX ON points USING gist (geom);
-- a sample of 3,000 rows plans the joins as well as the default's 30,000, for a tenth of the
-- cost (a point's statistics are what an ANALYZE spends it on)
SET LOCAL default_statistics_target = 10;
ANALYZE points;
RESET default_statistics_target;
CREATE TEMP TABLE grid_parts ON COMMIT DROP AS
SELECT g.code, g.community_code, c.street_code, ST_Subdivide(g.geom, 32) AS geom
FROM grids g JOIN communities c ON c.code = g.community_code;
CREATE TEMP TABLE community_parts ON COMMIT DROP AS
SELECT code, street_code, ST_Subdivide(geom, 32) AS geom FROM communities;
CREATE INDEX ON community_parts USING gist (geom);
CREATE TEMP TABLE grid_hits ON COMMIT DROP AS
SELECT p.row_no, min(g.code) AS grid_code, min(g.community_code) AS community_code,
       min(g.street_code) AS street_code
FROM grid_parts g JOIN points p ON ST_Intersects(g.geom, p.geom) GROUP BY p.row_no;
CREATE TEMP TABLE site_hits ON COMMIT DROP AS
SELECT p.row_no, min(s.id) AS site_id
FROM sites s JOIN points p ON ST_Intersects(s.geom, p.geom) GROUP BY p.row_no;
CREATE TEMP TABLE ungridded ON COMMIT DROP AS
SELECT p.row_no, p.geom, p.located_by FROM points p
WHERE p.geom IS NOT NULL AND NOT EXISTS (SELECT 1 FROM grid_hits h WHERE h.row_no = p.row_no);
CREATE TEMP TABLE community_hits ON COMMIT DROP AS
SELECT p.row_no, min(c.code) AS community_code, min(c.street_code) AS street_code,
       false AS by_distance
FROM ungridded p JOIN community_parts c ON ST_Intersects(c.geom, p.geom)
GROUP BY p.row_no;
"""

_NEAREST = """
INSERT INTO community_hits (row_no, community_code, street_code, by_distance)
SELECT o.row_no, near.code, near.street_code, true FROM ungridded o
CROSS JOIN LATERAL (
    SELECT c.code, c.street_code FROM communities c
    WHERE ST_DWithin(c.geom::geography, o.geom::geography, %s)
    ORDER BY ST_Distance(c.geom::geography, o.geom::geography) LIMIT 1) near
WHERE NOT EXISTS (SELECT 1 FROM community_hits h WHERE h.row_no = o.row_no)
"""

_OUTSIDE = """
SELECT l.row_no, l.lon, l.lat FROM ungridded o JOIN points l USING (row_no)
WHERE o.located_by = 'coordinates'
  AND NOT EXISTS (SELECT 1 FROM community_hits h WHERE h.row_no = o.row_no)
ORDER BY l.row_no LIMIT 1000
"""

# Where each case landed, as one narrow table: the wide case rows then take part in one join
# instead of three (joins of wide rows dominated a large import; docs/benchmarks.md). A case
# placed by its community's name has that community and no point; a point from an address
# that lies in no community leaves the case unplaced (only coordinates are refused for it).
_PLACED = """
CREATE TEMP TABLE placed ON COMMIT DROP AS
SELECT l.row_no, coalesce(h.community_code, c.community_code, named.code) AS community_code,
       coalesce(h.street_code, c.street_code, named.street_code) AS street_code, h.grid_code,
       s.site_id, coalesce(c.by_distance, false) AS by_distance,
       CASE WHEN coalesce(h.community_code, c.community_code, named.code) IS NULL
            THEN 'unplaced' ELSE l.located_by END AS located_by,
       h.community_code IS NOT NULL OR c.community_code IS NOT NULL AS has_point
FROM points l
LEFT JOIN grid_hits h USING (row_no)
LEFT JOIN community_hits c USING (row_no)
LEFT JOIN site_hits s USING (row_no)
LEFT JOIN communities named ON named.code = l.community_hint
"""

# The rows a part's cases are written as, in the columns of cases: the upsert writes them, and
# the second connection groups those not yet in cases for the cubes (``group_new_cases``).
_CASE_ROWS = """
SELECT s.row_no, s.source_code, s.external_id, s.category_code,
       coalesce(cat.parent_code, cat.code) AS category_l1, s.status, s.state, s.escalation,
       to_timestamp(s.reported_at) AS reported_at, to_timestamp(s.closed_at) AS closed_at,
       s.satisfaction, s.address, s.handling_unit,
       CASE WHEN p.has_point THEN ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326) END AS geom,
       p.site_id, p.grid_code, p.community_code, p.street_code,
       p.by_distance AS assigned_by_distance, p.located_by
FROM stage_cases s
JOIN {placed} p USING (row_no)
JOIN {categories} cat ON cat.code = s.category_code"""


# The part's cases written, keyed by source + external id: the stored ones updated (a row that
# changes nothing is not rewritten), the others inserted by a plain INSERT (ON CONFLICT's
# speculative insertion cost a fifth of the writing: docs/benchmarks.md), then the personal
# data of the rows written, joined by key rather than looked up one by one. A case another
# transaction inserts meanwhile makes the INSERT fail (CasesChangedMeanwhile).
_CASE_FIELDS = ("category_code", "category_l1", "status", "state", "escalation", "reported_at",
                "closed_at", "satisfaction", "address", "handling_unit", "geom", "site_id",
                "grid_code", "community_code", "street_code", "assigned_by_distance",
                "located_by")
# where a person placed a case, a re-import keeps it
_PLACEMENT = ("geom", "site_id", "grid_code", "community_code", "street_code",
              "assigned_by_distance", "located_by")
_PERSONAL = ("street_code", "reporter_name", "reporter_phone", "description")
_WRITTEN = "RETURNING t.id, t.source_code, t.external_id, t.street_code"
_PERSONAL_ROWS = """
    SELECT w.id, w.street_code, l.reporter_name, l.reporter_phone, l.description
    FROM {written} w JOIN stage_cases l USING (source_code, external_id)
    WHERE coalesce(l.reporter_name, l.reporter_phone, l.description) IS NOT NULL"""
# The part's cases already stored, by their staged row: found while the part is located, and
# the writing then planned knowing how many; the second connection groups the others for the
# cubes, which are thus the very cases inserted. One deleted in between stays deleted (as if
# deleted after this import); one inserted in between fails the INSERT. Each row is looked
# up in the key's index (LIMIT 1 keeps the planner from a hash join over all of cases),
# unless no case was stored with an id within the file's range before the import wrote
# (``_STORED_IN_RANGE``) and the part's ids all lie in that range in the database's own
# order: an extract of new cases, whose ids follow the stored ones, then looks up none.
_STORED_IN_RANGE = "SELECT EXISTS (SELECT 1 FROM cases WHERE external_id BETWEEN %s AND %s)"
_STORED = """
DROP TABLE IF EXISTS stored;
CREATE TEMP TABLE stored ON COMMIT DROP AS
SELECT s.row_no, c.id FROM stage_cases s
CROSS JOIN LATERAL (SELECT c.id FROM cases c
                    WHERE c.source_code = s.source_code AND c.external_id = s.external_id
                    LIMIT 1) c
WHERE %(stored_in_range)s
   OR EXISTS (SELECT 1 FROM stage_cases WHERE external_id NOT BETWEEN %(low)s AND %(high)s)"""
_WRITE_CASES = compose("""
WITH rows AS ({rows}
    -- in time order the indexes (community or category, then time) take their new entries
    -- as well as in community order, and one timestamp sorts faster than text and time
    ORDER BY s.reported_at),
changed AS (
    UPDATE cases t SET {sets} FROM stored, rows r
    WHERE t.id = stored.id AND r.row_no = stored.row_no AND {differs}
    {written}),
added AS (
    INSERT INTO cases AS t ({columns})
    SELECT {columns} FROM rows r
    WHERE NOT EXISTS (SELECT 1 FROM stored WHERE stored.row_no = r.row_no)
    {written}),
added_personal AS (
    INSERT INTO case_personal ({personal_columns}) {added_personal}),
changed_personal AS ({changed_personal})
SELECT (SELECT count(*) FROM added), (SELECT count(*) FROM changed)""",
    rows=compose(_CASE_ROWS, placed=sql.Identifier("placed"),
                 categories=sql.Identifier("case_categories")),
    sets=_sets(_CASE_FIELDS, "t", "r", _PLACEMENT, "t.located_by = 'manual'"),
    differs=_differs(("category_code", "status", "state", "escalation", "reported_at",
                      "closed_at", "satisfaction", "address", "handling_unit", "geom",
                      "assigned_by_distance", "located_by"), "t", "r"),
    written=_WRITTEN, columns=names(("source_code", "external_id") + _CASE_FIELDS),
    personal_columns=names(("case_id",) + _PERSONAL),
    added_personal=compose(_PERSONAL_ROWS, written=sql.Identifier("added")),
    changed_personal=upsert(
        "case_personal", ("case_id",) + _PERSONAL,
        compose(_PERSONAL_ROWS, written=sql.Identifier("changed")),
        key="(case_id)", update=_PERSONAL, compare=(), alias="p", returning="1"))


@dataclass
class Located:
    """A part's cases located: where they landed as CSV for COPY (None: in this connection's
    ``placed`` already), the points outside every community, and how many cases were given
    the nearest community."""
    placed: bytes | None
    outside: list[RowError]
    by_distance: int


_POINT = {"geom": "geometry GENERATED ALWAYS AS (CASE WHEN lon IS NOT NULL "
                  "THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END) STORED"}


def locate_cases(cur, frame: pd.DataFrame, nearest_within: float | None, hand_over: bool,
                 keep_as: str | None = None) -> Located:
    """Each case's grid, site and community from its point (or its community's name), by
    PostGIS joins; with ``hand_over``, the result as COPY text for another connection, and the
    ``placed`` table renamed ``keep_as`` to group the part's new cases from later."""
    cur.execute(compose("DROP TABLE IF EXISTS {tables}", tables=names(_LOCATING)))
    cur.execute(_WORK_MEM)
    _copy(cur, "points", _POINT_COLUMNS, _csv(frame, _POINT_COLUMNS), _POINT)
    cur.execute(_LOCATE)
    if nearest_within is not None:
        cur.execute(_NEAREST, (nearest_within,))
    cur.execute(_OUTSIDE)
    outside = cur.fetchall()
    if outside:
        hint = (f" or farther than {nearest_within:g} m from any" if nearest_within is not None
                else " (use --nearest-within METRES for cases just off the boundary)")
        return Located(None, [RowError(r[0], "lon/lat",
                       f"point ({r[1]:.6f}, {r[2]:.6f}) lies outside every community{hint}")
                              for r in outside], 0)
    cur.execute(_PLACED)
    cur.execute("SELECT count(*) FROM placed WHERE by_distance")
    by_distance = cur.fetchone()[0]
    if not hand_over:
        return Located(None, [], by_distance)
    out = io.BytesIO()
    cur.copy_expert(compose("COPY placed ({columns}) TO STDOUT WITH (FORMAT csv)",
                            columns=names(_PLACED_COLUMNS)).as_string(cur), out)
    if keep_as:
        cur.execute(compose("ALTER TABLE placed RENAME TO {name}", name=sql.Identifier(keep_as)))
    return Located(out.getvalue(), [], by_distance)


# without statistics the joins are planned as merge joins (slower for every size)
_ANALYZE_PART = """
SET LOCAL default_statistics_target = 10;
ANALYZE {tables};
RESET default_statistics_target;
"""


def _analyze(cur, *tables: str) -> None:
    cur.execute(compose(_ANALYZE_PART, tables=names(tables)))


# The first part is located in two shares at once: this connection's (it then stages the
# part and finds its stored cases) and the rest on the second one. Writing starts sooner.
HERE_SHARE = 0.3


def _together(here: Located, there: Located) -> Located:
    """A part's places from its two shares."""
    if here.outside or there.outside:
        return Located(None, here.outside + there.outside, 0)
    return Located(here.placed + there.placed, [], here.by_distance + there.by_distance)


def _write_part(cur, located: Located) -> tuple[int, int]:
    """Write the staged part's cases at the places ``located`` gives: (inserted, updated)."""
    if located.placed is not None:
        _copy(cur, "placed", _PLACED_COLUMNS, located.placed)
    _analyze(cur, "placed")  # stage_cases and stored were, while the part was being located
    try:
        cur.execute(_WRITE_CASES)
    except psycopg2.errors.UniqueViolation:
        raise CasesChangedMeanwhile(_CHANGED_MEANWHILE) from None
    inserted, updated = cur.fetchone()
    return inserted, updated


# each cube's rows of a part's new cases, as COPY text
Grouped = list[tuple[Cube, bytes]]


class CasesChangedMeanwhile(Exception):
    """Another transaction wrote some of the file's cases while it was being imported."""


_CHANGED_MEANWHILE = ("another import wrote some of these cases while this one ran; nothing "
                      "was imported: run the import again")


# the categories as the importing transaction sees them (it may have added some), on the
# second connection
_IMPORT_CATEGORIES = "import_categories"
# the part's case rows not stored yet, staged for the cubes straight from the join
_NEW_CASES = """
(SELECT r.* FROM ({rows}) r
 WHERE NOT EXISTS (SELECT 1 FROM stored WHERE stored.row_no = r.row_no)) new_cases"""


def group_new_cases(cur, located: Located, rows: bytes, categories: bytes, placed: str,
                    stored: bytes) -> Grouped | None:
    """On the second connection: the part's cases (``_case_rows``) at their places (the table
    ``placed`` that ``locate_cases`` kept) except the ``stored`` ones (``_stage_part``), and
    each cube's rows of them, grouped as the cubes' trigger groups the cases it is given.
    None for a part with points outside every community (nothing is written)."""
    if located.outside:
        return None
    _copy(cur, _IMPORT_CATEGORIES, {"code": "text", "parent_code": "text"}, categories)
    _copy_cases(cur, rows)
    _copy(cur, "stored", {"row_no": "integer"}, stored)
    _analyze(cur, "stage_cases", placed, _IMPORT_CATEGORIES, "stored")
    new_cases = compose(_NEW_CASES, rows=compose(_CASE_ROWS, placed=sql.Identifier(placed),
                                                 categories=sql.Identifier(_IMPORT_CATEGORIES)))
    cur.execute("SELECT district_timezone()")
    cur.execute(cubes_sql.stage("new_rows", sql.Literal(cur.fetchone()[0]), source=new_cases))
    grouped = []
    for cube in CUBES:
        out = io.BytesIO()
        cur.copy_expert(cubes_sql.grouped(cube).as_string(cur), out)
        if out.tell():
            grouped.append((cube, out.getvalue()))
    cur.execute(compose("DROP TABLE {placed}", placed=sql.Identifier(placed)))
    cur.execute(cubes_sql.unstage("new_rows"))
    return grouped


def _categories(cur) -> bytes:
    """The categories' codes and parents as this transaction sees them, as CSV for COPY."""
    out = io.BytesIO()
    cur.copy_expert("COPY (SELECT code, parent_code FROM case_categories) TO STDOUT "
                    "WITH (FORMAT csv)", out)
    return out.getvalue()


def _add_new_cases(cur, grouped: Grouped) -> None:
    """Add a part's new cases, grouped on the second connection, to the cubes."""
    for cube, rows in grouped:
        create, fill = cubes_sql.delta_table(cube)
        cur.execute(create)
        cur.copy_expert(fill.as_string(cur), io.BytesIO(rows))
        cur.execute(cubes_sql.add_delta(cube))


def _stop(pool: ThreadPoolExecutor, futures: list, locator) -> None:
    """End the second connection's work: what has not started is dropped, what runs is
    cancelled (after an error or a point outside every community), its thread is done, and
    its transaction rolled back: a next attempt (--skip-invalid) starts it afresh."""
    pool.shutdown(wait=False, cancel_futures=True)
    while not all(f.done() for f in futures):
        locator.connection.cancel()
        wait(futures, timeout=0.1)
    pool.shutdown()
    locator.connection.rollback()


def case_parts(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """A file's cases in parts of about PART_ROWS in order of their report (two parts then
    share at most the month and day at their boundary in the cubes), with a first and a last
    part a quarter that size: the first is soon located, so that writing starts early, and the
    last soon grouped, with little left to write beside it."""
    n = -(-len(frame) // PART_ROWS)
    if n <= 1:
        return [frame]
    order = frame["reported_at"].argsort(kind="stable").to_numpy()  # numpy's: Timestamps
    weights = np.array([1] + [4] * n + [1])
    return [frame.iloc[rows] for rows in
            np.split(order, np.cumsum(weights)[:-1] * len(frame) // weights.sum())]


def load_cases(cur, frame: pd.DataFrame, nearest_within: float | None = None,
               locator=None) -> LoadResult:
    """Stage by COPY, locate every case in PostGIS, then write them keyed by source + external
    id. ``locator``, a cursor of a second connection to the same database: the file is written
    in parts (``case_parts``), each located there while this connection writes the part
    before, and each part's new cases grouped there for the cubes while this connection writes
    them (the cubes' trigger then leaves inserted cases to the import). Without one, all in one
    part here, the trigger keeping the cubes."""
    cur.execute(_WORK_MEM)
    parts = case_parts(frame) if locator is not None else [frame]
    seconds = dict.fromkeys(("copy", "locate", "upsert"), 0.0)
    inserted = updated = by_distance = 0
    outside: list[RowError] = []
    pool = ThreadPoolExecutor(1) if locator is not None else None
    # the parts' rows made ready for COPY while the connections work
    preparing = ThreadPoolExecutor(1) if locator is not None else None
    located: list = []
    adding: list = []
    # what this connection hands the second: its share of the first part's places, and each
    # part's stored cases
    located_here: Future = Future()
    stored: list[Future] = [Future() for _ in parts]
    try:
        if pool is not None:
            rows = [preparing.submit(_case_rows, part) for part in parts]
            categories = _categories(cur)
            cut = int(len(parts[0]) * HERE_SHARE)

            def new_cases_of(j: int) -> Grouped | None:
                where = located[j].result()
                if j == 0:  # the places this connection found are added to the second's
                    here = located_here.result()
                    where = _together(here, where)
                    if where.placed is not None:
                        _copy_into(locator, "placed_0", _PLACED_COLUMNS, here.placed)
                return group_new_cases(locator, where, rows[j].result(), categories,
                                       f"placed_{j}", stored[j].result())

            # the second connection's work in order: a part's places one part ahead of the
            # writing, then the new cases of the part before
            for k, part in enumerate(parts + [None]):
                if part is not None:
                    located.append(pool.submit(locate_cases, locator, part.iloc[cut:] if k == 0
                                               else part, nearest_within, True, f"placed_{k}"))
                if k:
                    adding.append(pool.submit(new_cases_of, k - 1))
            cur.execute(cubes_sql.SET_IMPORT_ADDS, ("on",))
        ids = _id_range(cur, frame)  # once the second connection has its work
        for k, part in enumerate(parts):
            t0 = time.perf_counter()
            if pool is not None and k == 0:
                located_here.set_result(locate_cases(cur, part.iloc[:cut], nearest_within, True)
                                        if cut else Located(b"", [], 0))
            t1 = time.perf_counter()
            if outside:  # after one point outside, the rest is only located, to list all
                stored[k].cancel()
            else:
                stored[k].set_result(_stage_part(cur, rows[k].result() if pool is not None
                                                 else _case_rows(part), ids))
            t2 = time.perf_counter()
            # the part's places: located beside the writing of the part before, or here
            if pool is None:
                where = locate_cases(cur, part, nearest_within, False)
            else:
                where = located[k].result()
                if k == 0:
                    where = _together(located_here.result(), where)
            t3 = time.perf_counter()
            outside += where.outside
            if not outside:
                ins, upd = _write_part(cur, where)
                inserted, updated, by_distance = (inserted + ins, updated + upd,
                                                  by_distance + where.by_distance)
                if pool is not None and k:  # the part before's cube rows, grouped meanwhile
                    _add_new_cases(cur, adding[k - 1].result())
            for step, took in (("locate", t1 - t0 + t3 - t2), ("copy", t2 - t1),
                               ("upsert", time.perf_counter() - t3)):
                seconds[step] += took
        if pool is not None and not outside:
            t0 = time.perf_counter()
            _add_new_cases(cur, adding[-1].result())
            cur.execute(cubes_sql.SET_IMPORT_ADDS, ("off",))
            seconds["upsert"] += time.perf_counter() - t0
    finally:
        if pool is not None:
            for handed in [located_here] + stored:  # unless set: no longer waited for
                handed.cancel()
            _stop(pool, located + adding, locator)
            preparing.shutdown(cancel_futures=True)
    if outside:
        return LoadResult(errors=sorted(outside, key=lambda e: e.row)[:1000])
    result = _finish(LoadResult(), len(frame), inserted, updated)
    result.seconds = {step: round(t, 3) for step, t in seconds.items()}
    if by_distance:
        result.notes.append(f"{by_distance} cases assigned to the nearest community by distance")
    return result


# What an address is matched against (geo.addresses.Gazetteer): the doorplates, the sites' names
# with a point inside each, the communities' names, the district's place names, the aliases.
GAZETTEER = {
    "doorplates": sql.SQL("SELECT road, number, ST_X(geom), ST_Y(geom) FROM addresses"),
    "sites": sql.SQL("""SELECT id, name, ST_X(location), ST_Y(location), community_code
                        FROM sites ORDER BY id"""),
    "communities": sql.SQL("SELECT name, code FROM communities ORDER BY code"),
    "place_names": sql.SQL("""SELECT name FROM district UNION SELECT name FROM streets
                              UNION SELECT name FROM communities"""),
    "aliases": sql.SQL("""SELECT alias, site_id, community_code, ST_X(geom), ST_Y(geom)
                          FROM address_aliases"""),
}


# ---------------------------------------------------------------- around the writers
DISTRICT_EXTENT = sql.SQL("""
SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) AS e FROM district) x""")
SAVEPOINT = sql.SQL("SAVEPOINT import_rows")
ROLLBACK_TO_SAVEPOINT = sql.SQL("ROLLBACK TO SAVEPOINT import_rows")
# The district's categories and sources, to match a file's codes and names against.
CATEGORY_NAMES = sql.SQL("SELECT code, name, level, parent_code FROM case_categories")
SOURCE_NAMES = sql.SQL("SELECT code, name FROM case_sources")
ADD_CATEGORY = sql.SQL("INSERT INTO case_categories (code, name, level, parent_code) "
                       "VALUES (%(code)s, %(name)s, CASE WHEN %(parent_code)s IS NULL THEN 1 "
                       "ELSE 2 END, %(parent_code)s)")
# A source met in a file, added with --add-categories: its name is the code until someone names it.
ADD_SOURCE = sql.SQL("INSERT INTO case_sources (code, name) VALUES (%(code)s, %(code)s)")


LOADERS = {
    "district": load_district, "streets": load_streets, "communities": load_communities,
    "grids": load_grids, "sites": load_sites, "management": load_management,
    "people": load_people, "assignments": load_assignments, "addresses": load_addresses,
}
