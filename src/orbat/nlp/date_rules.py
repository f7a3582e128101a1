"""The rule table behind :mod:`orbat.nlp.dates`: calendar arithmetic, patterns and resolvers.

A rule is a compiled pattern and a resolver. The pattern's group ``x`` is the expression
(a leading "in"/"on" that only gives context stays outside it). A resolver turns a match
and a reference day (the publication date, or ``None`` when it is unknown) into a
:class:`Resolved` span, or ``None`` when the expression needs a reference it does not have.
Rules of kind ``shift`` ("two days after the attack", "a week earlier") return a
:class:`Shift` instead, which the caller resolves against an anchor.

Everything here is constant: compiled patterns and pure functions, no module state.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Resolved", "Shift", "Rule", "RULES", "PRECISIONS", "coarser", "coarsen", "shift_span",
           "month_end", "add_months", "is_count_noun"]

PRECISIONS = ("day", "week", "month", "season", "year", "unknown")
_RANK = {p: i for i, p in enumerate(PRECISIONS)}
# units that text counts in, and the precision each gives
_UNIT_PRECISION = {"hour": "day", "day": "day", "week": "week", "fortnight": "week",
                   "month": "month", "year": "year", "decade": "year"}


@dataclass(frozen=True, slots=True)
class Resolved:
    start: date
    end: date
    precision: str


@dataclass(frozen=True, slots=True)
class Shift:
    """``lo``..``hi`` units after (positive) or before (negative) an anchor still to be found."""

    lo: int
    hi: int
    unit: str
    anchor: str | None  # the event phrase ("the attack"); None: the previous date in the text
    anchor_start: int = -1  # offset of the event phrase in the matched text


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], date | None], Resolved | Shift | None]
    guard: str = ""  # "month" / "year": the finder checks the surrounding words first
    # against a partial publication date ("2017-07"): "union" resolves against its first and
    # last day and keeps both; "latest" (calendar names: "May 29", "in June") uses its last day
    partial: str = "union"
    # every match holds one of these (lower-cased) words and lies within ``reach`` characters of it
    # on either side, so the finder scans only the text around them; () scans the whole text
    needs: tuple[str, ...] = ()
    reach: int = 64


# --- calendar ------------------------------------------------------------------------------

def coarser(a: str, b: str) -> str:
    return a if _RANK[a] >= _RANK[b] else b


def month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, min(d.day, month_end(y, m + 1).day))


def _add(d: date, n: int, unit: str) -> date:
    if unit == "hour":
        return d + timedelta(days=int(n / 24))
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "fortnight"):
        return d + timedelta(days=n * (14 if unit == "fortnight" else 7))
    if unit == "month":
        return add_months(d, n)
    return add_months(d, n * (120 if unit == "decade" else 12))


def coarsen(start: date, end: date, precision: str) -> Resolved:
    """Widen ``start..end`` to whole weeks, months or years."""
    if precision == "week":
        start, end = start - timedelta(days=start.weekday()), end + timedelta(days=6 - end.weekday())
    elif precision in ("month", "season"):
        start, end = start.replace(day=1), month_end(end.year, end.month)
    elif precision == "year":
        start, end = date(start.year, 1, 1), date(end.year, 12, 31)
    return Resolved(start, end, precision)


def shift_span(base: Resolved, lo: int, hi: int, unit: str) -> Resolved:
    """``base`` moved by ``lo``..``hi`` units (negative: earlier), widened to the unit's precision."""
    precision = coarser(base.precision, _UNIT_PRECISION[unit])
    start, end = _add(base.start, lo, unit), _add(base.end, hi, unit)
    return Resolved(start, end, precision) if precision == base.precision else coarsen(start, end, precision)


def _recent_month(ref: date, month: int, strict: bool = False) -> Resolved:
    """The latest month ``month`` on or before (``strict``: before) the reference month."""
    year = ref.year if (month < ref.month or (month == ref.month and not strict)) else ref.year - 1
    return Resolved(date(year, month, 1), month_end(year, month), "month")


def _season(name: str, year: int) -> tuple[date, date]:
    first = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[name]
    start = date(year, first, 1)
    return start, add_months(start, 3) - timedelta(days=1)


def _recent_season(name: str, ref: date, containing: bool) -> Resolved:
    for year in (ref.year, ref.year - 1, ref.year - 2):
        start, end = _season(name, year)
        if start <= ref and (containing or end < ref):
            return Resolved(start, end, "season")
    raise AssertionError("unreachable: a season starts every year")


# --- vocabulary ----------------------------------------------------------------------------

def _cased(*words: str) -> str:
    return "|".join(alt for w in words for alt in (w, w.upper()))


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_MONTH_NUMBER = {name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
MONTH_FULL = rf"(?:{_cased(*_MONTH_NAMES)})(?![\w-])"
MONTH = (rf"(?:{_cased(*_MONTH_NAMES)}|(?:{_cased('Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec')})\.?)"
         r"(?![\w-])")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY = rf"(?:{_cased(*_WEEKDAYS)})(?:s(?=['’]|\s+[a-z]))?(?!\w)"  # "Tuesdays" is "Tuesday's" with its apostrophe lost
_WD_PREFIX = rf"(?:(?:{_cased(*_WEEKDAYS, 'Mon', 'Tues', 'Tue', 'Wed', 'Thurs', 'Thu', 'Fri', 'Sat', 'Sun')})\.?,?\s+)?"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d,]\d|\w)"
_NUM_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
              "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
              "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_VAGUE = {"a few": (2, 5), "few": (2, 5), "several": (3, 7), "a couple of": (2, 3),
          "couple of": (2, 3), "some": (2, 7)}
AMOUNT = r"(?:\d{1,3}|a\s+few|a\s+couple\s+of|couple\s+of|few|several|" + "|".join(_NUM_WORDS) + ")"
UNIT = r"(?:hour|day|week|fortnight|month|year|decade)"
_PART = (r"(?:(?P<part>early|mid|late)[\s-]+|(?:the\s+)?(?P<part2>end|beginning|start|middle|first\s+half|second\s+half|"
         r"(?:first|second|third|last)\s+week)\s+of\s+)")
_COUNT_NOUNS = frozenset(
    "people persons troops soldiers fighters militants civilians men women children members families "
    "refugees detainees prisoners militiamen rebels jihadists gunmen dead deaths casualties victims "
    "residents homes houses buildings vehicles tanks rockets missiles shells drones airstrikes rounds "
    "tons tonnes km kilometres kilometers miles metres meters feet dollars euros barrels displaced "
    "wounded injured killed kg pounds more others cases".split())


def is_count_noun(word: str) -> bool:
    return word.lower() in _COUNT_NOUNS


def _amount(text: str) -> tuple[int, int]:
    key = " ".join(text.lower().split())
    if key in _VAGUE:
        return _VAGUE[key]
    n = int(key) if key.isdigit() else _NUM_WORDS[key]
    return n, n


def _month(name: str) -> int:
    return _MONTH_NUMBER[name[:3].lower()]


def _int(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _g(m: re.Match[str], name: str) -> str:
    """Group ``name`` in lower case, "" when it did not take part (or the pattern has none)."""
    return (m[name] or "").lower() if name in m.re.groupindex else ""


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# --- resolvers -----------------------------------------------------------------------------

def _day_in_year(month: int, day: int, year: int | None, ref: date | None) -> Resolved | None:
    if year is None:
        if ref is None:
            return None
        year = ref.year
        if not 1 <= month <= 12:
            return None
        if date(year, month, min(day, month_end(year, month).day)) > ref + timedelta(days=7):
            year -= 1
    if not (1 <= month <= 12 and 1 <= day <= month_end(year, month).day):
        return None
    return Resolved(date(year, month, day), date(year, month, day), "day")


def _explicit_day(m: re.Match[str], ref: date | None) -> Resolved | None:
    year = int(m["y"]) if m["y"] else None
    first = _day_in_year(_month(m["mon"]), _int(m["d"]), year, ref)
    if first is None or not m["d2"]:
        return first
    last = _day_in_year(_month(m["mon"]), _int(m["d2"]), first.start.year, None)
    return Resolved(first.start, last.end, "day") if last and last.end > first.start else first


def _iso_day(m: re.Match[str], ref: date | None) -> Resolved | None:
    return _day_in_year(int(m["m"]), int(m["d"]), int(m["y"]), None)


def _numeric_day(m: re.Match[str], ref: date | None) -> Resolved | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    year = y if y > 99 else 2000 + y
    readings = [r for r in (_day_in_year(a, b, year, None) if a <= 12 else None,  # month/day/year
                            _day_in_year(b, a, year, None) if b <= 12 else None)  # day/month/year
                if r is not None]
    if ref is not None and len(readings) == 2:
        readings = [r for r in readings if r.start <= ref + timedelta(days=7)] or readings
    if len({r.start for r in readings}) != 1:
        return None  # ambiguous or impossible
    return readings[0]


def _part_of_month(year: int, month: int, part: str | None) -> Resolved:
    last = month_end(year, month).day
    bounds = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20),
              "middle": (11, 20), "late": (21, last), "end": (21, last), "first half": (1, 15),
              "second half": (16, last), "first week": (1, 7), "second week": (8, 14), "third week": (15, 21),
              "last week": (last - 6, last)}.get(part or "", (1, last))
    return Resolved(date(year, month, bounds[0]), date(year, month, bounds[1]), "month")


def _part_of_year(year: int, part: str | None, precision: str = "year") -> Resolved:
    months = {"early": (1, 4), "beginning": (1, 4), "start": (1, 4), "mid": (5, 8), "middle": (5, 8),
              "late": (9, 12), "end": (9, 12), "first half": (1, 6), "second half": (7, 12)}
    first, last = months.get(part or "", (1, 12))
    return Resolved(date(year, first, 1), month_end(year, last), precision)


def _part(m: re.Match[str]) -> str | None:
    part = _g(m, "part") or _g(m, "part2")
    return " ".join(part.split()) if part else None


def _month_year(m: re.Match[str], ref: date | None) -> Resolved:
    return _part_of_month(int(m["y"]), _month(m["mon"]), _part(m))


def _month_relative(m: re.Match[str], ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    month = _month(m["mon"])
    rel = _g(m, "rel")
    if rel in ("next", "coming"):
        year = ref.year if month > ref.month else ref.year + 1
        found = Resolved(date(year, month, 1), month_end(year, month), "month")
    elif rel == "this":
        found = Resolved(date(ref.year, month, 1), month_end(ref.year, month), "month")
    else:
        found = _recent_month(ref, month, strict=rel in ("last", "past", "previous"))
    part = _part(m)
    return _part_of_month(found.start.year, month, part) if part else found


def _month_of_year(m: re.Match[str], ref: date | None) -> Resolved | None:
    """"October last year", "in June this year"."""
    if ref is None:
        return None
    year = ref.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    return _part_of_month(year, _month(m["mon"]), _part(m))


def _year(m: re.Match[str], ref: date | None) -> Resolved:
    return _part_of_year(int(m["y"]), _part(m))


def _year_range(m: re.Match[str], ref: date | None) -> Resolved | None:
    y1, tail = int(m["y1"]), m["y2"]
    y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
    if len(tail) == 2 and m["sep"] == "-" and 1 <= int(tail) <= 12 and int(tail) <= y1 % 100:
        return Resolved(date(y1, int(tail), 1), month_end(y1, int(tail)), "month")  # 2017-07
    if not y1 < y2 <= y1 + 100:
        return None
    return Resolved(date(y1, 1, 1), date(y2, 12, 31), "year")


def _decade(m: re.Match[str], ref: date | None) -> Resolved:
    start = int(m["dec"])
    first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get((m["part"] or "").lower(), (0, 9))
    return Resolved(date(start + first, 1, 1), date(start + last, 12, 31), "year")


def _season_year(m: re.Match[str], ref: date | None) -> Resolved:
    name, year = m["s"].lower(), int(m["y"])
    if name == "winter" and m["y2"]:  # "winter 2013-14": the winter that spans both years
        year = year if int(m["y2"][-2:]) == (year + 1) % 100 else year - 1
    start, end = _season(name, year)
    return Resolved(start, end, "season")


def _season_relative(m: re.Match[str], ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    name, rel = m["s"].lower(), (m["rel"] or "").lower()
    if rel in ("next", "coming"):
        for year in (ref.year, ref.year + 1):
            start, end = _season(name, year)
            if start > ref:
                return Resolved(start, end, "season")
    if rel == "this":
        start, end = _season(name, ref.year if name != "winter" or ref.month > 2 else ref.year - 1)
        return Resolved(start, end, "season")
    return _recent_season(name, ref, containing=rel not in ("last", "past", "previous"))


def _weekday(m: re.Match[str], ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    wd = _WEEKDAYS.index(m["wd"].title().rstrip("s"))
    rel = (m["rel"] or "").lower()
    back = (ref.weekday() - wd) % 7
    if rel in ("next", "coming"):
        day = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
    elif rel == "this":
        day = ref - timedelta(days=ref.weekday()) + timedelta(days=wd)
    else:
        day = ref - timedelta(days=back or (7 if rel in ("last", "past", "previous") else 0))
    return Resolved(day, day, "day")


def _weekend(m: re.Match[str], ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
    rel = (m["rel"] or "").lower()
    if rel == "this":  # the weekend of this week, ahead on a weekday
        saturday = ref + timedelta(days=5 - ref.weekday()) if ref.weekday() < 5 else saturday
    elif rel in ("next", "coming"):
        saturday += timedelta(days=7)
    elif rel in ("last", "past", "previous") and ref.weekday() >= 5:
        saturday -= timedelta(days=7)
    return Resolved(saturday, saturday + timedelta(days=1), "day")


_DAY_WORDS = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1, "last night": -1,
              "tomorrow": 1}


def _day_word(m: re.Match[str], ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    day = ref + timedelta(days=_DAY_WORDS.get(" ".join(m["x"].lower().split()), 0))
    return Resolved(day, day, "day")


def _calendar_unit(m: re.Match[str], ref: date | None) -> Resolved | None:
    """this/last/next week, month, year, decade; earlier this month; the end of the year."""
    if ref is None:
        return None
    unit, rel = m["u"].lower(), _g(m, "rel") or "this"
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit == "decade":
        start = date(ref.year // 10 * 10 + 10 * step, 1, 1)
        return Resolved(start, date(start.year + 9, 12, 31), "year")
    point = _add(ref, step, unit)
    span = coarsen(point, point, unit)
    edge, part = _g(m, "edge"), _part(m)
    if edge == "earlier":
        return Resolved(span.start, min(span.end, ref), span.precision)
    if edge == "later":
        return Resolved(max(span.start, ref), span.end, span.precision)
    if part and unit == "year":
        return _part_of_year(span.start.year, part)
    if part and unit == "month":
        return _part_of_month(span.start.year, span.start.month, part)
    return span


# "recent days": the last 7 days; "recent weeks": 6 weeks; and so on
_RECENT = {"days": (7, "day", "day"), "weeks": (6, "week", "week"), "months": (6, "month", "month"),
           "years": (5, "year", "year"), "decades": (20, "year", "year")}


def _rolling(m: re.Match[str], ref: date | None) -> Resolved | None:
    """A span ending at (for "the coming weeks": starting at) the reference day."""
    if ref is None:
        return None
    if m["recent"]:
        n, unit, precision = _RECENT[m["u2"].lower()]
        return Resolved(_add(ref, -n, unit), ref, precision)
    unit = m["u"].lower()
    if m["n"]:
        hi = _amount(m["n"])[1]
    elif m["x"].lower().endswith("s") and unit + "s" in _RECENT:  # "the coming days": as vague as "recent days"
        hi, unit, _ = _RECENT[unit + "s"]
    else:
        hi = 1
    precision = _UNIT_PRECISION[unit]
    if _g(m, "dir") in ("next", "coming", "following"):
        return Resolved(ref, _add(ref, hi, unit), precision)
    return Resolved(_add(ref, -hi, unit), ref, precision)


def _ago(m: re.Match[str], ref: date | None) -> Resolved | None:
    if ref is None:
        return None
    lo, hi = _amount(m["n"])
    unit = m["u"].lower()
    return shift_span(Resolved(ref, ref, "day"), -hi, -lo, unit)


_BACKWARD = frozenset({"before", "earlier", "prior to", "previous", "preceding"})


def _shift(m: re.Match[str], ref: date | None) -> Shift:
    """"two days after X", "a week earlier", "the next day", "that day"."""
    word = " ".join((_g(m, "dir") or _g(m, "dir2")).split())
    sign = 0 if _g(m, "that") or word == "same" else -1 if word in _BACKWARD else 1
    if _g(m, "n"):
        lo, hi = _amount(m["n"])
    else:
        lo, hi = (2, 5) if _g(m, "vague") else (1, 1)
    unit = (_g(m, "u") or _g(m, "vague") or _g(m, "u1") or _g(m, "u3")).rstrip("s")
    lo, hi = (-hi * abs(sign), -lo * abs(sign)) if sign < 0 else (lo * sign, hi * sign)
    if _g(m, "anchor"):
        return Shift(lo, hi, unit, m["anchor"], m.start("anchor") - m.start("x"))
    return Shift(lo, hi, unit, None)


# --- the rule table ------------------------------------------------------------------------

# the event phrase: up to the end of its clause, or its first ten words
_AW = r"(?:[^\s,;:!?()\[\]\"“”.]|\.(?=\w))+"
_ANCHOR = (rf"(?P<anchor>{_AW}(?:\s+{_AW}){{0,9}}?"
           r"(?=\s*(?:[\n,;:!?()\[\]\"“”]|\.(?!\w)|$)|\s+(?:but|while|when|whereas|which|who|according|said|says)\b)"
           rf"|{_AW}(?:\s+{_AW}){{9}})")
_SHIFT_AMOUNT = (rf"(?:(?P<n>{AMOUNT})\s+(?P<u>{UNIT})s?|(?P<vague>hours|days|weeks|months|years))")
_MONTH_NEEDS = tuple(name[:3].lower() for name in _MONTH_NAMES)
_SEASON_NEEDS = ("spring", "summer", "autumn", "winter", "fall")
_UNIT_NEEDS = ("hour", "day", "week", "month", "year", "decade")
RULES: tuple[Rule, ...] = (
    Rule("iso", _c(r"(?<![\d-])(?P<x>(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d))(?![\d-])"), _iso_day, needs=("-",)),
    Rule("numeric", _c(r"(?<![\d/.])(?P<x>(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d|\d\d))(?![\d/])"),
         _numeric_day, partial="latest", needs=("/",)),
    Rule("month_day", _c(rf"\b(?P<x>{_WD_PREFIX}(?P<mon>{MONTH})\s+(?P<d>{DAY})(?:\s*[-–]\s*(?P<d2>{DAY}))?"
                         rf"(?:,?\s+(?P<y>{YEAR}))?)"), _explicit_day, partial="latest", needs=_MONTH_NEEDS),
    Rule("day_month", _c(rf"(?<![\d,.])\b(?P<x>{_WD_PREFIX}(?:(?i:the)\s+)?(?P<d>{DAY})(?:\s*[-–]\s*(?P<d2>{DAY}))?"
                         rf"(?:\s+(?i:of))?\s+(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?)"), _explicit_day, partial="latest", needs=_MONTH_NEEDS),
    Rule("month_year", _c(rf"\b(?P<x>(?i:{_PART})?(?P<mon>{MONTH})(?:\s+(?i:of))?,?\s+(?P<y>{YEAR}))"), _month_year, needs=_MONTH_NEEDS),
    Rule("month_part", _c(rf"\b(?P<x>(?i:{_PART})(?P<mon>{MONTH}))"), _month_relative, partial="latest", needs=_MONTH_NEEDS),
    Rule("month_rel", _c(rf"\b(?P<x>(?i:(?P<rel>last|this|next|past|previous|coming))\s+(?P<mon>{MONTH_FULL}))"),
         _month_relative, partial="latest", needs=_MONTH_NEEDS),
    Rule("month_of_year", _c(rf"\b(?P<x>(?i:{_PART})?(?P<mon>{MONTH_FULL})\s+(?i:(?P<rel>last|this|next)\s+year))\b"),
         _month_of_year, needs=("year",)),
    Rule("month", _c(rf"\b(?P<x>(?P<mon>{MONTH_FULL}))(?!\s*\d)"), _month_relative, partial="latest", guard="month", needs=_MONTH_NEEDS),
    Rule("season_year", _c(rf"\b(?P<x>(?i:(?:the\s+)?(?P<s>summer|winter|spring|autumn|fall)\s+(?:of\s+)?)"
                           rf"(?P<y>{YEAR})(?:\s*[-–/]\s*(?P<y2>\d{{4}}|\d\d)(?!\d))?)"), _season_year, needs=_SEASON_NEEDS),
    Rule("season_rel", _c(r"\b(?P<x>(?i:(?:(?P<rel>last|this|next|past|previous|coming)|the)\s+"
                          r"(?P<s>summer|winter|spring|autumn)))\b"), _season_relative, partial="latest", needs=_SEASON_NEEDS),
    Rule("decade", _c(r"\b(?P<x>(?i:(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<dec>(?:1[89]|20)\d0)'?s))\b"),
         _decade, needs=("0s", "0's")),
    Rule("year_range", _c(r"(?<![\d,.-])(?P<x>(?P<y1>(?:1[89]|20)\d\d)(?P<sep>\s*[-–—/]\s*)"
                          r"(?P<y2>(?:1[89]|20)\d\d|\d\d))(?![\d/-]|,\d)"), _year_range),
    Rule("year_part", _c(rf"\b(?P<x>(?i:{_PART}|the\s+year\s+)(?P<y>{YEAR}))"), _year),
    Rule("year", _c(rf"(?<![\w,.$£€-])(?<!\d\s)(?P<x>(?P<y>{YEAR}))(?![-\s]?\d{{3}}|/\d)"), _year, guard="year"),
    Rule("weekday", _c(rf"\b(?P<x>(?:(?i:(?P<rel>last|this|next|past|previous|coming|early|late))\s+)?(?P<wd>{WEEKDAY})"
                       r"(?:\s+(?i:morning|afternoon|evening|night))?)"), _weekday, needs=("day",)),
    Rule("weekend", _c(r"\b(?P<x>(?i:(?:(?P<rel>last|this|next|past|previous|coming)|the)\s+weekend))\b"), _weekend, needs=("weekend",)),
    Rule("day_word", _c(r"\b(?P<x>(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|yesterday|today|tonight|"
                        r"tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)))\b"), _day_word, needs=("yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening")),
    Rule("calendar", _c(r"\b(?P<x>(?i:(?:(?P<edge>earlier|later)\s+|(?P<part>early|late)\s+)?"
                        r"(?P<rel>this|last|next|previous|coming|current)\s+(?P<u>week|month|year|decade)))\b"),
         _calendar_unit, needs=_UNIT_NEEDS),
    Rule("calendar_part", _c(r"\b(?P<x>(?i:(?:the\s+)?(?P<part2>end|beginning|start|middle|first\s+half|second\s+half)"
                             r"\s+of\s+(?:the\s+(?:current\s+)?|(?P<rel>this|last|next|previous)\s+)(?P<u>month|year)))\b"),
         _calendar_unit, needs=("of",)),
    Rule("shift_anchor", _c(rf"\b(?P<x>(?i:(?:{_SHIFT_AMOUNT}|(?P<the>the)\s+(?P<u1>day|week|month|year))"
                            rf"\s+(?P<dir>after|before|following|prior\s+to)\s+){_ANCHOR})"), _shift, needs=("after", "before", "following", "prior to"),
         reach=256),  # the event phrase after the word runs up to ten words
    Rule("shift", _c(rf"\b(?P<x>(?i:{_SHIFT_AMOUNT}\s+(?P<dir>earlier|later|before|after)"
                     r"(?=\s*(?:[,.;:!?)]|$|\s(?:the|a|an|in|on|at)\s))"
                     r"|(?P<the>the)\s+(?P<dir2>next|following|previous|preceding|same)\s+(?P<u1>day|week|month|year)"
                     r"|(?P<that>that)\s+(?P<u3>day|week|month|year)))\b"), _shift, needs=("earlier", "later", "before", "after", "next", "following", "previous", "preceding", "same", "that")),
    Rule("rolling", _c(rf"\b(?P<x>(?i:(?:the\s+|this\s+)?(?P<dir>past|last|previous|preceding|next|coming|following)\s+"
                       rf"(?:(?P<n>{AMOUNT})\s+)?(?P<u>hour|day|week|month|year|decade)s?|(?P<recent>recent)\s+"
                       r"(?P<u2>days|weeks|months|years|decades)))\b"), _rolling, needs=_UNIT_NEEDS),
    Rule("ago", _c(rf"\b(?P<x>(?i:(?P<n>{AMOUNT})\s+(?P<u>{UNIT})s?\s+ago))\b"), _ago, needs=("ago",)),
)
