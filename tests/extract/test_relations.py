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
    # the parser reads this infinitive as a relative clause (relcl): the same frame
    coalition, isis = ("Coalition", "ACTOR", "cjtf-oir"), ("ISIS", "ACTOR", "islamic-state")
    b = analysed("The Coalition’s strategy to defeat ISIS is succeeding.", [coalition, isis])
    assert ("opposed_to", "cjtf-oir", "islamic-state", None) in triples(b, deps)
    c = analysed("The Coalition’s strategy that ISIS exposed is failing.", [coalition, isis])  # a relative clause
    assert not any(t[0] == "opposed_to" for t in triples(c, deps))


def test_joining_a_warship_is_no_part_of_it(analysed, deps):
    forbin, hopper = ("FS Forbin", "ACTOR", "prov:fs-forbin"), ("USS Hopper", "ACTOR", "prov:uss-hopper")
    ctf = ("Combined Task Force 50", "ACTOR", "prov:combined-task-force-50")
    a = analysed("FS Forbin is joining USS Hopper in the Gulf.", [forbin, hopper])
    b = analysed("FS Forbin joined Combined Task Force 50.", [forbin, ctf])
    assert not any(t[0] == "part_of" for t in triples(a, deps))
    assert ("part_of", "prov:fs-forbin", "prov:combined-task-force-50", None) in triples(b, deps)


def test_ships_listed_under_a_states_class_noun_belong_to_that_state(analysed, deps):
    ships = [("USS Hopper", "ACTOR", "prov:uss-hopper"), ("USS Mahan", "ACTOR", "prov:uss-mahan"),
             ("HMS Ocean", "ACTOR", "prov:hms-ocean"), ("U.S.", "PLACE", "geonames:6252001"),
             ("U.K.", "PLACE", "geonames:2635167")]  # fmt: skip
    got = triples(analysed("FS Forbin is joining U.S. ships USS Hopper, USS Mahan and U.K. ships HMS Ocean.", ships), deps)
    part = {(s, o) for p, s, o, _ in got if p == "part_of"}
    assert part == {("prov:uss-hopper", "united-states"), ("prov:uss-mahan", "united-states"),
                    ("prov:hms-ocean", "united-kingdom")}  # fmt: skip


def test_a_role_in_an_unnamed_part_of_a_group_is_membership_and_a_demonym_there_is_nationality(analysed, deps):
    aqi, ghadiya = ("AQI", "ACTOR", "al-qaeda-in-iraq"), ("Abu Ghadiya", "PERSON", "prov:person:abu-ghadiya")
    a = analysed("Zarqawi appointed Abu Ghadiya the lead Syrian commander for AQI's logistics in 2004.", [aqi, ghadiya])
    assert triples(a, deps) == {("member_of", "prov:person:abu-ghadiya", "al-qaeda-in-iraq", None)}


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


def test_every_item_of_a_subject_list_gets_the_relation_also_one_parsed_as_a_second_subject(analysed, deps):
    a = analysed("About 20,000 Syrian Army personnel, Kataib Hezbollah fighters, Afghan volunteers and Iraqi militiamen, "
                 "assisted by Iranian jets, launched the offensive to retake Al-Qaim nine days ago.",
                 [("Syrian Army", "ACTOR", "syrian-arab-army"), KH, QAIM])
    got = triples(a, deps)
    assert {("backed_by", "kataib-hezbollah", "iran", None), ("backed_by", "syrian-arab-army", "iran", None)} <= got


def test_the_subject_of_another_clause_is_no_item_of_a_list(analysed, deps):
    a = analysed("Syrian Army troops held the line, and Kataib Hezbollah fighters and Afghan volunteers, assisted by "
                 "Iranian jets, advanced towards Al-Qaim.", [("Syrian Army", "ACTOR", "syrian-arab-army"), KH, QAIM])
    got = triples(a, deps)
    assert ("backed_by", "kataib-hezbollah", "iran", None) in got
    assert ("backed_by", "syrian-arab-army", "iran", None) not in got


def test_an_infinitive_after_a_possessed_noun_is_the_possessors_act(analysed, deps):
    army = ("Syrian Army", "ACTOR", "syrian-arab-army")
    a = analysed("Kataib Hezbollah's capacity to attack the Syrian Army has grown since March.", [KH, army])
    assert ("opposed_to", "kataib-hezbollah", "syrian-arab-army", None) in triples(a, deps)
    b = analysed("Kataib Hezbollah criticised the plan to attack the Syrian Army.", [KH, army])
    assert ("opposed_to", "kataib-hezbollah", "syrian-arab-army", None) not in triples(b, deps)


def test_a_name_read_as_a_verb_still_names_the_fighters_after_it(analysed, deps):
    isis = ("IS", "ACTOR", "islamic-state")
    a = analysed("Residents were told that IS fighters had attacked Kataib Hezbollah.", [isis, KH])
    assert ("opposed_to", "islamic-state", "kataib-hezbollah", None) in triples(a, deps)
    b = analysed("Kataib Hezbollah is fighting the army, and fighters attacked the Popular Mobilization Forces.", [KH, PMF])
    assert ("opposed_to", "kataib-hezbollah", "popular-mobilization-forces", None) not in triples(b, deps)


def test_under_the_command_of_a_person_gives_leads(analysed, deps):
    fadak = ("Abu Fadak", "PERSON", "abu-fadak")
    a = analysed("Kataib Hezbollah, under the command of Abu Fadak, shelled Al-Qaim.", [KH, fadak, QAIM])
    assert ("leads", "abu-fadak", "kataib-hezbollah", "commander") in triples(a, deps)
    b = analysed("Kataib Hezbollah praised the command of Abu Fadak.", [KH, fadak])
    assert not {t for t in triples(b, deps) if t[0] == "leads"}


def test_talks_under_the_auspices_of_a_body_make_no_member_of_it(analysed, deps):
    a = analysed("Kataib Hezbollah will hold talks in March under the auspices of the Popular Mobilization Forces.",
                 [KH, PMF])
    assert ("part_of", "kataib-hezbollah", "popular-mobilization-forces", None) not in triples(a, deps)


def test_an_appositive_naming_a_relation_is_not_another_name_of_the_subject(analysed, deps):
    nusra = ("Nusra Front", "ACTOR", "nusra-front")
    qaeda = ("al-Qaeda", "ACTOR", "al-qaeda")
    a = analysed("The Nusra Front, an al-Qaeda affiliate, seized Al-Qaim.", [nusra, qaeda, QAIM])
    got = triples(a, deps)
    assert {("part_of", "nusra-front", "al-qaeda", None), ("controls", "nusra-front", "geonames:92138", None)} <= got
    assert ("controls", "al-qaeda", "geonames:92138", None) not in got
    b = analysed("Kataib Hezbollah, a member of the Popular Mobilization Forces, attacked the Syrian Army.",
                 [KH, PMF, ("Syrian Army", "ACTOR", "syrian-arab-army")])
    got = triples(b, deps)
    assert ("opposed_to", "kataib-hezbollah", "syrian-arab-army", None) in got
    assert ("opposed_to", "popular-mobilization-forces", "syrian-arab-army", None) not in got


def test_coming_under_attack_from_an_actor_gives_opposed_to(analysed, deps):
    a = analysed("The Syrian Army came under attack from Kataib Hezbollah near Al-Qaim.",
                 [("Syrian Army", "ACTOR", "syrian-arab-army"), KH, QAIM])
    assert ("opposed_to", "kataib-hezbollah", "syrian-arab-army", None) in triples(a, deps)
    b = analysed("The Syrian Army came under attack near Al-Qaim, Kataib Hezbollah said.",
                 [("Syrian Army", "ACTOR", "syrian-arab-army"), KH, QAIM])
    assert not {t for t in triples(b, deps) if t[0] == "opposed_to"}


def test_an_appositive_role_still_speaks_for_the_organisation(analysed, deps):
    a = analysed("Abu Fadak, the commander of Kataib Hezbollah, denied any coordination with the Popular Mobilization "
                 "Forces.", [("Abu Fadak", "PERSON", "abu-fadak"), KH, PMF])
    assert ("allied_with", "kataib-hezbollah", "popular-mobilization-forces", None) in triples(a, deps)


def _hand_parsed(words, heads, dep, pos, specs):
    from spacy.tokens import Doc
    import spacy

    from orbat.model import Analysis, Document
    from tests.extract.conftest import mentions_for

    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=dep, pos=pos)
    text = doc.text
    return Analysis(Document(id="dtest", text=text, clean_text=text), mentions_for("dtest", text, specs), parse=doc)


def test_an_infinitive_hanging_from_a_sentence_adverb_takes_the_clause_subject(deps):
    words = ["Elsewhere", ",", "to", "defeat", "Kataib", "Hezbollah", ",", "the", "Syrian", "Army", "advanced", "."]
    heads = [10, 10, 3, 0, 5, 3, 10, 9, 9, 10, 10, 10]
    dep = ["advmod", "punct", "aux", "advcl", "compound", "dobj", "punct", "det", "compound", "nsubj", "ROOT", "punct"]
    pos = ["ADV", "PUNCT", "PART", "VERB", "PROPN", "PROPN", "PUNCT", "DET", "PROPN", "PROPN", "VERB", "PUNCT"]
    a = _hand_parsed(words, heads, dep, pos, [KH, ("Syrian Army", "ACTOR", "syrian-arab-army")])
    assert ("opposed_to", "syrian-arab-army", "kataib-hezbollah", None) in triples(a, deps)
    words = ["Syrian", "Army", "units", "elsewhere", "to", "defeat", "Kataib", "Hezbollah", "waited", "."]
    heads = [2, 2, 8, 2, 5, 3, 7, 5, 8, 8]  # the adverb modifies a noun: no clause above it to take a subject from
    dep = ["compound", "compound", "nsubj", "advmod", "aux", "advcl", "compound", "dobj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "NOUN", "ADV", "PART", "VERB", "PROPN", "PROPN", "VERB", "PUNCT"]
    b = _hand_parsed(words, heads, dep, pos, [KH, ("Syrian Army", "ACTOR", "syrian-arab-army")])
    assert not {t for t in triples(b, deps) if t[0] == "opposed_to"}


def test_groups_named_in_support_of_a_side_back_it_but_their_enemy_does_not(analysed, deps):
    army = ("Syrian Army", "ACTOR", "syrian-arab-army")
    isis = ("Islamic State", "ACTOR", "islamic-state")
    a = analysed("He will discuss aid for Kataib Hezbollah, the Popular Mobilization Forces, and others in support of "
                 "the Syrian Army campaign.", [KH, PMF, army])
    got = triples(a, deps)
    assert {("backed_by", "syrian-arab-army", "kataib-hezbollah", None),
            ("backed_by", "syrian-arab-army", "popular-mobilization-forces", None)} <= got
    words = ["Kataib", "Hezbollah", "joined", "the", "fight", "against", "the", "Islamic", "State", "in", "support",
             "of", "the", "Syrian", "Army", "."]
    heads = [1, 2, 2, 4, 2, 4, 8, 8, 5, 8, 9, 10, 14, 14, 11, 2]  # "in support of" hung from the enemy's name
    dep = ["compound", "nsubj", "ROOT", "det", "dobj", "prep", "det", "compound", "pobj", "prep", "pobj", "prep", "det",
           "compound", "pobj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "DET", "NOUN", "ADP", "DET", "PROPN", "PROPN", "ADP", "NOUN", "ADP", "DET", "PROPN",
           "PROPN", "PUNCT"]
    b = _hand_parsed(words, heads, dep, pos, [KH, isis, army])
    assert ("backed_by", "syrian-arab-army", "islamic-state", None) not in triples(b, deps)
