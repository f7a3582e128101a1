"""Contradictions: claims that cannot all be true, shown side by side instead of overwritten.

Kinds and rules:

- ``denial``: within one fact (see ``orbat.reason.facts``: same relation, overlapping valid time) some
  claims affirm and others deny, from different sources or different claimants.
- ``control``: two actors are each said to ``control`` one place over overlapping literal valid times
  (within ``gap_days``), and neither is allied with, part of, subordinate to or commanding the other,
  nor do they share a parent (``compatible`` decides; the caller builds it from the claims); a
  collective ("Rebel groups (Syria)") never conflicts, as it may hold the place through any of its groups.
- ``figures``: two reports of one event (``orbat.reason.events``) whose valid times overlap give force
  sizes or fatality ranges that do not meet (sizes get a 10% tolerance, fatalities none, except that
  an open floor such as "more than 19" meets "19").
- ``date``: two reports of one event at one place, both dated to the day, whose dates differ by at most
  ``date_gap_days`` and whose tolls agree (further apart they are two events).
- ``place``: two reports of one event with the same attacker and target on the same days, placed at
  two towns (or finer) more than ``far_place_km`` apart, or more than ``border_place_km`` apart in
  two countries (only places with coordinates compare).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from orbat.model import is_collective, stable_id
from orbat.reason.events import (
    COARSE_PLACES,
    EventMatching,
    distance_km,
    event_interval,
    explicitly_dated,
    fatality_range,
    named_targets,
    ranges_disagree,
    same_event_pairs,
    size_range,
    specific_place,
)
from orbat.reason.facts import DEFAULT_MERGE_GAP_DAYS, NON_ASSERTING, build_facts, time_groups
from orbat.store.claims import ClaimRecord

__all__ = ["KINDS", "Contradiction", "find_denials", "find_control_conflicts", "find_event_conflicts"]

KINDS = ("denial", "control", "figures", "date", "place")
Names = Mapping[str, str]
Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Contradiction:
    kind: str
    left: tuple[ClaimRecord, ...]  # one side, with evidence when the caller loaded it
    right: tuple[ClaimRecord, ...]
    explanation: str

    @property
    def id(self) -> str:
        return "x" + stable_id(self.kind, *sorted(r.claim.id for r in self.left + self.right))

    @property
    def last_reported(self) -> str:
        return max((r.claim.reported or "" for r in self.left + self.right), default="")


def _name(names: Names, entity: str | None) -> str:
    return "?" if entity is None else names.get(entity, entity)


def _usable(record: ClaimRecord) -> bool:
    c = record.claim
    return c.review != "rejected" and c.modality not in NON_ASSERTING


def find_denials(records: Iterable[ClaimRecord], names: Names, *, gap_days: int = DEFAULT_MERGE_GAP_DAYS) -> list[Contradiction]:
    """Facts affirmed by some and denied by other sources or claimants."""
    by_id = {r.claim.id: r for r in records if _usable(r)}
    found: list[Contradiction] = []
    for fact in build_facts(by_id.values(), merge_gap_days=gap_days):
        if fact.status != "contested":
            continue
        members = [by_id[i] for i in fact.claims]
        yes = tuple(r for r in members if r.claim.polarity != "negated")
        no = tuple(r for r in members if r.claim.polarity == "negated")
        if not any(a.source_key != n.source_key or a.voice != n.voice for a in yes for n in no):
            continue
        what = f"{_name(names, fact.subject)} {fact.predicate} {_name(names, fact.object)}"
        found.append(Contradiction("denial", yes, no, f"{fact.affirmed_count} source(s) affirm and "
                                   f"{fact.negated_count} deny that {what} ({_when(fact.valid.start, fact.valid.end)})"))  # fmt: skip
    return found


def _when(start: str | None, end: str | None) -> str:
    if start == end:
        return start or "undated"
    return f"{start or '…'} to {end or '…'}"


def find_control_conflicts(
    records: Iterable[ClaimRecord], compatible: Callable[[str, str], bool], names: Names, *, gap_days: int = 0
) -> list[Contradiction]:
    """Different actors said to control one place at overlapping times."""
    by_place: dict[str, dict[str, list[ClaimRecord]]] = {}
    for r in records:
        c = r.claim
        place = c.object or c.place
        if c.predicate == "controls" and c.polarity != "negated" and _usable(r) and place and c.subject:
            by_place.setdefault(place, {}).setdefault(c.subject, []).append(r)
    found: list[Contradiction] = []
    for place, by_actor in sorted(by_place.items()):
        groups = [(actor, g, span) for actor, rs in sorted(by_actor.items()) for g, span in time_groups(rs, gap_days)]
        for i, (a, ga, sa) in enumerate(groups):
            for b, gb, sb in groups[i + 1 :]:
                if a != b and sa.overlaps(sb, gap_days=gap_days) and not compatible(a, b) and not _a_category(a, b):
                    overlap = f"{max(sa.lo, sb.lo).isoformat()} to {min(sa.hi, sb.hi).isoformat()}"
                    text = (f"{_name(names, a)} and {_name(names, b)} are both said to control "
                            f"{_name(names, place)} ({overlap})")  # fmt: skip
                    found.append(Contradiction("control", tuple(ga), tuple(gb), text))
    return found


def _a_category(*actors: str) -> bool:
    """A collective ("Rebel groups (Syria)") may hold a place through any of its groups: no conflict."""
    return any(is_collective(a) for a in actors)


def find_event_conflicts(
    records: Sequence[ClaimRecord], points: Mapping[str, Point], names: Names, matching: EventMatching = EventMatching(),
    countries: Mapping[str, str] | None = None,
) -> list[Contradiction]:
    """Figures, date and place conflicts between reports of one event (``orbat.reason.events`` says
    when two claims report one event, and when a difference of date or place is a conflict).
    ``countries``: place id -> ISO3, for places said to be in two countries."""
    events = [r for r in records if r.claim.predicate == "event" and r.claim.polarity != "negated" and _usable(r)]
    found: list[Contradiction] = []
    for a, b in same_event_pairs(events, points, matching):
        found += _figure_conflicts(a, b, matching.figure_tolerance)
    for a, b in same_event_pairs(events, points, matching, time_check=False):
        if _dates_conflict(a, b, matching):
            found.append(Contradiction("date", (a,), (b,), f"{a.claim.event_type} event dated "
                                       f"{_when(a.claim.valid.start, a.claim.valid.end)} by {a.voice} and "
                                       f"{_when(b.claim.valid.start, b.claim.valid.end)} by {b.voice}"))  # fmt: skip
    for a, b in same_event_pairs(events, points, matching, place_check=False):
        pa, pb = a.claim.place, b.claim.place
        if not (_town_or_finer(a) and _town_or_finer(b) and pa != pb and pa in points and pb in points):
            continue
        if not _targets(a) & _targets(b):
            continue  # a place conflict needs the same target on both sides, not just the same attacker
        km = distance_km(points[pa], points[pb])  # type: ignore[index]
        ca, cb = (countries or {}).get(pa or ""), (countries or {}).get(pb or "")
        borders = ca is not None and cb is not None and ca != cb
        if km > matching.far_place_km or (borders and km > matching.border_place_km):
            apart = f"{km:.0f} km apart" + (f", in {ca} and {cb}" if borders else "")
            text = (f"{a.claim.event_type} event placed at {_name(names, pa)} by {a.voice} and at "
                    f"{_name(names, pb)} by {b.voice}, {apart}")  # fmt: skip
            found.append(Contradiction("place", (a,), (b,), text))
    return found


def _targets(record: ClaimRecord) -> frozenset[str]:
    """Who an event hit, as one body: "Civilians (Syria)" is hit by a strike in Aleppo and another in
    Damascus the same day, so a shared collective does not make them one event placed twice."""
    return named_targets(record) - _actor_set(record)


_WIDE_FOR_PLACE_CONFLICT = COARSE_PLACES | {"province", "district"}


def _town_or_finer(record: ClaimRecord) -> bool:
    return specific_place(record) and record.claim.geo_precision not in _WIDE_FOR_PLACE_CONFLICT


def _actor_set(record: ClaimRecord) -> frozenset[str]:
    return frozenset(x for x in (*record.claim.actors, record.claim.subject) if x)


def _dates_conflict(a: ClaimRecord, b: ClaimRecord, matching: EventMatching) -> bool:
    """Both dated to the day, apart, but close enough (and with tolls that agree) to be one event."""
    if not (explicitly_dated(a) and explicitly_dated(b)):
        return False
    if a.claim.valid.precision != "day" or b.claim.valid.precision != "day":
        return False
    ia, ib = event_interval(a, matching), event_interval(b, matching)
    if ia.overlaps(ib) or (max(ia.lo, ib.lo) - min(ia.hi, ib.hi)).days > matching.date_gap_days:
        return False
    return not _figure_conflicts(a, b, matching.figure_tolerance)


def _figure_conflicts(a: ClaimRecord, b: ClaimRecord, tolerance: float) -> list[Contradiction]:
    out: list[Contradiction] = []
    sa, sb = size_range(a.claim.size), size_range(b.claim.size)
    if sa and sb and ranges_disagree(sa, sb, tolerance):
        out.append(Contradiction("figures", (a,), (b,), f"{a.claim.event_type} event: size {a.claim.size!r} "
                                 f"({a.voice}) vs {b.claim.size!r} ({b.voice})"))  # fmt: skip
    fa, fb = fatality_range(a), fatality_range(b)
    # A floor ("more than 19": 20 or more) that misses the other's figure by one is the wording of
    # "more than N" against "N", not two sources disagreeing.
    if fa and fb and ranges_disagree(fa, fb, 0.0, 1.0 if math.inf in (fa[1], fb[1]) else 0.0):
        out.append(Contradiction("figures", (a,), (b,), f"{a.claim.event_type} event: fatalities "
                                 f"{_range(fa)} ({a.voice}) vs {_range(fb)} ({b.voice})"))  # fmt: skip
    return out


def _range(r: tuple[float, float]) -> str:
    low = f"{r[0]:g}"
    if r[1] == math.inf:
        return f"{low} or more"
    return low if r[0] == r[1] else f"{low}-{r[1]:g}"
