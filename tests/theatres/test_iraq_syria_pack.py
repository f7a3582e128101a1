"""Invariants of the iraq_syria theatre pack (actors, people, states, relations; places.yaml is checked too)."""

from __future__ import annotations

from collections import defaultdict
from importlib import resources

import pytest
import yaml

from orbat.model import EntityKind
from orbat.theatres import load_theatre

PREDICATES = {
    "part_of", "commands", "subordinate_of", "leads", "member_of", "backed_by", "allied_with",
    "opposed_to", "splinter_of", "merged_into", "formed_from", "front_for", "designated_by",
    "controls", "present_at", "alias_of",
}

# PLOVER actor "sector" codes (PLOVER defers to the CAMEO sector/role codes) plus two project
# additions named in DESIGN.md: PRM (paramilitary / militia) and PTY (political party).
SECTORS = {
    "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "SEP", "UAF", "PRM",
    "IGO", "IMG", "NGO", "NGM", "MED", "BUS", "CVL", "CRM", "REF", "EDU", "ELI", "HRI", "LAB",
}

# ISO 3166-1 alpha-3 codes this theatre may use.
COUNTRIES = {
    "IRQ", "SYR", "IRN", "TUR", "RUS", "ISR", "USA", "JOR", "LBN", "GBR", "SAU", "AFG", "PAK",
    "ARE", "FRA", "SWE", "KWT", "QAT", "EGY", "DEU",
}

# Alias strings deliberately shared by several entities: resolution needs the document date or
# context. Every other shared alias is an error.
KNOWN_AMBIGUITIES = {
    "syrian army": {"syrian-arab-army", "new-syrian-army"},
    "syrian military": {"syrian-arab-army", "new-syrian-army"},
    "syrian government": {"syrian-arab-republic-government", "syrian-transitional-government"},
}

# Entities the seed articles name, which the pack must cover.
SEED_ENTITIES = [
    "popular-mobilization-forces", "kataib-hezbollah", "irgc", "syrian-democratic-forces",
    "syrian-transitional-government", "new-syrian-army", "syrian-arab-army", "islamic-state",
    "al-tufuf-brigade", "abu-al-hassanein", "abu-saif-al-tamimi", "qasim-muslih",
    "pmf-anbar-operations-command", "abu-mahdi-al-muhandis", "haider-al-abadi", "bashar-al-assad",
    "mohammed-shia-al-sudani", "nouri-al-maliki", "donald-trump", "centcom", "mossad",
    "kurdistan-regional-government", "rudaw", "iran-international", "al-ahad-tv",
    "hayat-tahrir-al-sham", "al-qaeda", "cjtf-oir", "lebanese-hezbollah", "kataib-al-imam-ali",
    "free-syrian-army", "ypg", "qasem-soleimani", "ahmad-al-asadi", "asayish", "iraqi-army",
    "eliezer-tsafrir", "james-mattis", "joseph-dunford", "vladimir-putin", "iranian-judiciary",
]

OUR_FILES = ("actors.yaml", "people.yaml", "states.yaml")


@pytest.fixture(scope="module")
def theatre():
    return load_theatre("iraq_syria")


def _raw(name: str) -> list[dict]:
    path = resources.files("orbat.theatres").joinpath("iraq_syria", name)
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def _flagged_ambiguous() -> set[str]:
    flagged = set()
    for name in OUR_FILES:
        for rec in _raw(name):
            for alias in rec.get("aliases") or ():
                if isinstance(alias, dict) and alias.get("ambiguous"):
                    flagged.add(str(alias["name"]).casefold())
    return flagged


def test_size(theatre):
    assert len(theatre.entities) >= 150 or not _has_places()
    ours = sum(len(_raw(n)) for n in OUR_FILES)
    assert ours >= 130


def _has_places() -> bool:
    return resources.files("orbat.theatres").joinpath("iraq_syria", "places.yaml").is_file()


def test_every_entity_is_complete(theatre):
    for e in theatre.entities:
        assert isinstance(e.kind, EntityKind), e.id
        assert e.name and e.name.strip(), e.id
        assert e.source and e.source.strip(), e.id
        assert e.id == e.id.lower() and " " not in e.id, e.id
        if e.sector is not None:
            assert e.sector in SECTORS, (e.id, e.sector)
        if e.country is not None:
            assert len(e.country) == 3 and e.country.isupper() and e.country in COUNTRIES, (e.id, e.country)


def test_our_entities_have_sector_and_no_urls():
    for name in OUR_FILES:
        for rec in _raw(name):
            assert rec.get("sector") in SECTORS, (name, rec["id"])
            for field in ("source", "description"):
                assert "http" not in str(rec.get(field) or ""), (rec["id"], field)


def test_relations_are_sourced_and_known(theatre):
    ids = theatre.by_id()
    for r in theatre.relations:
        assert r.predicate in PREDICATES, r
        assert r.source and r.source.strip(), r
        assert "http" not in r.source, r
        assert r.subject in ids and r.object in ids, r
        if r.predicate == "leads":
            assert r.role, r
            assert ids[r.subject].kind is EntityKind.PERSON, r
        if r.predicate == "member_of":
            assert ids[r.subject].kind is EntityKind.PERSON, r
        if r.predicate == "designated_by":
            assert ids[r.object].kind in (EntityKind.STATE, EntityKind.GOVERNMENT_BODY), r
            assert r.start, r
        for t in (r.start, r.end):
            if t is not None:
                assert len(t) in (4, 7, 10) and t[:4].isdigit(), r
        if r.start and r.end:
            assert r.start[: len(r.end)] <= r.end, r


def test_no_unlisted_shared_alias(theatre):
    owners: dict[str, set[str]] = defaultdict(set)
    for e in theatre.entities:
        for text in {e.name, *(a.name for a in e.aliases)}:
            owners[text.casefold()].add(e.id)
    flagged = _flagged_ambiguous()
    for text, ids in owners.items():
        if len(ids) < 2:
            continue
        assert text in KNOWN_AMBIGUITIES, (text, sorted(ids))
        assert ids == KNOWN_AMBIGUITIES[text], (text, sorted(ids))
        assert text in flagged, text


def test_seed_entities_present(theatre):
    ids = theatre.by_id()
    missing = [i for i in SEED_ENTITIES if i not in ids]
    assert not missing


def test_key_facts(theatre):
    rel = {(r.subject, r.predicate, r.object, r.role, r.start) for r in theatre.relations}
    assert ("kataib-hezbollah", "designated_by", "united-states", "Foreign Terrorist Organization", "2009-07-02") in rel
    assert ("lebanese-hezbollah", "designated_by", "united-states", "Foreign Terrorist Organization", "1997-10-08") in rel
    hts = [r for r in theatre.relations if r.subject == "hayat-tahrir-al-sham" and r.predicate == "designated_by"]
    assert hts and hts[0].end == "2025-07-08"
    parts = {r.subject for r in theatre.relations if r.predicate == "part_of" and r.object == "popular-mobilization-forces"}
    assert {"kataib-hezbollah", "asaib-ahl-al-haq", "badr-organization", "al-tufuf-brigade"} <= parts
    assert ("syrian-transitional-government", "formed_from", "hayat-tahrir-al-sham") in {
        (r.subject, r.predicate, r.object) for r in theatre.relations
    }


def test_arabic_aliases_present(theatre):
    ar = [a for e in theatre.entities for a in e.aliases if a.lang == "ar"]
    assert len(ar) >= 40
    for a in ar:
        assert any("\u0600" <= ch <= "\u06ff" for ch in a.name), a


def test_military_coalitions_have_periods_that_do_not_overlap():
    theatre = load_theatre()
    by_id = theatre.by_id()
    military = sorted((theatre.active[e.id], e.id) for e in theatre.entities
                      if e.kind is EntityKind.COALITION and e.sector == "MIL" and e.id in theatre.active)  # fmt: skip
    assert [i for _, i in military] == ["multi-national-force-iraq", "cjtf-oir"]
    assert all(by_id[i].kind is EntityKind.COALITION for i in theatre.active)
    for ((_, end), _), ((start, _), _) in zip(military, military[1:]):
        assert end is not None and start is not None and end < start
    # every military coalition has a period, or a bare "coalition" would match it on any date
    assert all(e.id in theatre.active for e in theatre.entities if e.kind is EntityKind.COALITION and e.sector == "MIL")


def test_a_malformed_period_is_a_config_error_naming_the_record():
    from orbat.errors import ConfigError
    from orbat.theatres import _period

    assert _period({"start": "2003-03-20"}, "x") == ("2003-03-20", None)
    for bad in ({"start": "2011-12-18", "end": "2003-03-20"}, {"from": "2003-03-20"}, {"start": "March 2003"}, "2003"):
        with pytest.raises(ConfigError, match="states.yaml#3"):
            _period(bad, "states.yaml#3")
