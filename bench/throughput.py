"""orbat's full ingest side by side with the bare spaCy pipeline, on the same documents, in one run.

    .venv/bin/python bench/throughput.py                    # FA-KES (../shared) or a generated corpus
    .venv/bin/python bench/throughput.py --workers 2        # both sides on 2 processes
    .venv/bin/python bench/throughput.py --replicate 50000  # the corpus copied to 50,000 distinct documents
    .venv/bin/python bench/throughput.py --repeat 3         # three pairs, alternating: medians, per-pair ratios

Each side runs in a fresh process (model loading included). Reports documents/s, words/s, CPU time,
peak resident memory (largest process, and summed over the process tree) and the ratio orbat/spaCy
(time), as one JSON object. The gazetteer cache (built once per installation) is made first and
its time reported on its own.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import corpus_records, replicate, write_jsonl  # noqa: E402


def _timed(cmd: list[str]) -> dict[str, float]:
    """Wall time, CPU time and memory of one child process and the processes it starts.

    ``cpu_seconds`` counts the child and the workers it waited for (user + system): set against
    the wall time it shows how much the machine's other load took. ``peak_rss_mb`` is the largest
    single process (rusage); ``peak_tree_rss_mb`` the largest sum over the whole process tree,
    sampled every half second from /proc (None where there is no /proc)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    sampler = _TreeMemory(proc.pid)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    sampler.stop()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"command failed ({os.waitstatus_to_exitcode(status)}): {' '.join(cmd)}")
    return {"seconds": round(time.perf_counter() - start, 2), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "peak_tree_rss_mb": sampler.peak_mb}  # fmt: skip


class _TreeMemory(threading.Thread):
    """Samples the summed resident memory of a process and all its descendants."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_mb = pid, None if not Path("/proc/self/status").exists() else 0.0
        self._done = threading.Event()

    def run(self) -> None:
        while self.peak_mb is not None and not self._done.wait(0.5):
            self.peak_mb = max(self.peak_mb, round(sum(_rss_kb(p) for p in _tree(self.pid)) / 1024, 1))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, ()))
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _rates(side: dict[str, float], docs: int, words: int) -> dict[str, float]:
    return {**side, "docs_per_s": round(docs / side["seconds"], 1), "words_per_s": round(words / side["seconds"])}


_GAZETTEER_CACHE = "from orbat.nlp.gazetteer import build_gazetteer; from orbat.theatres import load_theatre; " \
                   "build_gazetteer(load_theatre())"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--replicate", type=int, default=0)
    parser.add_argument("--generated", type=int, default=800)
    parser.add_argument("--repeat", type=int, default=1, help="pairs to run, alternating (medians and per-pair ratios)")
    parser.add_argument("--no-nlp", action="store_true", help="orbat side: read, clean, dedup and store only")
    args = parser.parse_args()
    name, records = corpus_records(generated=args.generated)
    if args.replicate:
        records, name = replicate(records, args.replicate), f"{name} x{args.replicate}"
    docs, words = len(records), sum(len(r["text"].split()) for r in records)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_jsonl(records, Path(tmp) / "corpus.jsonl")
        db = Path(tmp) / "b.db"
        # built once per installation (and after an upgrade), like a model download: not part of a run
        gazetteer = _timed([sys.executable, "-c", _GAZETTEER_CACHE])
        pairs = []
        for _ in range(max(1, args.repeat)):  # alternate, so a drift in the machine's speed hits both sides
            for stale in Path(tmp).glob("b.db*"):
                stale.unlink()
            bare = _progress("spacy", _timed([sys.executable, str(HERE / "bare_spacy.py"), str(corpus), "--workers",
                                              str(args.workers)]))  # fmt: skip
            orbat = _progress("orbat", _timed([sys.executable, "-m", "orbat", "--db", str(db), "ingest", "-q", "--workers",
                                               str(args.workers), *(["--no-nlp"] if args.no_nlp else []), str(corpus)]))  # fmt: skip
            pairs.append((bare, orbat))
        again = _progress("reingest", _timed([sys.executable, "-m", "orbat", "--db", str(db), "ingest", "-q", str(corpus)]))
    ratios = [round(o["seconds"] / b["seconds"], 3) for b, o in pairs]
    bare, orbat = (_median_run([p[i] for p in pairs]) for i in (0, 1))
    print(json.dumps({
        "corpus": name, "documents": docs, "words": words, "workers": args.workers, "orbat_nlp": not args.no_nlp,
        "spacy": _rates(bare, docs, words), "orbat": _rates(orbat, docs, words),
        "ratio_orbat_over_spacy": round(statistics.median(ratios), 2), "ratios": ratios,
        "reingest_unchanged_seconds": again["seconds"], "gazetteer_cache_seconds": gazetteer["seconds"],
    }))  # fmt: skip


def _progress(side: str, figures: dict[str, float]) -> dict[str, float]:
    """Each side's figures on stderr as soon as it ends: a long run stopped early keeps what it measured."""
    print(json.dumps({"side": side, **figures}), file=sys.stderr, flush=True)
    return figures


def _median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each figure's median over the runs (peak memory: the largest)."""
    out = {k: round(statistics.median(r[k] for r in runs), 2) for k in ("seconds", "cpu_seconds")}
    peaks = {k: max((r[k] for r in runs if r[k] is not None), default=None) for k in ("peak_rss_mb", "peak_tree_rss_mb")}
    return {**out, **peaks, "runs": len(runs)}


if __name__ == "__main__":
    main()
