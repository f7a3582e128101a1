"""Quality gate: every actor, person and place named in the five seed articles is recognised
and resolved to the right entity.

    python eval/seeds_checklist.py            # print rates as JSON
    python eval/seeds_checklist.py --check    # exit 1 below the floors in eval/baseline.json
    python eval/seeds_checklist.py --write-baseline

``eval/seeds_checklist.yaml`` lists (seed, surface form, label, acceptable entity ids). A name
is *found* when a mention with the expected label overlaps one of its occurrences in the
cleaned seed, and *resolved* when such a mention carries one of the acceptable ids.
Occurrence-level rates count every occurrence of the surface form.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

from orbat.model import Analysis, Document, document_id
from orbat.nlp import analyse_documents, build_nlp_deps
from orbat.settings import Settings

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CHECKLIST = Path(__file__).resolve().parent / "seeds_checklist.yaml"
BASELINE = Path(__file__).resolve().parent / "baseline.json"
_GATED = ("found", "resolved")


def load_seeds(folder: Path) -> dict[str, Document]:
    """The seeds as cleaned documents, keyed by file name (metadata from seeds.jsonl when present)."""
    meta: dict[str, dict] = {}
    jsonl = folder / "seeds.jsonl"
    if jsonl.exists():
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            meta[rec.get("id") or rec.get("file") or ""] = rec
    docs = {}
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        rec = next((r for k, r in meta.items() if k and k in path.name), {})
        doc = Document(id=document_id(text, None), text=text, published=rec.get("published"), title=rec.get("title"))
        docs[path.name] = _clean(doc)
    return docs


def _clean(doc: Document) -> Document:
    try:
        from orbat.clean import clean_document  # the clean stage, when present
    except ImportError:
        return Document(**{**{f: getattr(doc, f) for f in doc.__dataclass_fields__}, "clean_text": doc.text})
    return clean_document(doc)


def check(docs: dict[str, Document], analyses: dict[str, Analysis], checklist: list[dict]) -> dict:
    rows, occ_found, occ_resolved, occ_total = [], 0, 0, 0
    for block in checklist:
        doc = docs[block["seed"]]
        mentions = analyses[doc.id].mentions
        for item in block["names"]:
            spans = _occurrences(doc.clean_text, item["surface"])
            hits = [[m for m in mentions if m.label.value == item["label"] and m.start < e and s < m.end] for s, e in spans]
            found = [bool(h) for h in hits]
            resolved = [any(m.entity in item["expect"] for m in h) for h in hits]
            occ_total += len(spans)
            occ_found += sum(found)
            occ_resolved += sum(resolved)
            got = sorted({str(m.entity) for h in hits for m in h})
            rows.append({"seed": block["seed"][:3], "surface": item["surface"], "occurrences": len(spans),
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
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--check", action="store_true", help="exit 1 below the floors in eval/baseline.json")
    parser.add_argument("--write-baseline", action="store_true", help="pin floors at measured - 0.01")
    args = parser.parse_args(argv)
    settings = Settings()
    deps = build_nlp_deps(settings)
    docs = load_seeds(args.seeds)
    analyses = {a.document.id: a for a in analyse_documents(docs.values(), deps=deps, settings=settings)}
    scores = check(docs, analyses, yaml.safe_load(CHECKLIST.read_text(encoding="utf-8")))
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    floors = baseline.get("seeds", {})
    failures = {k: {"measured": scores[k], "floor": v} for k, v in floors.items() if scores[k] < v}
    print(json.dumps({"scores": scores, "floors": floors, "below_floor": failures}, indent=2, ensure_ascii=False))
    if args.write_baseline:
        baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
        baseline["seeds"] = {k: round(scores[k] - 0.01, 4) for k in _GATED}
        BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n")
    return 1 if args.check and failures else 0


if __name__ == "__main__":
    sys.exit(main())
