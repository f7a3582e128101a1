"""Incremental work: unchanged documents cost nothing; a new analysis version re-processes only what it made."""

from __future__ import annotations

from pathlib import Path

from orbat import store
from orbat.model import Analysis, Mention, MentionLabel
from orbat.pipeline import IngestDeps, ingest, reanalyse
from orbat.settings import Settings
from orbat.work import no_analysis

NLP = Settings(nlp=True, batch_documents=2)
TEXTS = [
    "Fighters of a brigade moved toward the river crossing on Monday, two officials said today.",
    "The provincial council met on Tuesday to discuss repairs to the water plant near the dam.",
    "A convoy of fuel trucks reached the border town late on Wednesday after a long delay.",
]


class CountingAnalyser:
    """An analyser factory that records which documents it analysed (one DATE-free mention each)."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, settings: Settings):
        if not settings.nlp:  # as orbat.work.build_analyser: no NLP, no analysis
            return no_analysis

        def analyse(docs):
            for d in docs:
                self.seen.append(d.id)
                yield Analysis(d, mentions=(Mention(d.id, 0, 8, d.clean_text[:8], MentionLabel.OTHER),))

        return analyse


def _corpus(folder: Path) -> Path:
    for i, text in enumerate(TEXTS):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    return folder


def _run(conn, folder, version: str, counter: CountingAnalyser, *, settings: Settings = NLP):
    deps = IngestDeps(analyser_factory=counter, analysis_version=version)
    return ingest([str(folder)], conn=conn, settings=settings, deps=deps)


def test_reingesting_unchanged_documents_analyses_nothing(tmp_path):
    conn, counter = store.connect(":memory:"), CountingAnalyser()
    _run(conn, _corpus(tmp_path), "v1", counter)
    assert len(counter.seen) == 3
    summary = _run(conn, tmp_path, "v1", counter)
    assert len(counter.seen) == 3 and summary.duplicates == 3 and summary.reanalysed == 0


def test_a_new_analysis_version_reanalyses_the_documents_it_meets_again_once(tmp_path):
    conn, counter = store.connect(":memory:"), CountingAnalyser()
    _run(conn, _corpus(tmp_path), "v1", counter)
    summary = _run(conn, tmp_path, "v2", counter)
    assert summary.reanalysed == 3 and len(counter.seen) == 6
    assert {r[0] for r in conn.execute("SELECT version FROM document_analysis")} == {"v2"}
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 3  # replaced, not added
    assert _run(conn, tmp_path, "v2", counter).reanalysed == 0


def test_reanalyse_processes_only_what_another_version_or_no_nlp_made(tmp_path):
    conn, counter = store.connect(":memory:"), CountingAnalyser()
    folder = _corpus(tmp_path)
    _run(conn, folder, "v1", counter)
    (tmp_path / "late.txt").write_text("Officials reported that the bridge on the northern road reopened.", "utf-8")
    _run(conn, folder, "v1", counter, settings=Settings(nlp=False, batch_documents=2))  # stored, not analysed
    assert len(counter.seen) == 3
    deps = IngestDeps(analyser_factory=counter, analysis_version="v1")
    assert reanalyse(conn=conn, settings=NLP, deps=deps).reanalysed == 1  # only the --no-nlp one
    deps = IngestDeps(analyser_factory=counter, analysis_version="v2")
    assert reanalyse(conn=conn, settings=NLP, deps=deps).reanalysed == 4
    assert reanalyse(conn=conn, settings=NLP, deps=deps).reanalysed == 0
    assert len(counter.seen) == 3 + 1 + 4
