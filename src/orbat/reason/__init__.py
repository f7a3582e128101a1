"""Reasoning over claims: facts, contradictions, state as of a date. Pure functions over claim records."""

from orbat.reason.contradictions import KINDS, Contradiction, find_control_conflicts, find_denials, find_event_conflicts
from orbat.reason.events import EventMatching, distance_km, same_event_pairs
from orbat.reason.facts import Fact, build_facts
from orbat.reason.state import StateEntry, StateRules, state_at
from orbat.reason.theatre import SyncSummary, sync_theatre

__all__ = [
    "KINDS",
    "Contradiction",
    "EventMatching",
    "Fact",
    "StateEntry",
    "StateRules",
    "SyncSummary",
    "build_facts",
    "distance_km",
    "find_control_conflicts",
    "find_denials",
    "find_event_conflicts",
    "same_event_pairs",
    "state_at",
    "sync_theatre",
]
