"""Provisional people and organisations, and generic forces, on real spaCy output (marked `model`:
fails, never skips, without the model). Sentences are ours; the theatre is the tiny one plus two
coalitions; places come from a fake gazetteer that knows four names."""

import pytest
import spacy

from orbat.model import Alias, Document, Entity, EntityKind, MentionLabel
from orbat.nlp import SPACY_MODEL, analyse_documents, make_nlp_deps
from orbat.nlp.aliases import build_alias_index
from orbat.nlp.recognise import Candidate
from orbat.nlp.resolve import resolve_candidates
from orbat.settings import Settings
from orbat.theatres import Theatre
from tests.conftest import make_tiny_theatre

pytestmark = pytest.mark.model

_PLACES = {
    "Basra": Entity("geonames:99532", EntityKind.PLACE, "Basra", country="IRQ", feature="town"),
    "Baghdad": Entity("geonames:98182", EntityKind.PLACE, "Baghdad", country="IRQ", feature="town"),
    "Palmyra": Entity("geonames:163808", EntityKind.PLACE, "Palmyra", country="SYR", feature="town"),
    "Booker": Entity("geonames:1", EntityKind.PLACE, "Booker", country="USA", feature="town"),
}


def _places(names):
    return [(_PLACES[n], 0.9) if n in _PLACES else (None, 0.0) for n in names]


def _no_dates(text, *, published, candidates=()):
    return []


def _theatre() -> Theatre:
    tiny = make_tiny_theatre()
    coalitions = (
        Entity("cjtf", EntityKind.COALITION, "Combined Joint Task Force", sector="MIL", source="test"),
        Entity("fatah", EntityKind.COALITION, "Fatah Alliance", sector="PTY", source="test",
               aliases=(Alias("Fatah coalition", "test"),)),
    )
    return Theatre("tiny+", (*tiny.entities, *coalitions), ())


@pytest.fixture(scope="module")
def deps():
    nlp = spacy.load(SPACY_MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    return make_nlp_deps(nlp, _theatre(), resolve_places=_places, find_dates=_no_dates)


def _analyse(deps, text):
    doc = Document(id="doc-a1", text=text, clean_text=text)
    return next(analyse_documents([doc], deps=deps, settings=Settings()))


def _by_text(analysis):
    return {m.text: m for m in analysis.mentions}


# ---------------------------------------------------------------- people


def test_unknown_full_name_gets_a_provisional_person_and_a_later_surname_resolves_to_it(deps):
    a = _analyse(deps, "Qasim Rahimi met tribal elders on Monday. Rahimi said the talks went well.")
    got = _by_text(a)
    assert got["Qasim Rahimi"].entity == "prov:person:qasim-rahimi" and got["Qasim Rahimi"].score == 0.6
    assert got["Rahimi"].entity == "prov:person:qasim-rahimi"
    person = next(e for e in a.entities if e.id == "prov:person:qasim-rahimi")
    assert person.kind is EntityKind.PERSON and person.provisional and person.source == "document:doc-a1:0-12"


def test_first_names_of_a_provisional_person_resolve_to_it(deps):
    a = _analyse(deps, "Sheikh Abu Harith al-Dulaimi, a tribal elder, spoke. Abu Harith said the road was open.")
    got = _by_text(a)
    assert got["Abu Harith al-Dulaimi"].entity == got["Abu Harith"].entity == "prov:person:abu-harith-al-dulaimi"


def test_one_word_name_and_a_place_spacy_calls_a_person_get_no_person(deps):
    a = _analyse(deps, "Near Palmyra, fighting continued. Omar fled north.")
    assert not [e for e in a.entities if e.kind is EntityKind.PERSON]
    assert all(m.entity is None or not m.entity.startswith("prov:person") for m in a.mentions)


def test_a_title_is_set_apart_from_the_name_of_a_provisional_person(tiny_theatre):
    text = "Lt. Gen. Marcus Hollander spoke. General Hollander left."
    r = _resolve_by_hand(tiny_theatre, text, ("Lt. Gen. Marcus Hollander", MentionLabel.PERSON),
                         ("General Hollander", MentionLabel.ACTOR))
    person = r.entities[0]
    assert (person.id, person.name) == ("prov:person:marcus-hollander", "Marcus Hollander")
    assert "Lt. Gen." in (person.description or "") and person.source == "document:d1:9-25"
    assert [m.entity for m in r.mentions] == ["prov:person:marcus-hollander"] * 2
    assert r.mentions[1].label is MentionLabel.PERSON


def test_a_city_spacy_calls_a_person_becomes_the_place_not_a_person(tiny_theatre):
    text = "Baghdad said it would respond. Ayn Karam Shalal spoke."
    r = _resolve_by_hand(tiny_theatre, text, ("Baghdad", MentionLabel.PERSON), ("Ayn Karam Shalal", MentionLabel.PERSON))
    assert (r.mentions[0].label, r.mentions[0].entity) == (MentionLabel.PLACE, "geonames:98182")
    assert r.mentions[1].entity is None  # "Ayn …" (spring) starts a place name, not a person's
    assert not [e for e in r.entities if e.kind is EntityKind.PERSON]


def test_the_last_name_of_a_person_is_the_person_even_where_the_gazetteer_knows_it(tiny_theatre):
    text = "Isiah Booker died on Monday. Booker was assigned to the unit."
    r = _resolve_by_hand(tiny_theatre, text, ("Isiah Booker", MentionLabel.PERSON), ("Booker", MentionLabel.PLACE))
    assert [(m.label, m.entity) for m in r.mentions] == [(MentionLabel.PERSON, "prov:person:isiah-booker")] * 2


def test_a_person_span_named_like_an_armed_group_is_a_provisional_actor(tiny_theatre):
    text = "Jaish al-Karama al-Jadid claimed the attack."
    r = _resolve_by_hand(tiny_theatre, text, ("Jaish al-Karama al-Jadid", MentionLabel.PERSON))
    assert (r.mentions[0].label, r.mentions[0].entity) == (MentionLabel.ACTOR, "prov:jaish-karama-jadid")


def _resolve_by_hand(theatre, text, *items):
    cands, pos = [], 0
    for needle, label in items:
        i = text.index(needle, pos)
        cands.append(Candidate(i, i + len(needle), label, "spacy"))
        pos = i + 1
    doc = Document(id="d1", text=text, clean_text=text)
    return resolve_candidates(doc, cands, index=build_alias_index(theatre.entities), forces={}, resolve_places=_places)


# ---------------------------------------------------------------- organisations


def test_unknown_ministry_and_observatory_get_provisional_organisations_of_their_kind(deps):
    a = _analyse(deps, "The Ministry of Water Resources said the dam was safe. The Zarqa Valley Observatory disagreed.")
    kinds = {e.name: (e.id, e.kind) for e in a.entities if e.provisional}
    assert kinds["Ministry of Water Resources"][1] is EntityKind.GOVERNMENT_BODY
    assert kinds["Zarqa Valley Observatory"] == ("prov:zarqa-valley-observatory", EntityKind.ORGANISATION)


def test_a_provisional_organisation_named_only_in_generic_words_is_scoped_to_its_document(deps):
    a = _analyse(deps, "Officials from the Interior Ministry denied it.")
    assert _by_text(a)["Interior Ministry"].entity == "prov:interior-ministry:doc-a1"


def test_single_words_and_names_without_an_organisation_word_stay_unresolved(tiny_theatre):
    text = "Voganlei said so. The Black Book was found."
    r = _resolve_by_hand(tiny_theatre, text, ("Voganlei", MentionLabel.ACTOR), ("Black Book", MentionLabel.ACTOR))
    assert [m.entity for m in r.mentions] == [None, None] and r.entities == ()


# ---------------------------------------------------------------- generic forces


def test_coalition_phrases_resolve_to_the_one_military_coalition(deps):
    a = _analyse(deps, "Coalition aircraft struck a depot near the river. The coalition said two vehicles were destroyed.")
    got = _by_text(a)
    assert got["Coalition aircraft"].entity == got["coalition"].entity == "cjtf"
    assert got["coalition"].score == 0.5
    assert any(j.right == "cjtf" and j.verdict == "unsure" for j in a.judgements)


def test_the_coalition_is_the_coalition_named_before(deps):
    a = _analyse(deps, "The Fatah coalition met in Basra. Later the coalition named a candidate.")
    assert _by_text(a)["coalition"].entity == "fatah"


def test_anti_coalition_fighters_and_a_named_coalition_are_not_the_coalition(deps):
    a = _analyse(deps, "Anti-coalition fighters fled. The Syrian Arab Coalition advanced.")
    assert "cjtf" not in {m.entity for m in a.mentions}


def test_government_forces_are_the_forces_of_the_state_named_before(deps):
    a = _analyse(deps, "Syria said the road was closed. Government forces shelled the town.")
    assert _by_text(a)["Government forces"].entity == "syrian-army"


def test_government_forces_without_a_state_nearby_are_dropped(deps):
    a = _analyse(deps, "Government forces shelled the town.")
    assert "Government forces" not in _by_text(a)


def test_bare_militants_stay_unresolved_and_rebels_are_a_collective(deps):
    a = _analyse(deps, "Militants attacked a checkpoint, and rebels fled.")
    assert [(m.text, m.entity) for m in a.mentions if m.label is MentionLabel.ACTOR] == [
        ("rebels", "collective:rebel-groups")]  # no named group: the category, with no country named


def _dated(deps, text, published):
    doc = Document(id="doc-d1", text=text, clean_text=text, published=published)
    return _by_text(next(analyse_documents([doc], deps=deps, settings=Settings())))


def test_a_bare_coalition_is_the_military_coalition_active_on_the_report_date():
    theatre = _theatre()
    iraq_war = Entity("mnf", EntityKind.COALITION, "Multi-National Force", sector="MIL", source="test")
    theatre = Theatre(theatre.name, (*theatre.entities, iraq_war), (),
                      {"cjtf": ("2014-08-08", None), "mnf": ("2003-03-20", "2011-12-18")})  # fmt: skip
    nlp = spacy.load(SPACY_MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    dated = make_nlp_deps(nlp, theatre, resolve_places=_places, find_dates=_no_dates)
    text = "Coalition forces raided a house near the river at dawn."
    assert _dated(dated, text, "2006-05-02")["Coalition forces"].entity == "mnf"
    assert _dated(dated, text, "2016-05-02")["Coalition forces"].entity == "cjtf"
    between = _dated(dated, text, "2013-05-02")  # between the two there was none: no entity, no mention
    assert [m.entity for t, m in between.items() if "oalition" in t] in ([], [None])
    assert _dated(dated, text, None)["Coalition forces"].entity == "cjtf"  # undated: the one still active


# ---------------------------------------------------------------- a ruler's government


def test_a_ruler_s_regime_is_the_government_and_a_later_bare_regime_is_too():
    theatre = _theatre()
    government = Entity("assad-government", EntityKind.GOVERNMENT_BODY, "Syrian government (Assad era)",
                        source="test", aliases=(Alias("Assad regime", "test"),))
    assad = Entity("bashar-al-assad", EntityKind.PERSON, "Bashar al-Assad", source="test",
                   aliases=(Alias("Assad", "test"),))
    nlp = spacy.load(SPACY_MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    deps = make_nlp_deps(nlp, Theatre("tiny+", (*theatre.entities, government, assad), ()),
                         resolve_places=_places, find_dates=_no_dates)
    found = _by_text(_analyse(deps, "The Assad regime shelled Basra again. Ministers urged Moscow to press the "
                                    "regime to stop."))
    assert found["Assad regime"].entity == "assad-government"  # not the man, whose name the ruler matched
    assert found["regime"].entity == "assad-government" and found["regime"].source == "shortform"
    alone = _by_text(_analyse(deps, "Ministers urged Moscow to press the regime to stop."))
    assert "regime" not in alone or alone["regime"].entity is None  # no regime named before: no one
