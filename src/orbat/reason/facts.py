"""Facts: claims about one relation at one time, with who says so and how independently.

Rules:

- Only non-event claims that are not rejected and whose modality asserts something (not
  ``hypothetical``, ``future`` or ``feared``) make facts.
- Claims are grouped by (subject, predicate, object, role); for the symmetric predicates
  ``allied_with`` and ``opposed_to`` subject and object are put in a fixed order first.
- Within a group, claims whose literal valid intervals overlap, or lie within ``merge_gap_days`` of
  each other, form one fact (chains merge: A~B and B~C give one fact). Its valid span is the union.
- Independent sources are counted once per duplicate cluster: syndicated copies of one story, or
  several claims in one document, are one source. A curated claim is one source of its own.
- ``affirmed_count`` / ``negated_count`` count independent sources on each side.
- The fact's polarity is the side with more independent sources (affirmed on a tie); the claims of
  the other side are its ``contradicting`` claims.
- ``status``: ``contested`` when both sides have a source, else ``denied`` when only negated,
  else ``corroborated`` with two or more independent sources, else ``single_source``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from orbat.model import TimeSpan
from orbat.reason.time import FOREVER, Interval, literal_interval
from orbat.store.claims import ClaimRecord

__all__ = ["Fact", "build_facts", "fact_key", "time_groups", "asserting", "SYMMETRIC", "NON_ASSERTING"]

SYMMETRIC = frozenset({"allied_with", "opposed_to"})
NON_ASSERTING = frozenset({"hypothetical", "future", "feared"})
DEFAULT_MERGE_GAP_DAYS = 30


@dataclass(frozen=True, slots=True)
class Fact:
    subject: str | None
    predicate: str
    object: str | None
    role: str | None
    valid: TimeSpan  # union of the claims' literal intervals; None ends are open
    first_reported: str | None
    last_reported: str | None
    claims: tuple[str, ...]  # claim ids, oldest report first
    independent_sources: int
    claimants: tuple[str, ...]  # who says so: claimant, else outlet, else the curated publication
    affirmed_count: int  # independent sources affirming
    negated_count: int  # independent sources denying
    contradicting: tuple[str, ...]  # ids of the claims on the minority side
    status: str  # corroborated | single_source | contested | denied
    curated: bool = False  # a curated pack relation is among the claims

    @property
    def polarity(self) -> str:
        return "negated" if self.negated_count > self.affirmed_count else "affirmed"


def asserting(record: ClaimRecord) -> bool:
    c = record.claim
    return c.predicate != "event" and c.review != "rejected" and c.modality not in NON_ASSERTING


def fact_key(record: ClaimRecord) -> tuple[str | None, str, str | None, str | None]:
    c = record.claim
    subject, obj = c.subject, c.object
    if c.predicate in SYMMETRIC and (subject or "") > (obj or ""):
        subject, obj = obj, subject
    return subject, c.predicate, obj, c.role


def build_facts(records: Iterable[ClaimRecord], *, merge_gap_days: int = DEFAULT_MERGE_GAP_DAYS) -> list[Fact]:
    """Facts from claims (see the module docstring), ordered by key then time."""
    groups: dict[tuple[str | None, str, str | None, str | None], list[ClaimRecord]] = {}
    for r in records:
        if asserting(r):
            groups.setdefault(fact_key(r), []).append(r)
    facts: list[Fact] = []
    for key in sorted(groups, key=lambda k: tuple(x or "" for x in k)):
        for members, span in time_groups(groups[key], merge_gap_days):
            facts.append(_fact(key, members, span))
    return facts


def time_groups(records: list[ClaimRecord], gap_days: int) -> list[tuple[list[ClaimRecord], Interval]]:
    """Chains of overlapping literal intervals, in time order."""
    spans = sorted(((literal_interval(r.claim), r) for r in records), key=lambda p: (p[0].lo, p[0].hi, p[1].claim.id))
    out: list[tuple[list[ClaimRecord], Interval]] = []
    for span, r in spans:
        if out and (out[-1][1].overlaps(span, gap_days=gap_days)):
            out[-1][0].append(r)
            out[-1] = (out[-1][0], out[-1][1].union(span))
        else:
            out.append(([r], span))
    return out


def _fact(key: tuple[str | None, str, str | None, str | None], members: Sequence[ClaimRecord], span: Interval) -> Fact:
    ordered = sorted(members, key=lambda r: (r.claim.reported or "", r.claim.id))
    affirmed = {r.source_key for r in ordered if r.claim.polarity != "negated"}
    negated = {r.source_key for r in ordered if r.claim.polarity == "negated"}
    minority = "negated" if len(affirmed) >= len(negated) else "affirmed"
    status = "contested" if affirmed and negated else "denied" if negated else (
        "corroborated" if len(affirmed) > 1 else "single_source")  # fmt: skip
    reported = [r.claim.reported for r in ordered if r.claim.reported]
    return Fact(
        subject=key[0], predicate=key[1], object=key[2], role=key[3],
        valid=_span(span), first_reported=min(reported, default=None), last_reported=max(reported, default=None),
        claims=tuple(r.claim.id for r in ordered), independent_sources=len(affirmed | negated),
        claimants=tuple(dict.fromkeys(r.voice for r in ordered)), affirmed_count=len(affirmed),
        negated_count=len(negated), contradicting=tuple(r.claim.id for r in ordered if _side(r) == minority),
        status=status, curated=any(r.curated for r in ordered),
    )  # fmt: skip


def _side(record: ClaimRecord) -> str:
    return "negated" if record.claim.polarity == "negated" else "affirmed"


def _span(span: Interval) -> TimeSpan:
    if span == FOREVER:
        return TimeSpan()
    lo = None if span.lo == FOREVER.lo else span.lo.isoformat()
    hi = None if span.hi == FOREVER.hi else span.hi.isoformat()
    return TimeSpan(lo, hi, "day" if lo and hi else "unknown")
