"""The ingest run: read → clean → split listings → fingerprint → analyse → store, in batches.

Every per-document stage is a plain function of one document; only ``_write_batch``
talks to the database, in one transaction per batch, so a process killed at any
moment leaves whole batches or nothing, and the next run picks up where it stopped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import BinaryIO

from orbat import store
from orbat.clean import Lexicon, clean_document, looks_like_listing_page, split_listing_page
from orbat.clean.lexicon import lexicon_from_spacy_package
from orbat.clean.fingerprint import fingerprint_document, same_story
from orbat.ingest.fetch import Fetcher, OfflineFetcher
from orbat.ingest.readers import read_documents
from orbat.ingest.sources import iter_inputs
from orbat.model import Analysis, Document, DocumentKind, Fingerprint, RunSummary, Skip
from orbat.settings import Settings

__all__ = ["IngestDeps", "ingest", "prepare_document", "Analyser"]

Analyser = Callable[[Sequence[Document]], Iterable[Analysis]]


def _no_analysis(docs: Sequence[Document]) -> Iterator[Analysis]:
    return (Analysis(doc) for doc in docs)


@dataclass(frozen=True)
class IngestDeps:
    fetcher: Fetcher = field(default_factory=OfflineFetcher)
    stdin: BinaryIO | None = None
    # builds the analyser on first need, so a run that adds nothing never loads a model
    analyser_factory: Callable[[], Analyser] = lambda: _no_analysis


@dataclass(frozen=True, slots=True)
class Prepared:
    document: Document
    fingerprint: Fingerprint | None  # None for listing pages, whose items carry the story


def prepare_document(doc: Document, *, settings: Settings, lexicon: Lexicon | None = None) -> list[Prepared]:
    """Clean one document; a listing page becomes the page plus one document per item."""
    cleaned = clean_document(doc, lexicon=lexicon)
    if cleaned.kind == DocumentKind.LISTING or (
        cleaned.kind == DocumentKind.PLAIN and looks_like_listing_page(cleaned.clean_text)
    ):
        page = replace(cleaned, kind=DocumentKind.LISTING)
        items = [clean_document(item, lexicon=lexicon) for item in split_listing_page(page)]
        return [Prepared(page, None)] + [Prepared(i, fingerprint_document(i, shingle_words=settings.shingle_words))
                                         for i in items]  # fmt: skip
    return [Prepared(cleaned, fingerprint_document(cleaned, shingle_words=settings.shingle_words))]


def ingest(
    targets: Sequence[str],
    *,
    conn: sqlite3.Connection,
    settings: Settings,
    deps: IngestDeps,
    args: Sequence[str] = (),
    progress: Callable[[str], None] | None = None,
) -> RunSummary:
    """Ingest every target; returns the run's counts. Unexpected exceptions propagate."""
    with store.transaction(conn):
        interrupted = store.close_interrupted_runs(conn)
        run_id = store.start_run(conn, list(args) or list(targets))
    state = _RunState(deps.analyser_factory, lexicon_from_spacy_package())
    batch: list[Document | Skip] = []
    for item in _read_all(targets, deps, settings):
        batch.append(item)
        if progress:
            progress(item.source)
        if len(batch) >= settings.batch_documents:
            _write_batch(conn, run_id, batch, settings, state)
            batch = []
    _write_batch(conn, run_id, batch, settings, state)
    with store.transaction(conn):
        row = store.finish_run(conn, run_id)
    skips = tuple(Skip(r["source"], r["reason"]) for r in store.run_items(conn, run_id, status="skipped"))
    return RunSummary(run_id, row["added"], row["duplicates"], skips, row["listing_items"], interrupted)


def _read_all(targets: Sequence[str], deps: IngestDeps, settings: Settings) -> Iterator[Document | Skip]:
    inputs = iter_inputs(targets, fetcher=deps.fetcher, stdin=deps.stdin, max_file_bytes=settings.max_file_bytes)
    for raw in inputs:
        if isinstance(raw, Skip):
            yield raw
        else:
            yield from read_documents(raw, fetcher=deps.fetcher, max_document_chars=settings.max_document_chars)


class _RunState:
    """What a run builds once: the word lexicon, and the analyser (on first use)."""

    def __init__(self, factory: Callable[[], Analyser], lexicon: Lexicon) -> None:
        self._factory = factory
        self.lexicon = lexicon  # English word forms for OCR hyphen decisions
        self._analyser: Analyser | None = None

    def analyse(self, docs: Sequence[Document]) -> list[Analysis]:
        if not docs:
            return []
        if self._analyser is None:
            self._analyser = self._factory()
        return list(self._analyser(docs))


def _write_batch(
    conn: sqlite3.Connection, run_id: str, batch: list[Document | Skip], settings: Settings, state: _RunState
) -> None:
    if not batch:
        return
    fresh: dict[str, Document] = {}
    duplicates: list[Document] = []
    for item in batch:
        if not isinstance(item, Document):
            continue
        if item.id in fresh:  # a copy in the same batch completes the metadata before analysis
            fresh[item.id] = fill_metadata(fresh[item.id], item)
            duplicates.append(item)
        elif store.has_document(conn, item.id):
            duplicates.append(item)
        else:
            fresh[item.id] = item
    prepared = [p for doc in fresh.values() for p in prepare_document(doc, settings=settings, lexicon=state.lexicon)]
    redated = _redated(conn, duplicates)
    to_analyse = [p.document for p in prepared if p.document.kind != DocumentKind.LISTING] + redated
    analyses = {a.document.id: a for a in state.analyse(to_analyse)}  # listing pages: their items are analysed
    with store.transaction(conn):
        for item in batch:
            if isinstance(item, Skip):
                store.record_item(conn, run_id, item.source, "skipped", reason=item.reason)
        for p in prepared:
            _store_prepared(conn, run_id, p, analyses.get(p.document.id), settings)
        for doc in duplicates:  # after the originals: a copy may fill metadata they lack
            store.add_document_source(conn, doc, run_id)
            store.record_item(conn, run_id, doc.source or "", "duplicate", document=doc.id,
                              reason="same content already stored")  # fmt: skip
        for doc in redated:  # relative dates now have a reference: recompute what depends on it
            store.replace_analysis(conn, analyses[doc.id])


def fill_metadata(doc: Document, copy: Document) -> Document:
    """Fields the first copy lacks, taken from a later copy of the same content; nothing replaced."""
    kind = copy.kind if doc.kind == DocumentKind.PLAIN else doc.kind
    return replace(doc, title=doc.title or copy.title, outlet=doc.outlet or copy.outlet,
                   published=doc.published or copy.published, source_id=doc.source_id or copy.source_id,
                   url=doc.url or copy.url, kind=kind)  # fmt: skip


def _redated(conn: sqlite3.Connection, duplicates: Sequence[Document]) -> list[Document]:
    """Stored documents (and their listing items) analysed without a date that a copy now supplies."""
    out: list[Document] = []
    for copy in duplicates:
        found = store.get_document(conn, copy.id)  # empty when the original is in this same batch
        if not found or found[0].published is not None or copy.published is None:
            continue
        stored = found[0]
        if stored.kind != DocumentKind.LISTING:
            out.append(fill_metadata(stored, copy))
        items = store.find_documents(conn, store.DocumentFilter(parent=stored.id, limit=10_000))[0]
        for row in items:
            (item,) = store.get_document(conn, row["id"])
            out.append(replace(item, published=item.published or copy.published, outlet=item.outlet or copy.outlet))
    return out


def _store_prepared(
    conn: sqlite3.Connection, run_id: str, p: Prepared, analysis: Analysis | None, settings: Settings
) -> None:
    doc = p.document
    if p.fingerprint is not None:
        doc = replace(doc, cluster=_assign_cluster(conn, doc, p.fingerprint, settings))
    if not store.insert_document(conn, doc, run_id):
        return
    store.add_document_source(conn, doc, run_id)
    if p.fingerprint is not None:
        store.insert_fingerprint(conn, p.fingerprint)
    if analysis is not None:
        store.insert_analysis(conn, replace(analysis, document=doc))
    status = "listing_item" if doc.kind == DocumentKind.LISTING_ITEM else "added"
    store.record_item(conn, run_id, doc.source or "", status, document=doc.id)


def _assign_cluster(conn: sqlite3.Connection, doc: Document, fp: Fingerprint, settings: Settings) -> str:
    """The cluster of the earliest stored document telling the same story; merges clusters it bridges."""
    candidates = store.near_duplicate_candidates(conn, fp, exclude=[doc.id] + ([doc.parent] if doc.parent else []))
    matched = [
        c for c in candidates
        if same_story(fp, c.minhash, c.words, c.sentences, c.shared_sentences, jaccard=settings.near_duplicate_jaccard)
    ]  # fmt: skip
    if not matched:
        return doc.id
    keep = matched[0].cluster
    store.merge_clusters(conn, keep, sorted({c.cluster for c in matched[1:]}))
    return keep
