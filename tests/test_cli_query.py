"""The query commands: thin skins over orbat.query, each with --json."""

import json

import pytest
from click.testing import CliRunner

import orbat.cli_query  # noqa: F401  (registers the commands on the group)
from orbat import store
from orbat.cli import cli
from orbat.model import Alias, Claim, Document, Entity, EntityKind, Evidence, TimeSpan

TEXT_A = "Iraqi militias are at the border.\n\nThe Syrian army sent 2,000 troops to Al Bukamal on Monday."
TEXT_B = "Officials said the Syrian army sent 4,000 troops to Al Bukamal. Kataib Hezbollah controls Al Bukamal."


def _claim(id_, doc, text, phrase, published, **kw):
    start = text.index(phrase)
    return Claim(id_, kw.pop("predicate", "event"), kw.pop("subject", "saa"), kw.pop("object", None),
                 valid=TimeSpan(published, published, "day"), reported=published,
                 evidence=(Evidence(doc, start, start + len(phrase), phrase),), extractor="test/1", confidence=0.7, **kw)


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "q.db")
    conn = store.connect(path)
    entities = [
        Entity("saa", EntityKind.STATE_FORCE, "Syrian Arab Army", (Alias("Syrian army", "curated: test"),)),
        Entity("kh", EntityKind.ARMED_GROUP, "Kataib Hezbollah", (Alias("KH", "curated: test"),)),
        Entity("bukamal", EntityKind.PLACE, "Al Bukamal", lat=34.45, lon=40.92),
    ]
    with store.transaction(conn):
        store.upsert_entities(conn, entities)
        for doc_id, text, outlet in (("da", TEXT_A, "Reuters"), ("db", TEXT_B, "AFP")):
            store.insert_document(conn, Document(doc_id, text, text, outlet=outlet, published="2025-06-16"), "r")
        event = dict(event_type="MOBILIZE", place="bukamal", actors=("saa",))
        store.insert_claim(conn, _claim("ea", "da", TEXT_A, "sent 2,000 troops", "2025-06-16", size="2000 troops", **event), "da")
        store.insert_claim(conn, _claim("eb", "db", TEXT_B, "sent 4,000 troops", "2025-06-16", size="4000 troops",
                                        claimant="claimant:officials", **event), "db")
        store.insert_claim(conn, _claim("kc", "db", TEXT_B, "Kataib Hezbollah controls Al Bukamal", "2025-06-16",
                                        predicate="controls", subject="kh", object="bukamal"), "db")
    conn.close()
    return path


def _run(db, *args):
    result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
    return result


def test_every_query_command_answers_in_json(db):
    for args in (["actor", "KH"], ["events"], ["state", "--as-of", "2025-07-01"], ["contradictions"],
                 ["timeline", "--actor", "saa"], ["sources"], ["claims"], ["evidence", "ea"]):
        result = _run(db, *args, "--json")
        assert result.exit_code == 0, (args, result.output)
        json.loads(result.output)


def test_events_human_output_has_dates_names_sizes_and_claimants(db):
    out = _run(db, "events", "--actor", "Syrian army", "--near", "34.4,40.9,20").output
    assert "2025-06-16" in out and "Syrian Arab Army" in out and "4000 troops" in out
    assert "claimant:officials" in out and "-- 2 of 2 events" in out


def test_state_and_contradictions_render_for_an_analyst(db):
    out = _run(db, "state", "--as-of", "2025-07-01", "--place", "Al Bukamal").output
    assert "Kataib Hezbollah" in out and "controls" in out and "1 src" in out
    out = _run(db, "contradictions", "--kind", "figures").output
    assert out.startswith("figures") and "2000 troops" in out and "-- 1 of 1" in out


def test_review_round_trip_and_evidence_show_history(db):
    assert "rejected" in _run(db, "review", "kc", "reject", "--by", "ana").output
    assert "0 of 0 relations" in _run(db, "state", "--as-of", "2025-07-01").output
    out = _run(db, "review", "kc", "reset", "--by", "ben").output
    assert "machine" in out and "by ana" in out and "by ben" in out
    shown = _run(db, "evidence", "kc").output
    assert "paragraph: Officials said" in shown and "review: rejected by ana" in shown


def test_errors_are_one_line_with_status_1(db):
    result = CliRunner().invoke(cli, ["--db", db, "actor", "Nobody"])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "no actor" in result.output
    bad = CliRunner().invoke(cli, ["--db", db, "events", "--near", "north"])
    assert bad.exit_code == 2
