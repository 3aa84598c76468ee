"""Changes made in the app: management periods, site and people fields, assignments, outlines,
and the change log that records each of them. Table and column names come from the allow-lists
of geo.editing and go in as identifiers."""
from __future__ import annotations

from psycopg2 import sql

from geo.sql import assignments, compose, district_midnight, names

# ---------------------------------------------------------------- management
CURRENT_MANAGEMENT = sql.SQL("""
SELECT s.id AS site_id, s.name, m.id AS management_id, coalesce(m.mode, 'none') AS mode,
       m.provider, coalesce(m.party_led, false) AS party_led, m.valid_from
FROM sites s
LEFT JOIN management m ON m.site_id = s.id AND m.street_code = s.street_code AND m.valid_to IS NULL
WHERE s.id = ANY(%s) ORDER BY s.id""")

SITES_OF_COMMUNITY = sql.SQL("""
SELECT s.id, s.name FROM sites s
WHERE s.community_code = (SELECT community_code FROM sites WHERE id = %s)
  AND s.kind <> 'building_cluster'
ORDER BY s.name""")

SITES_IN_AREA = sql.SQL("""
SELECT s.id, s.name FROM sites s
WHERE s.community_code = %s AND s.kind <> 'building_cluster'
  AND ST_Intersects(s.geom, ST_SetSRID(ST_GeomFromGeoJSON(%s), 4326))
ORDER BY s.name""")

LOCK_SITES_WITH_OPEN_MANAGEMENT = sql.SQL("""
SELECT s.id, s.name, s.street_code, s.community_code, m.id, m.valid_from
FROM sites s
LEFT JOIN management m ON m.site_id = s.id AND m.street_code = s.street_code AND m.valid_to IS NULL
WHERE s.id = ANY(%s) ORDER BY s.id FOR UPDATE OF s""")

LAST_MANAGEMENT_FROM = sql.SQL("SELECT max(valid_from) FROM management WHERE site_id = %s")

CLOSE_MANAGEMENT = sql.SQL("UPDATE management SET valid_to = %s WHERE id = %s")

OPEN_MANAGEMENT = sql.SQL("""
INSERT INTO management (site_id, street_code, community_code, mode, provider, party_led,
                        valid_from)
VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id""")

# ---------------------------------------------------------------- change log
# The audit log gets one entry per batch, the change log one per changed row.
AUDIT_EDIT = sql.SQL("""
INSERT INTO audit_log (user_name, action, detail)
SELECT %s, 'edit', jsonb_build_object('batch', %s::text, 'table', %s::text)
WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE batch = %s)""")

LOG_CHANGE = sql.SQL("""
INSERT INTO change_log (batch, user_name, street_code, community_code, table_name, row_id,
                        site_id, action, before, after)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)""")

LAST_BATCH = sql.SQL("""
SELECT batch FROM change_log
WHERE user_name IS NOT DISTINCT FROM %s AND NOT undone
ORDER BY at DESC, id DESC LIMIT 1""")

BATCH_ENTRIES = sql.SQL("""
SELECT id, table_name, row_id, action, before, after FROM change_log
WHERE batch = %s ORDER BY id DESC""")

MARK_UNDONE = sql.SQL("UPDATE change_log SET undone = true WHERE batch = %s")

AUDIT_UNDO = sql.SQL("""
INSERT INTO audit_log (user_name, action, detail)
VALUES (%s, 'undo', jsonb_build_object('batch', %s::text))""")

SITE_CHANGES = sql.SQL("""
SELECT at, user_name, action, before->>'mode' AS mode_before, after->>'mode' AS mode_after,
       coalesce(after->>'valid_from', before->>'valid_from') AS valid_from,
       after->>'valid_to' AS valid_to, undone
FROM change_log WHERE site_id = %s ORDER BY at DESC, id DESC""")

CHANGES = compose("""
SELECT c.at, c.user_name, s.name AS site, c.community_code, c.table_name, c.action,
       c.before::text AS before, c.after::text AS after, c.undone
FROM change_log c LEFT JOIN sites s ON s.id = c.site_id
WHERE c.at >= {first_day} AND c.at < {day_after} ORDER BY c.at DESC""",
                  first_day=district_midnight("%s::date"),
                  day_after=district_midnight("%s::date + 1"))


def record(table: str) -> sql.Composed:
    """A row of ``table`` by id, as JSON: what the change log keeps before and after."""
    return compose("SELECT to_jsonb(t) FROM {table} t WHERE id = %s", table=sql.Identifier(table))


def delete_row(table: str) -> sql.Composed:
    return compose("DELETE FROM {table} WHERE id = %s", table=sql.Identifier(table))


def close_period(table: str) -> sql.Composed:
    """Put back a period's end (``valid_to``) of a row of ``table``."""
    return compose("UPDATE {table} SET valid_to = %s WHERE id = %s", table=sql.Identifier(table))


# ---------------------------------------------------------------- fields of sites and people
def fields_of(table: str, fields: tuple[str, ...], *, lock: bool = False) -> sql.Composed:
    """``fields`` of a row of ``table`` by id, then its street and community; ``lock`` takes
    the row for the rest of the transaction."""
    return compose("SELECT {fields}, street_code, community_code FROM {table} WHERE id = %s"
                   + (" FOR UPDATE" if lock else ""),
                   fields=names(fields), table=sql.Identifier(table))


def rows_of(table: str, fields: tuple[str, ...], where: str) -> sql.Composed:
    """id and ``fields`` of ``table``'s rows by ``where`` (a column of this module's callers),
    ordered by name: what the table editors show."""
    return compose("SELECT id, {fields} FROM {table} WHERE {where} = %s ORDER BY name",
                   fields=names(fields), table=sql.Identifier(table), where=sql.Identifier(where))


def update_fields(table: str, fields: tuple[str, ...]) -> sql.Composed:
    return compose("UPDATE {table} SET {values} WHERE id = %s",
                   table=sql.Identifier(table), values=assignments(fields))


COMMUNITY_PEOPLE = sql.SQL("""
SELECT id, external_id, name, role, title, phone FROM people
WHERE community_code = %s ORDER BY role, name""")

COMMUNITY_STREET = sql.SQL("SELECT street_code FROM communities WHERE code = %s")

ADD_PERSON = sql.SQL("""
INSERT INTO people (external_id, name, role, title, street_code, community_code, phone)
VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id""")

# ---------------------------------------------------------------- assignments
ASSIGNABLE_PEOPLE = sql.SQL("""
SELECT p.id, p.name, p.role FROM people p
WHERE p.street_code = (SELECT street_code FROM sites WHERE id = %s)
  AND p.role IN ('street_cadre', 'grid_worker', 'social_worker')
ORDER BY p.role, p.name""")

DISTRICT_LEADERS = sql.SQL("SELECT id, name, title FROM people WHERE role = %s ORDER BY name")

SITE_TARGET = sql.SQL("SELECT name, street_code, community_code FROM sites WHERE id = %s")

COMMUNITY_TARGET = sql.SQL("SELECT name, street_code, code FROM communities WHERE code = %s")

PERSON = sql.SQL("SELECT name, street_code, role FROM people WHERE id = %s")

ASSIGNED_ALREADY = sql.SQL("""
SELECT 1 FROM assignments WHERE person_id = %s AND target_kind = %s
AND community_code = %s AND site_id IS NOT DISTINCT FROM %s
AND (valid_to IS NULL OR valid_to > %s)""")

ASSIGN = sql.SQL("""
INSERT INTO assignments (person_id, target_kind, community_code, street_code, site_id,
                         valid_from)
VALUES (%s, %s, %s, %s, %s, %s) RETURNING id""")

COMMUNITY_LEADERS = sql.SQL("""
SELECT a.id, p.name, a.valid_from FROM assignments a JOIN people p ON p.id = a.person_id
WHERE a.community_code = %s AND a.target_kind = 'community' AND a.valid_to IS NULL
ORDER BY p.name""")

OPEN_ASSIGNMENTS = sql.SQL("""
SELECT a.id, p.name, p.role, a.valid_from FROM assignments a
JOIN people p ON p.id = a.person_id
WHERE a.site_id = %s AND a.valid_to IS NULL ORDER BY p.role, p.name""")

LOCK_OPEN_ASSIGNMENT = sql.SQL("""
SELECT a.valid_from, p.name FROM assignments a
JOIN people p ON p.id = a.person_id
WHERE a.id = %s AND a.valid_to IS NULL FOR UPDATE OF a""")

END_ASSIGNMENT = sql.SQL("UPDATE assignments SET valid_to = %s WHERE id = %s")

# ---------------------------------------------------------------- outlines
LOCK_COMMUNITY = sql.SQL("""
SELECT name, street_code, name_en FROM communities WHERE code = %s FOR UPDATE""")

LOCK_GRID = sql.SQL("""
SELECT name FROM grids WHERE code = %s AND community_code = %s FOR UPDATE""")

LOCK_SITE_OF_COMMUNITY = sql.SQL("""
SELECT external_id, name, kind, households, buildings, built_year, owners_committee,
       owners_committee_party, party_org, demonstration
FROM sites WHERE id = %s AND community_code = %s FOR UPDATE""")

SITE_BY_EXTERNAL_ID = sql.SQL("SELECT id, street_code, community_code FROM sites WHERE external_id = %s")

COMMUNITY_GRIDS = sql.SQL("SELECT code, name FROM grids WHERE community_code = %s ORDER BY name")


def _key_column(table: str) -> sql.Identifier:
    return sql.Identifier("id" if table == "sites" else "code")


def snapshot(table: str, *, lock: bool = False) -> sql.Composed:
    """A site's (id), community's or grid's (code) row as the change log keeps it: every
    column, the geometry as WKT. ``lock`` takes the row for the rest of the transaction."""
    return compose("SELECT to_jsonb(t) - 'geom' || jsonb_build_object('geom', ST_AsText(t.geom)) "
                   "FROM {table} t WHERE {key} = %s" + (" FOR UPDATE" if lock else ""),
                   table=sql.Identifier(table), key=_key_column(table))


def outline(table: str) -> sql.Composed:
    """The first polygon of an outline as GeoJSON, and how many polygons it has."""
    return compose("SELECT ST_AsGeoJSON(ST_GeometryN(geom, 1), 7), ST_NumGeometries(geom) "
                   "FROM {table} WHERE {key} = %s",
                   table=sql.Identifier(table), key=_key_column(table))


# The stored sites a drawn polygon overlaps by more than %(share)s of the smaller one.
OVERLAPPING_SITES = sql.SQL("""
WITH d AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON(%(geometry)s), 4326) AS g)
SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(
           json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(t.geom, 7)::json,
                             'properties', json_build_object('id', t.id, 'name', t.name))),
           '[]'))
FROM sites t, d
WHERE ST_IsValid(d.g) AND ST_Intersects(t.geom, d.g) AND t.id IS DISTINCT FROM %(exclude)s
  AND ST_Area(ST_Intersection(t.geom, d.g)) > %(share)s * LEAST(ST_Area(t.geom), ST_Area(d.g))""")

SITE_MANAGEMENT_HISTORY = sql.SQL("""
SELECT coalesce(jsonb_agg(to_jsonb(m) ORDER BY valid_from), '[]')
FROM management m WHERE site_id = %s""")

DELETE_SITE = sql.SQL("DELETE FROM sites WHERE id = %s")
