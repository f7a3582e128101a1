"""Shared fixtures: a tiny hand-written theatre (no pack files, no model)."""

from __future__ import annotations

import pytest

from orbat.model import Alias, Entity, EntityKind
from orbat.theatres import Theatre


def _entity(id_: str, kind: EntityKind, name: str, *aliases: str, country: str | None = None) -> Entity:
    return Entity(id_, kind, name, tuple(Alias(a, "curated: test") for a in aliases), country=country, source="test")


def make_tiny_theatre() -> Theatre:
    """Ten entities of every kind recognition cares about."""
    entities = (
        _entity("pmf", EntityKind.STATE_FORCE, "Popular Mobilization Forces", "PMF", "Hashd al-Shaabi", country="IRQ"),
        _entity("kh", EntityKind.ARMED_GROUP, "Kataib Hezbollah", "KH", country="IRQ"),
        _entity("tufuf", EntityKind.UNIT, "Al-Tufuf Brigade", country="IRQ"),
        _entity("syrian-army", EntityKind.STATE_FORCE, "Syrian Army", country="SYR"),
        _entity("syria", EntityKind.STATE, "Syria", country="SYR"),
        _entity("iran", EntityKind.STATE, "Iran", country="IRN"),
        _entity("muhandis", EntityKind.PERSON, "Abu Mahdi al-Muhandis", "Muhandis"),
        _entity("soleimani", EntityKind.PERSON, "Qasem Soleimani"),
        _entity("qaim", EntityKind.PLACE, "Al-Qaim"),
        _entity("tarfawi", EntityKind.PLACE, "Tarfawi"),
    )
    return Theatre("tiny", entities, ())


@pytest.fixture
def tiny_theatre() -> Theatre:
    return make_tiny_theatre()
