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


NUSRA = ("Nusra Front", "ACTOR", "jabhat-al-nusra")
QAEDA = ("Al-Qaeda", "ACTOR", "al-qaeda")


@pytest.fixture
def relations_only(theatre):
    return ExtractDeps(theatre, build_relation_deps(theatre), None, lambda analysis, *, deps: [])


def test_a_description_inside_a_negated_clause_stays_affirmed(analysed, relations_only):
    for text in ("The truce does not apply to Al-Qaeda affiliate the Nusra Front.",
                 "The ceasefire does not cover the Nusra Front, an Al-Qaeda affiliate."):
        (part,) = [c for c in extract_claims(analysed(text, [NUSRA, QAEDA]), deps=relations_only) if c.predicate == "part_of"]
        assert (part.subject, part.object, part.polarity, part.modality) == ("jabhat-al-nusra", "al-qaeda", "affirmed", "asserted")


def test_a_predicate_noun_under_negation_is_still_denied(analysed, relations_only):
    a = analysed("The Nusra Front is not part of Al-Qaeda.", [NUSRA, QAEDA])
    (part,) = [c for c in extract_claims(a, deps=relations_only) if c.predicate == "part_of"]
    assert part.polarity == "negated"


ISIS = ("ISIS", "ACTOR", "islamic-state")
COALITION = ("the coalition", "ACTOR", "cjtf-oir")


def _events(analysed, theatre, text, specs):
    claims = extract_claims(analysed(text, specs), deps=build_extract_deps(theatre))
    return [c for c in claims if c.predicate == "event"]


def test_we_in_a_bodys_statement_is_that_body(analysed, theatre):
    (event,) = _events(analysed, theatre, "We will keep striking ISIS in Syria, the coalition said.", [ISIS, COALITION])
    assert (event.actors, event.subject, event.recipients, event.claimant) == (("cjtf-oir",), "cjtf-oir",
                                                                               ("islamic-state",), "cjtf-oir")


def test_we_of_a_person_or_of_nobody_stays_unnamed(analysed, theatre):
    abadi = ("Haider al-Abadi", "PERSON", "haider-al-abadi")
    (by_person,) = _events(analysed, theatre, "We will keep striking ISIS in Syria, Haider al-Abadi said.", [ISIS, abadi])
    (they,) = _events(analysed, theatre, "They will keep striking ISIS in Syria, the coalition said.", [ISIS, COALITION])
    assert by_person.actors == () and by_person.claimant == "haider-al-abadi"
    assert they.actors == ()


def test_a_claim_made_through_a_pronoun_also_quotes_the_name_it_stands_for(analysed, deps):
    from dataclasses import replace

    from orbat.model import Mention, MentionLabel

    text = "Kataib Hezbollah denied the report. It seized Al-Qaim on Monday."
    a = analysed(text, [KH, QAIM])
    at = text.index("It ")
    pronoun = Mention(a.document.id, at, at + 2, "It", MentionLabel.ACTOR, "kataib-hezbollah", 0.55, "coref:0-16")
    a = replace(a, mentions=tuple(sorted((*a.mentions, pronoun), key=lambda m: (m.start, m.end))))
    (control,) = [c for c in extract_claims(a, deps=deps) if c.predicate == "controls"]
    assert control.subject == "kataib-hezbollah"
    assert [(e.start, e.quote) for e in control.evidence] == [(at, "It seized Al-Qaim on Monday."), (0, "Kataib Hezbollah")]
    text = "Kataib Hezbollah said it seized Al-Qaim."
    a = analysed(text, [KH, QAIM])
    at = text.index("it ")
    pronoun = replace(pronoun, start=at, end=at + 2, text="it")  # its name is in the claim's own sentence
    a = replace(a, mentions=tuple(sorted((*a.mentions, pronoun), key=lambda m: (m.start, m.end))))
    (control,) = [c for c in extract_claims(a, deps=deps) if c.predicate == "controls"]
    assert [e.start for e in control.evidence] == [0]
