"""Apply replacements to a text and keep a map from the new text back to the old.

Every cleaning step is written as a list of :class:`Edit` values over its input;
:func:`apply_edits` turns them into the new text plus an :class:`OffsetMap`, and
``OffsetMap.then`` chains the steps into one map from the final clean text to the
raw text. Segments found in an intermediate text are carried forward with
:func:`map_segments_forward`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace

from orbat.model import OffsetMap, Segment

__all__ = ["Edit", "apply_edits", "map_index_forward", "map_segments_forward"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (an empty span inserts)."""

    start: int
    end: int
    replacement: str = ""


def _sorted_checked(edits: Iterable[Edit], length: int) -> list[Edit]:
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    previous_end = 0
    for edit in ordered:
        if not 0 <= edit.start <= edit.end <= length:
            raise ValueError(f"edit {edit.start}-{edit.end} lies outside a text of {length} characters")
        if edit.start < previous_end:
            raise ValueError(f"edit {edit.start}-{edit.end} overlaps the edit before it")
        previous_end = edit.end
    return ordered


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits; return the new text and its map back to ``text``.

    Unchanged text maps one to one. A replacement as long as what it replaces maps
    one to one too; any other replacement maps every character to the start of the
    span it replaced (a step-0 run). Deleted text has no clean characters.
    """
    pieces: list[str] = []
    clean_starts: list[int] = []
    raw_starts: list[int] = []
    steps: list[int] = []
    clean_pos = raw_pos = 0

    def add_run(raw: int, step: int, length: int) -> None:
        if length:
            _append(clean_starts, raw_starts, steps, clean_pos, raw, step)

    for edit in _sorted_checked(edits, len(text)):
        kept = edit.start - raw_pos
        add_run(raw_pos, 1, kept)
        pieces.append(text[raw_pos : edit.start])
        clean_pos += kept
        new = edit.replacement
        same_length = len(new) == edit.end - edit.start
        add_run(edit.start, 1 if same_length else 0, len(new))
        pieces.append(new)
        clean_pos += len(new)
        raw_pos = edit.end
    add_run(raw_pos, 1, len(text) - raw_pos)
    pieces.append(text[raw_pos:])
    if not clean_starts:
        return "".join(pieces), OffsetMap.identity()
    return "".join(pieces), OffsetMap(tuple(clean_starts), tuple(raw_starts), tuple(steps))


def _append(cs: list[int], rs: list[int], ss: list[int], c: int, r: int, s: int) -> None:
    """Add a run unless it simply continues the previous identity run."""
    if cs and ss[-1] == 1 and s == 1 and rs[-1] + (c - cs[-1]) == r:
        return
    cs.append(c)
    rs.append(r)
    ss.append(s)


def map_index_forward(offsets: OffsetMap, raw_index: int, clean_length: int) -> int:
    """The first clean index whose raw index is at or after ``raw_index``.

    ``offsets`` must be monotone (as every map :func:`apply_edits` makes is). Used
    to carry a segment found in an earlier text into a later one.
    """
    k = max(bisect_left(offsets.raw_starts, raw_index) - 1, 0)
    while k < len(offsets.clean_starts):
        run_start = offsets.clean_starts[k]
        run_end = offsets.clean_starts[k + 1] if k + 1 < len(offsets.clean_starts) else clean_length
        raw_start = offsets.raw_starts[k]
        if raw_start >= raw_index:
            return min(run_start, clean_length)
        if offsets.steps[k] == 1 and raw_start + (run_end - run_start) > raw_index:
            return run_start + (raw_index - raw_start)
        k += 1
    return clean_length


def map_segments_forward(
    segments: Iterable[Segment], offsets: OffsetMap, clean_length: int
) -> tuple[Segment, ...]:
    """Segments of an earlier text, re-indexed into the text ``offsets`` maps from."""
    moved = []
    for seg in segments:
        start = map_index_forward(offsets, seg.start, clean_length)
        end = map_index_forward(offsets, seg.end, clean_length)
        if end > start:
            moved.append(replace(seg, start=start, end=end))
    return tuple(moved)
