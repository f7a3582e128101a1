"""Renderings of query results as JSON, and the place geometry and entity kinds maps and graphs need.
No SQL here: store look-ups only."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

from orbat.reason import Contradiction
from orbat.store import claims as claim_store
from orbat.store.claims import ClaimRecord

__all__ = ["to_json", "place_geometry", "claim_place_ids", "entity_kinds"]


def to_json(value: Any) -> Any:
    """Dataclasses (nested) as dicts; claim records gain who says so and their independent-source key."""
    if isinstance(value, ClaimRecord):
        return {**_fields(value), "voice": value.voice, "source_key": value.source_key, "curated": value.curated}
    if isinstance(value, Contradiction):
        return {"id": value.id, **_fields(value)}
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fields(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_json(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return None  # binary columns (fingerprints) are not part of the API
    return value


def _fields(value: Any) -> dict[str, Any]:
    return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}


def claim_place_ids(records: Iterable[ClaimRecord]) -> list[str]:
    """Places the claims are at: the claim's place, or the object of ``controls`` / ``present_at``."""
    ids = []
    for r in records:
        c = r.claim
        if c.place:
            ids.append(c.place)
        if c.predicate in ("controls", "present_at") and c.object:
            ids.append(c.object)
    return ids


def place_geometry(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Place id → name, coordinates, feature and precision, for the places that have coordinates."""
    found = claim_store.get_entities(conn, sorted(set(ids)))
    return {
        k: {"name": e.name, "lat": e.lat, "lon": e.lon, "feature": e.feature, "precision": e.precision}
        for k, e in found.items()
        if e.lat is not None and e.lon is not None
    }


def entity_kinds(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Entity id → name and kind (for drawing nodes by kind)."""
    found = claim_store.get_entities(conn, sorted({i for i in ids if i}))
    return {k: {"name": e.name, "kind": e.kind.value} for k, e in found.items()}
