"""The data model shared by every stage: frozen dataclasses, no I/O.

Every stage receives and returns these values. Ids are deterministic so that
re-running a stage upserts instead of duplicating.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

__all__ = [
    "states_by_country",
    "COLLECTIVE_PREFIX",
    "is_collective",
    "WARSHIP_PREFIXES",
    "is_warship_name",
    "DocumentKind",
    "SegmentKind",
    "Segment",
    "OffsetMap",
    "Document",
    "COREF_SOURCE",
    "MentionLabel",
    "Mention",
    "EntityKind",
    "Alias",
    "Entity",
    "TimeSpan",
    "Evidence",
    "Fatalities",
    "Claim",
    "IdentityJudgement",
    "Analysis",
    "Fingerprint",
    "Skip",
    "RunSummary",
    "document_id",
    "normalise_for_id",
    "stable_id",
    "utc_now_iso",
]


class DocumentKind(str, Enum):
    ARTICLE = "article"
    LISTING_ITEM = "listing_item"
    OCR = "ocr"
    PLAIN = "plain"
    LISTING = "listing"  # a section front page; its items are split out as listing_item documents


class SegmentKind(str, Enum):
    """What a stretch of the clean text is. Text outside every segment is body text."""

    CAPTION = "caption"  # photo caption
    CREDIT = "credit"  # photo credit line, agency code
    PULL_QUOTE = "pull_quote"  # a quote repeated from the body in print layout
    HEADLINE = "headline"
    TEASER = "teaser"
    BOILERPLATE = "boilerplate"  # section names, "Advertisement", share buttons


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    kind: SegmentKind
    note: str = ""  # e.g. for a pull quote, where in the body it was repeated from


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps an index in the clean text back to an index in the raw text.

    Stored as runs: run ``k`` covers clean indices ``[clean_starts[k], clean_starts[k+1])``.
    In a run with step 1 the raw index advances with the clean index; in a run with
    step 0 every clean index maps to the same raw index (text the cleaner inserted).
    """

    clean_starts: tuple[int, ...] = (0,)
    raw_starts: tuple[int, ...] = (0,)
    steps: tuple[int, ...] = (1,)

    @classmethod
    def identity(cls) -> OffsetMap:
        return cls()

    def to_raw(self, clean_index: int) -> int:
        k = bisect_right(self.clean_starts, clean_index) - 1
        k = max(k, 0)
        return self.raw_starts[k] + self.steps[k] * (clean_index - self.clean_starts[k])

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw span covering clean ``[start, end)``; an empty span maps to an empty span."""
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1

    def then(self, inner: OffsetMap) -> OffsetMap:
        """Compose: ``self`` maps text C to text B, ``inner`` maps B to raw A; result maps C to A."""
        clean_starts: list[int] = []
        raw_starts: list[int] = []
        steps: list[int] = []
        bounds = list(self.clean_starts[1:]) + [None]
        for c0, b0, step, c_end in zip(self.clean_starts, self.raw_starts, self.steps, bounds):
            if step == 0:
                _append_run(clean_starts, raw_starts, steps, c0, inner.to_raw(b0), 0)
                continue
            # split this identity run at the inner run boundaries it crosses
            length = None if c_end is None else c_end - c0
            k = max(bisect_right(inner.clean_starts, b0) - 1, 0)
            offset = 0
            while True:
                b = b0 + offset
                _append_run(clean_starts, raw_starts, steps, c0 + offset, inner.to_raw(b), inner.steps[k])
                k += 1
                if k >= len(inner.clean_starts):
                    break
                nxt = inner.clean_starts[k] - b0
                if length is not None and nxt >= length:
                    break
                offset = nxt
        return OffsetMap(tuple(clean_starts), tuple(raw_starts), tuple(steps))

    def to_json(self) -> list[list[int]]:
        return [list(self.clean_starts), list(self.raw_starts), list(self.steps)]

    @classmethod
    def from_json(cls, data: list[list[int]]) -> OffsetMap:
        return cls(tuple(data[0]), tuple(data[1]), tuple(data[2]))


def _append_run(cs: list[int], rs: list[int], ss: list[int], c: int, r: int, s: int) -> None:
    """Append a run, merging it into the previous one when it simply continues it."""
    if cs and ss[-1] == s == 1 and rs[-1] + (c - cs[-1]) == r:
        return
    if cs and ss[-1] == s == 0 and rs[-1] == r:
        return
    if cs and cs[-1] == c:
        rs[-1], ss[-1] = r, s
        return
    cs.append(c)
    rs.append(r)
    ss.append(s)


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str  # the text as ingested (decoded); raw offsets index this
    clean_text: str = ""
    offsets: OffsetMap = field(default_factory=OffsetMap.identity)
    kind: DocumentKind = DocumentKind.PLAIN
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601, possibly partial: 2017, 2017-07, 2017-07-03
    updated: str | None = None
    retrieved: str | None = None
    source_id: str | None = None  # the id the input gave, if any
    source: str | None = None  # the file, URL or "stdin:N" it came from
    parent: str | None = None  # the listing page a listing item came from
    cluster: str | None = None  # near-duplicate cluster id
    segments: tuple[Segment, ...] = ()

    def segment_at(self, index: int) -> Segment | None:
        for seg in self.segments:
            if seg.start <= index < seg.end:
                return seg
        return None

    def is_body(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` touches no caption, credit, pull quote or boilerplate."""
        skip = {SegmentKind.CAPTION, SegmentKind.CREDIT, SegmentKind.PULL_QUOTE, SegmentKind.BOILERPLATE}
        return not any(s.kind in skip and s.start < end and start < s.end for s in self.segments)


COREF_SOURCE = "coref"  # a Mention's source prefix for a pronoun that stands for a name


class MentionLabel(str, Enum):
    ACTOR = "ACTOR"
    PERSON = "PERSON"
    PLACE = "PLACE"
    DATE = "DATE"
    OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class Mention:
    document: str
    start: int
    end: int
    text: str
    label: MentionLabel
    entity: str | None = None
    score: float = 0.0
    source: str = ""  # which recogniser found it: "ruler", "spacy", "pattern", "coref:<start>-<end>" …
    time: TimeSpan | None = None  # normalised value of a DATE mention

    @property
    def antecedent(self) -> tuple[int, int] | None:
        """For a pronoun standing for a name (source ``coref:<start>-<end>``, orbat.nlp.coreference),
        the span of that name; None for any other mention."""
        head, _, span = self.source.partition(":")
        lo, _, hi = span.partition("-")
        return (int(lo), int(hi)) if head == COREF_SOURCE and lo.isdigit() and hi.isdigit() else None


class EntityKind(str, Enum):
    STATE = "state"
    STATE_FORCE = "state_force"
    ARMED_GROUP = "armed_group"
    UNIT = "unit"
    PARTY = "party"
    COALITION = "coalition"
    GOVERNMENT_BODY = "government_body"
    ORGANISATION = "organisation"
    MEDIA = "media"
    PERSON = "person"
    PLACE = "place"


@dataclass(frozen=True, slots=True)
class Alias:
    name: str
    source: str  # "curated: <reference>" or "document:<id>:<start>-<end>"
    lang: str = "en"
    ambiguous: bool = False  # a short form that also means something else ("IS", "KH"): needs context


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: EntityKind
    name: str
    aliases: tuple[Alias, ...] = ()
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # PLOVER sector code
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    feature: str | None = None  # place feature type: crossing, base, town, district, province, ...
    precision: str | None = None  # exact, town, district, province, country, border_region
    provisional: bool = False  # found in text, not in a curated pack
    source: str | None = None  # where the entity itself is documented
    description: str | None = None


@dataclass(frozen=True, slots=True)
class TimeSpan:
    start: str | None = None  # ISO date
    end: str | None = None
    precision: str = "unknown"  # day, week, month, season, year, unknown


@dataclass(frozen=True, slots=True)
class Evidence:
    document: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class Fatalities:
    low: int | None = None
    best: int | None = None
    high: int | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement by one source at one place in one document."""

    id: str
    predicate: str
    subject: str | None
    object: str | None = None  # an entity id or a literal
    role: str | None = None
    place: str | None = None
    valid: TimeSpan = field(default_factory=TimeSpan)
    reported: str | None = None  # the document's date
    polarity: str = "affirmed"  # affirmed | negated
    modality: str = "asserted"
    claimant: str | None = None
    evidence: tuple[Evidence, ...] = ()
    extractor: str = ""
    confidence: float = 0.0
    review: str = "machine"  # machine | accepted | rejected
    # event fields (predicate == "event")
    event_type: str | None = None
    mode: str | None = None
    context: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()  # what an attack was made with, as the text names it
    size: str | None = None
    fatalities: Fatalities = field(default_factory=Fatalities)
    geo_precision: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    source_note: str | None = None  # for curated claims: the publication the pack cites


@dataclass(frozen=True, slots=True)
class IdentityJudgement:
    """'left is (or is not) the same as right', with its evidence. Never destructive."""

    id: str
    left: str  # an entity id or "mention:<doc>:<start>-<end>"
    right: str
    verdict: str  # positive | negative | unsure
    evidence: tuple[Evidence, ...] = ()
    source: str = ""
    made: str | None = None  # when the judgement was made


@dataclass(frozen=True, slots=True)
class Analysis:
    """What recognition, resolution and extraction found in one document."""

    document: Document
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()  # entities beyond the theatre pack it names: GeoNames places, provisional actors
    claims: tuple[Claim, ...] = ()  # alias_of claims, relations, events
    judgements: tuple[IdentityJudgement, ...] = ()
    # the spaCy Doc over document.clean_text, handed from recognition to extraction in the same
    # process so the text is parsed once; never stored, dropped before results cross processes
    parse: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What near-duplicate detection knows of one document (see orbat.clean.fingerprint)."""

    document: str
    words: int
    minhash: bytes  # PERMUTATIONS little-endian uint64 values
    bands: tuple[int, ...]
    sentences: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that could not be ingested, with a one-line reason."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class RunSummary:
    run_id: str
    added: int = 0
    duplicates: int = 0
    skipped: tuple[Skip, ...] = ()
    listing_items: int = 0
    interrupted_runs_closed: int = 0
    reanalysed: int = 0  # stored documents analysed again (a date now known, or a new analysis version)


_SPACE = re.compile(r"\s+")


def normalise_for_id(text: str) -> str:
    """Text reduced to what identifies it: NFC, whitespace collapsed, case kept."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def states_by_country(entities: Iterable[Entity]) -> dict[str, Entity]:
    """ISO3 -> the state entity of that country, among ``entities``."""
    return {e.country: e for e in entities if e.kind is EntityKind.STATE and e.country}


COLLECTIVE_PREFIX = "collective:"  # ids of collective actors ("collective:civilians:syr"), see orbat.nlp.collectives


def is_collective(entity_id: str | None) -> bool:
    """A category of people ("Civilians (Syria)"), not one body: many events hit it, any of its groups acts for it."""
    return entity_id is not None and entity_id.startswith(COLLECTIVE_PREFIX)


WARSHIP_PREFIXES = frozenset({"uss", "usns", "hms", "hmas", "hmcs", "fs", "ins", "tcg", "rfs"})  # navies' ship prefixes


def is_warship_name(name: str) -> bool:
    """"USS Hopper", "FS Charles de Gaulle": a navy's ship, one of its units (and one that holds no other unit)."""
    prefix, _, rest = name.partition(" ")
    return bool(rest) and prefix.lower() in WARSHIP_PREFIXES


def stable_id(*parts: str | None, length: int = 16) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update((part or "").encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def document_id(text: str, url: str | None) -> str:
    """Deterministic document id: a hash of the normalised text and the URL."""
    return "d" + stable_id(normalise_for_id(text), (url or "").strip())


def utc_now_iso() -> str:
    """The current UTC time, to the second, ISO 8601."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
