"""Which event claims report one event, and the figures they give.

Wars repeat themselves: the same forces strike the same towns every week, so two claims are taken
as **reports of one event** only when everything an analyst would compare agrees:

- the same ``event_type``;
- a shared actor (actors and subject together), and a shared recipient when both name recipients;
  when neither names an actor, a shared recipient that is one body (not a collective such as
  "Civilians (Syria)") and the same casualty figures;
- reported within ``report_window_days`` of each other, from different duplicate clusters (copies
  of one story do not disagree with themselves);
- **place**: both placed, at the same id or within ``same_place_km``, and neither only at the level
  of a country, a border region or a continent ("Syria" and "Syria" are not one event);
- **time**: their valid times overlap; a claim dated only by its report date is taken to have
  happened in the ``undated_days`` before it.

A *date* conflict is a pair agreeing on all but time, both dated to the day, at most
``date_gap_days`` apart, whose casualty figures do not disagree (further apart, or with other
tolls, they are two events). A *place* conflict is a pair agreeing on all but place, dated to the
same days, with shared actors and recipients, at two specific places (a town or finer) more than
``far_place_km`` apart, or more than ``border_place_km`` apart in two different countries.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from orbat.model import is_collective
from orbat.reason.time import Interval, literal_interval, parse_day, shift
from orbat.store.claims import ClaimRecord

__all__ = ["EventMatching", "COARSE_PLACES", "event_interval", "explicitly_dated", "participants", "named_targets", "same_sides", "specific_place",
           "same_event_pairs", "size_range", "fatality_range", "ranges_disagree", "distance_km"]

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class EventMatching:
    report_window_days: int = 7
    undated_days: int = 2  # an event dated only by its report happened in the days just before it
    same_place_km: float = 25.0
    far_place_km: float = 50.0  # places further apart than this are a place conflict
    border_place_km: float = 5.0  # ... and in two countries, this far apart ("Tower 22 in Jordan" / "al-Tanf in Syria")
    figure_tolerance: float = 0.1  # sizes within 10% of each other agree ("about 3,000" vs "3,200")
    date_gap_days: int = 14  # explicit dates further apart than this are two events, not a conflict


COARSE_PLACES = frozenset({"country", "continent", "border_region", "region"})  # geo precisions too wide to match on


def explicitly_dated(record: ClaimRecord) -> bool:
    """False when the valid time is only the report date (what extraction falls back to without a date)."""
    c = record.claim
    return bool(c.valid.start) and not (c.reported and c.valid.start[:10] == c.reported[:10] and
                                        (c.valid.end or c.valid.start)[:10] == c.reported[:10])  # fmt: skip


def event_interval(record: ClaimRecord, matching: EventMatching) -> Interval:
    """When the event happened: its literal interval; for a claim dated only by its report, the
    ``report_window_days`` before the report (a story tells of what happened lately)."""
    span = literal_interval(record.claim)
    if explicitly_dated(record):
        return span
    return Interval(shift(span.hi, -matching.undated_days), span.hi)


def participants(record: ClaimRecord) -> frozenset[str]:
    c = record.claim
    return frozenset(x for x in (*c.actors, *c.recipients, c.subject, c.object) if x)


def _actors(record: ClaimRecord) -> frozenset[str]:
    c = record.claim
    return frozenset(x for x in (*c.actors, c.subject) if x)


def _recipients(record: ClaimRecord) -> frozenset[str]:
    c = record.claim
    return frozenset(x for x in (*c.recipients, c.object) if x)


def same_sides(a: ClaimRecord, b: ClaimRecord) -> bool:
    """A shared actor, and a shared recipient when both name recipients; when neither names an actor
    ("a drone killed three US soldiers"), a shared named target and the same toll."""
    ra, rb = _recipients(a), _recipients(b)
    if not _actors(a) and not _actors(b):
        toll = fatality_range(a)
        return bool(named_targets(a) & named_targets(b)) and toll is not None and toll == fatality_range(b)
    return bool(_actors(a) & _actors(b)) and (not ra or not rb or bool(ra & rb))


def named_targets(record: ClaimRecord) -> frozenset[str]:
    """Recipients that are one body, not a category ("Civilians (Syria)" are hit by many events)."""
    return frozenset(x for x in _recipients(record) if not is_collective(x))


def distance_km(a: Point, b: Point) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def same_event_pairs(
    records: Sequence[ClaimRecord], points: Mapping[str, Point], matching: EventMatching, *,
    place_check: bool = True, time_check: bool = True,
) -> Iterator[tuple[ClaimRecord, ClaimRecord]]:
    """Pairs of claims reporting one event (see the module docstring), each pair once.
    ``place_check=False`` / ``time_check=False`` drop that test (to look for place or date conflicts)."""
    seen: set[tuple[str, str]] = set()
    for bucket in _buckets(records).values():
        bucket.sort(key=lambda r: r.claim.reported or "")
        for i, a in enumerate(bucket):
            for b in _window(bucket, i, matching.report_window_days):
                pair = (min(a.claim.id, b.claim.id), max(a.claim.id, b.claim.id))
                if pair in seen or a.source_key == b.source_key or not same_sides(a, b):
                    continue
                if place_check and not _same_place(a, b, points, matching.same_place_km):
                    continue
                if time_check and not event_interval(a, matching).overlaps(event_interval(b, matching)):
                    continue
                seen.add(pair)
                yield a, b


def _buckets(records: Sequence[ClaimRecord]) -> dict[tuple[str, str], list[ClaimRecord]]:
    """Event claims by (event type, actor), and those without an actor by (event type, target):
    candidates share at least one bucket."""
    buckets: dict[tuple[str, str], list[ClaimRecord]] = {}
    for r in records:
        if r.claim.predicate == "event" and r.claim.event_type and r.claim.reported:
            for who in _actors(r) or {f"to:{t}" for t in named_targets(r)}:
                buckets.setdefault((r.claim.event_type, who), []).append(r)
    return buckets


def _window(bucket: list[ClaimRecord], i: int, days: int) -> Iterator[ClaimRecord]:
    first = parse_day(bucket[i].claim.reported)
    for b in bucket[i + 1 :]:
        other = parse_day(b.claim.reported)
        if first is None or other is None or (other - first).days > days:
            return
        yield b


def specific_place(record: ClaimRecord) -> bool:
    """Placed, and more precisely than a country, border region or continent."""
    return record.claim.place is not None and record.claim.geo_precision not in COARSE_PLACES


def _same_place(a: ClaimRecord, b: ClaimRecord, points: Mapping[str, Point], km: float) -> bool:
    pa, pb = a.claim.place, b.claim.place
    if not specific_place(a) or not specific_place(b):
        return False
    if pa == pb:
        return True
    if pa in points and pb in points:
        return distance_km(points[pa], points[pb]) <= km  # type: ignore[index]
    return False


_NUMBER = re.compile(r"\d[\d,.]*")
_SCALE: dict[str, float] = {"thousand": 1e3, "hundred": 1e2, "million": 1e6}


def size_range(size: str | None) -> tuple[float, float] | None:
    """(low, high) of a force size: "3000 troops" → (3000, 3000); "2,000-4,000 fighters" → (2000, 4000)."""
    if not size:
        return None
    numbers = [_number(m.group(0)) for m in _NUMBER.finditer(size)]
    numbers = [n for n in numbers if n is not None][:2]
    if not numbers:
        return None
    scale = next((v for k, v in _SCALE.items() if k in size.lower() and max(numbers) < 1000), 1.0)
    return min(numbers) * scale, max(numbers) * scale


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", "").rstrip("."))
    except ValueError:
        return None


def fatality_range(record: ClaimRecord) -> tuple[float, float] | None:
    """(low, high) of a toll; an open top ("at least 12") is infinite, so any larger toll meets it."""
    f = record.claim.fatalities
    values = [v for v in (f.low, f.best, f.high) if v is not None]
    if not values:
        return None
    low = f.low if f.low is not None else min(values)
    if f.high is not None:
        return low, f.high
    return low, (math.inf if f.low is not None else max(values))


def ranges_disagree(a: tuple[float, float], b: tuple[float, float], tolerance: float, slack: float = 0.0) -> bool:
    """True when the ranges do not meet, even widened by ``tolerance`` (a fraction) of their bounds and
    by ``slack`` (an absolute amount)."""
    return (a[1] * (1 + tolerance) + slack < b[0] * (1 - tolerance)
            or b[1] * (1 + tolerance) + slack < a[0] * (1 - tolerance))
