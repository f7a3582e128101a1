"""CSV: one row per claim, every field flattened, hostile text round-trips through csv.reader."""

from __future__ import annotations

import csv
import io

from orbat.export.csv import CLAIM_COLUMNS
from tests.export.world import ALL_CLAIMS, ARABIC_DEIR, HOSTILE_NAME, QUOTE_HOSTILE, export


def _rows(conn) -> tuple[list[str], dict[str, dict[str, str]], dict[str, int]]:
    text, counts = export(conn, "csv")
    header, *body = list(csv.reader(io.StringIO(text)))
    return header, {r[0]: dict(zip(header, r)) for r in body}, counts


def test_one_row_per_claim_with_the_documented_header(world):
    header, rows, counts = _rows(world)
    assert tuple(header) == CLAIM_COLUMNS
    assert sorted(rows) == sorted(c.id for c in ALL_CLAIMS)
    assert counts == {"claim": len(ALL_CLAIMS)}


def test_hostile_quote_and_names_round_trip_exactly(world):
    _, rows, _ = _rows(world)
    assert rows["p-hostile"]["quote"] == QUOTE_HOSTILE  # quotes, <script>, &, comma, newline
    assert rows["e-strikes"]["recipient_names"] == f"Kataib Hezbollah;{HOSTILE_NAME}"
    assert rows["e-strikes"]["recipients"] == "kh;liwa"
    assert rows["e-strikes"]["weapons"] == "aircraft;precision-guided munitions"
    assert rows["e-tower22"]["weapons"] == ""
    assert rows["c-pmf-iran"]["source_note"] == 'The "National" & co, 2025-06-17'


def test_negated_claim_keeps_polarity_and_claimant(world):
    _, rows, _ = _rows(world)
    assert (rows["p-negated"]["polarity"], rows["p-negated"]["modality"]) == ("negated", "denied")
    assert rows["p-negated"]["claimant_name"] == "Kataib Hezbollah"


def test_several_evidence_spans_are_all_kept(world):
    _, rows, _ = _rows(world)
    row = rows["p-negated"]
    assert len(row["evidence_start"].split(";")) == len(row["evidence_end"].split(";")) == 2
    assert ARABIC_DEIR in row["quote"]


def test_point_is_the_place_or_the_object_of_present_at(world):
    _, rows, _ = _rows(world)
    assert (rows["e-tower22"]["lat"], rows["e-tower22"]["lon"]) == ("33.32", "38.68")
    assert (rows["p-hostile"]["place"], rows["p-hostile"]["lat"]) == ("", "34.37")
    assert rows["q-hawran"]["lat"] == ""  # Wadi Hawran has no coordinates


def test_fatalities_review_and_document_columns(world):
    _, rows, _ = _rows(world)
    strikes = rows["e-strikes"]
    assert (strikes["fatalities_low"], strikes["fatalities_best"], strikes["fatalities_high"]) == ("16", "", "40")
    assert rows["l-rejected"]["review"] == "rejected"
    assert (strikes["document"], strikes["outlet"], strikes["published"]) == ("d-reuters", "Reuters", "2024-01-28")
    assert rows["c-kh-pmf"]["document"] == "theatre:test"
