"""Repair text that went through OCR of a printed page.

Column layout leaves short lines, words hyphenated at line ends, paragraphs
broken mid-sentence by a column break, drop capitals on a line of their own, and
pull quotes repeated from the body. :func:`repair_ocr_text` rejoins words and
paragraphs and marks pull quotes and stray headlines, keeping a map back to the
input text.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from orbat.clean.edits import Edit, apply_edits, map_segments_forward
from orbat.clean.hyphens import HyphenEvidence, hyphen_evidence, keep_line_end_hyphen
from orbat.clean.lexicon import Lexicon
from orbat.clean.pullquotes import find_pull_quotes
from orbat.model import OffsetMap, Segment, SegmentKind

__all__ = ["looks_like_ocr", "repair_ocr_text"]

_MID_SENTENCE_BREAK = re.compile(r"[a-z,][ \t]*\n[ \t]*[a-z]")
_LINE_END_HYPHEN = re.compile(r"[a-z]-[ \t]*\n(?:[ \t]*\n)?[ \t]*[a-z]")
_INNER_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_LAYOUT_SPACES = re.compile(r"\S[ \t]{4,}\S")
_DOMAIN_BREAK = re.compile(r"(?:^|\s)[\w-]+\.$")
_TOP_LEVEL_DOMAIN = re.compile(r"(?:com|org|net|gov|edu|int|info|io)\b")
_CLOSERS = "\"'”’)]»"
_TERMINAL = ".!?:"
_OPEN_ENDINGS = frozenset(
    """the a an of to in on at by for with from and or but as that which who whose whom its their his
    her our your is are was were be been being has have had will would could should may might must
    than into between against over under about after before during without within toward towards
    this these those not nor so if when while where because""".split()
)
MIN_OCR_LINES = 8
MAX_OCR_MEAN_LINE_CHARS = 60


def looks_like_ocr(text: str) -> bool:
    """True for text laid out in short printed-column lines broken mid-sentence."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < MIN_OCR_LINES:
        return False
    mean_chars = sum(len(line) for line in lines) / len(lines)
    if mean_chars > MAX_OCR_MEAN_LINE_CHARS:
        return False
    breaks = len(_MID_SENTENCE_BREAK.findall(text)) / len(lines)
    hyphens = len(_LINE_END_HYPHEN.findall(text)) / len(lines)
    return breaks >= 0.25 or hyphens >= 0.03


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # where its content starts (after leading blanks)
    end: int  # where its content ends (before trailing blanks)
    content: str
    indented: bool
    layout: bool  # a wide line or one with column gaps: a caption or headline across columns


def _lines(text: str) -> list[_Line]:
    non_blank = [(m.start(), m.group()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    widths = [len(line.strip()) for _, line in non_blank]
    wide = 1.5 * statistics.median(widths) if widths else 0
    result = []
    for start, line in non_blank:
        content = line.strip()
        lead = len(line) - len(line.lstrip())
        layout = bool(_LAYOUT_SPACES.search(content)) or (len(content) > max(wide, 40))
        result.append(_Line(start + lead, start + lead + len(content), content, lead > 0, layout))
    return result


def _is_terminated(content: str) -> bool:
    stripped = content.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _continues_paragraph(before: str, after: str) -> bool:
    """A blank line inside a sentence: a column or page break, not a paragraph break."""
    if _is_terminated(before) or before.endswith(("”", '"')):
        return False
    last_word = before.rsplit(None, 1)[-1].lower()
    return after[:1].islower() or before.endswith(",") or last_word in _OPEN_ENDINGS


def _is_label(line: _Line) -> bool:
    """A short indented line such as a section label ("View point")."""
    return line.indented and len(line.content.split()) <= 3 and not re.search(r"[.,;:!?]", line.content)


def _is_drop_capital(line: _Line, following: _Line, lexicon: Lexicon) -> bool:
    word = following.content.split(None, 1)[0]
    if len(line.content) != 1 or not line.content.isupper() or not word[:1].islower():
        return False
    if lexicon:
        joined = line.content + word.rstrip(",.;:")
        return joined in lexicon and not (line.content in "AI" and word in lexicon)
    return line.content not in "AI"


def _is_split_domain(line: _Line, following: _Line) -> bool:
    """A web address broken after its dot: "example." / "com"."""
    return bool(_DOMAIN_BREAK.search(line.content) and _TOP_LEVEL_DOMAIN.match(following.content))


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    evidence: HyphenEvidence
    lexicon: Lexicon


def _hyphen_edit(before: _Line, after: _Line, ctx: _Context) -> Edit | None:
    match = re.search(r"([A-Za-z]+)([-\u00ad\u2010])$", before.content)
    second = re.match(r"[A-Za-z]+", after.content)
    if match is None or second is None:
        return None
    hyphen_at = before.end - 1
    keep = match.group(2) != "\u00ad" and keep_line_end_hyphen(
        match.group(1), second.group(), evidence=ctx.evidence, lexicon=ctx.lexicon
    )
    return Edit(hyphen_at + 1 if keep else hyphen_at, after.start, "")


def _gap_replacement(before: _Line, after: _Line, ctx: _Context) -> str:
    has_blank = ctx.text.count("\n", before.end, after.start) > 1
    if before.layout or after.layout:
        return "\n\n"
    if after.indented and _is_terminated(before.content):
        return "\n\n"
    if _is_label(before) and after.content[:1].isupper():
        return "\n\n"
    if has_blank:
        return " " if _continues_paragraph(before.content, after.content) else "\n\n"
    return " "


def _gap_edit(before: _Line, after: _Line, ctx: _Context) -> Edit:
    if not (before.layout or after.layout):
        hyphen = _hyphen_edit(before, after, ctx)
        if hyphen is not None:
            return hyphen
        if _is_drop_capital(before, after, ctx.lexicon) or _is_split_domain(before, after):
            return Edit(before.end, after.start, "")
    return Edit(before.end, after.start, _gap_replacement(before, after, ctx))


def _layout_headlines(lines: list[_Line]) -> list[Segment]:
    """Wide lines without any sentence punctuation: a headline set across the columns."""
    return [
        Segment(line.start, line.end, SegmentKind.HEADLINE, note="headline set across columns")
        for line in lines
        if line.layout and not re.search(r"[.!?;]", line.content) and len(line.content.split()) <= 15
    ]


def repair_ocr_text(
    text: str, *, lexicon: Lexicon | None = None
) -> tuple[str, OffsetMap, tuple[Segment, ...]]:
    """Rejoin hyphenated words and broken paragraphs; mark pull quotes.

    Returns the repaired text, its map back to ``text``, and segments in the
    repaired text (pull quotes, headlines set across columns). ``lexicon`` (built
    once by the caller, see :mod:`orbat.clean.lexicon`) sharpens hyphen decisions.
    """
    lines = _lines(text)
    if not lines:
        return text, OffsetMap.identity(), ()
    ctx = _Context(text, hyphen_evidence(text), lexicon or Lexicon())
    edits = [Edit(0, lines[0].start, "")] if lines[0].start else []
    for before, after in zip(lines, lines[1:]):
        edits.append(_gap_edit(before, after, ctx))
    for line in lines:
        edits.extend(Edit(line.start + m.start(), line.start + m.end(), " ") for m in _INNER_SPACES.finditer(line.content))
    repaired, offsets = apply_edits(text, edits)
    headlines = map_segments_forward(_layout_headlines(lines), offsets, len(repaired))
    segments = sorted(headlines + find_pull_quotes(repaired), key=lambda s: s.start)
    return repaired, offsets, tuple(segments)
