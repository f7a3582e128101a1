"""An actor's profile: names, chain of command, affiliates, leaders, designations, events, places, facts."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from orbat.model import Entity
from orbat.query.resolve import resolve_entity
from orbat.model import TimeSpan
from orbat.reason.facts import Fact
from orbat.store import claims as claim_store
from orbat.store.claims import STATE_PREDICATES, ClaimQuery, ClaimRecord, FactRow

__all__ = ["AliasView", "Link", "PlaceLink", "ActorProfile", "actor_profile", "RELATION_PREDICATES"]

RELATION_PREDICATES = (*STATE_PREDICATES, "designated_by", "splinter_of", "merged_into", "formed_from", "front_for")
_UP = ("part_of", "subordinate_of")
_MAX_FACTS = 500  # relations per side (as subject / as object) in one profile: the best supported
_MAX_DEPTH = 8
_MAX_PARENTS = 2  # parents followed per level of the chain of command: the best supported
_MAX_CHAIN = 12


@dataclass(frozen=True, slots=True)
class AliasView:
    name: str
    lang: str
    ambiguous: bool
    source: str  # "curated: <reference>" or "document:<id>:<start>-<end>"
    document: str | None = None  # for a document source: the document, its outlet and date, the quoted span
    outlet: str | None = None
    published: str | None = None
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """Another entity related to the profiled one by a fact."""

    entity: str
    predicate: str
    role: str | None
    depth: int  # 1 for a direct relation; more up a chain of command
    fact: Fact


@dataclass(frozen=True, slots=True)
class PlaceLink:
    place: str
    how: str  # present_at | controls | event
    claims: int
    first_reported: str | None = None
    last_reported: str | None = None


@dataclass(frozen=True, slots=True)
class ActorProfile:
    entity: Entity
    aliases: tuple[AliasView, ...]
    chain_of_command: tuple[Link, ...]  # upward, transitively (part_of, subordinate_of, commanded by)
    subordinates: tuple[Link, ...]  # direct: part of it, subordinate to it, commanded by it
    affiliates: tuple[Link, ...]  # allied_with (either way), backed_by (its sponsors), backing (its clients)
    opponents: tuple[Link, ...]
    leaders: tuple[Link, ...]  # who leads it, with role and dates
    roles: tuple[Link, ...]  # for a person: what they lead or belong to
    designations: tuple[Link, ...]
    events: tuple[ClaimRecord, ...]  # the latest, as actor or recipient
    event_count: int
    places: tuple[PlaceLink, ...]
    first_reported: str | None
    last_reported: str | None
    claim_count: int  # events (at most COUNT_CAP + 1) plus relation claims
    facts: tuple[Fact, ...]
    names: Mapping[str, str] = field(default_factory=dict)


def summary_fact(row: FactRow) -> Fact:
    """A relation's claims over all time as one fact (profiles show relations, not each period of them)."""
    (subject, predicate, obj, role, _, affirmed, negated, sources, first, last, valid_start, valid_end, open_start,
     open_end, curated, claimants) = row  # fmt: skip
    status = "contested" if affirmed and negated else "denied" if negated else (
        "corroborated" if affirmed > 1 else "single_source")  # fmt: skip
    return Fact(
        subject=subject, predicate=predicate, object=obj, role=role,
        valid=TimeSpan(None if open_start else valid_start, None if open_end else valid_end),
        first_reported=first, last_reported=last, claims=(), independent_sources=sources,
        claimants=tuple((claimants or "").split(",")[:20]), affirmed_count=affirmed, negated_count=negated,
        contradicting=(), status=status, curated=bool(curated),
    )  # fmt: skip


def _summaries(conn: sqlite3.Connection, ids: Sequence[str], *, up_only: bool = False) -> list[tuple[Fact, int]]:
    """Relation facts, with their number of claims, with one of ``ids`` as subject or object (only
    chain-of-command ones when ``up_only``)."""
    facts: list[tuple[Fact, int]] = []
    sides = (("subject", _UP), ("object", ("commands",))) if up_only else (("subject", RELATION_PREDICATES),
                                                                           ("object", RELATION_PREDICATES))  # fmt: skip
    for side, preds in sides:
        rows = claim_store.relation_summaries(conn, ids, side=side, predicates=preds, limit=_MAX_FACTS)
        facts += [(summary_fact(r), r[4]) for r in rows]  # r[4]: its number of claims
    return list({(f.subject, f.predicate, f.object, f.role): (f, n) for f, n in facts}.values())


def _links(facts: Sequence[Fact], me: str, predicates: Sequence[str], *, outward: bool) -> tuple[Link, ...]:
    """Affirmed facts ``me PRED other`` (outward) or ``other PRED me``, as links to the other."""
    out = []
    for f in facts:
        mine, other = (f.subject, f.object) if outward else (f.object, f.subject)
        if f.predicate in predicates and mine == me and other and f.polarity == "affirmed":
            out.append(Link(other, f.predicate, f.role, 1, f))
    return tuple(out)


def _parents(facts: Sequence[Fact]) -> dict[str, list[Link]]:
    """Child → its best supported parents (part_of / subordinate_of objects, commanders)."""
    up: dict[str, list[Link]] = {}
    for f in facts:
        if f.polarity != "affirmed" or not f.subject or not f.object:
            continue
        if f.predicate in _UP:
            up.setdefault(f.subject, []).append(Link(f.object, f.predicate, f.role, 1, f))
        elif f.predicate == "commands":
            up.setdefault(f.object, []).append(Link(f.subject, f.predicate, f.role, 1, f))
    for links in up.values():
        links.sort(key=lambda k: (-k.fact.independent_sources, k.fact.last_reported or "", k.entity), reverse=False)
    return up


def _chain(conn: sqlite3.Connection, me: str, facts: list[Fact]) -> tuple[Link, ...]:
    """Parents, grandparents …, breadth first; per entity its ``_MAX_PARENTS`` best supported parents."""
    found: list[Link] = []
    seen, level, depth = {me}, [me], 1
    while level and depth <= _MAX_DEPTH and len(found) < _MAX_CHAIN:
        up, nxt = _parents(facts), []
        for node in level:
            for link in up.get(node, [])[:_MAX_PARENTS]:
                if link.entity not in seen and len(found) < _MAX_CHAIN:
                    seen.add(link.entity)
                    nxt.append(link.entity)
                    found.append(Link(link.entity, link.predicate, link.role, depth, link.fact))
        level, depth = nxt, depth + 1
        facts = [f for f, _ in _summaries(conn, level, up_only=True)] if level else []
    return tuple(found)


def _aliases(conn: sqlite3.Connection, entity_id: str) -> tuple[AliasView, ...]:
    out = []
    for r in claim_store.alias_rows(conn, entity_id):
        quote = None
        if r["document"] and r["clean_text"]:
            span = r["source"].rsplit(":", 1)[-1].split("-")
            if len(span) == 2 and span[0].isdigit() and span[1].isdigit():
                quote = r["clean_text"][int(span[0]) : int(span[1])]
        out.append(AliasView(r["name"], r["lang"], bool(r["ambiguous"]), r["source"], r["document"], r["outlet"],
                             r["published"], quote))  # fmt: skip
    return tuple(out)


def _places(conn: sqlite3.Connection, me: str, counted: Sequence[tuple[Fact, int]]) -> tuple[PlaceLink, ...]:
    out = [PlaceLink(f.object, f.predicate, n, f.first_reported, f.last_reported)
           for f, n in counted if f.predicate in ("present_at", "controls") and f.subject == me and f.object
           and f.polarity == "affirmed"]  # fmt: skip
    out += [PlaceLink(p, "event", n) for p, n in claim_store.event_place_counts(conn, me)]
    return tuple(out)


def actor_profile(conn: sqlite3.Connection, name_or_id: str, *, events: int = 20) -> ActorProfile:
    """Everything known about one actor (or person, or place), by id, name or alias."""
    me = resolve_entity(conn, name_or_id)
    entity = claim_store.get_entities(conn, [me], aliases=False)[me]
    counted = _summaries(conn, [me])
    facts = [f for f, _ in counted]
    recent, event_count = claim_store.find_claim_records(
        conn, ClaimQuery(predicates=("event",), actor=me, limit=max(1, min(events, 200)))
    )
    first, last = _reported_range(conn, me, facts)
    profile = ActorProfile(
        entity=entity, aliases=_aliases(conn, me), chain_of_command=_chain(conn, me, facts),
        subordinates=_links(facts, me, _UP, outward=False) + _links(facts, me, ("commands",), outward=True),
        affiliates=_links(facts, me, ("allied_with",), outward=True) + _links(facts, me, ("allied_with",), outward=False)
        + _links(facts, me, ("backed_by",), outward=True) + _backing(facts, me),
        opponents=_links(facts, me, ("opposed_to",), outward=True) + _links(facts, me, ("opposed_to",), outward=False),
        leaders=_links(facts, me, ("leads",), outward=False),
        roles=_links(facts, me, ("leads", "member_of"), outward=True),
        designations=_links(facts, me, ("designated_by",), outward=True),
        events=tuple(recent), event_count=event_count, places=_places(conn, me, counted),
        first_reported=first, last_reported=last, claim_count=event_count + sum(n for _, n in counted),
        facts=tuple(facts),
    )  # fmt: skip
    return _named(conn, profile)


def _reported_range(conn: sqlite3.Connection, me: str, facts: Sequence[Fact]) -> tuple[str | None, str | None]:
    """First and last report over the actor's events and the relations in its profile."""
    first, last = claim_store.event_reported_range(conn, me)
    firsts = [x for x in (first, *(f.first_reported for f in facts)) if x]
    lasts = [x for x in (last, *(f.last_reported for f in facts)) if x]
    return min(firsts, default=None), max(lasts, default=None)


def _backing(facts: Sequence[Fact], me: str) -> tuple[Link, ...]:
    return tuple(Link(k.entity, "backing", k.role, 1, k.fact) for k in _links(facts, me, ("backed_by",), outward=False))


def _named(conn: sqlite3.Connection, p: ActorProfile) -> ActorProfile:
    ids = {p.entity.id}
    for links in (p.chain_of_command, p.subordinates, p.affiliates, p.opponents, p.leaders, p.roles, p.designations):
        ids.update(link.entity for link in links)
    ids.update(pl.place for pl in p.places)
    for r in p.events:
        ids.update(x for x in (r.claim.place, r.claim.claimant, *r.claim.actors, *r.claim.recipients) if x)
    for f in p.facts:
        ids.update(x for x in (f.subject, f.object) if x)
    return replace(p, names=claim_store.entity_names(conn, ids))
