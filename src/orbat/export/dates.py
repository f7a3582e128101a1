"""Our dates are ISO 8601 and possibly partial ("2017", "2017-07", "2017-07-03", or a full timestamp);
ACLED wants a full date and STIX a full UTC timestamp. These turn a partial date into the period it
names, so nothing is invented: "2017-07" starts at 2017-07-01 and ends before 2017-08-01.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

__all__ = ["EPOCH", "period_start", "period_after", "full_date", "stix_timestamp"]

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)  # the stand-in for "no date known" where one is required
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _parse(value: str | None) -> tuple[datetime, str] | None:
    """(first instant in UTC, unit) of a date; the unit is year, month, day or instant. None if unreadable."""
    if not value:
        return None
    m = _PARTIAL.fullmatch(value.strip())
    try:
        if m:
            year, month, day = m.group(1), m.group(2), m.group(3)
            unit = "day" if day else "month" if month else "year"
            return datetime(int(year), int(month or 1), int(day or 1), tzinfo=timezone.utc), unit
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc), "instant"


def period_start(value: str | None) -> datetime | None:
    """The first instant of the period a date names."""
    parsed = _parse(value)
    return parsed[0] if parsed else None


def period_after(value: str | None) -> datetime | None:
    """The first instant after the period a date names (an instant names itself)."""
    parsed = _parse(value)
    if parsed is None:
        return None
    start, unit = parsed
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "month":
        return start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    return start.replace(year=start.year + 1) if unit == "year" else start


def full_date(value: str | None) -> str | None:
    """YYYY-MM-DD of the first day of the period a date names."""
    start = period_start(value)
    return start.date().isoformat() if start else None


def stix_timestamp(moment: datetime | None) -> str:
    """A STIX timestamp (UTC, millisecond precision, as ``created`` and ``modified`` require)."""
    moment = (moment or EPOCH).astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
