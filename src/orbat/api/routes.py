"""Every HTTP route in one table. A handler parses its parameters, calls one query function and returns the
result; the app renders it as JSON at the API path and, when the route has a template, as an HTML page."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Body, Depends, Path, Query, Request
from starlette.responses import StreamingResponse

from orbat import query, store
from orbat.api.entities import search_entities
from orbat.api.errors import ApiError
from orbat.api.export import stream_export
from orbat.api.render import claim_place_ids, entity_kinds, place_geometry
from orbat.api.security import require_token
from orbat.export import FORMATS

__all__ = ["Route", "ROUTES", "MAX_PAGE"]

MAX_PAGE = 500


def read_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for this request (writes refused by SQLite itself), closed after it."""
    conn = store.connect(request.app.state.settings.db_path, readonly=True)
    conn.execute("PRAGMA query_only = ON")
    try:
        yield conn
    finally:
        conn.close()


def write_conn(request: Request) -> Iterator[sqlite3.Connection]:
    conn = store.connect(request.app.state.settings.db_path)
    try:
        yield conn
    finally:
        conn.close()


Conn = Annotated[sqlite3.Connection, Depends(read_conn)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Text = Annotated[str | None, Query(max_length=200)]
Day = Annotated[str | None, Query(max_length=10, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO date")]


@dataclass(frozen=True, slots=True)
class Route:
    api: str  # the JSON path
    handler: Callable[..., Any]
    page: str | None = None  # the HTML twin's path
    template: str | None = None
    method: str = "GET"


def documents(conn: Conn, q: Text = None, outlet: Text = None, kind: Text = None, since: Day = None,
              until: Day = None, limit: Limit = 50, offset: Offset = 0) -> Any:  # fmt: skip
    """Documents, newest first; ``q`` searches titles and text (FTS5 syntax)."""
    filt = store.DocumentFilter(text=q or None, outlet=outlet, kind=kind, published_from=since,
                                published_to=until, limit=limit, offset=offset)  # fmt: skip
    return query.list_documents(conn, filt)


def document(conn: Conn, doc_id: Annotated[str, Path(max_length=64)]) -> Any:
    """One document (by id or unique id prefix) with its duplicates, listing items and sources."""
    return query.document_view(conn, doc_id)


def entities(conn: Conn, q: Annotated[str, Query(max_length=200)] = "", kind: Text = None,
             limit: Limit = 50, offset: Offset = 0) -> Any:  # fmt: skip
    """Actors, people and places whose name or an alias contains ``q``; ``kind`` is a comma-separated list."""
    return search_entities(conn, q, kind=kind, limit=limit, offset=offset)


def actor(conn: Conn, name_or_id: Annotated[str, Path(max_length=200)],
          events: Annotated[int, Query(ge=0, le=200)] = 20) -> Any:  # fmt: skip
    """An actor's profile (also a person's or a place's), by id, name or alias."""
    profile = query.actor_profile(conn, name_or_id, events=events)
    ids = [p.place for p in profile.places] + claim_place_ids(profile.events)
    return {"profile": profile, "places": place_geometry(conn, ids)}


def claims(conn: Conn, entity: Text = None, subject: Text = None, predicate: Text = None, object: Text = None,
           place: Text = None, claimant: Text = None, polarity: Text = None, modality: Text = None,
           review: Text = None, document: Text = None, since: Day = None, until: Day = None,
           limit: Limit = 50, offset: Offset = 0) -> Any:  # fmt: skip
    """Claims matching every filter given; ``review=machine`` is the review queue."""
    filt = query.ClaimFilter(entity=entity, subject=subject, predicate=predicate, object=object, place=place,
                             claimant=claimant, polarity=polarity, modality=modality, review=review,
                             document=document, date_from=since, date_to=until, limit=limit, offset=offset)  # fmt: skip
    return query.list_claims(conn, filt)


def claim(conn: Conn, claim_id: Annotated[str, Path(max_length=64)]) -> Any:
    """A claim with each quote in its paragraph, outlet, date, claimant, duplicates and review history."""
    return query.claim_evidence(conn, claim_id)


def events(conn: Conn, actor: Text = None, type: Text = None, place: Text = None, claimant: Text = None,
           since: Day = None, until: Day = None, denied: bool = False, limit: Limit = 50,
           offset: Offset = 0) -> Any:  # fmt: skip
    """Events (newest first) by actor or recipient, PLOVER type, place, claimant and date."""
    filt = query.EventFilter(actor=actor, event_type=type, place=place, date_from=since, date_to=until,
                             claimant=claimant, include_denied=denied, limit=limit, offset=offset)  # fmt: skip
    page = query.find_events(conn, filt)
    return {"page": page, "places": place_geometry(conn, claim_place_ids(page.events))}


def state(conn: Conn, as_of: Day = None, place: Text = None, actor: Text = None, limit: Limit = 500,
          offset: Offset = 0) -> Any:  # fmt: skip
    """Who controls, is present at, belongs to, is backed by … whom on ``as_of`` (default: today)."""
    view = query.state_as_of(conn, as_of or date.today().isoformat(), place, actor, limit=limit, offset=offset)
    records = [r for e in view.entries for r in e.supporting]
    ids = [e.place for e in view.entries if e.place] + claim_place_ids(records)
    return {"state": view, "places": place_geometry(conn, ids)}


def network(conn: Conn, as_of: Day = None, actor: Text = None, limit: Limit = 500) -> Any:
    """The actor network on ``as_of``: the state's relations between actors (control and presence left out)."""
    view = query.state_as_of(conn, as_of or date.today().isoformat(), None, actor, limit=limit)
    return {"state": view, "entities": entity_kinds(conn, [x for e in view.entries for x in (e.subject, e.object) if x])}


def timeline(conn: Conn, actor: Text = None, place: Text = None, limit: Limit = 500, offset: Offset = 0) -> Any:
    """Every claim naming the actor (or at the place), events and relations alike, oldest first."""
    return query.timeline(conn, actor, place, limit=limit, offset=offset)


def contradictions(conn: Conn, kind: Text = None, entity: Text = None, limit: Limit = 50,
                   offset: Offset = 0) -> Any:  # fmt: skip
    """Claims that cannot all be true, side by side with their evidence."""
    return query.contradictions(conn, kind, entity=entity, limit=limit, offset=offset)


def sources(conn: Conn, limit: Limit = 100) -> Any:
    """Per outlet and per claimant: claims made, corroborated, contradicted."""
    return query.sources(conn, limit=limit)


def export(request: Request, fmt: Annotated[str, Path(max_length=20)]) -> StreamingResponse:
    """The whole database in one export format, streamed."""
    if fmt not in FORMATS:
        raise ApiError(404, "unknown_format", f"no export format {fmt!r}; use one of {', '.join(sorted(FORMATS))}")
    return stream_export(request.app.state.settings.db_path, fmt)


def review(request: Request, claim_id: Annotated[str, Path(max_length=64)],
           decision: Annotated[str, Body(max_length=20, description="accept, reject or reset")],
           reviewer: Annotated[str, Body(min_length=1, max_length=100)],
           _auth: Annotated[None, Depends(require_token)],
           conn: Annotated[sqlite3.Connection, Depends(write_conn)]) -> Any:  # fmt: skip
    """Record a reviewer's decision on a claim (needs the token). Every decision is kept; the latest wins."""
    return query.set_review(conn, claim_id, decision, reviewer)


ROUTES: tuple[Route, ...] = (
    Route("/api/state", state, "/", "map.html"),
    Route("/api/network", network, "/network", "network.html"),
    Route("/api/timeline", timeline, "/timeline", "timeline.html"),
    Route("/api/events", events, "/events", "events.html"),
    Route("/api/actors/{name_or_id}", actor, "/actors/{name_or_id}", "actor.html"),
    Route("/api/entities", entities, "/entities", "entities.html"),
    Route("/api/claims", claims, "/claims", "claims.html"),
    Route("/api/claims/{claim_id}", claim, "/claims/{claim_id}", "claim.html"),
    Route("/api/contradictions", contradictions, "/contradictions", "contradictions.html"),
    Route("/api/sources", sources, "/sources", "sources.html"),
    Route("/api/documents", documents, "/documents", "documents.html"),
    Route("/api/documents/{doc_id}", document, "/documents/{doc_id}", "document.html"),
    Route("/api/export/{fmt}", export),
    Route("/api/claims/{claim_id}/review", review, method="POST"),
)
