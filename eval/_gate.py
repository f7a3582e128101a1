"""What every quality gate shares: its command line, the floors in ``eval/baseline.json`` and the verdict.

A gate script computes its scores and hands them to :func:`finish`, which prints them as JSON with
the floors they were held to, exits 1 under ``--check`` when one is below its floor, and with
``--write-baseline`` pins that gate's floors at the measured score less 0.01 (a commit of its own;
the other gates' floors in the file are left as they are).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

BASELINE = Path(__file__).resolve().parent / "baseline.json"
MARGIN = 0.01


def parser(doc: str | None, data_flag: str, default: Path) -> argparse.ArgumentParser:
    """The gate's options: where its gold data is, --check and --write-baseline."""
    p = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    p.add_argument(data_flag, dest="data", type=Path, default=default, help=f"gold data (default {default})")
    p.add_argument("--check", action="store_true", help="exit 1 below the floors in eval/baseline.json")
    p.add_argument("--write-baseline", action="store_true", help=f"pin floors at measured - {MARGIN}")
    return p


def score_at(scores: Mapping[str, Any], dotted: str) -> float:
    """``scores["overall"]["f1"]`` for ``"overall.f1"``."""
    value: Any = scores
    for part in dotted.split("."):
        value = value[part]
    return float(value)


def finish(key: str, gated: Sequence[str], scores: Mapping[str, Any], args: argparse.Namespace,
           **extra: Any) -> int:  # fmt: skip
    """Print scores, floors and what is below them; pin floors when asked; the exit status."""
    floors = _read().get(key, {})
    below = {k: {"measured": score_at(scores, k), "floor": v} for k, v in floors.items() if score_at(scores, k) < v}
    print(json.dumps({"scores": scores, **extra, "floors": floors, "below_floor": below}, indent=2, ensure_ascii=False))
    if args.write_baseline:
        baseline = _read()  # read again: the other gates own the other keys
        baseline[key] = {k: round(max(score_at(scores, k) - MARGIN, 0.0), 4) for k in gated}
        BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n")
    return 1 if args.check and below else 0


def _read() -> dict[str, Any]:
    return json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
