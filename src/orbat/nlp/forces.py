"""Generic names of forces that recognition leaves out: "the coalition", "Coalition aircraft",
"coalition forces", "the counter-ISIL coalition", "government forces", "regime troops".

:func:`with_generic_forces` adds them to a document's candidates (source ``"generic"``, hint
``"coalition"`` or ``"government"``); ``resolve`` then names the entity from the document's
context and drops the ones it cannot name, as it does for short forms. A capitalised word
right before "Coalition" makes it part of a name ("Syrian Arab Coalition", "Counter-Daesh
Coalition"): that is left to the name's own mention. Bare "militants" or "jihadists" are no
entity and are not proposed; "rebels", "civilians" and the like are collectives
(:mod:`orbat.nlp.collectives`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from orbat.model import Entity, EntityKind, MentionLabel
from orbat.nlp.recognise import Candidate
from orbat.theatres import Period

__all__ = ["with_generic_forces", "pick_coalition", "called_coalition", "recent_country", "COALITION", "GOVERNMENT"]

COALITION = "coalition"
GOVERNMENT = "government"
_FORCE_NOUNS = (r"(?:military\s+)?(?:forces|troops|soldiers|aircraft|air\s?strikes?|strikes?|jets|warplanes|planes|"
                r"partners|nations|members|countries|military)")
# Each pattern starts after the head word's first letter (a literal prefix lets the scan skip ahead); the letter
# and what stands before it are checked in Python: "[Cc]oalition", not "anti-coalition" or "Coalitions".
_PATTERNS = (
    (re.compile(rf"oalition\b(?:['’]s)?(?:\s+{_FORCE_NOUNS}\b)?"), "Cc", COALITION),
    (re.compile(r"overnment\s+(?:forces|troops|soldiers|army|military)\b"), "Gg", GOVERNMENT),
    (re.compile(r"egime\s+(?:forces|troops|soldiers|army|military)\b"), "Rr", GOVERNMENT),
)
_GLUED = re.compile(r"[-‐\w]")  # a letter, digit or hyphen right before: part of another word
_PREVIOUS_WORD = re.compile(r"(\S+)\s+$")
_OPEN_WORDS = frozenset({"The", "Our", "Its", "Their", "A", "An", "This", "That", "Global", "International"})
_WINDOW_CHARS = 40
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")
_AGAINST = re.compile(r"(?i)(?:counter|anti)-")  # "the Counter-Daesh Coalition" describes the coalition it names


def with_generic_forces(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` plus generic force phrases no other candidate covers (sorted by start).

    A recogniser's one-word "Coalition" or "Coalition Commanders" inside such a phrase, or
    starting with it, gives way to the phrase.
    """
    found: list[Candidate] = []
    for pattern, initials, hint in _PATTERNS:
        for m in pattern.finditer(text):
            start = m.start() - 1
            if start < 0 or text[start] not in initials or (start > 0 and _GLUED.match(text, start - 1)):
                continue
            if hint == COALITION and _inside_a_name(text, start):
                continue
            found.append(Candidate(start, _end_without_possessive(text, m), MentionLabel.ACTOR, "generic", hint))
    if not found:
        return list(candidates)
    kept = []
    for g in found:
        clash = [c for c in candidates if c.start < g.end and g.start < c.end]
        if all(_gives_way(c, g) for c in clash):
            kept.append(g)
    dropped = {(c.start, c.end) for g in kept for c in candidates if c.start < g.end and g.start < c.end}
    out = [c for c in candidates if (c.start, c.end) not in dropped] + kept
    out.sort(key=lambda c: (c.start, -c.end))
    return out


def _gives_way(c: Candidate, g: Candidate) -> bool:
    """A spaCy organisation starting inside the phrase ("Coalition", "Coalition’s Small Group")."""
    return c.source == "spacy" and c.label is MentionLabel.ACTOR and g.start <= c.start < g.end


def _end_without_possessive(text: str, m: re.Match[str]) -> int:
    end = m.end()
    return end - 2 if text[end - 2 : end] in ("'s", "’s") else end


def _inside_a_name(text: str, start: int) -> bool:
    """"Syrian Arab Coalition", "the Counter ISIL Coalition": a capitalised word just before, in the sentence."""
    prev = _PREVIOUS_WORD.search(text, max(0, start - _WINDOW_CHARS), start)
    if prev is None:
        return False
    word = prev.group(1)
    if word[-1] in ".!?:;,\"”)" or word in _OPEN_WORDS or _AGAINST.match(word):
        return False
    return word[0].isupper()


def pick_coalition(text: str, start: int, earlier: Iterable[tuple[int, Entity]], later: Sequence[tuple[int, str]],
                   pack: Iterable[Entity], *, day: str | None = None,
                   active: Mapping[str, Period] | None = None) -> tuple[str | None, float]:
    """The coalition a generic phrase at ``start`` means, with a score.

    ``earlier``: (end, entity) of the actors named before, nearest first; ``later``: (start, id) of
    the pack coalitions named in the document. The last coalition named before that is called a
    coalition (NATO is an alliance; "the coalition" names no alliance) — a provisional one only in
    this sentence or the one before — 0.6; else the first named after — 0.6; else the pack's one
    military coalition active on ``day`` (the report's date; ``active``: the pack's periods, a coalition
    without one always active; an undated report: the ones still active) — 0.5. "Coalition forces" in
    2006 Iraq are not the coalition against ISIS of 2014, and in 2013 there was none.
    """
    for end, entity in earlier:
        if entity.kind is not EntityKind.COALITION or not called_coalition(entity):
            continue
        if not entity.provisional or len(_SENTENCE_END.findall(text, end, start)) <= 1:
            return entity.id, 0.6
    after = next((entity_id for s, entity_id in later if s > start), None)
    if after is not None:
        return after, 0.6
    periods = active or {}
    military = [e.id for e in pack if e.kind is EntityKind.COALITION and e.sector == "MIL"
                and _active_on(periods.get(e.id), day)]  # fmt: skip
    return (military[0], 0.5) if len(military) == 1 else (None, 0.0)


def _active_on(period: Period | None, day: str | None) -> bool:
    if period is None:
        return True
    start, end = period
    if day is None:
        return end is None
    day = day[:10]
    return (start is None or start[: len(day)] <= day) and (end is None or day <= end[: len(day)])


def called_coalition(entity: Entity) -> bool:
    return any("coalition" in n.lower() for n in (entity.name, *(a.name for a in entity.aliases)))


def recent_country(text: str, start: int, countries: Sequence[tuple[int, str]]) -> str | None:
    """The last of ``countries`` ((end, ISO3) of mentions of states, state forces, governments) if it is in
    one of the three sentences before ``start``."""
    if not countries:
        return None
    end, country = countries[-1]
    return country if len(_SENTENCE_END.findall(text, end, start)) <= 3 else None
