"""One function per question; every rendering (CLI, HTTP API, web UI, exports) calls these."""

from orbat.query.actors import ActorProfile, AliasView, Link, PlaceLink, actor_profile
from orbat.query.analysis import ContradictionPage, SourceRow, SourcesView, contradictions, sources
from orbat.query.claims import (
    ClaimFilter,
    ClaimPage,
    EvidenceView,
    Quote,
    Review,
    ReviewView,
    claim_evidence,
    list_claims,
    set_review,
)
from orbat.query.documents import DocumentPage, DocumentView, RunView, document_view, list_documents, list_runs, run_view
from orbat.query.events import EventFilter, EventPage, find_events, timeline
from orbat.query.resolve import resolve_entity
from orbat.query.state import StateView, state_as_of

__all__ = [
    "ActorProfile",
    "AliasView",
    "ClaimFilter",
    "ClaimPage",
    "ContradictionPage",
    "DocumentPage",
    "DocumentView",
    "EventFilter",
    "EventPage",
    "EvidenceView",
    "Link",
    "PlaceLink",
    "Quote",
    "Review",
    "ReviewView",
    "RunView",
    "SourceRow",
    "SourcesView",
    "StateView",
    "actor_profile",
    "claim_evidence",
    "contradictions",
    "document_view",
    "find_events",
    "list_claims",
    "list_documents",
    "list_runs",
    "resolve_entity",
    "run_view",
    "set_review",
    "sources",
    "state_as_of",
    "timeline",
]
