"""Entity search for the search box and the filter pickers.

A question of its own that ``orbat.query`` does not answer yet (it resolves one name, it does not search);
kept here until it moves there. Store look-ups only, no SQL.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from orbat.model import Entity
from orbat.query.resolve import fold_name
from orbat.store import claims as claim_store

__all__ = ["EntityPage", "search_entities"]


@dataclass(frozen=True, slots=True)
class EntityPage:
    q: str
    kind: str | None
    entities: tuple[Entity, ...]  # exact name matches first, then names starting with q, then the rest
    total: int
    limit: int
    offset: int


def search_entities(
    conn: sqlite3.Connection, q: str = "", *, kind: str | None = None, limit: int = 50, offset: int = 0
) -> EntityPage:
    """Entities whose name or an alias contains ``q`` (ignoring case, diacritics and punctuation)."""
    wanted = fold_name(q)
    rank: dict[str, int] = {}
    for eid, name in claim_store.entity_name_index(conn):
        folded = fold_name(name)
        if wanted in folded:
            score = 0 if folded == wanted else 1 if folded.startswith(wanted) else 2
            rank[eid] = min(score, rank.get(eid, 3))
    found = claim_store.get_entities(conn, list(rank))
    kinds = {k.strip() for k in (kind or "").split(",") if k.strip()}
    matches = sorted((e for e in found.values() if not kinds or e.kind.value in kinds),
                     key=lambda e: (rank[e.id], e.name.casefold(), e.id))  # fmt: skip
    return EntityPage(q, kind, tuple(matches[offset : offset + limit]), len(matches), limit, offset)
