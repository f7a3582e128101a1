"""GeoJSON: a feature per claim, points at [lon, lat], claims without coordinates last with null geometry."""

from __future__ import annotations

import json

from orbat.export.jsonl import claim_record
from tests.export.world import ALL_CLAIMS, QUOTE_HOSTILE, export


def _collection(conn) -> tuple[dict, dict[str, int]]:
    text, counts = export(conn, "geojson")
    return json.loads(text), counts


def test_one_feature_per_claim_placed_ones_first(world):
    collection, counts = _collection(world)
    features = collection["features"]
    assert collection["type"] == "FeatureCollection"
    assert sorted(f["id"] for f in features) == sorted(c.id for c in ALL_CLAIMS)
    placed = [f["geometry"] is not None for f in features]
    assert placed == sorted(placed, reverse=True)  # every Point before every null geometry
    assert counts == {"feature": len(ALL_CLAIMS), "without_coordinates": placed.count(False)}


def test_points_are_lon_lat_of_the_place_or_the_object(world):
    features = {f["id"]: f for f in _collection(world)[0]["features"]}
    assert features["e-tower22"]["geometry"] == {"type": "Point", "coordinates": [38.68, 33.32]}
    hostile = features["p-hostile"]  # present_at: placed by its object
    assert hostile["geometry"]["coordinates"] == [41.09, 34.37] and hostile["properties"]["location"] == "qaim"
    assert hostile["properties"]["precision"] == "town"
    assert features["e-tower22"]["properties"]["geo_precision"] == "exact"


def test_claim_without_coordinates_has_null_geometry(world):
    features = {f["id"]: f for f in _collection(world)[0]["features"]}
    for claim_id in ("q-hawran", "e-denied", "c-kh-pmf", "a-brigades"):
        assert features[claim_id]["geometry"] is None
    assert features["q-hawran"]["properties"]["place_name"] == "Wadi Hawran <script>"


def test_properties_are_the_jsonl_claim_record(world):
    features = {f["id"]: f for f in _collection(world)[0]["features"]}
    for claim in ALL_CLAIMS:
        record = json.loads(json.dumps(claim_record(claim)))
        record["evidence"].sort(key=lambda e: e["start"])  # the store gives evidence in text order
        assert {k: features[claim.id]["properties"][k] for k in record} == record


def test_negated_polarity_and_hostile_quote_survive(world):
    features = {f["id"]: f for f in _collection(world)[0]["features"]}
    assert features["p-negated"]["properties"]["polarity"] == "negated"
    assert features["p-hostile"]["properties"]["evidence"][0]["quote"] == QUOTE_HOSTILE
    assert features["p-hostile"]["properties"]["outlet"] == "Reuters"
