"""The import direction of STYLE.md, enforced: model ← stages and store ← pipeline, reason, query, export ← api, web, cli
(``versions``, the names of the stages' versions, is part of the base every layer may read)."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "orbat"
BASE = {"model", "errors", "settings", "versions", "__init__"}
STAGES = {"ingest", "clean", "nlp", "extract"}
LEVEL1 = STAGES | {"store", "theatres"}
LEVEL2 = {"pipeline", "work", "engines", "reason", "query", "export"}
TOP = {"api", "web", "cli", "cli_query", "__main__"}  # the skins: parse → call → format


def _allowed(part: str) -> set[str]:
    if part in BASE:
        return BASE
    if part in STAGES:
        return BASE | {part, "theatres"}  # a stage never imports another stage
    if part in {"store", "theatres"}:
        return BASE | {part}
    if part in LEVEL2:
        return BASE | LEVEL1 | LEVEL2
    return BASE | LEVEL1 | LEVEL2 | TOP


def _orbat_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names if node.module == "orbat"]
        for name in names:
            parts = name.split(".")
            if parts[0] == "orbat" and len(parts) > 1:
                found.add(parts[1])
    return found


MODULES = sorted(p for p in SRC.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_point_one_way(path):
    rel = path.relative_to(SRC)
    part = rel.parts[0].removesuffix(".py")
    bad = _orbat_imports(path) - _allowed(part)
    assert not bad, f"{rel} imports orbat.{', orbat.'.join(sorted(bad))}, against the layering in STYLE.md"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_print_or_exit_outside_cli(path):
    if path.name in {"cli.py", "cli_query.py", "__main__.py"}:
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    attrs = {f"{n.func.value.id}.{n.func.attr}" for n in ast.walk(tree)
             if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name)}
    assert not ({"print", "input", "exit"} & calls) and "sys.exit" not in attrs


def test_every_subpackage_is_known_to_the_layering():
    parts = {p.relative_to(SRC).parts[0].removesuffix(".py") for p in MODULES}
    unknown = parts - BASE - LEVEL1 - LEVEL2 - TOP
    assert not unknown
