"""Reference marks: "Levant.[1]" is the name, a full stop and a mark, so the name keeps its last word."""

import spacy

from orbat.nlp.reference_marks import split_reference_marks


def _tokens(nlp, text):
    return [t.text for t in nlp.tokenizer(text)]


def test_a_bracketed_number_after_a_word_is_split_off_with_the_full_stop_before_it():
    nlp = spacy.blank("en")
    assert _tokens(nlp, "the Levant.[1] Then")[:3] == ["the", "Levant.[1", "]"]  # what spaCy does alone
    assert split_reference_marks(nlp)
    assert _tokens(nlp, "the Levant.[1] Then the group.[12][13] fled") == [
        "the", "Levant", ".", "[1]", "Then", "the", "group", ".", "[12]", "[13]", "fled"]


def test_other_brackets_are_left_alone_and_the_rule_is_added_once():
    nlp = spacy.blank("en")
    assert split_reference_marks(nlp) and not split_reference_marks(nlp)
    assert _tokens(nlp, "list[a] x[1]y [1234]") == ["list[a", "]", "x[1]y", "[", "1234", "]"]
