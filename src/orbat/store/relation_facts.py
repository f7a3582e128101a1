"""Relation facts (migration 3): per relation, the aggregate of its claims, kept exact at write time.

A relation is the key (subject, predicate, object, role). Its row depends on its claims, their review,
their documents' duplicate cluster and outlet, and their curated source notes; every store function
that changes one of those collects the keys it touches (before deleting anything) and hands them to
``refresh_relation_facts``. Nothing edits a fact by hand: ``rebuild_relation_facts`` recomputes the
whole table from claims, and a refreshed key is exactly what a rebuild would give it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from orbat.model import Claim
from orbat.store.schema import relation_fact_select

__all__ = [
    "RelationKey",
    "relation_key",
    "refresh_relation_facts",
    "rebuild_relation_facts",
    "claim_keys",
    "document_keys",
    "cluster_keys",
]

RelationKey = tuple[str | None, str, str | None, str | None]  # subject, predicate, object, role

_KEY_COLUMNS = "c.subject, c.predicate, c.object, c.role"
_BY_KEY = "c.subject IS ? AND c.predicate = ? AND c.object IS ? AND c.role IS ?"
_CHUNK = 500


def relation_key(claim: Claim) -> RelationKey:
    return (claim.subject, claim.predicate, claim.object, claim.role)


def refresh_relation_facts(conn: sqlite3.Connection, keys: Iterable[RelationKey]) -> int:
    """Recompute the facts of these keys from their claims (a key left without claims disappears).
    Event keys are ignored. Returns the number of keys refreshed."""
    todo = sorted({k for k in keys if k[1] != "event"}, key=repr)
    conn.executemany("DELETE FROM relation_facts WHERE key = json_array(?, ?, ?, ?)", todo)
    conn.executemany(f"INSERT INTO relation_facts {relation_fact_select(_BY_KEY)}", todo)
    return len(todo)


def rebuild_relation_facts(conn: sqlite3.Connection) -> int:
    """Recompute every fact from claims (after claims were written with raw SQL); returns the row count."""
    conn.execute("DELETE FROM relation_facts")
    conn.execute(f"INSERT INTO relation_facts {relation_fact_select('1')}")
    return int(conn.execute("SELECT count(*) FROM relation_facts").fetchone()[0])


def _keys(conn: sqlite3.Connection, sql: str, values: Sequence[str]) -> set[RelationKey]:
    """Distinct keys of the non-event claims selected by ``sql`` (with ``{marks}`` for one chunk of values)."""
    found: set[RelationKey] = set()
    unique = sorted(set(values))
    for i in range(0, len(unique), _CHUNK):
        part = unique[i : i + _CHUNK]
        rows = conn.execute(sql.format(marks=", ".join("?" * len(part))), part)
        found.update((r[0], r[1], r[2], r[3]) for r in rows)
    return found


def claim_keys(conn: sqlite3.Connection, claim_ids: Sequence[str]) -> set[RelationKey]:
    """Keys of the stored claims with these ids."""
    return _keys(conn, f"SELECT DISTINCT {_KEY_COLUMNS} FROM claims c WHERE c.id IN ({{marks}}) "
                       "AND c.predicate != 'event'", claim_ids)  # fmt: skip


def document_keys(conn: sqlite3.Connection, document_ids: Sequence[str]) -> set[RelationKey]:
    """Keys of the claims filed under these documents."""
    return _keys(conn, f"SELECT DISTINCT {_KEY_COLUMNS} FROM claims c WHERE c.document_id IN ({{marks}}) "
                       "AND c.predicate != 'event'", document_ids)  # fmt: skip


def cluster_keys(conn: sqlite3.Connection, clusters: Sequence[str]) -> set[RelationKey]:
    """Keys of the claims in documents of these duplicate clusters."""
    return _keys(conn, f"SELECT DISTINCT {_KEY_COLUMNS} FROM documents d CROSS JOIN claims c ON c.document_id = d.id "
                       "WHERE d.cluster IN ({marks}) AND c.predicate != 'event'", clusters)  # fmt: skip
