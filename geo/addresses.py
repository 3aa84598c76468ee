"""Placing a case from its address, offline and deterministically (DESIGN.md, import rules).

A raw address is normalised (full-width to half-width, the district's own place names
stripped where they lead, the road found as the longest known road name at the start, the
doorplate number read with Chinese numerals converted, everything after the first 号
ignored), then located by the first rule that holds: a learned alias, ``doorplate``,
``nearby_doorplate``, ``site_name``, ``community``; else ``unplaced``. Wrong is worse than
unplaced: a site name that two sites match about as well is queued, not guessed. Pure: the
district's doorplates, sites, communities and aliases are passed in (geo/sql/imports.py reads
them)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np

NEARBY_NUMBERS = 10  # nearby_doorplate: the nearest number on the same side within this many
SITE_SCORE = 90  # site_name: the least fuzzy score taken (0-100)
SITE_MARGIN = 5  # ... and the least lead over a different site's score

_DIGITS = "0-9零〇一二三四五六七八九十百千两"
# 5, 5甲, 5-1, 5之1 (one doorplate each); the 号 optional; the rest ignored
NUMBER = re.compile(rf"^([{_DIGITS}]+)(?:([甲乙丙丁])|(?:-|之)([{_DIGITS}]+))?(?:号|$|(?=[^{_DIGITS}]))")
PROVINCE_OR_CITY = re.compile(r"^[\u4e00-\u9fff]{2,7}?(?:省|自治区|市)")
# what follows a site's name in an address: a building, unit or room, or a landmark word
SITE_TAIL = re.compile(rf"(?:[{_DIGITS}]+(?:号楼|栋|幢|单元|室|号|楼).*|(?:附近|门口|对面|楼下|旁边|[东南西北]门|院内)+)$")


@dataclass(frozen=True)
class Doorplate:
    road: str
    number: str
    lon: float
    lat: float


@dataclass(frozen=True)
class Site:
    id: int
    name: str
    lon: float  # a point inside the outline
    lat: float
    community_code: str | None = None


@dataclass(frozen=True)
class Place:
    """Where a case goes: a point (with its site when a site's name placed it), or a
    community only, or nothing."""
    located_by: str
    lon: float | None = None
    lat: float | None = None
    site_id: int | None = None
    community_code: str | None = None


UNPLACED = Place("unplaced")


@dataclass(frozen=True)
class Candidate:
    """A place a person may take for a queued case: a doorplate of its road or a site."""
    label: str
    score: float  # 0-100
    lon: float
    lat: float
    site_id: int | None = None


def metres_apart(lon1, lat1, lon2, lat2):
    """Great-circle distance in metres, of numbers or arrays (a district is small: the
    haversine is plenty)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = (np.sin((p2 - p1) / 2) ** 2
         + np.cos(p1) * np.cos(p2) * np.sin(np.radians(np.subtract(lon2, lon1)) / 2) ** 2)
    return 2 * 6_371_000 * np.arcsin(np.sqrt(a))


def number_key(number: str) -> str | None:
    """A doorplate number written as the library keeps it: 5, 5甲, 5-1 (Chinese numerals and
    之 read), or None when it is not one."""
    found = NUMBER.match(unicodedata.normalize("NFKC", number.strip()).replace(" ", ""))
    return _number(found) if found else None


def _arabic(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    import cn2an  # imported when needed: most files never write a number in Chinese

    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


def _number(found: re.Match) -> str | None:
    base = _arabic(found.group(1))
    if base is None or base <= 0:
        return None
    if found.group(2):
        return f"{base}{found.group(2)}"
    if found.group(3):
        sub = _arabic(found.group(3))
        return f"{base}-{sub}" if sub else None
    return str(base)


def _base(number: str) -> int:
    return int(re.match(r"\d+", number).group())


@dataclass
class Gazetteer:
    """What an address is matched against: the district's doorplates, sites and communities,
    its place names, and the aliases people taught it (normalised address → a Place)."""
    doorplates: list[Doorplate]
    sites: list[Site]
    communities: dict[str, str]  # name → code
    place_names: list[str]  # the district's, its streets' and its communities' names
    aliases: dict[str, Place] = field(default_factory=dict)
    nearby: int = NEARBY_NUMBERS

    def __post_init__(self) -> None:
        self._plates = {(d.road, d.number): d for d in self.doorplates}
        self._on_road: dict[str, list[Doorplate]] = {}
        for d in self.doorplates:
            self._on_road.setdefault(d.road, []).append(d)
        self._by_side: dict[tuple[str, int], list[tuple[int, str]]] = {}
        for d in self.doorplates:
            n = _base(d.number)
            self._by_side.setdefault((d.road, n % 2), []).append((n, d.number))
        for side in self._by_side.values():
            side.sort()
        self._roads = {d.road for d in self.doorplates}
        self._longest_road = max((len(r) for r in self._roads), default=0)
        self._names = sorted(set(self.place_names) | set(self.communities), key=len, reverse=True)
        self._site_names = [s.name for s in self.sites]
        self._sites_of: dict[str, list[Site]] = {}
        for site in self.sites:
            self._sites_of.setdefault(site.community_code, []).append(site)
        self._cache: dict[str, Place] = {}

    # ------------------------------------------------------------ normalising
    def normalise(self, raw: str) -> tuple[str, str | None, str | None, list[str]]:
        """(the text, its road, its doorplate number, the leading place names stripped)."""
        text = unicodedata.normalize("NFKC", raw)
        text = re.sub(r"\s+", "", text)
        stripped = []
        while True:
            name = next((n for n in self._names if text.startswith(n)), None)
            if name is None:
                name = self._province_or_city(text)
                if name is None:
                    break
            stripped.append(name)
            text = text[len(name):]
        road = self._road_at(text)
        if road is None:
            return text, None, None, stripped
        found = NUMBER.match(text[len(road):])
        number = _number(found) if found else None
        key = f"{road}{number}号" if number else text
        return key, road, number, stripped

    def _province_or_city(self, text: str) -> str | None:
        """A leading province and/or city (山东省青岛市), when a name of the district or one of
        its roads follows: a road may begin like a city (市场三路)."""
        head, rest = "", text
        for _ in range(2):
            found = PROVINCE_OR_CITY.match(rest)
            if not found:
                break
            head, rest = head + found.group(), rest[found.end():]
            if any(rest.startswith(n) for n in self._names) or self._road_at(rest):
                return head
        return None

    def _road_at(self, text: str) -> str | None:
        for n in range(min(self._longest_road, len(text)), 1, -1):
            if text[:n] in self._roads:
                return text[:n]
        return None

    # ------------------------------------------------------------ locating
    def locate(self, raw: str | None) -> Place:
        if raw is None or not raw.strip():
            return UNPLACED
        if raw not in self._cache:
            self._cache[raw] = self._locate(raw)
        return self._cache[raw]

    def alias_key(self, raw: str) -> str:
        """What a person's placement of ``raw`` is remembered by: its doorplate (road and
        number), else its normalised text after the community names it began with (another
        community's 菜市场门口 is another place)."""
        key, road, number, stripped = self.normalise(raw)
        if road and number:
            return key
        return "".join(n for n in stripped if n in self.communities) + key

    def _locate(self, raw: str) -> Place:
        key, road, number, stripped = self.normalise(raw)
        taught = self.aliases.get(self.alias_key(raw)) if self.aliases else None
        if taught:
            return taught
        if road and number:
            plate = self._plates.get((road, number)) or self._nearby(road, number)
            if plate:
                rule = "doorplate" if plate.number == number else "nearby_doorplate"
                return Place(rule, plate.lon, plate.lat)
        named = next((self.communities[n] for n in stripped if n in self.communities), None)
        if key and not (road and number):
            # no doorplate: a site's name (of the community named before it), which may
            # begin with a road's
            site = self._site(SITE_TAIL.sub("", key) or key, named)
            if site is not UNPLACED:
                return site
        community = named or next((code for name, code in self.communities.items()
                                   if name in key), None)
        return Place("community", community_code=community) if community else UNPLACED

    def _nearby(self, road: str, number: str) -> Doorplate | None:
        n = _base(number)
        side = self._by_side.get((road, n % 2), [])
        near = [(abs(m - n), m, plate) for m, plate in side if abs(m - n) <= self.nearby]
        if not near:
            return None
        _, _, plate = min(near)
        return self._plates[(road, plate)]

    def _site(self, text: str, community: str | None = None) -> Place:
        """A site by its name (among ``community``'s sites when the address named it), fuzzy;
        a close second (another site) queues the case."""
        pool = self._sites_of.get(community, []) if community else self.sites
        if not pool:
            return UNPLACED
        from rapidfuzz import fuzz, process

        found = process.extract(text, [s.name for s in pool] if community else self._site_names,
                                scorer=fuzz.WRatio, limit=3)
        ranked = [(pool[i].id, score) for _, score, i in found]
        best_score, best = found[0][1], pool[found[0][2]]
        rivals = [score for (site_id, score) in ranked[1:] if site_id != best.id]
        if best_score >= SITE_SCORE and not (rivals and best_score - rivals[0] < SITE_MARGIN):
            return Place("site_name", best.lon, best.lat, site_id=best.id)
        return UNPLACED

    # ------------------------------------------------------------ for people
    def candidates(self, raw: str | None, limit: int = 5, *,
                   community: str | None = None) -> list[Candidate]:
        """The best places for a queued case, best first: the doorplates of its road nearest
        its number (100, less 5 per number away) and the sites (of ``community``, when the case
        is known to lie in it) whose names match it best."""
        if raw is None or not raw.strip():
            return []
        key, road, number, _ = self.normalise(raw)
        found = []
        if road and number:
            n = _base(number)
            plates = sorted(self._on_road.get(road, []),
                            key=lambda d: (abs(_base(d.number) - n), d.number))[:limit]
            found += [Candidate(f"{d.road}{d.number}号",
                                max(0.0, 100.0 - 5 * abs(_base(d.number) - n)), d.lon, d.lat)
                      for d in plates]
        pool = self._sites_of.get(community, []) if community else self.sites
        from rapidfuzz import fuzz, process

        for _, score, i in process.extract(key, [s.name for s in pool], scorer=fuzz.WRatio,
                                           limit=limit):
            found.append(Candidate(pool[i].name, float(score), pool[i].lon, pool[i].lat,
                                   pool[i].id))
        return sorted(found, key=lambda c: -c.score)[:limit]
