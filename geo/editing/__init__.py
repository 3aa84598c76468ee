"""Changes made in the app, each through the user's own connection (row-level security decides
what may change) and logged with what it replaced: management periods (management), people and
their assignments (people), site fields and deletion (sites), drawn outlines (shapes), and the
change log with undo (changelog). A change is refused when its rows changed since the user saw
them (StaleEdit)."""
from __future__ import annotations

from geo.errors import InputError

# the columns the site and people editors correct (allow-lists: they go in as identifiers)
SITE_FIELDS = ("name", "kind", "households", "buildings", "built_year", "owners_committee",
               "owners_committee_party", "party_org", "demonstration")
PEOPLE_FIELDS = ("name", "role", "title", "phone")


class StaleEdit(InputError):
    """The data changed since the user saw it; the message says what it is now."""
