"""STIX 2.1 export: one bundle, streamed object by object.

Order: the orbat identity and the one ``extension-definition``; an SDO per entity a claim names (see
``orbat.export.stix_objects``); then, document by document, the objects of its claims and the
document's ``report`` (object_refs: those objects and the SDOs they name).

Claims become ``relationship`` SROs, one per pair a claim links (subject → object; for an event each
(actor, recipient), or (actor, place) when it has no recipient). STIX's own relationship type is used
where its meaning fits: present_at → ``located-at`` (actor → location); a violent event (PLOVER
ASSAULT) by a threat actor → ``targets`` (identity or location); subordinate_of (threat actor →
identity) → ``attributed-to``. Everything else (part_of, backed_by, allied_with, opposed_to,
designated_by, controls, leads, other events, …) is ``related-to``. The orbat extension on every
relationship carries the real predicate, the time span, polarity, modality, claimant, review and the
quoted evidence. STIX has no negation: a denied claim is a relationship whose extension says
``"polarity": "negated"`` (and whose description says so), and a negated or unasserted (denied,
hypothetical, feared, future) claim is always ``related-to``, so a reader that ignores the extension
does not take it for a located-at or a targets. Events are not ``observed-data``: that needs cyber
observables, which a news report does not give.

A claim with no pair of STIX objects to link (an alias_of claim, whose object is a name; an event
with no actor; a place STIX cannot locate) becomes a ``note`` about the objects it does name (and its
document's report), with the same extension.

Deterministic: ids are uuid5, timestamps come from the data, and the bundle id, written after the
objects, is a uuid5 of a hash of everything before it, so one database always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

from orbat.export.countries import CountryCodes
from orbat.export.dates import period_after, period_start, stix_timestamp
from orbat.export.jsonstream import JsonArrayWriter
from orbat.export.names import Edge, EntityLookup, claim_edges, claim_entity_ids, evidence_columns, flat_claim_record
from orbat.export.stix_objects import (EXTENSION_ID, NAMESPACE, base, entity_ref, entity_sdo, extension,
                                       producer_objects, report_sdo, sdo_type, stix_id)  # fmt: skip
from orbat.model import Claim
from orbat.store.claims import ClaimRecord
from orbat.store.export_rows import iter_claim_entities, iter_export_claims

__all__ = ["write_stix"]

_NOT_ASSERTING = ("denied", "hypothetical", "feared", "future")
_RENAMED = {"id": "orbat_claim_id", "predicate": "orbat_predicate", "subject": "orbat_subject",
            "object": "orbat_object", "start": "valid_from", "end": "valid_until", "confidence": "confidence_0_1"}


@dataclass(frozen=True, slots=True)
class _Entities:
    """The STIX side of the entities a claim names."""

    names: EntityLookup
    countries: CountryCodes

    def ref(self, entity_id: str | None) -> str | None:
        return entity_ref(self.names.get(entity_id), self.countries)

    def stix_type(self, entity_id: str | None) -> str | None:
        entity = self.names.get(entity_id)
        return sdo_type(entity, self.countries) if entity else None


class _Bundle:
    """The bundle being written: counts objects by type and hashes them for the bundle id."""

    def __init__(self, out: TextIO) -> None:
        self.writer = JsonArrayWriter(out, {"type": "bundle"}, "objects")
        self.digest = hashlib.blake2b(digest_size=32)
        self.counts: dict[str, int] = {}

    def add(self, obj: dict[str, object]) -> None:
        self.digest.update(self.writer.add(obj).encode("utf-8"))
        self.tally(str(obj["type"]))

    def tally(self, key: str) -> None:
        self.counts[key] = self.counts.get(key, 0) + 1

    def close(self) -> dict[str, int]:
        self.writer.close({"id": f"bundle--{uuid.uuid5(NAMESPACE, self.digest.hexdigest())}"})
        return self.counts


def write_stix(conn: sqlite3.Connection, out: TextIO) -> dict[str, int]:
    """Stream the bundle to ``out``; returns counts by STIX type, plus ``claim`` (claims written),
    ``unrepresented_claim`` (claims naming nothing STIX holds, in a document without a report) and
    ``undated_document`` (documents without a report for want of a date)."""
    bundle, entities = _Bundle(out), _Entities(EntityLookup(conn), CountryCodes())
    for obj in producer_objects():
        bundle.add(obj)
    for entity in iter_claim_entities(conn):
        sdo = entity_sdo(entity, entities.countries)
        if sdo is not None:
            bundle.add(sdo)
    groups = itertools.groupby(iter_export_claims(conn, by_document=True), key=lambda r: r.document)
    for _, records in groups:
        _write_document(bundle, records, entities)
    return bundle.close()


def _write_document(bundle: _Bundle, records: Iterator[ClaimRecord], entities: _Entities) -> None:
    """The objects of one document's claims, then its report. Only a real document with a usable date
    gets one: curated claims sit in a pseudo-document (the publication the pack cites is in their
    ``source_note``), and STIX requires a report's ``published``."""
    first = next(records)  # a group is never empty
    real = first.cluster is not None  # pseudo-documents have no documents row, hence no cluster
    report_ref = stix_id("report", first.document) if real and period_start(first.published) else None
    refs: list[str] = []
    for rec in itertools.chain([first], records):
        objects = _claim_objects(rec, entities, report_ref)
        for obj in objects:
            bundle.add(obj)
            refs += [str(obj["id"])] + [str(r) for r in _refs_of(obj) if r != report_ref]
        bundle.tally("claim" if objects else "unrepresented_claim")
    if report_ref and refs:
        bundle.add(report_sdo(first, refs))
    elif real and not report_ref:
        bundle.tally("undated_document")


def _refs_of(obj: dict[str, object]) -> list[object]:
    """The SDOs a claim's object points at: its ends or its subjects, its claimant and its place."""
    ext = _extension_of(obj)
    ends = [obj["source_ref"], obj["target_ref"]] if obj["type"] == "relationship" else obj.get("object_refs")
    named = [ext.get("claimant_ref"), ext.get("place_ref")]
    return [*(ends if isinstance(ends, list) else []), *(r for r in named if r)]


def _extension_of(obj: dict[str, object]) -> dict[str, object]:
    extensions = obj.get("extensions")
    found = extensions.get(EXTENSION_ID) if isinstance(extensions, dict) else None
    return found if isinstance(found, dict) else {}


def _claim_objects(rec: ClaimRecord, entities: _Entities, report_ref: str | None) -> list[dict[str, object]]:
    """The relationships of one claim, or the note that stands for it; [] when it names nothing STIX holds
    and has no report to hang a note on."""
    c = rec.claim
    entities.names.load(claim_entity_ids(c))
    created = stix_timestamp(period_start(c.reported or rec.published))
    props = _claim_properties(rec, entities)
    described = {"description": _description(c, entities.names), "confidence": _confidence(c)}
    objects = [_relationship(c, edge, entities, created) | described | extension(props | {"target_side": edge.side})
               for edge in claim_edges(c) if entities.ref(edge.source) and entities.ref(edge.target)]  # fmt: skip
    if objects:
        return objects
    about = [r for r in map(entities.ref, claim_entity_ids(c)) if r] + ([report_ref] if report_ref else [])
    if not about:
        return []
    note = {**base("note", stix_id("note", c.id), created), "abstract": described["description"],
            "content": evidence_columns(c)[2] or described["description"], "object_refs": list(dict.fromkeys(about)),
            "confidence": described["confidence"]}  # fmt: skip
    return [note | extension(props)]


def _relationship(c: Claim, edge: Edge, entities: _Entities, created: str) -> dict[str, object]:
    """The SRO of one pair, with the claim's valid time as start_time / stop_time where it has one."""
    rtype = _relationship_type(c, entities.stix_type(edge.source), entities.stix_type(edge.target))
    rel = {**base("relationship", stix_id("relationship", f"{c.id}:{edge.source}:{edge.target}"), created),
           "relationship_type": rtype, "source_ref": entities.ref(edge.source),
           "target_ref": entities.ref(edge.target)}  # fmt: skip
    start, stop = period_start(c.valid.start), period_after(c.valid.end)
    if start is not None:
        rel["start_time"] = stix_timestamp(start)
    if stop is not None and (start is None or stop > start):
        rel["stop_time"] = stix_timestamp(stop)
    return rel


def _relationship_type(c: Claim, source_type: str | None, target_type: str | None) -> str:
    """STIX's own relationship type where its meaning fits (and STIX lists it for these two types). A claim
    that is negated or not asserted (denied, hypothetical, feared, future) stays "related-to": a STIX
    reader that ignores the extension must not take it for a fact."""
    if c.polarity == "negated" or c.modality in _NOT_ASSERTING:
        return "related-to"
    if c.predicate == "present_at" and source_type in ("threat-actor", "identity") and target_type == "location":
        return "located-at"
    if c.predicate == "event" and c.event_type == "ASSAULT" and source_type == "threat-actor" and \
            target_type in ("identity", "location"):  # fmt: skip
        return "targets"
    if c.predicate == "subordinate_of" and source_type == "threat-actor" and target_type == "identity":
        return "attributed-to"
    return "related-to"


def _confidence(c: Claim) -> int:
    """STIX confidence: an integer 0–100 from our 0–1."""
    return max(0, min(100, round(c.confidence * 100)))


def _description(c: Claim, names: EntityLookup) -> str:
    """A one-line reading of the claim, e.g. "Kataib Hezbollah present_at Al-Qaim (negated, denied)"."""
    if c.predicate == "event":
        who = ", ".join(names.names(c.actors)) or "unknown actor"
        whom = f" on {', '.join(names.names(c.recipients))}" if c.recipients else ""
        where = f" at {names.name(c.place) or c.place}" if c.place else ""
        text = f"{who}: {c.event_type or 'event'}{whom}{where}"
    else:
        text = f"{names.name(c.subject) or c.subject} {c.predicate} {names.name(c.object) or c.object}"
    return f"{text} ({c.polarity}, {c.modality})"


def _claim_properties(rec: ClaimRecord, entities: _Entities) -> dict[str, object]:
    """The extension properties of a claim: the JSONL record's fields (renamed where STIX has a property
    of that name with another meaning, or where ours needs saying: ``orbat_predicate``), plus refs."""
    c = rec.claim
    fields = {_RENAMED.get(k, k): v for k, v in flat_claim_record(c).items()}
    return fields | {
        "reported": c.reported, "document": rec.document, "claimant_ref": entities.ref(c.claimant),
        "claimant_name": entities.names.name(c.claimant), "place_ref": entities.ref(c.place),
        "geo_precision": c.geo_precision,
    }  # fmt: skip
