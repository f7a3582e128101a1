"""Questions about documents and ingest runs: one function per question, shared by CLI, API and UI."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from orbat import store
from orbat.errors import OrbatError
from orbat.model import Document

__all__ = ["DocumentPage", "DocumentView", "RunView", "list_documents", "document_view", "list_runs", "run_view"]


@dataclass(frozen=True, slots=True)
class DocumentPage:
    rows: tuple[dict[str, object], ...]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class DocumentView:
    document: Document
    duplicates: tuple[dict[str, object], ...]  # other members of its cluster
    items: tuple[dict[str, object], ...]  # listing items, for a listing page
    sources: tuple[dict[str, object], ...]  # every input that yielded this content


@dataclass(frozen=True, slots=True)
class RunView:
    run: dict[str, object]
    items: tuple[dict[str, object], ...]


def list_documents(conn: sqlite3.Connection, filt: store.DocumentFilter) -> DocumentPage:
    try:
        rows, total = store.find_documents(conn, filt)
    except sqlite3.OperationalError as exc:  # an FTS5 syntax error in the search text
        raise OrbatError(f"invalid search {filt.text!r}: {exc}; quote phrases with double quotes") from exc
    return DocumentPage(tuple(dict(r) for r in rows), total, filt.limit, filt.offset)


def document_view(conn: sqlite3.Connection, id_or_prefix: str) -> DocumentView:
    found = store.get_document(conn, id_or_prefix)
    if not found:
        raise OrbatError(f"no document {id_or_prefix!r}; list ids with `orbat documents`")
    if len(found) > 1:
        ids = ", ".join(d.id for d in found[:5])
        raise OrbatError(f"{id_or_prefix!r} matches {len(found)} documents ({ids}…); give more of the id")
    doc = found[0]
    members = store.cluster_members(conn, doc.cluster or doc.id)
    sources = conn.execute(
        "SELECT source, source_id, run_id, title, url, outlet, published FROM document_sources WHERE document_id = ?",
        (doc.id,),
    ).fetchall()
    items = store.find_documents(conn, store.DocumentFilter(parent=doc.id, limit=1000))[0]
    return DocumentView(
        doc,
        tuple(dict(m) for m in members if m["id"] != doc.id),
        tuple(dict(i) for i in items),
        tuple(dict(s) for s in sources),
    )


def list_runs(conn: sqlite3.Connection, *, limit: int = 20) -> tuple[dict[str, object], ...]:
    return tuple(dict(r) for r in store.list_runs(conn, limit=limit))


def run_view(conn: sqlite3.Connection, run_id: str, *, status: str | None = None) -> RunView:
    row = conn.execute("SELECT * FROM runs WHERE id = ? OR id LIKE ? ORDER BY id LIMIT 2", (run_id, run_id + "%"))
    rows = row.fetchall()
    if len(rows) != 1:
        raise OrbatError(f"no single run matches {run_id!r}; list runs with `orbat runs`")
    items = store.run_items(conn, rows[0]["id"], status=status)
    return RunView(dict(rows[0]), tuple(dict(i) for i in items))
