"""Collective actors: "civilians", "Shia militiamen", "Syrian rebels" → a category in a country."""

from dataclasses import replace

from orbat.model import Document, EntityKind, MentionLabel
from orbat.nlp.aliases import build_alias_index
from orbat.nlp.collectives import collective_entity, with_collectives
from orbat.nlp.recognise import Candidate
from orbat.nlp.resolve import resolve_candidates

A, L = MentionLabel.ACTOR, MentionLabel.PLACE


def _at(text, needle, label, source, hint=None):
    i = text.index(needle)
    return Candidate(i, i + len(needle), label, source, hint)


def _found(text, candidates=()):
    return [(text[c.start : c.end], c.hint) for c in with_collectives(text, candidates) if c.source == "collective"]


def test_categories_are_read_off_the_words():
    text = ("Sunni Arab tribesmen and Shia militiamen, with Kurdish fighters, attacked; 12 civilians and "
            "Residents fled as opposition forces and rebels withdrew.")  # fmt: skip
    assert _found(text) == [("Sunni Arab tribesmen", "tribal-fighters"), ("Shia militiamen", "shia-militias"),
                            ("Kurdish fighters", "kurdish-fighters"), ("civilians", "civilians"),
                            ("Residents", "civilians"), ("opposition forces", "rebel-groups"),
                            ("rebels", "rebel-groups")]  # in text order  # fmt: skip


def test_a_named_groups_fighters_are_not_a_collective():
    text = "HTS rebels and Kataib Hezbollah fighters advanced; anti-rebels said nothing."
    cands = [_at(text, "HTS", A, "ruler", "hts")]
    assert _found(text, cands) == []


def test_a_pack_name_covering_the_phrase_wins_and_spacy_guesses_give_way():
    text = "The Shia militiamen of the Syrian Opposition Forces met Kurdish fighters."
    pack = _at(text, "Syrian Opposition Forces", A, "ruler", "sof")
    guess = _at(text, "Kurdish", A, "spacy")
    out = with_collectives(text, [pack, guess])
    assert pack in out and guess not in out
    assert [(text[c.start : c.end]) for c in out if c.source == "collective"] == ["Shia militiamen", "Kurdish fighters"]


def test_a_demonym_force_becomes_the_phrases_country():
    text = "Syrian rebels shelled the town."
    demonym = _at(text, "Syrian rebels", A, "demonym", "demonym-militia:SYR")
    (c,) = with_collectives(text, [demonym])
    assert (c.source, c.hint, text[c.start : c.end]) == ("collective", "rebel-groups@SYR", "Syrian rebels")


def test_the_entity_is_named_for_its_category_and_country():
    e = collective_entity("civilians", "SYR", "Syria")
    assert (e.id, e.name, e.kind, e.sector, e.country) == ("collective:civilians:syr", "Civilians (Syria)",
                                                           EntityKind.ORGANISATION, "CVL", "SYR")  # fmt: skip
    assert collective_entity("rebel-groups", None, None).name == "Rebel groups"


def _resolve(theatre, text, cands, places):
    doc = Document(id="d1", text=text, clean_text=text)
    return resolve_candidates(doc, cands, index=build_alias_index(theatre.entities), forces={},
                              resolve_places=places)  # fmt: skip


def test_resolution_takes_the_country_the_document_names_most_not_the_last(tiny_theatre):
    text = "Syria said the strike killed 12 civilians. Syria blamed Iran, which denied it."
    cands = [_at(text, "Syria", A, "ruler", "syria"), _at(text, "Iran", A, "ruler", "iran")]
    second = text.index("Syria", 10)
    cands.insert(1, Candidate(second, second + 5, A, "ruler", "syria"))
    r = _resolve(tiny_theatre, text, cands, lambda names: [(None, 0.0) for _ in names])
    assert {m.text: m.entity for m in r.mentions}["civilians"] == "collective:civilians:syr"
    assert [e.name for e in r.entities if e.id.startswith("collective:")] == ["Civilians (Syria)"]


def test_without_a_state_the_country_of_the_documents_places_is_taken(tiny_theatre):
    syrian_town = collective_entity("civilians", "SYR", None)  # any entity with a country will do as a place
    text = "Shelling of Douma killed residents."
    r = _resolve(tiny_theatre, text, [_at(text, "Douma", L, "spacy")], lambda names: [(syrian_town, 0.9) for _ in names])
    assert {m.text: m.entity for m in r.mentions}["residents"] == "collective:civilians:syr"


def test_without_any_country_the_category_stands_alone(tiny_theatre):
    text = "Gunmen killed three villagers."
    r = _resolve(tiny_theatre, text, [], lambda names: [])
    assert [m.entity for m in r.mentions] == ["collective:civilians"]


def test_the_place_in_the_sentence_outweighs_the_state_named_last(tiny_theatre):
    idlib = collective_entity("civilians", "SYR", None)  # stands in for a Syrian town
    text = "Iran bombed Idlib, killing 20 civilians."
    r = _resolve(tiny_theatre, text, [_at(text, "Iran", A, "ruler", "iran"), _at(text, "Idlib", L, "spacy")],
                 lambda names: [(idlib, 0.9) for _ in names])  # fmt: skip
    assert {m.text: m.entity for m in r.mentions}["civilians"] == "collective:civilians:syr"


def test_a_demonym_right_before_names_the_country_and_joins_the_phrase():
    text = "The area is held by Syrian opposition groups and Iraqi Arab tribesmen."
    assert _found(text) == [("Syrian opposition groups", "rebel-groups@SYR"), ("Iraqi Arab tribesmen", "tribal-fighters@IRQ")]


def test_a_country_right_after_the_phrase_is_its_country(tiny_theatre):
    syria = collective_entity("civilians", "SYR", None)  # stands in for a country place
    iran = replace(collective_entity("civilians", "IRN", None), feature="country")
    text = "Damascus opposes Shia militias in Iran, near Palmyra."
    r = _resolve(tiny_theatre, text, [_at(text, "Iran", L, "spacy"), _at(text, "Palmyra", L, "spacy")],
                 lambda names: [(iran if n == "Iran" else syria, 0.9) for n in names])  # fmt: skip
    assert {m.text: m.entity for m in r.mentions}["Shia militias"] == "collective:shia-militias:irn"
