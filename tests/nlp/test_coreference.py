"""Coreference: pronouns that stand for an actor or a person named before them.

The real spaCy model parses sentences we wrote; the named mentions are made by hand.
"""

import pytest

from orbat.model import EntityKind, Mention, MentionLabel
from orbat.nlp import SPACY_MODEL
from orbat.nlp.coreference import coreference_mentions

KINDS = {"kh": EntityKind.ARMED_GROUP, "sdf": EntityKind.ARMED_GROUP, "isis": EntityKind.ARMED_GROUP,
         "baghdadi": EntityKind.PERSON, "rudaw": EntityKind.MEDIA, "civilians": EntityKind.ORGANISATION, "usa": EntityKind.STATE}  # fmt: skip


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.load(SPACY_MODEL, exclude=["lemmatizer"])  # raises when the model is missing: fails, never skips


def _named(text, specs):
    out = []
    for surface, label, entity in specs:
        i = text.index(surface)
        out.append(Mention("d", i, i + len(surface), surface, MentionLabel(label), entity, 1.0, "test"))
    return sorted(out, key=lambda m: m.start)


def _links(nlp, text, specs):
    named = _named(text, specs)
    found = coreference_mentions("d", nlp(text), named, KINDS.get)
    return [(m.text, m.entity, text[m.antecedent[0] : m.antecedent[1]]) for m in found]


def test_a_pronoun_in_the_next_sentence_is_the_subject_named_before(nlp):
    text = "Kataib Hezbollah denied the attack on the base. It said its fighters had left the area."
    assert _links(nlp, text, [("Kataib Hezbollah", "ACTOR", "kh")]) == [
        ("It", "kh", "Kataib Hezbollah"), ("its", "kh", "Kataib Hezbollah")]


def test_people_are_he_and_groups_are_they(nlp):
    text = "Abu Bakr al-Baghdadi appeared with the SDF nowhere near. He said they had lost."
    specs = [("Abu Bakr al-Baghdadi", "PERSON", "baghdadi"), ("SDF", "ACTOR", "sdf")]
    assert _links(nlp, text, specs) == [("He", "baghdadi", "Abu Bakr al-Baghdadi"), ("they", "sdf", "SDF")]


def test_the_object_of_a_verb_is_never_its_own_subject(nlp):
    text = "The SDF attacked them near Hajin on Monday."
    assert _links(nlp, text, [("SDF", "ACTOR", "sdf")]) == []


def test_an_empty_it_stands_for_no_one(nlp):
    text = "Kataib Hezbollah fired rockets at the base. It is unclear how many were hurt. It was reported that two died."
    assert _links(nlp, text, [("Kataib Hezbollah", "ACTOR", "kh")]) == []


def test_it_is_never_a_collective_and_we_is_left_to_attribution(nlp):
    text = "Civilians fled the town. It was shelled. We will help them, it said."
    found = _links(nlp, text, [("Civilians", "ACTOR", "collective:civilians:syr")])
    assert [(t, e) for t, e, _ in found] == [("them", "collective:civilians:syr")]  # not "It", "We" or "it"


def test_two_names_and_no_fitting_subject_is_ambiguous(nlp):
    text = "A convoy passed between ISIS and the SDF. They opened fire."
    specs = [("ISIS", "ACTOR", "isis"), ("SDF", "ACTOR", "sdf")]
    assert _links(nlp, text, specs) == []


def test_the_antecedent_is_looked_for_two_sentences_back_and_no_further(nlp):
    text = "The SDF took Hajin. The town was empty. The river was high. They moved on."
    assert _links(nlp, text, [("SDF", "ACTOR", "sdf")]) == []
    text = "The SDF took Hajin. The town was empty. They moved on."
    assert _links(nlp, text, [("SDF", "ACTOR", "sdf")]) == [("They", "sdf", "SDF")]


def test_a_mention_source_carries_the_antecedent_span():
    m = Mention("d", 40, 42, "It", MentionLabel.ACTOR, "kh", 0.55, "coref:0-16")
    assert m.antecedent == (0, 16)
    assert Mention("d", 0, 3, "SDF", MentionLabel.ACTOR, "sdf", 1.0, "ruler").antecedent is None
    assert Mention("d", 0, 3, "x", MentionLabel.DATE, None, 0.9, "dates:caption").antecedent is None


def test_an_unnamed_noun_closer_to_the_pronoun_is_who_it_is(nlp):
    specs = [("PMF", "ACTOR", "kh")]
    assert _links(nlp, "The PMF is made up of different brigades. Some of them are proxies.", specs) == []
    assert _links(nlp, "The PMF deployed. One militia said on Monday that it will attack.", specs) == []
    assert _links(nlp, "The PMF said the militias would move their fighters.", specs) == []
    assert _links(nlp, "The PMF said it would move its fighters.", specs) == [("it", "kh", "PMF"), ("its", "kh", "PMF")]


def test_an_outlet_is_no_ones_they(nlp):
    text = "Rudaw reported the attack. They said the base was hit."
    assert _links(nlp, text, [("Rudaw", "ACTOR", "rudaw")]) == []
