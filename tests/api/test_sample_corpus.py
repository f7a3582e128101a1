"""The API over a database the real pipeline made from the sample corpus (NLP included), not a hand-built one.

Guards against the gap a hand-built world hides: entities, places and curated relations must reach
the store through ``orbat ingest`` for the map, the profiles and the network to show anything.
"""

import pytest

from orbat import store
from orbat.api import create_app
from orbat.pipeline import IngestDeps, ingest
from orbat.settings import Settings
from tests.api.conftest import SAMPLES, TestClient

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def sample_client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("sample") / "sample.db")
    conn = store.connect(db)
    ingest([str(SAMPLES)], conn=conn, settings=Settings(db_path=db), deps=IngestDeps())
    conn.close()
    return TestClient(create_app(Settings(db_path=db)))


def test_actor_found_by_its_acronym_with_sourced_aliases(sample_client):
    profile = sample_client.get("/api/actors/PMF").json()["profile"]
    assert profile["entity"]["id"] == "popular-mobilization-forces"
    assert any(a["name"] == "Hashd al-Shaabi" and a["source"] for a in profile["aliases"])
    assert profile["chain_of_command"] and profile["subordinates"]


def test_map_state_has_placed_markers_from_the_reports(sample_client):
    state = sample_client.get("/api/state", params={"as_of": "2025-06-20"}).json()
    observed = [e for e in state["state"]["entries"] if e["basis"] != "curated" and e["place"]]
    assert observed and all(e["place"] in state["places"] for e in observed)
    assert all(state["places"][e["place"]]["lat"] is not None for e in observed)


def test_events_name_stored_entities(sample_client):
    page = sample_client.get("/api/events", params={"limit": 100}).json()["page"]
    ids = {x for r in page["events"] for x in (*r["claim"]["actors"], *r["claim"]["recipients"], r["claim"]["place"]) if x}
    assert ids and ids <= set(page["names"])
