"""Claims: list them, show one with its evidence in context, record a reviewer's decision."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field

from orbat import store
from orbat.errors import OrbatError
from orbat.model import Evidence, utc_now_iso
from orbat.query.resolve import entity_names, resolve_optional
from orbat.store import claims as claim_store
from orbat.store.claims import ClaimQuery, ClaimRecord

__all__ = [
    "MAX_LIMIT",
    "ClaimFilter",
    "ClaimPage",
    "Quote",
    "EvidenceView",
    "Review",
    "ReviewView",
    "list_claims",
    "claim_evidence",
    "set_review",
    "bounded",
    "claimant_key",
]

MAX_LIMIT = 1000
_DECISIONS = {"accept": "accepted", "accepted": "accepted", "reject": "rejected", "rejected": "rejected",
              "reset": "machine", "machine": "machine"}  # fmt: skip


def bounded(limit: int, offset: int) -> tuple[int, int]:
    """Page bounds clamped to 1..MAX_LIMIT and >= 0."""
    return max(1, min(int(limit), MAX_LIMIT)), max(0, int(offset))


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Filters on claims; names are resolved like ``orbat actor`` does (id, name or alias)."""

    entity: str | None = None  # subject, object, actor or recipient
    subject: str | None = None
    predicate: str | None = None
    object: str | None = None
    place: str | None = None
    claimant: str | None = None  # an entity, a claimant id, or an outlet for claims in its own voice
    polarity: str | None = None
    modality: str | None = None
    review: str | None = None  # machine | accepted | rejected (rejected claims are listed only when asked)
    document: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class ClaimPage:
    claims: tuple[ClaimRecord, ...]
    total: int
    limit: int
    offset: int
    names: Mapping[str, str] = field(default_factory=dict)  # entity id → name, for every id on the page


@dataclass(frozen=True, slots=True)
class Quote:
    evidence: Evidence
    paragraph: str  # the paragraph of the clean text holding the quote
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class Review:
    decision: str
    reviewer: str
    made: str


@dataclass(frozen=True, slots=True)
class EvidenceView:
    record: ClaimRecord
    claimant: str  # who says so (claimant, else outlet, else the curated publication)
    quotes: tuple[Quote, ...]
    duplicates: tuple[dict[str, object], ...]  # the other members of the document's duplicate cluster
    reviews: tuple[Review, ...]
    names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReviewView:
    claim_id: str
    review: str  # the decision now in force
    history: tuple[Review, ...]  # oldest first


def claimant_key(conn: sqlite3.Connection, claimant: str | None) -> str | None:
    """An entity id when the claimant names an entity, else the text itself (a claimant id or an outlet)."""
    if claimant is None:
        return None
    try:
        return resolve_optional(conn, claimant)
    except OrbatError:
        return claimant  # a claimant:… id or an outlet name


def list_claims(conn: sqlite3.Connection, filt: ClaimFilter) -> ClaimPage:
    limit, offset = bounded(filt.limit, filt.offset)
    place = resolve_optional(conn, filt.place)
    q = ClaimQuery(
        predicates=(filt.predicate,) if filt.predicate else (), entity=resolve_optional(conn, filt.entity),
        subjects=tuple(filter(None, [resolve_optional(conn, filt.subject)])),
        objects=tuple(filter(None, [resolve_optional(conn, filt.object)])), places=(place,) if place else (),
        claimant=claimant_key(conn, filt.claimant), polarity=filt.polarity, modality=filt.modality,
        review=filt.review, document=filt.document, date_from=filt.date_from, date_to=filt.date_to,
        limit=limit, offset=offset,
    )  # fmt: skip
    records, total = claim_store.find_claim_records(conn, q)
    return ClaimPage(tuple(records), total, limit, offset, entity_names(conn, records))


def _one_claim(conn: sqlite3.Connection, claim_id: str) -> ClaimRecord:
    found = claim_store.claim_records(conn, [claim_id])
    if not found:
        raise OrbatError(f"no claim {claim_id!r}; list claim ids with `orbat claims`")
    return found[0]


def paragraph_around(text: str, start: int, end: int) -> str:
    """The paragraph (blank-line separated, else line) holding [start, end)."""
    for sep in ("\n\n", "\n"):
        lo = text.rfind(sep, 0, start)
        hi = text.find(sep, end)
        lo = 0 if lo < 0 else lo + len(sep)
        hi = len(text) if hi < 0 else hi
        if hi - lo <= 2000 or sep == "\n":
            return text[lo:hi].strip()
    return text[start:end]


def claim_evidence(conn: sqlite3.Connection, claim_id: str) -> EvidenceView:
    """A claim with each quote in its paragraph, the document's outlet, date and url, and its duplicates."""
    record = _one_claim(conn, claim_id)
    docs = claim_store.document_texts(conn, [e.document for e in record.claim.evidence] + [record.document])
    quotes = []
    for e in record.claim.evidence:
        d = docs.get(e.document)
        paragraph = paragraph_around(d["clean_text"], e.start, e.end) if d else e.quote
        quotes.append(Quote(e, paragraph, d and d["title"], d and d["outlet"], d and d["published"], d and d["url"]))
    home = docs.get(record.document)
    members = store.cluster_members(conn, home["cluster"]) if home and home["cluster"] else []
    duplicates = tuple(dict(m) for m in members if m["id"] != record.document)
    history = tuple(Review(*h) for h in claim_store.review_history(conn, claim_id))
    return EvidenceView(record, record.voice, tuple(quotes), duplicates, history, entity_names(conn, [record]))


def set_review(conn: sqlite3.Connection, claim_id: str, decision: str, reviewer: str) -> ReviewView:
    """Record a decision (accept, reject, reset to machine). Every decision is kept; the latest wins."""
    wanted = _DECISIONS.get(decision.strip().lower())
    if wanted is None:
        raise OrbatError(f"unknown review decision {decision!r}; use accept, reject or reset")
    if not reviewer.strip():
        raise OrbatError("a review needs a reviewer name; pass --by NAME")
    with store.transaction(conn):
        if not claim_store.add_review(conn, claim_id, wanted, reviewer.strip(), utc_now_iso()):
            raise OrbatError(f"no claim {claim_id!r}; list claim ids with `orbat claims`")
    history = tuple(Review(*h) for h in claim_store.review_history(conn, claim_id))
    return ReviewView(claim_id, wanted, history)
