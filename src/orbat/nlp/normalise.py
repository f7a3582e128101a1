"""Name normalisation: transliteration-aware keys under which spellings of one name meet.

``name_key("Kata'ib Hizballah") == name_key("Kataib Hezbollah")`` and
``name_key("al-Qa'im") == name_key("Qaim")``. Keys are lower case, carry no diacritics,
apostrophes, hyphens, spaces, leading "the", Arabic articles ("al-", "el-") or doubled
letters, and spell the usual transliteration variants one way. They are for lookup only
and are never shown.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "name_key",
    "name_tokens",
    "token_key",
    "acronym_of",
    "is_acronym",
    "acronym_key",
    "spelling_variants",
    "strip_determiner",
]

_APOSTROPHES = "'’‘`ʿʾ´′"
_DROP_TOKENS = frozenset({"al", "el", "al-", "the", "a", "an"})
# whole-token spellings: one regex per canonical spelling (applied to lower-case, apostrophe-free tokens)
_TOKEN_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^kat(?:a|ae|aa)?i?e?b$"), "kataib"),
    (re.compile(r"^h[ie]zb[aou]?l+[ae]h?$|^hezbolla$"), "hezbollah"),
    (re.compile(r"^hash?e?d$"), "hashd"),
    (re.compile(r"^sha+e?bi$|^shabi$|^shaabi$"), "shaabi"),
    (re.compile(r"^mobili[sz]ation$"), "mobilization"),
    (re.compile(r"^defen[cs]e$"), "defense"),
    (re.compile(r"^organi[sz]ation$"), "organization"),
    (re.compile(r"^qa+i?m$"), "qaim"),
    (re.compile(r"^saray[ae]$"), "saraya"),
    (re.compile(r"^asa.?i?b$"), "asaib"),
    (re.compile(r"^(?:daesh|daish|da.esh)$"), "daesh"),
    (re.compile(r"^qa[ei]da$|^qaida$"), "qaeda"),
)
# multi-token spellings of one name, applied to the space-joined token string
_PHRASE_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:abu|albu|bu) ?kamal\b"), "bukamal"),
    (re.compile(r"\bdeir (?:ez|ez-|al|el)? ?zor\b"), "deir ezzor"),
)
# what a reader may type for one canonical token: used to write entity-ruler token patterns
_VARIANTS: dict[str, tuple[str, ...]] = {
    "kataib": ("kataib", "kata'ib", "kata’ib", "katai'b", "katai’b", "kataeb", "kata`ib"),
    "hezbollah": ("hezbollah", "hizballah", "hizbullah", "hizbollah", "hezbullah", "hizbolla"),
    "hashd": ("hashd", "hashed"),
    "shaabi": ("shaabi", "sha'bi", "sha’bi", "shabi", "sha'abi", "shaebi"),
    "mobilization": ("mobilization", "mobilisation"),
    "qaim": ("qaim", "qa'im", "qa’im"),
    "saraya": ("saraya", "saraye"),
    "asaib": ("asaib", "asa'ib", "asa’ib"),
    "daesh": ("daesh", "da'esh", "da’esh", "daish"),
}
_SPLIT = re.compile(r"[\s\-‐‑–—_/.,]+")
_DOUBLE = re.compile(r"(.)\1+")
_CAPITAL_WORD = re.compile(r"[A-Z][\w'’]*")
_ACRONYM = re.compile(r"^(?:[A-Z][A-Za-z]?\.?){1,2}(?:[A-Z0-9]\.?)*$")
_LOWER_WORDS = frozenset({"of", "for", "and", "the", "in", "al", "el", "on", "de", "du", "la"})


_MEMO = 1 << 16  # names recur across a corpus: every key below is a pure function of its text, memoised (bounded)


@lru_cache(maxsize=_MEMO)
def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    for a in _APOSTROPHES:
        folded = folded.replace(a, "'")
    return folded


def name_tokens(text: str) -> list[str]:
    """Lower-case, diacritic-free, apostrophe-free tokens, possessive "'s" removed."""
    return list(_name_tokens(text))


@lru_cache(maxsize=_MEMO)
def _name_tokens(text: str) -> tuple[str, ...]:
    folded = _fold(text).strip()
    folded = re.sub(r"'s\b|s'(?=\s|$)", "", folded) if folded.endswith(("'s", "s'")) else folded
    return tuple(t.replace("'", "") for t in _SPLIT.split(folded.lower()) if t.replace("'", ""))


@lru_cache(maxsize=_MEMO)
def token_key(token: str) -> str:
    """The key of one token: canonical spelling, doubled letters collapsed; "" for articles."""
    t = _fold(token).lower().replace("'", "").strip("-.")
    if t in _DROP_TOKENS:
        return ""
    for pattern, canonical in _TOKEN_SPELLINGS:
        if pattern.match(t):
            t = canonical
            break
    return _DOUBLE.sub(r"\1", t)


@lru_cache(maxsize=_MEMO)
def name_key(text: str) -> str:
    """Compact lookup key of a name (see the module docstring)."""
    tokens = _name_tokens(text)
    while tokens and tokens[0] in ("the", "a", "an"):
        tokens = tokens[1:]
    joined = " ".join(tokens)
    for pattern, canonical in _PHRASE_SPELLINGS:
        joined = pattern.sub(canonical, joined)
    return "".join(token_key(t) for t in joined.split())


def strip_determiner(text: str) -> tuple[int, str]:
    """Drop a leading "the "; return (characters dropped, rest)."""
    m = re.match(r"(?:[Tt]he)\s+", text)
    return (m.end(), text[m.end() :]) if m else (0, text)


def is_acronym(text: str) -> bool:
    """True for PMF, SDF, IRGC, U.S., KH: short, capitals, no lower-case run."""
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 8 and bare.isalnum() and bool(_ACRONYM.match(text)) and sum(c.isupper() for c in bare) >= 2


def acronym_key(text: str) -> str:
    """Acronyms compare case-sensitively, without dots: "U.S." -> "US"."""
    return _fold(text).replace(".", "").replace("-", "").strip()


def acronym_of(name: str) -> str:
    """Initials of the capitalised words: "Popular Mobilization Forces" -> "PMF"."""
    words = [w for w in _SPLIT.split(_fold(name)) if w and w.lower() not in _LOWER_WORDS]
    return "".join(w[0] for w in words if w[0].isupper())


def spelling_variants(token: str) -> tuple[str, ...]:
    """Lower-case surface spellings of one token (itself included), for ruler token patterns."""
    key = token_key(token)
    for canonical, variants in _VARIANTS.items():
        if _DOUBLE.sub(r"\1", canonical) == key:
            return tuple(dict.fromkeys((token.lower(), *variants)))
    return (token.lower(),)
