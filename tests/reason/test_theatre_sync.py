from dataclasses import replace

from orbat import store
from orbat.reason import sync_theatre
from orbat.store import claims as claim_store
from orbat.store.claims import ClaimQuery
from orbat.theatres import CuratedRelation


def _relations():
    return (
        CuratedRelation("kh", "part_of", "pmf", "Washington Institute, 2024-04", start="2014"),
        CuratedRelation("muhandis", "leads", "kh", "Wikipedia", role="leader", end="2020-01-03"),
    )


def test_curated_relations_become_accepted_claims_citing_their_source(tiny_theatre):
    conn = store.connect(":memory:")
    summary = sync_theatre(conn, replace(tiny_theatre, relations=_relations()))
    assert summary.claims == 2 and summary.entities == 10 and summary.extractor.startswith("theatre:tiny/")
    records, total = claim_store.find_claim_records(conn, ClaimQuery(extractor_prefix="theatre:"))
    assert total == 2
    by = {r.claim.predicate: r.claim for r in records}
    assert by["part_of"].review == "accepted" and by["part_of"].confidence == 1.0
    assert by["part_of"].source_note == "Washington Institute, 2024-04" and by["part_of"].evidence == ()
    assert (by["part_of"].valid.start, by["part_of"].valid.precision) == ("2014", "year")
    assert by["leads"].valid.end == "2020-01-03" and by["leads"].role == "leader"


def test_sync_is_idempotent_and_drops_relations_the_pack_no_longer_has(tiny_theatre):
    conn = store.connect(":memory:")
    sync_theatre(conn, replace(tiny_theatre, relations=_relations()))
    again = sync_theatre(conn, replace(tiny_theatre, relations=_relations()))
    assert again.removed == 0
    smaller = sync_theatre(conn, replace(tiny_theatre, relations=_relations()[:1]))
    assert smaller.removed == 1
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM claim_spans").fetchone()[0] == 1


def test_a_reviewer_rejection_of_a_curated_claim_survives_resync(tiny_theatre):
    conn = store.connect(":memory:")
    theatre = replace(tiny_theatre, relations=_relations())
    sync_theatre(conn, theatre)
    (record,), _ = claim_store.find_claim_records(conn, ClaimQuery(predicates=("part_of",)))
    with store.transaction(conn):
        claim_store.add_review(conn, record.claim.id, "rejected", "ana", "2026-01-01T00:00:00+00:00")
    sync_theatre(conn, theatre)
    (back,) = claim_store.claim_records(conn, [record.claim.id])
    assert back.claim.review == "rejected"
