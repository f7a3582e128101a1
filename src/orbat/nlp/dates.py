"""Temporal expressions: find them in a text and normalise them to a :class:`TimeSpan`.

``find_temporal_expressions(text, published="2025-06-17")`` finds "on Saturday" (2025-06-14),
"last December" (2024-12), "since Monday" (2025-06-16..2025-06-17), "in early January",
"the past two months", "between 2011 and 2024", "summer 2014", "Dec. 18, 2025", "two days ago",
and "a day after the war broke out" when the text dates the outbreak elsewhere.

How it works: the rules of :mod:`orbat.nlp.date_rules` (compiled once) scan the text; where
two finds overlap the longest wins; neighbours joined by "between … and", "from … to" or a
dash become one range; "since X" runs from X to the publication date; shifts ("a week
earlier", "two days after the attack") are resolved against the date they refer to. The
reference for relative expressions is the publication date, never today: without it they
come back with precision ``unknown``. A partial publication date ("2017-07") resolves each
expression against its first and last day and keeps the union, at the coarser precision.
dateparser is only asked about caller-given candidate spans that no rule normalises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from orbat.errors import InputError
from orbat.model import TimeSpan
from orbat.nlp.date_rules import (
    RULES,
    Resolved,
    Rule,
    Shift,
    coarsen,
    coarser,
    is_count_noun,
    month_end,
    shift_span,
)

__all__ = ["TemporalExpression", "find_temporal_expressions", "normalise_temporal"]


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    start: int  # char span in the text given
    end: int
    text: str
    time: TimeSpan
    anchor: str | None = None  # for "a day after X": the text span it was resolved against, or None


@dataclass(frozen=True, slots=True)
class _Reference:
    """The publication date as the range of days it may be."""

    lo: date
    hi: date
    precision: str


@dataclass(frozen=True, slots=True)
class _Find:
    start: int
    end: int
    value: Resolved | Shift | None  # None: recognised, not normalisable
    rule: Rule | None = None
    match: re.Match[str] | None = None
    anchor: str | None = None
    open_end: bool = False  # "since 2011" without a publication date
    order: int = 0  # rule priority; candidates come last


_ISO_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?")
_SINCE = re.compile(r"(?i:\b(?:ever\s+)?since)\s+$")
_RANGE_OPEN = re.compile(r"(?i:\b(?P<w>from|between))\s+$")
_RANGE_JOIN = re.compile(r"\s*[-–—]\s*|\s+(?i:(?P<w>to|until|till|through|and))\s+")
_MONTH_CONTEXT = re.compile(
    r"(?i:\b(?:in|on|since|until|till|by|from|during|through|throughout|before|after|of|the|and|or|to|"
    r"between|around|ending|starting|early|late|mid|last|this|next|each|every))[\s-]+$")
_TEMPORAL_PREPS = frozenset(
    "in since until till by from during through throughout before after of the and or to between around "
    "early late mid circa ca year years end beginning start as back summer winter spring autumn fall "
    "january february march april may june july august september october november december".split())
_QUANTITY_CUES = frozenset("about nearly some approximately almost roughly least than over up estimated "
                           "page pages p pp no nos number tel phone fax ext code flight route km".split())
_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z][\w.]*)\W{0,3}$")
_WORD_AFTER = re.compile(r"\s+(?P<w>[A-Za-z]+)(?:\s+(?P<w2>[A-Za-z]+))?")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”\n]\s*)$")
_CORE = re.compile(r"(?is:^\W*(?:(?:in|on|at|during|by|around|about|of|circa)\s+)?(?P<core>.*?)(?:['’]s)?[\s.,;:!?]*$)")
_TIME_ONLY = re.compile(r"(?i:[\d:.\s]*(?:[ap]\.?m\.?|h|hrs|gmt|utc|local\s+time|noon|midnight)?[\s.]*)")
_FILLER = frozenset("at around about the of local time morning evening night afternoon noon midnight dawn dusk "
                    "am pm a m p gmt utc on in by early late".split())
_DATEPARSER_WORTHY = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|"
                                r"\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)")
_CLOCK = re.compile(r"(?i:\b\d{1,2}(?::\d\d){1,2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?)")


def find_temporal_expressions(text: str, *, published: str | None,
                              candidates: Sequence[tuple[int, int]] = ()) -> list[TemporalExpression]:
    """Find and normalise every temporal expression in text.

    ``published`` is the document's ISO date (possibly partial: "2017", "2017-07", "2017-07-03");
    relative expressions resolve against it, preferring the past. ``candidates`` are extra spans
    (e.g. spaCy DATE/TIME entities) to try to normalise; overlapping finds are merged, the longest
    wins (a dated find beats an overlapping one that cannot be normalised). Expressions that cannot
    be normalised are still returned with ``TimeSpan(precision='unknown')`` — never dropped.
    """
    ref = _parse_published(published)
    finds = _analyse(text, ref, anchors=None)
    extra = [_candidate(text, s, e, published) for s, e in candidates
             if 0 <= s < e <= len(text) and not any(f.start <= s and e <= f.end for f in finds)]
    if extra:
        finds = _merge(finds + extra)
    return [TemporalExpression(f.start, f.end, text[f.start:f.end], _to_timespan(f), f.anchor) for f in finds]


def normalise_temporal(expression: str, *, published: str | None,
                       anchors: Mapping[str, TimeSpan] = {}) -> TimeSpan | None:
    """Normalise one expression ("last December", "a day after the attack").

    Returns ``TimeSpan(precision='unknown')`` for a recognised expression that cannot be dated
    (relative without a publication date, anchor not in ``anchors``) and ``None`` for text that
    is not a temporal expression. ``anchors`` maps event phrases ("the attack") to their dates.
    """
    ref = _parse_published(published)
    core = _CORE.match(expression)
    assert core is not None  # the pattern matches every string
    c0, c1 = core.span("core")
    if c0 == c1:
        return None
    finds = _analyse(expression, ref, anchors=anchors)
    covering = [f for f in finds if f.start <= c0 and f.end >= c1]
    if not covering:
        inside = [f for f in finds if c0 <= f.start and f.end <= c1]
        if len(inside) == 1 and _only_filler(expression[c0:inside[0].start] + " " + expression[inside[0].end:c1]):
            covering = inside
    if covering:
        return _to_timespan(covering[0])
    parsed = _dateparser(expression[c0:c1], ref)
    return _to_timespan(_Find(c0, c1, parsed)) if parsed else None


# --- reference -----------------------------------------------------------------------------

def _parse_published(published: str | None) -> _Reference | None:
    if not published:
        return None
    m = _ISO_PARTIAL.fullmatch(published.strip())
    try:
        if m is None:
            raise ValueError(published)
        year, month, day = int(m[1]), m[2], m[3]
        if day:
            d = date(year, int(month), int(day))
            return _Reference(d, d, "day")
        if month:
            return _Reference(date(year, int(month), 1), month_end(year, int(month)), "month")
        return _Reference(date(year, 1, 1), date(year, 12, 31), "year")
    except ValueError:
        raise InputError(f"published date {published!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); "
                         "pass it as one, or None when unknown") from None


def _apply(rule: Rule, m: re.Match[str], ref: _Reference | None) -> Resolved | Shift | None:
    """Resolve a match; against a partial reference, the union over its first and last day."""
    if ref is not None and rule.partial == "latest":
        return rule.resolve(m, ref.hi)
    first = rule.resolve(m, ref.lo if ref else None)
    if ref is None or ref.lo == ref.hi or not isinstance(first, Resolved):
        return first
    last = rule.resolve(m, ref.hi)
    if not isinstance(last, Resolved) or last == first:
        return first
    precision = coarser(coarser(first.precision, last.precision), ref.precision)
    return Resolved(min(first.start, last.start), max(first.end, last.end), precision)


# --- the analysis --------------------------------------------------------------------------

def _analyse(text: str, ref: _Reference | None, anchors: Mapping[str, TimeSpan] | None) -> list[_Find]:
    finds = _merge(_scan(text, ref))
    finds = _join_ranges(text, finds)
    finds = _resolve_shifts(text, finds, ref, anchors)
    return [_since(text, f, ref) for f in finds]


def _scan(text: str, ref: _Reference | None) -> Iterable[_Find]:
    lower = text.lower()
    for order, rule in enumerate(RULES):
        for m in _matches(rule, text, lower):
            start, end = m.span("x")
            if rule.guard == "month" and not _MONTH_CONTEXT.search(text, max(0, start - 24), start):
                continue
            if rule.guard == "year" and not _looks_like_year(text, start, end):
                continue
            yield _Find(start, end, _apply(rule, m, ref), rule, m, order=order)


def _matches(rule: Rule, text: str, lower: str) -> Iterator[re.Match[str]]:
    """``rule.pattern.finditer(text)``, scanning only the windows around the rule's ``needs`` words
    (most of a text is far from any month name or "ago"). Matches never overlap, as with finditer."""
    if not rule.needs:
        yield from rule.pattern.finditer(text)
        return
    done = 0
    for lo, hi in _windows(lower, rule.needs, rule.reach):
        for m in rule.pattern.finditer(text, max(lo, done), hi):
            done = m.end()
            yield m


def _windows(lower: str, words: tuple[str, ...], reach: int) -> list[tuple[int, int]]:
    spans = []
    for word in words:
        at = lower.find(word)
        while at != -1:
            spans.append((max(0, at - reach), min(len(lower), at + len(word) + reach)))
            at = lower.find(word, at + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _looks_like_year(text: str, start: int, end: int) -> bool:
    """A bare four-digit number is a year unless its neighbours say it is a count or a name."""
    after = _WORD_AFTER.match(text, end)
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    word = before["w"].rstrip(".").lower() if before else ""
    if after and is_count_noun(after["w"]):
        return False
    if word in _TEMPORAL_PREPS:
        return True
    if after and after["w2"] and is_count_noun(after["w2"]):  # "2000 Sunni residents"
        return False
    if word in _QUANTITY_CUES:
        return False
    capitalised = before is not None and before["w"][0].isupper()
    return not (capitalised and not _SENTENCE_START.search(text, max(0, before.start() - 3), before.start()))


def _rank(f: _Find) -> tuple[bool, int, int, int]:
    return (f.value is None, -(f.end - f.start), f.order, f.start)


def _merge(finds: Iterable[_Find]) -> list[_Find]:
    """Drop finds that overlap a better one: dated before undated, then longest, then rule order."""
    kept: list[_Find] = []
    for f in sorted(finds, key=_rank):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def _join_ranges(text: str, finds: list[_Find]) -> list[_Find]:
    """"between 2011 and 2024", "from June to August 2014", "2014–2017" become one range."""
    out: list[_Find] = []
    i = 0
    while i < len(finds):
        joined = _join(text, finds[i], finds[i + 1]) if i + 1 < len(finds) else None
        if joined:
            out.append(joined)
            i += 2
        else:
            out.append(finds[i])
            i += 1
    return out


def _join(text: str, a: _Find, b: _Find) -> _Find | None:
    if not isinstance(b.value, Resolved) or a.rule is None or a.match is None or isinstance(a.value, Shift):
        return None
    join = _RANGE_JOIN.fullmatch(text, a.end, b.start)
    opener = _RANGE_OPEN.search(text, max(0, a.start - 10), a.start)
    if join is None:
        return None
    word, opened = (join["w"] or "").lower(), (opener["w"].lower() if opener else "")
    if word and opened != ("between" if word == "and" else "from"):  # "and" needs "between", "to" needs "from"
        return None
    first = a.value
    if a.rule.resolve(a.match, None) is None:  # relative: read it against the end of the range
        first = a.rule.resolve(a.match, b.value.end)
    if not isinstance(first, Resolved) or first.start > b.value.end:
        return None
    value = Resolved(first.start, b.value.end, coarser(first.precision, b.value.precision))
    return _Find(opener.start() if opener else a.start, b.end, value, order=a.order)


def _resolve_shifts(text: str, finds: list[_Find], ref: _Reference | None,
                    anchors: Mapping[str, TimeSpan] | None) -> list[_Find]:
    out: list[_Find] = []
    sentences = None
    for f in finds:
        if isinstance(f.value, Shift):
            shift = f.value
            if shift.anchor is not None:
                if anchors is None and sentences is None:
                    sentences = _sentence_spans(text)
                f = _resolve_event_shift(text, f, shift, ref, anchors, finds, sentences or [])
            else:
                f = _resolve_discourse_shift(text, f, shift, ref, out)
        out.append(f)
    return out


def _resolve_event_shift(text: str, f: _Find, shift: Shift, ref: _Reference | None,
                         anchors: Mapping[str, TimeSpan] | None, finds: list[_Find],
                         sentences: list[tuple[int, int]]) -> _Find:
    """"two days after the attack": a date inside the phrase, else where the text (or ``anchors``) dates it."""
    assert shift.anchor is not None
    a0 = f.start + shift.anchor_start
    inner = [g for g in _merge(_scan(text[a0:f.end], ref)) if isinstance(g.value, Resolved)]
    if inner:
        base, label = inner[0].value, text[a0 + inner[0].start:a0 + inner[0].end]
    elif anchors is not None:
        base, label = _anchor_from_mapping(shift.anchor, anchors), shift.anchor
    else:
        dated = [(g.start, g.end, g.value) for g in finds if isinstance(g.value, Resolved)]
        base, label = _anchor_from_sentences(text, shift.anchor, (f.start, f.end), dated, sentences)
        label = label or shift.anchor
    assert isinstance(base, Resolved) or base is None
    value = shift_span(base, shift.lo, shift.hi, shift.unit) if base else None
    return replace(f, value=value, anchor=label)


def _resolve_discourse_shift(text: str, f: _Find, shift: Shift, ref: _Reference | None,
                             before: list[_Find]) -> _Find:
    """"a week earlier", "the next day": the closest date before it, else the publication date."""
    for g in reversed(before):
        if f.start - g.end > 400:
            break
        if isinstance(g.value, Resolved) and g.rule is not None and g.rule.name != "ago":
            return replace(f, value=shift_span(g.value, shift.lo, shift.hi, shift.unit), anchor=text[g.start:g.end])
    if ref is None or shift.hi > 0 or (shift.lo == shift.hi == 0):
        return replace(f, value=None)
    base = Resolved(ref.lo, ref.hi, ref.precision)
    return replace(f, value=shift_span(base, shift.lo, shift.hi, shift.unit))


def _since(text: str, f: _Find, ref: _Reference | None) -> _Find:
    """"since Monday" runs from Monday to the publication date (open-ended without one)."""
    m = _SINCE.search(text, max(0, f.start - 12), f.start)
    if m is None or not isinstance(f.value, Resolved) or (ref and f.value.start > ref.hi):
        return f
    end = max(ref.hi, f.value.end) if ref else f.value.end
    return replace(f, start=m.start(), value=Resolved(f.value.start, end, f.value.precision), open_end=ref is None)


# --- event anchors -------------------------------------------------------------------------

_STOP = frozenset("the a an of in on at to for by with from and or between out up was were is are be been had has "
                  "have its their his her this that it as into over after before when which who".split())
_WORD = re.compile(r"[A-Za-z0-9]+")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*")


def _keys(text: str) -> set[str]:
    """Content words, cut to five letters so that "attack" meets "attacked"."""
    return {w.lower()[:5] for w in _WORD.findall(text) if w.lower() not in _STOP}


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start() + 1))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _anchor_from_mapping(phrase: str, anchors: Mapping[str, TimeSpan]) -> Resolved | None:
    """The anchor whose event phrase shares most content words with ``phrase`` (at least 60%)."""
    keys, best, best_score = _keys(phrase), None, 0.6
    for event, span in anchors.items():
        if not (span.start and span.end and keys):
            continue
        other = _keys(event)
        overlap = len(keys & other)
        score = 2.0 if other == keys else max(overlap / len(keys), overlap / len(other) if other else 0.0)
        if score >= best_score:
            best, best_score = span, score
    if best is None:
        return None
    assert best.start and best.end
    return Resolved(date.fromisoformat(best.start), date.fromisoformat(best.end), best.precision)


def _anchor_from_sentences(text: str, phrase: str, own: tuple[int, int],
                           dated: list[tuple[int, int, Resolved]],
                           sentences: list[tuple[int, int]]) -> tuple[Resolved | None, str | None]:
    """A date in another sentence that mentions the event: "The war broke out on June 13."

    The best sentence shares most of the phrase's content words (at least 60%); ties go to
    a sentence before the expression, then to the nearest. Its first date is the anchor.
    """
    keys = _keys(phrase)
    best: tuple[float, bool, int] | None = None
    found: tuple[Resolved | None, str | None] = (None, None)
    for s0, s1 in sentences:
        if s0 <= own[0] < s1 or not keys:
            continue  # the expression's own sentence dates something else
        in_sentence = [d for d in dated if s0 <= d[0] < s1]
        if not in_sentence:
            continue
        score = len(keys & _keys(text[s0:s1])) / len(keys)
        rank = (score, s1 <= own[0], -abs(s0 - own[0]))
        if score >= 0.6 and (best is None or rank > best):
            best = rank
            found = (in_sentence[0][2], text[in_sentence[0][0]:in_sentence[0][1]])
    return found


# --- candidates and dateparser -------------------------------------------------------------

def _candidate(text: str, start: int, end: int, published: str | None) -> _Find:
    span = normalise_temporal(text[start:end], published=published)
    if span is None or span.start is None or span.end is None:
        return _Find(start, end, None, order=len(RULES))
    value = Resolved(date.fromisoformat(span.start), date.fromisoformat(span.end), span.precision)
    return _Find(start, end, value, order=len(RULES))


def _only_filler(text: str) -> bool:
    """Nothing but a clock time and words like "at", "local time": "Tuesday at 3 p.m."."""
    text = _CLOCK.sub(" ", text)
    return all(w in _FILLER for w in re.findall(r"[a-z]+", text.lower())) and not re.search(r"\d", text)


def _dateparser(expression: str, ref: _Reference | None) -> Resolved | None:
    """Ask dateparser about what our rules could not read; never relative to today."""
    if not _DATEPARSER_WORTHY.search(expression) or len(expression) > 60 or _TIME_ONLY.fullmatch(expression):
        return None
    years = re.findall(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)", expression)
    if ref is None and not years:
        return None
    import dateparser.date  # heavy; only here, and only for leftovers

    base = datetime.combine(ref.hi, datetime.min.time()) if ref else datetime(int(years[0]), 12, 31)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    data = dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(expression)
    found = data.date_obj.date() if data and data.date_obj else None
    if found is None or (years and str(found.year) not in years) or not 1800 <= found.year <= base.year + 10:
        return None
    precision = {"time": "day", "day": "day", "week": "week", "month": "month", "year": "year"}.get(data.period or "day",
                                                                                               "day")
    return coarsen(found, found, precision)


def _to_timespan(f: _Find) -> TimeSpan:
    if not isinstance(f.value, Resolved):
        return TimeSpan()
    end = None if f.open_end else f.value.end.isoformat()
    return TimeSpan(f.value.start.isoformat(), end, f.value.precision)
