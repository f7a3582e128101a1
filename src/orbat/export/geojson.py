"""GeoJSON export (RFC 7946): a FeatureCollection with one feature per claim, streamed feature by feature.

A claim is placed at the place it is about: its place (events), else for controls / present_at the
place it names as object. Claims whose place has coordinates come first, as Point features; every other
claim follows with ``"geometry": null`` (valid GeoJSON), so no claim is dropped. The store is read twice
for that order instead of holding the unplaced claims in memory.

Properties: the JSONL claim record (same field names), plus ``location`` (the place id the point is
from), ``place_name``, ``precision`` (the place's: exact, town, district, province, country,
border_region), ``geo_precision`` (the claim's own), and the claim's ``document``,
``outlet`` and ``published``.
"""

from __future__ import annotations

import sqlite3
from typing import TextIO

from orbat.export.jsonl import claim_record
from orbat.export.jsonstream import JsonArrayWriter
from orbat.export.names import EntityLookup, claim_entity_ids, claim_location
from orbat.store.claims import ClaimRecord
from orbat.store.export_rows import iter_export_claims

__all__ = ["write_geojson", "claim_feature"]


def write_geojson(conn: sqlite3.Connection, out: TextIO) -> dict[str, int]:
    """Stream the FeatureCollection to ``out``; returns {"feature": all, "without_coordinates": unplaced}."""
    names = EntityLookup(conn)
    writer = JsonArrayWriter(out, {"type": "FeatureCollection"}, "features")
    counts = {"feature": 0, "without_coordinates": 0}
    for placed in (True, False):
        for rec in iter_export_claims(conn):
            feature = claim_feature(rec, names)
            if (feature["geometry"] is not None) == placed:
                writer.add(feature)
                counts["feature"] += 1
                counts["without_coordinates"] += not placed
    writer.close()
    return counts


def claim_feature(rec: ClaimRecord, names: EntityLookup) -> dict[str, object]:
    """The feature of one claim: a Point ([lon, lat]) when its place has coordinates, else no geometry."""
    c = rec.claim
    names.load(claim_entity_ids(c))
    location = claim_location(c)
    place, point = names.get(location), names.point(location)
    properties = claim_record(c) | {
        "location": location, "place_name": place.name if place else None,
        "precision": place.precision if place else None, "geo_precision": c.geo_precision,
        "document": rec.document, "outlet": rec.outlet, "published": rec.published,
    }  # fmt: skip
    geometry = {"type": "Point", "coordinates": [point[1], point[0]]} if point else None
    return {"type": "Feature", "id": c.id, "geometry": geometry, "properties": properties}
