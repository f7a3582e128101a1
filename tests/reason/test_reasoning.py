"""Facts, contradictions and state-as-of over hand-made claim records (no database)."""

from datetime import date

from orbat.model import Claim, Evidence, Fatalities, TimeSpan
from orbat.reason import EventMatching, StateRules, build_facts, find_control_conflicts, find_denials, find_event_conflicts, state_at
from orbat.reason.events import size_range
from orbat.store.claims import ClaimRecord


def rec(id_, predicate="present_at", subject="pmf", obj="qaim", *, cluster=None, day="2017-06-01", end=None,
        outlet="Reuters", curated=False, **kw):
    valid = kw.pop("valid", TimeSpan(day, end or day, "day"))
    claim = Claim(id_, predicate, subject, obj, valid=valid, reported=None if curated else day,
                  evidence=(Evidence("d", 0, 4, "text"),), extractor="theatre:t/1" if curated else "test/1", **kw)
    return ClaimRecord(claim, "theatre:t" if curated else f"doc-{id_}", None if curated else (cluster or id_), outlet)


def test_independent_sources_counted_once_per_cluster_and_curated_once_each():
    records = [rec("a", cluster="c1"), rec("b", cluster="c1", outlet="Yahoo"), rec("c", cluster="c2"),
               rec("d", curated=True, valid=TimeSpan("2014", None, "year"))]
    (fact,) = build_facts(records)
    assert fact.independent_sources == 3 and fact.affirmed_count == 3
    assert fact.curated and fact.status == "corroborated" and fact.valid.start == "2014-01-01"


def test_claims_far_apart_in_time_are_separate_facts_and_symmetric_predicates_merge():
    far = build_facts([rec("a", day="2015-01-01"), rec("b", day="2019-01-01")])
    assert [f.independent_sources for f in far] == [1, 1]
    (ally,) = build_facts([rec("x", "allied_with", "kh", "aah"), rec("y", "allied_with", "aah", "kh")])
    assert ally.independent_sources == 2


def test_rejected_and_hypothetical_claims_make_no_fact():
    assert build_facts([rec("a", review="rejected"), rec("b", modality="hypothetical")]) == []


def test_affirmed_and_denied_by_different_sources_is_a_denial():
    (c,) = find_denials([rec("a"), rec("b", polarity="negated", claimant="pmf")], {"pmf": "PMF", "qaim": "Al-Qaim"})
    assert c.kind == "denial" and [r.claim.id for r in c.left] == ["a"] and [r.claim.id for r in c.right] == ["b"]
    assert "PMF present_at Al-Qaim" in c.explanation
    assert find_denials([rec("a"), rec("b", polarity="negated", day="2019-01-01")], {}) == []  # other time


def test_control_conflict_unless_compatible():
    records = [rec("a", "controls", "kh", "qaim"), rec("b", "controls", "saa", "qaim")]
    (c,) = find_control_conflicts(records, lambda a, b: False, {})
    assert c.kind == "control" and "2017-06-01" in c.explanation
    assert find_control_conflicts(records, lambda a, b: True, {}) == []


def _event(id_, *, size=None, day="2017-06-01", cluster=None, place="bukamal", valid=None, fatalities=Fatalities(),
           event_type="MOBILIZE", recipients=(), geo_precision=None):
    return rec(id_, "event", "saa", None, cluster=cluster, day=day, event_type=event_type, actors=("saa",),
               recipients=recipients, place=place, size=size, fatalities=fatalities, geo_precision=geo_precision,
               valid=valid or TimeSpan(day, day, "day"))  # fmt: skip


def test_figures_contradiction_two_thousand_vs_four_thousand_troops():
    (c,) = find_event_conflicts([_event("a", size="2000 troops"), _event("b", size="4,000 troops", day="2017-06-03")],
                                {}, {})  # fmt: skip
    assert c.kind == "figures" and "2000 troops" in c.explanation and "4,000 troops" in c.explanation
    assert find_event_conflicts([_event("a", size="3000 troops"), _event("b", size="about 3,200 troops")], {}, {}) == []


def test_same_cluster_reports_never_contradict_each_other():
    pair = [_event("a", size="2000 troops", cluster="c"), _event("b", size="4000 troops", cluster="c")]
    assert find_event_conflicts(pair, {}, {}) == []


def test_fatality_ranges_that_do_not_meet_conflict():
    a = _event("a", fatalities=Fatalities(3, 3, 5))
    b = _event("b", fatalities=Fatalities(10, 12, 15))
    (c,) = find_event_conflicts([a, b], {}, {})
    assert "fatalities 3-5" in c.explanation


def test_date_and_place_conflicts_between_reports_of_one_event():
    dated = [_event("a", valid=TimeSpan("2017-05-20", "2017-05-20", "day"), day="2017-06-01"),
             _event("b", valid=TimeSpan("2017-05-28", "2017-05-28", "day"), day="2017-06-02")]
    assert [c.kind for c in find_event_conflicts(dated, {}, {})] == ["date"]
    points = {"bukamal": (34.45, 40.92), "tanf": (33.50, 38.62)}
    placed = [_event("a", event_type="ASSAULT", recipients=("isis",)),
              _event("b", place="tanf", event_type="ASSAULT", recipients=("isis",))]
    (c,) = find_event_conflicts(placed, points, {}, EventMatching())
    assert c.kind == "place" and "km apart" in c.explanation


def test_the_same_forces_on_the_same_days_at_two_places_are_two_events_unless_the_target_is_shared_too():
    points = {"bukamal": (34.45, 40.92), "tanf": (33.50, 38.62)}
    deployed = [_event("a"), _event("b", place="tanf")]  # forces deploy to many places at once
    assert find_event_conflicts(deployed, points, {}) == []
    struck = [_event("a", event_type="ASSAULT", recipients=("isis",)),
              _event("b", place="tanf", event_type="ASSAULT", recipients=("fsa",))]
    assert find_event_conflicts(struck, points, {}) == []
    civilians = [_event("a", event_type="ASSAULT", recipients=("collective:civilians:syr",)),
                 _event("b", place="tanf", event_type="ASSAULT", recipients=("collective:civilians:syr",))]
    assert find_event_conflicts(civilians, points, {}) == []  # civilians are hit in many places at once


def test_tolls_reported_a_week_apart_or_placed_only_in_a_country_are_not_one_event():
    week = [_event("a", fatalities=Fatalities(8, 8, 8), valid=TimeSpan("2017-06-01", "2017-06-01", "day")),
            _event("b", fatalities=Fatalities(20, 20, 20), day="2017-06-07", valid=TimeSpan("2017-06-07", "2017-06-07", "day"))]
    assert [c.kind for c in find_event_conflicts(week, {}, {})] == []  # 6 days apart, other tolls: two events
    country = [_event("a", place="syria", geo_precision="country", fatalities=Fatalities(8, 8, 8)),
               _event("b", place="syria", geo_precision="country", fatalities=Fatalities(20, 20, 20))]
    assert find_event_conflicts(country, {}, {}) == []
    background = [_event("a", valid=TimeSpan("2014-01-01", "2014-12-31", "year"), day="2017-06-01"),
                  _event("b", valid=TimeSpan("2017-05-30", "2017-05-30", "day"), day="2017-06-01")]
    assert find_event_conflicts(background, {}, {}) == []  # "in 2014 the group seized …" is another event


def test_size_ranges_are_read_from_text():
    assert size_range("2,000-4,000 fighters") == (2000, 4000)
    assert size_range("3 thousand troops") == (3000, 3000)
    assert size_range("hundreds of fighters") is None


def test_state_as_of_two_dates_follows_a_change_of_control():
    records = [rec("a", "controls", "kh", "tanf", day="2017-06-01"), rec("b", "controls", "saa", "tanf", day="2017-09-15")]
    assert [e.subject for e in state_at(records, date(2017, 7, 1))] == ["kh"]
    assert [e.subject for e in state_at(records, date(2017, 10, 1))] == ["saa"]


def test_state_observation_goes_stale_but_closed_span_and_curated_do_not():
    point = rec("a", day="2017-06-01")
    closed = rec("b", "part_of", "kh", "pmf", valid=TimeSpan("2014-01-01", "2020-04-22", "day"))
    curated = rec("c", "backed_by", "pmf", "iran", curated=True, valid=TimeSpan())
    rules = StateRules(stale_after_days=180)
    assert {e.predicate for e in state_at([point, closed, curated], date(2017, 10, 1), rules)} == {
        "present_at", "part_of", "backed_by"}
    assert {e.predicate for e in state_at([point, closed, curated], date(2018, 6, 1), rules)} == {"part_of", "backed_by"}
    assert {e.predicate for e in state_at([point, closed, curated], date(2021, 1, 1), rules)} == {"backed_by"}


def test_state_denial_within_window_contests_and_later_denial_ends():
    yes = rec("a", day="2017-06-01")
    soon = rec("b", day="2017-06-10", polarity="negated", cluster="c2")
    (entry,) = state_at([yes, soon], date(2017, 6, 20))
    assert entry.contested and [r.claim.id for r in entry.contesting] == ["b"]
    late = rec("c", day="2017-12-01", polarity="negated", cluster="c3")
    assert state_at([yes, late], date(2017, 12, 5)) == []


def test_state_new_leader_supersedes_the_old_one():
    old = rec("a", "leads", "muhandis", "kh", role="leader", day="2015-11-01")
    new = rec("b", "leads", "fadak", "kh", role="leader", day="2016-03-01")
    assert [e.subject for e in state_at([old, new], date(2016, 1, 1))] == ["muhandis"]
    assert [e.subject for e in state_at([old, new], date(2016, 6, 1))] == ["fadak"]
    spokes = [rec("c", "leads", "x", "kh", role="spokesperson"), rec("d", "leads", "y", "kh", role="spokesperson", day="2017-08-01")]
    assert {e.subject for e in state_at(spokes, date(2017, 9, 1))} == {"x", "y"}


def _unclaimed_attack(id_, place, *, killed=3, target="us-forces"):
    """"A drone killed three US soldiers at …": no attacker named."""
    return rec(id_, "event", None, target, event_type="ASSAULT", recipients=(target,), place=place,
               fatalities=Fatalities(killed, killed, killed), geo_precision="exact")  # fmt: skip


def test_two_places_in_two_countries_are_a_place_conflict_even_close_together():
    points = {"tower-22": (33.32, 38.69), "tanf": (33.50, 38.62)}  # about 20 km apart, across the border
    pair = [_unclaimed_attack("a", "tower-22"), _unclaimed_attack("b", "tanf")]
    (c,) = find_event_conflicts(pair, points, {}, countries={"tower-22": "JOR", "tanf": "SYR"})
    assert c.kind == "place" and "in JOR and SYR" in c.explanation
    assert find_event_conflicts(pair, points, {}, countries={"tower-22": "SYR", "tanf": "SYR"}) == []


def test_reports_naming_no_attacker_are_one_event_only_with_one_target_and_one_toll():
    points = {"tower-22": (33.32, 38.69), "tanf": (33.50, 38.62)}
    countries = {"tower-22": "JOR", "tanf": "SYR"}
    other_toll = [_unclaimed_attack("a", "tower-22"), _unclaimed_attack("b", "tanf", killed=5)]
    civilians = [_unclaimed_attack("a", "tower-22", target="collective:civilians:syr"),
                 _unclaimed_attack("b", "tanf", target="collective:civilians:syr")]
    assert find_event_conflicts(other_toll, points, {}, countries=countries) == []
    assert find_event_conflicts(civilians, points, {}, countries=countries) == []  # many attacks hit civilians


def test_a_collective_and_a_named_group_holding_one_place_do_not_conflict():
    records = [rec("a", "controls", "collective:rebel-groups:syr", "idlib"), rec("b", "controls", "hts", "idlib")]
    assert find_control_conflicts(records, lambda a, b: False, {}) == []


def test_an_open_toll_meets_any_larger_toll_and_the_figure_it_rounds_up():
    floor = _event("a", fatalities=Fatalities(20, 20, None))  # "more than 19 killed"
    assert find_event_conflicts([floor, _event("b", fatalities=Fatalities(19, 19, 19))], {}, {}) == []
    assert find_event_conflicts([floor, _event("b", fatalities=Fatalities(45, 45, 45))], {}, {}) == []
    (c,) = find_event_conflicts([floor, _event("b", fatalities=Fatalities(8, 8, 8))], {}, {})
    assert "fatalities 20 or more" in c.explanation and "vs 8" in c.explanation
