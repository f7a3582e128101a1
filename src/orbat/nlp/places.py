"""Place disambiguation: a place name in a document -> one gazetteer entity and a score.

Candidates come from :meth:`Gazetteer.candidates`; each is scored, in decreasing weight, by
an exact pack match, the document's country focus, proximity to places already resolved in the
document, population, and feature class. Border phrases ("the Iraqi-Syrian border", "the border
with Syria", a bare "the border") resolve to border regions, never to a country.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from orbat.model import Entity
from orbat.nlp.border import haversine_km
from orbat.nlp.gazetteer import GazetteerLookups, light_key

__all__ = ["PlaceContext", "resolve_place", "resolve_document_places", "BORDER_REGIONS"]

# Border-region pack ids by the pair of countries (alpha-3) they separate.
BORDER_REGIONS: Mapping[frozenset[str], str] = {
    frozenset({"IRQ", "SYR"}): "iraq-syria-border",
    frozenset({"JOR", "SYR"}): "jordan-syria-border",
    frozenset({"IRQ", "JOR"}): "iraq-jordan-border",
    frozenset({"TUR", "SYR"}): "turkey-syria-border",
}
_COUNTRY_WORDS: Mapping[str, str] = {
    "iraq": "IRQ", "iraqi": "IRQ", "syria": "SYR", "syrian": "SYR", "jordan": "JOR", "jordanian": "JOR",
    "turkey": "TUR", "turkish": "TUR", "turkiye": "TUR", "türkiye": "TUR",
}
_BORDER = re.compile(r"^(?:the\s+)?(?P<head>[\w\s\-–/]*?)\s*\bborders?(?:\s+(?:region|area|strip|zone))?(?P<tail>\s+(?:with|between)\s+.+)?$", re.I)
_SUFFIX = re.compile(r"\s+(?:province|governorate|district|region|city|town|village|county|state)$", re.I)
_MIN_SIMILARITY = 0.75  # loose (key-only) matches must still look alike: "Hassakeh" ~ "Hasakah"
_ADMIN_PRIOR = 300_000  # population-equivalent prior for first-level regions (no population in the data)
_CAPITAL_BONUS = 0.5  # a national capital outranks a namesake of similar size
_FEATURE_BONUS = {"country": 0.6, "continent": 0.4, "province": 0.1, "border": 0.0, "town": 0.0}


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What the document has said so far: countries (alpha-3 -> mentions), resolved points and
    first-level regions ("<alpha-2>.<GeoNames admin-1>" -> mentions, see :meth:`Gazetteer.region`)."""

    countries: Mapping[str, int] = field(default_factory=dict)
    points: tuple[tuple[float, float], ...] = ()
    regions: Mapping[str, int] = field(default_factory=dict)

    def share(self, country: str | None) -> float:
        total = sum(self.countries.values())
        return 0.0 if not total or country is None else self.countries.get(country, 0) / total

    def region_share(self, region: str | None) -> float:
        total = sum(self.regions.values())
        return 0.0 if not total or region is None else self.regions.get(region, 0) / total


_NO_CONTEXT = PlaceContext()


def resolve_place(name: str, *, gazetteer: GazetteerLookups, context: PlaceContext) -> tuple[Entity | None, float]:
    """The best entity for ``name`` and a confidence in [0, 1]; (None, 0.0) when nothing fits."""
    border = _border_phrase(name)
    if border is not None:
        return _resolve_border(border, gazetteer, context)
    candidates = gazetteer.scored_candidates(name)
    if not candidates and _SUFFIX.search(name):
        name = _SUFFIX.sub("", name)
        candidates = gazetteer.scored_candidates(name)
    if not candidates:
        return None, 0.0
    minimum = 1.0 if len(light_key(name).replace(" ", "")) <= 3 else _MIN_SIMILARITY
    matches = [(sim, e) for sim, e in candidates if sim >= minimum]
    if not matches:
        return None, 0.0
    scored = sorted(((_score(sim, e, gazetteer, context), e) for sim, e in matches), key=lambda s: -s[0])
    best = scored[0][1]
    if _far_fetched(best, dict((e.id, sim) for sim, e in matches)[best.id], context):
        return None, 0.0
    return best, _confidence(scored)


def _far_fetched(entity: Entity, similarity: float, context: PlaceContext) -> bool:
    """A look-alike spelling ("Shairat" ~ "Charata") in a country the document never mentions, far from
    every place it does: better no place than a wrong one."""
    return (similarity < 1.0 and bool(context.countries) and context.share(entity.country) == 0.0
            and _proximity(entity, context) < 0.05)  # fmt: skip


def _score(similarity: float, entity: Entity, gazetteer: GazetteerLookups, context: PlaceContext) -> float:
    exact = similarity == 1.0
    pack = not entity.id.startswith(("geonames:", "iso3166-2:"))
    score = 2.0 if exact else 2.0 * similarity - 1.0
    score += 3.0 if pack and exact else 0.0
    score += 2.0 * context.share(entity.country)
    score += 1.5 * _proximity(entity, context)
    score += 1.5 * context.region_share(gazetteer.region(entity.id))
    population = gazetteer.population(entity.id) or (_ADMIN_PRIOR if entity.precision == "province" else 0)
    score += 0.35 * math.log10(population + 1)
    score += _CAPITAL_BONUS if entity.id in gazetteer.capitals else 0.0
    return score + _FEATURE_BONUS.get(entity.feature or "", 0.1)


def _proximity(entity: Entity, context: PlaceContext) -> float:
    if entity.lat is None or entity.lon is None or not context.points:
        return 0.0
    nearest = min(haversine_km(entity.lat, entity.lon, lat, lon) for lat, lon in context.points)
    return math.exp(-nearest / 250.0)


def _confidence(scored: list[tuple[float, Entity]]) -> float:
    best = scored[0][0]
    if len(scored) == 1:
        return min(1.0, 0.6 + best / 20)
    margin = best - scored[1][0]
    return max(0.05, min(1.0, 0.5 + margin / 4))


def _border_phrase(name: str) -> tuple[str, ...] | None:
    """Countries named in a border phrase (possibly none), or None when ``name`` is no border phrase."""
    match = _BORDER.match(name.strip())
    if match is None:
        return None
    words = re.split(r"[\s\-–/]+", f"{match['head']} {match['tail'] or ''}".casefold())
    if any(w and w not in _COUNTRY_WORDS and w not in {"with", "between", "and", "the", "shared"} for w in words):
        return None
    return tuple(dict.fromkeys(_COUNTRY_WORDS[w] for w in words if w in _COUNTRY_WORDS))


def _resolve_border(countries: tuple[str, ...], gazetteer: GazetteerLookups, context: PlaceContext) -> tuple[Entity | None, float]:
    pair, confidence = _border_pair(countries, context)
    region = BORDER_REGIONS.get(pair) if pair else None
    if region is None or not gazetteer.has(region):
        return None, 0.0
    return gazetteer.entity(region), confidence


def _border_pair(countries: tuple[str, ...], context: PlaceContext) -> tuple[frozenset[str] | None, float]:
    """The pair a border phrase means: both named, or the named one plus the context's neighbour."""
    if len(countries) >= 2:
        return frozenset(countries[:2]), 1.0
    named = set(countries)

    def support(pair: frozenset[str]) -> int:
        return min(context.countries.get(c, 0) for c in pair - named)

    options = sorted((p for p in BORDER_REGIONS if named <= p), key=lambda p: -support(p))
    if not options or support(options[0]) == 0:
        return None, 0.0
    return options[0], 0.9 if named else 0.7


def resolve_document_places(names: Sequence[str], *, gazetteer: GazetteerLookups) -> list[tuple[Entity | None, float]]:
    """Resolve every place name of one document: unambiguous names first, then the rest in their light.

    Each distinct name is resolved once (a repeated name has the same context every time)."""
    distinct = list(dict.fromkeys(names))
    first = {n: resolve_place(n, gazetteer=gazetteer, context=_NO_CONTEXT) for n in distinct}
    sure = [(light_key(n), e) for n in names for e, conf in (first[n],)
            if e is not None and conf >= 0.8 and e.feature != "border"]  # every occurrence votes
    results = {}
    for name in distinct:
        key = light_key(name)
        context = _context([e for k, e in sure if k != key], gazetteer)  # a name does not vote for itself
        results[name] = resolve_place(name, gazetteer=gazetteer, context=context)
    return [results[n] for n in names]


def _context(entities: Sequence[Entity], gazetteer: GazetteerLookups) -> PlaceContext:
    countries = Counter(e.country for e in entities if e.country)
    regions = Counter(r for r in (gazetteer.region(e.id) for e in entities) if r)
    points = tuple(
        (e.lat, e.lon)
        for e in entities
        if e.lat is not None and e.lon is not None and e.precision not in ("country", "continent", "border_region")
    )
    return PlaceContext(countries=dict(countries), points=points, regions=dict(regions))
