"""Recognise and resolve: the stage that turns clean text into mentions of actors, people,
places and dates, each resolved to an entity id with a score.

Build the heavy dependencies once per process with :func:`build_nlp_deps`, then stream
documents through :func:`analyse_documents`::

    deps = build_nlp_deps(settings)
    for analysis in analyse_documents(docs, deps=deps, settings=settings):
        ...

spaCy's pipeline runs (tagger, parser, NER; not the lemmatizer, whose lemmas nothing reads) plus
our entity rulers, with the model's attribute ruler applied as a table (``attribute_table``: the
same annotations, faster). Claim extraction reads the dependency parse, handed on in
``Analysis.parse`` so the text is parsed once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from spacy.language import Language

from orbat.model import Analysis, Document, Entity, EntityKind, Mention, MentionLabel
from orbat.nlp.aliases import AliasIndex, build_alias_index
from orbat.nlp.attribute_table import use_attribute_table
from orbat.nlp.coreference import coreference_mentions
from orbat.nlp.paragraphs import add_paragraph_breaks
from orbat.nlp.reference_marks import split_reference_marks
from orbat.nlp.recognise import add_entity_ruler, recognise_spans, ruler_patterns
from orbat.nlp.resolve import PlaceResolver, resolve_candidates
from orbat.settings import Settings
from orbat.versions import RECOGNISER, SPACY_MODEL
from orbat.theatres import Theatre, load_theatre

__all__ = ["NlpDeps", "build_nlp_deps", "make_nlp_deps", "analyse_documents", "analyse_document", "SPACY_MODEL",
           "RECOGNISER"]

_PIPE_BATCH = 32
DateFinder = Callable[..., Sequence[Any]]  # orbat.nlp.dates.find_temporal_expressions


@dataclass(frozen=True, slots=True)
class NlpDeps:
    """Everything heavy the stage needs, built once per process and shared read-only."""

    nlp: Language  # spaCy's pipeline with the pack's entity ruler before NER
    theatre: Theatre
    index: AliasIndex  # pack names, aliases, acronyms
    forces: Mapping[str, str]  # ISO3 country -> the pack's regular forces entity id
    resolve_places: PlaceResolver  # names of one document -> (place entity or None, score)
    find_dates: DateFinder


def build_nlp_deps(settings: Settings) -> NlpDeps:
    """Load spaCy, the theatre pack, the gazetteer and the date parser (heavy: once per process)."""
    import spacy

    from orbat.nlp.dates import find_temporal_expressions
    from orbat.nlp.gazetteer import build_gazetteer
    from orbat.nlp.places import resolve_document_places

    theatre = load_theatre(settings.theatre)
    gazetteer = build_gazetteer(theatre)
    nlp = spacy.load(SPACY_MODEL, exclude=["lemmatizer"])  # nothing reads lemmas: the lexicons carry inflections
    use_attribute_table(nlp)

    def resolve_places(names: Sequence[str]) -> list[tuple[Entity | None, float]]:
        return resolve_document_places(names, gazetteer=gazetteer)

    return make_nlp_deps(nlp, theatre, resolve_places=resolve_places, find_dates=find_temporal_expressions)


def make_nlp_deps(nlp: Language, theatre: Theatre, *, resolve_places: PlaceResolver, find_dates: DateFinder) -> NlpDeps:
    """Add the pack's entity ruler to ``nlp`` and index the pack (tests pass fakes for places and dates)."""
    index = build_alias_index(theatre.entities, active=theatre.active)
    add_entity_ruler(nlp, ruler_patterns(theatre.entities, index, nlp))
    add_paragraph_breaks(nlp)
    split_reference_marks(nlp)
    return NlpDeps(nlp, theatre, index, _forces_by_country(theatre), resolve_places, find_dates)


def _forces_by_country(theatre: Theatre) -> Mapping[str, str]:
    """The regular forces of each state: the state_force named like an army or armed forces."""
    best: dict[str, tuple[int, str]] = {}
    for e in theatre.entities:
        if e.kind is not EntityKind.STATE_FORCE or not e.country:
            continue
        name = e.name.lower()
        rank = 0 if "armed forces" in name else 1 if ("army" in name or "military" in name) else 2
        if "mobili" in name or "popular" in name:
            continue
        if e.country not in best or rank < best[e.country][0]:
            best[e.country] = (rank, e.id)
    return MappingProxyType({country: entity_id for country, (_, entity_id) in best.items()})


def analyse_documents(docs: Iterable[Document], *, deps: NlpDeps, settings: Settings) -> Iterator[Analysis]:
    """One Analysis per document, in order; spaCy runs batched over the clean texts."""
    del settings  # nothing here is tunable yet; the parameter keeps the stage signature
    docs_iter = iter(docs)
    pending: deque[Document] = deque()

    def texts() -> Iterator[str]:
        for doc in docs_iter:
            pending.append(doc)
            yield doc.clean_text or doc.text

    for sdoc in deps.nlp.pipe(texts(), batch_size=_PIPE_BATCH):
        doc = pending.popleft()
        yield analyse_document(_with_clean_text(doc), sdoc, deps=deps)


def _with_clean_text(doc: Document) -> Document:
    return doc if doc.clean_text else replace(doc, clean_text=doc.text)


def analyse_document(doc: Document, sdoc: Any, *, deps: NlpDeps) -> Analysis:
    """Recognition and resolution of one document whose spaCy parse is ``sdoc``."""
    candidates, date_spans = recognise_spans(doc, sdoc, deps.index)
    resolved = resolve_candidates(doc, candidates, index=deps.index, forces=deps.forces, resolve_places=deps.resolve_places)
    dates = _date_mentions(doc, date_spans, deps.find_dates)
    mentions = sorted((*resolved.mentions, *dates), key=lambda m: (m.start, m.end))
    made = {e.id: e.kind for e in resolved.entities}

    def kind_of(entity_id: str) -> EntityKind | None:
        known = deps.index.entities.get(entity_id)
        return known.kind if known is not None else made.get(entity_id)

    mentions += coreference_mentions(doc.id, sdoc, mentions, kind_of)
    mentions = tuple(sorted(mentions, key=lambda m: (m.start, m.end)))
    return Analysis(doc, mentions, resolved.entities, resolved.claims, resolved.judgements, parse=sdoc)


def _date_mentions(doc: Document, spans: Sequence[tuple[int, int]], find_dates: DateFinder) -> list[Mention]:
    found = find_dates(doc.clean_text, published=doc.published, candidates=tuple(spans))
    out = []
    for te in found:
        source = "dates" if doc.is_body(te.start, te.end) else f"dates:{_segment_kind(doc, te.start)}"
        score = 0.9 if te.time is not None and te.time.precision != "unknown" else 0.4
        out.append(Mention(doc.id, te.start, te.end, te.text, MentionLabel.DATE, None, score, source, te.time))
    return out


def _segment_kind(doc: Document, index: int) -> str:
    seg = doc.segment_at(index)
    return seg.kind.value if seg else "body"
