"""Gazetteer: the transliteration-aware key, and lookups in a small hand-built gazetteer."""

from __future__ import annotations

import pytest

from orbat.model import Alias, Entity, EntityKind
from orbat.nlp.gazetteer import _index, _Row, light_key, place_key


@pytest.mark.parametrize(
    "names",
    [
        ("Qaim", "Al-Qa'im", "al Qaim", "Al Qā’im", "Qa‘im"),
        ("Abu Kamal", "Albu Kamal", "Al Bukamal", "Bukamal", "Ālbū Kamāl", "Albukamal"),
        ("Deir ez-Zor", "Deir al-Zour", "Dayr az Zawr", "Deir Ezzor", "Deir el-Zor"),
        ("Hasakah", "Hasaka", "Al-Hasakah", "Hassakeh", "al-Ḩasakah"),
        ("Raqqa", "Raqqah", "ar-Raqqah", "Al-Raqqa"),
        ("Mosul", "Mawsil", "al-Mawsil"),
        ("Kirkuk", "kirkuk", "KIRKUK"),
    ],
)
def test_place_key_unifies_transliterations(names: tuple[str, ...]) -> None:
    assert len({place_key(n) for n in names}) == 1


def test_place_key_keeps_distinct_places_apart() -> None:
    assert place_key("Iraq") != place_key("Iran")
    assert place_key("Oman") != place_key("Amman")


def test_place_key_folds_arabic_article_and_hamza() -> None:
    assert place_key("الموصل") == place_key("موصل")
    assert place_key("أربيل") == place_key("اربيل")


def test_light_key_ignores_case_marks_and_articles_only() -> None:
    assert light_key("Al-Qā'im") == light_key("qaim")
    assert light_key("Mosul") != light_key("Mawsil")


def _place(eid: str, name: str, *aliases: str, country: str = "IRQ") -> Entity:
    return Entity(eid, EntityKind.PLACE, name, tuple(Alias(a, "curated: test") for a in aliases), country=country)


def test_candidates_finds_entities_through_any_spelling() -> None:
    gaz = _index([
        _Row(_place("geonames:1", "Al Qā’im"), 74100, ("Al Qā’im", "Al-Qaim")),
        _Row(_place("geonames:2", "Qom", country="IRN"), 900000, ("Qom",)),
        _Row(_place("geonames:3", "Ālbū Kamāl", country="SYR"), 57572, ("Ālbū Kamāl",)),
    ])
    assert {e.id for e in gaz.candidates("Qa'im")} == {"geonames:1", "geonames:2"}
    assert [e.id for e in gaz.candidates("Abu Kamal")] == ["geonames:3"]
    assert gaz.population("geonames:2") == 900000
    assert gaz.exact("Qaim", "geonames:1") and not gaz.exact("Qaim", "geonames:2")
    assert gaz.candidates("Nowhere") == ()
