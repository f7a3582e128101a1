"""The clean stage: raw document text to clean text with a map back, and segments.

``clean_document`` runs, in order: mojibake repair, OCR repair (when the text
looks like OCR or the document says it is), whitespace normalisation, caption and
credit marking. Every step is ``text -> (text, OffsetMap)``; the maps are chained
so ``doc.offsets`` maps the final clean text straight back to ``doc.text``.
"""

from __future__ import annotations

from dataclasses import replace

from orbat.clean.captions import find_captions
from orbat.clean.edits import Edit, apply_edits, map_segments_forward
from orbat.clean.encoding import repair_mojibake
from orbat.clean.lexicon import Lexicon, lexicon_from_spacy_vocab, lexicon_from_words
from orbat.clean.listing import ListingItemSpan, locate_listing_items, looks_like_listing_page, split_listing_page
from orbat.clean.ocr import looks_like_ocr, repair_ocr_text
from orbat.clean.pullquotes import find_pull_quotes
from orbat.clean.whitespace import normalise_whitespace
from orbat.model import Document, DocumentKind, Segment

__all__ = [
    "clean_document",
    "repair_mojibake",
    "looks_like_ocr",
    "repair_ocr_text",
    "normalise_whitespace",
    "find_captions",
    "find_pull_quotes",
    "looks_like_listing_page",
    "split_listing_page",
    "locate_listing_items",
    "ListingItemSpan",
    "Edit",
    "apply_edits",
    "Lexicon",
    "lexicon_from_words",
    "lexicon_from_spacy_vocab",
]


def _without_overlaps(preferred: tuple[Segment, ...], others: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """``preferred`` plus those of ``others`` that overlap none of them, in order."""
    kept = list(preferred)
    for seg in others:
        if not any(p.start < seg.end and seg.start < p.end for p in preferred):
            kept.append(seg)
    return tuple(sorted(kept, key=lambda s: (s.start, s.end)))


def clean_document(doc: Document, *, lexicon: Lexicon | None = None) -> Document:
    """``doc`` with ``clean_text``, ``offsets`` (clean → ``doc.text``) and ``segments`` set.

    Segments the document already carries are taken to index ``doc.text`` and are
    carried into the clean text. A plain document found to be OCR becomes ``ocr``.
    ``lexicon`` (built once by the caller) sharpens OCR hyphen decisions.
    """
    text, offsets = repair_mojibake(doc.text)
    carried = map_segments_forward(doc.segments, offsets, len(text))
    is_ocr = doc.kind is DocumentKind.OCR or looks_like_ocr(text)
    if is_ocr:
        text, step, ocr_segments = repair_ocr_text(text, lexicon=lexicon)
        carried = map_segments_forward(carried, step, len(text)) + ocr_segments
        offsets = step.then(offsets)
    text, step = normalise_whitespace(text)
    carried = map_segments_forward(carried, step, len(text))
    offsets = step.then(offsets)
    kind = DocumentKind.OCR if is_ocr and doc.kind is DocumentKind.PLAIN else doc.kind
    segments = _without_overlaps(find_captions(text), carried)
    return replace(doc, clean_text=text, offsets=offsets, segments=segments, kind=kind)

