"""How each table would be placed in a distributed PostgreSQL (Citus) when a city or a province
outgrows one machine: declared here, kept true by tests (every table of the schema is
classified; a distributed table has the shard key; geo/sql joins two distributed tables on it),
explained in docs/scale-out.md. Nothing here runs against Citus."""
from __future__ import annotations

from dataclasses import dataclass

SHARD_KEY = "street_code"
COLOCATED_WITH = "sites"  # the distributed tables share its shards: a street's rows on one node

DISTRIBUTED = "distributed"  # sharded by SHARD_KEY, co-located with sites
REFERENCE = "reference"  # a copy on every node: small, read by every join, rarely written
LOCAL = "local"  # on the coordinator only: the app's own bookkeeping
ROLLED_UP = "rolled_up"  # not created in Citus: summed from a distributed cube at query time


@dataclass(frozen=True)
class Placement:
    kind: str
    why: str
    from_cube: str | None = None  # ROLLED_UP: the distributed cube it is summed from


def _distributed(why: str) -> Placement:
    return Placement(DISTRIBUTED, why)


def _reference(why: str) -> Placement:
    return Placement(REFERENCE, why)


def _local(why: str) -> Placement:
    return Placement(LOCAL, why)


def _rolled_up(cube: str) -> Placement:
    return Placement(ROLLED_UP, f"the district's sums of {cube}, which each node sums for its "
                     "streets in parallel", cube)


TABLES: dict[str, Placement] = {
    # the district's shape and vocabularies
    "district": _reference("one row, joined by the scope's figures"),
    "streets": _reference("tens of rows per district; every scope names one"),
    "communities": _reference("hundreds of rows; joined by every community figure and name"),
    "grids": _reference("a few thousand rows; joined from sites and assignments by code"),
    "case_categories": _reference("the 12345 category tree, read by every filter"),
    "case_sources": _reference("the case sources, read by every filter"),
    "people": _reference("district leaders have no street; joined from assignments and "
                         "accounts by id"),
    # a street's data, on the node of its street
    "sites": _distributed("the unit of the coverage map; every other street table follows it"),
    "management": _distributed("a site's management periods, read with the site"),
    "assignments": _distributed("who is posted to a street's communities, sites and grids"),
    "addresses": _distributed("doorplates, matched within a street's communities"),
    "address_aliases": _distributed("addresses learnt by placing cases, per street"),
    "cases": _distributed("the bulk of the data (100 M+ in a city)"),
    "case_personal": _distributed("reporters' data, beside their case"),
    "case_month": _distributed("a community's counts, read by street and community"),
    "case_month_hours": _distributed("a community's hours to close"),
    "case_cell_month": _distributed("heat cells under a level-1 category or source"),
    "case_cell_month_level": _distributed("heat cells without category or source"),
    "case_site_month": _distributed("top sites and rates by mode"),
    "case_site_code_month": _distributed("top sites and rates under a category or source"),
    "case_street_code_hours": _distributed("a street's hours to close under a category or source"),
    # the district-wide cubes: summed from the per-street ones at query time
    "case_district_month": _rolled_up("case_month"),
    "case_district_day": _rolled_up("case_month"),
    "case_district_hours": _rolled_up("case_month_hours"),
    "case_district_code_hours": _rolled_up("case_month_hours"),
    "case_district_cell_day": _rolled_up("case_cell_month_level"),
    # the app's bookkeeping, on the coordinator
    "app_users": _local("accounts; sign-in reads one row"),
    "app_sessions": _local("sign-in sessions"),
    "audit_log": _local("who did what; written beside any transaction"),
    "change_log": _local("edits and their undo; written in the edit's transaction"),
    "settings": _local("the district's settings"),
    "schema_migrations": _local("which migrations ran"),
}

# Distributed tables whose shard key may be NULL today (an unplaced case, a doorplate outside
# every community): Citus refuses a NULL shard key, so these rows need a placeholder street
# before distribution (docs/scale-out.md).
NULLABLE_SHARD_KEY = ("addresses", "case_personal", "cases")

# Unique keys of distributed tables without the shard key: Citus enforces a unique key only
# when it includes the shard key. The cubes' keys start with the community, which names its
# street: street_code goes in front. The others: docs/scale-out.md.
UNIQUE_WITHOUT_SHARD_KEY = (
    "address_aliases_pkey", "addresses_pkey", "addresses_road_number_key",
    "assignments_key_idx", "assignments_pkey", "case_cell_month_level_pkey",
    "case_month_hours_pkey", "case_month_pkey", "case_personal_pkey",
    "case_site_code_month_pkey", "case_site_month_pkey", "cases_pkey",
    "cases_external_id_source_code_key", "management_pkey", "management_site_id_valid_from_key",
    "sites_external_id_key", "sites_pkey",
)

def of_kind(kind: str) -> list[str]:
    """The tables placed as ``kind``, in the order of TABLES."""
    return [name for name, placement in TABLES.items() if placement.kind == kind]


def citus_calls() -> list:
    """The calls that distribute the schema, in order (psycopg2 compositions: as_string(conn)
    gives the text): reference tables first (the distributed ones' foreign keys point at
    them), then sites, then the tables co-located with it."""
    from geo.sql import scaleout as scaleout_sql

    return scaleout_sql.citus_calls(of_kind(REFERENCE), of_kind(DISTRIBUTED), SHARD_KEY,
                                    COLOCATED_WITH)
