"""Theatre packs: curated entities, aliases, places and relations, each with a source.

A theatre is data, not code: a folder under ``orbat/theatres/`` holding YAML files.

``entities`` files (any file whose name does not start with ``relations``) hold a list of::

    - id: kataib-hezbollah            # stable slug, unique across the pack
      kind: armed_group               # an EntityKind value
      name: Kataib Hezbollah
      country: IRQ                    # ISO 3166-1 alpha-3, optional
      sector: PRM                     # PLOVER sector code, optional
      aliases:                        # strings, or {name, lang}
        - KH
        - {name: كتائب حزب الله, lang: ar}
        - {name: KH, ambiguous: true}  # also means other things: resolved only with context
      source: "US State Department, FTO designation, 2009-07-02"
      description: one line in our own words, optional
      # military coalitions only: when a bare "the coalition" can mean this one (ISO dates, either open)
      active: {start: 2003-03-20, end: 2011-12-18}
      # places only:
      lat: 33.48
      lon: 38.62
      feature: crossing               # crossing, base, town, village, district, province, region, ...
      precision: exact                # exact, town, district, province, country, border_region
      geonames_id: 99999              # only when known

``relations*.yaml`` files hold a list of::

    - subject: kataib-hezbollah
      predicate: part_of
      object: popular-mobilization-forces
      role: null                      # for leads: leader, commander, deputy commander, spokesperson ...
      start: "2014"                   # ISO date, possibly partial; null when unknown
      end: null
      source: "outlet or publication, title, date"
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader when PyYAML has it

from orbat.errors import ConfigError
from orbat.model import Alias, Entity, EntityKind

__all__ = ["CuratedRelation", "Theatre", "Period", "load_theatre", "available_theatres", "DEFAULT_THEATRE"]

DEFAULT_THEATRE = "iraq_syria"
Period = tuple["str | None", "str | None"]  # ISO start, ISO end; None is open
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class CuratedRelation:
    subject: str
    predicate: str
    object: str
    source: str
    role: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Theatre:
    name: str
    entities: tuple[Entity, ...]
    relations: tuple[CuratedRelation, ...]
    active: Mapping[str, Period] = field(default_factory=dict)  # entity id -> (start, end), see the format above

    def entity(self, entity_id: str) -> Entity:
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)

    def by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}


def available_theatres() -> list[str]:
    root = resources.files("orbat.theatres")
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))


def load_theatre(name: str = DEFAULT_THEATRE) -> Theatre:
    """Read and validate a theatre pack. Raises ConfigError naming the file and record at fault.

    A pack read before in this process is not read again while its files are unchanged (the writer
    and an in-process worker both need it; a Theatre is immutable, so they can share one)."""
    root = resources.files("orbat.theatres").joinpath(name)
    if not root.is_dir():
        raise ConfigError(f"unknown theatre {name!r}; available: {', '.join(available_theatres())}")
    paths = sorted((p for p in root.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)
    return _read_theatre(name, tuple((p.name, *_stamp(p)) for p in paths))


def _stamp(path: Any) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except (OSError, TypeError):  # a pack inside a zip: no stamp, read every time
        return (-1, id(path))
    return (st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=8)
def _read_theatre(name: str, files: tuple[tuple[str, int, int], ...]) -> Theatre:
    """The pack ``name`` from its files (name, modification time, size: a changed file is a new key)."""
    root = resources.files("orbat.theatres").joinpath(name)
    entities: list[Entity] = []
    relations: list[CuratedRelation] = []
    active: dict[str, Period] = {}
    for path in (root.joinpath(file_name) for file_name, *_ in files):
        records = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or []
        if not isinstance(records, list):
            raise ConfigError(f"{name}/{path.name}: expected a list of records")
        for i, rec in enumerate(records):
            where = f"{name}/{path.name} record {i + 1}"
            if path.name.startswith("relations"):
                relations.append(_relation(rec, where))
            else:
                entities.append(_entity(rec, where))
                if rec.get("active") is not None:
                    active[entities[-1].id] = _period(rec["active"], where)
    _check_references(name, entities, relations)
    return Theatre(name, tuple(entities), tuple(relations), MappingProxyType(active))



def _period(value: Any, where: str) -> Period:
    """An entity's ``active: {start, end}``: ISO days, either left out for open."""
    if not isinstance(value, dict) or set(value) - {"start", "end"}:
        raise ConfigError(f"{where}: active must be {{start: YYYY-MM-DD, end: YYYY-MM-DD}} (either optional)")
    start, end = (None if value.get(k) is None else str(value[k]) for k in ("start", "end"))
    if any(d is not None and not _ISO_DAY.match(d) for d in (start, end)) or (start and end and start > end):
        raise ConfigError(f"{where}: active needs ISO days with start before end, not {value!r}")
    return start, end


def _entity(rec: dict[str, Any], where: str) -> Entity:
    try:
        kind = EntityKind(rec["kind"])
        source = str(rec["source"])
        aliases = tuple(_alias(a, source) for a in rec.get("aliases") or ())
        return Entity(
            id=str(rec["id"]),
            kind=kind,
            name=str(rec["name"]),
            aliases=aliases,
            country=rec.get("country"),
            sector=rec.get("sector"),
            lat=_float(rec.get("lat")),
            lon=_float(rec.get("lon")),
            geonames_id=rec.get("geonames_id"),
            feature=rec.get("feature"),
            precision=rec.get("precision"),
            source=source,
            description=rec.get("description"),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise ConfigError(f"{where}: invalid entity ({exc}); see orbat/theatres/__init__.py for the format") from exc


def _alias(value: Any, source: str) -> Alias:
    if isinstance(value, dict):
        return Alias(
            str(value["name"]),
            "curated: " + str(value.get("source", source)),
            str(value.get("lang", "en")),
            bool(value.get("ambiguous", False)),
        )
    return Alias(str(value), "curated: " + source)


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _relation(rec: dict[str, Any], where: str) -> CuratedRelation:
    try:
        return CuratedRelation(
            subject=str(rec["subject"]),
            predicate=str(rec["predicate"]),
            object=str(rec["object"]),
            source=str(rec["source"]),
            role=rec.get("role"),
            start=None if rec.get("start") is None else str(rec["start"]),
            end=None if rec.get("end") is None else str(rec["end"]),
        )
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"{where}: invalid relation ({exc}); see orbat/theatres/__init__.py for the format") from exc


def _check_references(name: str, entities: list[Entity], relations: list[CuratedRelation]) -> None:
    ids: set[str] = set()
    for e in entities:
        if e.id in ids:
            raise ConfigError(f"{name}: entity id {e.id!r} is defined twice")
        ids.add(e.id)
    for r in relations:
        for ref in (r.subject, r.object):
            if ref not in ids:
                raise ConfigError(f"{name}: relation {r.subject} {r.predicate} {r.object} names unknown entity {ref!r}")
