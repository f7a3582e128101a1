"""Mark photo captions and credit lines, which are not part of the story.

A caption describes a picture ("Members of a brigade stand guard at a crossing
near Al-Qaim, Iraq, January 23, 2026."); a credit names its maker ("Stringer/Reuters",
"(credit: NAME / AFP via Getty Images)"). Both are judged a line at a time, on
cues a body sentence rarely has: a credit pattern, an agency photo code, a line
repeated word for word just before, or a present-tense picture verb in a
standalone line that ends with a place and a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orbat.model import Segment, SegmentKind

__all__ = ["find_captions"]

_AGENCIES = (
    r"Reuters|REUTERS|AFP|AP|Getty Images|EPA|EPA-EFE|Anadolu(?: Agency)?|ANADOLU|Xinhua|XINHUA|"
    r"SANA|IRNA|WANA|Handout|HANDOUT|Shutterstock|Flash90|Alamy|Sipa|SIPA|Bloomberg|NurPhoto|Zuma|ZUMA"
)
_NAME = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}"
_CREDIT_PATTERNS = (
    re.compile(r"\((?:photo )?(?:credits?|photos?|photographs?|images?|pictures?)\s*:[^)\n]*\)", re.IGNORECASE),
    re.compile(rf"\((?:{_AGENCIES})(?:\s*/\s*[^)\n]{{1,60}})?\)\s*$"),
    re.compile(rf"(?:{_NAME}|Stringer|STRINGER)\s*/\s*(?:{_AGENCIES})(?: via Getty Images)?\.?\s*$"),
    re.compile(rf"(?:{_AGENCIES})(?: Photo)?\s*/\s*{_NAME}\.?\s*$"),
    re.compile(r"^(?:Photo|Photograph|Picture|Image|Credit)s?\s*:\s*[^.\n]{1,80}$"),
)
# Reuters and other agency picture codes at the start of a caption: RTX3858X, RC2ABC9XYZ
_PHOTO_CODE = re.compile(r"^(?=[A-Z0-9]*\d)[A-Z][A-Z0-9]{5,11}\s+(?=[A-Z])")
_PHOTO_LEAD = re.compile(r"^(?:Photo|Photograph|Picture|Image|File photo)\s*:\s*", re.IGNORECASE)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{4}}|\b(?:in|on) \d{{4}})"
_ENDS_WITH_DATE = re.compile(rf"{_DATE}\s*(?:[;,(]\s*(?:illustrative|file(?: photo)?)\)?)?[.)]?\s*$", re.IGNORECASE)
_HAS_FULL_DATE = re.compile(rf"{_MONTH}\s+\d{{1,2}},\s+\d{{4}}")
_PICTURE_VERB = re.compile(
    r"\b(?:stands?|walks?|poses?|waves?|inspects?|rides?|drives?|patrols?|attends?|reacts?|flutters?|"
    r"gathers?|sits?|holds?|carr(?:y|ies)|march(?:es)?|looks? on|is seen|are seen|shows?|signs?|"
    r"takes? part|celebrates?|mourns?|prays?|chants?|flies|fly|burns?|rises?|speaks? to|gestures?|"
    r"arrives?|stands? guard|queues?|guards?|searches|search|checks?|salutes?|parades?)\b"
)
_REPORTING = re.compile(r"\b(?:said|says|told|according to|reported|stated)\b")
_QUOTED = re.compile(r"[“\"]([^”\"\n]*)[”\"]?")
MIN_SPEECH_WORDS = 4
_NOT_PRESENT = re.compile(r"\b(?:to|will|would|can|could|may|might|must|should|did|does|do|not)\s+$")
# a sentence ends at . ! ? after a lowercase letter, digit or bracket ("U.S. Central" does not split)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]][.!?])\s+(?=[A-Z“\"‘'])")
MAX_TITLE_WORDS = 5
MAX_CAPTION_WORDS = 70
MAX_VERB_POSITION_WORDS = 25


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str
    standalone: bool  # not a wrapped fragment: it starts a paragraph and nothing wraps into it


def _lines(text: str) -> list[_Line]:
    raw = []
    offset = 0
    for line in text.split("\n"):
        raw.append((offset, line))
        offset += len(line) + 1
    result = []
    for i, (start, line) in enumerate(raw):
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip())
        content = line.strip()
        previous = raw[i - 1][1].rstrip() if i else ""
        wrapped = previous.endswith(("-", ",")) or content[:1].islower()
        result.append(_Line(start + lead, start + lead + len(content), content, not wrapped))
    return result


def _credit_spans(line: _Line) -> list[tuple[int, int]]:
    spans = []
    for pattern in _CREDIT_PATTERNS:
        for match in pattern.finditer(line.text):
            spans.append((line.start + match.start(), line.start + match.end()))
    code = _PHOTO_CODE.match(line.text)
    if code:
        spans.append((line.start, line.start + len(code.group().rstrip())))
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _looks_like_picture_description(line: _Line) -> bool:
    words = line.text.split()
    if not line.standalone or len(words) > MAX_CAPTION_WORDS or _reports_speech(line.text):
        return False
    *titles, sentence = _SENTENCE_END.split(line.text)
    if any(len(title.split()) > MAX_TITLE_WORDS for title in titles):
        return False
    verb = _present_picture_verb(sentence)
    if verb < 0 or len(sentence[:verb].split()) > MAX_VERB_POSITION_WORDS:
        return False
    return bool(_ENDS_WITH_DATE.search(sentence) or _HAS_FULL_DATE.search(sentence))


def _reports_speech(text: str) -> bool:
    """Body cues: a reporting verb, or a quotation of several words (a nickname is fine)."""
    if _REPORTING.search(text):
        return True
    return any(len(m.group(1).split()) >= MIN_SPEECH_WORDS for m in _QUOTED.finditer(text))


def _present_picture_verb(sentence: str) -> int:
    """Where the first picture verb in the present tense starts, or -1."""
    for verb in _PICTURE_VERB.finditer(sentence):
        if not _NOT_PRESENT.search(sentence[: verb.start()]):
            return verb.start()
    return -1


def _split_around(line: _Line, credits: list[tuple[int, int]]) -> list[Segment]:
    """The line as a caption, with its credit stretches marked as credits."""
    segments = [Segment(start, end, SegmentKind.CREDIT) for start, end in credits]
    cursor = line.start
    for start, end in credits + [(line.end, line.end)]:
        piece = line.text[cursor - line.start : start - line.start]
        if piece.strip(" ,.;:-–—"):
            lead = len(piece) - len(piece.lstrip())
            segments.append(Segment(cursor + lead, cursor + len(piece.rstrip()), SegmentKind.CAPTION))
        cursor = end
    return segments


def _repeats_next(line: _Line, following: _Line | None) -> bool:
    """A caption printed twice: once alone, then again with its credit appended."""
    return (
        following is not None
        and len(line.text.split()) >= 5
        and following.start - line.end <= 2
        and following.text.startswith(line.text.rstrip(" ."))
    )


def find_captions(text: str) -> tuple[Segment, ...]:
    """Caption and credit segments of ``text``, in order, not overlapping."""
    lines = _lines(text)
    segments: list[Segment] = []
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        credits = _credit_spans(line)
        if credits:
            whole_credit = _PHOTO_LEAD.match(line.text) and len(line.text.split()) <= 8
            segments.extend(
                [Segment(line.start, line.end, SegmentKind.CREDIT)] if whole_credit else _split_around(line, credits)
            )
        elif _repeats_next(line, following) or _looks_like_picture_description(line):
            segments.append(Segment(line.start, line.end, SegmentKind.CAPTION))
    return tuple(sorted(segments, key=lambda s: s.start))
