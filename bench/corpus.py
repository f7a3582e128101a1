"""Benchmark corpora as JSONL: FA-KES from ../shared when present, else a generated corpus.

Nothing here is copied into the repository: FA-KES is read at run time; the generated corpus is
assembled from our own phrases with a seeded random generator.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "benchmarks" / "corpus" / "FA-KES-Dataset.csv"

_ACTORS = ["Kataib Hezbollah", "the Popular Mobilization Forces", "the Syrian Democratic Forces", "ISIS fighters",
           "Syrian government troops", "the US-led coalition", "Asaib Ahl al-Haq", "Iraqi border guards"]
_VERBS = ["moved toward", "attacked positions near", "withdrew from", "reinforced", "shelled", "patrolled near",
          "took control of", "denied any presence in"]
_PLACES = ["Al-Qaim", "Al Bukamal", "Deir ez-Zor", "Sinjar", "al-Tanf", "Mosul", "Raqqa", "Hasakah", "Rutba"]
_TIMES = ["on Monday", "last week", "in early January", "on Saturday night", "since March", "two days ago"]
_CLAIMANTS = ["officials said", "a spokesman said", "according to local sources", "residents told reporters"]


def generated_records(n: int, *, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        sentences = [
            f"{rng.choice(_ACTORS).capitalize()} {rng.choice(_VERBS)} {rng.choice(_PLACES)} {rng.choice(_TIMES)}, "
            f"{rng.choice(_CLAIMANTS)}."
            for _ in range(rng.randint(12, 22))
        ]
        out.append({"id": f"gen-{i}", "title": f"Generated report {i}", "published": f"20{rng.randint(14, 25)}-0"
                    f"{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "outlet": "generated", "text": " ".join(sentences)})
    return out


def fakes_records() -> list[dict[str, str]]:
    with FAKES.open(encoding="utf-8", errors="replace", newline="") as f:
        return [
            {"id": r["unit_id"], "title": r["article_title"], "outlet": r["source"], "published": r["date"],
             "text": r["article_content"]}
            for r in csv.DictReader(f)
        ]


def corpus_records(*, generated: int = 800) -> tuple[str, list[dict[str, str]]]:
    """The FA-KES corpus when ../shared is present, else ``generated`` synthetic reports."""
    if FAKES.exists():
        return "FA-KES", fakes_records()
    return "generated", generated_records(generated)


def replicate(records: list[dict[str, str]], total: int) -> list[dict[str, str]]:
    """Copies made distinct (a serial in the text), so they are new documents, not duplicates."""
    out = []
    for i in range(total):
        r = dict(records[i % len(records)])
        r["id"] = f"{r['id']}-{i}"
        r["text"] = f"[copy {i}] " + r["text"]
        out.append(r)
    return out


def write_jsonl(records: list[dict[str, str]], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path
