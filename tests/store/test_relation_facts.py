"""relation_facts (migration 3) stays equal to the on-the-fly aggregate of claims through every write."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import replace

import pytest

from orbat import store
from orbat.model import Analysis, Claim, Document, TimeSpan
from orbat.reason import sync_theatre
from orbat.store import claims as claim_store
from orbat.store import db
from orbat.store.relation_facts import rebuild_relation_facts
from orbat.store.schema import MIGRATIONS
from orbat.theatres import CuratedRelation

# the aggregate relation_summaries computed at query time before migration 3: the oracle
_ON_THE_FLY = (
    "SELECT c.subject, c.predicate, c.object, c.role, count(*) AS claims, "
    "count(DISTINCT CASE WHEN c.polarity != 'negated' THEN COALESCE(d.cluster, 'claim:' || c.id) END) AS affirmed, "
    "count(DISTINCT CASE WHEN c.polarity = 'negated' THEN COALESCE(d.cluster, 'claim:' || c.id) END) AS negated, "
    "count(DISTINCT COALESCE(d.cluster, 'claim:' || c.id)) AS sources, min(c.reported) AS first_reported, "
    "max(c.reported) AS last_reported, min(COALESCE(c.valid_start, c.reported)) AS valid_start, "
    "max(COALESCE(c.valid_end, c.reported)) AS valid_end, "
    "max(c.extractor LIKE 'theatre:%' AND c.valid_start IS NULL) AS open_start, "
    "max(c.extractor LIKE 'theatre:%' AND c.valid_end IS NULL) AS open_end, "
    "max(c.extractor LIKE 'theatre:%') AS curated, "
    "group_concat(DISTINCT COALESCE(c.claimant, d.outlet, n.source_note)) AS claimants "
    "FROM claims c LEFT JOIN documents d ON d.id = c.document_id LEFT JOIN claim_notes n ON n.claim_id = c.id "
    "WHERE c.predicate != 'event' AND c.review != 'rejected' AND c.modality NOT IN ('hypothetical', 'future', "
    "'feared') GROUP BY c.subject, c.predicate, c.object, c.role"
)
_COLUMNS = ("claims", "affirmed", "negated", "sources", "first_reported", "last_reported", "valid_start",
            "valid_end", "open_start", "open_end", "curated")  # fmt: skip


def _by_key(rows: list[sqlite3.Row]) -> dict[tuple, tuple]:
    """Key → values; claimants as a set (group_concat's order follows the query plan)."""
    return {
        (r["subject"], r["predicate"], r["object"], r["role"]):
        (*(r[c] for c in _COLUMNS), frozenset((r["claimants"] or "").split(",")) - {""})
        for r in rows
    }  # fmt: skip


def _facts(conn: sqlite3.Connection) -> dict[tuple, tuple]:
    return _by_key(conn.execute("SELECT * FROM relation_facts").fetchall())


def _expected(conn: sqlite3.Connection) -> dict[tuple, tuple]:
    return _by_key(conn.execute(_ON_THE_FLY).fetchall())


def _doc(id_: str, cluster: str, outlet: str | None, published: str | None = "2017-06-01") -> Document:
    text = f"Report {id_}."
    return Document(id=id_, text=text, clean_text=text, outlet=outlet, published=published, cluster=cluster)


def _claim(id_: str, subject: str | None, predicate: str, obj: str | None, **kw: object) -> Claim:
    kw = {"reported": "2017-06-01", "extractor": "test/1", **kw}
    return Claim(id_, predicate, subject, obj, confidence=0.5, **kw)  # type: ignore[arg-type]


class _RandomWriter:
    """Random store writes over a small world: few keys, so writes keep hitting the same facts."""

    def __init__(self, conn: sqlite3.Connection, rng: random.Random) -> None:
        self.conn, self.rng = conn, rng
        self.docs = [f"d{i}" for i in range(6)]
        self.clusters = [f"c{i}" for i in range(4)]

    def _random_claim(self, doc: str) -> Claim:
        r = self.rng
        day = lambda: r.choice([None, "2016", "2017-03", "2017-06-01", "2018-01-09"])  # noqa: E731
        return _claim(
            f"k{r.randrange(25)}", r.choice(["a1", "a2", "a3", None]),
            r.choice(["present_at", "controls", "part_of", "leads", "event", "alias_of"]), r.choice(["p1", "a2", None]),
            role=r.choice([None, None, "leader"]), reported=day(), valid=TimeSpan(day(), day()),
            polarity=r.choice(["affirmed", "affirmed", "negated"]),
            modality=r.choice(["asserted", "asserted", "denied", "hypothetical", "feared"]),
            claimant=r.choice([None, None, "a3", "claimant:officials"]),
            extractor="theatre:t/1" if doc.startswith("theatre:") else "test/1",
        )  # fmt: skip

    def _claims(self, doc: str) -> tuple[Claim, ...]:
        return tuple({c.id: c for c in (self._random_claim(doc) for _ in range(self.rng.randrange(1, 6)))}.values())

    def _stored_claims(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM claims ORDER BY id")]

    def step(self) -> str:
        r, conn = self.rng, self.conn
        op = r.choice(["document", "analysis", "analysis", "new", "new", "replace", "delete", "review", "review",
                       "merge", "metadata", "curated", "batch"])  # fmt: skip
        doc = r.choice(self.docs)
        if op == "document":
            store.insert_document(conn, _doc(doc, r.choice(self.clusters), r.choice([None, "Reuters"])), "r1")
        elif op == "analysis":
            store.insert_analysis(conn, Analysis(_doc(doc, "-", None), claims=self._claims(doc)))
        elif op == "new":  # claims no stored claim shares an id with: folded into their facts
            claims = tuple(replace(c, id=f"{c.id}-{self.rng.random()}") for c in self._claims(doc))
            store.insert_analysis(conn, Analysis(_doc(doc, "-", None), claims=claims))
        elif op == "batch":  # as the pipeline writes: replaced claims' facts refreshed once, at the end
            pending: set = set()
            for d in r.sample(self.docs, 3):
                write = store.replace_analysis if r.random() < 0.3 else store.insert_analysis
                claims = tuple(replace(c, id=f"{c.id}-{r.randrange(3)}") for c in self._claims(d))
                write(conn, Analysis(_doc(d, "-", None), claims=claims), pending=pending)
            store.refresh_relation_facts(conn, pending)
        elif op == "replace":
            store.replace_analysis(conn, Analysis(_doc(doc, "-", None), claims=self._claims(doc)))
        elif op == "delete":
            ids = self._stored_claims()
            claim_store.delete_document_claims(conn, doc, r.sample(ids, min(len(ids), 3)))
        elif op == "review" and (ids := self._stored_claims()):
            claim_store.add_review(conn, r.choice(ids), r.choice(["accepted", "rejected", "machine"]), "ana", "now")
        elif op == "merge":
            store.merge_clusters(conn, r.choice(self.clusters), r.sample(self.clusters, 2))
        elif op == "metadata":
            store.add_document_source(conn, _doc(doc, "-", r.choice(["AFP", None])), "r2")
        elif op == "curated":
            claim = self._random_claim("theatre:t")
            store.insert_claim(conn, claim, "theatre:t")
            claim_store.set_source_note(conn, claim.id, r.choice(["Wikipedia", None]))
        return op


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("short_key", [-1, 10**9])  # a cluster's earlier claims: through the key or the cluster
def test_relation_facts_equal_the_on_the_fly_aggregate_after_random_writes(seed, short_key, monkeypatch):
    monkeypatch.setattr("orbat.store.relation_facts._SHORT_KEY", short_key)
    conn = store.connect(":memory:")
    writer = _RandomWriter(conn, random.Random(seed))
    for i in range(80):
        with store.transaction(conn):
            op = writer.step()
        assert _facts(conn) == _expected(conn), f"step {i}: {op}"
    assert _facts(conn), "the random writes should leave some facts"
    maintained = _facts(conn)
    rows = conn.execute("SELECT * FROM relation_facts ORDER BY key").fetchall()
    rebuild_relation_facts(conn)
    assert _facts(conn) == maintained
    rebuilt = conn.execute("SELECT * FROM relation_facts ORDER BY key").fetchall()
    assert [tuple(r) for r in rows] == [tuple(r) for r in rebuilt], "claimants in the order a rebuild lists them"


def _two_reports(conn: sqlite3.Connection) -> None:
    """The same relation affirmed by two documents of two duplicate clusters."""
    with store.transaction(conn):
        for doc, cluster, outlet in (("d1", "c1", "Reuters"), ("d2", "c2", "AFP")):
            store.insert_document(conn, _doc(doc, cluster, outlet), "r1")
            store.insert_analysis(conn, Analysis(_doc(doc, cluster, outlet),
                                                 claims=(_claim("k" + doc, "kh", "present_at", "qaim"),)))  # fmt: skip


def _by_name(rows: list[tuple]) -> list[dict]:
    return [dict(zip(claim_store.FACT_FIELDS, r)) for r in rows]


def _summary(conn: sqlite3.Connection) -> list[dict]:
    return _by_name(claim_store.relation_summaries(conn, ["kh"], side="subject", predicates=["present_at"], limit=10))


def test_rejecting_a_claim_removes_its_contribution_and_a_reset_restores_it():
    conn = store.connect(":memory:")
    _two_reports(conn)
    (fact,) = _summary(conn)
    assert (fact["claims"], fact["sources"], fact["claimants"]) == (2, 2, "Reuters,AFP")
    claim_store.add_review(conn, "kd1", "rejected", "ana", "2026-01-01")
    (fact,) = _summary(conn)
    assert (fact["claims"], fact["sources"], fact["claimants"]) == (1, 1, "AFP")
    claim_store.add_review(conn, "kd2", "rejected", "ana", "2026-01-01")
    assert _summary(conn) == []
    claim_store.add_review(conn, "kd1", "machine", "ana", "2026-01-02")
    (fact,) = _summary(conn)
    assert (fact["claims"], fact["sources"], fact["claimants"]) == (1, 1, "Reuters")


def test_folding_new_claims_counts_a_cluster_and_a_voice_once_even_with_commas_in_voices():
    conn = store.connect(":memory:")
    reports = [("d1", "c1", "Reuters, London", "affirmed"), ("d2", "c1", "Reuters", "affirmed"),
               ("d3", "c2", "London", "negated"), ("d4", "c1", "Reuters, London", "negated"),
               ("d5", "c3", "Reuters", "affirmed")]  # fmt: skip
    for doc, cluster, outlet, polarity in reports:
        with store.transaction(conn):
            store.insert_document(conn, _doc(doc, cluster, outlet), "r1")
            claim = _claim("k" + doc, "kh", "present_at", "qaim", polarity=polarity)
            store.insert_analysis(conn, Analysis(_doc(doc, cluster, outlet), claims=(claim,)))
        assert _facts(conn) == _expected(conn), doc
    (fact,) = _summary(conn)
    assert (fact["claims"], fact["affirmed"], fact["negated"], fact["sources"]) == (5, 2, 2, 3)
    assert fact["claimants"] == "Reuters, London,Reuters,London"


def test_folding_reads_the_new_claims_and_looks_the_rest_up_by_index(tmp_path):
    from orbat.store.relation_facts import _EARLIER_SOURCE, _EARLIER_SOURCE_BY_KEY, _EARLIER_VOICE
    from orbat.store.schema import relation_fact_claim_select

    conn = store.connect(str(tmp_path / "a.db"))

    def plan(sql: str, params: tuple) -> str:
        return " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))

    assert "rowid>?" in plan(relation_fact_claim_select("c.rowid > ?"), (0,)).replace(" ", "")
    source = plan(_EARLIER_SOURCE, ("c1", 9, "a", "p", "b", None))
    assert "documents_cluster" in source and "claims_document (document_id=? AND subject=?" in source, source
    assert "claims_subject (subject=?" in plan(_EARLIER_SOURCE_BY_KEY, ("c1", 9, "a", "p", "b", None))
    assert "claims_subject" in plan(_EARLIER_VOICE, ("a", "p", "b", None, 9, "Reuters"))


def test_merging_two_clusters_lowers_the_independent_source_count():
    conn = store.connect(":memory:")
    _two_reports(conn)
    assert _summary(conn)[0]["sources"] == 2
    with store.transaction(conn):
        store.merge_clusters(conn, "c1", ["c2"])
    (fact,) = _summary(conn)
    assert (fact["claims"], fact["affirmed"], fact["sources"]) == (2, 1, 1)


def test_an_outlet_filled_by_a_later_copy_becomes_the_claimant():
    conn = store.connect(":memory:")
    with store.transaction(conn):
        store.insert_document(conn, _doc("d1", "c1", None), "r1")
        claim = _claim("k1", "kh", "present_at", "qaim")
        store.insert_analysis(conn, Analysis(_doc("d1", "c1", None), claims=(claim,)))
    assert _summary(conn)[0]["claimants"] is None
    with store.transaction(conn):
        store.add_document_source(conn, _doc("d1", "c1", "Reuters"), "r2")
    assert _summary(conn)[0]["claimants"] == "Reuters"


def test_theatre_sync_keeps_curated_facts_exact(tiny_theatre):
    conn = store.connect(":memory:")
    relations = (CuratedRelation("kh", "part_of", "pmf", "Washington Institute, 2024-04", start="2014"),
                 CuratedRelation("aah", "part_of", "pmf", "Wikipedia"))  # fmt: skip
    sync_theatre(conn, replace(tiny_theatre, relations=relations))
    facts = _by_name(claim_store.relation_summaries(conn, ["pmf"], side="object", predicates=["part_of"], limit=10))
    assert {(f["subject"], f["claimants"], f["open_start"], f["open_end"]) for f in facts} == {
        ("kh", "Washington Institute, 2024-04", 0, 1), ("aah", "Wikipedia", 1, 1)}  # fmt: skip
    sync_theatre(conn, replace(tiny_theatre, relations=relations[:1]))
    assert _facts(conn) == _expected(conn) and len(_facts(conn)) == 1


def test_migration_three_backfills_facts_of_a_schema_two_database():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.row_factory = sqlite3.Row
    for script in MIGRATIONS[:2]:
        for statement in db._statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.executemany("INSERT INTO documents (id, outlet, cluster, kind, text, clean_text, offsets, segments) "
                     "VALUES (?, ?, ?, 'article', '', '', '[[0],[0],[1]]', '[]')",
                     [("d1", "Reuters", "c1"), ("d1b", "Yahoo", "c1"), ("d2", "AFP", "c2")])  # fmt: skip
    rows = [(f"k{i}", doc, "present_at", "kh", "qaim", None, None, "2017-06-0" + str(i), None, "day",
             "2017-06-0" + str(i), polarity, "asserted", None, "x", 0.5, "machine", None, None, None, "[]", "[]",
             None, None, None, None, None, None, None)
            for i, (doc, polarity) in enumerate([("d1", "affirmed"), ("d1b", "affirmed"), ("d2", "negated")], 1)]
    conn.executemany(f"INSERT INTO claims VALUES ({', '.join('?' * 29)})", rows)
    db.migrate(conn)
    assert db.schema_version(conn) == len(MIGRATIONS)
    (fact,) = _summary(conn)
    assert (fact["claims"], fact["affirmed"], fact["negated"], fact["sources"]) == (3, 1, 1, 2)
    assert (fact["first_reported"], fact["valid_end"]) == ("2017-06-01", "2017-06-03")
    assert _facts(conn) == _expected(conn)


def test_refreshing_a_fact_reads_only_that_relations_claims(tmp_path):
    from orbat.store.relation_facts import _BY_KEY
    from orbat.store.schema import relation_fact_select

    conn = store.connect(str(tmp_path / "a.db"))
    plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + relation_fact_select(_BY_KEY), ("a", "p", "b", None)))
    assert "claims_subject (subject=? AND predicate=? AND object=? AND role=?)" in plan
