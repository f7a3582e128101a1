"""A small hand-made world of documents and claims in an in-memory database.

Reuters' story (d1) was syndicated by Yahoo (d1b, same cluster); AFP (d2), Al-Monitor (d3) and
Shafaq (d4) wrote their own. Places: Al-Qaim and Al Bukamal ~17 km apart, al-Tanf ~250 km away.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from orbat import store
from orbat.model import Alias, Claim, Document, Entity, EntityKind, Evidence, Fatalities, TimeSpan


def _e(id_: str, kind: EntityKind, name: str, *aliases: str, lat: float | None = None, lon: float | None = None) -> Entity:
    return Entity(id_, kind, name, tuple(Alias(a, "curated: test pack") for a in aliases), lat=lat, lon=lon, source="test")


ENTITIES = (
    _e("pmf", EntityKind.STATE_FORCE, "Popular Mobilization Forces", "PMF", "Hashd al-Shaabi"),
    _e("kh", EntityKind.ARMED_GROUP, "Kataib Hezbollah", "KH", "Kata'ib Ḥizballāh"),
    _e("aah", EntityKind.ARMED_GROUP, "Asaib Ahl al-Haq", "AAH"),
    _e("syrian-army", EntityKind.STATE_FORCE, "Syrian Arab Army", "SAA"),
    _e("iran", EntityKind.STATE, "Iran"),
    _e("muhandis", EntityKind.PERSON, "Abu Mahdi al-Muhandis"),
    _e("qaim", EntityKind.PLACE, "Al-Qaim", lat=34.37, lon=41.09),
    _e("bukamal", EntityKind.PLACE, "Al Bukamal", lat=34.45, lon=40.92),
    _e("tanf", EntityKind.PLACE, "al-Tanf", lat=33.50, lon=38.62),
)

TEXTS = {
    "d1": "Border report.\n\nThe PMF is deployed in Al-Qaim. Kataib Hezbollah controls al-Tanf. "
          "The Syrian army sent 2,000 troops to Al Bukamal.\n\nMore later.",
    "d2": "The PMF is at Al-Qaim, AFP learned. The Syrian army sent 4,000 troops to Al Bukamal. "
          "Kataib Hezbollah fighters are in Al Bukamal. Syrian forces control Al-Qaim. Kataib Hezbollah controls Al-Qaim.",
    "d3": "A Kataib Hezbollah spokesman denied that its fighters are in Al Bukamal.",
    "d4": "The Syrian army took al-Tanf. Asaib Ahl al-Haq also holds Al-Qaim.",
}


@dataclass(frozen=True)
class DocSpec:
    id: str
    text_key: str
    outlet: str
    published: str
    cluster: str


DOCS = (
    DocSpec("d1", "d1", "Reuters", "2017-06-01", "c1"),
    DocSpec("d1b", "d1", "Yahoo News", "2017-06-01", "c1"),
    DocSpec("d2", "d2", "AFP", "2017-06-03", "c2"),
    DocSpec("d3", "d3", "Al-Monitor", "2017-06-04", "c3"),
    DocSpec("d4", "d4", "Shafaq News", "2017-09-15", "c4"),
)


def _ev(doc: str, phrase: str) -> tuple[Evidence, ...]:
    text = TEXTS[next(d.text_key for d in DOCS if d.id == doc)]
    start = text.index(phrase)
    return (Evidence(doc, start, start + len(phrase), phrase),)


def _claim(id_: str, doc: str, predicate: str, subject: str, obj: str | None, phrase: str, **kw: object) -> Claim:
    published = next(d.published for d in DOCS if d.id == doc)
    kw.setdefault("valid", TimeSpan(published, published, "day"))
    return Claim(id_, predicate, subject, obj, reported=published, evidence=_ev(doc, phrase),
                 extractor="test/1", confidence=0.8, **kw)  # type: ignore[arg-type]


def _event(id_: str, doc: str, size: str, phrase: str, **kw: object) -> Claim:
    return _claim(id_, doc, "event", "syrian-army", None, phrase, event_type="MOBILIZE", place="bukamal",
                  actors=("syrian-army",), size=size, **kw)


CLAIMS = (
    # one fact, three documents, two independent sources (d1 and d1b are one story)
    _claim("p1", "d1", "present_at", "pmf", "qaim", "The PMF is deployed in Al-Qaim"),
    _claim("p1b", "d1b", "present_at", "pmf", "qaim", "The PMF is deployed in Al-Qaim"),
    _claim("p2", "d2", "present_at", "pmf", "qaim", "The PMF is at Al-Qaim"),
    # affirmed by AFP, denied by KH in Al-Monitor
    _claim("k2", "d2", "present_at", "kh", "bukamal", "Kataib Hezbollah fighters are in Al Bukamal"),
    _claim("k3", "d3", "present_at", "kh", "bukamal", "denied that its fighters are in Al Bukamal",
           polarity="negated", modality="denied", claimant="kh"),
    # control conflict at Al-Qaim: Syrian army vs KH; AAH holding it too is compatible with KH (both PMF)
    _claim("q1", "d2", "controls", "syrian-army", "qaim", "Syrian forces control Al-Qaim"),
    _claim("q2", "d2", "controls", "kh", "qaim", "Kataib Hezbollah controls Al-Qaim"),
    _claim("q3", "d4", "controls", "aah", "qaim", "Asaib Ahl al-Haq also holds Al-Qaim",
           valid=TimeSpan("2017-06-02", "2017-06-02", "day")),
    # al-Tanf changes hands: KH in June, the Syrian army from September
    _claim("t1", "d1", "controls", "kh", "tanf", "Kataib Hezbollah controls al-Tanf"),
    _claim("t2", "d4", "controls", "syrian-army", "tanf", "The Syrian army took al-Tanf"),
    # the same deployment, 2,000 vs 4,000 troops
    _event("e1", "d1", "2000 troops", "The Syrian army sent 2,000 troops to Al Bukamal"),
    _event("e2", "d2", "4000 troops", "The Syrian army sent 4,000 troops to Al Bukamal",
           fatalities=Fatalities(None, None, None)),
)

CURATED = (
    Claim("c-kh-pmf", "part_of", "kh", "pmf", valid=TimeSpan("2014", None, "year"), extractor="theatre:test/1",
          confidence=1.0, review="accepted", source_note="Washington Institute, 2024-04"),
    Claim("c-aah-pmf", "part_of", "aah", "pmf", valid=TimeSpan("2014", None, "year"), extractor="theatre:test/1",
          confidence=1.0, review="accepted", source_note="US State Department, 2020-01-03"),
    Claim("c-muhandis", "leads", "muhandis", "kh", role="leader", valid=TimeSpan(None, "2020-01-03", "day"),
          extractor="theatre:test/1", confidence=1.0, review="accepted", source_note="Wikipedia"),
    Claim("c-pmf-iran", "backed_by", "pmf", "iran", extractor="theatre:test/1", confidence=1.0,
          review="accepted", source_note="The National, 2025-06-17"),
)


def build_world(conn) -> None:
    from orbat.store import claims as claim_store

    with store.transaction(conn):
        store.upsert_entities(conn, ENTITIES)
        for d in DOCS:
            text = TEXTS[d.text_key]
            store.insert_document(conn, Document(id=d.id, text=text, clean_text=text, outlet=d.outlet,
                                                 published=d.published, cluster=d.cluster,
                                                 url=f"https://example.org/{d.id}", title=f"Story {d.id}"), "r1")
        start = TEXTS["d1"].index("Kataib Hezbollah")
        introduced = Alias("the Brigades", f"document:d1:{start}-{start + 16}")
        store.upsert_entities(conn, [Entity("kh", EntityKind.ARMED_GROUP, "Kataib Hezbollah", (introduced,))])
        for c in CLAIMS:
            store.insert_claim(conn, c, c.evidence[0].document)
        for c in CURATED:
            store.insert_claim(conn, c, "theatre:test")
            claim_store.set_source_note(conn, c.id, c.source_note)


@pytest.fixture
def world():
    conn = store.connect(":memory:")
    build_world(conn)
    return conn
