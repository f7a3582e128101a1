"""Paragraph breaks: a blank line, or the end of a heading line, ends a sentence before the parser decides the rest."""

import pytest
import spacy

from orbat.nlp import SPACY_MODEL
from orbat.nlp.paragraphs import PARAGRAPHS_NAME, add_paragraph_breaks, mark_paragraph_breaks


def test_the_token_after_a_blank_line_starts_a_sentence_and_a_single_newline_does_not():
    nlp = spacy.blank("en")
    doc = mark_paragraph_breaks(nlp("Militia shells border post\n\nThe militia said it fired.\nIt gave no toll."))
    starts = [t.text for t in doc if t.is_sent_start]
    assert "The" in starts
    assert "It" not in starts  # a line break inside a paragraph leaves the parser to decide


def test_a_heading_line_ends_a_sentence_but_a_hard_wrapped_line_does_not():
    nlp = spacy.blank("en")
    doc = mark_paragraph_breaks(nlp("Militia Shells Border Post Near Qaim\nOn Monday the militia fired."))
    assert "On" in [t.text for t in doc if t.is_sent_start]
    doc = mark_paragraph_breaks(nlp("The attack, said officials of the\nPopular Mobilization Forces, failed."))
    assert [t.text for t in doc if t.is_sent_start] == ["The"]


def test_the_component_goes_before_the_parser_and_only_once():
    nlp = spacy.blank("en")
    assert not add_paragraph_breaks(nlp)  # no parser, nothing to help
    nlp.add_pipe("sentencizer", name="parser")  # stands in for the parser's place in the pipeline
    assert add_paragraph_breaks(nlp) and not add_paragraph_breaks(nlp)
    assert nlp.pipe_names == [PARAGRAPHS_NAME, "parser"]


@pytest.mark.model
def test_the_parser_keeps_a_headline_apart_from_the_body():
    nlp = spacy.load(SPACY_MODEL, exclude=["lemmatizer"])
    add_paragraph_breaks(nlp)
    doc = nlp("Minister backs the army in the fight against the militia\n\nMinister Hadi said: the army will win.")
    assert [s.text.strip() for s in doc.sents][0] == "Minister backs the army in the fight against the militia"
