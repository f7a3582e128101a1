"""Claim queries: claims with their document context, reviews, curated source notes, entity look-ups.

Every function here is SQL and row conversion only; the reasoning over the rows lives in ``orbat.reason``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from orbat.model import Claim, Entity, EntityKind, Evidence, Fatalities, TimeSpan
from orbat.store.analysis import entity_aliases
from orbat.store.schema import (
    STATE_COLUMNS, STATE_CURATED, STATE_HOLDS, STATE_POINT, STATE_START_BANDS, STATE_UNREADABLE,
)  # fmt: skip
from orbat.store.relation_facts import claim_keys, refresh_relation_facts

__all__ = [
    "STATE_PREDICATES",
    "ClaimQuery",
    "ClaimRecord",
    "find_claim_records",
    "iter_claim_records",
    "claim_records",
    "state_candidates",
    "StateRow",
    "STATE_ROWID_SHIFT",
    "STATE_UNREAD_DAY",
    "state_rows",
    "state_row_id",
    "state_row_flags",
    "state_order_keys",
    "state_candidate_order",
    "state_page_records",
    "entity_state_candidates",
    "set_source_note",
    "delete_document_claims",
    "add_review",
    "review_history",
    "entity_ids_by_name",
    "entity_name_index",
    "entity_name_map",
    "entity_names",
    "get_entities",
    "alias_rows",
    "place_points",
    "event_place_counts",
    "event_reported_range",
    "relation_summaries",
    "FACT_FIELDS",
    "COUNT_CAP",
    "contested_triples",
    "document_texts",
]

STATE_PREDICATES = (
    "controls", "present_at", "part_of", "subordinate_of", "commands", "backed_by",
    "allied_with", "opposed_to", "leads", "member_of",
)  # fmt: skip  (kept equal to the predicate list of the claim_spans trigger in migration 2)

_DATE = "COALESCE(c.valid_start, c.reported)"
_COLUMNS = (
    "SELECT c.rowid AS claim_rowid, c.*, d.cluster AS doc_cluster, d.outlet AS doc_outlet, d.url AS doc_url, "
    "d.title AS doc_title, d.published AS doc_published, n.source_note AS note "
)
_JOINS = " LEFT JOIN documents d ON d.id = c.document_id LEFT JOIN claim_notes n ON n.claim_id = c.id"
_SELECT = _COLUMNS + "FROM claims c" + _JOINS
_BY_ACTOR = _COLUMNS + "FROM claim_actors a CROSS JOIN claims c ON c.id = a.claim_id" + _JOINS
COUNT_CAP = 10_000  # totals above this are reported as COUNT_CAP + 1 ("more than 10,000")
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """A claim with the document context reasoning needs: its duplicate cluster and outlet."""

    claim: Claim
    document: str
    cluster: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None

    @property
    def curated(self) -> bool:
        return self.claim.extractor.startswith("theatre:")

    @property
    def source_key(self) -> str:
        """Independent-source key: one per duplicate cluster; a curated claim is a source of its own."""
        if self.curated or self.cluster is None:
            return "claim:" + self.claim.id
        return "cluster:" + self.cluster

    @property
    def voice(self) -> str:
        """Who says so: the claimant, else the outlet, else the curated publication, else the document."""
        return self.claim.claimant or self.outlet or self.claim.source_note or self.document


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """Filters on claims, all optional and combined with AND. Ids, not names: the caller resolves names."""

    predicates: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    entity: str | None = None  # subject, object, actor or recipient
    actor: str | None = None  # actor or recipient of an event
    places: tuple[str, ...] = ()  # the claim's place, or the object of controls / present_at
    event_type: str | None = None
    date_from: str | None = None  # on valid start, else report date
    date_to: str | None = None
    claimant: str | None = None  # claimant id, or outlet for claims in the outlet's own voice
    polarity: str | None = None
    modality: str | None = None
    review: str | None = None
    document: str | None = None
    extractor_prefix: str | None = None
    include_rejected: bool = False
    newest_first: bool = True
    limit: int = 50
    offset: int = 0


def _in(column: str, values: Sequence[str], params: list[object]) -> str:
    params.extend(values)
    return f"{column} IN ({', '.join('?' * len(values))})"


def _where(q: ClaimQuery) -> tuple[str, list[object]]:
    """WHERE clause and parameters; with ``q.actor`` it expects claim_actors as ``a`` (see _BY_ACTOR)."""
    date = "a.date" if q.actor else _DATE
    where: list[str] = []
    params: list[object] = []
    for column, values in (("c.predicate", q.predicates), ("c.subject", q.subjects), ("c.object", q.objects)):
        if values:
            where.append(_in(column, values, params))
    if q.places:
        where.append(f"({_in('c.place', q.places, params)} OR (c.predicate IN ('controls', 'present_at') AND "
                     f"{_in('c.object', q.places, params)}))")  # fmt: skip
    if q.entity:
        where.append("(c.subject = ? OR c.object = ? OR c.id IN (SELECT claim_id FROM claim_actors WHERE entity_id = ?))")
        params += [q.entity] * 3
    if q.actor:
        where.append("a.entity_id = ?")
        params.append(q.actor)
    if q.claimant:
        where.append("(c.claimant = ? OR (c.claimant IS NULL AND d.outlet = ? COLLATE NOCASE))")
        params += [q.claimant, q.claimant]
    pairs = (
        (f"{date} >= ?", q.date_from), (f"{date} <= ?", q.date_to and q.date_to + "~"),
        ("c.event_type = ?", q.event_type), ("c.polarity = ?", q.polarity), ("c.modality = ?", q.modality),
        ("c.review = ?", q.review), ("c.document_id = ?", q.document),
        ("c.extractor LIKE ?", q.extractor_prefix and q.extractor_prefix + "%"),
    )  # fmt: skip
    for clause, value in pairs:
        if value is not None:
            where.append(clause)
            params.append(value)
    if not q.include_rejected and q.review != "rejected":
        where.append("c.review != 'rejected'")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def find_claim_records(
    conn: sqlite3.Connection, q: ClaimQuery, *, count: bool = True, evidence: bool = True
) -> tuple[list[ClaimRecord], int]:
    """One page of claims matching the query (newest or oldest first) and the total: -1 when not counted,
    ``COUNT_CAP + 1`` when there are more than ``COUNT_CAP``."""
    where, params = _where(q)
    select, date = (_BY_ACTOR, "a.date") if q.actor else (_SELECT, _DATE)
    order = "DESC" if q.newest_first else "ASC"
    rows = conn.execute(
        f"{select}{where} ORDER BY {date} {order}, c.id LIMIT ? OFFSET ?", [*params, q.limit, q.offset]
    ).fetchall()
    total = -1
    if count:
        source = select[select.index(" FROM ") :]
        total = conn.execute(
            f"SELECT count(*) FROM (SELECT 1 {source}{where} LIMIT ?)", [*params, COUNT_CAP + 1]
        ).fetchone()[0]
    return _records(conn, rows, evidence=evidence), total


def iter_claim_records(conn: sqlite3.Connection, q: ClaimQuery, *, batch: int = 2000) -> Iterator[ClaimRecord]:
    """Every claim matching the query (limit and offset ignored), streamed in rowid order."""
    where, params = _where(q)
    where = where + (" AND" if where else " WHERE") + " c.rowid > ?"
    select = _BY_ACTOR if q.actor else _SELECT
    last = 0
    while True:
        rows = conn.execute(f"{select}{where} ORDER BY c.rowid LIMIT ?", [*params, last, batch]).fetchall()
        if not rows:
            return
        yield from _records(conn, rows, evidence=False)
        last = rows[-1]["claim_rowid"]


def claim_records(conn: sqlite3.Connection, ids: Sequence[str], *, evidence: bool = True) -> list[ClaimRecord]:
    """The claims with these ids, in the order given (unknown ids are left out)."""
    rows: list[sqlite3.Row] = []
    for i in range(0, len(ids), _CHUNK):
        part = list(ids[i : i + _CHUNK])
        rows += conn.execute(f"{_SELECT} WHERE c.id IN ({', '.join('?' * len(part))})", part).fetchall()
    by_id = {r.claim.id: r for r in _records(conn, rows, evidence=evidence)}
    return [by_id[i] for i in ids if i in by_id]


def state_candidates(
    conn: sqlite3.Connection, day: float, lookback_days: float, q: ClaimQuery | None = None
) -> list[ClaimRecord]:
    """State claims whose interval (see migration 2) meets [day - lookback, day]; days since 2000-01-01."""
    where, params = _where(q or ClaimQuery())
    where = where + (" AND" if where else " WHERE") + f" {_in('c.predicate', STATE_PREDICATES, params)}"
    select = _SELECT.replace("FROM claims c", "FROM claim_spans s CROSS JOIN claims c ON c.rowid = s.id")
    rows = conn.execute(  # CROSS JOIN: the interval index drives; the other filters are checked per row
        f"{select}{where} AND s.lo <= ? AND s.hi >= ?", [*params, day, day - lookback_days]
    ).fetchall()
    return _records(conn, rows, evidence=False)


StateRow = tuple[int, int, str, "str | None"]
"""What the state rules read of one claim (``state_rows``): (rowid << STATE_ROWID_SHIFT | its STATE_* flags,
first day, fact key, supersession key or None when it is the fact key)."""
STATE_ROWID_SHIFT = 7  # every STATE_* flag, STATE_HOLDS included, lies below 1 << 7
STATE_UNREAD_DAY = -(1 << 62)  # the first day state_rows gives a claim the rules cannot read fast: before all


def _state_rows_sql() -> str:
    """The three indexes of migrations 5 and 11: spans by start in each of STATE_START_BANDS, longer ones by end.
    Each start band is read from the day less the lookback and its longest span: a span of the band that
    started earlier cannot reach the lookback.
    Four values a row, rowid and flags in one integer: at a million claims the sqlite3 module's cost for each
    value it hands over is a good part of the query's."""
    c = STATE_COLUMNS
    stale = f"({c['flags']}) & {STATE_POINT | STATE_CURATED} = {STATE_POINT}"  # a point observation goes stale
    holds = f"(:day <= CASE WHEN {stale} THEN {c['hi']} + :stale ELSE {c['hi']} END) * {STATE_HOLDS}"
    unread = f"({c['flags']}) & {STATE_UNREADABLE} OR rowid >= {1 << (63 - STATE_ROWID_SHIFT)}"  # or too big to pack
    select = (f"SELECT (rowid << {STATE_ROWID_SHIFT}) | ({c['flags']} + {holds}), "
              f"CASE WHEN {unread} THEN {STATE_UNREAD_DAY} ELSE {c['lo']} END, {c['fact_key']}, "
              f"{c['supersession_key']} FROM claims")  # fmt: skip
    started = f"({c['lo']} <= :day OR ({c['flags']}) & {STATE_UNREADABLE})"
    by_start = [
        f"{select} INDEXED BY claims_state_{band} WHERE {c[f'{band}_start']} BETWEEN :day - :lookback - {longest} "
        f"AND :day AND {c['span_hi']} >= :day - :lookback AND {started}"
        for band, longest in STATE_START_BANDS
    ]  # fmt: skip
    by_end = (f"{select} INDEXED BY claims_state_long WHERE {c['long_end']} >= :day - :lookback "
              f"AND {c['span_lo']} <= :day AND {started}")  # fmt: skip
    return " UNION ALL ".join([*by_start, by_end])


_STATE_ROWS_SQL = _state_rows_sql()


def state_rows(conn: sqlite3.Connection, day: int, lookback_days: int, stale_after_days: int) -> list[StateRow]:
    """What the state rules read of the usable state candidates (those of ``state_candidates``, not rejected,
    asserting) that start on or before ``day`` (days since 2000-01-01), from the indexes of migrations 5 and 11 (see
    StateRow; the flags have STATE_HOLDS when the claim reaches the day given ``stale_after_days``). Unreadable
    rows come whatever their start, with STATE_UNREAD_DAY as their first day."""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: tens of thousands of rows
    params = {"day": day, "lookback": lookback_days, "stale": stale_after_days}
    return cursor.execute(_STATE_ROWS_SQL, params).fetchall()


def state_row_id(row: StateRow) -> int:
    """The claims rowid of a state row."""
    return row[0] >> STATE_ROWID_SHIFT


def state_row_flags(row: StateRow) -> int:
    """The STATE_* flags of a state row, STATE_HOLDS included."""
    return row[0] & ((1 << STATE_ROWID_SHIFT) - 1)


def state_order_keys(conn: sqlite3.Connection, rowids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """(report date or "", id) of claims by rowid: which of a relation's claims comes first."""
    found: dict[int, tuple[str, str]] = {}
    for i in range(0, len(rowids), _CHUNK):
        part = list(rowids[i : i + _CHUNK])
        marks = ", ".join("?" * len(part))
        rows = conn.execute(f"SELECT rowid, COALESCE(reported, ''), id FROM claims WHERE rowid IN ({marks})", part)
        found.update((r[0], (r[1], r[2])) for r in rows)
    return found


def state_candidate_order(conn: sqlite3.Connection, day: float, lookback_days: float) -> dict[int, int]:
    """Claim rowid → its position among the rows of ``state_candidates`` (the interval index's order)."""
    rows = conn.execute("SELECT s.id FROM claim_spans s WHERE s.lo <= ? AND s.hi >= ?", (day, day - lookback_days))
    return {r[0]: i for i, r in enumerate(rows)}


def state_page_records(conn: sqlite3.Connection, rowids: Sequence[int]) -> dict[int, ClaimRecord]:
    """Claims by rowid, with their evidence: the claims one page of the state shows."""
    rows: list[sqlite3.Row] = []
    for i in range(0, len(rowids), _CHUNK):
        part = list(rowids[i : i + _CHUNK])
        rows += conn.execute(f"{_SELECT} WHERE c.rowid IN ({', '.join('?' * len(part))})", part).fetchall()
    return {row["claim_rowid"]: record for row, record in zip(rows, _records(conn, rows))}


def entity_state_candidates(
    conn: sqlite3.Connection, entity_id: str, day: float, lookback_days: float
) -> list[ClaimRecord]:
    """State claims about one entity (subject, object or place) whose interval meets [day - lookback, day]."""
    row = conn.execute("SELECT rowid FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return []
    params: list[object] = [row[0], row[0], day, day - lookback_days]
    select = _SELECT.replace("FROM claims c", "FROM (SELECT DISTINCT id / 4 AS claim_rowid FROM claim_entity_spans "
                             "WHERE k_lo <= ? AND k_hi >= ? AND lo <= ? AND hi >= ?) s "
                             "CROSS JOIN claims c ON c.rowid = s.claim_rowid")  # fmt: skip
    rows = conn.execute(f"{select} WHERE c.review != 'rejected' AND {_in('c.predicate', STATE_PREDICATES, params)}",
                        params).fetchall()  # fmt: skip
    return _records(conn, rows, evidence=False)


_RECORD_COLUMNS = (
    "id", "predicate", "subject", "object", "role", "place", "valid_start", "valid_end", "valid_precision",
    "reported", "polarity", "modality", "claimant", "extractor", "confidence", "review", "event_type", "mode",
    "context", "actors", "recipients", "size", "fatalities_low", "fatalities_best", "fatalities_high",
    "geo_precision", "acled_event_type", "acled_sub_event_type", "note", "document_id", "doc_cluster", "doc_outlet",
    "doc_url", "doc_title", "doc_published", "weapons",
)  # fmt: skip  (what _records reads of a _SELECT row, in the order _record takes them)


def _records(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row], *, evidence: bool = True) -> list[ClaimRecord]:
    """Records of _SELECT rows. Columns are read by position: a Row looks a name up by comparing it with every
    column name in turn, and the thirty-odd look-ups per claim cost more than the query did."""
    if not rows:
        return []
    names = rows[0].keys()
    pick = itemgetter(*(names.index(n) for n in _RECORD_COLUMNS))
    ev = _evidence(conn, [r["id"] for r in rows]) if evidence else {}
    lists: dict[str, tuple[str, ...]] = {}  # actors and recipients: the same few JSON lists over and over
    return [_record(pick(r), ev, lists) for r in rows]


def _record(v: tuple[Any, ...], ev: dict[str, tuple[Evidence, ...]], lists: dict[str, tuple[str, ...]]) -> ClaimRecord:
    """One record from the _RECORD_COLUMNS of a row."""
    actors, recipients = _id_list(v[19], lists), _id_list(v[20], lists)
    claim = Claim(
        id=v[0], predicate=v[1], subject=v[2], object=v[3], role=v[4], place=v[5], valid=TimeSpan(v[6], v[7], v[8]),
        reported=v[9], polarity=v[10], modality=v[11], claimant=v[12], evidence=ev.get(v[0], ()), extractor=v[13],
        confidence=v[14], review=v[15], event_type=v[16], mode=v[17], context=v[18], actors=actors,
        recipients=recipients, size=v[21], fatalities=Fatalities(v[22], v[23], v[24]), geo_precision=v[25],
        acled_event_type=v[26], acled_sub_event_type=v[27], source_note=v[28], weapons=_id_list(v[35], lists),
    )  # fmt: skip
    return ClaimRecord(claim, v[29], v[30], v[31], v[32], v[33], v[34])


def _id_list(text: str, seen: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    found = seen.get(text)
    if found is None:
        found = seen[text] = tuple(json.loads(text))
    return found


def _evidence(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, tuple[Evidence, ...]]:
    found: dict[str, list[Evidence]] = {}
    for i in range(0, len(ids), _CHUNK):
        part = list(ids[i : i + _CHUNK])
        rows = conn.execute(
            "SELECT claim_id, document_id, start, end, quote FROM evidence "
            f"WHERE claim_id IN ({', '.join('?' * len(part))}) ORDER BY claim_id, start",
            part,
        )
        for r in rows:
            found.setdefault(r[0], []).append(Evidence(r[1], r[2], r[3], r[4]))
    return {k: tuple(v) for k, v in found.items()}


def set_source_note(conn: sqlite3.Connection, claim_id: str, note: str | None) -> None:
    """Set (or clear) the publication a curated claim cites: the voice of its fact when it has no claimant."""
    if note is None:
        conn.execute("DELETE FROM claim_notes WHERE claim_id = ?", (claim_id,))
    else:
        conn.execute("INSERT OR REPLACE INTO claim_notes VALUES (?, ?)", (claim_id, note))
    refresh_relation_facts(conn, claim_keys(conn, [claim_id]))


def delete_document_claims(conn: sqlite3.Connection, document_id: str, keep: Sequence[str]) -> int:
    """Delete the claims of one (pseudo-)document except ``keep``; their evidence and notes go with them."""
    ids = [r[0] for r in conn.execute("SELECT id FROM claims WHERE document_id = ?", (document_id,))]
    gone = sorted(set(ids) - set(keep))
    stale = claim_keys(conn, gone)  # before the deletion: the facts they counted in
    for i in range(0, len(gone), _CHUNK):
        part = gone[i : i + _CHUNK]
        marks = ", ".join("?" * len(part))
        for table, column in (("evidence", "claim_id"), ("claim_notes", "claim_id"), ("claims", "id")):
            conn.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", part)
    refresh_relation_facts(conn, stale)
    return len(gone)


def add_review(conn: sqlite3.Connection, claim_id: str, decision: str, reviewer: str, made: str) -> bool:
    """Record a decision and make it the claim's review status; False when there is no such claim.
    A rejected claim leaves the facts it counted in; a later decision brings it back."""
    if conn.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone() is None:
        return False
    conn.execute("INSERT INTO reviews (claim_id, decision, reviewer, made) VALUES (?, ?, ?, ?)",
                 (claim_id, decision, reviewer, made))  # fmt: skip
    conn.execute("UPDATE claims SET review = ? WHERE id = ?", (decision, claim_id))
    refresh_relation_facts(conn, claim_keys(conn, [claim_id]))
    return True


def review_history(conn: sqlite3.Connection, claim_id: str) -> list[tuple[str, str, str]]:
    """(decision, reviewer, made) of every decision on the claim, oldest first."""
    rows = conn.execute("SELECT decision, reviewer, made FROM reviews WHERE claim_id = ? ORDER BY id", (claim_id,))
    return [(r[0], r[1], r[2]) for r in rows]


def entity_ids_by_name(conn: sqlite3.Connection, key: str) -> list[str]:
    """Entities whose id is ``key``, else whose name or an alias is ``key`` (ASCII case-insensitive)."""
    if conn.execute("SELECT 1 FROM entities WHERE id = ?", (key,)).fetchone():
        return [key]
    rows = conn.execute(
        "SELECT id FROM entities WHERE name = ? COLLATE NOCASE UNION "
        "SELECT entity_id FROM aliases WHERE name = ? COLLATE NOCASE",
        (key, key),
    )
    return sorted({r[0] for r in rows})


def entity_name_index(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(entity id, name or alias) of every entity: the slow path of name resolution."""
    rows = conn.execute("SELECT id, name FROM entities UNION ALL SELECT entity_id, name FROM aliases")
    return [(r[0], r[1]) for r in rows]


def entity_name_map(conn: sqlite3.Connection) -> dict[str, str]:
    """Entity id → canonical name, for every entity."""
    return {r[0]: r[1] for r in conn.execute("SELECT id, name FROM entities")}


def entity_names(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
    """Entity id → canonical name for these ids (unknown ids are left out)."""
    found: dict[str, str] = {}
    unique = sorted(set(ids))
    for i in range(0, len(unique), _CHUNK):
        part = unique[i : i + _CHUNK]
        found.update(conn.execute(f"SELECT id, name FROM entities WHERE id IN ({', '.join('?' * len(part))})", part))
    return found


def get_entities(conn: sqlite3.Connection, ids: Sequence[str], *, aliases: bool = False) -> dict[str, Entity]:
    found: dict[str, Entity] = {}
    unique = sorted(set(ids))
    for i in range(0, len(unique), _CHUNK):
        part = unique[i : i + _CHUNK]
        for r in conn.execute(f"SELECT * FROM entities WHERE id IN ({', '.join('?' * len(part))})", part):
            found[r["id"]] = Entity(
                id=r["id"], kind=EntityKind(r["kind"]), name=r["name"],
                aliases=entity_aliases(conn, r["id"]) if aliases else (), country=r["country"], sector=r["sector"],
                lat=r["lat"], lon=r["lon"], geonames_id=r["geonames_id"], feature=r["feature"],
                precision=r["precision"], provisional=bool(r["provisional"]), source=r["source"],
                description=r["description"],
            )  # fmt: skip
    return found


def alias_rows(conn: sqlite3.Connection, entity_id: str, *, limit: int = 100) -> list[sqlite3.Row]:
    """An entity's aliases; for one a document introduced, that document's outlet, date and the quoted span."""
    return conn.execute(
        "SELECT a.name, a.source, a.lang, a.ambiguous, d.id AS document, d.outlet, d.published, d.clean_text "
        "FROM aliases a LEFT JOIN documents d ON a.source LIKE 'document:%' "
        "AND d.id = substr(a.source, 10, instr(substr(a.source, 10), ':') - 1) "
        "WHERE a.entity_id = ? ORDER BY a.rowid LIMIT ?",
        (entity_id, limit),
    ).fetchall()


def place_points(conn: sqlite3.Connection, ids: Sequence[str] | None = None) -> dict[str, tuple[float, float]]:
    """(lat, lon) of places with coordinates: the given ids, or every place."""
    rows = _entity_rows(conn, "lat, lon", "lat IS NOT NULL AND lon IS NOT NULL", ids)
    return {r[0]: (r[1], r[2]) for r in rows}


def place_countries(conn: sqlite3.Connection, ids: Sequence[str] | None = None) -> dict[str, str]:
    """ISO3 country of the entities that have one: the given ids, or every entity."""
    return {r[0]: r[1] for r in _entity_rows(conn, "country", "country IS NOT NULL", ids)}


def _entity_rows(conn: sqlite3.Connection, columns: str, where: str, ids: Sequence[str] | None) -> list[tuple]:
    sql = f"SELECT id, {columns} FROM entities WHERE {where}"
    if ids is None:
        return list(conn.execute(sql))
    found: list[tuple] = []
    unique = sorted(set(ids))
    for i in range(0, len(unique), _CHUNK):
        part = unique[i : i + _CHUNK]
        found.extend(conn.execute(f"{sql} AND id IN ({', '.join('?' * len(part))})", part))
    return found


def event_place_counts(conn: sqlite3.Connection, entity_id: str, *, limit: int = 20) -> list[tuple[str, int]]:
    """Places of the entity's events (as actor or recipient) with their number of events, most first.
    Counted on the claim_actors index: rejected events are included."""
    rows = conn.execute(
        "SELECT place, count(*) FROM claim_actors WHERE entity_id = ? AND place IS NOT NULL "
        "GROUP BY place ORDER BY 2 DESC, 1 LIMIT ?",
        (entity_id, limit),
    )
    return [(r[0], r[1]) for r in rows]


def event_reported_range(conn: sqlite3.Connection, entity_id: str) -> tuple[str | None, str | None]:
    """First and last report date of the entity's events (as actor or recipient)."""
    row = conn.execute(  # two subqueries: each a single seek on claim_actors_reported, not a scan
        "SELECT (SELECT min(reported) FROM claim_actors WHERE entity_id = ?), "
        "(SELECT max(reported) FROM claim_actors WHERE entity_id = ?)", (entity_id, entity_id))  # fmt: skip
    first, last = row.fetchone()
    return first, last


_FACT_COLUMNS = (
    "subject, predicate, object, role, claims, affirmed, negated, sources, first_reported, last_reported, "
    "valid_start, valid_end, open_start, open_end, curated, claimants"
)


FactRow = tuple[Any, ...]  # the _FACT_COLUMNS of one relation_facts row, in that order
FACT_FIELDS = tuple(c.strip() for c in _FACT_COLUMNS.split(","))  # the names of a FactRow's fields


def relation_summaries(
    conn: sqlite3.Connection, ids: Sequence[str], *, side: str, predicates: Sequence[str], limit: int
) -> list[FactRow]:
    """Per relation (subject, predicate, object, role) with one of ``ids`` on ``side`` (subject or object):
    claims, independent sources (affirming, denying, all), report and valid date ranges, claimants.
    Rejected and non-asserting (hypothetical, future, feared) claims are left out; events are not
    relations. Best supported first. Read from relation_facts (migration 3)."""
    column = {"subject": "subject", "object": "object"}[side]
    params: list[object] = []
    where = f"{_in(column, list(ids), params)} AND {_in('predicate', list(predicates), params)}"
    order = "ORDER BY sources DESC, last_reported DESC, rowid"
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples in _FACT_COLUMNS order: a profile reads a thousand of them
    return cursor.execute(  # the best rowids from the index alone, then only those rows
        f"SELECT {_FACT_COLUMNS} FROM relation_facts WHERE rowid IN (SELECT rowid FROM relation_facts WHERE "
        f"{where} {order} LIMIT ?) {order}",
        [*params, limit],
    ).fetchall()


def contested_triples(conn: sqlite3.Connection, *, limit: int) -> list[tuple[str, str, str | None]]:
    """(subject, predicate, object) of non-event relations stated both affirmed and negated."""
    rows = conn.execute(
        "SELECT subject, predicate, object FROM claims WHERE predicate != 'event' AND review != 'rejected' "
        "AND modality NOT IN ('hypothetical', 'future', 'feared') "
        "GROUP BY subject, predicate, object HAVING count(DISTINCT polarity) > 1 LIMIT ?",
        (limit,),
    )
    return [(r[0], r[1], r[2]) for r in rows]


def document_texts(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, sqlite3.Row]:
    """id, title, outlet, published, url, cluster and clean text of the given documents."""
    unique = sorted(set(ids))
    marks = ", ".join("?" * len(unique))
    rows = conn.execute(
        f"SELECT id, title, outlet, published, url, cluster, clean_text FROM documents WHERE id IN ({marks})", unique
    )
    return {r["id"]: r for r in rows}
