"""Engines give the same database: a local Ray of 2 CPUs against one process, full NLP included."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPORTS = [
    "Kataib Hezbollah fighters were seen near Al-Qaim on Monday, two security officials said.",
    "The Syrian Democratic Forces said they had withdrawn from positions east of Deir ez-Zor last week.",
    "The Popular Mobilization Forces (PMF), also called the Hashd al-Shaabi, deployed along the border.",
    "US Central Command said a drone strike near Al Bukamal killed three militants on Saturday.",
    "Iraqi border guards reinforced the al-Qaim crossing after clashes in early January.",
    "An Iran-backed brigade denied any presence in Syria, according to a statement on Telegram.",
]


def _corpus(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(REPORTS * 3):
            f.write(json.dumps({"id": f"e{i}", "text": f"Item {i}. {text}", "published": "2025-06-17"}) + "\n")
    return path


def _dump(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    tables = {
        "documents": "SELECT id, kind, cluster, clean_text FROM documents ORDER BY id",
        "mentions": "SELECT document_id, start, end, label, entity_id, score FROM mentions ORDER BY 1, 2, 3, 4",
        "claims": "SELECT id, predicate, subject, object, polarity, modality, claimant FROM claims ORDER BY id",
    }
    out = {name: conn.execute(sql).fetchall() for name, sql in tables.items()}
    conn.close()
    return out


@pytest.mark.model
def test_ray_engine_builds_the_same_database_as_the_local_engine(tmp_path):
    import ray  # noqa: F401  (a test extra: its absence fails the test, never skips it)

    corpus = _corpus(tmp_path / "c.jsonl")
    base = [sys.executable, "-m", "orbat"]
    for db, extra in ((tmp_path / "local.db", []), (tmp_path / "ray.db", ["--engine", "ray", "--workers", "2"])):
        subprocess.run([*base, "--db", str(db), "ingest", "-q", "--batch", "4", *extra, str(corpus)], check=True,
                       stdout=subprocess.DEVNULL, timeout=600)  # fmt: skip
    local, ray = _dump(tmp_path / "local.db"), _dump(tmp_path / "ray.db")
    assert len(local["documents"]) == len(REPORTS) * 3 and local["mentions"]
    assert ray == local
