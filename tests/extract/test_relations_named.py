"""Relations about units, ranks, roles held among many, and countries the pack has no state for:
sentences we wrote, parsed by the real model, with hand-made mentions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from orbat.extract.relations import build_relation_deps
from orbat.model import Entity, EntityKind

from tests.extract.relation_helpers import triples

pytestmark = pytest.mark.model

KH = ("Kataib Hezbollah", "ACTOR", "kataib-hezbollah")
PMF = ("Popular Mobilization Forces", "ACTOR", "popular-mobilization-forces")
COALITION = ("Coalition nations", "ACTOR", "cjtf-oir")


@pytest.fixture(scope="module")
def deps(theatre):
    return build_relation_deps(theatre)


def test_numbered_unit_named_with_its_larger_unit_is_part_of_it(analysed, deps):
    a = analysed("Sergeant Karim Aziz was assigned to 2nd Battalion, 5th Infantry Brigade, near the border.",
                 [("Karim Aziz", "PERSON", "prov:person:karim-aziz"), ("2nd Battalion", "ACTOR", "prov:bn"),
                  ("5th Infantry Brigade", "ACTOR", "prov:bde")])
    got = triples(a, deps)
    assert ("part_of", "prov:bn", "prov:bde", None) in got
    assert ("member_of", "prov:person:karim-aziz", "prov:bn", None) in got


def test_units_of_one_size_or_unnumbered_are_not_nested(analysed, deps):
    a = analysed("The 2nd Battalion, 3rd Battalion and the Anbar Brigade, Kataib Hezbollah fought.",
                 [("2nd Battalion", "ACTOR", "prov:bn2"), ("3rd Battalion", "ACTOR", "prov:bn3"),
                  ("Anbar Brigade", "ACTOR", "prov:anbar"), KH])
    assert not {t for t in triples(a, deps) if t[0] == "part_of"}


def test_organisation_and_rank_before_a_name_make_the_person_a_member(analysed, deps):
    a = analysed("Gunmen seized Syrian Air Force lieutenant Rami Haddad near the airport.",
                 [("Syrian Air Force", "ACTOR", "prov:syrian-air-force"), ("Rami Haddad", "PERSON", "prov:person:rh")])
    assert ("member_of", "prov:person:rh", "prov:syrian-air-force", None) in triples(a, deps)


def test_a_commander_among_many_is_a_member_and_the_commander_leads(analysed, deps):
    person = ("Abu Zainab al-Lami", "PERSON", "prov:person:azl")
    one = analysed("Abu Zainab al-Lami, a Kataib Hezbollah commander, was killed in the strike.", [person, KH])
    the = analysed("Abu Zainab al-Lami, the Kataib Hezbollah commander, was killed in the strike.", [person, KH])
    assert triples(one, deps) >= {("member_of", "prov:person:azl", "kataib-hezbollah", None)}
    assert not any(t[0] == "leads" for t in triples(one, deps))
    assert ("leads", "prov:person:azl", "kataib-hezbollah", "commander") in triples(the, deps)


def test_a_spokesman_for_an_organisation_named_after_it_leads_as_spokesperson(analysed, deps):
    a = analysed("A spokesman for the Popular Mobilization Forces, Ahmad al-Asadi, told reporters it was calm.",
                 [PMF, ("Ahmad al-Asadi", "PERSON", "prov:person:aaa")])
    assert ("leads", "prov:person:aaa", "popular-mobilization-forces", "spokesperson") in triples(a, deps)


def test_an_envoy_for_a_state_does_not_lead_the_state(analysed, deps):
    a = analysed("Laila Nour, the French envoy for Syria, said the talks would resume.",
                 [("Laila Nour", "PERSON", "prov:person:ln"), ("Syria", "ACTOR", "syria")])
    assert not any(t[0] == "leads" for t in triples(a, deps))


def _with_places(analysis, *places):
    return replace(analysis, entities=(*analysis.entities, *places))


def test_a_country_the_pack_has_no_state_for_stands_for_itself_in_an_actor_slot(analysed, deps):
    australia = Entity("geonames:2077456", EntityKind.PLACE, "Australia", feature="country")
    canada = Entity("geonames:6251999", EntityKind.PLACE, "Canada", feature="country")
    a = analysed("Coalition nations which have conducted strikes in Iraq include Australia and Canada.",
                 [COALITION, ("Australia", "PLACE", australia.id), ("Canada", "PLACE", canada.id)])
    got = triples(_with_places(a, australia, canada), deps)
    assert {("part_of", "geonames:2077456", "cjtf-oir", None), ("part_of", "geonames:6251999", "cjtf-oir", None)} <= got


def test_a_town_in_an_actor_slot_still_stands_for_nobody(analysed, deps):
    town = Entity("geonames:1", EntityKind.PLACE, "Perth", feature="town")
    a = analysed("Coalition nations which have conducted strikes in Iraq include Perth.",
                 [COALITION, ("Perth", "PLACE", town.id)])
    assert triples(_with_places(a, town), deps) == set()


def test_strikes_conducted_with_aircraft_against_a_group_oppose_it(analysed, deps):
    a = analysed("In Syria, Coalition military forces conducted 15 strikes using drones and bombers against ISIS targets.",
                 [("Coalition military forces", "ACTOR", "cjtf-oir"), ("ISIS", "ACTOR", "islamic-state")])
    assert ("opposed_to", "cjtf-oir", "islamic-state", None) in triples(a, deps)


def test_a_unit_flying_missions_as_part_of_a_group_is_part_of_it(analysed, deps):
    a = analysed("They will join the 61st Fighter Squadron, which will fly missions against ISIS as part of the "
                 "332nd Air Expeditionary Wing.",
                 [("61st Fighter Squadron", "ACTOR", "prov:61fs"), ("ISIS", "ACTOR", "islamic-state"),
                  ("332nd Air Expeditionary Wing", "ACTOR", "prov:332aew")])
    got = triples(a, deps)
    assert ("part_of", "prov:61fs", "prov:332aew", None) in got
    assert ("opposed_to", "prov:61fs", "islamic-state", None) in got


def test_fire_received_from_a_group_and_fire_opened_on_one_oppose_the_sides(analysed, deps):
    iraqi = ("Iraqi Army", "ACTOR", "iraqi-army")
    got = analysed("The Iraqi Army convoy came under fire from Kataib Hezbollah fighters near the town.", [iraqi, KH])
    opened = analysed("Kataib Hezbollah fighters opened fire on Iraqi Army soldiers at the checkpoint.", [KH, iraqi])
    blaze = analysed("A fire broke out at a Kataib Hezbollah depot near the Iraqi Army base.", [KH, iraqi])
    assert ("opposed_to", "kataib-hezbollah", "iraqi-army", None) in triples(got, deps)
    assert ("opposed_to", "kataib-hezbollah", "iraqi-army", None) in triples(opened, deps)
    assert triples(blaze, deps) == set()


def test_a_group_known_by_a_name_is_part_of_the_group_named_before_the_noun(analysed, deps):
    kia = ("Kataib al-Imam Ali", "ACTOR", "kataib-al-imam-ali")
    a = analysed("Fighters for the PMF group known as Kataib al-Imam Ali were seen near the crossing.",
                 [("PMF", "ACTOR", "popular-mobilization-forces"), kia])
    assert ("part_of", "kataib-al-imam-ali", "popular-mobilization-forces", None) in triples(a, deps)
    alone = analysed("The group known as Kataib al-Imam Ali fired rockets.", [kia])
    assert not triples(alone, deps)  # no group named before the noun: nothing to be part of


def test_a_place_based_group_is_present_there(analysed, deps):
    a = analysed("Iran supports movements such as the Lebanon-based Hezbollah.",
                 [("Iran", "ACTOR", "iran"), ("Lebanon", "PLACE", "lebanon"), ("Hezbollah", "ACTOR", "lebanese-hezbollah")])
    assert ("present_at", "lebanese-hezbollah", "lebanon", None) in triples(a, deps)


def test_a_relation_to_a_generic_phrase_reaches_the_examples_it_names(analysed, deps):
    iran, kh, nujaba = ("Iran", "ACTOR", "iran"), KH, ("Harakat al-Nujaba", "ACTOR", "harakat-al-nujaba")
    for text in ("Iran supported militias including Kataib Hezbollah and Harakat al-Nujaba.",
                 "Iran supported armed movements such as Kataib Hezbollah and Harakat al-Nujaba."):
        got = triples(analysed(text, [iran, kh, nujaba]), deps)
        assert {("backed_by", "kataib-hezbollah", "iran", None), ("backed_by", "harakat-al-nujaba", "iran", None)} <= got
    assert not triples(analysed("Iran supported militias.", [iran]), deps)


def test_under_the_control_of_and_took_control_of_give_control(analysed, deps):
    pmf, qaim = ("Popular Mobilization Forces", "ACTOR", "popular-mobilization-forces"), ("Al-Qaim", "PLACE", "geonames:92138")
    for text in ("Al-Qaim fell under the control of the Popular Mobilization Forces.",
                 "The Popular Mobilization Forces took control of Al-Qaim in November."):
        assert ("controls", "popular-mobilization-forces", "geonames:92138", None) in triples(analysed(text, [pmf, qaim]), deps)
    lost = analysed("The Popular Mobilization Forces lost control of Al-Qaim.", [pmf, qaim])
    assert not any(t[0] == "controls" for t in triples(lost, deps))


def test_a_capital_in_an_actor_slot_is_its_state(analysed, deps):
    a = analysed("Kataib Hezbollah is allied with Damascus.", [KH, ("Damascus", "PLACE", "geonames:170654")])
    assert ("allied_with", "kataib-hezbollah", "syria", None) in triples(a, deps)


def test_a_generic_phrase_known_by_a_name_is_that_name(analysed, deps):
    a = analysed("Iran-backed militias known as the Popular Mobilization Forces attacked Islamic State fighters.",
                 [("Iran", "ACTOR", "iran"), PMF, ("Islamic State", "ACTOR", "islamic-state")])
    got = triples(a, deps)
    assert ("backed_by", "popular-mobilization-forces", "iran", None) in got
    assert ("opposed_to", "popular-mobilization-forces", "islamic-state", None) in got
