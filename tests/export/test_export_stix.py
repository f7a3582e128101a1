"""STIX 2.1: a bundle the official validator accepts, deterministic to the byte, nothing of a claim lost."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import stix2
import stix2validator
from stix2validator import ValidationOptions, validate_string

from orbat.export.stix_objects import EXTENSION_ID, NAMESPACE
from tests.export.world import ALL_CLAIMS, HOSTILE_NAME, QUOTE_HOSTILE, export

# the warnings an honest export still draws: deterministic uuid5 ids where the spec prefers UUIDv4 (103),
# and document URLs without a hash of the page (302), which we do not have
EXPECTED_WARNINGS = {"103", "302"}


def _bundle(conn) -> tuple[str, dict, dict[str, int]]:
    text, counts = export(conn, "stix")
    return text, json.loads(text), counts


def _validate(text: str):
    schemas = Path(stix2validator.__file__).parent / "schemas-2.1"
    assert any(schemas.rglob("core.json")), (
        "stix2-validator installed without its JSON schemas (the 3.3.1 wheel lacks them, "
        "oasis-open/cti-stix-validator#248) and rejects every object: install stix2-validator==3.3.2")
    return validate_string(text, ValidationOptions(version="2.1", enforce_refs=True))


def _ext(obj: dict) -> dict:
    return obj["extensions"][EXTENSION_ID]


def _by_claim(bundle: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for obj in bundle["objects"]:
        claim = obj.get("extensions", {}).get(EXTENSION_ID, {}).get("orbat_claim_id")
        if claim:
            found.setdefault(claim, []).append(obj)
    return found


def test_bundle_passes_the_official_validator_with_zero_errors(world):
    text, _, _ = _bundle(world)
    results = _validate(text)
    assert results.is_valid and not results.errors
    codes = {m.group(1) for w in results.warnings or [] if (m := re.search(r"\{(\d+)\}", str(w)))}
    assert codes <= EXPECTED_WARNINGS


def test_bundle_parses_with_the_stix2_library_without_custom_content(world):
    text, bundle, _ = _bundle(world)
    assert len(stix2.parse(text, allow_custom=False, version="2.1").objects) == len(bundle["objects"])


def test_two_exports_are_byte_identical(world):
    assert export(world, "stix")[0] == export(world, "stix")[0]


def test_ids_are_uuid5_in_orbat_namespace(world):
    _, bundle, _ = _bundle(world)
    kh = next(o for o in bundle["objects"] if o.get("name") == "Kataib Hezbollah")
    assert kh["id"] == f"threat-actor--{uuid.uuid5(NAMESPACE, 'threat-actor:kh')}"
    assert all(uuid.UUID(o["id"].split("--")[1]).version == 5 for o in bundle["objects"])


def test_extension_definition_once_and_used_by_every_claim_object(world):
    _, bundle, _ = _bundle(world)
    definitions = [o for o in bundle["objects"] if o["type"] == "extension-definition"]
    assert [d["id"] for d in definitions] == [EXTENSION_ID]
    assert definitions[0]["extension_types"] == ["property-extension"]
    for obj in bundle["objects"]:
        if obj["type"] in ("relationship", "note"):
            assert _ext(obj)["extension_type"] == "property-extension" and _ext(obj)["orbat_predicate"]


def test_every_claim_is_represented(world):
    _, bundle, counts = _bundle(world)
    assert sorted(_by_claim(bundle)) == sorted(c.id for c in ALL_CLAIMS)
    assert counts["claim"] == len(ALL_CLAIMS) and "unrepresented_claim" not in counts
    assert counts["relationship"] == sum(o["type"] == "relationship" for o in bundle["objects"])


def test_negated_claims_keep_polarity_and_are_only_related_to(world):
    _, bundle, _ = _bundle(world)
    claims = _by_claim(bundle)
    for claim_id in ("p-negated", "e-denied"):
        (rel,) = claims[claim_id]
        assert (_ext(rel)["polarity"], _ext(rel)["modality"]) == ("negated", "denied")
        assert rel["relationship_type"] == "related-to" and "negated" in rel["description"]
    assert claims["p-hostile"][0]["relationship_type"] == "located-at"
    assert claims["e-tower22"][0]["relationship_type"] == "targets"


def test_review_and_curated_source_travel_in_the_extension(world):
    claims = _by_claim(_bundle(world)[1])
    assert _ext(claims["l-rejected"][0])["review"] == "rejected"
    assert _ext(claims["c-kh-pmf"][0])["source_note"] == "Washington Institute, 2024-04"
    assert _ext(claims["p-hostile"][0])["claimant_name"] == "Shafaq News"


def test_event_gives_one_relationship_per_actor_recipient_pair(world):
    _, bundle, _ = _bundle(world)
    strikes = _by_claim(bundle)["e-strikes"]
    assert len(strikes) == 2 and {_ext(r)["target_side"] for r in strikes} == {"recipient"}
    assert _ext(strikes[0])["fatalities_low"] == 16 and _ext(strikes[0])["fatalities_high"] == 40


def test_claims_stix_cannot_link_become_notes(world):
    _, bundle, _ = _bundle(world)
    claims = _by_claim(bundle)
    (alias,) = claims["a-brigades"]  # the object is a name, not an entity
    assert alias["type"] == "note" and _ext(alias)["orbat_object"] == "the Brigades"
    (control,) = claims["q-hawran"]  # Wadi Hawran has neither coordinates nor a country
    assert control["type"] == "note"
    assert all(o.get("name") != "Wadi Hawran <script>" for o in bundle["objects"])


def test_hostile_text_round_trips(world):
    _, bundle, _ = _bundle(world)
    (hostile,) = _by_claim(bundle)["p-hostile"]
    assert _ext(hostile)["evidence"][0]["quote"] == QUOTE_HOSTILE
    assert any(o.get("name") == HOSTILE_NAME for o in bundle["objects"])


def test_confidence_is_an_integer_percentage(world):
    _, bundle, _ = _bundle(world)
    for objects in _by_claim(bundle).values():
        for obj in objects:
            assert isinstance(obj["confidence"], int) and obj["confidence"] in (75, 100)


def test_reports_for_dated_documents_with_full_timestamps(world):
    _, bundle, counts = _bundle(world)
    reports = {_ext(r)["orbat_document_id"]: r for r in bundle["objects"] if r["type"] == "report"}
    assert sorted(reports) == ["d-afp", "d-reuters"] and counts["undated_document"] == 1  # d-scan
    reuters = reports["d-reuters"]
    assert reuters["published"] == "2024-01-28T00:00:00.000Z" and reports["d-afp"]["published"].startswith("2024-02-01")
    assert reuters["external_references"][0]["url"] == "https://example.org/reuters?a=1&b=%3C2%3E"
    assert _ext(reuters)["url"] == "https://example.org/reuters?a=1&b=<2>"
    ids = {o["id"] for o in bundle["objects"]}
    assert set(reuters["object_refs"]) <= ids and len(reuters["object_refs"]) > 5


def test_created_comes_from_the_report_date_else_the_epoch(world):
    _, bundle, _ = _bundle(world)
    claims = _by_claim(bundle)
    assert claims["e-tower22"][0]["created"] == "2024-01-28T00:00:00.000Z"
    assert claims["c-kh-pmf"][0]["created"] == "1970-01-01T00:00:00.000Z"
    curated = claims["c-kh-pmf"][0]  # valid from 2014, open-ended
    assert curated["start_time"] == "2014-01-01T00:00:00.000Z" and "stop_time" not in curated
    assert claims["e-tower22"][0]["stop_time"] == "2024-01-29T00:00:00.000Z"  # the end of the valid day


def test_civilians_are_an_identity_of_class_and_people_individuals():
    from orbat.export.stix_objects import entity_sdo
    from orbat.model import Entity, EntityKind
    from orbat.nlp.collectives import collective_entity

    countries = type("NoCountries", (), {"get": lambda self, code: None})()
    civilians = entity_sdo(collective_entity("civilians", "SYR", "Syria"), countries)
    person = entity_sdo(Entity("p", EntityKind.PERSON, "A Person"), countries)
    assert (civilians["type"], civilians["identity_class"]) == ("identity", "class")
    assert person["identity_class"] == "individual"
