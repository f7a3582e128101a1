"""Quality gate: relation extraction on Dstl's re3d (dev half).

    python eval/re3d_relations.py            # print scores as JSON
    python eval/re3d_relations.py --check    # also exit 1 below the floors in eval/baseline.json
    python eval/re3d_relations.py --write-baseline   # pin floors at measured - 0.01 (a commit of its own)

Each document text goes through orbat's recognition and resolution and then relation and event
extraction, exactly as in the pipeline (first-person plural pronouns read as the speaking body
first: ``orbat.extract.speakers``). Gold: re3d relations of the four types below with crowd
confidence ≥ 0.5, duplicates (same type and argument spans) counted once. Ours, mapped to re3d:

- ``BelongsTo``      ← part_of, member_of
- ``AlliesOf``       ← allied_with, backed_by, and the actors of one ASSAULT event that has a
  recipient, pairwise ("X and Y attacked Z": joint attackers fight on one side)
- ``FightingAgainst`` ← opposed_to, and ASSAULT events (every actor × recipient pair where both
  sides resolved to an entity or place — an event claim names only those)
- ``InChargeOf``     ← leads, commands, controls, and each actor of an ASSAULT event × each weapon it
  was made with, of a confiscation × each thing seized (re3d marks who wields or holds a weapon as
  in charge of it); but ``leads`` with the role of
  spokesperson or representative is ``BelongsTo`` (who speaks for Y belongs to Y and is not in charge of it)

A predicted relation matches a gold one of its type when its subject span overlaps the gold
source span and its object span the gold target span (either way round for the symmetric
AlliesOf and FightingAgainst). Precision is over our predictions, recall over gold relations.
re3d annotates many arguments orbat never makes claims about (pronouns, "strikes", "civilians",
weapons); ``named`` recall counts only gold relations whose two arguments are both overlapped by
a resolved mention, i.e. the relations orbat could express at all.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path

from orbat.model import Analysis, Document
sys.path.insert(0, str(Path(__file__).resolve().parent))
import _gate  # noqa: E402  (shared by the gates)

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "re3d-dev"
KEY = "re3d_relations"
TYPES = {"part_of": "BelongsTo", "member_of": "BelongsTo", "allied_with": "AlliesOf", "backed_by": "AlliesOf",
         "opposed_to": "FightingAgainst", "leads": "InChargeOf", "commands": "InChargeOf", "controls": "InChargeOf"}
SYMMETRIC = frozenset({"AlliesOf", "FightingAgainst"})
SPEAKING_ROLES = frozenset({"spokesperson", "representative"})  # speaks for Y: belongs to it, is not in charge
_GATED = ("overall.f1", "overall.precision", "overall.recall")

Span = tuple[int, int]
# (doc, type, subject spans, object spans): one span per side, or for a pronoun standing for a name
# (orbat.nlp.coreference) the pronoun's and the name's, either of which may be the one re3d marks
Pair = tuple[str, str, tuple[Span, ...], tuple[Span, ...]]


def analyse_with_parse(documents: Iterable[Document]) -> Iterator[Analysis]:
    """Recognition + resolution with the dependency parse kept on the Analysis.

    Uses orbat.nlp's pipeline when it keeps the parser; otherwise loads the full spaCy pipeline
    and adds the pack's entity ruler to it (what the pipeline must do for extraction to run).
    """
    import spacy

    from orbat.nlp import SPACY_MODEL, analyse_document, build_nlp_deps, make_nlp_deps
    from orbat.settings import Settings

    deps = build_nlp_deps(Settings())
    if "parser" not in deps.nlp.pipe_names:
        deps = make_nlp_deps(spacy.load(SPACY_MODEL), deps.theatre, resolve_places=deps.resolve_places,
                             find_dates=deps.find_dates)
    docs = list(documents)
    for doc, sdoc in zip(docs, deps.nlp.pipe([d.clean_text or d.text for d in docs], batch_size=32)):
        analysis = analyse_document(doc if doc.clean_text else replace(doc, clean_text=doc.text), sdoc, deps=deps)
        yield analysis if analysis.parse is not None else replace(analysis, parse=sdoc)


def load(data: Path) -> tuple[list[dict], list[dict]]:
    """re3d's documents (each with ``outlet``: the publisher, which names its folder) and relations."""
    docs, rels = [], []
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        for name, out in (("documents.json", docs), ("relations.json", rels)):
            with open(folder / name, encoding="utf-8") as fh:
                out.extend({**json.loads(line), "outlet": folder.name} for line in fh if line.strip())
    return docs, rels


def gold_pairs(rels: list[dict]) -> list[Pair]:
    wanted = set(TYPES.values())
    out = {(r["documentId"], r["type"], ((r["sourceBegin"], r["sourceEnd"]),), ((r["targetBegin"], r["targetEnd"]),))
           for r in rels if r["type"] in wanted and r["confidence"] >= 0.5}
    return sorted(out)


def predicted_pairs(analysis: Analysis, extract_deps: object) -> list[Pair]:
    from orbat.extract.events import find_event_frames
    from orbat.extract.relations import find_relations
    from orbat.extract.speakers import with_speakers

    relation_deps = extract_deps.relations  # type: ignore[attr-defined]
    analysis = with_speakers(analysis, relation_deps.entity_kinds, partial(find_relations, deps=relation_deps),
                             relation_deps.bodies)  # fmt: skip
    doc = analysis.document.id
    named_as = {(m.start, m.end): m.antecedent for m in analysis.mentions if m.antecedent}

    def spans(x: object) -> tuple[Span, ...]:
        own = (x.start, x.end)  # type: ignore[attr-defined]
        return (own, named_as[own]) if own in named_as else (own,)

    out: set[Pair] = set()
    for f in find_relations(analysis, deps=relation_deps):
        if f.predicate in TYPES:
            kind = "BelongsTo" if f.predicate == "leads" and f.role in SPEAKING_ROLES else TYPES[f.predicate]
            out.add((doc, kind, spans(f.subject), spans(f.object)))
    for e in find_event_frames(analysis, deps=extract_deps.event_deps):  # type: ignore[attr-defined]
        out.update((doc, "InChargeOf", spans(a), ((w.start, w.end),)) for a in e.actors if a.entities
                   for w in e.weapons)  # fmt: skip
        if e.event_type == "ASSAULT":
            out.update((doc, "FightingAgainst", spans(a), spans(r)) for a in e.actors for r in e.recipients
                       if a.entities and (r.entities or r.place) and (a.start, a.end) != (r.start, r.end)
                       and not set(a.entities) & set(r.entities))  # fmt: skip
            if e.recipients:  # joint attackers of one target fight on one side
                named = [a for a in e.actors if a.entities]
                out.update((doc, "AlliesOf", spans(a), spans(b)) for i, a in enumerate(named)
                           for b in named[i + 1:] if not set(a.entities) & set(b.entities))
    return sorted(out)


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _meets(ours: tuple[Span, ...], theirs: tuple[Span, ...]) -> bool:
    return any(_overlap(a, b) for a in ours for b in theirs)


def _matches(p: Pair, g: Pair) -> bool:
    if p[0] != g[0] or p[1] != g[1]:
        return False
    if _meets(p[2], g[2]) and _meets(p[3], g[3]):
        return True
    return g[1] in SYMMETRIC and _meets(p[2], g[3]) and _meets(p[3], g[2])


def _prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> dict[str, float | int]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "predicted": n_p, "correct": tp_p, "gold": n_r, "found": tp_r}


def score(gold: list[Pair], preds: list[Pair], named: set[Pair]) -> dict:
    out: dict[str, object] = {}
    for t in [*sorted(set(TYPES.values())), "overall"]:
        g = [x for x in gold if t in ("overall", x[1])]
        p = [x for x in preds if t in ("overall", x[1])]
        hit_p = sum(any(_matches(x, y) for y in g) for x in p)
        hit_g = [y for y in g if any(_matches(x, y) for x in p)]
        row = _prf(hit_p, len(p), len(hit_g), len(g))
        gn = [y for y in g if y in named]
        row["named_gold"] = len(gn)
        row["named_recall"] = round(sum(y in named for y in hit_g) / len(gn), 4) if gn else 0.0
        out[t] = row
    return out


def _named(gold: list[Pair], analyses: dict[str, Analysis]) -> set[Pair]:
    def covered(doc: str, spans: tuple[Span, ...]) -> bool:
        return any(m.entity and _meets(((m.start, m.end),), spans) for m in analyses[doc].mentions)

    return {g for g in gold if covered(g[0], g[2]) and covered(g[0], g[3])}


def run(data: Path) -> dict:
    from orbat.extract import build_extract_deps
    from orbat.theatres import load_theatre

    docs, rels = load(data)
    documents = [Document(id=d["_id"], text=d["text"], clean_text=d["text"], outlet=d["outlet"]) for d in docs]
    extract_deps = build_extract_deps(load_theatre())
    analyses = {a.document.id: a for a in analyse_with_parse(documents)}
    preds = [p for a in analyses.values() for p in predicted_pairs(a, extract_deps)]
    gold = gold_pairs(rels)
    scores = score(gold, preds, _named(gold, analyses))
    scores["documents"] = len(docs)
    scores["predicted_by_type"] = dict(Counter(p[1] for p in preds))
    return scores


def main(argv: list[str] | None = None) -> int:
    args = _gate.parser(__doc__, "--data", DATA).parse_args(argv)
    return _gate.finish(KEY, _GATED, run(args.data), args)

if __name__ == "__main__":
    sys.exit(main())
