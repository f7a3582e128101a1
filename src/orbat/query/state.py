"""Who controls, is present at, belongs to, is backed by, allied with or leads whom on a given date."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from orbat.errors import OrbatError
from orbat.query.claims import bounded
from orbat.query.resolve import entity_names, resolve_optional
from orbat.reason.state import StateEntry, StateRules, state_at
from orbat.reason.time import day_number, parse_day
from orbat.store import claims as claim_store
from orbat.store.claims import ClaimRecord

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
    else:
        records = claim_store.state_candidates(conn, day_number(day), rules.lookback_days)
    entries = state_at(records, day, rules)
    page = _with_evidence(conn, entries[offset : offset + limit])
    names = entity_names(conn, [r for e in page for r in e.supporting + e.contesting])
    return StateView(day.isoformat(), tuple(page), len(entries), limit, offset, rules, names)


def _with_evidence(conn: sqlite3.Connection, entries: list[StateEntry]) -> list[StateEntry]:
    ids = [r.claim.id for e in entries for r in e.supporting + e.contesting]
    loaded: dict[str, ClaimRecord] = {r.claim.id: r for r in claim_store.claim_records(conn, ids)}
    return [
        replace(e, supporting=tuple(loaded.get(r.claim.id, r) for r in e.supporting),
                contesting=tuple(loaded.get(r.claim.id, r) for r in e.contesting))
        for e in entries
    ]  # fmt: skip
