"""The ingest run end to end (without the NLP stage): idempotence, clusters, listings, bad input, SIGKILL."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orbat import store
from orbat.pipeline import IngestDeps, ingest
from orbat.settings import Settings

SETTINGS = Settings(nlp=False, batch_documents=7)

STORY = ("Units of a newly formed brigade moved along the desert highway toward the border crossing on Monday, "
         "two security officials said. The officials said the convoy carried heavy weapons and fuel. "
         "Local residents reported hearing aircraft over the area late into the night. "
         "A spokesman for the provincial council said the deployment had been agreed with the ministry. ")


def _ingest(conn, *targets):
    return ingest([str(t) for t in targets], conn=conn, settings=SETTINGS, deps=IngestDeps())


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_second_ingest_of_same_content_adds_nothing(tmp_path):
    conn = store.connect(":memory:")
    _write(tmp_path / "a.txt", STORY)
    _write(tmp_path / "b.jsonl", json.dumps({"text": STORY, "title": "Same story", "id": "s1"}) + "\n")
    first = _ingest(conn, tmp_path)
    second = _ingest(conn, tmp_path)
    assert (first.added, first.duplicates) == (1, 1)
    assert (second.added, second.duplicates) == (0, 2)
    (doc,) = store.get_document(conn, "s1")
    assert doc.title == "Same story"  # the JSONL copy filled the title the .txt lacked


def test_wire_copy_with_small_edits_joins_the_cluster(tmp_path):
    conn = store.connect(":memory:")
    _write(tmp_path / "1.txt", "---\nurl: https://a.example/1\n---\n" + STORY * 2)
    edited = (STORY * 2).replace("two security officials said", "two officials told reporters")
    _write(tmp_path / "2.txt", "---\nurl: https://b.example/2\n---\n" + edited)
    _write(tmp_path / "3.txt", "An unrelated note about grain prices in the capital markets this spring season. " * 5)
    _ingest(conn, tmp_path)
    clusters = [r[0] for r in conn.execute("SELECT cluster FROM documents ORDER BY rowid")]
    assert clusters[0] == clusters[1] != clusters[2]


def test_a_story_joining_two_clusters_merges_them_into_the_earliest(tmp_path):
    conn = store.connect(":memory:")
    other = ("Farmers in the eastern plain said the wheat harvest was late this year after weeks of rain. "
             "Prices at the grain market rose for a third week, traders said on Tuesday. ")  # fmt: skip
    copies = [_write(tmp_path / f"a{i}.txt", f"Copy {i}. " + STORY * 2) for i in range(4)]
    second = _write(tmp_path / "b.txt", other * 2)
    both = _write(tmp_path / "c.txt", STORY * 2 + other * 2)  # tells both stories: bridges their clusters
    _ingest(conn, *copies, second)
    before = dict(conn.execute("SELECT id, cluster FROM documents").fetchall())
    assert len(set(before.values())) == 2
    _ingest(conn, both)
    clusters = {r[0] for r in conn.execute("SELECT cluster FROM documents")}
    first = conn.execute("SELECT cluster FROM documents ORDER BY rowid LIMIT 1").fetchone()[0]
    assert clusters == {first}


def test_teaser_repeating_a_sentence_joins_the_article_cluster(tmp_path):
    conn = store.connect(":memory:")
    article = _write(tmp_path / "a.txt", STORY * 3)
    teaser = _write(tmp_path / "t.txt", "Convoy heads for the frontier\n\n"
                    "Units of a newly formed brigade moved along the desert highway toward the border crossing on "
                    "Monday, two security officials said.")
    _ingest(conn, article, teaser)
    clusters = {r[0] for r in conn.execute("SELECT cluster FROM documents")}
    assert len(clusters) == 1


def test_bad_inputs_each_get_a_reason_and_good_ones_go_through(tmp_path):
    conn = store.connect(":memory:")
    (tmp_path / "bin.txt").write_bytes(b"\x7fELF\x02\x01" + bytes(300))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("Le convoi est arrivé à la frontière syrienne ce matin.".encode("cp1252"))
    (tmp_path / "bad.jsonl").write_text('{"text": "Good line about the crossing."}\n{oops\n', encoding="utf-8")
    (tmp_path / "scripts.html").write_text("<html><script>alert(1)</script><script>x()</script></html>")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    _write(tmp_path / "good.txt", STORY)
    summary = _ingest(conn, tmp_path)
    reasons = {Path(s.source.split(":")[0]).name: s.reason for s in summary.skipped}
    assert set(reasons) == {"bin.txt", "empty.txt", "bad.jsonl", "scripts.html", "image.png"}
    assert all(r and "\n" not in r for r in reasons.values())
    assert summary.added == 3  # latin.txt (decoded as a legacy encoding), the good JSONL line, good.txt
    run_skips = store.run_items(conn, summary.run_id, status="skipped")
    assert len(run_skips) == 5


def _corpus(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = f"Report {i}: " + STORY.replace("Monday", f"day {i}") + f" Figure {i * 37 % 101} was cited."
            f.write(json.dumps({"id": f"r{i}", "text": text, "published": "2024-01-0" + str(1 + i % 9)}) + "\n")
    return path


def _snapshot(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, source_id, kind, cluster, parent, clean_text FROM documents ORDER BY id").fetchall()
    conn.close()
    return rows


def _cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "orbat", "--db", str(db), "ingest", "--no-nlp", "-q", "--batch", "3", *args]


def test_sigkill_midway_then_rerun_equals_uninterrupted_run(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", 400)
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    subprocess.run(_cli(whole, str(corpus)), check=True, stdout=subprocess.DEVNULL)
    proc = subprocess.Popen(_cli(killed, str(corpus)), stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if killed.exists() and _count(killed) >= 30:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(killed)
    assert 0 < partial < 400, "the kill must land mid-run for this test to mean anything"
    subprocess.run(_cli(killed, str(corpus)), check=True, stdout=subprocess.DEVNULL)
    assert _snapshot(killed) == _snapshot(whole)
    conn = sqlite3.connect(killed)
    statuses = [r[0] for r in conn.execute("SELECT status FROM runs ORDER BY rowid")]
    assert statuses == ["interrupted", "finished"]


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        n = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        conn.close()
        return n
    except sqlite3.OperationalError:
        return 0


def _dated_analyser(settings):
    """An analyser that records, as one DATE mention, the publication date it was given."""
    from orbat.model import Analysis, Mention, MentionLabel, TimeSpan

    def analyse(docs):
        for d in docs:
            time = TimeSpan(d.published, d.published, "day") if d.published else TimeSpan()
            yield Analysis(d, mentions=(Mention(d.id, 0, 5, d.clean_text[:5], MentionLabel.DATE, time=time),))

    return analyse


def test_copy_supplying_a_missing_date_recomputes_the_analysis(tmp_path):
    conn = store.connect(":memory:")
    deps = IngestDeps(analyser_factory=_dated_analyser)
    _write(tmp_path / "a.txt", STORY)
    ingest([str(tmp_path / "a.txt")], conn=conn, settings=SETTINGS, deps=deps)
    assert conn.execute("SELECT time_start FROM mentions").fetchone()[0] is None
    _write(tmp_path / "b.jsonl", json.dumps({"text": STORY, "published": "2025-06-17"}) + "\n")
    ingest([str(tmp_path / "b.jsonl")], conn=conn, settings=SETTINGS, deps=deps)
    assert [tuple(r) for r in conn.execute("SELECT time_start FROM mentions")] == [("2025-06-17",)]


def test_copy_in_the_same_batch_completes_metadata_before_analysis(tmp_path):
    conn = store.connect(":memory:")
    _write(tmp_path / "a.txt", STORY)
    _write(tmp_path / "b.jsonl", json.dumps({"text": STORY, "published": "2025-06-17", "kind": "article"}) + "\n")
    ingest([str(tmp_path)], conn=conn, settings=SETTINGS, deps=IngestDeps(analyser_factory=_dated_analyser))
    assert [tuple(r) for r in conn.execute("SELECT time_start FROM mentions")] == [("2025-06-17",)]
    assert [tuple(r) for r in conn.execute("SELECT kind, published FROM documents")] == [("article", "2025-06-17")]


def test_process_pool_gives_the_same_database_as_one_process(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", 60)
    one, pool = tmp_path / "one.db", tmp_path / "pool.db"
    subprocess.run(_cli(one, str(corpus)), check=True, stdout=subprocess.DEVNULL)
    subprocess.run(_cli(pool, "--workers", "2", str(corpus)), check=True, stdout=subprocess.DEVNULL)
    assert _snapshot(pool) == _snapshot(one) and len(_snapshot(one)) == 60


@pytest.mark.model
def test_every_entity_a_document_names_is_stored_with_the_pack(tmp_path):
    """Mentions and claims point at entity rows: the pack's (synced once per run) and the GeoNames places."""
    _write(tmp_path / "a.txt", "---\npublished: 2025-06-17\n---\nKataib Hezbollah fighters were deployed to "
                               "Al-Qaim and to Mosul on Monday, officials in Baghdad said.")  # fmt: skip
    conn = store.connect(":memory:")
    ingest([str(tmp_path / "a.txt")], conn=conn, settings=Settings(), deps=IngestDeps())
    dangling = conn.execute(
        "SELECT DISTINCT m.entity_id FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id "
        "WHERE m.entity_id IS NOT NULL AND e.id IS NULL").fetchall()  # fmt: skip
    assert dangling == []
    assert conn.execute("SELECT count(*) FROM entities WHERE id LIKE 'geonames:%'").fetchone()[0] >= 1
    assert conn.execute("SELECT name FROM entities WHERE id = 'kataib-hezbollah'").fetchone() is not None
    curated = conn.execute("SELECT count(*) FROM claims WHERE extractor LIKE 'theatre:%'").fetchone()[0]
    assert curated > 100


def test_short_reports_sharing_only_a_boilerplate_line_stay_apart(tmp_path):
    line = "This note was prepared by the regional monitoring desk for internal reading only. "
    bodies = ["A convoy of fuel trucks crossed the river bridge at dawn and headed north toward the hills. ",
              "The provincial council met to discuss water shortages and the price of bread in the markets. ",
              "Two schools in the eastern district reopened after repairs to their roofs and windows were done. "]  # fmt: skip
    for i, body in enumerate(bodies):
        _write(tmp_path / f"{i}.txt", line + body * 3)
    conn = store.connect(":memory:")
    _ingest(conn, tmp_path)
    assert len({r[0] for r in conn.execute("SELECT cluster FROM documents")}) == 3


def _related_analyser(settings):
    """An analyser that makes every document claim one relation: the same fact from many documents."""
    from orbat.model import Analysis, Claim, Evidence, TimeSpan

    def analyse(docs):
        for d in docs:
            ev = Evidence(d.id, 0, 5, d.clean_text[:5])
            yield Analysis(d, claims=(Claim(f"c-{d.id}", "backed_by", "kh", "iran", valid=TimeSpan("2024", None, "year"),
                                            reported=d.published, evidence=(ev,), extractor="test/1"),))  # fmt: skip

    return analyse


def test_facts_refreshed_once_per_batch_equal_a_rebuild(tmp_path):
    from orbat.store.relation_facts import rebuild_relation_facts

    conn = store.connect(":memory:")
    lines = [json.dumps({"text": f"Report {i}: {STORY}", "published": f"2025-06-{i + 1:02d}", "outlet": f"O{i % 3}"})
             for i in range(20)]  # fmt: skip
    _write(tmp_path / "c.jsonl", "\n".join(lines) + "\n")
    ingest([str(tmp_path / "c.jsonl")], conn=conn, settings=SETTINGS, deps=IngestDeps(analyser_factory=_related_analyser))
    maintained = [tuple(r) for r in conn.execute("SELECT * FROM relation_facts ORDER BY key")]
    rebuild_relation_facts(conn)
    assert maintained and maintained == [tuple(r) for r in conn.execute("SELECT * FROM relation_facts ORDER BY key")]


def test_workers_get_small_jobs_and_the_writer_commits_whole_jobs_per_batch(tmp_path):
    jobs: list[int] = []

    def counting_factory(settings):
        from orbat.model import Analysis

        def analyse(docs):
            jobs.append(len(docs))
            return [Analysis(d) for d in docs]

        return analyse

    lines = [json.dumps({"text": f"Note {i}: " + "word " * 20 + f"number {i} " * 5}) for i in range(20)]
    _write(tmp_path / "n.jsonl", "\n".join(lines) + "\n")
    conn = store.connect(str(tmp_path / "a.db"))
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    settings = Settings(nlp=True, batch_documents=7, job_documents=3)
    summary = ingest([str(tmp_path / "n.jsonl")], conn=conn, settings=settings,
                     deps=IngestDeps(analyser_factory=counting_factory, analysis_version="t/1"))  # fmt: skip
    assert summary.added == 20
    assert jobs == [3, 3, 3, 3, 3, 3, 2]
    # the documents go in three transactions: jobs 1-3 (the count first reaches 7 at 9 documents),
    # jobs 4-6, and job 7 at the end; so two commits fall between the first and the last document
    writes = [i for i, s in enumerate(statements) if s.startswith("INSERT OR IGNORE INTO documents")]
    commits = [i for i, s in enumerate(statements) if s == "COMMIT"]
    assert len(writes) >= 20 and len([c for c in commits if writes[0] < c < writes[-1]]) == 2
