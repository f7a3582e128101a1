"""Who controls, is present at, belongs to, is backed by, allied with or leads whom on a given date."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from operator import itemgetter

from orbat.errors import OrbatError, StoreError
from orbat.query.claims import bounded
from orbat.query.resolve import entity_names, resolve_optional
from orbat.reason.state import StateEntry, StateGroup, StateRules, state_at_page, state_entry, state_page
from orbat.reason.time import day_number, parse_day, valid_time
from orbat.store import claims as claim_store
from orbat.store.claims import STATE_UNREAD_DAY, ClaimRecord, state_row_flags, state_row_id
from orbat.store.schema import STATE_NEGATED

__all__ = ["StateView", "state_as_of"]

@dataclass(frozen=True, slots=True)
class StateView:
    date: str
    entries: tuple[StateEntry, ...]  # supporting and contesting claims carry their evidence
    total: int
    limit: int
    offset: int
    rules: StateRules
    names: Mapping[str, str] = field(default_factory=dict)


def state_as_of(
    conn: sqlite3.Connection,
    date: str,
    place: str | None = None,
    actor: str | None = None,
    *,
    rules: StateRules = StateRules(),
    limit: int = 200,
    offset: int = 0,
) -> StateView:
    """The state on ``date`` (rules in ``orbat.reason.state``), optionally about one place or one actor."""
    day = parse_day(date, last=True)
    if day is None:
        raise OrbatError(f"cannot read the date {date!r}; give an ISO date such as 2017-06-30")
    limit, offset = bounded(limit, offset)
    place_id, actor_id = resolve_optional(conn, place), resolve_optional(conn, actor)
    if place_id or actor_id:
        records = claim_store.entity_state_candidates(conn, place_id or actor_id or "", day_number(day),
                                                      rules.lookback_days)  # fmt: skip
        if place_id and actor_id:
            records = [r for r in records if actor_id in (r.claim.subject, r.claim.object)]
        total, entries = state_at_page(records, day, rules, limit=limit, offset=offset)
        page = _with_evidence(conn, entries)
    else:
        page, total = _whole_map(conn, day, rules, limit, offset)
    names = entity_names(conn, [r for e in page for r in e.supporting + e.contesting])
    return StateView(day.isoformat(), tuple(page), total, limit, offset, rules, names)


Page = tuple[list[StateEntry], int]  # the entries of one page (claims with evidence) and how many in all


def _whole_map(conn: sqlite3.Connection, day: date, rules: StateRules, limit: int, offset: int) -> Page:
    """The state of every relation: the rules over compact rows, full records only for the page. Over full
    records of every candidate when some row is unreadable (see store migration 5) or a rule is negative."""
    number, fast = int(day_number(day)), min(rules.stale_after_days, rules.contest_window_days) >= 0
    rows = claim_store.state_rows(conn, number, rules.lookback_days, rules.stale_after_days) if fast else []
    if not fast or min(map(itemgetter(1), rows), default=0) == STATE_UNREAD_DAY:  # tens of thousands: in C
        records = claim_store.state_candidates(conn, day_number(day), rules.lookback_days)
        total, entries = state_at_page(records, day, rules, limit=limit, offset=offset)
        return _with_evidence(conn, entries), total
    order_keys = partial(claim_store.state_order_keys, conn)
    total, groups = state_page(rows, rules, order_keys, limit=limit, offset=offset)
    if any(sum(alive and state_row_flags(row) & STATE_NEGATED > 0 for row, alive in g) > 1 for g in groups):
        position = claim_store.state_candidate_order(conn, day_number(day), rules.lookback_days)
        groups = [sorted(g, key=lambda member: position[state_row_id(member[0])])  # denials in candidate order
                  for g in groups]  # fmt: skip
    records = claim_store.state_page_records(conn, [state_row_id(row) for g in groups for row, _ in g])
    return [_entry(g, records) for g in groups], total


def _entry(group: StateGroup, records: dict[int, ClaimRecord]) -> StateEntry:
    members = [records[state_row_id(row)] for row, _ in group]
    entry = state_entry([(r, *valid_time(r.claim)) for r in members],
                        {r.claim.id for r, (_, alive) in zip(members, group) if alive})  # fmt: skip
    if entry is None:
        raise StoreError("the state indexes disagree with the claims; run REINDEX claims_state_brief, "
                         "claims_state_short, claims_state_long on the database, and report it if it happens "
                         "again")  # fmt: skip
    return entry


def _with_evidence(conn: sqlite3.Connection, entries: list[StateEntry]) -> list[StateEntry]:
    ids = [r.claim.id for e in entries for r in e.supporting + e.contesting]
    loaded: dict[str, ClaimRecord] = {r.claim.id: r for r in claim_store.claim_records(conn, ids)}
    return [
        replace(e, supporting=tuple(loaded.get(r.claim.id, r) for r in e.supporting),
                contesting=tuple(loaded.get(r.claim.id, r) for r in e.contesting))
        for e in entries
    ]  # fmt: skip
