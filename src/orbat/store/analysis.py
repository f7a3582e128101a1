"""Entities, aliases, mentions, claims with their evidence, and identity judgements."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from orbat.model import (
    Alias,
    Analysis,
    Claim,
    Entity,
    EntityKind,
    Evidence,
    Fatalities,
    IdentityJudgement,
    Mention,
    MentionLabel,
    TimeSpan,
)
from orbat.store.relation_facts import (
    RelationKey, add_relation_claims, claim_keys, document_keys, last_claim_rowid, refresh_relation_facts, relation_key,
)  # fmt: skip

__all__ = [
    "upsert_entities",
    "insert_analysis",
    "replace_analysis",
    "iter_entities",
    "iter_mentions",
    "document_mentions",
    "iter_claims",
    "entity_aliases",
]


def upsert_entities(conn: sqlite3.Connection, entities: Iterable[Entity]) -> int:
    """Insert or refresh entities and add their aliases. Curated entities win over provisional ones."""
    n = 0
    for e in entities:
        conn.execute(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "kind=excluded.kind, name=excluded.name, country=excluded.country, sector=excluded.sector, "
            "lat=excluded.lat, lon=excluded.lon, geonames_id=excluded.geonames_id, feature=excluded.feature, "
            "precision=excluded.precision, source=excluded.source, description=excluded.description "
            "WHERE excluded.provisional = 0 OR entities.provisional = 1",
            (
                e.id, e.kind.value, e.name, e.country, e.sector, e.lat, e.lon, e.geonames_id, e.feature,
                e.precision, int(e.provisional), e.source, e.description,
            ),
        )  # fmt: skip
        conn.executemany(
            "INSERT OR IGNORE INTO aliases VALUES (?, ?, ?, ?, ?)",
            [(e.id, a.name, a.source, a.lang, int(a.ambiguous)) for a in e.aliases],
        )
        n += 1
    return n


def insert_analysis(conn: sqlite3.Connection, analysis: Analysis, *, pending: set[RelationKey] | None = None) -> None:
    """Store what recognition and extraction found in one document (idempotent: ids are deterministic).

    The facts of relations its new claims add to are updated now, by folding the claims in; ``pending``:
    add the keys whose stored claims it replaced to it, for the caller to refresh once for many
    documents before its transaction ends; without it those are refreshed now."""
    _refresh(conn, _write_analysis(conn, analysis, set()), pending)


def _refresh(conn: sqlite3.Connection, keys: set[RelationKey], pending: set[RelationKey] | None) -> None:
    if pending is None:
        refresh_relation_facts(conn, keys)
    else:
        pending.update(keys)


def replace_analysis(conn: sqlite3.Connection, analysis: Analysis, *, pending: set[RelationKey] | None = None) -> None:
    """Recompute one document's derived data: its mentions and machine-made claims are replaced
    (``pending`` as for :func:`insert_analysis`)."""
    doc_id = analysis.document.id
    stale = document_keys(conn, [doc_id])  # before the deletion: facts those claims counted in
    conn.execute("DELETE FROM mentions WHERE document_id = ?", (doc_id,))
    conn.execute(
        "DELETE FROM evidence WHERE claim_id IN (SELECT id FROM claims WHERE document_id = ? AND review = 'machine')",
        (doc_id,),
    )
    conn.execute("DELETE FROM claims WHERE document_id = ? AND review = 'machine'", (doc_id,))
    _refresh(conn, _write_analysis(conn, analysis, stale), pending)


def _write_analysis(conn: sqlite3.Connection, analysis: Analysis, stale: set[RelationKey]) -> set[RelationKey]:
    """Write one document's analysis and fold its new claims into their facts, except for the keys in
    ``stale`` (facts whose stored claims changed) and the keys of the claims it replaces: those it adds
    to ``stale`` and returns, to refresh from all their claims."""
    upsert_entities(conn, analysis.entities)
    conn.executemany(
        "INSERT OR REPLACE INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_mention_row(m) for m in analysis.mentions],
    )
    stale |= claim_keys(conn, [c.id for c in analysis.claims])  # claims these replace, under their old keys
    after = last_claim_rowid(conn)
    _write_claims(conn, analysis.claims, analysis.document.id)
    add_relation_claims(conn, after, skip=stale)
    for j in analysis.judgements:
        conn.execute(
            "INSERT OR IGNORE INTO identity_judgements VALUES (?, ?, ?, ?, ?, ?, ?)",
            (j.id, j.left, j.right, j.verdict, j.source, j.made, json.dumps([_evidence_json(e) for e in j.evidence])),
        )
    return stale


def _mention_row(m: Mention) -> tuple[object, ...]:
    t = m.time
    return (
        m.document, m.start, m.end, m.text, m.label.value, m.entity, m.score, m.source,
        t.start if t else None, t.end if t else None, t.precision if t else None,
    )  # fmt: skip


def _evidence_json(e: Evidence) -> dict[str, object]:
    return {"document": e.document, "start": e.start, "end": e.end, "quote": e.quote}


def insert_claim(conn: sqlite3.Connection, c: Claim, document_id: str) -> None:
    """Insert (or replace, by id) one claim and its evidence, and refresh the facts it counts in."""
    stale = claim_keys(conn, [c.id]) | {relation_key(c)}
    _write_claims(conn, (c,), document_id)
    refresh_relation_facts(conn, stale)


_INSERT_CLAIM = "INSERT OR REPLACE INTO claims VALUES (" + ", ".join("?" * 30) + ")"


def _write_claims(conn: sqlite3.Connection, claims: Sequence[Claim], document_id: str) -> None:
    """The claims of one document and their evidence, two statements whatever their number (row by
    row, in order: a claim repeated under one id ends as its last version, as with single inserts)."""
    conn.executemany(_INSERT_CLAIM, [(
        c.id, document_id, c.predicate, c.subject, c.object, c.role, c.place, c.valid.start, c.valid.end,
        c.valid.precision, c.reported, c.polarity, c.modality, c.claimant, c.extractor, c.confidence,
        c.review, c.event_type, c.mode, c.context, json.dumps(list(c.actors)), json.dumps(list(c.recipients)),
        c.size, c.fatalities.low, c.fatalities.best, c.fatalities.high, c.geo_precision, c.acled_event_type,
        c.acled_sub_event_type, json.dumps(list(c.weapons)),
    ) for c in claims])  # fmt: skip
    conn.executemany(
        "INSERT OR IGNORE INTO evidence VALUES (?, ?, ?, ?, ?)",
        [(c.id, e.document, e.start, e.end, e.quote) for c in claims for e in c.evidence],
    )


def entity_aliases(conn: sqlite3.Connection, entity_id: str) -> tuple[Alias, ...]:
    rows = conn.execute(
        "SELECT name, source, lang, ambiguous FROM aliases WHERE entity_id = ? ORDER BY rowid", (entity_id,)
    )
    return tuple(Alias(r[0], r[1], r[2], bool(r[3])) for r in rows)


def _row_to_entity(conn: sqlite3.Connection, r: sqlite3.Row) -> Entity:
    return Entity(
        id=r["id"], kind=EntityKind(r["kind"]), name=r["name"], aliases=entity_aliases(conn, r["id"]),
        country=r["country"], sector=r["sector"], lat=r["lat"], lon=r["lon"], geonames_id=r["geonames_id"],
        feature=r["feature"], precision=r["precision"], provisional=bool(r["provisional"]), source=r["source"],
        description=r["description"],
    )  # fmt: skip


# SQL: entity ``e`` is named by some claim (subject, object, place, claimant, or an event's actor or
# recipient); each test is an index look-up
CLAIM_NAMES_ENTITY = "(" + " OR ".join(
    [f"EXISTS (SELECT 1 FROM claims WHERE {column} = e.id)" for column in ("subject", "object", "place", "claimant")]
    + ["EXISTS (SELECT 1 FROM claim_actors WHERE entity_id = e.id)"]
) + ")"


def iter_entities(conn: sqlite3.Connection, *, referenced_only: bool = False) -> Iterator[Entity]:
    sql = "SELECT * FROM entities"
    if referenced_only:
        sql += (" e WHERE e.provisional = 1 OR EXISTS (SELECT 1 FROM mentions WHERE entity_id = e.id)"
                f" OR {CLAIM_NAMES_ENTITY}")
    for r in conn.execute(sql + " ORDER BY id"):
        yield _row_to_entity(conn, r)


def _row_to_mention(r: sqlite3.Row) -> Mention:
    time = TimeSpan(r["time_start"], r["time_end"], r["time_precision"]) if r["time_precision"] else None
    return Mention(
        r["document_id"], r["start"], r["end"], r["text"], MentionLabel(r["label"]), r["entity_id"], r["score"],
        r["source"], time,
    )  # fmt: skip


def iter_mentions(conn: sqlite3.Connection) -> Iterator[Mention]:
    for r in conn.execute("SELECT * FROM mentions ORDER BY document_id, start, end"):
        yield _row_to_mention(r)


def document_mentions(conn: sqlite3.Connection, doc_id: str) -> list[Mention]:
    rows = conn.execute("SELECT * FROM mentions WHERE document_id = ? ORDER BY start, end", (doc_id,))
    return [_row_to_mention(r) for r in rows.fetchall()]


def iter_claims(conn: sqlite3.Connection) -> Iterator[Claim]:
    """Every claim in storage order, streamed (curated ones with the publication their pack cites)."""
    rows = conn.execute("SELECT c.*, n.source_note FROM claims c LEFT JOIN claim_notes n ON n.claim_id = c.id "
                        "ORDER BY c.rowid")  # fmt: skip
    for r in rows:
        yield _row_to_claim(conn, r)


def _row_to_claim(conn: sqlite3.Connection, r: sqlite3.Row) -> Claim:
    ev = conn.execute("SELECT document_id, start, end, quote FROM evidence WHERE claim_id = ?", (r["id"],))
    return Claim(
        id=r["id"], predicate=r["predicate"], subject=r["subject"], object=r["object"], role=r["role"],
        place=r["place"], valid=TimeSpan(r["valid_start"], r["valid_end"], r["valid_precision"]),
        reported=r["reported"], polarity=r["polarity"], modality=r["modality"], claimant=r["claimant"],
        evidence=tuple(Evidence(*e) for e in ev), extractor=r["extractor"], confidence=r["confidence"],
        review=r["review"], event_type=r["event_type"], mode=r["mode"], context=r["context"],
        actors=tuple(json.loads(r["actors"])), recipients=tuple(json.loads(r["recipients"])), size=r["size"],
        fatalities=Fatalities(r["fatalities_low"], r["fatalities_best"], r["fatalities_high"]),
        geo_precision=r["geo_precision"], acled_event_type=r["acled_event_type"],
        acled_sub_event_type=r["acled_sub_event_type"], weapons=tuple(json.loads(r["weapons"])),
        source_note=r["source_note"] if "source_note" in r.keys() else None,
    )  # fmt: skip
