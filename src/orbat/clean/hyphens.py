"""Decide whether a hyphen at a line end splits one word or joins two.

``mili-/tias`` is one word broken by the typesetter; ``US-/backed`` and
``al-/Tufuf`` keep their hyphen. The rules, in order (the first that applies wins):

1. the second part starts with a capital or a digit: keep (``US-Backed``,
   ``al-Tufuf``, ``ez-Zor``, ``pro-Iran``, ``anti-ISIS``);
2. the second part is a compounding word (backed, led, linked, majority...) and
   the first part is capitalised or an acronym: keep (``Russian-backed``,
   ``Shia-majority``);
3. the document itself decides: the hyphenated form written elsewhere mid-line
   means keep; the joined form elsewhere means join (``As-/sad`` with "Assad"
   in the text);
4. the first part is a prefix that keeps its hyphen (self, anti, non, ex, pro...)
   or an Arabic particle, the second part is a word and the joined form is not:
   keep (``self-defence``, ``pro-reform``);
5. the joined form is a known word: join (``Is-/lamic``, ``Wash-/ington``);
6. both parts are known words of three letters or more: keep (``power-sharing``);
7. otherwise join: hyphenation splits words far more often than compounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orbat.clean.lexicon import Lexicon

__all__ = ["HyphenEvidence", "hyphen_evidence", "keep_line_end_hyphen"]

COMPOUNDING_WORDS = frozenset(
    """backed led linked aligned allied affiliated based majority minority dominated supported
    sponsored funded controlled held run owned born style era speaking inspired oriented
    friendly leaning bound wide related designated appointed installed organised organized
    trained armed centric made""".split()
)
KEEP_PREFIXES = frozenset("self anti non ex pro post pre co cross counter semi quasi multi inter intra ultra".split())
ARABIC_PARTICLES = frozenset("al el ez ad as ash ar an at az ibn bin abu".split())
_WORD = re.compile(r"[A-Za-z]+")
_HYPHENATED = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+)\b")


@dataclass(frozen=True, slots=True)
class HyphenEvidence:
    """What the document itself says: words it writes joined, and pairs it writes hyphenated."""

    words: frozenset[str] = frozenset()
    hyphenated: frozenset[str] = frozenset()


def hyphen_evidence(text: str) -> HyphenEvidence:
    """Collect joined words and mid-line hyphenated pairs (all lowercase) from ``text``."""
    words = frozenset(w.lower() for w in _WORD.findall(text))
    pairs = frozenset(f"{a}-{b}".lower() for a, b in _HYPHENATED.findall(text))
    return HyphenEvidence(words, pairs)


def _is_capitalised_or_acronym(word: str) -> bool:
    return word[:1].isupper()


def _decided_by_shape(first: str, second: str) -> bool | None:
    if second[:1].isupper() or second[:1].isdigit():
        return True
    if second.lower() in COMPOUNDING_WORDS and _is_capitalised_or_acronym(first):
        return True
    return None


def _decided_by_document(first: str, second: str, evidence: HyphenEvidence) -> bool | None:
    pair = f"{first}-{second}".lower()
    if pair in evidence.hyphenated:
        return True
    if (first + second).lower() in evidence.words:
        return False
    return None


def _decided_by_lexicon(first: str, second: str, lexicon: Lexicon) -> bool | None:
    joined = first + second
    low_first = first.lower()
    if low_first in KEEP_PREFIXES or low_first in ARABIC_PARTICLES:
        if second in lexicon and joined not in lexicon:
            return True
    if joined in lexicon:
        return False
    if len(first) >= 3 and len(second) >= 3 and first in lexicon and second in lexicon:
        return True
    return None


def keep_line_end_hyphen(first: str, second: str, *, evidence: HyphenEvidence, lexicon: Lexicon) -> bool:
    """True when ``first-`` at a line end and ``second`` on the next line form a real compound.

    ``first`` and ``second`` are the letters either side of the hyphen.
    """
    for decision in (
        _decided_by_shape(first, second),
        _decided_by_document(first, second, evidence),
        _decided_by_lexicon(first, second, lexicon),
    ):
        if decision is not None:
            return decision
    return False
