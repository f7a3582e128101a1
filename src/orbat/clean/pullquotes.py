"""Find pull quotes: short paragraphs that repeat words of the body elsewhere.

Print layouts repeat a striking sentence of the article in large type. Left in
the text it would count the same claim twice. A short paragraph is a pull quote
when most of its word trigrams occur in one other paragraph, and that paragraph
is longer (the quote was cut from it) or as short and earlier (the quote is the
later copy).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from orbat.model import Segment, SegmentKind

__all__ = ["find_pull_quotes"]

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
_WORD = re.compile(r"\w+")
MIN_QUOTE_WORDS = 6
MAX_QUOTE_WORDS = 45
MIN_SHARED_TRIGRAMS = 0.6
LONGER_SOURCE_RATIO = 1.3

Trigram = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class _Paragraph:
    start: int
    end: int
    spans: tuple[tuple[int, int], ...]  # of its words, in the whole text
    trigrams: tuple[Trigram, ...]  # trigram i starts at word i


def _paragraphs(text: str) -> list[_Paragraph]:
    result = []
    for match in _PARAGRAPH.finditer(text):
        words = list(_WORD.finditer(match.group()))
        low = [w.group().lower() for w in words]
        base = match.start()
        spans = tuple((base + w.start(), base + w.end()) for w in words)
        result.append(_Paragraph(match.start(), match.end(), spans, tuple(zip(low, low[1:], low[2:]))))
    return result


def _occurrences(paragraphs: list[_Paragraph], wanted: set[Trigram]) -> dict[Trigram, list[tuple[int, int]]]:
    """(paragraph index, word index) of every trigram in ``wanted``."""
    found: dict[Trigram, list[tuple[int, int]]] = defaultdict(list)
    for p_index, para in enumerate(paragraphs):
        for w_index, trigram in enumerate(para.trigrams):
            if trigram in wanted:
                found[trigram].append((p_index, w_index))
    return found


def _best_source(index: int, quote: _Paragraph, found: dict[Trigram, list[tuple[int, int]]]) -> tuple[int, list[int]]:
    """The other paragraph sharing most of the quote's trigrams, and the word indices shared."""
    hits: dict[int, set[int]] = defaultdict(set)
    shared: Counter[int] = Counter()
    for trigram in set(quote.trigrams):
        paragraphs_seen = set()
        for p_index, w_index in found.get(trigram, ()):
            if p_index != index:
                hits[p_index].add(w_index)
                paragraphs_seen.add(p_index)
        shared.update(paragraphs_seen)
    if not shared:
        return -1, []
    source, count = shared.most_common(1)[0]
    if count < MIN_SHARED_TRIGRAMS * len(set(quote.trigrams)):
        return -1, []
    return source, sorted(hits[source])


def find_pull_quotes(text: str) -> tuple[Segment, ...]:
    """Pull-quote segments; each note says where in the text the words also stand."""
    paragraphs = _paragraphs(text)
    candidates = [i for i, p in enumerate(paragraphs) if MIN_QUOTE_WORDS <= len(p.spans) <= MAX_QUOTE_WORDS]
    found = _occurrences(paragraphs, {t for i in candidates for t in paragraphs[i].trigrams})
    segments = []
    for index in candidates:
        quote = paragraphs[index]
        source, word_indices = _best_source(index, quote, found)
        if source < 0:
            continue
        origin = paragraphs[source]
        if len(origin.spans) < LONGER_SOURCE_RATIO * len(quote.spans) and source > index:
            continue
        start, end = origin.spans[word_indices[0]][0], origin.spans[word_indices[-1] + 2][1]
        segments.append(Segment(quote.start, quote.end, SegmentKind.PULL_QUOTE, note=f"repeats {start}-{end}"))
    return tuple(segments)
