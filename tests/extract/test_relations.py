"""Relation extraction over sentences we wrote, parsed by the real model, with hand-made mentions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from orbat.errors import OrbatError
from orbat.extract.relations import build_relation_deps, extract_relations, find_relations, published_span
from orbat.model import Segment, SegmentKind, TimeSpan, stable_id


pytestmark = pytest.mark.model

PMF = ("Popular Mobilization Forces", "ACTOR", "popular-mobilization-forces")
KH = ("Kataib Hezbollah", "ACTOR", "kataib-hezbollah")
QAIM = ("Al-Qaim", "PLACE", "geonames:92138")


@pytest.fixture(scope="module")
def deps(theatre):
    return build_relation_deps(theatre)


def triples(analysis, deps):
    return {(f.predicate, f.subject.entity, f.object.entity, f.role) for f in find_relations(analysis, deps=deps)}


def test_apposition_with_role_noun_gives_leads_with_role(analysed, deps):
    a = analysed("Abu Mahdi al-Muhandis, the deputy commander of the Popular Mobilization Forces, visited the front.",
                 [("Abu Mahdi al-Muhandis", "PERSON", "abu-mahdi-al-muhandis"), PMF])
    assert ("leads", "abu-mahdi-al-muhandis", "popular-mobilization-forces", "deputy commander") in triples(a, deps)


def test_spokesman_for_gives_leads_spokesperson(analysed, deps):
    a = analysed("Ahmad al-Asadi, a spokesman for the Popular Mobilization Forces, spoke to reporters.",
                 [("Ahmad al-Asadi", "PERSON", "ahmad-al-asadi"), PMF])
    assert ("leads", "ahmad-al-asadi", "popular-mobilization-forces", "spokesperson") in triples(a, deps)


def test_part_of_apposition_and_copula(analysed, deps):
    a = analysed("Kataib Hezbollah, part of the Popular Mobilization Forces, held a parade.", [KH, PMF])
    b = analysed("Kataib Hezbollah is part of the Popular Mobilization Forces.", [KH, PMF])
    for x in (a, b):
        assert ("part_of", "kataib-hezbollah", "popular-mobilization-forces", None) in triples(x, deps)


def test_demonym_backed_modifier_gives_backed_by_the_state(analysed, deps):
    a = analysed("The Iranian-backed Kataib Hezbollah held a parade in Baghdad.", [KH])
    assert ("backed_by", "kataib-hezbollah", "iran", None) in triples(a, deps)


def test_backed_by_phrase_with_state_named_as_place(analysed, deps):
    a = analysed("Kataib Hezbollah, backed by Iran, held a parade.", [KH, ("Iran", "PLACE", "geonames:130758")])
    assert ("backed_by", "kataib-hezbollah", "iran", None) in triples(a, deps)


def test_us_designated_group_gives_designated_by(analysed, deps):
    a = analysed("Kataib Hezbollah is a US-designated terrorist group.", [KH])
    assert ("designated_by", "kataib-hezbollah", "united-states", None) in triples(a, deps)


def test_seized_place_gives_controls_and_deployed_to_gives_present_at(analysed, deps):
    a = analysed("Kataib Hezbollah seized Al-Qaim last week.", [KH, QAIM])
    b = analysed("Kataib Hezbollah fighters were deployed to Al-Qaim.", [KH, QAIM])
    assert ("controls", "kataib-hezbollah", "geonames:92138", None) in triples(a, deps)
    assert ("present_at", "kataib-hezbollah", "geonames:92138", None) in triples(b, deps)


def test_seizing_a_non_place_is_no_control_claim(analysed, deps):
    a = analysed("Kataib Hezbollah seized the Popular Mobilization Forces weapons.", [KH, PMF])
    assert not any(t[0] == "controls" for t in triples(a, deps))


def test_clashes_between_two_actors_give_opposed_to(analysed, deps):
    a = analysed("Clashes between the Syrian army and the Syrian Democratic Forces went on overnight.",
                 [("Syrian army", "ACTOR", "syrian-arab-army"), ("Syrian Democratic Forces", "ACTOR", "syrian-democratic-forces")])
    assert ("opposed_to", "syrian-arab-army", "syrian-democratic-forces", None) in triples(a, deps)


def test_pronoun_subject_takes_the_subject_of_the_clause_above(analysed, deps):
    a = analysed("Kataib Hezbollah denied that it had taken control of Al-Qaim.", [KH, QAIM])
    assert ("controls", "kataib-hezbollah", "geonames:92138", None) in triples(a, deps)


def test_claim_carries_sentence_evidence_id_and_times(analysed, deps):
    text = "Officials met in Erbil. Kataib Hezbollah seized Al-Qaim in June 2025."
    a = analysed(text, [KH, QAIM], dates={"June 2025": TimeSpan("2025-06-01", "2025-06-30", "month")})
    ((claim, trigger),) = [(c, t) for c, t in extract_relations(a, deps=deps) if c.predicate == "controls"]
    ev = claim.evidence[0]
    assert ev.quote == text[ev.start:ev.end] == "Kataib Hezbollah seized Al-Qaim in June 2025."
    assert claim.id == stable_id("dtest", "controls", "kataib-hezbollah", "geonames:92138", str(ev.start), str(ev.end))
    assert claim.valid == TimeSpan("2025-06-01", "2025-06-30", "month")
    assert claim.reported == "2026-01-25" and claim.extractor == "orbat.relations/1"
    assert a.parse[trigger].text == "seized" and 0 < claim.confidence <= 1


def test_valid_time_falls_back_to_the_publication_date_with_its_precision(analysed, deps):
    a = analysed("Kataib Hezbollah seized Al-Qaim.", [KH, QAIM], published="2017-07")
    (claim, _), *_ = extract_relations(a, deps=deps)
    assert claim.valid == TimeSpan("2017-07", "2017-07", "month") == published_span("2017-07")


def test_caption_claims_are_kept_with_lower_confidence_and_credits_skipped(analysed, deps):
    text = "Kataib Hezbollah fighters were deployed to Al-Qaim."
    body = find_relations(analysed(text, [KH, QAIM]), deps=deps)
    caption = find_relations(analysed(text, [KH, QAIM], segments=(Segment(0, len(text), SegmentKind.CAPTION),)), deps=deps)
    credit = find_relations(analysed(text, [KH, QAIM], segments=(Segment(0, len(text), SegmentKind.CREDIT),)), deps=deps)
    assert caption and caption[0].reliability < body[0].reliability
    assert credit == []


def test_unresolved_mentions_make_no_claims(analysed, deps):
    a = analysed("Kataib Hezbollah seized Al-Qaim.", [("Kataib Hezbollah", "ACTOR", None), QAIM])
    assert triples(a, deps) == set()


def test_missing_parse_is_an_error_that_says_what_to_do(analysed, deps):
    a = replace(analysed("Kataib Hezbollah seized Al-Qaim.", [KH, QAIM]), parse=None)
    with pytest.raises(OrbatError, match="parse"):
        find_relations(a, deps=deps)
