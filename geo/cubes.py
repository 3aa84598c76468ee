"""The case pre-aggregates ("cubes"), declared once. Each is a table of counts of cases (or of
closed cases) grouped by some of the cases' dimensions (geo/sql/cubes.py says what each
dimension is in SQL), kept equal to the cases by the
statement triggers geo/sql/cubes.py generates from this list (and filled from the cases when
a database gains one). ``answering`` is the one place that chooses which cube answers a
question for a scope and filter set. docs/cubes.md says what each costs and earns."""
from __future__ import annotations

from dataclasses import dataclass

CUBE_CELL = 200  # metres of Web Mercator: the cell of the cell cubes

@dataclass(frozen=True)
class Cube:
    name: str
    key: tuple[str, ...]  # its primary key: the grain
    carried: tuple[str, ...]  # columns that follow from the key (kept for filters)
    measures: tuple[str, ...]  # cases, closed, rated, satisfied: the first is zero exactly
    # when the row is empty
    rows: str  # which cases it counts: all (with a community), closed (with a closing time),
    # on_site (on a site), with_point (the cell cubes: a case placed by its community only has
    # no point); an unplaced case (no community) is in none
    serves: str
    # a dimension kept as a histogram in each row instead of in the key: arrays of its values
    # ascending and of each value's count of each measure (see ``bins``)
    histogram: str | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        return self.key + self.carried

    @property
    def bins(self) -> tuple[str, ...]:
        """The histogram's columns: the values ("hours") and their counts of each measure
        ("hours_closed")."""
        if not self.histogram:
            return ()
        return (self.histogram,) + tuple(f"{self.histogram}_{m}" for m in self.measures)

    @property
    def stored(self) -> tuple[str, ...]:
        """Every column of the cube's table, in the order its statements write them."""
        return self.columns + self.measures + self.bins


# the count cubes' measures: cases, closed, rated (with a satisfaction), satisfied (rated 4-5)
RATED = ("cases", "closed", "rated", "satisfied")
SITE_RATED = ("cases", "rated", "satisfied")  # the site cubes: closed is their status
CUBES = (
    Cube("case_month", ("community_code", "month", "category_code", "source_code", "status",
                        "escalation", "located_by"), ("street_code", "category_l1"),
         RATED, "all",
         "counts of a community or street under any filter; by community, category, source, "
         "month"),
    Cube("case_month_hours", ("community_code", "month", "escalation"), ("street_code",),
         ("closed",), "closed",
         "median hours to close of a community or street without category or source filter",
         histogram="hours"),
    Cube("case_cell_month", ("month", "street_code", "community_code", "category_l1",
                             "source_code", "status", "escalation"), (), ("cases",), "with_point",
         "heat cells of a street or the district under a level-1 category or source",
         histogram="cell"),
    Cube("case_cell_month_level", ("community_code", "month", "status", "escalation"),
         ("street_code",), ("cases",), "with_point",
         "heat cells of a street or the district without category or source filter",
         histogram="cell"),
    Cube("case_site_month", ("community_code", "month", "status", "escalation"),
         ("street_code",), SITE_RATED, "on_site",
         "top sites and case rates by management mode without category or source filter",
         histogram="site_id"),
    Cube("case_site_code_month", ("community_code", "month", "category_l1", "source_code",
                                  "status", "escalation"), ("street_code",),
         SITE_RATED, "on_site",
         "top sites and case rates by management mode under a level-1 category or source",
         histogram="site_id"),
    Cube("case_street_code_hours", ("street_code", "category_l1", "source_code", "month",
                                    "escalation"), (), ("closed",), "closed",
         "median hours to close of a whole street under a level-1 category or source filter",
         histogram="hours"),
    Cube("case_district_month", ("month", "category_code", "source_code", "status", "escalation",
                                 "located_by"), ("category_l1",), RATED, "all",
         "the district's counts and monthly chart (whole months)"),
    Cube("case_district_day", ("day", "category_code", "source_code", "status", "escalation",
                               "located_by"), ("category_l1",), RATED, "all",
         "the district's counts in the partial months at the ends of a range"),
    Cube("case_district_hours", ("month", "escalation"), (), ("closed",), "closed",
         "the district's median hours to close without category or source filter",
         histogram="hours"),
    Cube("case_district_code_hours", ("category_l1", "source_code", "month", "category_code",
                                      "escalation"), (), ("closed",), "closed",
         "the district's median hours to close under a category or source filter",
         histogram="hours"),
    Cube("case_district_cell_day", ("day", "status", "escalation"), (), ("cases",),
         "with_point", "the district's heat cells in the partial months", histogram="cell"),
)
BY_NAME = {c.name: c for c in CUBES}


@dataclass(frozen=True)
class Answer:
    """Where a question's figures come from: ``whole`` months from a cube (None: the cases
    alone), and the partial months at the ends of the range from ``edges`` (a cube by day),
    or from the cases when None."""
    whole: str | None
    edges: str | None = None


def answering(question: str, *, district: bool, community: bool = False, street: bool = False,
              codes: bool = False, level1_only: bool = True, by: str | None = None,
              cell: float = CUBE_CELL) -> Answer:
    """The cube that answers ``question`` ("counts", "hours", "cells" or "sites") for a scope
    (``district``: the whole district, seen by someone who sees it all; ``street``: a whole
    street, seen by someone who sees all of it; ``community``: one community), a category or
    source filter (``codes``; ``level1_only``: level-1 categories only), a grouping ``by`` and
    a heat cell size."""
    if question == "counts":
        if by == "site":  # no cube has the site's external id
            return Answer(None)
        if district and by in (None, "category", "source", "month"):
            return Answer("case_district_month", "case_district_day")
        return Answer("case_month")
    if question == "hours":
        if district and by in (None, "month"):
            return (Answer("case_district_code_hours") if codes
                    else Answer("case_district_hours"))
        if by in (None, "community", "month") and not codes:
            return Answer("case_month_hours")
        if street and level1_only and by in (None, "month"):
            return Answer("case_street_code_hours")
        return Answer(None)
    if question == "cells":
        if cell != CUBE_CELL or (codes and not level1_only):
            return Answer(None)
        if codes:
            return Answer("case_cell_month")
        return Answer("case_cell_month_level", "case_district_cell_day" if district else None)
    if question == "sites":
        if codes and not level1_only:  # no cube has level-2 categories by site
            return Answer(None)
        return Answer("case_site_code_month" if codes else "case_site_month")
    raise ValueError(f"no such question: {question}")
