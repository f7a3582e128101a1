"""STIX 2.1 objects for what orbat stores: the producer identity and extension definition, one SDO per
entity, one report per document. The claims themselves are in ``orbat.export.stix``.

Ids are ``type--uuid5(namespace, "type:orbat id")``, so two exports of one database agree, and
``created``/``modified`` come from the data (an entity has no date of its own: the epoch stands in).
Entities map by kind:

- armed_group, unit, coalition, state_force → ``threat-actor`` (``threat_actor_types: ["nation-state"]``
  for state forces; no type is guessed for other groups: designations are claims, with their sources);
- state, government_body, party, organisation, media → ``identity`` (organization); person → ``identity``
  (individual); ``sectors`` from the PLOVER sector where STIX has a match (GOV, JUD government-national,
  MIL defense, NGO non-profit, MED communications);
- place → ``location`` with latitude/longitude and the ISO alpha-2 country when known. STIX requires one
  of coordinates, country or region: a place with neither is left out (and claims about it fall back
  to a note, see ``orbat.export.stix``).

Everything STIX has no property for (orbat id, kind, PLOVER sector, precision, aliases of non-actors)
goes in the one orbat property extension.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from urllib.parse import quote, urlsplit

from orbat.export.countries import CountryCodes
from orbat.export.dates import EPOCH, period_start, stix_timestamp
from orbat.model import Entity, EntityKind
from orbat.store.claims import ClaimRecord

__all__ = ["NAMESPACE", "PRODUCER_ID", "EXTENSION_ID", "stix_id", "base", "extension", "producer_objects",
           "sdo_type", "entity_ref", "entity_sdo", "report_sdo"]  # fmt: skip

NAMESPACE = uuid.UUID("3e11fabc-a448-43b6-9025-1cb3a6e9fda9")  # fixed forever: ids must not change


def stix_id(stix_type: str, key: str) -> str:
    return f"{stix_type}--{uuid.uuid5(NAMESPACE, f'{stix_type}:{key}')}"


PRODUCER_ID = stix_id("identity", "orbat")
EXTENSION_ID = stix_id("extension-definition", "orbat-properties/1")
_THREAT_ACTOR_KINDS = {EntityKind.ARMED_GROUP, EntityKind.UNIT, EntityKind.COALITION, EntityKind.STATE_FORCE}
_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY"}
_SECTORS = {"GOV": "government-national", "JUD": "government-national", "MIL": "defense", "NGO": "non-profit",
            "MED": "communications"}  # fmt: skip
_URI_SAFE = ":/?#[]@!$&'()*+,;=%~-._"
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*\Z")
_EXTENSION_SCHEMA = (
    "orbat property extension, version 1 (plain-text definition; no JSON Schema is published). On any object: "
    "orbat_id (orbat entity id), kind, sector (PLOVER code), country (ISO 3166-1 alpha-3), precision (exact, "
    "town, district, province, country, border_region), feature, geonames_id, aliases. On relationships and "
    "notes made from claims: orbat_claim_id, orbat_predicate (orbat's own predicate; relationship_type is only "
    "the nearest STIX type), orbat_subject, orbat_object (an entity id or a literal), role, event_type, mode, "
    "context (PLOVER), acled_event_type, acled_sub_event_type, valid_from, valid_until (ISO 8601, possibly "
    "partial), time_precision, reported, polarity (affirmed | negated), modality (asserted, reported, "
    "claimed, denied, hypothetical, ...), claimant (orbat id), claimant_ref, claimant_name, confidence_0_1, "
    "extractor, review (machine | accepted | rejected), document, source_note, place, place_ref, "
    "geo_precision, size, fatalities_low, fatalities_best, fatalities_high, actors, recipients, weapons (the phrases naming them), target_side "
    "(object | recipient | place), evidence (list of {document, start, end, quote}: character spans into "
    "the document's clean text). On reports: orbat_document_id, outlet, url (as stored), cluster "
    "(near-duplicate cluster)."
)


def base(stix_type: str, object_id: str, created: str) -> dict[str, object]:
    """The common properties; every object but the producer identity names orbat as its creator."""
    head: dict[str, object] = {"type": stix_type, "spec_version": "2.1", "id": object_id, "created": created,
                               "modified": created}  # fmt: skip
    if object_id != PRODUCER_ID:
        head["created_by_ref"] = PRODUCER_ID
    return head


def extension(properties: Mapping[str, object]) -> dict[str, object]:
    """``{"extensions": {<orbat extension>: {...}}}`` with the empty properties left out."""
    kept = {k: v for k, v in properties.items() if v is not None and v != [] and v != ""}
    return {"extensions": {EXTENSION_ID: {"extension_type": "property-extension", **kept}}}


def producer_objects() -> list[dict[str, object]]:
    """The identity of orbat itself and the definition of its property extension."""
    epoch = stix_timestamp(EPOCH)
    producer = {**base("identity", PRODUCER_ID, epoch), "name": "orbat", "identity_class": "system",
                "description": "orbat: sourced claims about armed actors read from conflict reporting."}  # fmt: skip
    definition = {
        **base("extension-definition", EXTENSION_ID, epoch), "name": "orbat properties",
        "description": "What orbat knows that STIX has no property for: its own predicates, time spans, "
        "polarity, modality, claimant, review status and the quoted evidence of every claim.",
        "schema": _EXTENSION_SCHEMA, "version": "1.0.0", "extension_types": ["property-extension"],
    }  # fmt: skip
    return [producer, definition]


def sdo_type(e: Entity, countries: CountryCodes) -> str | None:
    """The STIX type an entity becomes; None for a place STIX cannot locate."""
    if e.kind is EntityKind.PLACE:
        located = (e.lat is not None and e.lon is not None) or countries.get(e.country) is not None
        return "location" if located else None
    return "threat-actor" if e.kind in _THREAT_ACTOR_KINDS else "identity"


def entity_ref(e: Entity | None, countries: CountryCodes) -> str | None:
    """The id of the SDO an entity becomes (None when it is none)."""
    stix_type = sdo_type(e, countries) if e else None
    return stix_id(stix_type, e.id) if e and stix_type else None


def entity_sdo(e: Entity, countries: CountryCodes) -> dict[str, object] | None:
    """The SDO of one entity (see the module docstring); None for a place STIX cannot locate."""
    stix_type = sdo_type(e, countries)
    if stix_type is None:
        return None
    aliases = sorted({a.name for a in e.aliases} - {e.name})
    sdo = {**base(stix_type, stix_id(stix_type, e.id), stix_timestamp(EPOCH)), "name": e.name}
    if e.description:
        sdo["description"] = e.description
    if stix_type == "threat-actor":
        sdo |= _actor_properties(e, aliases)
        aliases = []  # a threat actor carries them natively
    elif stix_type == "identity":
        sdo |= _identity_properties(e)
    else:
        sdo |= _location_properties(e, countries)
    props = {"orbat_id": e.id, "kind": e.kind.value, "sector": e.sector, "country": e.country,
             "precision": e.precision, "feature": e.feature, "geonames_id": e.geonames_id, "source": e.source,
             "aliases": aliases}  # fmt: skip
    return sdo | extension(props)


def _actor_properties(e: Entity, aliases: list[str]) -> dict[str, object]:
    found: dict[str, object] = {}
    if e.kind is EntityKind.STATE_FORCE or e.sector in _STATE_SECTORS:
        found["threat_actor_types"] = ["nation-state"]
    if aliases:
        found["aliases"] = aliases
    return found


def _identity_properties(e: Entity) -> dict[str, object]:
    civilians = e.sector == "CVL"  # a class of people ("Civilians (Syria)"), STIX's "class"
    found: dict[str, object] = {"identity_class": "individual" if e.kind is EntityKind.PERSON else
                                "class" if civilians else "organization"}  # fmt: skip
    governmental = e.kind in (EntityKind.STATE, EntityKind.GOVERNMENT_BODY)
    sector = _SECTORS.get(e.sector or "") or ("government-national" if governmental else None)
    if sector:
        found["sectors"] = [sector]
    return found


def _location_properties(e: Entity, countries: CountryCodes) -> dict[str, object]:
    found: dict[str, object] = {}
    if e.lat is not None and e.lon is not None:
        found |= {"latitude": e.lat, "longitude": e.lon}
    country = countries.get(e.country)
    if country:
        found["country"] = country.alpha2
    return found


def report_sdo(rec: ClaimRecord, refs: list[str]) -> dict[str, object]:
    """The report of the document ``rec`` comes from, pointing at the objects its claims became. The
    caller checks that the document has a publication date (STIX requires one) and that ``refs`` is not
    empty."""
    stamp = stix_timestamp(period_start(rec.published))
    report = {**base("report", stix_id("report", rec.document), stamp), "name": rec.title or rec.outlet or
              rec.document, "published": stamp, "object_refs": list(dict.fromkeys(refs))}  # fmt: skip
    uri = _uri(rec.url)
    if rec.outlet or uri:
        reference = {"source_name": rec.outlet or "unknown outlet", "description": "the outlet that published it"}
        report["external_references"] = [reference | ({"url": uri} if uri else {})]
    props = {"orbat_document_id": rec.document, "outlet": rec.outlet, "url": rec.url, "cluster": rec.cluster}
    return report | extension(props)


def _uri(url: str | None) -> str | None:
    """The URL as an RFC 3986 URI (characters a URI cannot hold percent-encoded, existing escapes kept);
    None when it has no scheme. The URL as stored stays in the extension."""
    if not url:
        return None
    uri = quote(url.strip(), safe=_URI_SAFE)
    try:
        scheme = urlsplit(uri).scheme
    except ValueError:  # e.g. an unclosed "[" in the host
        return None
    return uri if _SCHEME.match(scheme) else None
