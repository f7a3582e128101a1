"""The HTTP API in process: every route answers, one error shape, writes need the token, bounds hold."""

from __future__ import annotations

import inspect
import json
import re
import sqlite3

import pytest

import orbat.query
from orbat.api import create_app, serve
from orbat.api.routes import ROUTES, read_conn
from orbat.api.security import CSP
from orbat.settings import Settings

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

GETS = [
    "/api/state?as_of=2024-02-05", "/api/network?as_of=2020-12-31", "/api/timeline?actor=united-states",
    "/api/events", "/api/events?type=assault&actor=United%20States", "/api/actors/Kataib%20Hezbollah",
    "/api/entities?q=hezbollah", "/api/claims", "/api/claims?review=machine", "/api/claims/t-tower22",
    "/api/contradictions", "/api/sources", "/api/documents", "/api/documents?q=Bukamal",
]  # fmt: skip


def _error(response, status: int, code: str) -> dict:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == response.status_code == status and body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


@pytest.mark.parametrize("url", GETS)
def test_every_read_route_answers_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")


def test_routes_live_in_one_table_and_every_page_has_a_json_twin(client):
    spec = client.get("/openapi.json").json()
    for route in ROUTES:
        assert route.api.startswith("/api/") and route.api in spec["paths"]
        if route.page:
            assert route.template and route.api == "/api" + (route.page if route.page != "/" else "/state")
    pages = {r.page for r in ROUTES if r.page}
    assert {"/", "/network", "/timeline", "/actors/{name_or_id}", "/claims/{claim_id}", "/contradictions",
            "/documents", "/documents/{doc_id}", "/claims"} <= pages  # fmt: skip


@pytest.mark.parametrize("page,twin", [("/events?type=ASSAULT", "/api/events?type=ASSAULT"),
                                       ("/actors/kataib-hezbollah", "/api/actors/kataib-hezbollah")])
def test_a_page_links_to_its_json_twin(client, page, twin):
    html = client.get(page, headers={"accept": "text/html"}).text
    assert f'href="{twin}"' in html and client.get(twin).status_code == 200


def test_error_shape_is_pinned(client):
    _error(client.get("/api/nowhere"), 404, "not_found")
    assert "no claim" in _error(client.get("/api/claims/nope"), 404, "not_found")["message"]
    assert "no actor" in _error(client.get("/api/actors/Nobody%20Brigade"), 404, "not_found")["message"]
    assert "limit" in _error(client.get("/api/events?limit=501"), 422, "invalid_parameter")["message"]
    _error(client.get("/api/state?as_of=yesterday"), 422, "invalid_parameter")
    _error(client.get("/api/contradictions?kind=vibes"), 400, "bad_request")
    _error(client.delete("/api/claims"), 405, "method_not_allowed")
    _error(client.get("/api/export/pdf"), 404, "unknown_format")


def test_unexpected_errors_keep_the_shape_and_hide_internals(world_db, monkeypatch, make_client):
    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(orbat.query, "sources", boom)
    client = make_client(create_app(Settings(db_path=world_db)), raise_server_exceptions=False)
    error = _error(client.get("/api/sources"), 500, "internal_error")
    assert "secret" not in error["message"]


def test_browsers_get_errors_as_a_page_with_the_same_fields(client):
    response = client.get("/claims/nope", headers={"accept": "text/html"})
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert "not_found" in response.text and "no claim" in response.text


def test_review_is_refused_without_a_token_on_a_read_only_server(client):
    response = client.post("/api/claims/t-hostile/review", json={"decision": "accept", "reviewer": "ana"})
    _error(response, 403, "read_only")


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic {token}", "{token}", "Bearer {token}x"])
def test_review_needs_the_right_bearer_token(writer, token, header):
    headers = {"authorization": header.format(token=token)} if header else {}
    response = writer.post("/api/claims/t-hostile/review", json={"decision": "accept", "reviewer": "ana"}, headers=headers)
    _error(response, 401, "unauthorized")
    assert writer.get("/api/claims/t-hostile").json()["record"]["claim"]["review"] == "machine"


def test_review_records_who_and_when_and_is_reversible(writer, token):
    auth = {"authorization": f"Bearer {token}"}
    url = "/api/claims/t-hostile/review"
    accepted = writer.post(url, json={"decision": "accept", "reviewer": "ana"}, headers=auth).json()
    assert accepted["review"] == "accepted" and accepted["history"][-1]["reviewer"] == "ana"
    assert re.match(r"\d{4}-\d\d-\d\dT", accepted["history"][-1]["made"])
    assert writer.post(url, json={"decision": "reject", "reviewer": "bo"}, headers=auth).json()["review"] == "rejected"
    undone = writer.post(url, json={"decision": "reset", "reviewer": "bo"}, headers=auth).json()
    assert undone["review"] == "machine" and [h["decision"] for h in undone["history"]] == ["accepted", "rejected", "machine"]
    evidence = writer.get("/api/claims/t-hostile").json()
    assert evidence["record"]["claim"]["review"] == "machine" and len(evidence["reviews"]) == 3
    _error(writer.post(url, json={"decision": "maybe", "reviewer": "bo"}, headers=auth), 400, "bad_request")
    _error(writer.post("/api/claims/nope/review", json={"decision": "accept", "reviewer": "bo"}, headers=auth), 404,
           "not_found")  # fmt: skip


def test_request_bodies_are_bounded(writer, token):
    body = json.dumps({"decision": "accept", "reviewer": "x" * 40_000})
    response = writer.post("/api/claims/t-hostile/review", content=body,
                           headers={"authorization": f"Bearer {token}", "content-type": "application/json"})  # fmt: skip
    _error(response, 413, "payload_too_large")


@pytest.mark.parametrize("url", ["/", "/api/claims", "/api/nowhere", "/static/css/orbat.css", "/docs"])
def test_every_response_carries_the_content_security_policy(client, url):
    headers = client.get(url).headers
    assert headers["content-security-policy"] == CSP and "default-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert headers["x-content-type-options"] == "nosniff"


def test_reads_use_a_connection_that_refuses_writes(world_db):
    class Request:
        class app:
            class state:
                settings = Settings(db_path=world_db)

    gen = read_conn(Request)  # type: ignore[arg-type]
    conn = next(gen)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM claims")
    gen.close()


def test_export_streams_jsonl_records(client):
    response = client.get("/api/export/jsonl")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in response.text.splitlines()]
    assert {"document", "claim"} <= {r["type"] for r in records}


def test_state_differs_between_dates_and_places_carry_precision(client):
    def held(day):
        body = client.get(f"/api/state?as_of={day}").json()
        entries = body["state"]["entries"]
        return body, {(e["subject"], e["predicate"], e["object"]) for e in entries if e["predicate"] in ("controls", "present_at")}

    early, early_held = held("2019-12-31")
    late, late_held = held("2024-02-05")
    assert ("popular-mobilization-forces", "present_at", "iraq-syria-border") in early_held - late_held
    assert ("united-states", "present_at", "al-tanf-garrison") in late_held - early_held
    assert early["places"]["iraq-syria-border"]["precision"] == "border_region"
    assert late["places"]["deir-ez-zor-province"]["precision"] == "province"


def test_events_carry_their_places_geometry(client):
    body = client.get("/api/events?limit=500").json()
    assert body["page"]["total"] >= 4
    assert body["places"]["al-qaim"] == {"name": "Al-Qaim", "lat": 34.37, "lon": 41.09, "feature": "town",
                                         "precision": "town"}  # fmt: skip


def test_entity_search_ignores_case_and_filters_by_kind(client):
    found = client.get("/api/entities?q=KATAIB%20hezbollah").json()["entities"]
    assert found[0]["id"] == "kataib-hezbollah"
    places = client.get("/api/entities?q=qaim&kind=place").json()["entities"]
    assert places and all(e["kind"] == "place" for e in places)


def test_hostile_article_text_is_escaped_in_every_page(client):
    docs = client.get("/api/documents?q=Hostile").json()["rows"]
    doc_id = docs[0]["id"]
    for url in (f"/documents/{doc_id}", "/claims/t-hostile", "/documents", "/claims?review=machine"):
        html = client.get(url, headers={"accept": "text/html"}).text
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&lt;img src=x" in html, url
        assert 'href="javascript:' not in html


def test_search_text_is_reflected_escaped(client):
    html = client.get('/entities?q="><script>alert(1)</script>', headers={"accept": "text/html"}).text
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


def test_docs_use_local_swagger_assets_only(client):
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_serve_binds_the_loopback_by_default():
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
