"""Whitespace normalisation that keeps a map back to its input.

Line ends become ``\\n``; spaces at either end of a line go; two or more blank
lines become one; the text loses leading and trailing whitespace. Spaces inside
a line are left alone (their number can matter in a layout).
"""

from __future__ import annotations

import re

from orbat.clean.edits import Edit, apply_edits
from orbat.model import OffsetMap

__all__ = ["normalise_whitespace"]

_SPACE = r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_BREAK = r"(?:\r\n|\r|\n)"
_WHITESPACE_RUN = re.compile(
    rf"\A\s+|\s+\Z|{_SPACE}*{_BREAK}(?:{_SPACE}*{_BREAK})*{_SPACE}*"
)


def _replacement(match: re.Match[str], length: int) -> str:
    if match.start() == 0 or match.end() == length:
        return ""
    breaks = len(re.findall(_BREAK, match.group()))
    return "\n" if breaks == 1 else "\n\n"


def normalise_whitespace(text: str) -> tuple[str, OffsetMap]:
    """Tidy line ends and blank lines; return the new text and its map back to ``text``."""
    edits = []
    for match in _WHITESPACE_RUN.finditer(text):
        new = _replacement(match, len(text))
        if new != match.group():
            edits.append(Edit(match.start(), match.end(), new))
    return apply_edits(text, edits)
