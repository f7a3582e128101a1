"""GraphML export: the entities claims name as nodes, the claims as directed edges, streamed.

Nodes: every stored entity some claim names (subject, object, place, claimant, actor, recipient), with
kind, name, country, sector, lat, lon, precision. Edges: a relation claim (part_of, controls, …) gives
one edge subject → object; an event gives one edge per (actor, recipient) with predicate "event" and its
event_type, and an event with no recipient links each actor to the event's place (``target`` says
which: object, recipient or place). Every edge carries the claim's id, time, polarity, modality,
claimant, confidence, review, document and quote, so a negated claim stays a negated edge.

A claim with no edge to draw (an alias_of claim, whose object is a name; an event with no actor) or whose
ends are not stored entities is counted as ``unlinked_claim``. XML 1.0 cannot carry most control
characters: they are written as U+FFFD; everything else is escaped.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from orbat.export.names import EntityLookup, claim_edges, claim_entity_ids, evidence_columns
from orbat.model import Claim, Entity
from orbat.store.claims import ClaimRecord
from orbat.store.export_rows import iter_claim_entities, iter_export_claims

__all__ = ["write_graphml", "NODE_KEYS", "EDGE_KEYS"]

# (attr.name, attr.type); key ids are "n_<name>" and "e_<name>"
NODE_KEYS = (("kind", "string"), ("name", "string"), ("country", "string"), ("sector", "string"),
             ("lat", "double"), ("lon", "double"), ("precision", "string"))  # fmt: skip
EDGE_KEYS = (
    ("predicate", "string"), ("event_type", "string"), ("role", "string"), ("target", "string"),
    ("start", "string"), ("end", "string"), ("time_precision", "string"), ("polarity", "string"),
    ("modality", "string"), ("claimant", "string"), ("confidence", "double"), ("review", "string"),
    ("claim", "string"), ("document", "string"), ("quote", "string"),
)  # fmt: skip
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/'
         'xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')  # fmt: skip


def write_graphml(conn: sqlite3.Connection, out: TextIO) -> dict[str, int]:
    """Stream the graph to ``out``: keys, then nodes, then edges; returns counts of each and of
    claims that gave no edge."""
    keys = [_key("node", n, t) for n, t in NODE_KEYS] + [_key("edge", n, t) for n, t in EDGE_KEYS]
    out.write(_HEAD + "".join(keys) + '<graph id="orbat" edgedefault="directed">\n')
    counts = {"node": 0, "edge": 0, "unlinked_claim": 0}
    for entity in iter_claim_entities(conn):
        out.write(_node(entity))
        counts["node"] += 1
    names = EntityLookup(conn)  # every stored entity a claim names is a node, so "stored" means "a node"
    for rec in iter_export_claims(conn):
        names.load(claim_entity_ids(rec.claim))
        edges = [e for e in claim_edges(rec.claim) if names.get(e.source) and names.get(e.target)]
        for i, edge in enumerate(edges):
            edge_id = rec.claim.id if len(edges) == 1 else f"{rec.claim.id}#{i + 1}"
            out.write(_edge(edge_id, edge.source, edge.target, _edge_data(rec, edge.side)))
        counts["edge"] += len(edges)
        counts["unlinked_claim"] += not edges
    out.write("</graph>\n</graphml>\n")
    return counts


def _key(domain: str, name: str, kind: str) -> str:
    key_id = ("n_" if domain == "node" else "e_") + name
    return f'<key id="{key_id}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>\n'


def _text(value: object) -> str:
    return escape(_NOT_XML.sub("\ufffd", str(value)))


def _attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("\ufffd", value))


def _data(prefix: str, values: Mapping[str, object]) -> str:
    return "".join(f'<data key="{prefix}{k}">{_text(v)}</data>' for k, v in values.items() if v is not None)


def _node(e: Entity) -> str:
    values = {"kind": e.kind.value, "name": e.name, "country": e.country, "sector": e.sector, "lat": e.lat,
              "lon": e.lon, "precision": e.precision}  # fmt: skip
    return f"<node id={_attr(e.id)}>{_data('n_', values)}</node>\n"


def _edge(edge_id: str, source: str, target: str, data: str) -> str:
    return f"<edge id={_attr(edge_id)} source={_attr(source)} target={_attr(target)}>{data}</edge>\n"


def _edge_data(rec: ClaimRecord, side: str) -> str:
    c: Claim = rec.claim
    values = {
        "predicate": c.predicate, "event_type": c.event_type, "role": c.role, "target": side, "start": c.valid.start,
        "end": c.valid.end, "time_precision": c.valid.precision, "polarity": c.polarity, "modality": c.modality,
        "claimant": c.claimant, "confidence": c.confidence, "review": c.review,
        "claim": c.id, "document": rec.document, "quote": evidence_columns(c)[2] or None,
    }  # fmt: skip
    return _data("e_", values)
