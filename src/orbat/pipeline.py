"""The ingest run: read → (clean → split listings → fingerprint → analyse) → store, batch by batch.

The per-document work (``orbat.work``) runs on an engine (``orbat.engines``: this process, a
process pool or Ray) in jobs of ``job_documents`` and knows nothing of the database. This module
decides what is new, and is the single writer: one transaction per batch of whole jobs (about
``batch_documents``, or what arrived within a few seconds), in input order, so a process killed at
any moment leaves whole batches or nothing, the next run picks up where it stopped, and every
engine produces the same database. Batches are large because a commit's cost is the index pages it
dirties, and jobs small so that workers share the work evenly.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import BinaryIO

from orbat import store
from orbat.clean.fingerprint import same_story
from orbat.engines import Engine, make_engine
from orbat.ingest.fetch import Fetcher, OfflineFetcher
from orbat.ingest.readers import read_documents
from orbat.ingest.sources import iter_inputs
from orbat.model import Analysis, Document, DocumentKind, Fingerprint, RunSummary, Skip
from orbat.reason.theatre import sync_theatre
from orbat.settings import Settings
from orbat.theatres import load_theatre
from orbat.errors import ConfigError
from orbat.work import AnalyserFactory, BatchJob, BatchResult, Prepared, analysis_version, build_analyser

__all__ = ["IngestDeps", "ingest", "reanalyse", "fill_metadata"]


@dataclass(frozen=True)
class IngestDeps:
    fetcher: Fetcher = field(default_factory=OfflineFetcher)
    stdin: BinaryIO | None = None
    # a top-level function each worker calls once, on its first new document
    analyser_factory: AnalyserFactory = build_analyser
    engine: str = "local"  # local (one process, or a pool with settings.workers > 1) | ray
    address: str | None = None  # Ray cluster address; a local Ray when None
    analysis_version: str | None = None  # what analyses documents; None: orbat.work.analysis_version of the pack


@dataclass(frozen=True, slots=True)
class _Batch:
    """What the writer needs besides the engine's result."""

    skips: tuple[Skip, ...]
    duplicates: tuple[Document, ...]
    redated: tuple[Document, ...]
    fresh_ids: tuple[str, ...]

    @property
    def size(self) -> int:
        return len(self.skips) + len(self.duplicates) + len(self.redated) + len(self.fresh_ids)


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
    run_id, interrupted = _start(conn, list(args) or list(targets))
    engine = _engine(settings, deps)  # worker processes load their models while this one sets the run up
    try:
        version = _analysis_setup(conn, settings, deps)
        in_flight: set[str] = set()  # ids sent to the engine and not yet written
        jobs = _jobs(conn, _read_all(targets, deps, settings, progress), settings, in_flight, version)
        _run_jobs(conn, run_id, jobs, settings, engine, version, in_flight)
    finally:
        engine.close()
    return _finish(conn, run_id, interrupted)


def reanalyse(
    *, conn: sqlite3.Connection, settings: Settings, deps: IngestDeps, args: Sequence[str] = (),
    progress: Callable[[str], None] | None = None,
) -> RunSummary:  # fmt: skip
    """Analyse again every stored document that the current analysis version did not analyse (or that
    was ingested without NLP); reviewed claims are kept, machine-made ones replaced."""
    if not settings.nlp:
        raise ConfigError("reanalyse needs the NLP stages; drop --no-nlp")
    run_id, interrupted = _start(conn, list(args) or ["reanalyse"])
    engine = _engine(settings, deps)
    try:
        version = _analysis_setup(conn, settings, deps)
        assert version is not None
        _run_jobs(conn, run_id, _outdated_jobs(conn, version, settings, progress), settings, engine, version, set())
    finally:
        engine.close()
    return _finish(conn, run_id, interrupted)


def _start(conn: sqlite3.Connection, args: list[str]) -> tuple[str, int]:
    with store.transaction(conn):
        interrupted = store.close_interrupted_runs(conn)
        return store.start_run(conn, args), interrupted


def _analysis_setup(conn: sqlite3.Connection, settings: Settings, deps: IngestDeps) -> str | None:
    """With NLP: store the pack's entities and curated relations (the claims refer to them) and return
    the analysis version documents are analysed with; without: None."""
    if not settings.nlp:
        return None
    theatre = load_theatre(settings.theatre)
    sync_theatre(conn, theatre)
    return deps.analysis_version or analysis_version(theatre)


def _engine(settings: Settings, deps: IngestDeps) -> Engine:
    return make_engine(deps.engine, settings, deps.analyser_factory, address=deps.address)


def _run_jobs(conn: sqlite3.Connection, run_id: str, jobs: Iterator[tuple[_Batch, BatchJob]], settings: Settings,
              engine: Engine, version: str | None, in_flight: set[str]) -> None:  # fmt: skip
    done: list[tuple[_Batch, BatchResult]] = []  # analysed, not yet written
    started = time.monotonic()
    for batch, result in engine.map(jobs):
        done.append((batch, result))
        if sum(b.size for b, _ in done) >= settings.batch_documents or time.monotonic() - started > _COMMIT_S:
            _write_jobs(conn, run_id, done, settings, version, in_flight)
            done, started = [], time.monotonic()
    _write_jobs(conn, run_id, done, settings, version, in_flight)


_COMMIT_S = 5.0  # a slow source (a feed, stdin): the next result after this long since a commit commits


def _write_jobs(conn: sqlite3.Connection, run_id: str, done: list[tuple[_Batch, BatchResult]], settings: Settings,
                version: str | None, in_flight: set[str]) -> None:  # fmt: skip
    """Write the results of several jobs in one transaction."""
    if not done:
        return
    facts: set[store.RelationKey] = set()  # facts whose stored claims changed, refreshed once before the commit
    with store.transaction(conn):
        for batch, result in done:
            _write_batch(conn, run_id, batch, result, settings, version, facts)
        store.refresh_relation_facts(conn, facts)
    for batch, _ in done:
        in_flight.difference_update(batch.fresh_ids)


def _finish(conn: sqlite3.Connection, run_id: str, interrupted: int) -> RunSummary:
    with store.transaction(conn):
        row = store.finish_run(conn, run_id)
    skips = tuple(Skip(r["source"], r["reason"]) for r in store.run_items(conn, run_id, status="skipped"))
    return RunSummary(run_id, row["added"], row["duplicates"], skips, row["listing_items"], interrupted,
                      row["reanalysed"])  # fmt: skip


def _outdated_jobs(
    conn: sqlite3.Connection, version: str, settings: Settings, progress: Callable[[str], None] | None
) -> Iterator[tuple[_Batch, BatchJob]]:
    """Batches of stored documents another analysis version (or none) analysed, in storage order."""
    after = 0
    while rows := store.outdated_documents(conn, version, after=after, limit=_job_size(settings)):
        after = rows[-1][0]
        docs = tuple(doc for _, doc in rows)
        for doc in docs:
            if progress:
                progress(doc.source or doc.id)
        yield _Batch((), (), docs, ()), BatchJob((), docs)


def _read_all(
    targets: Sequence[str], deps: IngestDeps, settings: Settings, progress: Callable[[str], None] | None
) -> Iterator[Document | Skip]:
    inputs = iter_inputs(targets, fetcher=deps.fetcher, stdin=deps.stdin, max_file_bytes=settings.max_file_bytes)
    for raw in inputs:
        items = [raw] if isinstance(raw, Skip) else read_documents(
            raw, fetcher=deps.fetcher, max_document_chars=settings.max_document_chars
        )  # fmt: skip
        for item in items:
            if progress:
                progress(item.source)
            yield item


def _jobs(
    conn: sqlite3.Connection, items: Iterator[Document | Skip], settings: Settings, in_flight: set[str],
    version: str | None,
) -> Iterator[tuple[_Batch, BatchJob]]:  # fmt: skip
    """Group inputs into batches, telling new content from copies of what is stored or in flight."""
    batch: list[Document | Skip] = []
    for item in items:
        batch.append(item)
        if len(batch) >= _job_size(settings):
            yield _classify(conn, batch, in_flight, version)
            batch = []
    if batch:
        yield _classify(conn, batch, in_flight, version)


def _job_size(settings: Settings) -> int:
    return max(1, min(settings.job_documents, settings.batch_documents))


def _classify(
    conn: sqlite3.Connection, batch: list[Document | Skip], in_flight: set[str], version: str | None
) -> tuple[_Batch, BatchJob]:
    fresh: dict[str, Document] = {}
    duplicates: list[Document] = []
    for item in batch:
        if not isinstance(item, Document):
            continue
        if item.id in fresh:  # a copy in the same batch completes the metadata before analysis
            fresh[item.id] = fill_metadata(fresh[item.id], item)
            duplicates.append(item)
        elif item.id in in_flight or store.has_document(conn, item.id):
            duplicates.append(item)
        else:
            fresh[item.id] = item
    in_flight.update(fresh)
    redated = _redated(conn, duplicates) + _outdated(conn, duplicates, version)
    redated = list({d.id: d for d in redated}.values())  # a copy both dated and outdated: once
    skips = tuple(i for i in batch if isinstance(i, Skip))
    meta = _Batch(skips, tuple(duplicates), tuple(redated), tuple(fresh))
    return meta, BatchJob(tuple(fresh.values()), tuple(redated))


def _write_batch(conn: sqlite3.Connection, run_id: str, batch: _Batch, result: BatchResult, settings: Settings,
                 version: str | None, facts: set[store.RelationKey]) -> None:  # fmt: skip
    """One job's results, inside the caller's transaction; the facts to refresh are added to ``facts``."""
    analyses = {a.document.id: a for a in result.analyses}
    for skip in batch.skips:
        store.record_item(conn, run_id, skip.source, "skipped", reason=skip.reason)
    for p in result.prepared:
        _store_prepared(conn, run_id, p, analyses.get(p.document.id), settings, version, facts)
    for doc in batch.duplicates:  # after the originals: a copy may fill metadata they lack
        _record_duplicate(conn, run_id, doc)
    for doc in batch.redated:  # a date to resolve against, or a new analysis version: recompute
        store.replace_analysis(conn, analyses[doc.id], pending=facts)
        if version is not None:
            store.set_analysis_version(conn, doc.id, version)
        store.record_item(conn, run_id, doc.source or doc.id, "reanalysed", document=doc.id)


def _record_duplicate(conn: sqlite3.Connection, run_id: str, doc: Document) -> None:
    store.add_document_source(conn, doc, run_id)
    store.record_item(conn, run_id, doc.source or "", "duplicate", document=doc.id,
                      reason="same content already stored")  # fmt: skip


def fill_metadata(doc: Document, copy: Document) -> Document:
    """Fields the first copy lacks, taken from a later copy of the same content; nothing replaced."""
    kind = copy.kind if doc.kind == DocumentKind.PLAIN else doc.kind
    return replace(doc, title=doc.title or copy.title, outlet=doc.outlet or copy.outlet,
                   published=doc.published or copy.published, source_id=doc.source_id or copy.source_id,
                   url=doc.url or copy.url, kind=kind)  # fmt: skip


def _outdated(conn: sqlite3.Connection, duplicates: Sequence[Document], version: str | None) -> list[Document]:
    """Stored documents (a listing page: its items) that another analysis version analysed, or none."""
    if version is None:
        return []
    versions = store.analysis_versions(conn, [d.id for d in duplicates])
    out: list[Document] = []
    for copy in duplicates:
        found = store.document_by_id(conn, copy.id) if versions.get(copy.id) != version else None
        if found is None:  # up to date, or its original is in this same batch (analysed with this version)
            continue
        if found.kind != DocumentKind.LISTING:
            out.append(found)
            continue
        items = [d for r in _items(conn, found.id) if (d := store.document_by_id(conn, r["id"])) is not None]
        stale = store.analysis_versions(conn, [i.id for i in items])
        out += [i for i in items if stale.get(i.id) != version]
    return out


def _items(conn: sqlite3.Connection, page_id: str) -> list[sqlite3.Row]:
    return store.find_documents(conn, store.DocumentFilter(parent=page_id, limit=10_000))[0]


def _redated(conn: sqlite3.Connection, duplicates: Sequence[Document]) -> list[Document]:
    """Stored documents (and their listing items) analysed without a date that a copy now supplies."""
    out: list[Document] = []
    for copy in duplicates:
        stored = store.document_by_id(conn, copy.id)  # None when the original is in this same batch
        if stored is None or stored.published is not None or copy.published is None:
            continue
        if stored.kind != DocumentKind.LISTING:
            out.append(fill_metadata(stored, copy))
        for item in (store.document_by_id(conn, row["id"]) for row in _items(conn, stored.id)):
            if item is not None:  # listed under its page, so stored
                out.append(replace(item, published=item.published or copy.published, outlet=item.outlet or copy.outlet))
    return out


def _store_prepared(
    conn: sqlite3.Connection, run_id: str, p: Prepared, analysis: Analysis | None, settings: Settings,
    version: str | None, facts: set[store.RelationKey],
) -> None:  # fmt: skip
    doc = p.document
    if p.fingerprint is not None:
        doc = replace(doc, cluster=_assign_cluster(conn, doc, p.fingerprint, settings))
    if not store.insert_document(conn, doc, run_id):
        _record_duplicate(conn, run_id, doc)
        return
    store.add_document_source(conn, doc, run_id)
    if p.fingerprint is not None:
        store.insert_fingerprint(conn, p.fingerprint)
    if analysis is not None:
        store.insert_analysis(conn, replace(analysis, document=doc), pending=facts)
        if version is not None:
            store.set_analysis_version(conn, doc.id, version)
    status = "listing_item" if doc.kind == DocumentKind.LISTING_ITEM else "added"
    store.record_item(conn, run_id, doc.source or "", status, document=doc.id)


def _assign_cluster(conn: sqlite3.Connection, doc: Document, fp: Fingerprint, settings: Settings) -> str:
    """The cluster of the earliest stored document telling the same story; merges clusters it bridges.

    Candidates are tried earliest first, and a cluster is done with at its first match: a story
    already copied sixty times is compared with one of the copies, not with all sixty."""
    candidates = store.near_duplicate_candidates(conn, fp, exclude=[doc.id] + ([doc.parent] if doc.parent else []))
    matched: list[str] = []  # clusters, in the order of their earliest matching document
    for i in range(0, len(candidates), _FINGERPRINT_CHUNK):
        part = [c for c in candidates[i : i + _FINGERPRINT_CHUNK] if c.cluster not in matched]
        stored = store.candidate_fingerprints(conn, [c.document for c in part]) if part else {}
        for c in part:
            other = stored.get(c.document)
            if c.cluster in matched or other is None:
                continue
            if same_story(fp, other.minhash, other.words, other.sentences, c.shared_sentences,
                          jaccard=settings.near_duplicate_jaccard):  # fmt: skip
                matched.append(c.cluster)
    if not matched:
        return doc.id
    store.merge_clusters(conn, matched[0], matched[1:])
    return matched[0]


_FINGERPRINT_CHUNK = 8  # candidates whose fingerprints are read at once
