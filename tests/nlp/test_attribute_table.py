"""The attribute table gives exactly the annotations of spaCy's attribute ruler (real model)."""

from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from orbat.nlp import SPACY_MODEL
from orbat.nlp.attribute_table import TABLE_NAME, AttributeTable, UnsupportedRule, use_attribute_table

pytestmark = pytest.mark.model

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "iraq_syria"
# Sentences we wrote to reach the ruler's rarer rules: several-token rules (gonna, gotta, let's,
# y'all, ain't, there is), pronoun case by dependency, "but" as an adverb, whitespace tokens.
CRAFTED = [
    "They're gonna hold the crossing, and we gotta leave. Let's go, y'all.",
    "It ain't over: there is a convoy, there are drones and there were talks.",
    "I told him and he told me; it hit them, but they did not see it.\n\n  The brigade moved.\t",
    "Whether or not the militia withdraws, something will change; nobody knows what those are.",
    "C'mon, that's all the ol' commander said 'bout 'em.",
]
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def pipelines():
    ruler = spacy.load(SPACY_MODEL, exclude=["lemmatizer"])
    table = spacy.load(SPACY_MODEL, exclude=["lemmatizer"])
    assert use_attribute_table(table)
    return ruler, table


def _annotations(doc):
    return doc.to_array(ATTRS).tolist(), [str(t.morph) for t in doc], [(e.start, e.end, e.label_) for e in doc.ents]


def test_the_table_replaces_the_ruler_which_stays_disabled(pipelines):
    _, table = pipelines
    assert TABLE_NAME in table.pipe_names and "attribute_ruler" not in table.pipe_names
    assert "attribute_ruler" in table.disabled
    assert table.pipe_names.index(TABLE_NAME) == table.pipe_names.index("parser") + 1


@pytest.mark.parametrize("text", CRAFTED)
def test_crafted_sentences_get_the_rulers_annotations(pipelines, text):
    ruler, table = pipelines
    assert _annotations(table(text)) == _annotations(ruler(text))


def test_sample_corpus_gets_the_rulers_annotations(pipelines):
    ruler, table = pipelines
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    assert len(texts) >= 5
    for mine, theirs in zip(table.pipe(texts), ruler.pipe(texts)):
        assert _annotations(mine) == _annotations(theirs)


def test_several_token_rules_reach_their_target_token(pipelines):
    _, table = pipelines
    doc = table("Let's see, they're gonna wait.")
    assert [t.lemma_ for t in doc if t.lower_ in ("'s", "na")] == ["us", "to"]


def test_a_rule_the_table_cannot_read_leaves_the_ruler_in_place():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "x", "LENGTH": 1}]], {"POS": "X"})
    assert not use_attribute_table(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    with pytest.raises(UnsupportedRule):
        AttributeTable([([[{"SHAPE": "Xx"}]], {}, 0)], nlp.vocab.strings)
