"""Every exporter: registered under its contract name, streaming to a write-only sink, valid when empty."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from orbat.export import FORMATS
from tests.export.world import ALL_CLAIMS, export

CONTRACT = ("jsonl", "csv", "acled", "geojson", "graphml", "stix")


def test_formats_are_exactly_the_contract_names():
    assert set(FORMATS) <= set(CONTRACT)
    assert tuple(FORMATS) == CONTRACT


@pytest.mark.parametrize("fmt", CONTRACT)
def test_writer_needs_only_write_and_returns_int_counts(world, fmt):
    text, counts = export(world, fmt)
    assert text.endswith("\n")
    assert counts and all(isinstance(n, int) and n >= 0 for n in counts.values())


@pytest.mark.parametrize("fmt", CONTRACT)
def test_two_runs_give_the_same_bytes(world, fmt):
    assert export(world, fmt)[0] == export(world, fmt)[0]


def test_empty_store_gives_valid_empty_documents(empty):
    assert export(empty, "jsonl") == ("", {})
    for fmt in ("csv", "acled"):
        text, counts = export(empty, fmt)
        assert len(list(csv.reader(io.StringIO(text)))) == 1 and set(counts.values()) == {0}
    assert json.loads(export(empty, "geojson")[0]) == {"type": "FeatureCollection", "features": []}
    graph = ET.fromstring(export(empty, "graphml")[0].encode("utf-8"))
    assert len(graph) > 1  # keys and the empty graph
    bundle = json.loads(export(empty, "stix")[0])
    assert [o["type"] for o in bundle["objects"]] == ["identity", "extension-definition"]


def test_world_has_every_claim_kind_the_tests_rely_on():
    predicates = {c.predicate for c in ALL_CLAIMS}
    assert {"event", "present_at", "controls", "alias_of", "part_of", "backed_by", "leads"} <= predicates
    assert any(c.polarity == "negated" for c in ALL_CLAIMS) and any(c.review == "rejected" for c in ALL_CLAIMS)
