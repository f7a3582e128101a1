"""A temporary database for the HTTP API and the browser tests.

Documents come from ingesting ``samples/iraq_syria`` (no NLP) plus one hostile article; entities and
curated relations from the theatre pack; claims are written by hand with evidence spans found in the
ingested texts, until the full pipeline produces them.
"""

from __future__ import annotations

from pathlib import Path

import warnings

import pytest

with warnings.catch_warnings():  # starlette 1.x prefers httpx2 for its TestClient; httpx 0.28 works as it is
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from orbat import store
from orbat.api import create_app
from orbat.model import Claim, Entity, EntityKind, Evidence, Fatalities, TimeSpan
from orbat.pipeline import IngestDeps, ingest
from orbat.reason.theatre import sync_theatre
from orbat.settings import Settings
from orbat.theatres import load_theatre

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "iraq_syria"
TOKEN = "test-token-7f3a"
HOSTILE = (
    "---\ntitle: Hostile <script>alert(1)</script> headline\noutlet: <img src=x onerror=alert(1)>\n"
    "url: javascript:alert(1)\npublished: 2024-05-05\n---\n"
    "Kataib Hezbollah fighters were seen near Al-Qaim <script>alert(1)</script> on Sunday.\n\n"
    "A second paragraph with <img src=x onerror=alert(1)> and <b>bold</b> markup.\n"
)
PLACES = (  # towns and areas the claims name that the pack leaves to the gazetteer
    Entity("al-qaim", EntityKind.PLACE, "Al-Qaim", lat=34.37, lon=41.09, feature="town", precision="town", source="test"),
    Entity("al-bukamal", EntityKind.PLACE, "Al Bukamal", lat=34.45, lon=40.92, feature="town", precision="town",
           source="test"),  # fmt: skip
    Entity("deir-ez-zor-province", EntityKind.PLACE, "Deir ez-Zor province", lat=35.33, lon=40.14,
           feature="province", precision="province", source="test"),  # fmt: skip
)


def _doc(conn, title_start: str) -> tuple[str, str, str | None]:
    row = conn.execute("SELECT id, clean_text, published FROM documents WHERE title LIKE ? AND kind != 'listing_item'",
                       (title_start + "%",)).fetchone()  # fmt: skip
    return row["id"], row["clean_text"], row["published"]


def _claim(conn, cid: str, title: str, phrase: str, predicate: str, subject: str | None, obj: str | None = None,
           **kw: object) -> Claim:  # fmt: skip
    doc_id, text, published = _doc(conn, title)
    start = text.index(phrase)
    kw.setdefault("valid", TimeSpan(published, published, "day" if len(published or "") == 10 else "month"))
    return Claim(cid, predicate, subject, obj, reported=published, extractor="test/1", confidence=0.7,
                 evidence=(Evidence(doc_id, start, start + len(phrase), phrase),), **kw)  # type: ignore[arg-type]


def _claims(conn) -> list[Claim]:
    ev = dict(predicate="event")
    return [
        _claim(conn, "t-pmf-border", "Border crossing reopens", "have held positions along the Iraqi side",
               "present_at", "popular-mobilization-forces", "iraq-syria-border"),
        _claim(conn, "t-tower22", "Drone attack on Tower 22", "one-way attack drone struck Tower 22", ev["predicate"],
               "islamic-resistance-in-iraq", None, event_type="ASSAULT", mode="drone", place="tower-22",
               actors=("islamic-resistance-in-iraq",), recipients=("united-states",), fatalities=Fatalities(3, 3, 3)),
        _claim(conn, "t-strikes-qaim", "US strikes Iran-linked targets", "weapons stores near Al-Qaim in Iraq",
               "event", "united-states", None, event_type="ASSAULT", mode="aerial", place="al-qaim",
               actors=("united-states",), recipients=("kataib-hezbollah",)),
        _claim(conn, "t-strikes-bukamal", "US hits militia sites", "Al Bukamal in Syria", "event", "united-states",
               None, event_type="ASSAULT", mode="aerial", place="al-bukamal", actors=("united-states",)),
        _claim(conn, "t-sdf-deir", "Damascus and SDF sign", "The SDF has controlled much of Deir ez-Zor province",
               "controls", "syrian-democratic-forces", "deir-ez-zor-province",
               valid=TimeSpan("2019-03", "2025-03-11", "month")),
        _claim(conn, "t-sdf-deny", "Damascus and SDF sign", "An SDF official denied that the agreement meant the "
               "dissolution of the force", "part_of", "syrian-democratic-forces", "syrian-transitional-government",
               polarity="negated", modality="denied"),
        _claim(conn, "t-tanf", "Coalition keeps garrison at al-Tanf", "al-Tanf", "present_at", "united-states",
               "al-tanf-garrison"),
        _claim(conn, "t-iraqi-troops", "Assad falls", "Iraqi troops reinforced the border near Al-Qaim", "event",
               "iraqi-army", None, event_type="MOBILIZE", place="al-qaim", actors=("iraqi-army",)),
        _claim(conn, "t-hostile", "Hostile", "Kataib Hezbollah fighters were seen near Al-Qaim", "present_at",
               "kataib-hezbollah", "al-qaim"),
    ]  # fmt: skip


def build_world(db_path: str, tmp_dir: Path) -> None:
    """Ingest the samples and the hostile article, load the pack, add the hand-written claims."""
    hostile = tmp_dir / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    conn = store.connect(db_path)
    try:
        settings = Settings(db_path=db_path, nlp=False)
        ingest([str(SAMPLES), str(hostile)], conn=conn, settings=settings, deps=IngestDeps())
        sync_theatre(conn, load_theatre())
        with store.transaction(conn):
            store.upsert_entities(conn, PLACES)
            for c in _claims(conn):
                store.insert_claim(conn, c, c.evidence[0].document)
    finally:
        conn.close()


@pytest.fixture(scope="session")
def world_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("api-world")
    path = str(folder / "orbat.db")
    build_world(path, folder)
    return path


@pytest.fixture
def db_copy(world_db, tmp_path) -> str:
    """A private copy of the world, for tests that write."""
    import shutil

    path = tmp_path / "orbat.db"
    src = store.connect(world_db, readonly=True)
    try:
        src.execute("PRAGMA wal_checkpoint(FULL)")
    finally:
        src.close()
    shutil.copy(world_db, path)
    return str(path)


@pytest.fixture
def make_client():
    return TestClient


@pytest.fixture
def token() -> str:
    return TOKEN


@pytest.fixture
def client(world_db) -> TestClient:
    """Read-only: started without a token."""
    return TestClient(create_app(Settings(db_path=world_db)))


@pytest.fixture
def writer(db_copy) -> TestClient:
    return TestClient(create_app(Settings(db_path=db_copy), token=TOKEN))
