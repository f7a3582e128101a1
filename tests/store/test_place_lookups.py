"""Coordinates and countries of places, read for the event reasoning."""

from orbat import store
from orbat.model import Entity, EntityKind
from orbat.store import claims as claim_store
from orbat.store.analysis import upsert_entities


def test_points_and_countries_of_the_ids_asked_for(tmp_path):
    conn = store.connect(str(tmp_path / "a.db"))
    upsert_entities(conn, [
        Entity("tower-22", EntityKind.PLACE, "Tower 22", country="JOR", lat=33.32, lon=38.69),
        Entity("tanf", EntityKind.PLACE, "al-Tanf", country="SYR", lat=33.50, lon=38.62),
        Entity("somewhere", EntityKind.PLACE, "Somewhere"),
    ])  # fmt: skip
    assert claim_store.place_points(conn, ["tower-22", "somewhere", "missing"]) == {"tower-22": (33.32, 38.69)}
    assert claim_store.place_countries(conn, ["tanf", "tower-22", "somewhere"]) == {"tanf": "SYR", "tower-22": "JOR"}
    assert set(claim_store.place_points(conn)) == {"tower-22", "tanf"}
