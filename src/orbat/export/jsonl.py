"""JSONL export: one object per line with a ``type`` field (the contract in DESIGN.md)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import TextIO

from orbat import store
from orbat.model import Claim, Document, Entity, Mention

__all__ = ["write_jsonl", "iter_records", "document_record", "mention_record", "entity_record", "claim_record"]


def write_jsonl(conn: sqlite3.Connection, out: TextIO) -> dict[str, int]:
    """Stream every record to ``out``; returns counts per type (nothing is truncated)."""
    counts: dict[str, int] = {}
    for record in iter_records(conn):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        counts[record["type"]] = counts.get(record["type"], 0) + 1
    return counts


def iter_records(conn: sqlite3.Connection) -> Iterator[dict[str, object]]:
    for doc in store.iter_documents(conn):
        yield document_record(doc)
        for mention in store.document_mentions(conn, doc.id):
            yield mention_record(mention, doc)
    for entity in store.iter_entities(conn, referenced_only=True):
        yield entity_record(entity)
    for claim in store.iter_claims(conn):
        yield claim_record(claim)


def document_record(doc: Document) -> dict[str, object]:
    return {
        "type": "document", "id": doc.id, "source_id": doc.source_id, "title": doc.title, "url": doc.url,
        "outlet": doc.outlet, "published": doc.published, "kind": doc.kind.value, "cluster": doc.cluster,
        "parent": doc.parent,
    }  # fmt: skip


def mention_record(m: Mention, doc: Document) -> dict[str, object]:
    raw_start, raw_end = doc.offsets.span_to_raw(m.start, m.end)
    record: dict[str, object] = {
        "type": "mention", "document": m.document, "start": m.start, "end": m.end, "raw_start": raw_start,
        "raw_end": raw_end, "text": m.text, "label": m.label.value, "entity": m.entity, "score": round(m.score, 4),
    }  # fmt: skip
    if m.time is not None:
        record["time"] = {"start": m.time.start, "end": m.time.end, "precision": m.time.precision}
    return record


def entity_record(e: Entity) -> dict[str, object]:
    return {
        "type": "entity", "id": e.id, "kind": e.kind.value, "name": e.name,
        "aliases": sorted({a.name for a in e.aliases}), "country": e.country, "sector": e.sector,
        "lat": e.lat, "lon": e.lon, "precision": e.precision,
    }  # fmt: skip


def claim_record(c: Claim) -> dict[str, object]:
    f = c.fatalities
    return {
        "type": "claim", "id": c.id, "predicate": c.predicate, "subject": c.subject, "object": c.object,
        "role": c.role, "event_type": c.event_type, "mode": c.mode, "context": c.context,
        "acled_event_type": c.acled_event_type, "acled_sub_event_type": c.acled_sub_event_type,
        "actors": list(c.actors), "recipients": list(c.recipients), "weapons": list(c.weapons), "place": c.place, "start": c.valid.start,
        "end": c.valid.end, "time_precision": c.valid.precision, "size": c.size,
        "fatalities": {"low": f.low, "best": f.best, "high": f.high}, "polarity": c.polarity,
        "modality": c.modality, "claimant": c.claimant, "confidence": c.confidence, "extractor": c.extractor,
        "review": c.review, "source_note": c.source_note,
        "evidence": [{"document": e.document, "start": e.start, "end": e.end, "quote": e.quote} for e in c.evidence],
    }  # fmt: skip
