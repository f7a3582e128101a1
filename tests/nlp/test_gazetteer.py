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


def test_region_and_capital_are_indexed_per_entity() -> None:
    gaz = _index([
        _Row(_place("geonames:98182", "Baghdad"), 7_216_000, ("Baghdad",), admin1="IQ.07", capital=True),
        _Row(_place("iso3166-2:IQ-AN", "Anbar"), 1_500_000, ("Anbar", "Al Anbar"), admin1="IQ.01"),
    ])
    assert gaz.region("geonames:98182") == "IQ.07" and gaz.region("iso3166-2:IQ-AN") == "IQ.01"
    assert gaz.capitals == frozenset({"geonames:98182"})
    assert [e.name for e in gaz.entities] == ["Baghdad", "Anbar"]


def test_cached_gazetteer_round_trips_and_stale_key_rebuilds(tmp_path, monkeypatch) -> None:
    from orbat.nlp import gazetteer as module
    from orbat.theatres import Theatre

    built: list[int] = []
    rows = [_Row(_place("geonames:1", "Al Qā’im"), 74100, ("Al Qā’im", "Al-Qaim"), admin1="IQ.01")]

    def fake_rows(theatre: Theatre, *, min_population: int) -> list[_Row]:
        built.append(min_population)
        return rows

    monkeypatch.setattr(module, "read_rows", fake_rows)
    theatre = Theatre("test", (), ())
    first = module.build_gazetteer(theatre, cache_dir=tmp_path)
    second = module.build_gazetteer(theatre, cache_dir=tmp_path)
    assert built == [1000]  # the second build read the cache
    assert second.entity("geonames:1") == first.entity("geonames:1") and second.region("geonames:1") == "IQ.01"
    module.build_gazetteer(theatre, cache_dir=tmp_path, min_population=500)
    assert built == [1000, 500]  # another key: rebuilt
    assert not list(tmp_path.glob("*.tmp"))


def test_unreadable_cache_is_rebuilt(tmp_path, monkeypatch) -> None:
    from orbat.nlp import gazetteer as module
    from orbat.theatres import Theatre

    monkeypatch.setattr(module, "read_rows", lambda theatre, *, min_population: [_Row(_place("geonames:1", "Qaim"), 1, ("Qaim",))])
    theatre = Theatre("test", (), ())
    module.build_gazetteer(theatre, cache_dir=tmp_path)
    files = list(tmp_path.glob("gazetteer-*.sqlite"))
    assert len(files) == 1
    files[0].write_bytes(b"not a database")
    assert len(module.build_gazetteer(theatre, cache_dir=tmp_path)) == 1


def test_the_file_gazetteer_answers_as_the_one_in_memory(tmp_path) -> None:
    from orbat.nlp.gazetteer import GazetteerFile, _write_cache

    rows = [
        _Row(_place("geonames:98182", "Baghdad"), 7_216_000, ("Baghdad", "Bagdad"), admin1="IQ.07", capital=True),
        _Row(_place("iso3166-2:IQ-AN", "Anbar", "Al Anbar"), 1_500_000, ("Anbar", "Al Anbar"), admin1="IQ.01"),
        _Row(Entity("geonames:1", EntityKind.PLACE, "Al Qā’im", country="IRQ", lat=34.4, lon=41.1, geonames_id=1,
                    feature="town", precision="town", source="GeoNames 1"), 74100, ("Al Qā’im", "Al-Qaim")),
        _Row(_place("geonames:2", "Qom", country="IRN"), 900000, ("Qom",)),
    ]
    memory = _index(rows)
    _write_cache(tmp_path / "g.sqlite", memory)
    disk = GazetteerFile(tmp_path / "g.sqlite")
    assert len(disk) == len(memory) == 4 and disk.capitals == memory.capitals == frozenset({"geonames:98182"})
    for name in ("Qa'im", "Bagdad", "Al Anbar", "Nowhere"):
        assert disk.candidates(name) == memory.candidates(name)
        assert disk.scored_candidates(name) == memory.scored_candidates(name)
    for eid in ("geonames:98182", "iso3166-2:IQ-AN", "geonames:1"):
        assert (disk.entity(eid), disk.population(eid), disk.region(eid)) == (
            memory.entity(eid), memory.population(eid), memory.region(eid))
    assert disk.exact("Qaim", "geonames:1") and not disk.exact("Qaim", "geonames:2")
    assert not disk.has("geonames:404") and not memory.has("geonames:404")
    with pytest.raises(KeyError):
        disk.entity("geonames:404")
