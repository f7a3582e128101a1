"""The helpers the exporters share: partial dates as periods, the pairs a claim links, URIs for STIX."""

from __future__ import annotations

from datetime import datetime, timezone

from orbat.export.dates import full_date, period_after, period_start, stix_timestamp
from orbat.export.names import Edge, claim_edges, claim_location
from orbat.export.stix_objects import _uri
from orbat.model import Claim


def test_partial_dates_name_whole_periods():
    assert full_date("2017") == "2017-01-01" and full_date("2017-07") == "2017-07-01"
    assert period_after("2017-12") == datetime(2018, 1, 1, tzinfo=timezone.utc)
    assert period_after("2017-07-31") == datetime(2017, 8, 1, tzinfo=timezone.utc)
    assert period_after("2016") == datetime(2017, 1, 1, tzinfo=timezone.utc)
    assert stix_timestamp(period_start("2024-01-28T10:30:00+03:00")) == "2024-01-28T07:30:00.000Z"
    assert period_start("last week") is None and period_start("2017-02-30") is None and full_date(None) is None


def test_events_link_actors_to_recipients_else_to_the_place():
    event = Claim("e", "event", "a", actors=("a", "b"), recipients=("c",), place="p")
    assert claim_edges(event) == [Edge("a", "c", "recipient"), Edge("b", "c", "recipient")]
    assert claim_edges(Claim("e", "event", "a", place="p")) == [Edge("a", "p", "place")]
    assert claim_edges(Claim("e", "event", None)) == []
    assert claim_edges(Claim("r", "part_of", "a", "b")) == [Edge("a", "b", "object")]


def test_location_is_the_place_else_the_object_of_control_or_presence():
    assert claim_location(Claim("c", "controls", "a", "town")) == "town"
    assert claim_location(Claim("c", "part_of", "a", "b")) is None
    assert claim_location(Claim("c", "event", "a", place="p")) == "p"


def test_urls_become_uris_or_nothing():
    assert _uri("https://example.org/a b?q=<x>&y=%20") == "https://example.org/a%20b?q=%3Cx%3E&y=%20"
    assert _uri("https://example.org/\u0645\u0642\u0627\u0644") == "https://example.org/%D9%85%D9%82%D8%A7%D9%84"
    assert _uri("no scheme here") is None and _uri("http://[broken") is None and _uri(None) is None
