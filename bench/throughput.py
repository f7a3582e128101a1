"""orbat's full ingest side by side with the bare spaCy pipeline, on the same documents, in one run.

    .venv/bin/python bench/throughput.py                    # FA-KES (../shared) or a generated corpus
    .venv/bin/python bench/throughput.py --workers 2        # both sides on 2 processes
    .venv/bin/python bench/throughput.py --replicate 50000  # the corpus copied to 50,000 distinct documents

Each side runs in a fresh process (model loading included). Reports documents/s, words/s, peak
resident memory and the ratio orbat/spaCy (time), as one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import corpus_records, replicate, write_jsonl  # noqa: E402


def _timed(cmd: list[str]) -> dict[str, float]:
    """Wall time and peak RSS of one child process (a fresh rusage reading per child)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = _wait4(proc.pid)
    if status != 0:
        raise SystemExit(f"command failed ({status}): {' '.join(cmd)}")
    return {"seconds": round(time.perf_counter() - start, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


def _wait4(pid: int):  # noqa: ANN202
    import os

    pid, status, usage = os.wait4(pid, 0)
    return pid, os.waitstatus_to_exitcode(status), usage


def _rates(side: dict[str, float], docs: int, words: int) -> dict[str, float]:
    return {**side, "docs_per_s": round(docs / side["seconds"], 1), "words_per_s": round(words / side["seconds"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--replicate", type=int, default=0)
    parser.add_argument("--generated", type=int, default=800)
    parser.add_argument("--no-nlp", action="store_true", help="orbat side: read, clean, dedup and store only")
    args = parser.parse_args()
    name, records = corpus_records(generated=args.generated)
    if args.replicate:
        records, name = replicate(records, args.replicate), f"{name} x{args.replicate}"
    docs, words = len(records), sum(len(r["text"].split()) for r in records)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_jsonl(records, Path(tmp) / "corpus.jsonl")
        bare = _timed([sys.executable, str(HERE / "bare_spacy.py"), str(corpus), "--workers", str(args.workers)])
        orbat = _timed([sys.executable, "-m", "orbat", "--db", str(Path(tmp) / "b.db"), "ingest", "-q",
                        "--workers", str(args.workers), *(["--no-nlp"] if args.no_nlp else []), str(corpus)])  # fmt: skip
        again = _timed([sys.executable, "-m", "orbat", "--db", str(Path(tmp) / "b.db"), "ingest", "-q", str(corpus)])
    print(json.dumps({
        "corpus": name, "documents": docs, "words": words, "workers": args.workers, "orbat_nlp": not args.no_nlp,
        "spacy": _rates(bare, docs, words), "orbat": _rates(orbat, docs, words),
        "ratio_orbat_over_spacy": round(orbat["seconds"] / bare["seconds"], 2),
        "reingest_unchanged_seconds": again["seconds"],
    }))  # fmt: skip


if __name__ == "__main__":
    main()
