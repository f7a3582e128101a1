"""Names of curated entities, and names that documents introduce.

``AliasIndex`` answers "which pack entities does this surface form name?" by normalised key,
by case-sensitive acronym, by a person's last name, and fuzzily. ``find_alias_links`` reads
a text for the places where it gives a second name to something it just named:
"Popular Mobilization Forces (PMF)", "…, also called the Hashd al-Shaabi", "the PMF – or
Hashd al-Shaabi –", "(also spelled …)"; ``alias_claim`` turns one link into an ``alias_of``
claim with its evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from orbat.model import Claim, Document, Entity, EntityKind, Evidence, stable_id, states_by_country
from orbat.versions import ALIASES
from orbat.nlp.fuzzy import jaro_winkler
from orbat.theatres import Period
from orbat.nlp.normalise import acronym_key, acronym_of, is_acronym, name_key, name_tokens, token_key

__all__ = ["AliasIndex", "AliasLink", "build_alias_index", "find_alias_links", "alias_claim", "EXTRACTOR"]

EXTRACTOR = ALIASES  # its history: orbat.versions
_FUZZY_MIN_KEY = 6
_FUZZY_MEMO = 1 << 15  # names met, with their best match (the index never changes)


@dataclass(frozen=True, slots=True)
class AliasIndex:
    entities: Mapping[str, Entity]
    by_key: Mapping[str, tuple[str, ...]]
    by_acronym: Mapping[str, tuple[str, ...]]
    by_surname: Mapping[str, tuple[str, ...]]
    fuzzy_keys: Mapping[str, tuple[tuple[str, str], ...]]  # first letter -> ((key, entity id), ...)
    states: Mapping[str, Entity] = field(default_factory=dict)  # ISO3 -> the pack's state of that country
    active: Mapping[str, Period] = field(default_factory=dict)  # the pack's coalition periods
    _fuzzy_memo: dict[tuple[str, float], tuple[str, float] | None] = field(default_factory=dict, compare=False,
                                                                           repr=False)  # fmt: skip

    def exact(self, text: str) -> tuple[str, ...]:
        """Entity ids whose name or alias has the key of ``text`` (acronyms case-sensitively)."""
        if is_acronym(text):
            return self.by_acronym.get(acronym_key(text), ())
        return self.by_key.get(name_key(text), ())

    def surname(self, text: str) -> tuple[str, ...]:
        return self.by_surname.get(name_key(text), ())

    def fuzzy(self, text: str, *, threshold: float) -> tuple[str, float] | None:
        """Best entity whose key is at least ``threshold`` Jaro–Winkler-similar; None when no key is."""
        key = name_key(text)
        if len(key) < _FUZZY_MIN_KEY:
            return None
        memo = (key, threshold)
        if memo not in self._fuzzy_memo:
            if len(self._fuzzy_memo) >= _FUZZY_MEMO:
                self._fuzzy_memo.clear()
            self._fuzzy_memo[memo] = self._fuzzy(key, threshold)
        return self._fuzzy_memo[memo]

    def _fuzzy(self, key: str, threshold: float) -> tuple[str, float] | None:
        best: tuple[str, float] | None = None
        for other, entity_id in self.fuzzy_keys.get(key[0], ()):
            if abs(len(other) - len(key)) > max(2, len(key) // 6):
                continue
            score = jaro_winkler(key, other)
            if score >= threshold and (best is None or score > best[1]):
                best = (entity_id, score)
        return best


def _names(entity: Entity) -> list[str]:
    return [entity.name, *(a.name for a in entity.aliases if a.lang in ("en", "", None))]


def build_alias_index(entities: Iterable[Entity], *,
                      active: Mapping[str, Period] | None = None) -> AliasIndex:  # fmt: skip
    """Index every name and alias of ``entities``; derive acronyms of long names when unclaimed.
    ``active``: when the pack's military coalitions were active (``Theatre.active``)."""
    ents = {e.id: e for e in entities}
    by_key: dict[str, list[str]] = defaultdict(list)
    by_acronym: dict[str, list[str]] = defaultdict(list)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for e in ents.values():
        for name in _names(e):
            table, key = (by_acronym, acronym_key(name)) if is_acronym(name) else (by_key, name_key(name))
            if key and e.id not in table[key]:
                table[key].append(e.id)
            if e.kind is EntityKind.PERSON and len(name_tokens(name)) >= 2:
                last = token_key(name_tokens(name)[-1])
                if len(last) >= 4 and e.id not in by_surname[last]:
                    by_surname[last].append(e.id)
    for e in ents.values():
        derived = acronym_of(e.name)
        if e.kind is not EntityKind.PERSON and len(derived) >= 3 and derived not in by_acronym:
            by_acronym[derived] = [e.id]
    fuzzy: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, ids in by_key.items():
        if len(ids) == 1 and len(key) >= _FUZZY_MIN_KEY:
            fuzzy[key[0]].append((key, ids[0]))
    return AliasIndex(
        entities=MappingProxyType(ents),
        by_key=_frozen(by_key),
        by_acronym=_frozen(by_acronym),
        by_surname=_frozen(by_surname),
        fuzzy_keys=MappingProxyType({k: tuple(v) for k, v in fuzzy.items()}),
        states=MappingProxyType(states_by_country(ents.values())),
        active=MappingProxyType(dict(active or {})),
    )


def _frozen(table: Mapping[str, list[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in table.items()})


# ---------------------------------------------------------------- aliases introduced by a text


@dataclass(frozen=True, slots=True)
class AliasLink:
    """The text at ``alias`` is given as another name of the mention at ``anchor``."""

    anchor: tuple[int, int]
    alias: tuple[int, int]
    cue: str  # parenthesis, called, dash, also-called


_WORD = r"(?:[Aa]l-|[Ee]l-)?[A-Z][\w'’\-]*"
_CONN = r"(?:al|el|of|the|and|bin|ibn|de)"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_CONN}[ \t]+)?{_WORD}){{0,5}}"
_PAREN = re.compile(
    rf"(?:['’]s)?[ \t]*\((?:also (?:known as|called|spelled|written|transliterated)[ \t]+|or[ \t]+)?(?:the[ \t]+)?({_NAME})\)"
)
_CALLED = re.compile(
    rf",?[ \t]+(?:which is[ \t]+|who is[ \t]+)?(?:also[ \t]+|sometimes[ \t]+|commonly[ \t]+|locally[ \t]+|widely[ \t]+)?"
    rf"(?:called|known as|referred to as|dubbed)[ \t]+(?:the[ \t]+)?({_NAME})"
)
_DASH = re.compile(rf"[ \t]*(?:–|—|--|[ \t]-)[ \t]*(?:or[ \t]+)?(?:the[ \t]+)?({_NAME})[ \t]*(?:–|—|--|[ \t]-|,)")
_LEADING = re.compile(
    rf"(?:^|(?<=[.!?:]\s)|(?<=\n))[ \t]*(?:Also|Sometimes|Commonly|Locally)[ \t]+(?:called|known as|referred to as)[ \t]+"
    rf"(?:the[ \t]+)?({_NAME})[ \t]*,"
)
_ANCHOR_WINDOW_CHARS = 600


def find_alias_links(
    text: str, anchors: Sequence[tuple[int, int]], *, leading_anchors: Sequence[tuple[int, int]] = ()
) -> list[AliasLink]:
    """Where ``text`` names one of the ``anchors`` (sorted mention spans) a second time.

    A sentence opening "Also called X, …" names the nearest of ``leading_anchors`` (actor
    spans) before it, or else the first one after it in the sentence.
    """
    links: list[AliasLink] = []
    for start, end in anchors:
        for cue, pattern in (("parenthesis", _PAREN), ("called", _CALLED), ("dash", _DASH)):
            m = pattern.match(text, end)
            if m and _proper(m.group(1)):
                links.append(AliasLink((start, end), _trimmed(m, 1), cue))
                break
    for m in _LEADING.finditer(text):
        anchor = _nearest_anchor(leading_anchors, m.start(), m.end())
        if anchor is not None and _proper(m.group(1)):
            links.append(AliasLink(anchor, _trimmed(m, 1), "also-called"))
    return links


def _trimmed(m: re.Match[str], group: int) -> tuple[int, int]:
    start, end = m.span(group)
    value = m.group(group)
    stripped = re.sub(rf"(?:[ \t]+{_CONN})+$", "", value).rstrip("-’'")
    return start, start + len(stripped)


def _proper(value: str) -> bool:
    """A name, not a description: short, and every content word capitalised."""
    words = value.split()
    return 0 < len(words) <= 6 and all(w[0].isupper() or re.fullmatch(_CONN, w) or w[:3].lower() in ("al-", "el-") for w in words)


def _nearest_anchor(anchors: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    before = [a for a in anchors if a[1] <= start and start - a[1] <= _ANCHOR_WINDOW_CHARS]
    if before:
        return before[-1]
    sentence_end = end + 300
    after = [a for a in anchors if a[0] >= end and a[0] <= sentence_end]
    return after[0] if after else None


def alias_claim(doc: Document, link: AliasLink, entity_id: str, *, confidence: float) -> Claim:
    """The ``alias_of`` claim that ``link`` makes about ``entity_id``."""
    text = doc.clean_text
    alias = text[link.alias[0] : link.alias[1]]
    lo, hi = min(link.anchor[0], link.alias[0]), max(link.anchor[1], link.alias[1])
    if hi - lo <= 300:
        evidence: tuple[Evidence, ...] = (Evidence(doc.id, lo, hi, text[lo:hi]),)
    else:
        evidence = tuple(Evidence(doc.id, s, e, text[s:e]) for s, e in sorted((link.anchor, link.alias)))
    return Claim(
        id="c" + stable_id("alias_of", entity_id, alias, doc.id, str(link.alias[0])),
        predicate="alias_of",
        subject=entity_id,
        object=alias,
        reported=doc.published,
        evidence=evidence,
        extractor=EXTRACTOR,
        confidence=confidence,
        claimant=None,
    )
