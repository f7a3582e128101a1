"""Counts in event sentences: fatalities (low / best / high) and force size, read with regular expressions.

Fatality rules, for the first death phrase of the sentence ("killed at least 12", "three soldiers
were killed", "between 20 and 30 dead", "the death toll rose to 40"):

============================  =========  =========  =========
count                          low        best       high
============================  =========  =========  =========
"12" (bare)                    12         12         12
"at least 12"                  12         12         —
"more than 12", "over 12"      13         13         —
"about/around/some 12"         —          12         —
"nearly/almost 12"             —          12         12
"up to 12", "as many as 12"    —          12         12
"between 20 and 30", "20-30"   20         25         30
"dozens" / "scores" …          24 / 40 …  24 / 40 …  —
============================  =========  =========  =========

A toll counted over a period ("killed in Aleppo since April", "so far", "to date", "in total", within
four words of the death phrase) is no event's toll: the event gets no fatalities from it.

Vague words count as the smallest number they literally allow (``VAGUE_NUMBERS``: "dozens" ≥ 24,
"hundreds" ≥ 200, "several" ≥ 3); ACLED instead codes "dozens" as 12 — we keep the literal
floor and leave ``high`` open. Size: the first counted force phrase that is not the death phrase,
digits without separators ("3,000 troops" → "3000 troops", "dozens of fighters", "a battalion").
"""

from __future__ import annotations

import re

from orbat.extract.event_lexicon import NUMBER_WORDS, SIZE_UNITS, VAGUE_NUMBERS
from orbat.model import Fatalities

__all__ = ["read_fatalities", "read_size", "parse_number"]

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|(?!(?:19|20)\d\d\b)\d+|(?:{_TENS})-(?:{_UNITS})|{_WORDS})"
_VAGUE = "|".join(sorted((re.escape(w) for w in VAGUE_NUMBERS), key=len, reverse=True))
_QUAL = (r"at least|more than|over|nearly|almost|about|around|some|approximately|roughly|up to|"
         r"as many as|an estimated|at most|fewer than|less than")
_COUNT = (rf"(?:(?P<q>{_QUAL})\s+)?(?:between\s+(?P<a>{_NUM})\s+and\s+(?P<b>{_NUM})|"
          rf"(?P<a2>{_NUM})\s*(?:-|–|to)\s*(?P<b2>{_NUM})\b|(?P<n>{_NUM})\b|(?P<v>{_VAGUE})\b)")
_DEATH = r"(?:killed|dead|died|slain|perished|lost their lives)"
_PATTERNS = (
    re.compile(rf"\bkill(?:ed|ing|s)?\s+{_COUNT}", re.I),
    re.compile(rf"\bdeath toll\s+(?:\w+\s+){{0,3}}?(?:to|of|at)\s+{_COUNT}", re.I),
    re.compile(rf"\b(?:leaving|left)\s+{_COUNT}(?:\s+[A-Za-z-]+){{0,3}}?\s+dead\b", re.I),
    re.compile(rf"(?<![\w,]){_COUNT}(?:\s+(?:of\s+)?[A-Za-z.'’-]+){{0,4}}?\s+"
               rf"(?:(?:were|was|have|has|had|been|are|being|reportedly|also)\s+)*{_DEATH}\b", re.I),
)
_SIZE = re.compile(
    rf"(?<![\w,])(?:(?:{_QUAL})\s+)?(?P<c>{_NUM}|{_VAGUE})\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:{SIZE_UNITS})\b"
    r"|\ban?\s+(?:battalion|brigade|regiment|platoon|convoy)\b", re.I)
_SPACE = re.compile(r"\s+")
# a toll counted over a period ("300 have been killed in Aleppo since April", "so far this year"): not one
# event's dead, so not the event's fatalities
_CUMULATIVE = re.compile(r"(?:\s+[\w'’-]+){0,4}?\s+(?:since|so far|to date|in total|altogether)\b", re.I)


def parse_number(text: str) -> int | None:
    """'3,000' -> 3000, 'twenty-five' -> 25, 'a dozen' -> 12, 'dozens' -> 24; None when not a count."""
    t = text.lower().strip()
    if t.replace(",", "").isdigit():
        return int(t.replace(",", ""))
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    if t in VAGUE_NUMBERS:
        return VAGUE_NUMBERS[t]
    if "-" in t:
        parts = [NUMBER_WORDS.get(p) for p in t.split("-")]
        return sum(p for p in parts if p) if all(parts) else None
    return None


def read_fatalities(sentence: str) -> tuple[Fatalities, tuple[int, int] | None]:
    """Fatalities of the first death phrase in the sentence, and its character span (None when none)."""
    for pattern in _PATTERNS:
        m = pattern.search(sentence)
        if m is not None:
            cumulative = _CUMULATIVE.match(sentence, m.end()) is not None
            return (Fatalities() if cumulative else _fatalities(m)), m.span()
    return Fatalities(), None


def _fatalities(m: re.Match[str]) -> Fatalities:
    a, b = m.group("a") or m.group("a2"), m.group("b") or m.group("b2")
    if a and b:
        lo, hi = parse_number(a), parse_number(b)
        best = round((lo + hi) / 2) if lo is not None and hi is not None else None
        return Fatalities(lo, best, hi)
    if m.group("v"):
        n = parse_number(m.group("v"))
        return Fatalities(n, n, None)
    n = parse_number(m.group("n") or "")
    q = (m.group("q") or "").lower()
    if n is None:
        return Fatalities()
    if q == "at least":
        return Fatalities(n, n, None)
    if q in ("more than", "over"):
        return Fatalities(n + 1, n + 1, None)
    if q in ("nearly", "almost", "up to", "as many as", "at most", "fewer than", "less than"):
        return Fatalities(None, n, n)
    if q:
        return Fatalities(None, n, None)
    return Fatalities(n, n, n)


def read_size(sentence: str, *, skip: tuple[int, int] | None = None) -> str | None:
    """The first force size in the sentence outside ``skip`` (the death phrase), normalised."""
    for m in _SIZE.finditer(sentence):
        if skip is not None and m.start() < skip[1] and skip[0] < m.end():
            continue
        text = _SPACE.sub(" ", m.group(0)).strip()
        count = m.group("c")
        if count and count.replace(",", "").isdigit():
            text = text.replace(count, count.replace(",", ""), 1)
        return text
    return None
