"""A theatre pack's curated relations, stored as accepted claims that cite their publication."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass

from orbat import store
from orbat.model import Claim, TimeSpan, stable_id
from orbat.store import claims as claim_store
from orbat.theatres import CuratedRelation, Theatre

__all__ = ["SyncSummary", "sync_theatre", "curated_claim", "theatre_document"]


@dataclass(frozen=True, slots=True)
class SyncSummary:
    theatre: str
    extractor: str
    entities: int
    claims: int
    removed: int  # curated claims of an earlier version of the pack that it no longer holds


def theatre_document(theatre: Theatre) -> str:
    """The pseudo-document id curated claims are filed under (no document row exists for it)."""
    return f"theatre:{theatre.name}"


def _version(theatre: Theatre) -> str:
    h = hashlib.blake2b(digest_size=6)
    for r in theatre.relations:
        h.update(repr((r.subject, r.predicate, r.object, r.role, r.start, r.end, r.source)).encode("utf-8"))
    return h.hexdigest()


def _precision(start: str | None, end: str | None) -> str:
    known = [len(x) for x in (start, end) if x]
    return {4: "year", 7: "month", 10: "day"}.get(min(known), "day") if known else "unknown"


def curated_claim(theatre: Theatre, relation: CuratedRelation, extractor: str) -> Claim:
    r = relation
    return Claim(
        id="c" + stable_id("theatre", theatre.name, r.subject, r.predicate, r.object, r.role, r.start, r.end),
        predicate=r.predicate, subject=r.subject, object=r.object, role=r.role,
        valid=TimeSpan(r.start, r.end, _precision(r.start, r.end)), polarity="affirmed", modality="asserted",
        extractor=extractor, confidence=1.0, review="accepted", source_note=r.source,
    )  # fmt: skip


def sync_theatre(conn: sqlite3.Connection, theatre: Theatre) -> SyncSummary:
    """Upsert the pack's entities and its relations as claims, in one transaction. Idempotent.

    Extractor ``theatre:<name>/<hash of the relations>``; review ``accepted`` (a reviewer's later
    decision on a claim is kept: see migration 2); valid time from start/end; no evidence span; the
    relation's source is kept as the claim's source note.
    """
    extractor = f"theatre:{theatre.name}/{_version(theatre)}"
    doc = theatre_document(theatre)
    claims = [curated_claim(theatre, r, extractor) for r in theatre.relations]
    ids = {c.id for c in claims}
    with store.transaction(conn):
        entities = store.upsert_entities(conn, theatre.entities)
        removed = claim_store.delete_document_claims(conn, doc, sorted(ids))
        claim_store.delete_document_claims(conn, doc, [])  # replaced below: keeps derived indexes exact
        for c in claims:
            store.insert_claim(conn, c, doc)
            claim_store.set_source_note(conn, c.id, c.source_note)
    return SyncSummary(theatre.name, extractor, entities, len(ids), removed)
