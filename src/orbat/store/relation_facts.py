"""Relation facts (migration 3): per relation, the aggregate of its claims, kept exact at write time.

A relation is the key (subject, predicate, object, role). Its row depends on its claims, their review,
their documents' duplicate cluster and outlet, and their curated source notes; every store function
that changes one of those collects the keys it touches (before deleting anything) and hands them to
``refresh_relation_facts``. ``rebuild_relation_facts`` recomputes the whole table from claims, and a
refreshed key is exactly what a rebuild would give it.

A refresh reads every claim of its key: for a relation reported thousands of times, ~25 ms. New claims
that change no stored claim (a new document's analysis) are folded in instead by ``add_relation_claims``:
counts added, dates widened, a source counted when no earlier claim of the key came from its duplicate
cluster, a voice appended when no earlier claim of the key spoke in it. Each of those questions is an
index look-up, and the result is again exactly what a rebuild would give.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from orbat.model import Claim
from orbat.store.schema import FACT_COUNTED, FACT_FROM, FACT_VOICE, relation_fact_claim_select, relation_fact_select

__all__ = [
    "RelationKey",
    "relation_key",
    "refresh_relation_facts",
    "add_relation_claims",
    "last_claim_rowid",
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


_FACT_ROW = ("SELECT claims, affirmed, negated, sources, first_reported, last_reported, valid_start, valid_end, "
             "open_start, open_end, curated, claimants FROM relation_facts WHERE key = json_array(?, ?, ?, ?)")  # fmt: skip
_SET_FACT = ("UPDATE relation_facts SET claims = ?, affirmed = ?, negated = ?, sources = ?, first_reported = ?, "
             "last_reported = ?, valid_start = ?, valid_end = ?, open_start = ?, open_end = ?, curated = ?, "
             "claimants = ? WHERE key = json_array(?, ?, ?, ?)")  # fmt: skip
# earlier claims of a key from one duplicate cluster (a claim without a document is a source of its own,
# which no earlier claim shares: its id is unique): did any affirm, did any deny. Read through whichever
# is shorter: the cluster's documents (seeking the key in each) or the key's claims. A popular relation
# has thousands of claims; a wire story copied a hundred times makes a cluster of a hundred documents.
_EARLIER_SOURCE = ("SELECT max(c.polarity != 'negated'), max(c.polarity = 'negated') FROM documents d "
                   "CROSS JOIN claims c INDEXED BY claims_document ON c.document_id = d.id "
                   f"WHERE d.cluster = ? AND c.rowid <= ? AND {_BY_KEY} AND {FACT_COUNTED}")  # fmt: skip
_EARLIER_SOURCE_BY_KEY = ("SELECT max(c.polarity != 'negated'), max(c.polarity = 'negated') FROM claims c "
                          "INDEXED BY claims_subject CROSS JOIN documents d ON d.id = c.document_id "
                          f"WHERE d.cluster = ? AND c.rowid <= ? AND {_BY_KEY} AND {FACT_COUNTED}")  # fmt: skip
_CLUSTER_SIZE = "SELECT count(*) FROM documents WHERE cluster = ?"
_EARLIER_VOICE = (f"SELECT 1 {FACT_FROM} WHERE {_BY_KEY} AND c.rowid <= ? AND {FACT_COUNTED} AND {FACT_VOICE} = ? "
                  "ORDER BY c.rowid DESC LIMIT 1")  # fmt: skip


def last_claim_rowid(conn: sqlite3.Connection) -> int:
    """The storage position claims written from now on come after (for ``add_relation_claims``)."""
    return int(conn.execute("SELECT COALESCE(max(rowid), 0) FROM claims").fetchone()[0])


def add_relation_claims(conn: sqlite3.Connection, after: int, skip: Iterable[RelationKey] = ()) -> int:
    """Fold the claims stored after rowid ``after`` into the facts of their keys, except keys in ``skip``.

    Only for pure additions: for every key folded, no claim at or before ``after`` changed since its fact
    was last exact (the caller refreshes the keys whose stored claims a write replaced, and passes them
    as ``skip``). A key without a fact yet is refreshed (its claims are the new ones). Returns the number
    of keys folded or refreshed."""
    skipped = set(skip)
    new: dict[RelationKey, list[sqlite3.Row]] = {}
    for row in conn.execute(relation_fact_claim_select("c.rowid > ?"), (after,)):
        key = (row[0], row[1], row[2], row[3])
        if key not in skipped:
            new.setdefault(key, []).append(row)
    for key, rows in new.items():
        fact = conn.execute(_FACT_ROW, key).fetchone()
        if fact is None:
            refresh_relation_facts(conn, [key])
        else:
            conn.execute(_SET_FACT, (*_folded(conn, key, tuple(fact), rows, after), *key))
    return len(new)


def _folded(conn: sqlite3.Connection, key: RelationKey, fact: tuple, rows: list[sqlite3.Row], after: int) -> tuple:
    """A fact's columns with these new claims of its key added (see ``add_relation_claims``)."""
    claims, affirmed, negated, sources, first, last, start, end, open_start, open_end, curated, voices = fact
    sides: dict[str, set[bool]] = {}  # new source → which polarities its new claims have (negated or not)
    for r in rows:
        sides.setdefault(r[4], set()).add(bool(r[5]))
        first, last = _least(first, r[7]), _greatest(last, r[7])
        start, end = _least(start, r[8]), _greatest(end, r[9])
        open_start, open_end, curated = _greatest(open_start, r[10]), _greatest(open_end, r[11]), _greatest(curated, r[12])
    for source, polarities in sides.items():
        by_key = claims <= _SHORT_KEY or claims < conn.execute(_CLUSTER_SIZE, (source,)).fetchone()[0]
        earlier = conn.execute(_EARLIER_SOURCE_BY_KEY if by_key else _EARLIER_SOURCE, (source, after, *key))
        earlier_affirmed, earlier_negated = earlier.fetchone()
        sources += earlier_affirmed is None
        affirmed += False in polarities and not earlier_affirmed
        negated += True in polarities and not earlier_negated
    for voice in dict.fromkeys(r[6] for r in rows if r[6] is not None):
        if voices is None:
            voices = voice
        elif f",{voice}," not in f",{voices}," or not conn.execute(_EARLIER_VOICE, (*key, after, voice)).fetchone():
            voices = f"{voices},{voice}"  # the text test is only a shortcut: a voice may hold a comma
    return claims + len(rows), affirmed, negated, sources, first, last, start, end, open_start, open_end, curated, voices


_SHORT_KEY = 8  # a key with this few claims is read through them without counting the cluster's documents


def _least(a: object, b: object) -> object:
    return b if a is None else a if b is None else min(a, b)  # type: ignore[type-var]


def _greatest(a: object, b: object) -> object:
    return b if a is None else a if b is None else max(a, b)  # type: ignore[type-var]


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
