"""Canonical fields of every import KIND: name, type, whether required, allowed values."""
from __future__ import annotations

from dataclasses import dataclass

MODES = ("commercial", "self_managed", "scenic_co_managed", "enterprise_embedded", "none")
SITE_KINDS = ("compound", "open_courtyard", "building_cluster")
RESIDENTIAL_KINDS = ("compound", "open_courtyard")
PERSON_ROLES = ("district_leader", "street_cadre", "grid_worker", "social_worker")
TARGET_KINDS = ("community", "site", "grid")
ESCALATIONS = ("community", "street", "district")
# how a case got its place (geo.addresses; DESIGN.md)
LOCATED_BY = ("coordinates", "doorplate", "nearby_doorplate", "site_name", "community",
              "unplaced", "manual")


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # text | int | float | bool | date | datetime | enum | rating
    required: bool = False
    choices: tuple[str, ...] = ()
    doc: str = ""
    # a bad value is emptied and the row kept with a warning (a case's secondary fields: the
    # complaint stays knowable by where, what and when)
    secondary: bool = False


@dataclass(frozen=True)
class Kind:
    name: str
    fields: tuple[Field, ...]
    geometry: str | None  # "polygon", "point" or None
    key: tuple[str, ...]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]


def _f(name: str, type_: str = "text", required: bool = False, choices: tuple[str, ...] = (),
       doc: str = "", secondary: bool = False) -> Field:
    return Field(name, type_, required, choices, doc, secondary)


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("district", (
        _f("code", required=True, doc="division code, e.g. 370202"),
        _f("name", required=True), _f("name_en"),
        _f("timezone", doc="IANA time zone, default Asia/Shanghai"),
    ), "polygon", ("code",)),
    Kind("streets", (
        _f("code", required=True, doc="9-digit division code"),
        _f("name", required=True), _f("name_en"),
    ), "polygon", ("code",)),
    Kind("communities", (
        _f("code", required=True, doc="12-digit division code"),
        _f("name", required=True), _f("name_en"),
        _f("street_code", required=True),
    ), "polygon", ("code",)),
    Kind("grids", (
        _f("code", required=True), _f("name", required=True),
        _f("community_code", required=True),
    ), "polygon", ("code",)),
    Kind("sites", (
        _f("external_id", doc="made from the name and address when empty (a roster)"),
        _f("name", required=True),
        _f("kind", "enum", False, SITE_KINDS, doc="read from the name when empty: …院 an open "
           "courtyard, …大厦/广场/中心/楼宇/园 a building cluster, else a compound"),
        _f("community_code", doc="found by location when empty"),
        _f("households", "int"), _f("buildings", "int"), _f("built_year", "int"),
        _f("owners_committee", "bool"), _f("owners_committee_party", "bool"),
        _f("party_org", "bool"), _f("demonstration", "bool"),
        _f("address", doc="places a site without outline or point, by the address library"),
        _f("mode", "enum", False, MODES, doc="the management mode as of today (a roster)"),
    ), "polygon", ("external_id",)),
    Kind("management", (
        _f("site_external_id", required=True),
        _f("mode", "enum", True, MODES), _f("provider"), _f("party_led", "bool"),
        _f("valid_from", "date", True), _f("valid_to", "date", doc="empty: still holds"),
    ), None, ("site_external_id", "valid_from")),
    Kind("people", (
        _f("external_id", required=True), _f("name", required=True),
        _f("role", "enum", True, PERSON_ROLES), _f("title"),
        _f("street_code"), _f("community_code"), _f("phone"),
    ), None, ("external_id",)),
    Kind("assignments", (
        _f("person_external_id", required=True),
        _f("target_kind", "enum", True, TARGET_KINDS),
        _f("target_code", required=True, doc="community code, site external id or grid code"),
        _f("valid_from", "date", True), _f("valid_to", "date"),
    ), None, ("person_external_id", "target_kind", "target_code", "valid_from")),
    Kind("addresses", (
        _f("road", required=True, doc="道路/街巷: 湛山大路"),
        _f("number", required=True, doc="门牌号: 5, 5甲, 5-1, 5之1 (one doorplate each)"),
        _f("building"), _f("site_external_id", doc="the site the doorplate belongs to"),
        _f("lon", "float", doc="or a geometry/WKT column"), _f("lat", "float"),
    ), "point", ("road", "number")),
    Kind("cases", (
        _f("source", required=True, doc="source code or name; or --source for the whole file"),
        _f("external_id", required=True),
        _f("category", required=True,
           doc="code or name of a level-1 or level-2 category, or 一级-二级 in one cell"),
        _f("status", doc="open/closed, or e.g. 办理中/已办结; empty: from closed_at",
           secondary=True),
        _f("reported_at", "datetime", True),
        _f("closed_at", "datetime", secondary=True),
        _f("escalation", "enum", False, ESCALATIONS, secondary=True),
        _f("satisfaction", "rating", doc="1-5, or 满意/基本满意/一般/不满意/非常不满意/未评价",
           secondary=True),
        _f("lon", "float", doc="or a geometry/WKT column"), _f("lat", "float"),
        _f("address", secondary=True), _f("handling_unit", secondary=True),
        _f("reporter_name", secondary=True), _f("reporter_phone", secondary=True),
        _f("description", secondary=True),
    ), "point", ("source", "external_id")),
)}
