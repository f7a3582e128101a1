"""Fingerprints for exact and near-duplicate detection.

Two signals, both computed from one document alone (so they run in any worker):

- a MinHash signature of word shingles, banded for locality-sensitive lookup:
  one wire story carried by five outlets with small edits;
- hashes of the document's substantive sentences: a teaser that repeats a
  sentence of an article, which Jaccard over whole texts cannot see because the
  teaser is a tiny fraction of the article (containment, not similarity).

Which documents form one story is decided by ``same_story`` over a candidate's
fingerprint; the store only finds candidates.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from orbat.model import Document, DocumentKind, Fingerprint, SegmentKind

__all__ = ["Fingerprint", "fingerprint_document", "same_story", "BANDS", "ROWS", "SHORT_DOCUMENT_WORDS"]

BANDS = 32
ROWS = 4
PERMUTATIONS = BANDS * ROWS
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are only comparable within one scheme
SHORT_DOCUMENT_WORDS = 120  # at or below this a single shared sentence can make one story...
SHORT_CONTAINED = 0.5  # ...when at least this share of the short text is estimated to be in the other
MIN_SENTENCE_WORDS = 8
_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+|\n+")


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    return MinHash(num_perm=num_perm, seed=1, scheme=SCHEME).permutations


def _hash64(data: bytes) -> int:
    """A signed 64-bit hash (SQLite integers are signed)."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)


def _body_text(doc: Document) -> str:
    """Clean text without captions, credits and pull quotes, which recur across unrelated stories."""
    text = doc.clean_text or doc.text
    drop = [s for s in doc.segments if s.kind in (SegmentKind.CAPTION, SegmentKind.CREDIT, SegmentKind.PULL_QUOTE)]
    if not drop:
        return text
    parts, pos = [], 0
    for seg in sorted(drop, key=lambda s: s.start):
        parts.append(text[pos : seg.start])
        pos = max(pos, seg.end)
    parts.append(text[pos:])
    return "\n".join(parts)


def _sentence_hashes(text: str) -> tuple[int, ...]:
    hashes = set()
    for sentence in _SENTENCE_END.split(text):
        words = _WORD.findall(sentence.lower())
        if len(words) >= MIN_SENTENCE_WORDS:
            hashes.add(_hash64(" ".join(words).encode("utf-8")))
    return tuple(sorted(hashes))


def fingerprint_document(doc: Document, *, shingle_words: int = 5) -> Fingerprint:
    text = _body_text(doc)
    if doc.kind == DocumentKind.LISTING_ITEM and doc.title and text.startswith(doc.title):
        text = text[len(doc.title) :]  # a headline is not a sentence of the story
    words = _WORD.findall(text.lower())
    k = min(shingle_words, max(len(words), 1))
    shingles = {" ".join(words[i : i + k]).encode("utf-8") for i in range(max(len(words) - k + 1, 1))}
    mh = MinHash(num_perm=PERMUTATIONS, seed=1, permutations=_permutations(PERMUTATIONS), scheme=SCHEME)
    mh.update_batch(sorted(shingles))
    values = np.asarray(mh.hashvalues, dtype="<u8")
    bands = tuple(_hash64(values[b * ROWS : (b + 1) * ROWS].tobytes() + bytes([b])) for b in range(BANDS))
    return Fingerprint(doc.id, len(words), values.tobytes(), bands, _sentence_hashes(text))


def same_story(
    new: Fingerprint,
    other_minhash: bytes,
    other_words: int,
    other_sentences: int,
    shared_sentences: int,
    *,
    jaccard: float,
) -> bool:
    """Whether a candidate is the same story as ``new``: near-identical text, or the shorter one contained."""
    estimate = float(np.mean(np.frombuffer(new.minhash, dtype="<u8") == np.frombuffer(other_minhash, dtype="<u8")))
    if estimate >= jaccard:
        return True
    if shared_sentences == 0:
        return False
    shorter = min(new.words, other_words)
    if shorter <= SHORT_DOCUMENT_WORDS:  # a teaser repeating a lede: most of the short text is in the long one
        return _containment(estimate, shorter, max(new.words, other_words)) >= SHORT_CONTAINED
    fewer = max(min(len(new.sentences), other_sentences), 1)
    return shared_sentences >= 2 and shared_sentences * 2 >= fewer


def _containment(jaccard: float, small: int, large: int) -> float:
    """Estimated share of the smaller set inside the larger, from their Jaccard index and sizes.

    |A∩B| = J(|A|+|B|)/(1+J). A boilerplate line shared by two short reports ("sample data, not a
    real article", an agency sign-off) is a small share of either; a teaser's lede is most of it.
    """
    return jaccard * (small + large) / ((1.0 + jaccard) * max(small, 1))
