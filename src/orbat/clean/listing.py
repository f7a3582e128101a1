"""Split a section front page into one document per story teaser.

A front page is a run of short blocks: headlines (one line, no final full stop),
teasers (a sentence or two), photo captions. Each headline starts an item; the
teasers after it belong to it; a caption between two items goes to the one whose
headline shares more word stems with it (the picture sits above its headline on
some layouts and below the teaser on others). A short label before the first
headline ("Iraq") is the section name, not an item.

An item is a contiguous stretch of the page, so its place in the page is one
``(start, end)`` pair: :func:`locate_listing_items` returns those,
:func:`split_listing_page` the documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from orbat.clean.captions import find_captions
from orbat.model import Document, DocumentKind, Segment, SegmentKind, document_id

__all__ = ["ListingItemSpan", "looks_like_listing_page", "locate_listing_items", "split_listing_page"]

MAX_HEADLINE_WORDS = 22
MIN_HEADLINE_WORDS = 4
MAX_LABEL_WORDS = 3
MIN_LISTING_HEADLINES = 4
MIN_HEADLINE_SHARE = 0.25
MAX_MEAN_BLOCK_WORDS = 60
_STEM_CHARS = 4
_STOP = frozenset("the and for with from that this into over says said after amid about its has have will".split())


class _BlockKind(Enum):
    HEADLINE = "headline"
    TEASER = "teaser"
    CAPTION = "caption"
    LABEL = "label"


@dataclass(frozen=True, slots=True)
class _Block:
    start: int
    end: int
    text: str
    kind: _BlockKind


@dataclass(frozen=True, slots=True)
class ListingItemSpan:
    """Where one item lies in the page text, and where its headline is."""

    start: int
    end: int
    headline_start: int
    headline_end: int


def _block_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs split by blank lines; lines when the page has no blank line."""
    pattern = r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*" if re.search(r"\n\s*\n", text) else r"[^\n]*\S[^\n]*"
    spans = []
    for match in re.finditer(pattern, text):
        lead = len(match.group()) - len(match.group().lstrip())
        spans.append((match.start() + lead, match.start() + len(match.group().rstrip())))
    return spans


def _is_headline(block: str) -> bool:
    words = block.split()
    return (
        "\n" not in block
        and MIN_HEADLINE_WORDS <= len(words) <= MAX_HEADLINE_WORDS
        and not block.rstrip("\"'”’)").endswith(".")
        and (block[:1].isupper() or block[:1] in "\"'‘“")
    )


def _classify(text: str, start: int, end: int, captions: tuple[Segment, ...]) -> _BlockKind:
    block = text[start:end]
    if any(seg.start < end and start < seg.end for seg in captions):
        return _BlockKind.CAPTION
    if _is_headline(block):
        return _BlockKind.HEADLINE
    if len(block.split()) <= MAX_LABEL_WORDS and not re.search(r"[.!?]$", block):
        return _BlockKind.LABEL
    return _BlockKind.TEASER


def _blocks(text: str) -> list[_Block]:
    captions = find_captions(text)
    return [_Block(s, e, text[s:e], _classify(text, s, e, captions)) for s, e in _block_spans(text)]


def looks_like_listing_page(text: str) -> bool:
    """True for a front page: several headline blocks, short blocks throughout."""
    blocks = _blocks(text)
    headlines = sum(b.kind is _BlockKind.HEADLINE for b in blocks)
    if not blocks or headlines < MIN_LISTING_HEADLINES:
        return False
    mean_words = sum(len(b.text.split()) for b in blocks) / len(blocks)
    return headlines >= MIN_HEADLINE_SHARE * len(blocks) and mean_words <= MAX_MEAN_BLOCK_WORDS


def _stems(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z]+", text.lower())
    return {w[:_STEM_CHARS] for w in words if len(w) >= 3 and w not in _STOP}


def _caption_goes_to_next(caption: _Block, previous: _Block | None, following: _Block | None) -> bool:
    if following is None or following.kind is not _BlockKind.HEADLINE:
        return False
    if previous is None:
        return True
    stems = _stems(caption.text)
    return len(stems & _stems(following.text)) > len(stems & _stems(previous.text))


def _group(blocks: list[_Block]) -> list[list[_Block]]:
    """Blocks grouped into items; each group holds exactly one headline."""
    groups: list[list[_Block]] = []
    pending: list[_Block] = []  # captions waiting for the headline below them
    current_headline: _Block | None = None
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.kind is _BlockKind.HEADLINE:
            groups.append(pending + [block])
            pending, current_headline = [], block
        elif block.kind is _BlockKind.CAPTION and _caption_goes_to_next(block, current_headline, following):
            pending.append(block)
        elif groups:
            groups[-1].append(block)
    return groups


def locate_listing_items(text: str) -> tuple[ListingItemSpan, ...]:
    """The items of a front page, as spans of ``text``; blocks before the first headline are dropped."""
    spans = []
    for group in _group(_blocks(text)):
        headline = next(b for b in group if b.kind is _BlockKind.HEADLINE)
        spans.append(ListingItemSpan(group[0].start, group[-1].end, headline.start, headline.end))
    return tuple(spans)


_SEGMENT_KIND = {
    _BlockKind.HEADLINE: SegmentKind.HEADLINE,
    _BlockKind.TEASER: SegmentKind.TEASER,
    _BlockKind.LABEL: SegmentKind.BOILERPLATE,
    _BlockKind.CAPTION: SegmentKind.CAPTION,  # lines of a caption block the caption rules left unmarked
}


def _item_segments(item_text: str) -> tuple[Segment, ...]:
    """Captions and credits as found; every other line marked by the kind of its block."""
    segments = list(find_captions(item_text))
    for block in _blocks(item_text):
        for line in re.finditer(r"[^\n]*\S[^\n]*", block.text):
            start, end = block.start + line.start(), block.start + line.end()
            if not any(s.start < end and start < s.end for s in segments):
                segments.append(Segment(start, end, _SEGMENT_KIND[block.kind]))
    return tuple(sorted(segments, key=lambda s: s.start))


def split_listing_page(page: Document) -> tuple[Document, ...]:
    """One ``listing_item`` document per headline of a front page.

    Items are cut from ``page.clean_text`` (or ``page.text`` when the page is not
    cleaned yet); each is its own document, already clean, with ``parent`` set to
    the page and title, url, outlet, dates and source inherited.
    """
    text = page.clean_text or page.text
    items = []
    seen: set[str] = set()
    for span in locate_listing_items(text):
        item_text = text[span.start : span.end]
        item_id = document_id(item_text, f"{page.url or ''}#{page.id}")
        while item_id in seen:  # the same teaser twice on one page
            item_id = document_id(item_text + f"\x00{len(seen)}", f"{page.url or ''}#{page.id}")
        seen.add(item_id)
        items.append(_item_document(page, item_id, item_text, text[span.headline_start : span.headline_end]))
    return tuple(items)


def _item_document(page: Document, item_id: str, item_text: str, headline: str) -> Document:
    return Document(
        id=item_id,
        text=item_text,
        clean_text=item_text,
        kind=DocumentKind.LISTING_ITEM,
        title=headline,
        url=page.url,
        outlet=page.outlet,
        published=page.published,
        updated=page.updated,
        retrieved=page.retrieved,
        source=page.source,
        parent=page.id,
        segments=_item_segments(item_text),
    )
