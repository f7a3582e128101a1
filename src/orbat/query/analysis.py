"""Questions over the whole body of claims: contradictions, and how each source fares.

Both read every claim of the kinds they look at (optionally only those naming one entity): they are
analyst reports, not interactive look-ups. Their results are paginated.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from orbat.errors import OrbatError
from orbat.query.claims import bounded
from orbat.query.resolve import resolve_optional
from orbat.reason.contradictions import (
    KINDS,
    Contradiction,
    find_control_conflicts,
    find_denials,
    find_event_conflicts,
)
from orbat.reason.events import EventMatching, same_event_pairs
from orbat.reason.facts import build_facts
from orbat.store import claims as claim_store
from orbat.store.claims import ClaimQuery, ClaimRecord

__all__ = ["ContradictionPage", "SourceRow", "SourcesView", "contradictions", "sources"]

_MAX_TRIPLES = 10_000
_UP = ("part_of", "subordinate_of")


@dataclass(frozen=True, slots=True)
class ContradictionPage:
    items: tuple[Contradiction, ...]  # newest report first; the claims carry their evidence
    total: int
    limit: int
    offset: int
    names: Mapping[str, str] = field(default_factory=dict)


def contradictions(
    conn: sqlite3.Connection, kind: str | None = None, *, entity: str | None = None, limit: int = 50, offset: int = 0
) -> ContradictionPage:
    """Contradictions of one kind (denial, control, figures, date, place) or all, optionally naming one entity."""
    if kind is not None and kind not in KINDS:
        raise OrbatError(f"unknown contradiction kind {kind!r}; use one of {', '.join(KINDS)}")
    limit, offset = bounded(limit, offset)
    who = resolve_optional(conn, entity)
    kinds = (kind,) if kind else KINDS
    found: list[Contradiction] = []
    names = claim_store.entity_name_map(conn)
    if "denial" in kinds:
        found += find_denials(_contested(conn, who), names)
    if "control" in kinds:
        controls = list(claim_store.iter_claim_records(conn, ClaimQuery(predicates=("controls",), entity=who)))
        found += find_control_conflicts(controls, _compatibility(conn, controls), names)
    if {"figures", "date", "place"} & set(kinds):
        found += [c for c in _event_conflicts(conn, who, names) if c.kind in kinds]
    found.sort(key=lambda c: (c.last_reported, c.id), reverse=True)
    page = [_with_evidence(conn, c) for c in found[offset : offset + limit]]
    return ContradictionPage(tuple(page), len(found), limit, offset, names)


def _contested(conn: sqlite3.Connection, who: str | None) -> list[ClaimRecord]:
    out: list[ClaimRecord] = []
    for subject, predicate, obj in claim_store.contested_triples(conn, limit=_MAX_TRIPLES):
        if who is None or who in (subject, obj):
            q = ClaimQuery(predicates=(predicate,), subjects=(subject,) if subject else (),
                           objects=(obj,) if obj else (), limit=1000)  # fmt: skip
            out += claim_store.find_claim_records(conn, q, count=False)[0]
    return out


def _event_conflicts(conn: sqlite3.Connection, who: str | None, names: Mapping[str, str]) -> list[Contradiction]:
    events = list(claim_store.iter_claim_records(conn, ClaimQuery(predicates=("event",), actor=who, polarity="affirmed")))
    places = [r.claim.place for r in events if r.claim.place]
    points, countries = claim_store.place_points(conn, places), claim_store.place_countries(conn, places)
    return find_event_conflicts(events, points, names, countries=countries)


def _compatibility(conn: sqlite3.Connection, controls: Sequence[ClaimRecord]) -> Callable[[str, str], bool]:
    """Two actors may share control when allied, or one is above the other, or they share a parent."""
    actors = sorted({r.claim.subject for r in controls if r.claim.subject})
    ancestors: dict[str, set[str]] = {a: set() for a in actors}
    allies: set[frozenset[str]] = set()
    frontier = {a: {a} for a in actors}
    for _ in range(8):
        nodes = sorted(set().union(*frontier.values())) if frontier else []
        if not nodes:
            break
        up, allies_here = _parents(conn, nodes)
        allies |= allies_here
        frontier = {a: {p for n in reached for p in up.get(n, ())} - ancestors[a] for a, reached in frontier.items()}
        for a, new in frontier.items():
            ancestors[a] |= new

    def compatible(a: str, b: str) -> bool:
        ua, ub = ancestors.get(a, set()), ancestors.get(b, set())
        return frozenset((a, b)) in allies or a in ub or b in ua or bool(ua & ub)

    return compatible


def _parents(conn: sqlite3.Connection, nodes: Sequence[str]) -> tuple[dict[str, set[str]], set[frozenset[str]]]:
    q_up = ClaimQuery(predicates=(*_UP, "allied_with"), subjects=tuple(nodes), limit=100_000)
    q_down = ClaimQuery(predicates=("commands", "allied_with"), objects=tuple(nodes), limit=100_000)
    records = claim_store.find_claim_records(conn, q_up, count=False)[0]
    records += claim_store.find_claim_records(conn, q_down, count=False)[0]
    up: dict[str, set[str]] = {}
    allies: set[frozenset[str]] = set()
    for f in build_facts(records):
        if f.polarity != "affirmed" or not f.subject or not f.object:
            continue
        if f.predicate == "allied_with":
            allies.add(frozenset((f.subject, f.object)))
        elif f.predicate == "commands":
            up.setdefault(f.object, set()).add(f.subject)
        else:
            up.setdefault(f.subject, set()).add(f.object)
    return up, allies


def _with_evidence(conn: sqlite3.Connection, c: Contradiction) -> Contradiction:
    loaded = {r.claim.id: r for r in claim_store.claim_records(conn, [r.claim.id for r in c.left + c.right])}
    return replace(c, left=tuple(loaded.get(r.claim.id, r) for r in c.left),
                   right=tuple(loaded.get(r.claim.id, r) for r in c.right))  # fmt: skip


@dataclass(frozen=True, slots=True)
class SourceRow:
    name: str  # an outlet, or a claimant id / outlet / curated publication
    claims: int
    corroborated: int  # claims another independent source also makes
    contradicted: int  # claims in a contested fact or an event conflict


@dataclass(frozen=True, slots=True)
class SourcesView:
    outlets: tuple[SourceRow, ...]  # most claims first
    claimants: tuple[SourceRow, ...]
    total_outlets: int
    total_claimants: int
    limit: int
    names: Mapping[str, str] = field(default_factory=dict)


def sources(conn: sqlite3.Connection, *, limit: int = 100) -> SourcesView:
    """Per outlet and per claimant: claims made, corroborated by an independent source, contradicted."""
    limit, _ = bounded(limit, 0)
    records = list(claim_store.iter_claim_records(conn, ClaimQuery()))
    corroborated, contradicted = _fact_marks(records)
    events = [r for r in records if r.claim.predicate == "event" and r.claim.polarity != "negated"]
    places = [r.claim.place for r in events if r.claim.place]
    points, countries = claim_store.place_points(conn, places), claim_store.place_countries(conn, places)
    for a, b in same_event_pairs(events, points, EventMatching()):
        corroborated |= {a.claim.id, b.claim.id}
    conflicts = find_event_conflicts(events, points, {}, countries=countries)
    contradicted |= {r.claim.id for c in conflicts for r in c.left + c.right}
    outlets = _rows(records, lambda r: "curated" if r.curated else r.outlet or "(no outlet)", corroborated, contradicted)
    claimants = _rows(records, lambda r: r.voice, corroborated, contradicted)
    names = claim_store.entity_name_map(conn)
    return SourcesView(tuple(outlets[:limit]), tuple(claimants[:limit]), len(outlets), len(claimants), limit,
                       {row.name: names[row.name] for row in claimants[:limit] if row.name in names})  # fmt: skip


def _fact_marks(records: Iterable[ClaimRecord]) -> tuple[set[str], set[str]]:
    corroborated: set[str] = set()
    contradicted: set[str] = set()
    by_id = {r.claim.id: r for r in records}
    for fact in build_facts(by_id.values()):
        for claim_id in fact.claims:
            negated = by_id[claim_id].claim.polarity == "negated"
            if (fact.negated_count if negated else fact.affirmed_count) > 1:
                corroborated.add(claim_id)
            if fact.status == "contested":
                contradicted.add(claim_id)
    return corroborated, contradicted


def _rows(records: Sequence[ClaimRecord], key: Callable[[ClaimRecord], str], corr: set[str], contra: set[str]) -> list[SourceRow]:
    claims, ok, bad = Counter[str](), Counter[str](), Counter[str]()
    for r in records:
        k = key(r)
        claims[k] += 1
        ok[k] += r.claim.id in corr
        bad[k] += r.claim.id in contra
    return sorted((SourceRow(k, n, ok[k], bad[k]) for k, n in claims.items()), key=lambda s: (-s.claims, s.name))
