"""Quality gate: every actor, person and place named in the five seed articles is recognised
and resolved to the right entity.

    python eval/seeds_checklist.py            # print rates as JSON
    python eval/seeds_checklist.py --check    # exit 1 below the floors in eval/baseline.json
    python eval/seeds_checklist.py --write-baseline

``eval/seeds_checklist.yaml`` lists (seed, surface form, label, acceptable entity ids). A name
is *found* when a mention with the expected label overlaps one of its occurrences in the
seed as the real pipeline stored it (cleaned; a front page split into its items), and *resolved* when such a mention carries one of the acceptable ids.
Occurrence-level rates count every occurrence of the surface form.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import tempfile
from pathlib import Path

import yaml

from orbat import store
from orbat.model import Document
from orbat.pipeline import IngestDeps, ingest
from orbat.settings import Settings
sys.path.insert(0, str(Path(__file__).resolve().parent))
import _gate  # noqa: E402  (shared by the gates)

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CHECKLIST = Path(__file__).resolve().parent / "seeds_checklist.yaml"
_GATED = ("found", "resolved")


def ingest_seeds(folder: Path, db: Path) -> sqlite3.Connection:
    """The seeds through the real pipeline (read, clean, split the listing page, recognise, resolve)."""
    conn = store.connect(str(db))
    ingest([str(folder)], conn=conn, settings=Settings(), deps=IngestDeps())
    return conn


def seed_documents(conn: sqlite3.Connection, seed: str) -> list[Document]:
    """The document made from one seed file, and its listing items when it was a front page."""
    (row,) = conn.execute("SELECT id FROM documents WHERE source LIKE ? AND parent IS NULL", (f"%/{seed}",)).fetchall()
    docs = store.get_document(conn, row[0])
    items = conn.execute("SELECT id FROM documents WHERE parent = ? ORDER BY rowid", (row[0],)).fetchall()
    return docs + [store.get_document(conn, r[0])[0] for r in items]


def check(conn: sqlite3.Connection, checklist: list[dict]) -> dict:
    rows, occ_found, occ_resolved, occ_total = [], 0, 0, 0
    for block in checklist:
        docs = seed_documents(conn, block["seed"])
        mentions = {d.id: store.document_mentions(conn, d.id) for d in docs}
        for item in block["names"]:
            hits = [
                [m for m in mentions[d.id] if m.label.value == item["label"] and m.start < e and s < m.end]
                for d in docs
                for s, e in _occurrences(d.clean_text, item["surface"])
            ]
            found = [bool(h) for h in hits]
            resolved = [any(m.entity in item["expect"] for m in h) for h in hits]
            occ_total += len(hits)
            occ_found += sum(found)
            occ_resolved += sum(resolved)
            got = sorted({str(m.entity) for h in hits for m in h})
            rows.append({"seed": block["seed"][:3], "surface": item["surface"], "occurrences": len(hits),
                         "found": any(found), "resolved": any(resolved), "got": got})
    n = len(rows)
    return {
        "found": round(sum(r["found"] for r in rows) / n, 4),
        "resolved": round(sum(r["resolved"] for r in rows) / n, 4),
        "names": n,
        "occurrences": occ_total,
        "occurrences_found": round(occ_found / occ_total, 4) if occ_total else 0.0,
        "occurrences_resolved": round(occ_resolved / occ_total, 4) if occ_total else 0.0,
        "misses": [r for r in rows if not r["resolved"]],
    }


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Where ``surface`` occurs, words separated by any whitespace (seeds break lines mid-name)."""
    pattern = r"\s+".join(re.escape(w) for w in surface.split())
    return [m.span() for m in re.finditer(rf"(?<!\w){pattern}(?!\w)", text)]


def main(argv: list[str] | None = None) -> int:
    args = _gate.parser(__doc__, "--seeds", SEEDS).parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        conn = ingest_seeds(args.data, Path(tmp) / "seeds.db")
        scores = check(conn, yaml.safe_load(CHECKLIST.read_text(encoding="utf-8")))
        conn.close()
    return _gate.finish("seeds", _GATED, scores, args)

if __name__ == "__main__":
    sys.exit(main())
