"""The single writer at scale: documents/s as the database grows, with the NLP left out.

    .venv/bin/python bench/writer.py                   # 50,000 documents in 10 slices, temp database
    .venv/bin/python bench/writer.py --docs 20000 --slices 4 --db /tmp/w.db
    .venv/bin/python bench/writer.py --copies 60        # every story told 60 times, as FA-KES replicated

At 50,000 documents the writer (one process: clusters, claims, relation facts, one transaction per
batch) decides orbat's speed, not the workers. This bench ingests generated documents through the real
pipeline and store, with an analyser that makes claims without a model: a few relations per document
whose actors follow a Zipf law over 2,000 actors (a popular relation is reported thousands of times),
in the voices of 40 outlets and a few claimants, and two events. Each slice is one ingest run; the
rate per slice shows whether a document's cost grows with the database (it should not). With
``--copies N`` every story is told N times (its text behind a serial, its claims the same), so that
documents gather in duplicate clusters of N, as when FA-KES is replicated to 50,000 documents: the
near-duplicate look-ups and the per-cluster source counts then grow with N. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from orbat import store
from orbat.model import Analysis, Claim, Document, Evidence, TimeSpan
from orbat.pipeline import IngestDeps, ingest
from orbat.settings import Settings

ACTORS = [f"actor-{i}" for i in range(2000)]
WEIGHTS = [1 / (i + 1) ** 1.1 for i in range(len(ACTORS))]
PREDICATES = ["present_at"] * 3 + ["opposed_to"] * 3 + ["controls", "part_of", "allied_with", "backed_by", "leads", "member_of"]
CLAIMANTS = [None] * 7 + ["claimant:officials", "claimant:monitor", "actor-0"]
WORDS = [f"w{i}" for i in range(20_000)]


def synthetic_analyser(settings: Settings):
    """Claims drawn from the document id, so a document always gets the same ones."""

    def analyse(docs: Sequence[Document]) -> Iterable[Analysis]:
        for d in docs:
            rng = random.Random(_story(d.source_id) if d.source_id and "/" in d.source_id else d.id)
            ev = Evidence(d.id, 0, 5, d.clean_text[:5])
            claims = []
            for j in range(rng.randrange(3, 9)):
                subject, obj = rng.choices(ACTORS, WEIGHTS, k=2)
                predicate = rng.choice(PREDICATES)
                claims.append(Claim(
                    f"{d.id}-{j}", predicate, subject, obj, role="commander" if predicate == "leads" else None,
                    valid=TimeSpan(d.published, None, "day"), reported=d.published, claimant=rng.choice(CLAIMANTS),
                    polarity="negated" if rng.random() < 0.05 else "affirmed", evidence=(ev,), extractor="bench/1",
                    confidence=0.6,
                ))  # fmt: skip
            for j in range(2):
                actor, target = rng.choices(ACTORS, WEIGHTS, k=2)
                claims.append(Claim(f"{d.id}-e{j}", "event", actor, event_type="ASSAULT", actors=(actor,), recipients=(target,),
                                    reported=d.published, evidence=(ev,), extractor="bench/1", confidence=0.6))  # fmt: skip
            yield Analysis(d, claims=tuple(claims))

    return analyse


def _story(source_id: str) -> str:
    """The story a document tells: its source id without the copy's serial."""
    return source_id.split("/")[0]


def _records(start: int, count: int, seed: int, copies: int) -> list[dict[str, str]]:
    """Documents ``start`` … ``start + count - 1``; with ``copies`` > 1, document i tells story i // copies
    (ten sentences, so that copies share sentences as well as bands) from the outlet of its own."""
    if copies <= 1:
        rng = random.Random(seed * 1_000_003 + start)
        return [{"id": f"w{i}", "text": " ".join(rng.choices(WORDS, k=120)) + ".", "outlet": f"outlet-{i % 40}",
                 "published": f"20{14 + i % 12}-{1 + i % 12:02d}-{1 + i % 28:02d}"} for i in range(start, start + count)]  # fmt: skip
    out = []
    for i in range(start, start + count):
        story = i // copies
        rng = random.Random(seed * 1_000_003 + story)
        text = f"[copy {i}] " + " ".join(" ".join(rng.choices(WORDS, k=12)) + "." for _ in range(10))
        out.append({"id": f"w{story}/{i}", "text": text, "outlet": f"outlet-{i % 40}",
                    "published": f"20{14 + story % 12}-{1 + story % 12:02d}-{1 + story % 28:02d}"})  # fmt: skip
    return out


def run(db: Path, docs: int, slices: int, seed: int, copies: int = 1) -> dict[str, object]:
    conn = store.connect(db)
    settings = Settings(nlp=True)
    deps = IngestDeps(analyser_factory=synthetic_analyser, analysis_version="bench-writer/1")
    per_slice, size = [], docs // slices
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(slices):
            path = Path(tmp) / f"slice-{k}.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in _records(k * size, size, seed, copies)), encoding="utf-8")
            started = time.perf_counter()
            summary = ingest([str(path)], conn=conn, settings=settings, deps=deps)
            seconds = time.perf_counter() - started
            per_slice.append({"documents_before": k * size, "added": summary.added, "seconds": round(seconds, 2),
                              "docs_per_s": round(size / seconds, 1)})  # fmt: skip
            print(json.dumps(per_slice[-1]), file=sys.stderr)
    claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    facts = conn.execute("SELECT count(*), max(claims) FROM relation_facts").fetchone()
    clusters = conn.execute("SELECT count(DISTINCT cluster) FROM documents").fetchone()[0]
    conn.close()
    rates = [s["docs_per_s"] for s in per_slice]
    return {"documents": docs, "copies": copies, "clusters": clusters, "claims": claims, "relation_facts": facts[0],
            "most_claims_per_fact": facts[1], "slices": per_slice, "first_slice_docs_per_s": rates[0], "last_slice_docs_per_s": rates[-1],
            "last_over_first": round(rates[-1] / rates[0], 2)}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=50_000)
    ap.add_argument("--slices", type=int, default=10)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--copies", type=int, default=1, help="documents per story (duplicate clusters of this size)")
    ap.add_argument("--db", type=Path, help="database to write (default: a temporary one, removed afterwards)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "writer.db"
        if db.exists():
            raise SystemExit(f"{db} exists: the bench needs a new database")
        print(json.dumps(run(db, args.docs, args.slices, args.seed, args.copies), indent=2))


if __name__ == "__main__":
    main()
