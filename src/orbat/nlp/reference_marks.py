"""Reference marks ("[1]", "[12][13]") split off the word they follow.

Encyclopaedia text cites its sources with bracketed numbers glued to the last word of a sentence:
"… by the Islamic State of Iraq and the Levant.[1]". spaCy's tokenizer keeps "Levant.[1" as one
token, so the name loses its last word ("Islamic State of Iraq" is another group, the one the
Levant's had been before 2013) and the sentence its full stop. A suffix rule for a bracketed number
of one to three digits makes "Levant", ".", "[1]" three tokens. Brackets around other text and
numbers inside a word ("x[1]y") are left alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_suffix_regex

__all__ = ["split_reference_marks"]

_MARK = r"\[\d{1,3}\]"


def split_reference_marks(nlp: Language) -> bool:
    """Add the suffix rule to ``nlp``'s tokenizer; False when it is there already."""
    found = nlp.tokenizer.suffix_search and nlp.tokenizer.suffix_search("a[1]")
    if found and found.group() == "[1]":
        return False
    nlp.tokenizer.suffix_search = compile_suffix_regex([_MARK, *(nlp.Defaults.suffixes or ())]).search
    return True
