"""The near-duplicate look-up (one SQL statement) equals its definition: every stored document sharing an
LSH band (same band, same hash) or a sentence hash with the fingerprint, earliest stored first, with the
number of sentence hashes it shares, the excluded ids left out."""

from __future__ import annotations

import random

import pytest

from orbat import store
from orbat.model import Document, Fingerprint
from orbat.store.documents import _CANDIDATES_SQL, Candidate

EDGES = [-(2**63), 2**63 - 1, 0, -1, 2**53 + 1, -(2**53) - 1]  # JSON must carry every 64-bit value exactly


def _fingerprint(rng: random.Random, doc_id: str, pool: list[int]) -> Fingerprint:
    bands = tuple(rng.choice(pool) for _ in range(32))
    sentences = tuple(sorted(set(rng.sample(pool, rng.randrange(0, 9)))))
    return Fingerprint(doc_id, rng.randrange(5, 400), bytes(1024), bands, sentences)


def _reference(conn, fp: Fingerprint, exclude: list[str]) -> list[Candidate]:
    shared: dict[str, int] = {}
    for b, h in enumerate(fp.bands):
        for (doc_id,) in conn.execute("SELECT document_id FROM lsh_bands WHERE band = ? AND hash = ?", (b, h)):
            shared.setdefault(doc_id, 0)
    for h in fp.sentences:
        for (doc_id,) in conn.execute("SELECT document_id FROM sentence_hashes WHERE hash = ?", (h,)):
            shared[doc_id] = shared.get(doc_id, 0) + 1
    rows = conn.execute("SELECT id, cluster FROM documents ORDER BY rowid").fetchall()
    return [Candidate(r[0], r[1], shared[r[0]]) for r in rows if r[0] in shared and r[0] not in exclude]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_near_duplicate_candidates_match_their_definition(seed):
    rng = random.Random(seed)
    pool = EDGES + [rng.getrandbits(64) - 2**63 for _ in range(60)]
    conn = store.connect(":memory:")
    ids = [f"doc-{rng.getrandbits(32):08x}" for _ in range(80)]
    with store.transaction(conn):
        for doc_id in ids:
            doc = Document(id=doc_id, text="Report.", clean_text="Report.", cluster=rng.choice(ids[:10]))
            store.insert_document(conn, doc, "r1")
            store.insert_fingerprint(conn, _fingerprint(rng, doc_id, pool))
    found = 0
    for i in range(40):
        fp = _fingerprint(rng, f"new-{i}", pool)
        exclude = [fp.document, *rng.sample(ids, rng.randrange(0, 3))]
        got = store.near_duplicate_candidates(conn, fp, exclude=exclude)
        assert got == _reference(conn, fp, exclude)
        found += sum(c.shared_sentences > 0 for c in got)
    assert found > 0  # some candidates share sentences, not only bands


def test_near_duplicate_look_up_reads_the_document_ids_from_the_indexes():
    conn = store.connect(":memory:")
    plan = " / ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + _CANDIDATES_SQL,
                                                 {"bands": "[]", "sentences": "[]", "exclude": "[]"}))  # fmt: skip
    assert "COVERING INDEX lsh_bands_documents" in plan and "COVERING INDEX sentence_hashes_documents" in plan, plan
