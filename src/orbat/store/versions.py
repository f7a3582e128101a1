"""Which version of the analysis made each document's mentions and claims (table document_analysis)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from orbat.model import Document
from orbat.store.documents import row_to_document

__all__ = ["set_analysis_version", "analysis_versions", "outdated_documents"]


def set_analysis_version(conn: sqlite3.Connection, document_id: str, version: str) -> None:
    conn.execute("INSERT OR REPLACE INTO document_analysis VALUES (?, ?)", (document_id, version))


def analysis_versions(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, str]:
    """The recorded version of each given document that has one."""
    unique = sorted(set(ids))
    marks = ",".join("?" * len(unique))
    rows = conn.execute(f"SELECT document_id, version FROM document_analysis WHERE document_id IN ({marks})", unique)
    return {r[0]: r[1] for r in rows} if unique else {}


def outdated_documents(conn: sqlite3.Connection, version: str, *, after: int, limit: int) -> list[tuple[int, Document]]:
    """Stored documents (listing pages excepted: their items are analysed) not analysed by ``version``,
    with their rowids, in storage order after rowid ``after``."""
    rows = conn.execute(
        "SELECT d.rowid AS row_number, d.* FROM documents d LEFT JOIN document_analysis a ON a.document_id = d.id "
        "WHERE d.rowid > ? AND d.kind != 'listing' AND (a.version IS NULL OR a.version != ?) ORDER BY d.rowid LIMIT ?",
        (after, version, limit),
    ).fetchall()
    return [(r["row_number"], row_to_document(r)) for r in rows]
