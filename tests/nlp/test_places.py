"""Place disambiguation on small hand-built gazetteers."""

from __future__ import annotations

from orbat.model import Entity, EntityKind
from orbat.nlp.gazetteer import _index, _Row
from orbat.nlp.places import PlaceContext, resolve_document_places, resolve_place


def _row(eid: str, name: str, country: str, lat: float, lon: float, pop: int = 0, feature: str = "town",
         names: tuple[str, ...] = ()) -> _Row:
    precision = "border_region" if feature == "border" else ("country" if feature == "country" else "town")
    entity = Entity(eid, EntityKind.PLACE, name, country=country, lat=lat, lon=lon, feature=feature, precision=precision)
    return _Row(entity, pop, (name, *names))


def _gazetteer():
    return _index([
        _row("iraq-syria-border", "Iraq–Syria border", None, 34.95, 41.2, feature="border",
             names=("Iraqi-Syrian border", "Syrian-Iraqi border")),
        _row("jordan-syria-border", "Jordan–Syria border", None, 32.5, 37.2, feature="border"),
        _row("geonames:99237", "Iraq", "IRQ", 33.0, 44.0, 38_000_000, "country", ("Iraqi",)),
        _row("geonames:163843", "Syria", "SYR", 35.0, 38.0, 17_000_000, "country", ("Syrian",)),
        _row("geonames:92138", "Al Qā’im", "IRQ", 34.39, 40.99, 74_100, names=("Al-Qaim",)),
        _row("geonames:119208", "Qom", "IRN", 34.64, 50.88, 900_000),
        _row("geonames:98182", "Baghdad", "IRQ", 33.34, 44.40, 7_216_000),
        _row("geonames:1", "Springfield", "USA", 39.80, -89.64, 116_000),
        _row("geonames:2", "Springfield", "USA", 37.21, -93.29, 166_000),
        _row("geonames:3", "Chicago", "USA", 41.85, -87.65, 2_700_000),
        _row("tower-22", "Tower 22", "JOR", 33.32, 38.76),
    ])


def test_qaim_in_an_iraqi_document_is_the_iraqi_border_town() -> None:
    entity, score = resolve_place("Qaim", gazetteer=_gazetteer(), context=PlaceContext({"IRQ": 5, "SYR": 3}))
    assert entity is not None and entity.id == "geonames:92138"
    assert score > 0.5


def test_without_context_population_decides_among_equal_names() -> None:
    entity, _ = resolve_place("Springfield", gazetteer=_gazetteer(), context=PlaceContext())
    assert entity is not None and entity.id == "geonames:2"


def test_proximity_to_resolved_places_beats_population() -> None:
    context = PlaceContext({"USA": 2}, points=((41.85, -87.65),))  # Chicago
    entity, _ = resolve_place("Springfield", gazetteer=_gazetteer(), context=context)
    assert entity is not None and entity.id == "geonames:1"


def test_named_border_phrases_resolve_to_the_border_region_never_a_country() -> None:
    gaz = _gazetteer()
    for phrase in ("the Iraqi-Syrian border", "the Syria-Iraq border", "Syrian–Iraqi border", "the border between Iraq and Syria"):
        entity, _ = resolve_place(phrase, gazetteer=gaz, context=PlaceContext())
        assert entity is not None and entity.id == "iraq-syria-border", phrase


def test_border_with_one_country_takes_the_other_from_context() -> None:
    entity, _ = resolve_place("the border with Syria", gazetteer=_gazetteer(), context=PlaceContext({"IRQ": 4}))
    assert entity is not None and entity.id == "iraq-syria-border"


def test_bare_border_needs_both_countries_in_focus() -> None:
    gaz = _gazetteer()
    entity, _ = resolve_place("the border", gazetteer=gaz, context=PlaceContext({"IRQ": 5, "SYR": 3}))
    assert entity is not None and entity.id == "iraq-syria-border"
    assert resolve_place("the border", gazetteer=gaz, context=PlaceContext({"USA": 3})) == (None, 0.0)
    assert resolve_place("the border", gazetteer=gaz, context=PlaceContext()) == (None, 0.0)


def test_unknown_name_resolves_to_nothing() -> None:
    assert resolve_place("Atlantis", gazetteer=_gazetteer(), context=PlaceContext()) == (None, 0.0)


def test_document_pass_uses_unambiguous_places_as_context() -> None:
    results = resolve_document_places(["Iraq", "Syria", "Baghdad", "Qaim", "the border"], gazetteer=_gazetteer())
    ids = [e.id if e else None for e, _ in results]
    assert ids == ["geonames:99237", "geonames:163843", "geonames:98182", "geonames:92138", "iraq-syria-border"]


def test_region_context_picks_the_namesake_in_the_documents_region() -> None:
    def town(eid: str, region: str, lat: float, lon: float, pop: int) -> _Row:
        entity = Entity(eid, EntityKind.PLACE, "Edmonton", country=region[:2], lat=lat, lon=lon, feature="town", precision="town")
        return _Row(entity, pop, ("Edmonton",), admin1=region)

    kentucky = Entity("geonames:6254925", EntityKind.PLACE, "Kentucky", country="US", lat=37.5, lon=-85.0,
                      feature="province", precision="province")
    gaz = _index([
        town("geonames:5946768", "CA.01", 53.55, -113.47, 1_000_000),
        town("geonames:4290886", "US.KY", 36.98, -85.61, 1_600),
        _Row(kentucky, 4_000_000, ("Kentucky", "Ky."), admin1="US.KY"),
    ])
    results = resolve_document_places(["Edmonton", "Ky."], gazetteer=gaz)
    assert [e.id if e else None for e, _ in results] == ["geonames:4290886", "geonames:6254925"]
    alone, _ = resolve_place("Edmonton", gazetteer=gaz, context=PlaceContext())
    assert alone is not None and alone.id == "geonames:5946768"


def test_a_look_alike_spelling_far_from_the_document_is_left_unresolved() -> None:
    gaz = _index([_row("geonames:1", "Shirat", "ARG", -27.2, -61.2, 27_000),
                  _row("geonames:163843", "Syria", "SYR", 35.0, 38.0, 17_000_000, "country")])
    syrian = PlaceContext({"SYR": 4}, points=((34.7, 36.7),))
    assert resolve_place("Shairat", gazetteer=gaz, context=syrian) == (None, 0.0)  # a look-alike, in Argentina
    assert resolve_place("Shirat", gazetteer=gaz, context=syrian)[0].id == "geonames:1"  # the exact name: kept
    assert resolve_place("Shairat", gazetteer=gaz, context=PlaceContext({"ARG": 1}))[0].id == "geonames:1"
