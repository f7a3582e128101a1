"""Text shapes for templates: a quote cut out of its paragraph, a document's paragraphs with captions marked.

Templates get pieces of text and let autoescaping handle them; nothing here produces HTML."""

from __future__ import annotations

from dataclasses import dataclass

from orbat.model import Document

__all__ = ["Piece", "highlight", "document_paragraphs"]


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text and what it is: "" for plain text, "quote" for evidence, or a segment kind."""

    text: str
    kind: str = ""


def highlight(paragraph: str, quote: str) -> tuple[Piece, ...]:
    """The paragraph cut around the quote, so a template can wrap the quote in <mark> and escape the rest."""
    at = paragraph.find(quote) if quote else -1
    if at < 0:
        return (Piece(paragraph),) if paragraph else (Piece(quote, "quote"),)
    parts = (Piece(paragraph[:at]), Piece(quote, "quote"), Piece(paragraph[at + len(quote) :]))
    return tuple(p for p in parts if p.text)


def document_paragraphs(doc: Document) -> tuple[tuple[Piece, ...], ...]:
    """The clean text as paragraphs of pieces; captions, credits, pull quotes … are pieces of their kind."""
    text = doc.clean_text or doc.text
    cuts = sorted({0, len(text), *(s.start for s in doc.segments), *(s.end for s in doc.segments)})
    pieces = [Piece(text[a:b], _kind_at(doc, a)) for a, b in zip(cuts, cuts[1:]) if b > a]
    paragraphs: list[list[Piece]] = [[]]
    for piece in pieces:
        chunks = piece.text.split("\n\n")
        for i, chunk in enumerate(chunks):
            if i:
                paragraphs.append([])
            if chunk.strip():
                paragraphs[-1].append(Piece(chunk, piece.kind))
    return tuple(tuple(p) for p in paragraphs if p)


def _kind_at(doc: Document, index: int) -> str:
    seg = doc.segment_at(index)
    return seg.kind.value if seg else ""
