"""The per-document work of an ingest run, independent of any database: clean, split, fingerprint, analyse.

Everything here is a pure function of its inputs, so the same batch gives the same result in
this process, in a worker process or on a Ray node. Engines (``orbat.engines``) decide where
it runs; the pipeline (``orbat.pipeline``) decides what is new and writes the results.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from orbat.clean import Lexicon, clean_document, looks_like_listing_page, split_listing_page
from orbat.clean.fingerprint import fingerprint_document
from orbat.clean.lexicon import lexicon_from_spacy_package
from orbat.model import Analysis, Document, DocumentKind, Fingerprint, stable_id
from orbat.settings import Settings
from orbat.theatres import Theatre

__all__ = [
    "Analyser",
    "AnalyserFactory",
    "analysis_version",
    "BatchJob",
    "BatchResult",
    "Prepared",
    "build_analyser",
    "no_analysis",
    "prepare_document",
    "process_batch",
    "Worker",
]

Analyser = Callable[[Sequence[Document]], Iterable[Analysis]]
AnalyserFactory = Callable[[Settings], Analyser]  # a top-level function, so workers can build their own


@dataclass(frozen=True, slots=True)
class Prepared:
    document: Document
    fingerprint: Fingerprint | None  # None for listing pages, whose items carry the story


@dataclass(frozen=True, slots=True)
class BatchJob:
    fresh: tuple[Document, ...]  # new content: clean, split, fingerprint, analyse
    redated: tuple[Document, ...] = ()  # stored documents to analyse again (a copy supplied their date)


@dataclass(frozen=True, slots=True)
class BatchResult:
    prepared: tuple[Prepared, ...]
    analyses: tuple[Analysis, ...]  # without their parse: results cross process boundaries


def no_analysis(docs: Sequence[Document]) -> Iterator[Analysis]:
    return (Analysis(doc) for doc in docs)


def build_analyser(settings: Settings) -> Analyser:
    """Recognition, resolution and claim extraction, built once per process (loads the model)."""
    if not settings.nlp:
        return no_analysis
    from orbat.extract import build_extract_deps, extract_claims
    from orbat.nlp import analyse_documents, build_nlp_deps

    nlp_deps = build_nlp_deps(settings)
    extract_deps = build_extract_deps(nlp_deps.theatre)

    def analyse(docs: Sequence[Document]) -> Iterator[Analysis]:
        for analysis in analyse_documents(docs, deps=nlp_deps, settings=settings):
            claims = extract_claims(analysis, deps=extract_deps)
            yield replace(analysis, claims=analysis.claims + claims, parse=None)

    return analyse


def analysis_version(theatre: Theatre) -> str:
    """What made a document's mentions and claims: the model, recognition, each extractor and the pack.

    Stored per document; a document analysed by another version is re-analysed when it is seen again
    or by ``orbat reanalyse``, and only those documents are.
    """
    from orbat.versions import ALIASES, EVENTS, RECOGNISER, RELATIONS, SPACY_MODEL

    pack = stable_id(theatre.name, repr(theatre.entities), repr(theatre.relations), length=12)
    return "+".join((SPACY_MODEL, RECOGNISER, ALIASES, RELATIONS, EVENTS, f"pack:{theatre.name}/{pack}"))


def prepare_document(doc: Document, *, settings: Settings, lexicon: Lexicon | None = None) -> list[Prepared]:
    """Clean one document; a listing page becomes the page plus one document per item."""
    cleaned = clean_document(doc, lexicon=lexicon)
    if cleaned.kind == DocumentKind.LISTING or (
        cleaned.kind == DocumentKind.PLAIN and looks_like_listing_page(cleaned.clean_text)
    ):
        page = replace(cleaned, kind=DocumentKind.LISTING)
        items = [clean_document(item, lexicon=lexicon) for item in split_listing_page(page)]
        return [Prepared(page, None)] + [_fingerprinted(i, settings) for i in items]
    return [_fingerprinted(cleaned, settings)]


def _fingerprinted(doc: Document, settings: Settings) -> Prepared:
    return Prepared(doc, fingerprint_document(doc, shingle_words=settings.shingle_words))


class Worker:
    """What one process builds once for a run: the word lexicon, and the analyser on first use."""

    def __init__(self, settings: Settings, factory: AnalyserFactory) -> None:
        self.settings = settings
        self.lexicon = lexicon_from_spacy_package()
        self._factory = factory
        self._analyser: Analyser | None = None

    def __call__(self, job: BatchJob) -> BatchResult:
        return process_batch(job, settings=self.settings, lexicon=self.lexicon, analyse=self._analyse)

    def warm(self) -> None:
        """Build the analyser now (model, pack, gazetteer) rather than on the first job."""
        if self.settings.nlp:
            self._built()

    def _built(self) -> Analyser:
        if self._analyser is None:
            self._analyser = self._factory(self.settings)
        return self._analyser

    def _analyse(self, docs: Sequence[Document]) -> list[Analysis]:
        if not docs:
            return []
        return [replace(a, parse=None) for a in self._built()(docs)]


def process_batch(
    job: BatchJob, *, settings: Settings, lexicon: Lexicon, analyse: Callable[[Sequence[Document]], list[Analysis]]
) -> BatchResult:
    prepared = tuple(p for doc in job.fresh for p in prepare_document(doc, settings=settings, lexicon=lexicon))
    # a listing page is not analysed itself: its items are
    to_analyse = [p.document for p in prepared if p.document.kind != DocumentKind.LISTING] + list(job.redated)
    return BatchResult(prepared, tuple(analyse(to_analyse)))


@lru_cache(maxsize=2)
def process_worker(settings: Settings, factory: AnalyserFactory) -> Worker:
    """The Worker of this process (engines that reuse processes call this in each one)."""
    return Worker(settings, factory)


def run_in_worker(job: BatchJob, settings: Settings, factory: AnalyserFactory) -> BatchResult:
    return process_worker(settings, factory)(job)


def warm_worker(settings: Settings, factory: AnalyserFactory) -> None:
    """Load this process's Worker and its analyser ahead of its first job."""
    process_worker(settings, factory).warm()
