import json
import re
from pathlib import Path

from click.testing import CliRunner

from orbat.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"


def _run(args, **kw):
    return CliRunner().invoke(cli, args, catch_exceptions=False, **kw)


def test_every_command_is_documented_in_the_readme():
    text = README.read_text(encoding="utf-8")
    missing = [name for name in cli.commands if not re.search(rf"orbat {name}\b", text)]
    assert not missing, f"commands missing from README: {missing}"


def test_db_option_and_environment_variable_choose_the_database(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("A short report about a convoy near the crossing.")
    monkeypatch.setenv("ORBAT_DB", str(tmp_path / "env.db"))
    assert _run(["ingest", "--no-nlp", "-q", str(tmp_path / "a.txt")]).exit_code == 0
    assert (tmp_path / "env.db").exists()
    assert _run(["--db", str(tmp_path / "flag.db"), "ingest", "--no-nlp", "-q", str(tmp_path / "a.txt")]).exit_code == 0
    assert (tmp_path / "flag.db").exists()


def test_missing_database_is_one_line_error_with_status_1(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "documents"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "orbat ingest" in result.output


def test_ingest_reports_skips_and_strict_exits_3(tmp_path):
    (tmp_path / "good.txt").write_text("Fighters were seen near the river crossing on Monday.")
    (tmp_path / "empty.txt").write_text("")
    db = str(tmp_path / "o.db")
    result = _run(["--db", db, "ingest", "--no-nlp", "-q", str(tmp_path)])
    assert result.exit_code == 0
    assert "1 documents added" in result.output and "empty" in result.output
    strict = _run(["--db", db, "ingest", "--no-nlp", "-q", "--strict", str(tmp_path)])
    assert strict.exit_code == 3 and "0 documents added" in strict.output and "1 duplicates" in strict.output


def test_documents_show_runs_and_export_round_trip(tmp_path):
    (tmp_path / "r.txt").write_text("---\ntitle: Sample title\npublished: 2024-02-03\n---\nTroops moved to the border.")
    db = str(tmp_path / "o.db")
    _run(["--db", db, "ingest", "--no-nlp", "-q", str(tmp_path)])
    listed = json.loads(_run(["--db", db, "documents", "--json"]).output)
    assert listed["total"] == 1
    doc_id = listed["documents"][0]["id"]
    shown = _run(["--db", db, "show", doc_id[:6]])
    assert "Sample title" in shown.output and "Troops moved" in shown.output
    runs = json.loads(_run(["--db", db, "runs", "--json"]).output)
    assert runs[0]["added"] == 1 and runs[0]["status"] == "finished"
    lines = [json.loads(x) for x in _run(["--db", db, "export", "--format", "jsonl"]).output.splitlines()]
    (doc,) = [x for x in lines if x["type"] == "document"]
    assert {"id", "source_id", "title", "url", "outlet", "published", "kind", "cluster", "parent"} <= doc.keys()
    assert doc["cluster"] == doc_id and doc["published"] == "2024-02-03"
