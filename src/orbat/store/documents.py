"""Documents, their sources and the near-duplicate index."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from orbat.model import Document, DocumentKind, Fingerprint, OffsetMap, Segment, SegmentKind
from orbat.store.relation_facts import cluster_keys, document_keys, refresh_relation_facts

__all__ = [
    "DocumentFilter",
    "Candidate",
    "insert_document",
    "add_document_source",
    "has_document",
    "document_cluster",
    "get_document",
    "find_documents",
    "iter_documents",
    "insert_fingerprint",
    "document_by_id",
    "near_duplicate_candidates",
    "candidate_fingerprints",
    "merge_clusters",
    "cluster_members",
]

_COLUMNS = (
    "id, source_id, source, url, title, outlet, published, updated, retrieved, kind, parent, cluster, "
    "text, clean_text, offsets, segments"
)


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    text: str | None = None  # full-text search over title and clean text (FTS5 syntax)
    outlet: str | None = None
    kind: str | None = None
    published_from: str | None = None
    published_to: str | None = None
    cluster: str | None = None
    parent: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored document that may tell the same story (its fingerprint: ``candidate_fingerprints``)."""

    document: str
    cluster: str
    shared_sentences: int


@dataclass(frozen=True, slots=True)
class StoredFingerprint:
    minhash: bytes
    words: int
    sentences: int


def insert_document(conn: sqlite3.Connection, doc: Document, run_id: str) -> bool:
    """Insert a document; False when a document with that id is already stored."""
    cur = conn.execute(
        f"INSERT OR IGNORE INTO documents ({_COLUMNS}, run_id) VALUES ({', '.join('?' * 17)})",
        (
            doc.id, doc.source_id, doc.source, doc.url, doc.title, doc.outlet, doc.published, doc.updated,
            doc.retrieved, doc.kind.value, doc.parent, doc.cluster or doc.id, doc.text, doc.clean_text,
            json.dumps(doc.offsets.to_json()), json.dumps([_segment_json(s) for s in doc.segments]), run_id,
        ),
    )  # fmt: skip
    if cur.rowcount != 1:
        return False
    refresh_relation_facts(conn, document_keys(conn, [doc.id]))  # claims filed before their document (rare)
    return True


def add_document_source(conn: sqlite3.Connection, doc: Document, run_id: str) -> None:
    """Record that an input yielded this content: later copies add their source and metadata, never replace."""
    stale = document_keys(conn, _outlet_filled(conn, doc))  # the outlet is the voice of claims without a claimant
    conn.execute(
        "INSERT OR IGNORE INTO document_sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.id, doc.source or "", doc.source_id, run_id, doc.title, doc.url, doc.outlet, doc.published),
    )
    # fill metadata the first copy lacked (a .txt without front matter, then the same text from a .jsonl)
    # (only when something is missing: an update naming the title re-indexes the text for full-text search)
    conn.execute(
        "UPDATE documents SET title = COALESCE(title, :title), outlet = COALESCE(outlet, :outlet), "
        "published = COALESCE(published, :published), source_id = COALESCE(source_id, :source_id), "
        "kind = CASE WHEN kind = 'plain' AND :kind = 'article' THEN 'article' ELSE kind END WHERE id = :id "
        "AND (title IS NULL AND :title IS NOT NULL OR outlet IS NULL AND :outlet IS NOT NULL "
        "OR published IS NULL AND :published IS NOT NULL OR source_id IS NULL AND :source_id IS NOT NULL "
        "OR kind = 'plain' AND :kind = 'article')",
        {"title": doc.title, "outlet": doc.outlet, "published": doc.published, "source_id": doc.source_id,
         "kind": doc.kind.value, "id": doc.id},
    )  # fmt: skip
    conn.execute(  # listing items inherit what their page learned
        "UPDATE documents SET outlet = COALESCE(outlet, ?), published = COALESCE(published, ?) WHERE parent = ? "
        "AND (outlet IS NULL OR published IS NULL)",
        (doc.outlet, doc.published, doc.id),
    )
    refresh_relation_facts(conn, stale)


def _outlet_filled(conn: sqlite3.Connection, doc: Document) -> list[str]:
    """Stored documents whose missing outlet ``add_document_source`` is about to take from ``doc``: the
    document itself and its listing items. (A filled date changes no fact by itself: the claims' report
    dates change when the pipeline re-analyses the redated document, through replace_analysis.)"""
    if doc.outlet is None:
        return []
    rows = conn.execute("SELECT id FROM documents WHERE (id = ? OR parent = ?) AND outlet IS NULL", (doc.id, doc.id))
    return [r[0] for r in rows]


def has_document(conn: sqlite3.Connection, doc_id: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None


def document_cluster(conn: sqlite3.Connection, doc_id: str) -> str | None:
    row = conn.execute("SELECT cluster FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return None if row is None else row[0]


def _segment_json(seg: Segment) -> list[object]:
    return [seg.start, seg.end, seg.kind.value, seg.note]


def row_to_document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        clean_text=row["clean_text"],
        offsets=OffsetMap.from_json(json.loads(row["offsets"])),
        kind=DocumentKind(row["kind"]),
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        published=row["published"],
        updated=row["updated"],
        retrieved=row["retrieved"],
        source_id=row["source_id"],
        source=row["source"],
        parent=row["parent"],
        cluster=row["cluster"],
        segments=tuple(Segment(s, e, SegmentKind(k), n) for s, e, k, n in json.loads(row["segments"])),
    )


def document_by_id(conn: sqlite3.Connection, doc_id: str) -> Document | None:
    """The document with exactly this id (one index seek; ``get_document`` is the user's look-up)."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row_to_document(row) if row is not None else None


def get_document(conn: sqlite3.Connection, id_or_prefix: str) -> list[Document]:
    """Documents whose id, or source id, is or starts with the given text (one when unambiguous)."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM documents WHERE id = ? OR source_id = ? ORDER BY rowid", (id_or_prefix, id_or_prefix)
    ).fetchall()
    if not rows:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM documents WHERE id LIKE ? ESCAPE '\\' ORDER BY rowid LIMIT 20",
            (_like_prefix(id_or_prefix),),
        ).fetchall()
    return [row_to_document(r) for r in rows]


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def find_documents(conn: sqlite3.Connection, filt: DocumentFilter) -> tuple[list[sqlite3.Row], int]:
    """Document rows (without their text) matching the filter, and the total count."""
    where, params = _filter_sql(filt)
    base = "FROM documents d" + (" JOIN documents_fts f ON f.rowid = d.rowid" if filt.text else "")
    sql_where = (" WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT count(*) {base}{sql_where}", params).fetchone()[0]
    rows = conn.execute(
        "SELECT d.id, d.source_id, d.title, d.url, d.outlet, d.published, d.kind, d.cluster, d.parent, "
        f"length(d.clean_text) AS chars {base}{sql_where} ORDER BY d.rowid LIMIT ? OFFSET ?",
        [*params, filt.limit, filt.offset],
    ).fetchall()
    return rows, total


def _filter_sql(filt: DocumentFilter) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    pairs = [
        ("documents_fts MATCH ?", filt.text),
        ("d.outlet = ?", filt.outlet),
        ("d.kind = ?", filt.kind),
        ("d.published >= ?", filt.published_from),
        ("d.published <= ?", filt.published_to),
        ("d.cluster = ?", filt.cluster),
        ("d.parent = ?", filt.parent),
    ]
    for clause, value in pairs:
        if value is not None:
            where.append(clause)
            params.append(value)
    return where, params


def iter_documents(conn: sqlite3.Connection, *, batch: int = 500) -> Iterator[Document]:
    """Every document in insertion order, streamed in batches."""
    last = 0
    while True:
        rows = conn.execute(
            f"SELECT rowid, {_COLUMNS} FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch)
        ).fetchall()
        if not rows:
            return
        for row in rows:
            yield row_to_document(row)
        last = rows[-1]["rowid"]


def insert_fingerprint(conn: sqlite3.Connection, fp: Fingerprint) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO fingerprints VALUES (?, ?, ?, ?)", (fp.document, fp.minhash, fp.words, len(fp.sentences))
    )
    conn.executemany("INSERT INTO lsh_bands VALUES (?, ?, ?)", [(b, h, fp.document) for b, h in enumerate(fp.bands)])
    conn.executemany("INSERT INTO sentence_hashes VALUES (?, ?)", [(h, fp.document) for h in fp.sentences])


def near_duplicate_candidates(conn: sqlite3.Connection, fp: Fingerprint, exclude: Sequence[str]) -> list[Candidate]:
    """Stored documents sharing an LSH band or a sentence with the fingerprint, earliest first, with the
    number of sentences each shares. One statement: a story copied many times has many documents behind
    each hash, and counting them row by row in Python was most of the look-up's cost."""
    cursor = conn.cursor()
    cursor.row_factory = None
    params = {"bands": json.dumps(fp.bands), "sentences": json.dumps(fp.sentences), "exclude": json.dumps(list(exclude))}
    return [Candidate(*row) for row in cursor.execute(_CANDIDATES_SQL, params)]


_CANDIDATES_SQL = """
WITH hits(document_id, sentence) AS (
    SELECT b.document_id, 0 FROM json_each(:bands) j JOIN lsh_bands b ON b.band = j.key AND b.hash = j.value
    UNION ALL
    SELECT s.document_id, 1 FROM json_each(:sentences) j JOIN sentence_hashes s ON s.hash = j.value
)
SELECT d.id, d.cluster, h.shared
FROM (SELECT document_id, sum(sentence) AS shared FROM hits GROUP BY document_id) h
JOIN documents d ON d.id = h.document_id
WHERE d.id NOT IN (SELECT value FROM json_each(:exclude))
ORDER BY d.rowid
"""


def candidate_fingerprints(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, StoredFingerprint]:
    """The stored fingerprints of these documents (read only for the candidates a match is tested on)."""
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT document_id, minhash, words, sentences FROM fingerprints WHERE document_id IN ({marks})",
                        list(ids))  # fmt: skip
    return {r[0]: StoredFingerprint(r[1], r[2], r[3]) for r in rows}


def merge_clusters(conn: sqlite3.Connection, keep: str, others: Sequence[str]) -> None:
    """Fold other clusters into ``keep``. Cluster ids are derived data: recomputable, not source data.
    The facts with a claim in a folded cluster may count fewer independent sources afterwards."""
    folded = sorted({other for other in others if other != keep})
    stale = cluster_keys(conn, folded)
    for other in folded:
        conn.execute("UPDATE documents SET cluster = ? WHERE cluster = ?", (keep, other))
    refresh_relation_facts(conn, stale)


def cluster_members(conn: sqlite3.Connection, cluster: str) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, title, outlet, published, kind, url FROM documents WHERE cluster = ? ORDER BY rowid", (cluster,)
    ).fetchall()
