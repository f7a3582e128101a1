"""The stage entry point: relations and events, attributed, with events injected as a stub."""

from __future__ import annotations

import pytest

from orbat.extract import ExtractDeps, build_extract_deps, extract_claims
from orbat.extract.relations import build_relation_deps
from orbat.model import Claim, Evidence, Segment, SegmentKind

pytestmark = pytest.mark.model

KH = ("Kataib Hezbollah", "ACTOR", "kataib-hezbollah")
QAIM = ("Al-Qaim", "PLACE", "geonames:92138")


def stub_events(analysis, *, deps):
    """One event per document, triggered by the first "seized"."""
    trigger = next(t.i for t in analysis.parse if t.text == "seized")
    ev = Evidence(analysis.document.id, 0, 10, analysis.document.clean_text[0:10])
    return [(Claim("e1", "event", "kataib-hezbollah", event_type="ASSAULT", evidence=(ev,), confidence=0.8), trigger)]


@pytest.fixture
def deps(theatre):
    return ExtractDeps(theatre, build_relation_deps(theatre), None, stub_events)


def test_relations_and_events_are_attributed(analysed, deps):
    a = analysed("Rudaw reported that Kataib Hezbollah seized Al-Qaim.", [("Rudaw", "ACTOR", "rudaw"), KH, QAIM])
    claims = extract_claims(a, deps=deps)
    assert {c.predicate for c in claims} == {"controls", "event"}
    assert all(c.claimant == "rudaw" and c.modality == "reported" for c in claims)


def test_denied_relation_is_kept_negated(analysed, deps):
    a = analysed("Kataib Hezbollah denied that it had seized Al-Qaim.", [KH, QAIM])
    (control,) = [c for c in extract_claims(a, deps=deps) if c.predicate == "controls"]
    assert (control.polarity, control.modality, control.claimant) == ("negated", "denied", "kataib-hezbollah")
    assert control.confidence < 0.75


def test_caption_claims_stay_asserted_in_the_outlets_voice(analysed, deps):
    text = "Kataib Hezbollah seized Al-Qaim, officials said."
    a = analysed(text, [KH, QAIM], segments=(Segment(0, len(text), SegmentKind.CAPTION),))
    (control,) = [c for c in extract_claims(a, deps=deps) if c.predicate == "controls"]
    assert (control.modality, control.claimant) == ("asserted", None)


def test_claims_come_in_trigger_order_and_are_deterministic(analysed, deps):
    a = analysed("Kataib Hezbollah seized Al-Qaim. Kataib Hezbollah fighters were deployed to Al-Qaim.", [KH, QAIM])
    first, second = extract_claims(a, deps=deps), extract_claims(a, deps=deps)
    assert first == second
    assert [c.predicate for c in first] == ["controls", "event", "present_at"]


def test_build_extract_deps_wires_the_event_extractor(theatre):
    deps = build_extract_deps(theatre)
    assert deps.event_deps is not None and callable(deps.find_events)
