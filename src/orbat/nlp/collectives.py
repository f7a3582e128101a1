"""Collective actors that carry no name: civilians, Shia militias, Kurdish fighters, tribesmen, rebels.

Reports often say who was hit or who fought only by category: "the strike killed 12 civilians",
"Sunni Arab tribesmen and Shia militiamen, backed by the coalition". ACLED codes such actors by
category and country ("Civilians (Syria)"); orbat does the same, so that an event keeps its
victims and an alliance its members instead of dropping them. A collective is no identification:
"Kurdish fighters" in Syria stays "Kurdish fighters (Syria)", never the SDF or the YPG, and
"Shia militiamen" is not the PMF. Bare "militants", "gunmen" or "jihadists" say nothing of who
they are and are not proposed.

:func:`with_collectives` adds the phrases to a document's candidates (source ``"collective"``,
hint the category); ``resolve`` names the country from the document's context and gives the
mention the category's entity for that country (:func:`collective_entity`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from orbat.model import COLLECTIVE_PREFIX, Entity, EntityKind, MentionLabel
from orbat.nlp.recognise import DEMONYMS, Candidate

__all__ = ["Collective", "COLLECTIVES", "COUNTRY_MARK", "with_collectives", "collective_entity"]


@dataclass(frozen=True, slots=True)
class Collective:
    key: str  # the category, in entity ids: collective:<key>:<iso3>
    name: str  # the entity's name before " (country)"
    kind: EntityKind  # civilians are no organisation, but the data model's kinds are a contract: the
    sector: str | None  # PLOVER sector says it (CVL civilians); REB rebels, PRM militias
    pattern: re.Pattern[str]


_DEMONYM = r"(?:\s+(?:Syrian|Iraqi|Arab|Lebanese|Turkish|Iranian|local))?"
COLLECTIVES = (
    Collective("civilians", "Civilians", EntityKind.ORGANISATION, "CVL", re.compile(
        r"\b(?:civilians|civilian population|local residents|residents|villagers|worshippers|passengers)\b", re.I)),
    Collective("shia-militias", "Shia militias", EntityKind.ARMED_GROUP, "PRM", re.compile(
        r"\b(?:Shia|Shiite|Shi['’]ite|Shi['’]a)(?:\s+Muslim)?" + _DEMONYM
        + r"\s+(?:militias?|militiamen|fighters|paramilitar(?:y|ies)(?:\s+(?:groups?|forces))?|armed groups?|factions)\b")),
    Collective("tribal-fighters", "Tribal fighters", EntityKind.ARMED_GROUP, None, re.compile(
        r"\b(?:(?:Sunni(?:\s+Arab)?|Arab)\s+(?:tribesmen|tribal\s+(?:fighters|forces|militias?)|tribes)|"
        r"[Tt]ribal\s+(?:fighters|forces|militias?|militiamen)|[Tt]ribesmen)\b")),
    Collective("kurdish-fighters", "Kurdish fighters", EntityKind.ARMED_GROUP, None, re.compile(
        r"\bKurdish" + _DEMONYM + r"\s+(?:fighters|forces|militias?|militiamen|troops|units)\b")),
    Collective("rebel-groups", "Rebel groups", EntityKind.ARMED_GROUP, "REB", re.compile(
        r"\b(?:[Rr]ebels|[Rr]ebel\s+(?:fighters|groups|forces|factions)|"
        r"(?:armed\s+)?[Oo]pposition\s+(?:fighters|forces|groups|factions))\b")),
)
_BY_KEY = {c.key: c for c in COLLECTIVES}
COUNTRY_MARK = "@"  # a hint "rebel-groups@SYR": the phrase named its country ("Syrian rebels")
_JOINED = re.compile(r"[-‐'’\w]")  # a letter, hyphen or apostrophe right before: part of another word
_NAME_BEFORE = re.compile(r"(\S+)\s+$")


def with_collectives(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` plus collective phrases that no recognised name covers or qualifies (sorted).

    A phrase gives way to a pack name it overlaps ("Syrian opposition forces" named in the pack)
    and is not proposed right after one ("HTS fighters", "FSA rebels": those are the named
    group's). A demonym right before it names its country ("Syrian opposition groups"), and so
    does a demonym force the pack matched over it ("Syrian rebels": rebels in Syria, not the
    Syrian army). spaCy's own guesses inside the phrase ("Shia", "Kurdish") give way to it.
    """
    found = []
    ends = {c.end for c in candidates if c.label is not MentionLabel.OTHER and c.source != "spacy"}
    for collective in COLLECTIVES:
        for m in collective.pattern.finditer(text):
            start, end = m.start(), m.end()
            if start and _JOINED.match(text, start - 1):
                continue
            before = _NAME_BEFORE.search(text, max(0, start - 40), start)
            if before and before.end(1) in ends:
                continue
            country = DEMONYMS.get(before.group(1).lower()) if before else None  # "Syrian Arab tribesmen"
            if country and before:
                start, hint = before.start(1), f"{collective.key}{COUNTRY_MARK}{country}"
            found.append(Candidate(start, end, MentionLabel.ACTOR, "collective", hint if country else collective.key))
    if not found:
        return list(candidates)
    kept, dropped = [], set()
    for g in found:
        clash = [c for c in candidates if c.start < g.end and g.start < c.end]
        if any(c.source not in ("spacy", "demonym") for c in clash):
            continue
        demonyms = [c for c in clash if c.source == "demonym"]  # "Syrian rebels": a demonym force no longer
        if demonyms:
            country = (demonyms[0].hint or "").rpartition(":")[2]  # "demonym:SYR", "demonym-militia:SYR"
            key = (g.hint or "").partition(COUNTRY_MARK)[0]
            g = Candidate(min(g.start, *(c.start for c in demonyms)), max(g.end, *(c.end for c in demonyms)),
                          g.label, g.source, f"{key}{COUNTRY_MARK}{country}")  # fmt: skip
        kept.append(g)
        dropped.update((c.start, c.end) for c in clash)
    out = [c for c in candidates if (c.start, c.end) not in dropped] + kept
    out.sort(key=lambda c: (c.start, -c.end))
    return out


def collective_entity(key: str, country: str | None, country_name: str | None) -> Entity:
    """The entity of one category in one country ("Civilians (Syria)"); without a country, the category."""
    collective = _BY_KEY[key]
    suffix = f" ({country_name or country})" if country else ""
    return Entity(id=COLLECTIVE_PREFIX + key + (f":{country.lower()}" if country else ""), kind=collective.kind,
                  name=collective.name + suffix, country=country, sector=collective.sector,
                  source="orbat: a category of actor, by country (as ACLED codes unnamed actors)")  # fmt: skip
