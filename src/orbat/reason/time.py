"""Valid time of claims as day intervals: partial ISO dates, points versus spans, open ends.

A claim's valid time is read three ways:

- **literal** interval: [first day of start, last day of end]; an open end ("since 2014") lasts until
  the report date; no valid time at all means the report date. Curated claims without a start or an
  end reach to the beginning or the end of time. Used to group claims into facts and to compare events.
- **point observation**: a span no longer than its precision (a day, a week, "June 2017", "2017")
  or an open end. Such a claim says the relation held then; state-as-of extends it forward until it
  is superseded or goes stale (see ``orbat.reason.state``).
- **closed span**: a span longer than its precision ("from 2014 to April 2020"): valid exactly then.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from orbat.model import Claim

__all__ = [
    "Interval", "FOREVER", "parse_day", "literal_interval", "is_point", "valid_time", "is_curated", "day_number",
    "shift",
]  # fmt: skip

_PRECISION_DAYS = {"day": 1, "week": 7, "month": 31, "season": 92, "year": 366, "unknown": 1}
_EPOCH = date(2000, 1, 1)


@dataclass(frozen=True, slots=True)
class Interval:
    lo: date
    hi: date

    def overlaps(self, other: Interval, *, gap_days: int = 0) -> bool:
        slack = timedelta(days=gap_days)
        return self.lo <= _add(other.hi, slack) and other.lo <= _add(self.hi, slack)

    def contains(self, day: date) -> bool:
        return self.lo <= day <= self.hi

    def union(self, other: Interval) -> Interval:
        return Interval(min(self.lo, other.lo), max(self.hi, other.hi))


FOREVER = Interval(date.min, date.max)


def shift(day: date, days: int) -> date:
    """``day`` plus ``days``, clamped to the calendar's ends."""
    return _add(day, timedelta(days=days))


def _add(day: date, delta: timedelta) -> date:
    try:
        return day + delta
    except OverflowError:
        return date.max if delta.days > 0 else date.min


def parse_day(text: str | None, *, last: bool = False) -> date | None:
    """The first (or last) day of a possibly partial ISO date: 2017, 2017-06, 2017-06-03; None if unreadable."""
    if not text:
        return None
    parts = text[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (12 if last else 1)
        if len(parts) > 2:
            return date(year, month, int(parts[2]))
        return date(year, month, calendar.monthrange(year, month)[1] if last else 1)
    except (ValueError, IndexError):
        return None


def is_curated(claim: Claim) -> bool:
    return claim.extractor.startswith("theatre:")


def literal_interval(claim: Claim) -> Interval:
    """The days the claim speaks of (see the module docstring)."""
    return valid_time(claim)[0]


def is_point(claim: Claim) -> bool:
    """True for a point observation: an open end, or a span no longer than its precision."""
    return valid_time(claim)[1]


def valid_time(claim: Claim) -> tuple[Interval, bool]:
    """``literal_interval`` and ``is_point`` of the claim, reading each of its dates once."""
    start = parse_day(claim.valid.start)
    end = parse_day(claim.valid.end, last=True)
    if end is None or start is None:
        point = end is None
    else:
        point = (end - start).days < _PRECISION_DAYS.get(claim.valid.precision, 1)
    if is_curated(claim):
        return Interval(start or date.min, end or date.max), point
    reported = parse_day(claim.reported)
    lo = start or end or reported
    hi = end or max(filter(None, (start, reported)), default=None)
    if lo is None or hi is None:
        return FOREVER, point
    return Interval(min(lo, hi), max(lo, hi)), point


def day_number(day: date) -> float:
    """Days since 2000-01-01 (the unit of the claim_spans index)."""
    return float((day - _EPOCH).days)
