"""ACLED-shaped CSV: event claims only, ACLED's codes from ours, nothing of ours lost."""

from __future__ import annotations

import csv
import io

from orbat.export.acled import ACLED_COLUMNS
from tests.export.world import ALL_CLAIMS, HOSTILE_NAME, export


def _rows(conn) -> tuple[list[str], dict[str, dict[str, str]], dict[str, int]]:
    text, counts = export(conn, "acled")
    header, *body = list(csv.reader(io.StringIO(text)))
    rows = [dict(zip(header, r)) for r in body]
    return header, {r["orbat_claim_id"]: r for r in rows}, counts


def test_event_claims_only(world):
    header, rows, counts = _rows(world)
    events = sorted(c.id for c in ALL_CLAIMS if c.predicate == "event")
    assert tuple(header) == ACLED_COLUMNS
    assert sorted(rows) == events and counts == {"event": len(events)}


def test_fatalities_best_else_low_else_zero_and_bounds_kept(world):
    _, rows, _ = _rows(world)
    assert [rows["e-tower22"][k] for k in ("fatalities", "fatalities_low", "fatalities_high")] == ["3", "3", "3"]
    assert [rows["e-strikes"][k] for k in ("fatalities", "fatalities_low", "fatalities_high")] == ["16", "16", "40"]
    assert [rows["e-mobilize"][k] for k in ("fatalities", "fatalities_low", "fatalities_high")] == ["0", "", ""]


def test_denied_event_is_exported_and_flagged(world):
    _, rows, _ = _rows(world)
    denied = rows["e-denied"]
    assert (denied["polarity"], denied["modality"], denied["claimant"]) == ("negated", "denied", "Kataib Hezbollah")


def test_dates_and_time_precision(world):
    _, rows, _ = _rows(world)
    assert [rows["e-tower22"][k] for k in ("event_date", "year", "time_precision")] == ["2024-01-28", "2024", "1"]
    assert [rows["e-gunmen"][k] for k in ("event_date", "time_precision")] == ["2024-02-01", "3"]  # month
    assert [rows["e-denied"][k] for k in ("event_date", "time_precision")] == ["2024-01-28", "3"]  # report date


def test_actors_inter_codes_and_interaction(world):
    _, rows, _ = _rows(world)
    strikes = rows["e-strikes"]  # US aircraft (state forces abroad: 8) on two militias (3)
    assert (strikes["actor1"], strikes["inter1"], strikes["actor2"], strikes["inter2"]) == (
        "United States", "8", "Kataib Hezbollah", "3")
    assert strikes["assoc_actor_2"] == HOSTILE_NAME and strikes["interaction"] == "38"
    mobilize = rows["e-mobilize"]  # Iraqi state force at home, no second actor
    assert (mobilize["inter1"], mobilize["actor2"], mobilize["interaction"]) == ("1", "", "10")
    assert rows["e-gunmen"]["actor1"] == "" and rows["e-gunmen"]["interaction"] == ""


def test_location_columns(world):
    _, rows, _ = _rows(world)
    tower = rows["e-tower22"]
    columns = ("event_id_cnty", "iso", "country", "location", "latitude", "longitude", "geo_precision")
    assert [tower[k] for k in columns] == ["JORe-tower22", "400", "Jordan", "Tower 22", "33.32", "38.68", "1"]
    assert rows["e-denied"]["location"] == "Wadi Hawran <script>" and rows["e-denied"]["latitude"] == ""
    assert rows["e-strikes"]["disorder_type"] == "Political violence"
    assert rows["e-mobilize"]["disorder_type"] == "Strategic developments"
    assert rows["e-tower22"]["source"] == "Reuters" and rows["e-gunmen"]["source"] == "AFP, Paris"
