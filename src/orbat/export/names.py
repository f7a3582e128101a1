"""What every exporter needs to say about a claim beyond its own fields: the entities it names, where it
is, who acts on whom, and its evidence in flat form.

``EntityLookup`` fetches entities on first use and keeps them for one export, so a writer streaming
claims asks the store once per entity, not once per claim.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from orbat.export.jsonl import claim_record
from orbat.model import Claim, Entity
from orbat.store.claims import get_entities

__all__ = ["EntityLookup", "Edge", "LOCATED_BY_OBJECT", "claim_location", "claim_entity_ids", "claim_edges",
           "evidence_columns", "flat_claim_record"]  # fmt: skip

# predicates whose object is the place the claim is about (the store's place filter reads them so too)
LOCATED_BY_OBJECT = ("controls", "present_at")


class EntityLookup:
    """Entities by id, loaded lazily from the store and kept for the life of one export."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._known: dict[str, Entity | None] = {}  # None: not a stored entity (a literal or a dangling id)

    def load(self, ids: Iterable[str | None]) -> None:
        """Fetch, in one query, the ids not seen yet."""
        missing = sorted({i for i in ids if i and i not in self._known})
        if missing:
            found = get_entities(self._conn, missing)
            self._known.update({i: found.get(i) for i in missing})

    def get(self, entity_id: str | None) -> Entity | None:
        if not entity_id:
            return None
        self.load([entity_id])
        return self._known[entity_id]

    def name(self, entity_id: str | None) -> str | None:
        entity = self.get(entity_id)
        return entity.name if entity else None

    def names(self, ids: Iterable[str]) -> list[str]:
        """Names of the ids in order; an id that is no stored entity stands for itself."""
        return [self.name(i) or i for i in ids]

    def point(self, entity_id: str | None) -> tuple[float, float] | None:
        """(lat, lon) of the entity, when it has both."""
        entity = self.get(entity_id)
        if entity is None or entity.lat is None or entity.lon is None:
            return None
        return entity.lat, entity.lon


@dataclass(frozen=True, slots=True)
class Edge:
    """One directed pair a claim links: ``side`` says what the target is to the claim."""

    source: str
    target: str
    side: str  # object | recipient | place


def claim_location(claim: Claim) -> str | None:
    """The place a claim is about: its place, else the object of controls / present_at."""
    if claim.place:
        return claim.place
    return claim.object if claim.predicate in LOCATED_BY_OBJECT else None


def claim_entity_ids(claim: Claim) -> list[str]:
    """Every id the claim names, once each, in a fixed order (the object may turn out to be a literal)."""
    ids = [claim.subject, claim.object, claim.place, claim.claimant, *claim.actors, *claim.recipients]
    return list(dict.fromkeys(i for i in ids if i))


def claim_edges(claim: Claim) -> list[Edge]:
    """Relations: subject → object. Events: one edge per (actor, recipient); an event with no recipient
    links its actors to its place instead. Claims missing either end give no edge."""
    if claim.predicate != "event":
        return [Edge(claim.subject, claim.object, "object")] if claim.subject and claim.object else []
    actors = claim.actors or ((claim.subject,) if claim.subject else ())
    if claim.recipients:
        return [Edge(a, r, "recipient") for a in actors for r in claim.recipients]
    return [Edge(a, claim.place, "place") for a in actors] if claim.place else []


def evidence_columns(claim: Claim) -> tuple[str, str, str]:
    """Evidence as three flat strings: starts and ends joined by ";", quotes by a blank line."""
    ev = claim.evidence
    return (";".join(str(e.start) for e in ev), ";".join(str(e.end) for e in ev), "\n\n".join(e.quote for e in ev))


def flat_claim_record(claim: Claim) -> dict[str, object]:
    """The JSONL claim record (the contract's field names) without its ``type``, fatalities as
    ``fatalities_low`` / ``_best`` / ``_high``: the fields tabular and STIX exports share."""
    record = claim_record(claim)
    del record["type"], record["fatalities"]
    f = claim.fatalities
    return record | {"fatalities_low": f.low, "fatalities_best": f.best, "fatalities_high": f.high}
