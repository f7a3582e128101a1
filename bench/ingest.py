"""Ingest throughput: documents/s, words/s and peak memory of `orbat ingest` on a whole corpus.

    .venv/bin/python bench/ingest.py                  # FA-KES when ../shared is present, else generated
    .venv/bin/python bench/ingest.py --no-nlp         # foundation stages only (read, clean, dedup, store)
    .venv/bin/python bench/ingest.py --replicate 5000 # the corpus copied to N distinct documents

Each measurement runs `python -m orbat ingest` in a fresh process on a fresh database, so model
loading and start-up are included, as a user would pay them. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import corpus_records, replicate, write_jsonl  # noqa: E402


def run_ingest(jsonl: Path, db: Path, extra: list[str]) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "orbat", "--db", str(db), "ingest", "-q", *extra, str(jsonl)],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"seconds": round(seconds, 3), "peak_rss_mb": round(after.ru_maxrss / 1024, 1),
            "cpu_seconds": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 3)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-nlp", action="store_true")
    parser.add_argument("--replicate", type=int, default=0, help="replicate the corpus to N documents")
    parser.add_argument("--generated", type=int, default=800, help="size of the generated corpus without ../shared")
    args = parser.parse_args()
    name, records = corpus_records(generated=args.generated)
    if args.replicate:
        records, name = replicate(records, args.replicate), f"{name} x{args.replicate}"
    words = sum(len(r["text"].split()) for r in records)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = write_jsonl(records, Path(tmp) / "corpus.jsonl")
        stats = run_ingest(jsonl, Path(tmp) / "bench.db", ["--no-nlp"] if args.no_nlp else [])
        again = run_ingest(jsonl, Path(tmp) / "bench.db", ["--no-nlp"] if args.no_nlp else [])
    result = {
        "corpus": name, "documents": len(records), "words": words, "nlp": not args.no_nlp, "cpus": os.cpu_count(),
        **stats, "docs_per_s": round(len(records) / stats["seconds"], 1),
        "words_per_s": round(words / stats["seconds"]), "reingest_seconds": again["seconds"],
    }  # fmt: skip
    print(json.dumps(result))


if __name__ == "__main__":
    main()
