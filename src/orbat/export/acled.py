"""ACLED-shaped CSV: one row per event claim (predicate "event"), in the columns of ACLED's data export,
so tools written for ACLED read it. Column meanings follow the ACLED codebook; what we fill them with:

- ``event_id_cnty``: the country's alpha-3 code (when the place has one) and the orbat claim id.
- ``event_date``: the valid start, else the report date, as YYYY-MM-DD (a partial date gives the first day
  of its period); ``time_precision`` (ACLED: 1 day, 2 week or a few days, 3 month or coarser) from ours:
  day → 1; week → 2; month, season, year → 3; unknown → 3 (we only know it was reported then).
- ``event_type``, ``sub_event_type``: the claim's ACLED types (empty for PLOVER types ACLED does not code);
  ``disorder_type`` derived from them as the codebook does.
- ``actor1`` / ``assoc_actor_1``: the first actor and the others ("; "-joined); ``actor2`` /
  ``assoc_actor_2``: the same for recipients. Names are ours, not ACLED's actor names.
- ``inter1``, ``inter2`` (ACLED's numeric actor types) from the entity's PLOVER sector: GOV, MIL, COP,
  JUD, SPY → 1 state forces; REB, INS → 2 rebel group; PRM → 3 political militia; MED, NGO, CVL → 7
  civilians (ACLED codes journalists and aid workers as civilians); IGO → 8 external/other forces.
  Without a sector, from the kind: state, state_force, government_body → 1, coalition → 8. State forces
  acting in a country other than their own are 8, as ACLED codes foreign forces. Unknown → empty.
  ``interaction``: the two codes, lower first ("13"), or the actor's code and 0 when there is no actor2.
- ``civilian_targeting``: "Civilian targeting" for violence against civilians, else empty.
- ``iso``, ``country``: from the place's country; ``admin1``: the place itself when it is a province;
  ``region``, ``admin2``, ``admin3``, ``source_scale``: empty (we do not know them).
- ``geo_precision`` (ACLED: 1 exact town, 2 near a town or a district, 3 province or region) from the
  claim's precision, else its place's: exact, town → 1; district → 2; province, border_region, country → 3.
- ``source``: the outlet; ``notes``: the quoted evidence.
- ``fatalities``: best estimate, else the low one, else 0 (ACLED's convention for "none reported");
  ``fatalities_low``, ``fatalities_high`` keep our bounds.

ACLED has no notion of a denied or hypothetical event: its rows are events that happened. We export
every event claim all the same, and say in ``polarity`` (affirmed | negated), ``modality`` (asserted,
reported, claimed, denied, hypothetical, …), ``claimant`` and ``review`` what the claim is; filter on
them before treating the file as ACLED data. ``orbat_claim_id`` and ``orbat_event_type`` (PLOVER) link
back to the store.
"""

from __future__ import annotations

import sqlite3
from typing import TextIO

from orbat.export.countries import Country, CountryCodes
from orbat.export.dates import full_date
from orbat.export.names import EntityLookup, claim_entity_ids, evidence_columns
from orbat.export.tabular import write_table
from orbat.model import Entity, EntityKind
from orbat.store.claims import ClaimRecord
from orbat.store.export_rows import iter_export_claims

__all__ = ["write_acled", "ACLED_COLUMNS", "inter_code"]

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "fatalities_low",
    "fatalities_high", "orbat_claim_id", "orbat_event_type", "polarity", "modality", "claimant", "review",
)  # fmt: skip

_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "season": 3, "year": 3}
_GEO_PRECISION = {"exact": 1, "town": 1, "district": 2, "province": 3, "border_region": 3, "country": 3}
_SECTOR_INTER = {"GOV": 1, "MIL": 1, "COP": 1, "JUD": 1, "SPY": 1, "REB": 2, "INS": 2, "PRM": 3, "MED": 7,
                 "NGO": 7, "CVL": 7, "IGO": 8}  # fmt: skip
_KIND_INTER = {EntityKind.STATE: 1, EntityKind.STATE_FORCE: 1, EntityKind.GOVERNMENT_BODY: 1, EntityKind.COALITION: 8}
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Riots": "Political violence",
             "Protests": "Demonstrations", "Strategic developments": "Strategic developments"}  # fmt: skip
_DISORDER_BY_SUB = {"Violent demonstration": "Demonstrations",
                    "Excessive force against protesters": "Political violence; Demonstrations"}  # fmt: skip


def write_acled(conn: sqlite3.Connection, out: TextIO) -> dict[str, int]:
    """Stream one ACLED-shaped row per event claim to ``out``; returns {"event": rows}."""
    names, countries = EntityLookup(conn), CountryCodes()
    events = (r for r in iter_export_claims(conn) if r.claim.predicate == "event")
    rows = (event_row(rec, names, countries) for rec in events)
    return {"event": write_table(out, ACLED_COLUMNS, rows)}


def event_row(rec: ClaimRecord, names: EntityLookup, countries: CountryCodes) -> dict[str, object]:
    """The ACLED row of one event claim."""
    c = rec.claim
    names.load(claim_entity_ids(c))
    place = names.get(c.place)
    country = countries.get(place.country if place else None)
    date = full_date(c.valid.start) or full_date(c.reported or rec.published)
    f = c.fatalities
    return {
        "event_id_cnty": (country.alpha3 if country else "") + c.id, "event_date": date,
        "year": date[:4] if date else None,
        "time_precision": _TIME_PRECISION.get(c.valid.precision, 3) if c.valid.start else 3,
        "disorder_type": _disorder(c.acled_event_type, c.acled_sub_event_type), "event_type": c.acled_event_type,
        "sub_event_type": c.acled_sub_event_type, **_actor_columns(rec, names, place),
        "civilian_targeting": "Civilian targeting" if c.acled_event_type == "Violence against civilians" else None,
        **_place_columns(rec, place, country), "source": rec.outlet, "source_scale": None,
        "notes": evidence_columns(c)[2], "fatalities": next((n for n in (f.best, f.low) if n is not None), 0),
        "fatalities_low": f.low, "fatalities_high": f.high, "orbat_claim_id": c.id, "orbat_event_type": c.event_type,
        "polarity": c.polarity, "modality": c.modality, "claimant": names.name(c.claimant) or c.claimant,
        "review": c.review,
    }  # fmt: skip


def _disorder(event_type: str | None, sub_event_type: str | None) -> str | None:
    return _DISORDER_BY_SUB.get(sub_event_type or "") or _DISORDER.get(event_type or "")


def _actor_columns(rec: ClaimRecord, names: EntityLookup, place: Entity | None) -> dict[str, object]:
    c = rec.claim
    actors = list(c.actors or ((c.subject,) if c.subject else ()))
    where = place.country if place else None
    inter1 = inter_code(names.get(actors[0]), where) if actors else None
    inter2 = inter_code(names.get(c.recipients[0]), where) if c.recipients else None
    interaction: str | None = None
    if inter1 and inter2:
        interaction = f"{min(inter1, inter2)}{max(inter1, inter2)}"
    elif inter1 and not c.recipients:
        interaction = f"{inter1}0"
    return {
        "actor1": names.names(actors[:1])[0] if actors else None, "assoc_actor_1": "; ".join(names.names(actors[1:])),
        "inter1": inter1, "actor2": names.names(c.recipients[:1])[0] if c.recipients else None,
        "assoc_actor_2": "; ".join(names.names(c.recipients[1:])), "inter2": inter2, "interaction": interaction,
    }  # fmt: skip


def inter_code(entity: Entity | None, event_country: str | None) -> int | None:
    """ACLED's numeric actor type of an entity (see the module docstring); None when unknown."""
    if entity is None:
        return None
    code = _SECTOR_INTER.get(entity.sector or "") or _KIND_INTER.get(entity.kind)
    if code == 1 and entity.country and event_country and entity.country != event_country:
        return 8  # state forces outside their own country: ACLED's external forces
    return code


def _place_columns(rec: ClaimRecord, place: Entity | None, country: Country | None) -> dict[str, object]:
    precision = rec.claim.geo_precision or (place.precision if place else None)
    return {
        "iso": country.numeric if country else None, "region": None, "country": country.name if country else None,
        "admin1": place.name if place and place.precision == "province" else None, "admin2": None, "admin3": None,
        "location": place.name if place else rec.claim.place, "latitude": place.lat if place else None,
        "longitude": place.lon if place else None, "geo_precision": _GEO_PRECISION.get(precision or ""),
    }  # fmt: skip
