"""Events by actor, type, place, radius, date and claimant; the timeline of an actor or a place."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field

from orbat.query.claims import bounded, claimant_key
from orbat.query.resolve import entity_names, resolve_optional
from orbat.reason.events import distance_km
from orbat.store import claims as claim_store
from orbat.store.claims import ClaimQuery, ClaimRecord

__all__ = ["EventFilter", "EventPage", "find_events", "timeline", "places_near"]


@dataclass(frozen=True, slots=True)
class EventFilter:
    actor: str | None = None  # id, name or alias; matches actors and recipients
    event_type: str | None = None  # PLOVER type, e.g. ASSAULT
    place: str | None = None
    near: tuple[float, float, float] | None = None  # (lat, lon, radius_km)
    date_from: str | None = None  # on the event's valid start, else its report date
    date_to: str | None = None
    claimant: str | None = None
    include_denied: bool = False  # negated reports ("X denied carrying out the strike")
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class EventPage:
    events: tuple[ClaimRecord, ...]  # newest first (a timeline: oldest first)
    total: int
    limit: int
    offset: int
    names: Mapping[str, str] = field(default_factory=dict)  # entity id → name, for every id on the page


def places_near(conn: sqlite3.Connection, lat: float, lon: float, radius_km: float) -> tuple[str, ...]:
    """Ids of the places with coordinates within ``radius_km`` of (lat, lon)."""
    dlat = radius_km / 111.0
    dlon = radius_km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
    return tuple(sorted(
        pid for pid, (plat, plon) in claim_store.place_points(conn).items()
        if abs(plat - lat) <= dlat and abs(plon - lon) <= dlon and distance_km((lat, lon), (plat, plon)) <= radius_km
    ))  # fmt: skip


def _places(conn: sqlite3.Connection, filt: EventFilter) -> tuple[str, ...] | None:
    """The place ids the event must be at; None for anywhere, () for nowhere."""
    named = resolve_optional(conn, filt.place)
    if filt.near is None:
        return (named,) if named else None
    near = places_near(conn, *filt.near)
    return tuple(p for p in near if p == named) if named else near


def find_events(conn: sqlite3.Connection, filt: EventFilter) -> EventPage:
    limit, offset = bounded(filt.limit, filt.offset)
    places = _places(conn, filt)
    if places == ():
        return EventPage((), 0, limit, offset)
    q = ClaimQuery(
        predicates=("event",), actor=resolve_optional(conn, filt.actor), places=places or (),
        event_type=filt.event_type.upper() if filt.event_type else None, date_from=filt.date_from,
        date_to=filt.date_to, claimant=claimant_key(conn, filt.claimant),
        polarity=None if filt.include_denied else "affirmed", limit=limit, offset=offset,
    )  # fmt: skip
    records, total = claim_store.find_claim_records(conn, q)
    return EventPage(tuple(records), total, limit, offset, entity_names(conn, records))


def timeline(
    conn: sqlite3.Connection, actor: str | None = None, place: str | None = None, *, limit: int = 100, offset: int = 0
) -> EventPage:
    """Every claim naming the actor (or at the place), events and relations alike, oldest first."""
    limit, offset = bounded(limit, offset)
    place_id = resolve_optional(conn, place)
    q = ClaimQuery(entity=resolve_optional(conn, actor), places=(place_id,) if place_id else (),
                   newest_first=False, limit=limit, offset=offset)  # fmt: skip
    records, total = claim_store.find_claim_records(conn, q)
    return EventPage(tuple(records), total, limit, offset, entity_names(conn, records))
