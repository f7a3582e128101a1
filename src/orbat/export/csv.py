"""CSV export: one row per claim, every field of the JSONL claim record flattened, plus the names a
reader of a spreadsheet wants next to the ids and the document the claim comes from.

- ``actors``, ``recipients``: ";"-joined entity ids; ``actor_names``, ``recipient_names`` the same in names;
  ``weapons``: ";"-joined, as the text names them.
- ``place``, ``place_name``: the claim's own place. ``lat``, ``lon``: the point of the place the claim is
  about: its place, else for controls / present_at the place it names as object (the point GeoJSON uses).
- ``document``, ``outlet``, ``published``: the document the claim was read from (for curated claims the
  theatre pseudo-document, with the publication the pack cites in ``source_note``).
- ``evidence_start``, ``evidence_end``: ";"-joined spans into the document's clean text; ``quote``: the
  quoted text, several quotes separated by a blank line.
- ``review``: machine, accepted or rejected. Rejected claims are exported too, flagged here.
"""

from __future__ import annotations

import sqlite3
from typing import TextIO

from orbat.export.names import EntityLookup, claim_entity_ids, claim_location, evidence_columns, flat_claim_record
from orbat.export.tabular import write_table
from orbat.store.claims import ClaimRecord
from orbat.store.export_rows import iter_export_claims

__all__ = ["write_csv", "CLAIM_COLUMNS", "claim_row"]

CLAIM_COLUMNS = (
    "id", "predicate", "subject", "subject_name", "object", "object_name", "role", "event_type", "mode",
    "context", "acled_event_type", "acled_sub_event_type", "actors", "actor_names", "recipients",
    "recipient_names", "weapons", "place", "place_name", "lat", "lon", "start", "end", "time_precision", "size",
    "fatalities_low", "fatalities_best", "fatalities_high", "polarity", "modality", "claimant", "claimant_name",
    "confidence", "extractor", "review", "document", "evidence_start", "evidence_end", "quote", "outlet",
    "published", "source_note",
)  # fmt: skip


def write_csv(conn: sqlite3.Connection, out: TextIO) -> dict[str, int]:
    """Stream one row per claim (rejected ones included) to ``out``; returns {"claim": rows}."""
    names = EntityLookup(conn)
    rows = (claim_row(rec, names) for rec in iter_export_claims(conn))
    return {"claim": write_table(out, CLAIM_COLUMNS, rows)}


def claim_row(rec: ClaimRecord, names: EntityLookup) -> dict[str, object]:
    """The CSV row of one claim: the JSONL record's fields, the names beside the ids, the point, the
    evidence flattened and the document."""
    c = rec.claim
    names.load(claim_entity_ids(c))
    point = names.point(claim_location(c))
    starts, ends, quotes = evidence_columns(c)
    fields = {k: v for k, v in flat_claim_record(c).items() if k in CLAIM_COLUMNS}
    return fields | {
        "subject_name": names.name(c.subject), "object_name": names.name(c.object),
        "actor_names": names.names(c.actors), "recipient_names": names.names(c.recipients),
        "place_name": names.name(c.place), "lat": point[0] if point else None, "lon": point[1] if point else None,
        "claimant_name": names.name(c.claimant), "document": rec.document, "evidence_start": starts,
        "evidence_end": ends, "quote": quotes, "outlet": rec.outlet, "published": rec.published,
    }  # fmt: skip
