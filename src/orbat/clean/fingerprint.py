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
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from orbat.model import Document, DocumentKind, Fingerprint, SegmentKind

__all__ = ["Fingerprint", "fingerprint_document", "same_story", "BANDS", "ROWS", "SHORT_DOCUMENT_WORDS"]

BANDS = 32
ROWS = 4
PERMUTATIONS = BANDS * ROWS
SCHEME = "affine32"  # the hashing scheme (datasketch 2's name for it); signatures compare only within one scheme
_SEED = 1
SHORT_DOCUMENT_WORDS = 120  # at or below this a single shared sentence can make one story...
SHORT_CONTAINED = 0.5  # ...when at least this share of the short text is estimated to be in the other
MIN_SENTENCE_WORDS = 8
_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+|\n+")


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of the affine maps h -> a*h + b (mod 2**32), one per permutation; ``a`` odd, so each
    map is a bijection. Drawn as datasketch 2 draws them for one seed, so that signatures stored
    by earlier versions of orbat (which called datasketch) stay comparable."""
    gen = np.random.RandomState(_SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _mix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser (a fixed bijection that spreads every input bit over the output)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def minhash(items: Iterable[bytes], num_perm: int) -> np.ndarray:
    """The MinHash signature of a set of byte strings: per permutation, the least permuted 32-bit
    hash (SHA-1's first four bytes, little-endian, mixed once) over the items; all ones when empty.

    Computed here rather than with datasketch, whose import pulls in SciPy (a quarter to half a
    second of every worker's start); tests check the two agree value for value."""
    a, b = _permutations(num_perm)
    digests = b"".join(hashlib.sha1(item).digest()[:4] for item in items)
    if not digests:
        return np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    h = _mix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32))
    with np.errstate(over="ignore"):
        return (np.outer(a, h) + b[:, None]).min(axis=1)  # uint32 arithmetic wraps: the modulo 2**32


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
    values = minhash(sorted(shingles), PERMUTATIONS).astype("<u8")
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
