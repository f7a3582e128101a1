"""Line breaks that end a sentence: headlines, datelines and bylines glued to the body by the parser.

spaCy's parser decides sentence boundaries itself, and across a line break it often does not see
one ("… reiterates support for X in the fight against Y⏎⏎Minister Z said: …" becomes one sentence,
with "Y Minister Z" one noun phrase). The component here runs before the parser and marks the
first token of a line as a sentence start, which the parser keeps, when

- a blank line comes before it (a new paragraph), or
- the line before it is a heading: a few words, most of them capitalised, with no closing
  punctuation ("Raqqa in Next Isolation Phase"); a hard-wrapped sentence ("… fighters of the⏎
  Popular Mobilization Forces …") is left to the parser.

It decides nothing else. Requires the tokenizer only; assigns ``token.is_sent_start``.
"""

from __future__ import annotations

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["PARAGRAPHS_NAME", "mark_paragraph_breaks", "add_paragraph_breaks"]

PARAGRAPHS_NAME = "orbat_paragraph_breaks"
_HEADING_MAX_WORDS = 14
_MINOR = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as",
                    "into", "against", "after", "over", "near", "vs", "-", "–", "—", ":"})


def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first token after a blank line, or after a heading line, as a sentence start."""
    line_start = 0
    for i in _line_break_tokens(doc):
        tok = doc[i]
        breaks = tok.text.count("\n")
        if not breaks:
            continue
        nxt = doc[tok.i + 1]
        if breaks >= 2 or (_heading(doc[line_start : tok.i]) and not nxt.is_space):
            nxt.is_sent_start = True
        line_start = tok.i + 1
    return doc


def _line_break_tokens(doc: Doc) -> list[int]:
    """The whitespace tokens, but the last, in order: a line break is always one (spaCy's trailing
    whitespace of a word is a single space at most), so only they are read."""
    return np.flatnonzero(doc.to_array("IS_SPACE")[:-1]).tolist()


def _heading(line: object) -> bool:
    """A short line of mostly capitalised words with no closing punctuation."""
    words = [t for t in line if not t.is_space]  # type: ignore[attr-defined]
    if not 2 <= len(words) <= _HEADING_MAX_WORDS or words[-1].is_punct:
        return False
    content = [t for t in words if t.lower_ not in _MINOR and t.is_alpha]
    return bool(content) and sum(t.text[:1].isupper() for t in content) >= 0.8 * len(content)


@Language.component(PARAGRAPHS_NAME, assigns=["token.is_sent_start"])
def _paragraph_breaks(doc: Doc) -> Doc:
    return mark_paragraph_breaks(doc)


def add_paragraph_breaks(nlp: Language) -> bool:
    """Put the component right before ``nlp``'s parser (True), or leave a pipeline without one be (False)."""
    if "parser" not in nlp.pipe_names or PARAGRAPHS_NAME in nlp.pipe_names:
        return False
    nlp.add_pipe(PARAGRAPHS_NAME, before="parser")
    return True
