"""Names to entity ids: by id, name or alias, ignoring case, diacritics and punctuation."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable

from orbat.errors import OrbatError
from orbat.store import claims as claim_store
from orbat.store.claims import ClaimRecord

__all__ = ["fold_name", "resolve_entity", "resolve_optional", "entity_names"]


def fold_name(text: str) -> str:
    """"Kata'ib Ḥezbollah" → "kataib hezbollah": no marks, case or punctuation."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = "".join(ch if ch.isalnum() else " " if ch.isspace() or ch in "-_/" else "" for ch in kept.casefold())
    return " ".join(words.split())


def resolve_entity(conn: sqlite3.Connection, name_or_id: str) -> str:
    """The one entity an id, name or alias designates; an OrbatError when none or several do."""
    key = name_or_id.strip()
    found = claim_store.entity_ids_by_name(conn, key)
    if not found:
        folded = fold_name(key)
        found = sorted({eid for eid, name in claim_store.entity_name_index(conn) if fold_name(name) == folded})
    if not found:
        raise OrbatError(f"no actor, person or place called {name_or_id!r}; try an id, a name or an alias")
    if len(found) > 1:
        raise OrbatError(f"{name_or_id!r} names {len(found)} entities ({', '.join(found[:6])}); use one of these ids")
    return found[0]


def resolve_optional(conn: sqlite3.Connection, name_or_id: str | None) -> str | None:
    return None if name_or_id is None else resolve_entity(conn, name_or_id)


def entity_names(conn: sqlite3.Connection, records: Iterable[ClaimRecord]) -> dict[str, str]:
    """Entity id → name for every entity the claims name (subject, object, place, claimant, actors)."""
    ids: set[str] = set()
    for r in records:
        c = r.claim
        ids.update(x for x in (c.subject, c.object, c.place, c.claimant, *c.actors, *c.recipients) if x)
    return claim_store.entity_names(conn, ids)
