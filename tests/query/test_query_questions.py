import pytest

from orbat import query, store
from orbat.errors import OrbatError
from orbat.model import Claim
from orbat.query import ClaimFilter, EventFilter
from orbat.reason import build_facts


def _fact(facts, subject, predicate, obj):
    (fact,) = [f for f in facts if (f.subject, f.predicate, f.object) == (subject, predicate, obj)]
    return fact


def test_syndicated_copies_count_as_one_independent_source(world):
    profile = query.actor_profile(world, "pmf")
    fact = _fact(profile.facts, "pmf", "present_at", "qaim")
    assert fact.independent_sources == 2 and fact.status == "corroborated"
    assert set(fact.claimants) == {"Reuters", "Yahoo News", "AFP"}
    assert [pl.claims for pl in profile.places if pl.place == "qaim"] == [3]
    records = query.list_claims(world, ClaimFilter(subject="pmf", predicate="present_at")).claims
    (timed,) = build_facts(records)
    assert len(timed.claims) == 3 and timed.independent_sources == 2


def test_actor_resolves_by_alias_ignoring_case_and_diacritics(world):
    assert query.resolve_entity(world, "hashd AL-shaabi") == "pmf"
    assert query.resolve_entity(world, "Kataib Hizballah") == "kh"
    assert query.actor_profile(world, "kh").entity.id == "kh"
    with pytest.raises(OrbatError, match="no actor"):
        query.resolve_entity(world, "Nobody Brigade")


def test_profile_shows_chain_leaders_affiliates_and_alias_sources(world):
    p = query.actor_profile(world, "KH")
    assert [(link.entity, link.depth) for link in p.chain_of_command] == [("pmf", 1)]
    assert [(link.entity, link.role, link.fact.valid.end) for link in p.leaders] == [("muhandis", "leader", "2020-01-03")]
    (doc_alias,) = [a for a in p.aliases if a.document]
    assert doc_alias.outlet == "Reuters" and doc_alias.quote == "Kataib Hezbollah"
    assert {pl.place for pl in p.places} >= {"qaim", "tanf"}
    assert p.first_reported == "2017-06-01" and p.names["pmf"] == "Popular Mobilization Forces"
    pmf = query.actor_profile(world, "pmf")
    assert [link.entity for link in pmf.affiliates] == ["iran"]
    assert {link.entity for link in pmf.subordinates} == {"kh", "aah"}


def test_find_events_filters_by_actor_type_dates_and_radius(world):
    assert query.find_events(world, EventFilter(actor="SAA")).total == 2
    assert query.find_events(world, EventFilter(event_type="mobilize", date_from="2017-06-02")).total == 1
    assert query.find_events(world, EventFilter(date_to="2017-05")).total == 0
    assert query.find_events(world, EventFilter(near=(34.37, 41.09, 30))).total == 2  # Al Bukamal is ~17 km away
    assert query.find_events(world, EventFilter(near=(33.5, 38.6, 30))).total == 0
    page = query.find_events(world, EventFilter(claimant="AFP"))
    assert [r.claim.id for r in page.events] == ["e2"] and page.names["bukamal"] == "Al Bukamal"


def test_contradictions_of_each_kind(world):
    kinds = {c.kind: c for c in query.contradictions(world).items}
    denial = kinds["denial"]
    assert [r.claim.id for r in denial.left] == ["k2"] and [r.claim.id for r in denial.right] == ["k3"]
    assert "deny" in denial.explanation and denial.right[0].claim.evidence[0].quote.startswith("denied")
    control = query.contradictions(world, "control").items
    assert len(control) == 1  # AAH and KH, both part of the PMF, may share Al-Qaim
    assert {control[0].left[0].claim.subject, control[0].right[0].claim.subject} == {"kh", "syrian-army"}
    (figures,) = query.contradictions(world, "figures").items
    assert "2000 troops" in figures.explanation and "4000 troops" in figures.explanation
    with pytest.raises(OrbatError, match="unknown contradiction kind"):
        query.contradictions(world, "vibes")


def test_state_as_of_two_dates_gives_different_controllers(world):
    june = query.state_as_of(world, "2017-07-01", place="al-Tanf")
    october = query.state_as_of(world, "2017-10-01", place="tanf")
    assert [(e.subject, e.predicate) for e in june.entries] == [("kh", "controls")]
    assert [(e.subject, e.predicate) for e in october.entries] == [("syrian-army", "controls")]
    assert october.entries[0].supporting[0].claim.evidence[0].quote == "The Syrian army took al-Tanf"
    assert query.state_as_of(world, "2019-01-01", place="tanf").entries == ()  # stale after a year


def test_state_as_of_marks_denials_as_contested_and_keeps_curated(world):
    view = query.state_as_of(world, "2017-06-05", actor="kh")
    by = {(e.subject, e.predicate, e.object): e for e in view.entries}
    assert by[("kh", "present_at", "bukamal")].contested
    assert by[("kh", "part_of", "pmf")].basis == "curated"
    assert by[("muhandis", "leads", "kh")].until == "2020-01-03"
    later = query.state_as_of(world, "2021-01-01", actor="kh")
    assert ("muhandis", "leads", "kh") not in {(e.subject, e.predicate, e.object) for e in later.entries}


def test_unfiltered_state_uses_the_interval_index(world):
    view = query.state_as_of(world, "2017-07-01")
    triples = {(e.subject, e.predicate, e.object) for e in view.entries}
    assert ("pmf", "backed_by", "iran") in triples and ("kh", "controls", "tanf") in triples
    assert view.total == len(view.entries)


def test_review_round_trip_keeps_history_and_latest_wins(world):
    first = query.set_review(world, "t1", "reject", "analyst-a")
    assert first.review == "rejected"
    assert query.state_as_of(world, "2017-07-01", place="tanf").entries == ()
    assert "t1" not in {r.claim.id for r in query.list_claims(world, ClaimFilter(entity="kh")).claims}
    again = query.set_review(world, "t1", "reset", "analyst-b")
    assert [(r.decision, r.reviewer) for r in again.history] == [("rejected", "analyst-a"), ("machine", "analyst-b")]
    assert query.state_as_of(world, "2017-07-01", place="tanf").entries[0].subject == "kh"


def test_review_survives_the_claim_being_stored_again(world):
    query.set_review(world, "q1", "accept", "analyst-a")
    (record,) = query.list_claims(world, ClaimFilter(review="accepted", document="d2")).claims
    with store.transaction(world):  # re-analysis rewrites the claim with review "machine"
        store.insert_claim(world, record.claim.__class__(**{**_fields(record.claim), "review": "machine"}), "d2")
    assert query.claim_evidence(world, "q1").record.claim.review == "accepted"


def _fields(claim: Claim) -> dict:
    return {f: getattr(claim, f) for f in claim.__dataclass_fields__}


def test_review_rejects_unknown_claims_and_decisions(world):
    with pytest.raises(OrbatError, match="no claim"):
        query.set_review(world, "nope", "accept", "a")
    with pytest.raises(OrbatError, match="accept, reject or reset"):
        query.set_review(world, "t1", "maybe", "a")


def test_claim_evidence_gives_paragraph_document_and_duplicates(world):
    view = query.claim_evidence(world, "p1")
    (quote,) = view.quotes
    assert quote.paragraph.startswith("The PMF is deployed") and quote.paragraph.endswith("Al Bukamal.")
    assert (quote.outlet, quote.published, quote.url) == ("Reuters", "2017-06-01", "https://example.org/d1")
    assert [d["id"] for d in view.duplicates] == ["d1b"] and view.claimant == "Reuters"
    curated = query.claim_evidence(world, "c-kh-pmf")
    assert curated.record.claim.source_note == "Washington Institute, 2024-04" and curated.quotes == ()


def test_list_claims_filters_and_paginates(world):
    page = query.list_claims(world, ClaimFilter(predicate="controls", limit=2))
    assert page.total == 5 and len(page.claims) == 2
    assert query.list_claims(world, ClaimFilter(polarity="negated")).claims[0].claim.id == "k3"
    assert query.list_claims(world, ClaimFilter(limit=10**9)).limit == 1000


def test_timeline_is_oldest_first(world):
    page = query.timeline(world, actor="kh")
    dates = [r.claim.valid.start or "" for r in page.events]
    assert dates == sorted(dates) and page.total >= 6


def test_sources_count_corroboration_and_contradiction(world):
    view = query.sources(world)
    outlets = {row.name: row for row in view.outlets}
    assert outlets["Reuters"].corroborated >= 1 and outlets["Al-Monitor"].contradicted == 1
    assert outlets["curated"].claims == 4
    claimants = {row.name: row for row in view.claimants}
    assert claimants["kh"].contradicted == 1 and view.names["kh"] == "Kataib Hezbollah"


def test_state_date_must_be_readable(world):
    with pytest.raises(OrbatError, match="ISO date"):
        query.state_as_of(world, "last tuesday")
