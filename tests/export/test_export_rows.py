"""The store rows the exporters stream (orbat.store.export_rows): every claim once, across pages."""

from __future__ import annotations

from orbat.export.jsonl import claim_record
from orbat.store.export_rows import iter_claim_entities, iter_export_claims
from tests.export.world import ALL_CLAIMS, CLAIMED_ENTITY_IDS


def test_claims_stream_in_insertion_order_across_pages(world):
    records = list(iter_export_claims(world, batch=3))
    assert [r.claim.id for r in records] == [c.id for c in ALL_CLAIMS]
    assert all(r.claim.evidence for r in records if not r.claim.extractor.startswith("theatre:"))


def test_claims_grouped_by_document_across_pages(world):
    records = list(iter_export_claims(world, by_document=True, batch=2))
    documents = [r.document for r in records]
    assert sorted(r.claim.id for r in records) == sorted(c.id for c in ALL_CLAIMS)
    assert documents == sorted(documents)  # each document's claims together
    assert {r.document: r.outlet for r in records}["d-afp"] == "AFP, Paris"


def test_rejected_claims_are_included(world):
    assert "rejected" in {r.claim.review for r in iter_export_claims(world)}


def test_claimed_entities_across_pages_with_aliases(world):
    entities = list(iter_claim_entities(world, batch=2))
    assert [e.id for e in entities] == CLAIMED_ENTITY_IDS  # not "unclaimed"
    assert {a.name for a in next(e for e in entities if e.id == "kh").aliases} >= {"KH"}


def test_event_weapons_come_back_from_the_store_as_written(world):
    claims = {rec.claim.id: rec.claim for rec in iter_export_claims(world)}
    assert claims["e-strikes"].weapons == ("aircraft", "precision-guided munitions")
    assert claims["e-tower22"].weapons == ()
    record = claim_record(claims["e-strikes"])
    assert record["weapons"] == ["aircraft", "precision-guided munitions"]
