"""The quality gates under eval/, run against the floors pinned in eval/baseline.json.

They read real public gold data from ../shared; without it (a clone used elsewhere) there is
nothing to measure and they are skipped, saying so. With it, a score below its floor fails.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
GATES = sorted(p.stem for p in (ROOT / "eval").glob("*.py") if not p.name.startswith("_"))


def test_every_gate_has_floors_in_the_baseline():
    baseline = json.loads((ROOT / "eval" / "baseline.json").read_text())
    assert baseline and all(isinstance(v, dict) and v for v in baseline.values())


@pytest.mark.shared
@pytest.mark.parametrize("gate", GATES)
def test_quality_gate_holds_its_floor(gate):
    if not SHARED.is_dir():
        pytest.skip("../shared (gold data) is not present")
    result = subprocess.run([sys.executable, str(ROOT / "eval" / f"{gate}.py"), "--check"],
                            capture_output=True, text=True, timeout=900)  # fmt: skip
    assert result.returncode == 0, f"{gate} below its floor:\n{result.stdout[-3000:]}\n{result.stderr[-2000:]}"
