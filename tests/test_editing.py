"""Recording management changes: history kept, dates checked, undo, concurrent edits, scope."""
import datetime as dt

import psycopg2.errors
import pytest

from geo import db, editing, stats, users
from geo.editing import changelog, management, people, shapes, sites
from geo.errors import InputError
from tests.conftest import query
from tests.test_case_stats import aggregates_equal_raw

STREET, COMMUNITY, OTHER_STREET = "370202005", "370202005001", "370202009"
PASSWORD = "correct horse 42"


@pytest.fixture
def street_user(demo_copy_url):
    owner = db.connect(demo_copy_url)
    users.add(owner, "street5", "street", PASSWORD, scope=STREET)
    users.add(owner, "leader", "district", PASSWORD)
    return demo_copy_url, db.connect_as(users.get(owner, "street5"), demo_copy_url)


def free_spot(url, community) -> tuple[float, float]:
    """A point inside ``community`` with no site within about 40 m: room to draw a site."""
    (px, py), = query(url, """
        SELECT ST_X(p), ST_Y(p) FROM (
          SELECT (ST_Dump(ST_GeneratePoints(ST_Buffer(c.geom, -0.0003), 300, 1))).geom p
          FROM communities c WHERE c.code = %s) pts
        WHERE NOT EXISTS (SELECT 1 FROM sites s WHERE ST_DWithin(s.geom, pts.p, 0.0004)) LIMIT 1""",
                      (community,))
    return px, py


def unmanaged_sites(url, community=COMMUNITY, n=2):
    return [r[0] for r in query(url, """
        SELECT s.id FROM sites s JOIN management m ON m.site_id = s.id AND m.valid_to IS NULL
        WHERE s.community_code = %s AND m.mode = 'none' AND s.kind <> 'building_cluster'
        ORDER BY s.id LIMIT %s""", (community, n))]


def seen(conn, ids):
    current = management.current_management(conn, ids)
    return dict(zip(current["site_id"], [None if x != x else int(x) for x in current["management_id"]]))


def test_a_change_closes_the_previous_record_and_counts_in_coverage(street_user):
    url, conn = street_user
    ids = unmanaged_sites(url)
    day = dt.date.today()
    before = stats.coverage(db.connect(url), stats.Scope(community=COMMUNITY), as_of=day)[0]
    history_before = query(url, "SELECT count(*) FROM management WHERE site_id = ANY(%s)", (ids,))[0][0]
    management.record_management_change(conn, "street5", ids, management.ManagementChange(
        "self_managed", day, "楼院自治委员会", True), seen(conn, ids))
    after = stats.coverage(db.connect(url), stats.Scope(community=COMMUNITY), as_of=day)[0]
    assert after["managed"] == before["managed"] + len(ids)
    # history: the old record closed on the day, a new one open; nothing overwritten
    assert query(url, "SELECT count(*) FROM management WHERE site_id = ANY(%s)", (ids,))[0][0] == history_before + len(ids)
    rows = query(url, """SELECT mode, valid_from, valid_to FROM management WHERE site_id = %s
                         ORDER BY valid_from DESC LIMIT 2""", (ids[0],))
    assert rows[0] == ("self_managed", day, None) and rows[1][0] == "none" and rows[1][2] == day
    # yesterday's coverage is unchanged (the "as of" view reads the history)
    yesterday = stats.coverage(db.connect(url), stats.Scope(community=COMMUNITY), as_of=day - dt.timedelta(days=1))[0]
    assert yesterday["managed"] == before["managed"]
    log = changelog.site_changes(conn, ids[0])
    assert list(log["action"]) == ["insert", "update"] and set(log["user_name"]) == {"street5"}
    assert query(url, "SELECT user_name, count(*) FROM audit_log WHERE action = 'edit' GROUP BY 1") == [("street5", 1)]


def test_dates_before_the_last_change_are_refused(street_user):
    url, conn = street_user
    ids = unmanaged_sites(url, n=1)
    last = query(url, "SELECT max(valid_from) FROM management WHERE site_id = %s", (ids[0],))[0][0]
    with pytest.raises(InputError, match="not after its last recorded change"):
        management.record_management_change(conn, "street5", ids, management.ManagementChange(
            "commercial", last), seen(conn, ids))
    with pytest.raises(InputError, match="mode"):
        management.record_management_change(conn, "street5", ids, management.ManagementChange(
            "bogus", dt.date.today()), seen(conn, ids))


def test_undo_restores_the_previous_state(street_user):
    url, conn = street_user
    ids = unmanaged_sites(url)
    snapshot = query(url, "SELECT * FROM management WHERE site_id = ANY(%s) ORDER BY id", (ids,))
    management.record_management_change(conn, "street5", ids, management.ManagementChange(
        "commercial", dt.date.today(), "万科物业"), seen(conn, ids))
    assert changelog.undo_last(conn, "street5")
    assert query(url, "SELECT * FROM management WHERE site_id = ANY(%s) ORDER BY id", (ids,)) == snapshot
    assert changelog.undo_last(conn, "street5") is None  # nothing more to undo


def test_a_concurrent_change_is_detected_and_nothing_lost(street_user):
    url, conn = street_user
    ids = unmanaged_sites(url, n=1)
    first_look = seen(conn, ids)  # two users open the same site
    other = db.connect(url)
    management.record_management_change(other, "someone", ids, management.ManagementChange(
        "commercial", dt.date.today(), "保利物业"), seen(other, ids))
    with pytest.raises(editing.StaleEdit, match="changed by someone else"):
        management.record_management_change(conn, "street5", ids, management.ManagementChange(
            "self_managed", dt.date.today() + dt.timedelta(days=1)), first_look)
    assert query(url, "SELECT mode, provider FROM management WHERE site_id = %s AND valid_to IS NULL",
                 (ids[0],)) == [("commercial", "保利物业")]


def test_outside_the_scope_and_district_users_cannot_change(street_user):
    url, conn = street_user
    theirs = unmanaged_sites(url, community="370202009001", n=1) or [
        query(url, "SELECT min(id) FROM sites WHERE street_code = %s", (OTHER_STREET,))[0][0]]
    with pytest.raises(InputError, match="not a site you may change"):
        management.record_management_change(conn, "street5", theirs, management.ManagementChange(
            "commercial", dt.date.today()), {theirs[0]: None})
    leader = db.connect_as(users.get(db.connect(url), "leader"), url)
    ids = unmanaged_sites(url, n=1)
    with pytest.raises(InputError):
        management.record_management_change(leader, "leader", ids, management.ManagementChange(
            "commercial", dt.date.today()), seen(leader, ids))
    assert query(url, "SELECT count(*) FROM change_log")[0][0] == 0


def test_table_edits_are_checked_logged_undoable_and_stale_aware(street_user):
    url, conn = street_user
    seen_table = sites.community_sites(conn, COMMUNITY)
    edited = seen_table.copy()
    edited.loc[0, "households"] = int(edited.loc[0, "households"]) + 7
    edited.loc[1, "name"] = "新名字院"
    assert sites.update_sites(conn, "street5", seen_table, edited) == 2
    site0 = int(seen_table.loc[0, "id"])
    assert query(url, "SELECT households FROM sites WHERE id = %s", (site0,))[0][0] == int(seen_table.loc[0, "households"]) + 7
    assert set(changelog.site_changes(conn, site0)["action"]) == {"update"}
    bad = sites.community_sites(conn, COMMUNITY)
    fresh = bad.copy()
    bad.loc[0, "built_year"] = 2999
    with pytest.raises(InputError, match="built_year"):
        sites.update_sites(conn, "street5", fresh, bad)
    # someone else changes a site after this user loaded the table (seen_table is stale now)
    again = seen_table.copy()
    again.loc[0, "buildings"] = 99
    with pytest.raises(editing.StaleEdit, match="changed by someone else"):
        sites.update_sites(conn, "street5", seen_table, again)
    # a message of the undo names the table now

    assert changelog.undo_last(conn, "street5")
    assert query(url, "SELECT households FROM sites WHERE id = %s", (site0,))[0][0] == int(seen_table.loc[0, "households"])
    assert query(url, "SELECT name FROM sites WHERE id = %s", (int(seen_table.loc[1, "id"]),))[0][0] == seen_table.loc[1, "name"]


def test_assigning_a_cadre_closes_the_gap_and_can_be_undone(street_user):
    from geo import coverage

    url, conn = street_user
    owner = db.connect(url)
    view = coverage.View("370202005", None, as_of=dt.date.today())
    gaps = coverage.sites_without_cadre(owner, view)
    assert len(gaps)
    site_id = int(gaps["id"].iloc[0])
    cadre = people.assignable_people(conn, site_id)
    cadre = int(cadre[cadre["role"] == "street_cadre"]["id"].iloc[0])
    people.assign_person(conn, "street5", cadre, site_id, dt.date.today())
    assert site_id not in set(coverage.sites_without_cadre(owner, view)["id"])
    with pytest.raises(InputError, match="already assigned"):
        people.assign_person(conn, "street5", cadre, site_id, dt.date.today())
    assert changelog.undo_last(conn, "street5")
    assert site_id in set(coverage.sites_without_cadre(owner, view)["id"])


def test_drawn_sites_pass_the_import_checks(street_user):
    url, conn = street_user
    (x0, y0, x1, y1), = query(url, """SELECT ST_XMin(g), ST_YMin(g), ST_XMax(g), ST_YMax(g) FROM
        (SELECT ST_Envelope(geom) g FROM sites WHERE community_code = %s ORDER BY id LIMIT 1) x""",
                              (COMMUNITY,))
    existing_id = query(url, "SELECT id FROM sites WHERE community_code = %s ORDER BY id LIMIT 1", (COMMUNITY,))[0][0]
    on_top = {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}
    attrs = {"name": "新画的院", "kind": "open_courtyard", "households": 40}
    with pytest.raises(InputError) as refused:  # on top of an existing site
        shapes.save_site_shape(conn, "street5", on_top, attrs, community=COMMUNITY)
    assert "overlap" in " ".join(e.message for e in refused.value.errors) or "overlap" in str(refused.value)
    # a free spot inside the community: a small square at a point with no site
    px, py = free_spot(url, COMMUNITY)
    d = 0.0001
    square = {"type": "Polygon", "coordinates": [[[px - d, py - d], [px + d, py - d], [px + d, py + d],
                                                  [px - d, py + d], [px - d, py - d]]]}
    done = shapes.save_site_shape(conn, "street5", square, attrs, community=COMMUNITY)
    assert query(url, "SELECT name, community_code, households FROM sites WHERE id = %s",
                 (done["site_id"],)) == [("新画的院", COMMUNITY, 40)]
    log = changelog.site_changes(conn, done["site_id"])
    assert list(log["action"]) == ["insert"]
    # reshaping keeps the site (same external id) and its attributes
    bigger = {"type": "Polygon", "coordinates": [[[px - 2 * d, py - d], [px + d, py - d], [px + d, py + d],
                                                  [px - 2 * d, py + d], [px - 2 * d, py - d]]]}
    shapes.save_site_shape(conn, "street5", bigger, {}, community=COMMUNITY, site_id=done["site_id"])
    assert query(url, "SELECT households, round(ST_Area(geom::geography)) > 0 FROM sites WHERE id = %s",
                 (done["site_id"],))[0][0] == 40
    # another street's community is not this user's to draw in
    with pytest.raises(InputError, match="not one you may change"):
        shapes.save_site_shape(conn, "street5", square, attrs, community="370202009001")
    assert existing_id


def test_deleting_a_site_keeps_its_cases_and_is_logged(street_user):
    url, conn = street_user
    site_id, n_cases = query(url, """SELECT s.id, count(c.id) FROM sites s JOIN cases c ON c.site_id = s.id
                                     WHERE s.street_code = %s GROUP BY s.id ORDER BY s.id LIMIT 1""", (STREET,))[0]
    total = query(url, "SELECT count(*) FROM cases")[0][0]
    sites.delete_site(conn, "street5", site_id)
    assert query(url, "SELECT count(*) FROM sites WHERE id = %s", (site_id,))[0][0] == 0
    assert query(url, "SELECT count(*) FROM management WHERE site_id = %s", (site_id,))[0][0] == 0
    assert query(url, "SELECT count(*) FROM cases")[0][0] == total  # the cases stay
    # ... in no site now, the per-site pre-aggregate too
    assert query(url, "SELECT count(*) FROM case_site_month WHERE %s::bigint = ANY(site_id)",
                 (site_id,))[0][0] == 0
    # every pre-aggregate still equals the cases, the district's too, which the street's
    # user may not read but whose upkeep runs with the owner's rights
    assert aggregates_equal_raw(url)
    logged = query(url, "SELECT before FROM change_log WHERE site_id = %s AND action = 'delete'", (site_id,))[0][0]
    assert logged["management"] and logged["geom"].startswith("MULTIPOLYGON")
    with pytest.raises(InputError, match="not brought back"):
        changelog.undo_last(conn, "street5")
    other = query(url, "SELECT min(id) FROM sites WHERE street_code = %s", (OTHER_STREET,))[0][0]
    with pytest.raises(InputError, match="not a site you may change"):
        sites.delete_site(conn, "street5", other)
    assert n_cases > 0


def test_people_corrections_are_checked_logged_and_undoable(street_user):
    url, conn = street_user
    seen_people = people.community_people(conn, COMMUNITY)
    assert len(seen_people)
    edited = seen_people.copy()
    edited.loc[0, "phone"] = "13900000000"
    edited.loc[0, "title"] = "网格长"
    assert people.update_people(conn, "street5", seen_people, edited) == 1
    pid = int(seen_people.loc[0, "id"])
    assert query(url, "SELECT phone, title FROM people WHERE id = %s", (pid,)) == [("13900000000", "网格长")]
    bad = people.community_people(conn, COMMUNITY)
    wrong = bad.copy()
    wrong.loc[0, "role"] = "mayor"
    with pytest.raises(InputError, match="role"):
        people.update_people(conn, "street5", bad, wrong)
    with pytest.raises(editing.StaleEdit):
        people.update_people(conn, "street5", seen_people, edited)  # seen is stale now
    assert changelog.undo_last(conn, "street5")
    assert query(url, "SELECT phone FROM people WHERE id = %s", (pid,))[0][0] == seen_people.loc[0, "phone"]


def _shifted(geometry: dict, dx: float, dy: float = 0.0) -> dict:
    return {"type": "Polygon", "coordinates": [[[x + dx, y + dy] for x, y in ring]
                                               for ring in geometry["coordinates"]]}


def test_overlapping_sites_are_found_for_the_map_to_highlight(street_user):
    url, conn = street_user
    site_id, name = query(url, "SELECT id, name FROM sites WHERE community_code = %s ORDER BY id LIMIT 1",
                          (COMMUNITY,))[0]
    shape = shapes.outline(conn, "sites", site_id)
    found = shapes.overlapping_sites(conn, shape)
    assert [(f["properties"]["id"], f["properties"]["name"]) for f in found["features"]] == [(site_id, name)]
    assert shapes.overlapping_sites(conn, shape, exclude=site_id)["features"] == []
    far = _shifted(shape, 1.0)  # a degree east, in the sea: nothing there
    assert shapes.overlapping_sites(conn, far)["features"] == []


def test_community_boundaries_and_grids_are_redrawn_through_the_import_checks(street_user):
    url, conn = street_user
    boundary = shapes.outline(conn, "communities", COMMUNITY)
    assert boundary is not None
    before = query(url, "SELECT ST_Area(geom) FROM communities WHERE code = %s", (COMMUNITY,))[0][0]
    # moved 5 km east it leaves its sites and its street: refused, nothing written
    with pytest.raises(InputError) as refused:
        shapes.save_boundary(conn, "street5", "communities", _shifted(boundary, 0.05), community=COMMUNITY)
    text = "\n".join(refused.value.lines())
    assert "would leave its site" in text and "community '" in text
    assert query(url, "SELECT ST_Area(geom) FROM communities WHERE code = %s", (COMMUNITY,))[0][0] == before
    # the same outline with one vertex nudged is saved and logged
    ring = boundary["coordinates"][0]
    same = {"type": "Polygon", "coordinates": [ring]}
    done = shapes.save_boundary(conn, "street5", "communities", same, community=COMMUNITY)
    assert done["code"] == COMMUNITY
    assert query(url, """SELECT table_name, action FROM change_log WHERE community_code = %s
                         AND table_name = 'communities'""", (COMMUNITY,)) == [("communities", "update")]
    # a grid shrunk to its west half, then a new grid on the freed east half; the old
    # outline as a new grid again overlaps
    import json
    code = query(url, """SELECT code FROM grids WHERE community_code = %s AND ST_NumGeometries(geom) = 1
                         ORDER BY code LIMIT 1""", (COMMUNITY,))[0][0]
    whole = shapes.outline(conn, "grids", code)
    west, east = (json.loads(g) for g in query(url, """
        WITH g AS (SELECT geom, ST_Envelope(geom) e FROM grids WHERE code = %s),
             h AS (SELECT geom, ST_MakeEnvelope(ST_XMin(e), ST_YMin(e), (ST_XMin(e) + ST_XMax(e)) / 2,
                                                ST_YMax(e), 4326) w FROM g)
        SELECT ST_AsGeoJSON(ST_GeometryN(ST_Multi(ST_Intersection(geom, w)), 1), 9),
               ST_AsGeoJSON(ST_GeometryN(ST_Multi(ST_Difference(geom, w)), 1), 9) FROM h""", (code,))[0])
    shapes.save_boundary(conn, "street5", "grids", west, community=COMMUNITY, code=code)
    made = shapes.save_boundary(conn, "street5", "grids", east, community=COMMUNITY, name="新网格")
    assert query(url, "SELECT name, community_code FROM grids WHERE code = %s", (made["code"],)) == [
        ("新网格", COMMUNITY)]
    with pytest.raises(InputError) as overlapping:
        shapes.save_boundary(conn, "street5", "grids", whole, community=COMMUNITY, name="重叠网格")
    assert "overlaps grid" in "\n".join(overlapping.value.lines())
    grid = whole
    with pytest.raises(InputError, match="needs a name"):
        shapes.save_boundary(conn, "street5", "grids", grid, community=COMMUNITY, name=" ")
    # another street's community is refused by row-level security before anything is read
    with pytest.raises(InputError, match="not one you may change"):
        shapes.save_boundary(conn, "street5", "communities", same, community="370202009001")


def test_adding_a_person_is_checked_logged_and_undoable(street_user):
    url, conn = street_user
    pid = people.add_person(conn, "street5", COMMUNITY,
                             {"name": "新网格员", "role": "grid_worker", "phone": "13911112222"})
    assert query(url, "SELECT name, role, street_code, community_code FROM people WHERE id = %s",
                 (pid,)) == [("新网格员", "grid_worker", STREET, COMMUNITY)]
    assert pid in set(people.community_people(conn, COMMUNITY)["id"])
    with pytest.raises(InputError, match="role"):
        people.add_person(conn, "street5", COMMUNITY, {"name": "某人", "role": "mayor"})
    with pytest.raises(InputError, match="phone"):
        people.add_person(conn, "street5", COMMUNITY, {"name": "某人", "role": "grid_worker", "phone": "call me"})
    with pytest.raises(InputError, match="not one you may change|outside"):
        people.add_person(conn, "street5", "370202009001", {"name": "某人", "role": "grid_worker"})
    assert changelog.undo_last(conn, "street5")
    assert query(url, "SELECT count(*) FROM people WHERE id = %s", (pid,))[0][0] == 0


def test_ending_an_assignment_reopens_the_gap_keeps_history_and_can_be_undone(street_user):
    from geo import coverage

    url, conn = street_user
    owner = db.connect(url)
    today = dt.date.today()
    view = coverage.View("370202005", None, as_of=today)
    site_id = int(coverage.sites_without_cadre(owner, view)["id"].iloc[0])
    candidates = people.assignable_people(conn, site_id)
    cadre = int(candidates[candidates["role"] == "street_cadre"]["id"].iloc[0])
    people.assign_person(conn, "street5", cadre, site_id, today - dt.timedelta(days=30))
    assert site_id not in set(coverage.sites_without_cadre(owner, view)["id"])
    assignment = int(people.open_assignments(conn, site_id)["id"].iloc[0])
    with pytest.raises(InputError, match="not after the start"):
        people.end_assignment(conn, "street5", assignment, today - dt.timedelta(days=31))
    people.end_assignment(conn, "street5", assignment, today)
    assert site_id in set(coverage.sites_without_cadre(owner, view)["id"])  # the gap is back
    assert query(url, "SELECT valid_to FROM assignments WHERE id = %s", (assignment,)) == [(today,)]
    with pytest.raises(editing.StaleEdit):  # ended already
        people.end_assignment(conn, "street5", assignment, today)
    assert changelog.undo_last(conn, "street5")
    assert query(url, "SELECT valid_to FROM assignments WHERE id = %s", (assignment,)) == [(None,)]


def test_district_leaders_cover_communities_logged_and_undoable(street_user):
    from geo import coverage

    url, conn = street_user
    owner = db.connect(url)
    today = dt.date.today()
    view = coverage.View("370202005", None, as_of=today)
    for assignment in people.community_leaders(conn, COMMUNITY)["id"]:
        people.end_assignment(conn, "street5", int(assignment), today)
    assert COMMUNITY in set(coverage.communities_without_leader(owner, view)["code"])
    leader = int(people.district_leaders(conn)["id"].iloc[0])
    people.assign_leader(conn, "street5", leader, COMMUNITY, today)
    assert COMMUNITY not in set(coverage.communities_without_leader(owner, view)["code"])
    with pytest.raises(InputError, match="already assigned"):
        people.assign_leader(conn, "street5", leader, COMMUNITY, today)
    worker = int(people.community_people(conn, COMMUNITY).query("role == 'grid_worker'")["id"].iloc[0])
    with pytest.raises(InputError, match="only district leaders"):
        people.assign_leader(conn, "street5", worker, COMMUNITY, today)
    with pytest.raises(InputError, match="may change|outside"):
        people.assign_leader(conn, "street5", leader, "370202009001", today)
    assert changelog.undo_last(conn, "street5")
    assert COMMUNITY in set(coverage.communities_without_leader(owner, view)["code"])


def test_two_reshapes_of_one_outline_lose_neither(street_user):
    url, conn = street_user
    site_id = query(url, """SELECT id FROM sites WHERE community_code = %s AND ST_NumGeometries(geom) = 1
                            ORDER BY id LIMIT 1""", (COMMUNITY,))[0][0]
    start = shapes.outline(conn, "sites", site_id)
    seen = shapes.outline_version(start)
    ring = start["coordinates"][0]
    cx = sum(x for x, _ in ring[:-1]) / (len(ring) - 1)
    cy = sum(y for _, y in ring[:-1]) / (len(ring) - 1)

    def shrunk(f):  # the outline pulled towards its centre: inside, overlapping nothing new
        pts = [[cx + (x - cx) * f, cy + (y - cy) * f] for x, y in ring]
        return {"type": "Polygon", "coordinates": [pts]}

    other = db.connect_as(users.get(db.connect(url), "street5"), url)  # a second session
    shapes.save_site_shape(other, "street5", shrunk(0.9), {}, community=COMMUNITY, site_id=site_id,
                            seen=seen)
    after_first = query(url, "SELECT ST_AsText(geom) FROM sites WHERE id = %s", (site_id,))[0][0]
    with pytest.raises(editing.StaleEdit, match="changed by someone else"):
        shapes.save_site_shape(conn, "street5", shrunk(0.8), {}, community=COMMUNITY, site_id=site_id,
                                seen=seen)
    assert query(url, "SELECT ST_AsText(geom) FROM sites WHERE id = %s", (site_id,))[0][0] == after_first
    # started again from the current outline, the second edit goes through
    shapes.save_site_shape(conn, "street5", shrunk(0.8), {}, community=COMMUNITY, site_id=site_id,
                            seen=shapes.outline_version(shapes.outline(conn, "sites", site_id)))
    grid = query(url, "SELECT code FROM grids WHERE community_code = %s AND ST_NumGeometries(geom) = 1 "
                      "ORDER BY code LIMIT 1", (COMMUNITY,))[0][0]
    with pytest.raises(editing.StaleEdit):
        shapes.save_boundary(conn, "street5", "grids", shapes.outline(conn, "grids", grid),
                              community=COMMUNITY, code=grid, seen="not-this-version")


def test_a_street_user_cannot_write_an_outline_into_another_street(street_user):
    """The write itself runs under the user's row-level security: neither a crafted community
    passed to the save function nor the import underneath it (called directly, past the
    save function's own check) puts a site into another street."""
    from geo import db as geo_db
    from geo.importing import run

    url, conn = street_user
    other = "370202009001"  # a community of another street
    px, py = free_spot(url, other)
    d = 0.0001
    square = {"type": "Polygon", "coordinates": [[[px - d, py - d], [px + d, py - d], [px + d, py + d],
                                                  [px - d, py + d], [px - d, py - d]]]}
    before = query(url, "SELECT count(*) FROM sites")
    attrs = {"name": "越界的院", "kind": "open_courtyard", "households": 10}
    with pytest.raises(InputError, match="not one you may change|outside the area"):
        shapes.save_site_shape(conn, "street5", square, attrs, community=other)
    with pytest.raises((InputError, psycopg2.errors.InsufficientPrivilege)) as refused:
        with geo_db.transaction(conn) as cur:
            run.import_drawn(cur, "sites", {**attrs, "external_id": "CRAFTED-1",
                                            "community_code": other}, square, "crafted")
    assert "overlap" not in str(getattr(refused.value, "errors", "")), refused.value
    assert query(url, "SELECT count(*) FROM sites") == before
    assert query(url, "SELECT count(*) FROM sites WHERE external_id = 'CRAFTED-1'") == [(0,)]
    # the owner, by contrast, may put it there: the refusal above is the user's, not the shape's
    owner = geo_db.connect(url)
    with geo_db.transaction(owner) as cur:
        run.import_drawn(cur, "sites", {**attrs, "external_id": "CRAFTED-1", "community_code": other},
                         square, "crafted")
    assert query(url, "SELECT community_code FROM sites WHERE external_id = 'CRAFTED-1'") == [(other,)]
