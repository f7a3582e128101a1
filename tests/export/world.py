"""A small world for the exporters, with hostile text everywhere (the fixtures are in conftest.py).

Three documents: Reuters (dated to the day, a title with markup, a URL with "<"), AFP (dated to the
month, Arabic text, a comma in the outlet), an undated OCR scan with a control character. Entities:
armed groups (one with quotes, "&", "<", a comma and Arabic in its name), a state force, two states, a
person, a media outlet, places with and without coordinates. Claims: events (one denied, one with no
actor, one with two recipients, one with no recipient), relations (one negated, with an Arabic quote),
a control claim on a place with no coordinates, an alias claim with two pieces of evidence, curated
claims in the theatre pseudo-document, and a rejected claim.
"""

from __future__ import annotations

from orbat import store
from orbat.model import Alias, Claim, Document, Entity, EntityKind, Evidence, Fatalities, TimeSpan
from orbat.store import claims as claim_store

ARABIC_KH = "\u0643\u062a\u0627\u0626\u0628 \u062d\u0632\u0628 \u0627\u0644\u0644\u0647"  # Kataib Hezbollah
ARABIC_DEIR = "\u062f\u064a\u0631 \u0627\u0644\u0632\u0648\u0631"  # Deir ez-Zor
ARABIC_NOT_IN_DEIR = f"\u0625\u0646\u0647\u0627 \u0644\u064a\u0633\u062a \u0641\u064a {ARABIC_DEIR}"  # it is not in ...
HOSTILE_NAME = 'Liwa "Abu & Fadl" <al-Abbas>, \u0644\u0648\u0627\u0621'
QUOTE_HOSTILE = (  # quotes, markup, an ampersand, commas, a newline
    'Witnesses said the group\'s men, "a few dozen, <script>alert(1)</script> & more",\nwere seen in Al-Qaim'
)

TEXTS = {
    "d-reuters": (
        "BAGHDAD (Reuters) - A one-way drone struck Tower 22 on Sunday, killing three U.S. soldiers.\n"
        "U.S. aircraft then hit sites near Al-Qaim, killing at least 16, officials said; one said up to 40.\n"
        "Kataib Hezbollah denied it had attacked the base.\n"
        f"{QUOTE_HOSTILE}, close to the border.\n"
        "The PMF moved units toward Al-Qaim. The Brigades' leader Abu Mahdi al-Muhandis was named.\n"
    ),
    "d-afp": (
        f"\u0642\u0627\u0644\u062a {ARABIC_KH} {ARABIC_NOT_IN_DEIR}.\n"
        "Kataib Hezbollah said it is not in Deir ez-Zor province.\n"
        "The PMF controls Wadi Hawran, a local commander said.\n"
        "Gunmen attacked a U.S. convoy.\n"
    ),
    "d-scan": "Kataib Hezbollah, also called the Brigades, \x0c issued a statement.\n",
}
DOCS = (
    Document(id="d-reuters", text=TEXTS["d-reuters"], clean_text=TEXTS["d-reuters"], outlet="Reuters",
             published="2024-01-28", url="https://example.org/reuters?a=1&b=<2>",
             title='Drone kills 3 at "Tower 22" <b>& more</b>', cluster="c-reuters"),
    Document(id="d-afp", text=TEXTS["d-afp"], clean_text=TEXTS["d-afp"], outlet="AFP, Paris", published="2024-02",
             title=ARABIC_KH, cluster="c-afp"),
    Document(id="d-scan", text=TEXTS["d-scan"], clean_text=TEXTS["d-scan"], cluster="c-scan"),
)  # fmt: skip


def _e(id_: str, kind: EntityKind, name: str, *aliases: str, **kw: object) -> Entity:
    return Entity(id_, kind, name, tuple(Alias(a, "curated: export test") for a in aliases), source="test",
                  **kw)  # type: ignore[arg-type]


ENTITIES = (
    _e("kh", EntityKind.ARMED_GROUP, "Kataib Hezbollah", "KH", ARABIC_KH, sector="PRM", country="IRQ"),
    _e("liwa", EntityKind.ARMED_GROUP, HOSTILE_NAME, sector="PRM", country="IRQ"),
    _e("pmf", EntityKind.STATE_FORCE, "Popular Mobilization Forces", "PMF", sector="MIL", country="IRQ"),
    _e("us", EntityKind.STATE, "United States", sector="GOV", country="USA"),
    _e("iran", EntityKind.STATE, "Iran", sector="GOV", country="IRN"),
    _e("muhandis", EntityKind.PERSON, "Abu Mahdi al-Muhandis"),
    _e("shafaq", EntityKind.MEDIA, "Shafaq News", sector="MED", country="IRQ"),
    _e("qaim", EntityKind.PLACE, "Al-Qaim", lat=34.37, lon=41.09, precision="town", country="IRQ"),
    _e("tower22", EntityKind.PLACE, "Tower 22", lat=33.32, lon=38.68, precision="exact", country="JOR"),
    _e("deir", EntityKind.PLACE, "Deir ez-Zor province", lat=35.33, lon=40.14, precision="province", country="SYR"),
    _e("hawran", EntityKind.PLACE, "Wadi Hawran <script>", precision="district"),  # no coordinates, no country
    _e("unclaimed", EntityKind.ORGANISATION, "Named by no claim"),
)  # fmt: skip
CLAIMED_ENTITY_IDS = sorted(e.id for e in ENTITIES if e.id != "unclaimed")


def _ev(doc: str, *phrases: str) -> tuple[Evidence, ...]:
    text = TEXTS[doc]
    return tuple(Evidence(doc, text.index(p), text.index(p) + len(p), p) for p in phrases)


def _claim(id_: str, doc: str, predicate: str, subject: str | None, obj: str | None, *phrases: str,
           **kw: object) -> Claim:  # fmt: skip
    published = next(d.published for d in DOCS if d.id == doc)
    precision = "day" if published and len(published) == 10 else "month"
    kw.setdefault("valid", TimeSpan(published, published, precision) if published else TimeSpan())
    return Claim(id_, predicate, subject, obj, reported=published, evidence=_ev(doc, *phrases), extractor="test/1",
                 confidence=0.75, **kw)  # type: ignore[arg-type]


def _event(id_: str, actors: tuple[str, ...], recipients: tuple[str, ...], phrase: str, **kw: object) -> Claim:
    doc = str(kw.pop("doc", "d-reuters"))
    return _claim(id_, doc, "event", actors[0] if actors else None, None, phrase, actors=actors,
                  recipients=recipients, event_type=kw.pop("event_type", "ASSAULT"), **kw)  # fmt: skip


_DRONE = {"acled_event_type": "Explosions/Remote violence", "acled_sub_event_type": "Air/drone strike"}
CLAIMS = (
    _event("e-tower22", ("kh",), ("us",), "A one-way drone struck Tower 22 on Sunday", mode="drone",
           place="tower22", fatalities=Fatalities(3, 3, 3), geo_precision="exact", **_DRONE),
    _event("e-strikes", ("us",), ("kh", "liwa"), "U.S. aircraft then hit sites near Al-Qaim", mode="aerial",
           place="qaim", weapons=("aircraft", "precision-guided munitions"), fatalities=Fatalities(16, None, 40), **_DRONE),
    _event("e-denied", ("kh",), ("us",), "Kataib Hezbollah denied it had attacked the base", place="hawran",
           polarity="negated", modality="denied", claimant="kh", valid=TimeSpan(None, None, "unknown")),
    _event("e-mobilize", ("pmf",), (), "The PMF moved units toward Al-Qaim", event_type="MOBILIZE", place="qaim",
           acled_event_type="Strategic developments", acled_sub_event_type="Other"),
    _event("e-gunmen", (), ("us",), "Gunmen attacked a U.S. convoy", doc="d-afp", acled_event_type="Battles",
           acled_sub_event_type="Armed clash"),
    _claim("p-hostile", "d-reuters", "present_at", "kh", "qaim", QUOTE_HOSTILE, claimant="shafaq"),
    _claim("p-negated", "d-afp", "present_at", "kh", "deir", "Kataib Hezbollah said it is not in Deir ez-Zor province",
           ARABIC_NOT_IN_DEIR, polarity="negated", modality="denied", claimant="kh"),
    _claim("q-hawran", "d-afp", "controls", "pmf", "hawran", "The PMF controls Wadi Hawran", modality="reported"),
    _claim("a-brigades", "d-scan", "alias_of", "kh", "the Brigades", "Kataib Hezbollah", "the Brigades"),
    _claim("p-scan", "d-scan", "present_at", "liwa", "qaim", "also called the Brigades, \x0c issued"),
    _claim("l-rejected", "d-reuters", "leads", "muhandis", "kh", "Abu Mahdi al-Muhandis was named", role="leader",
           review="rejected"),
)  # fmt: skip
CURATED = (
    Claim("c-kh-pmf", "part_of", "kh", "pmf", valid=TimeSpan("2014", None, "year"), extractor="theatre:test/1",
          confidence=1.0, review="accepted", source_note="Washington Institute, 2024-04"),
    Claim("c-pmf-iran", "backed_by", "pmf", "iran", extractor="theatre:test/1", confidence=1.0, review="accepted",
          source_note='The "National" & co, 2025-06-17'),
)  # fmt: skip
ALL_CLAIMS = CLAIMS + CURATED


def build_export_world(conn) -> None:
    """Write the documents, entities and claims above into ``conn``."""
    with store.transaction(conn):
        store.upsert_entities(conn, ENTITIES)
        for doc in DOCS:
            store.insert_document(conn, doc, "r-export")
        for c in CLAIMS:
            store.insert_claim(conn, c, c.evidence[0].document)
        for c in CURATED:
            store.insert_claim(conn, c, "theatre:test")
            claim_store.set_source_note(conn, c.id, c.source_note)


class WriteOnly:
    """A sink with nothing but ``write``, as the HTTP API hands the writers: they may only stream."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def export(conn, fmt: str) -> tuple[str, dict[str, int]]:
    """Run one exporter into a write-only sink; (text, counts)."""
    from orbat.export import FORMATS

    sink = WriteOnly()
    counts = FORMATS[fmt](conn, sink)
    return sink.text, counts
