"""State as of a date: which relations hold on that day, according to whom.

Rules (``StateRules`` holds the numbers):

1. Only state predicates (controls, present_at, part_of, subordinate_of, commands, backed_by,
   allied_with, opposed_to, leads, member_of), claims not rejected and asserting (not hypothetical,
   future or feared).
2. A **closed span** (longer than its precision: "from 2014 to April 2020") holds exactly over it.
3. A **point observation** (a date, a month, a year, or "since X") holds from its start until
   - it is superseded: a later claim (starting more than ``contest_window_days`` after it, and on or
     before the date) about the same *supersession key*, of either polarity; or
   - it goes stale: ``stale_after_days`` after its last attested day (its valid end, else its report
     date for an open "since X", else its start). Curated pack relations never go stale: undated
     starts reach back to the beginning of time and open ends forward to its end.
4. Supersession keys: ``controls`` — the place (control is exclusive: a later controller ends the
   earlier one); ``leads`` with a head role (leader, commander, secretary-general, president, …) —
   the led actor and the role; everything else — (subject, predicate, object).
5. A relation is in the state when at least one affirmed claim about it survives (2–3). Its supporting
   claims are all its affirmed claims valid on the day; negated claims valid on the day (surviving) are
   attached as contesting markers, never as state of their own.

``state_at`` is the definition. ``state_page`` applies the same rules to the compact rows the store keeps
for every state claim (``store.claims.state_rows``) and picks one page, so that the whole map on a date
needs full records only for the claims it shows; tests hold the two equal on random claims.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from heapq import nsmallest
from operator import itemgetter

from orbat.reason.facts import NON_ASSERTING, SYMMETRIC, fact_key
from orbat.reason.time import Interval, shift, valid_time
from orbat.store.claims import STATE_PREDICATES, ClaimRecord, StateRow, state_row_id
from orbat.store.schema import (
    STATE_HOLDS, STATE_KEY_SEPARATOR, STATE_NEGATED, STATE_POINT, STATE_SWAPPED, STATE_SYMMETRIC,
)  # fmt: skip

__all__ = [
    "StateRules", "StateEntry", "StateGroup", "Candidate", "state_at", "state_at_page", "state_page", "state_entry",
    "HEAD_ROLES",
]  # fmt: skip

HEAD_ROLES = frozenset({
    "leader", "commander", "secretary-general", "secretary general", "president", "prime minister",
    "chairman", "chief of staff", "supreme leader", "emir", "minister",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class StateRules:
    stale_after_days: int = 365
    contest_window_days: int = 30

    @property
    def lookback_days(self) -> int:
        """How far before the date a claim's last attested day may lie and still count (index look-up)."""
        return self.stale_after_days + 1


@dataclass(frozen=True, slots=True)
class StateEntry:
    subject: str | None
    predicate: str
    object: str | None
    role: str | None
    place: str | None  # the place controlled or occupied, else the claims' place
    since: str | None  # earliest start among the supporting claims (None: undated)
    until: str | None  # latest explicit valid end among them (None: open)
    basis: str  # closed_span | observed (point observations, possibly extended) | curated
    supporting: tuple[ClaimRecord, ...]
    contesting: tuple[ClaimRecord, ...]
    independent_sources: int

    @property
    def contested(self) -> bool:
        return bool(self.contesting)


def _key(record: ClaimRecord) -> tuple[str | None, ...]:
    c = record.claim
    if c.predicate == "controls":
        return ("controls", c.object or c.place)
    if c.predicate == "leads" and (c.role or "").lower() in HEAD_ROLES:
        return ("leads", c.object, (c.role or "").lower())
    subject, obj = c.subject, c.object
    if c.predicate in SYMMETRIC and (subject or "") > (obj or ""):
        subject, obj = obj, subject
    return (subject, c.predicate, obj)


Candidate = tuple[ClaimRecord, Interval, bool]  # a claim, its literal interval, whether it is a point observation


def _holds(record: ClaimRecord, span: Interval, point: bool, day: date, rules: StateRules) -> bool:
    """Rules 2–3 without supersession: does the claim reach the day?"""
    if record.curated or not point:
        return span.contains(day)
    return span.lo <= day <= shift(span.hi, rules.stale_after_days)


def _superseded(span: Interval, point: bool, rival_starts: list[date], day: date, rules: StateRules) -> bool:
    """Rule 3: a claim with the same key started in (start + contest window, day]. ``rival_starts`` is sorted."""
    if not point:
        return False
    threshold = shift(span.lo, rules.contest_window_days)
    return bisect_right(rival_starts, day) > bisect_right(rival_starts, threshold)


def state_at(records: Iterable[ClaimRecord], day: date, rules: StateRules = StateRules()) -> list[StateEntry]:
    """The relations holding on ``day`` (see the module docstring), ordered by predicate, subject, object."""
    groups, alive = _relations(records, day, rules)
    entries = [state_entry(g, alive) for g in groups]
    return sorted((e for e in entries if e is not None),
                  key=lambda e: (e.predicate, e.subject or "", e.object or "", e.role or ""))  # fmt: skip


def state_at_page(records: Iterable[ClaimRecord], day: date, rules: StateRules, *, limit: int,
                  offset: int) -> tuple[int, list[StateEntry]]:  # fmt: skip
    """``state_at`` for one page: how many relations hold on the day, and ``state_at(...)[offset:offset + limit]``.
    Only the page's entries are built: an actor named in thousands of relations needs a page of them."""
    groups, alive = _relations(records, day, rules)
    live = [(_order(g), i, g) for i, g in enumerate(groups)
            if any(r.claim.id in alive and _affirmed(r) for r, _, _ in g)]  # fmt: skip
    page = nsmallest(offset + limit, live)[offset:]  # (order, position): the stable order of state_at's sort
    return len(live), [entry for _, _, g in page if (entry := state_entry(g, alive)) is not None]


def _relations(records: Iterable[ClaimRecord], day: date, rules: StateRules) -> tuple[list[list[Candidate]], set[str]]:
    """The claims holding on the day grouped by relation (in candidate order), and the ids of those that
    survive supersession."""
    spans: dict[str, Candidate] = {r.claim.id: (r, *valid_time(r.claim)) for r in records if _usable(r)}
    usable = [(r, span, point) for r, span, point in spans.values() if span.lo <= day]
    starts: dict[tuple[str | None, ...], list[date]] = {}
    for r, span, _ in usable:
        starts.setdefault(_key(r), []).append(span.lo)
    for values in starts.values():
        values.sort()
    holding = [(r, span, point) for r, span, point in usable if _holds(r, span, point, day, rules)]
    alive = {r.claim.id for r, span, point in holding if not _superseded(span, point, starts[_key(r)], day, rules)}
    by_triple: dict[tuple[str | None, ...], list[Candidate]] = {}
    for candidate in holding:
        by_triple.setdefault(fact_key(candidate[0]), []).append(candidate)
    return list(by_triple.values()), alive


def _usable(r: ClaimRecord) -> bool:
    c = r.claim
    return c.predicate in STATE_PREDICATES and c.review != "rejected" and c.modality not in NON_ASSERTING


def _affirmed(r: ClaimRecord) -> bool:
    return r.claim.polarity != "negated"


def _first(records: list[Candidate]) -> ClaimRecord:
    """The earliest reported affirmed claim (then the smallest id): it states the relation in ``state_entry``."""
    return min((r for r, _, _ in records if _affirmed(r)), key=lambda r: (r.claim.reported or "", r.claim.id))


def _order(records: list[Candidate]) -> tuple[str, str, str, str]:
    """Where ``state_at`` puts the entry of these claims."""
    c = _first(records).claim
    return c.predicate, c.subject or "", c.object or "", c.role or ""


def state_entry(records: list[Candidate], alive: set[str]) -> StateEntry | None:
    """One relation from its claims holding on the day (in candidate order) and the ids of those surviving
    supersession; None when no affirmed one survives."""
    yes = sorted((p for p in records if _affirmed(p[0])), key=lambda p: (p[0].claim.reported or "", p[0].claim.id))
    if not any(r.claim.id in alive for r, _, _ in yes):
        return None
    no = tuple(r for r, _, _ in records if not _affirmed(r) and r.claim.id in alive)
    c = yes[0][0].claim
    since = min(s.lo for _, s, _ in yes)
    ends = [s.hi for _, s, point in yes if not point and s.hi != date.max]
    curated = all(r.curated for r, _, _ in yes)
    basis = "curated" if curated else "observed" if any(point for _, _, point in yes) else "closed_span"
    return StateEntry(
        subject=c.subject, predicate=c.predicate, object=c.object, role=c.role,
        place=(c.object if c.predicate in ("controls", "present_at") else None) or c.place,
        since=None if since == date.min else since.isoformat(), until=max(ends).isoformat() if ends else None,
        basis=basis, supporting=tuple(r for r, _, _ in yes), contesting=no,
        independent_sources=len({r.source_key for r, _, _ in yes}),
    )  # fmt: skip


StateGroup = list[tuple[StateRow, bool]]  # a relation's claims holding on the day, latest first; whether each survives
OrderKeys = Callable[[Sequence[int]], Mapping[int, tuple[str, str]]]  # rowid → (report date or "", claim id)


def state_page(rows: Sequence[StateRow], rules: StateRules, order_keys: OrderKeys, *, limit: int,
               offset: int) -> tuple[int, list[StateGroup]]:  # fmt: skip
    """``state_at`` over the compact rows of one day (``store.claims.state_rows``, none unreadable), for one
    page: how many relations hold on the day, and the page of them in ``state_at``'s order.

    A point observation is superseded when the latest start under its key lies more than the contest
    window after its own: ``_superseded``'s test, as every start counted is on or before the day."""
    rows = sorted(rows, key=itemgetter(1), reverse=True)  # latest start first: a key's first row is its latest
    window = rules.contest_window_days
    latest: dict[str, int] = {}
    kept: set[str] = set()
    symmetric: dict[str, list[StateRow]] = {}  # symmetric relations: their affirmed claims holding on the day
    latest_of, keep = latest.setdefault, kept.add  # tens of thousands of rows: no attribute look-ups per row
    for row in rows:  # id_flags: rowid and STATE_* flags (StateRow); the masks read the flags
        id_flags, lo, fact, key = row
        newest = latest_of(key or fact, lo)
        if id_flags & (STATE_HOLDS | STATE_NEGATED) == STATE_HOLDS:
            if id_flags & STATE_SYMMETRIC:
                symmetric.setdefault(fact, []).append(row)
            if not id_flags & STATE_POINT or newest <= lo + window:
                keep(fact)
    oriented = _oriented({fact: symmetric[fact] for fact in kept.intersection(symmetric)}, order_keys)
    page = [oriented.get(k, k) for k in nsmallest(offset + limit, [*kept.difference(symmetric), *oriented])][offset:]
    groups: dict[str, StateGroup] = {fact: [] for fact in page}
    for row in rows:
        id_flags, lo, fact, key = row
        if fact in groups and id_flags & STATE_HOLDS:
            groups[fact].append((row, not (id_flags & STATE_POINT and latest[key or fact] > lo + window)))
    return len(kept), list(groups.values())


def _oriented(symmetric: dict[str, list[StateRow]], order_keys: OrderKeys) -> dict[str, str]:
    """Sort key → fact key of symmetric relations: each sorts as its earliest reported affirmed claim states
    it (``state_entry``); report dates and ids are read only for relations stated both ways round."""
    both = {fact: rows for fact, rows in symmetric.items()
            if len(rows) > 1 and len({r[0] & STATE_SWAPPED for r in rows}) > 1}  # fmt: skip
    keys = order_keys([state_row_id(row) for rows in both.values() for row in rows]) if both else {}
    oriented = {}
    for fact, rows in symmetric.items():
        first = min(rows, key=lambda r: keys[state_row_id(r)]) if fact in both else rows[0]
        if first[0] & STATE_SWAPPED:
            predicate, one, other, role = fact.split(STATE_KEY_SEPARATOR)
            oriented[STATE_KEY_SEPARATOR.join((predicate, other, one, role))] = fact
        else:
            oriented[fact] = fact
    return oriented
