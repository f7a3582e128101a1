"""Rows for the exporters: every claim with its document context and evidence, every entity a claim names.

Both stream in pages (keyset pagination), so an export never holds the whole store in memory.
Rejected claims are included: an export is lossless, the ``review`` field says what a reviewer decided.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from orbat.model import Entity
from orbat.store.analysis import CLAIM_NAMES_ENTITY, _row_to_entity
from orbat.store.claims import _SELECT, ClaimRecord, _records

__all__ = ["iter_export_claims", "iter_claim_entities"]

def iter_export_claims(
    conn: sqlite3.Connection, *, by_document: bool = False, batch: int = 500
) -> Iterator[ClaimRecord]:
    """Every claim with its evidence and document metadata, in insertion order, or grouped by document
    (document id, then insertion order) when ``by_document``: a writer can close one document's group
    before the next begins."""
    if by_document:
        where, order = "(c.document_id, c.rowid) > (?, ?)", "c.document_id, c.rowid"
    else:
        where, order = "c.rowid > ?", "c.rowid"
    last: list[object] = ["", 0] if by_document else [0]
    while True:
        rows = conn.execute(f"{_SELECT} WHERE {where} ORDER BY {order} LIMIT ?", [*last, batch]).fetchall()
        if not rows:
            return
        yield from _records(conn, rows, evidence=True)
        tail = rows[-1]
        last = [tail["document_id"], tail["claim_rowid"]] if by_document else [tail["claim_rowid"]]


def iter_claim_entities(conn: sqlite3.Connection, *, batch: int = 500) -> Iterator[Entity]:
    """Every stored entity that some claim names (subject, object, place, claimant, actor or recipient),
    with its aliases, in id order. Ids a claim names that are not stored entities are not returned."""
    last = ""
    while True:
        rows = conn.execute(
            f"SELECT * FROM entities e WHERE e.id > ? AND ({CLAIM_NAMES_ENTITY}) ORDER BY e.id LIMIT ?", (last, batch)
        ).fetchall()
        if not rows:
            return
        for r in rows:
            yield _row_to_entity(conn, r)
        last = rows[-1]["id"]
