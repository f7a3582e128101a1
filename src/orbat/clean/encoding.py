"""Repair of text decoded with the wrong charset (mojibake), keeping offsets.

(Decoding bytes is the ingest stage's job: ``orbat.ingest.decode``.) ``repair_mojibake`` runs ftfy only on the lines that need it and re-aligns each
changed line on its own, so offsets survive and a large text stays fast.
"""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from collections.abc import Iterator

import ftfy
from ftfy.badness import BADNESS_RE

from orbat.clean.edits import Edit, apply_edits
from orbat.model import OffsetMap

__all__ = ["repair_mojibake"]

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False, uncurl_quotes=False, fix_line_breaks=False, fix_character_width=False, explain=False
)
# characters ftfy changes even in text that is not mojibake
_FIXABLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufb00-\ufb06\ud800-\udfff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# UTF-8 read as Latin-1/cp1252 always gives a lead byte Â..ô then a continuation
# byte shown as a C1 character or a cp1252 punctuation mark: "â€™", "Ã©", "Â ".
# ftfy's own BADNESS_RE is run only on lines this cheap pattern flags.
_MOJIBAKE_PAIR = re.compile(
    "[\xc2-\xf4][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _line_bounds(text: str, index: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return start, len(text) if end < 0 else end


def _lines_matching(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each line where ``pattern`` matches, each line once."""
    match = pattern.search(text)
    while match is not None:
        start, end = _line_bounds(text, match.start())
        yield start, end
        match = pattern.search(text, end)


def _lines_to_fix(text: str) -> list[tuple[int, int]]:
    """Lines ftfy might change: mojibake-looking, control characters, not NFC."""
    lines = {(start, end) for start, end in _lines_matching(text, _MOJIBAKE_PAIR) if BADNESS_RE.search(text, start, end)}
    lines |= set(_lines_matching(text, _FIXABLE))
    if not unicodedata.is_normalized("NFC", text):
        lines |= {
            (start, end)
            for start, end in _lines_matching(text, _NON_ASCII)
            if not unicodedata.is_normalized("NFC", text[start:end])
        }
    return sorted(lines)


def _line_edits(line: str, fixed: str, line_start: int) -> list[Edit]:
    """Align one changed line with its repair; one edit per differing stretch.

    The common prefix and suffix are cut off first, so difflib sees only the part
    that changed.
    """
    prefix = len(os.path.commonprefix([line, fixed]))
    suffix = len(os.path.commonprefix([line[prefix:][::-1], fixed[prefix:][::-1]]))
    old, new = line[prefix : len(line) - suffix], fixed[prefix : len(fixed) - suffix]
    base = line_start + prefix
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        Edit(base + i1, base + i2, new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def repair_mojibake(text: str) -> tuple[str, OffsetMap]:
    """Fix mojibake ("militiaâ€™s" → "militia’s") with ftfy, keeping offsets.

    Only lines that look like mojibake, hold control characters or are not NFC are
    given to ftfy, and each changed line is aligned with difflib on its own.
    """
    edits: list[Edit] = []
    repairs: dict[str, str] = {}  # a line repeated (a signature, a boilerplate line) is fixed once
    for line_start, line_end in _lines_to_fix(text):
        line = text[line_start:line_end]
        fixed = repairs.get(line)
        if fixed is None:
            fixed = repairs.setdefault(line, ftfy.fix_text(line, _FTFY_CONFIG))
        if fixed != line:
            edits.extend(_line_edits(line, fixed, line_start))
    return apply_edits(text, edits)
