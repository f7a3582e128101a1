"""The gates' shared verdict (eval/_gate.py): a score under its floor fails --check; pinning keeps other gates' floors."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def gate(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("orbat_eval_gate", ROOT / "eval" / "_gate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"demo": {"overall.f1": 0.5}, "other": {"x": 0.9}}))
    monkeypatch.setattr(module, "BASELINE", baseline)
    return module


def test_a_score_below_its_floor_fails_the_check(gate, capsys):
    args = gate.parser("Demo gate.", "--data", Path(".")).parse_args(["--check"])
    assert gate.finish("demo", ("overall.f1",), {"overall": {"f1": 0.49}}, args) == 1
    assert json.loads(capsys.readouterr().out)["below_floor"] == {"overall.f1": {"measured": 0.49, "floor": 0.5}}
    assert gate.finish("demo", ("overall.f1",), {"overall": {"f1": 0.5}}, args) == 0


def test_without_check_the_gate_reports_but_passes(gate):
    args = gate.parser("Demo gate.", "--data", Path(".")).parse_args([])
    assert gate.finish("demo", ("overall.f1",), {"overall": {"f1": 0.1}}, args) == 0


def test_pinning_floors_leaves_the_other_gates_alone(gate):
    args = gate.parser("Demo gate.", "--data", Path(".")).parse_args(["--write-baseline"])
    gate.finish("demo", ("overall.f1",), {"overall": {"f1": 0.7}}, args)
    assert json.loads(gate.BASELINE.read_text()) == {"demo": {"overall.f1": 0.69}, "other": {"x": 0.9}}
