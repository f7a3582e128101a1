"""GraphML: well-formed XML, keys declared first, claimed entities as nodes, claims as directed edges."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.export.world import ALL_CLAIMS, CLAIMED_ENTITY_IDS, HOSTILE_NAME, QUOTE_HOSTILE, export

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def _graph(conn) -> tuple[ET.Element, dict[str, int]]:
    text, counts = export(conn, "graphml")
    return ET.fromstring(text.encode("utf-8")), counts


def _data(element: ET.Element) -> dict[str, str]:
    return {d.get("key", ""): d.text or "" for d in element.findall("g:data", NS)}


def test_every_key_is_declared_before_the_graph(world):
    root, _ = _graph(world)
    tags = [child.tag.split("}")[1] for child in root]
    assert tags == ["key"] * (len(tags) - 1) + ["graph"]
    declared = {k.get("id") for k in root.findall("g:key", NS)}
    used = {d.get("key") for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data")}
    assert used <= declared


def test_nodes_are_the_entities_claims_name(world):
    root, counts = _graph(world)
    nodes = {n.get("id"): _data(n) for n in root.iterfind("g:graph/g:node", NS)}
    assert sorted(nodes) == CLAIMED_ENTITY_IDS and counts["node"] == len(CLAIMED_ENTITY_IDS)
    assert nodes["liwa"]["n_name"] == HOSTILE_NAME
    assert (nodes["qaim"]["n_lat"], nodes["qaim"]["n_kind"]) == ("34.37", "place")


def test_edges_per_relation_and_per_event_pair(world):
    root, counts = _graph(world)
    edges = [(e.get("source"), e.get("target"), _data(e)) for e in root.iterfind("g:graph/g:edge", NS)]
    by_claim: dict[str, list] = {}
    for source, target, data in edges:
        by_claim.setdefault(data["e_claim"], []).append((source, target, data))
    assert sorted((s, t) for s, t, _ in by_claim["e-strikes"]) == [("us", "kh"), ("us", "liwa")]
    assert by_claim["e-strikes"][0][2]["e_event_type"] == "ASSAULT"
    assert [(s, t, d["e_target"]) for s, t, d in by_claim["e-mobilize"]] == [("pmf", "qaim", "place")]
    assert [(s, t, d["e_predicate"]) for s, t, d in by_claim["c-kh-pmf"]] == [("kh", "pmf", "part_of")]
    unlinked = {c.id for c in ALL_CLAIMS} - set(by_claim)
    assert unlinked == {"a-brigades", "e-gunmen"} and counts["unlinked_claim"] == 2
    assert counts["edge"] == len(edges)


def test_negated_edge_and_hostile_quote(world):
    root, _ = _graph(world)
    edges = {_data(e)["e_claim"]: _data(e) for e in root.iterfind("g:graph/g:edge", NS)}
    assert (edges["p-negated"]["e_polarity"], edges["p-negated"]["e_modality"]) == ("negated", "denied")
    assert edges["p-hostile"]["e_quote"] == QUOTE_HOSTILE
    assert edges["l-rejected"]["e_review"] == "rejected"


def test_control_characters_are_replaced_not_written(world):
    root, _ = _graph(world)
    edges = {_data(e)["e_claim"]: _data(e) for e in root.iterfind("g:graph/g:edge", NS)}
    assert edges["p-scan"]["e_quote"] == "also called the Brigades, \ufffd issued"
