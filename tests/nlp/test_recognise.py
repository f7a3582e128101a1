"""Recognition with the real spaCy model (marked `model`: fails, never skips, without it)."""

import pytest
import spacy

from orbat.model import Document, MentionLabel
from orbat.nlp import SPACY_MODEL, analyse_documents, make_nlp_deps
from orbat.settings import Settings
from tests.conftest import make_tiny_theatre

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def deps():
    theatre = make_tiny_theatre()
    nlp = spacy.load(SPACY_MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    return make_nlp_deps(nlp, theatre, resolve_places=lambda names: [(None, 0.0)] * len(names), find_dates=_no_dates)


def _no_dates(text, *, published, candidates=()):
    return []


def _mentions(deps, text):
    doc = Document(id="d1", text=text, clean_text=text)
    return {m.text: m for m in next(analyse_documents([doc], deps=deps, settings=Settings())).mentions}


def test_pack_names_get_the_right_type_whatever_spacy_thinks(deps):
    got = _mentions(deps, "Fighters of Kataib Hezbollah and the Hashd al-Shaabi reached Tarfawi and al Qaim.")
    assert (got["Kataib Hezbollah"].label, got["Kataib Hezbollah"].entity) == (MentionLabel.ACTOR, "kh")
    assert got["Hashd al-Shaabi"].entity == "pmf"
    assert got["Tarfawi"].label is MentionLabel.PLACE and got["al Qaim"].label is MentionLabel.PLACE


def test_spelling_variants_match_through_token_patterns(deps):
    got = _mentions(deps, "A statement by Kata'ib Hizballah was read out.")
    assert got["Kata'ib Hizballah"].entity == "kh" and got["Kata'ib Hizballah"].source == "ruler"


def test_a_country_is_an_actor_when_it_acts_and_a_place_otherwise(deps):
    got = _mentions(deps, "Iran-backed militias crossed into Syria.")
    assert got["Iran"].label is MentionLabel.ACTOR and got["Syria"].label is MentionLabel.PLACE


def test_demonym_force_is_one_actor_span(deps):
    got = _mentions(deps, "On Saturday, Syrian fighters skirmished with Iraqi militiamen.")
    assert got["Syrian fighters"].entity == "syrian-army"
    assert got["Iraqi militiamen"].label is MentionLabel.ACTOR and got["Iraqi militiamen"].entity is None


def test_possessive_and_leading_the_are_trimmed(deps):
    got = _mentions(deps, "The PMF's commander spoke to the Popular Mobilization Forces.")
    assert "PMF" in got and "Popular Mobilization Forces" in got


def test_an_organisation_drawn_around_its_people_is_named_after_of(deps):
    got = _mentions(deps, "The Men and Women of the 407th AEG are working hard to defeat Daesh, Lyons said.")
    assert "407th AEG" in got and not any(name.startswith(("The Men", "Men")) for name in got)
    assert got["407th AEG"].label is MentionLabel.ACTOR and got["407th AEG"].entity  # a numbered unit: provisional


def test_a_warship_is_a_unit_and_its_bare_name_later_is_the_same_ship(deps):
    got = _mentions(deps, "The French frigate FS Forbin joined the task force. Forbin is joining USS Hopper in the Gulf.")
    assert got["FS Forbin"].label is MentionLabel.ACTOR and got["USS Hopper"].label is MentionLabel.ACTOR
    assert got["FS Forbin"].entity and got["Forbin"].entity == got["FS Forbin"].entity
    assert got["USS Hopper"].entity not in (None, got["FS Forbin"].entity)


def test_a_kunya_spacy_misses_is_a_person(deps):
    got = _mentions(deps, "Abu Musab al-Zarqawi appointed Abu Ghadiya the lead commander in 2004. Ghadiya obeyed.")
    assert got["Abu Ghadiya"].label is MentionLabel.PERSON and got["Abu Ghadiya"].entity
    assert got["Ghadiya"].entity == got["Abu Ghadiya"].entity


def test_acronym_matching_is_case_sensitive(deps):
    got = _mentions(deps, "Let us go, said the KH commander.")
    assert "us" not in got and got["KH"].entity == "kh"


def test_us_standing_alone_is_the_country_not_a_dropped_demonym(deps):
    got = _mentions(deps, "The US sent more troops, and US forces patrolled the border.")
    assert "US" in got  # a lone "Iraqi" is an adjective; a lone "US" names the state
    assert "US forces" in got


def test_us_before_a_hyphen_stays_a_modifier(deps):
    assert "US" not in _mentions(deps, "Many groups in the PMF are US-designated terrorist groups.")


def test_us_at_the_very_end_of_a_text_is_kept(deps):
    assert "US" in _mentions(deps, "The troops were sent by the US")


def test_the_same_brigade_is_a_short_form_of_the_brigade_named_before(deps):
    text = "Abu Ali leads the Al-Tufuf Brigade. A representative of the same brigade spoke to reporters."
    doc = Document(id="d1", text=text, clean_text=text)
    mentions = next(analyse_documents([doc], deps=deps, settings=Settings())).mentions
    (short,) = [m for m in mentions if m.text == "brigade"]
    assert short.source == "shortform" and short.entity == "tufuf"


def test_a_two_word_name_with_its_article_needs_the_article():
    from orbat.nlp.recognise import _name_patterns

    blank = spacy.blank("en")
    assert "national" not in _name_patterns("The National", blank)  # "national security", "Air National Guard"
    assert "islamic state" in _name_patterns("The Islamic State", blank)
