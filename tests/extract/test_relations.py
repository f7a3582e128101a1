"""Relation extraction over sentences we wrote, parsed by the real model, with hand-made mentions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from orbat.errors import OrbatError
from orbat.extract.relations import EXTRACTOR, build_relation_deps, extract_relations, find_relations, published_span
from orbat.model import Segment, SegmentKind, TimeSpan, stable_id

from tests.extract.relation_helpers import triples


pytestmark = pytest.mark.model

PMF = ("Popular Mobilization Forces", "ACTOR", "popular-mobilization-forces")
KH = ("Kataib Hezbollah", "ACTOR", "kataib-hezbollah")
QAIM = ("Al-Qaim", "PLACE", "geonames:92138")


@pytest.fixture(scope="module")
def deps(theatre):
    return build_relation_deps(theatre)


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
    assert claim.reported == "2026-01-25" and claim.extractor == EXTRACTOR
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


IS = ("Islamic State", "ACTOR", "islamic-state")
SDF = ("Syrian Democratic Forces", "ACTOR", "syrian-democratic-forces")
NATO = ("NATO", "ACTOR", "nato")
UK = ("Britain", "PLACE", "geonames:2635167")


def test_possessive_pronoun_takes_the_named_phrase_it_hangs_from(analysed, deps):
    a = analysed("Britain pledged support for the Syrian Democratic Forces in their fight against the Islamic State.",
                 [UK, SDF, IS])
    got = triples(a, deps)
    assert ("opposed_to", "syrian-democratic-forces", "islamic-state", None) in got
    assert not any(t[0] == "opposed_to" and t[1] == "united-kingdom" for t in got)


def test_subject_of_a_clause_takes_part_in_the_effort_its_in_phrase_names(analysed, deps):
    a = analysed("Kataib Hezbollah took part in the offensive against the Islamic State.", [KH, IS])
    b = analysed("Kataib Hezbollah criticised the offensive against the Islamic State.", [KH, IS])
    assert ("opposed_to", "kataib-hezbollah", "islamic-state", None) in triples(a, deps)
    assert not any(t[0] == "opposed_to" for t in triples(b, deps))


def test_infinitive_of_an_effort_noun_names_the_other_side(analysed, deps):
    a = analysed("The Syrian Democratic Forces launched a campaign to defeat the Islamic State.", [SDF, IS])
    assert ("opposed_to", "syrian-democratic-forces", "islamic-state", None) in triples(a, deps)


def test_an_effort_to_take_a_place_is_no_control_of_it(analysed, deps):
    a = analysed("Kataib Hezbollah joined the campaign to liberate Al-Qaim.", [KH, QAIM])
    assert not any(t[0] == "controls" for t in triples(a, deps))


def test_nouns_of_armed_action_against_an_actor_give_opposed_to(analysed, deps):
    a = analysed("Kataib Hezbollah fighters held their positions against the Islamic State for a week.", [KH, IS])
    b = analysed("A Kataib Hezbollah drone strike hit two Islamic State trucks.", [KH, IS])
    for x in (a, b):
        assert ("opposed_to", "kataib-hezbollah", "islamic-state", None) in triples(x, deps)


def test_nouns_of_armed_action_without_against_give_nothing(analysed, deps):
    a = analysed("Kataib Hezbollah fighters held their positions near the Islamic State museum.", [KH, IS])
    b = analysed("Kataib Hezbollah described its mission for the Islamic State envoy.", [KH, IS])
    for x in (a, b):
        assert not any(t[0] == "opposed_to" for t in triples(x, deps))


def test_in_support_of_names_the_sponsor_as_the_clause_subject(analysed, deps):
    a = analysed("American jets struck targets in support of Syrian Democratic Forces operations.", [SDF])
    b = analysed("American jets struck targets near Syrian Democratic Forces positions.", [SDF])
    assert ("backed_by", "syrian-democratic-forces", "united-states", None) in triples(a, deps)
    assert not any(t[0] == "backed_by" for t in triples(b, deps))


def test_assist_gives_backed_by_but_a_possessor_is_not_the_assisted(analysed, deps):
    a = analysed("Turkish troops assisted the Syrian Democratic Forces.", [SDF])
    b = analysed("Iran assisted Syria's Kurds last year.", [("Iran", "PLACE", "geonames:130758"),
                                                           ("Syria", "PLACE", "geonames:163843")])
    assert ("backed_by", "syrian-democratic-forces", "turkey", None) in triples(a, deps)
    assert not any(t[0] == "backed_by" for t in triples(b, deps))


def test_person_assigned_to_a_unit_is_member_of_it(analysed, deps):
    unit = ("3rd Battalion", "ACTOR", "3rd-battalion")
    haddad = ("Karim Haddad", "PERSON", "karim-haddad")
    a = analysed("Sergeant Karim Haddad was assigned to the 3rd Battalion in May.", [haddad, unit])
    b = analysed("The ministry assigned new rifles to the 3rd Battalion.", [("ministry", "ACTOR", "ministry"), unit])
    c = analysed("Kataib Hezbollah fighters attached to the 3rd Battalion crossed the river.", [KH, unit])
    assert ("member_of", "karim-haddad", "3rd-battalion", None) in triples(a, deps)
    for x in (b, c):
        assert not any(t[0] in ("part_of", "member_of") for t in triples(x, deps))


def test_seizing_a_place_from_an_actor_gives_opposed_to_and_its_earlier_control(analysed, deps):
    a = analysed("Kataib Hezbollah seized Al-Qaim from the Islamic State after two days.", [KH, QAIM, IS])
    got = triples(a, deps)
    assert ("opposed_to", "kataib-hezbollah", "islamic-state", None) in got
    assert ("controls", "islamic-state", "geonames:92138", None) in got
    assert ("controls", "kataib-hezbollah", "geonames:92138", None) in got


def test_taking_something_from_an_actor_is_no_fight(analysed, deps):
    a = analysed("Kataib Hezbollah took advice from the Islamic State defectors.", [KH, IS])
    assert not any(t[0] in ("opposed_to", "controls") for t in triples(a, deps))


def test_fighting_alongside_gives_allied_with_and_a_shared_enemy(analysed, deps):
    a = analysed("Kataib Hezbollah fought the Islamic State alongside the Syrian Democratic Forces.", [KH, IS, SDF])
    b = analysed("Kataib Hezbollah fought alongside the Syrian Democratic Forces.", [KH, SDF])
    got = triples(a, deps)
    assert ("opposed_to", "syrian-democratic-forces", "islamic-state", None) in got
    assert ("allied_with", "kataib-hezbollah", "syrian-democratic-forces", None) in got
    assert ("allied_with", "kataib-hezbollah", "syrian-democratic-forces", None) in triples(b, deps)


def test_deployed_alongside_is_no_alliance(analysed, deps):
    a = analysed("Kataib Hezbollah was deployed alongside the Syrian Democratic Forces.", [KH, SDF])
    assert not any(t[0] == "allied_with" for t in triples(a, deps))


def test_within_an_organisation_gives_part_of(analysed, deps):
    a = analysed("Kataib Hezbollah within the Popular Mobilization Forces rejected the deal.", [KH, PMF])
    b = analysed("Britain works closely with Turkey within NATO.", [UK, ("Turkey", "PLACE", "geonames:298795"), NATO])
    assert ("part_of", "kataib-hezbollah", "popular-mobilization-forces", None) in triples(a, deps)
    assert ("part_of", "turkey", "nato", None) in triples(b, deps)


def test_within_a_place_is_no_membership(analysed, deps):
    a = analysed("Kataib Hezbollah within Al-Qaim rejected the deal.", [KH, QAIM])
    assert not any(t[0] == "part_of" for t in triples(a, deps))


def test_stronghold_and_capital_nouns_give_controls(analysed, deps):
    a = analysed("Al-Qaim, a Kataib Hezbollah stronghold, was quiet on Friday.", [KH, QAIM])
    b = analysed("Al-Qaim became the Islamic State capital in the west.", [IS, QAIM])
    assert ("controls", "kataib-hezbollah", "geonames:92138", None) in triples(a, deps)
    assert ("controls", "islamic-state", "geonames:92138", None) in triples(b, deps)


def test_capital_of_a_place_gives_no_control(analysed, deps):
    a = analysed("Al-Qaim is the capital of the district of Anah.", [QAIM, ("Anah", "PLACE", "geonames:99608")])
    assert not any(t[0] == "controls" for t in triples(a, deps))


def test_capture_of_a_place_gives_controls_to_its_taker(analysed, deps):
    a = analysed("Kataib Hezbollah's capture of Al-Qaim surprised observers.", [KH, QAIM])
    b = analysed("The capture of Al-Qaim surprised observers.", [QAIM])
    assert ("controls", "kataib-hezbollah", "geonames:92138", None) in triples(a, deps)
    assert triples(b, deps) == set()


def test_role_apposition_followed_by_the_organisation_gives_leads(analysed, deps):
    a = analysed("Major General Karim Haddad, commander, Anbar Operations Command, visited the base.",
                 [("Karim Haddad", "PERSON", "karim-haddad"), ("Anbar Operations Command", "ACTOR", "anbar-oc")])
    b = analysed("Karim Haddad, a commander, met the Anbar Operations Command staff.",
                 [("Karim Haddad", "PERSON", "karim-haddad"), ("Anbar Operations Command", "ACTOR", "anbar-oc")])
    assert ("leads", "karim-haddad", "anbar-oc", "commander") in triples(a, deps)
    assert not any(t[0] == "leads" for t in triples(b, deps))


def test_city_of_a_place_held_by_an_actor_gives_controls(analysed, deps):
    a = analysed("The town of Al-Qaim is the last town held by the Islamic State.", [QAIM, IS])
    b = analysed("Kataib Hezbollah seized the outskirts of Al-Qaim.", [KH, QAIM])
    assert ("controls", "islamic-state", "geonames:92138", None) in triples(a, deps)
    assert not any(t[0] == "controls" for t in triples(b, deps))


def test_taking_a_place_as_an_aim_is_no_control_but_managing_to_is(analysed, deps):
    a = analysed("Kataib Hezbollah tried to seize Al-Qaim last week.", [KH, QAIM])
    b = analysed("Kataib Hezbollah managed to seize Al-Qaim last week.", [KH, QAIM])
    assert not any(t[0] == "controls" for t in triples(a, deps))
    assert ("controls", "kataib-hezbollah", "geonames:92138", None) in triples(b, deps)


def test_a_former_stronghold_is_no_control(analysed, deps):
    a = analysed("Al-Qaim, a former Kataib Hezbollah stronghold, was quiet on Friday.", [KH, QAIM])
    assert not any(t[0] == "controls" for t in triples(a, deps))


def test_backing_a_side_in_its_fight_makes_the_backed_side_the_fighter(analysed, deps):
    a = analysed("Britain backed the Syrian Democratic Forces in the war against the Islamic State.", [UK, SDF, IS])
    got = triples(a, deps)
    assert ("opposed_to", "syrian-democratic-forces", "islamic-state", None) in got
    assert ("opposed_to", "united-kingdom", "islamic-state", None) not in got


def test_a_strike_hitting_a_name_itself_is_not_read_as_a_target(analysed, deps):
    a = analysed("A Kataib Hezbollah strike hit the Islamic State.", [KH, IS])
    assert not any(t[0] == "opposed_to" for t in triples(a, deps))


def test_support_given_or_lent_names_its_giver_and_its_receiver(analysed, deps):
    a = analysed("Turkish troops provided support to the Syrian Democratic Forces.", [SDF])
    b = analysed("The Syrian Democratic Forces advanced with the support of American jets.", [SDF])
    turkey = ("Turkey", "PLACE", "geonames:298795")
    c = analysed("The Syrian Democratic Forces received support from Turkey.", [SDF, turkey])
    assert ("backed_by", "syrian-democratic-forces", "turkey", None) in triples(a, deps)
    assert ("backed_by", "syrian-democratic-forces", "united-states", None) in triples(b, deps)
    assert ("backed_by", "syrian-democratic-forces", "turkey", None) in triples(c, deps)


def test_support_given_is_not_read_as_support_received(analysed, deps):
    a = analysed("The Syrian Democratic Forces provided support to Turkish troops.", [SDF])
    assert ("backed_by", "syrian-democratic-forces", "turkey", None) not in triples(a, deps)
