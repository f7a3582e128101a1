"""Quality gate: the claims an analyst would record from the five seed articles are extracted.

    python eval/seeds_claims.py            # print recall, precision and the extracted claims as JSON
    python eval/seeds_claims.py --check    # exit 1 below the floors in eval/baseline.json
    python eval/seeds_claims.py --write-baseline

``eval/seeds_claims.yaml`` lists, per seed, (subject, predicate, object, polarity, modality)
with acceptable ids. The seeds (``seeds.jsonl``, which carries their dates) go through the real pipeline's cleaning (captions, OCR repair,
the front page split into items), then recognition with the parse kept, then
:func:`orbat.extract.extract_claims`. A checklist item is *found* when a claim of that seed (or
of its listing items) has the predicate, an acceptable subject and object (either way round
for allied_with / opposed_to), the polarity, and the modality when one is given.

- ``recall``: found items / items (gated).
- ``claimant_agreement``: among found items that name a claimant, how many carry it.
- ``precision_lower_bound``: extracted relation claims matching some item / all extracted
  relation claims. The checklist is not exhaustive, so this is a floor; every extracted
  relation claim is listed under ``extracted`` for judgement by reading.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

from orbat import store
from orbat.model import Claim
from orbat.pipeline import IngestDeps, ingest
from orbat.settings import Settings
from orbat.work import no_analysis

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _gate  # noqa: E402  (shared by the gates)
from re3d_relations import analyse_with_parse  # noqa: E402  (a sibling eval script)

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CHECKLIST = Path(__file__).resolve().parent / "seeds_claims.yaml"
KEY = "seeds_claims"
SYMMETRIC = frozenset({"allied_with", "opposed_to"})
_GATED = ("recall",)


def _no_analyser(settings: Settings):  # noqa: ANN202 — an AnalyserFactory
    return no_analysis


def seed_claims(folder: Path, seeds: list[str]) -> dict[str, list[Claim]]:
    """Every claim extracted from each seed (the front page's items included)."""
    from orbat.extract import build_extract_deps, extract_claims
    from orbat.theatres import load_theatre

    deps = build_extract_deps(load_theatre())
    with tempfile.TemporaryDirectory() as tmp:
        conn = store.connect(str(Path(tmp) / "seeds.db"))
        ingest([str(folder / "seeds.jsonl")], conn=conn, settings=Settings(), deps=IngestDeps(analyser_factory=_no_analyser))
        docs = {seed: _seed_documents(conn, seed) for seed in seeds}
        conn.close()
    out: dict[str, list[Claim]] = {}
    for seed, documents in docs.items():
        out[seed] = [c for a in analyse_with_parse(documents) for c in (*a.claims, *extract_claims(a, deps=deps))]
    return out


def _seed_documents(conn: object, seed: str) -> list:
    """The document made from one seed (seeds.jsonl carries its dates), and its listing items."""
    (row,) = conn.execute("SELECT id FROM documents WHERE source_id = ?", (seed.removesuffix(".txt"),)).fetchall()  # type: ignore[attr-defined]
    items = conn.execute("SELECT id FROM documents WHERE parent = ? ORDER BY rowid", (row[0],)).fetchall()  # type: ignore[attr-defined]
    return [store.get_document(conn, r[0])[0] for r in [row, *items]]  # type: ignore[arg-type]


def _ids(value: object) -> set[str]:
    return {str(v) for v in value} if isinstance(value, list) else {str(value)}


def matches(item: dict, claim: Claim) -> bool:
    if claim.predicate != item["predicate"] or claim.polarity != item.get("polarity", "affirmed"):
        return False
    if "modality" in item and claim.modality != item["modality"]:
        return False
    subj, obj = _ids(item["subject"]), _ids(item["object"])
    if claim.subject in subj and claim.object in obj:
        return True
    return claim.predicate in SYMMETRIC and claim.subject in obj and claim.object in subj


def check(checklist: list[dict], claims: dict[str, list[Claim]]) -> dict:
    rows, found, claimed, claimant_ok = [], 0, 0, 0
    for block in checklist:
        for item in block["claims"]:
            hits = [c for c in claims[block["seed"]] if matches(item, c)]
            found += bool(hits)
            if hits and "claimant" in item:
                claimed += 1
                claimant_ok += any(c.claimant == item["claimant"] for c in hits)
            rows.append({"seed": block["seed"][:3], "item": f"{_show(item['subject'])} {item['predicate']} {_show(item['object'])}",
                         "found": bool(hits), "got": sorted({f"{c.modality}/{c.polarity}/{c.claimant}" for c in hits})})
    total = len(rows)
    return {"recall": round(found / total, 4) if total else 0.0, "items": total, "found": found,
            "claimant_agreement": round(claimant_ok / claimed, 4) if claimed else 0.0, "rows": rows}


def _show(value: object) -> str:
    return "|".join(sorted(_ids(value)))


def extracted(checklist: list[dict], claims: dict[str, list[Claim]]) -> tuple[float, list[dict]]:
    listing, good = [], 0
    items = {b["seed"]: b["claims"] for b in checklist}
    for seed, cs in claims.items():
        for c in cs:
            if c.predicate in ("event", "alias_of"):
                continue
            ok = any(matches(i, c) for i in items[seed])
            good += ok
            listing.append({"seed": seed[:3], "claim": f"{c.subject} {c.predicate} {c.object}", "role": c.role,
                            "polarity": c.polarity, "modality": c.modality, "claimant": c.claimant,
                            "confidence": c.confidence, "on_checklist": ok})
    return (round(good / len(listing), 4) if listing else 0.0), listing


def main(argv: list[str] | None = None) -> int:
    args = _gate.parser(__doc__, "--seeds", SEEDS).parse_args(argv)
    checklist = yaml.safe_load(CHECKLIST.read_text(encoding="utf-8"))
    claims = seed_claims(args.data, [b["seed"] for b in checklist])
    scores = check(checklist, claims)
    scores["precision_lower_bound"], listing = extracted(checklist, claims)
    return _gate.finish(KEY, _GATED, scores, args, extracted=listing)

if __name__ == "__main__":
    sys.exit(main())
