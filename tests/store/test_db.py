import pytest

from orbat import store
from orbat.errors import StoreError
from orbat.model import Document, DocumentKind, OffsetMap, Segment, SegmentKind, document_id
from orbat.store.schema import SCHEMA_VERSION


def _doc(text: str, **kw: object) -> Document:
    return Document(id=document_id(text, None), text=text, clean_text=text, **kw)


def test_connect_creates_schema_at_current_version(tmp_path):
    conn = store.connect(str(tmp_path / "a.db"))
    assert store.schema_version(conn) == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_connect_twice_applies_no_migration_again(tmp_path):
    path = str(tmp_path / "a.db")
    store.connect(path).close()
    conn = store.connect(path)
    assert store.schema_version(conn) == SCHEMA_VERSION


def test_newer_schema_is_refused_with_advice(tmp_path):
    path = str(tmp_path / "a.db")
    conn = store.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="upgrade orbat"):
        store.connect(path)


def test_readonly_connect_to_missing_file_says_to_ingest(tmp_path):
    with pytest.raises(StoreError, match="orbat ingest"):
        store.connect(str(tmp_path / "missing.db"), readonly=True)


def test_insert_document_is_idempotent_and_round_trips():
    conn = store.connect(":memory:")
    doc = _doc("Some text here.", kind=DocumentKind.OCR, segments=(Segment(0, 4, SegmentKind.CAPTION, "x"),),
               offsets=OffsetMap((0, 2), (0, 5), (1, 1)))
    with store.transaction(conn):
        assert store.insert_document(conn, doc, "r1") is True
        assert store.insert_document(conn, doc, "r1") is False
    (back,) = store.get_document(conn, doc.id)
    assert back.segments == doc.segments
    assert back.offsets == doc.offsets
    assert back.kind == DocumentKind.OCR
    assert back.cluster == doc.id


def test_transaction_rolls_back_everything_on_error():
    conn = store.connect(":memory:")
    with pytest.raises(RuntimeError):
        with store.transaction(conn):
            store.insert_document(conn, _doc("First."), "r1")
            raise RuntimeError("boom")
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_full_text_search_finds_words_in_clean_text():
    conn = store.connect(":memory:")
    with store.transaction(conn):
        store.insert_document(conn, _doc("Brigade fighters reached the crossing."), "r")
        store.insert_document(conn, _doc("A quiet day in the capital."), "r")
    rows, total = store.find_documents(conn, store.DocumentFilter(text="crossing"))
    assert total == 1 and "crossing" not in rows[0]["id"]


def test_later_copy_fills_missing_metadata_without_replacing():
    conn = store.connect(":memory:")
    bare = _doc("Same words in both copies.", source="a.txt")
    titled = _doc("Same words in both copies.", source="b.jsonl:1", title="A title", outlet="Outlet")
    with store.transaction(conn):
        store.insert_document(conn, bare, "r")
        store.add_document_source(conn, bare, "r")
        store.add_document_source(conn, titled, "r")
        store.add_document_source(conn, _doc("Same words in both copies.", source="c", title="Other"), "r")
    (back,) = store.get_document(conn, bare.id)
    assert back.title == "A title" and back.outlet == "Outlet"
    assert conn.execute("SELECT count(*) FROM document_sources").fetchone()[0] == 3


def test_full_text_index_follows_a_filled_title_and_is_left_alone_otherwise():
    conn = store.connect(":memory:")
    bare = _doc("Patrols resumed near the crossing.", source="a.txt")
    with store.transaction(conn):
        store.insert_document(conn, bare, "r")
        before = conn.total_changes
        store.add_document_source(conn, bare, "r")  # nothing missing to fill: one source row, no re-indexing
        assert conn.total_changes - before == 1
        store.add_document_source(conn, _doc("Patrols resumed near the crossing.", source="b", title="Qaim report"), "r")
    rows, total = store.find_documents(conn, store.DocumentFilter(text="qaim"))
    assert total == 1 and rows[0]["id"] == bare.id
    rows, total = store.find_documents(conn, store.DocumentFilter(text="crossing"))
    assert total == 1  # re-indexed once with the title, not twice


def test_runs_count_items_in_the_same_transaction():
    conn = store.connect(":memory:")
    with store.transaction(conn):
        run = store.start_run(conn, ["x"])
        store.record_item(conn, run, "a.txt", "added", document="d1")
        store.record_item(conn, run, "b.bin", "skipped", reason="binary content")
    with store.transaction(conn):
        row = store.finish_run(conn, run)
    assert (row["added"], row["skipped"], row["status"]) == (1, 1, "finished")
    assert [r["reason"] for r in store.run_items(conn, run, status="skipped")] == ["binary content"]


def test_interrupted_runs_are_closed_not_deleted():
    conn = store.connect(":memory:")
    with store.transaction(conn):
        run = store.start_run(conn, ["x"])
    assert store.close_interrupted_runs(conn) == 1
    assert conn.execute("SELECT status FROM runs WHERE id = ?", (run,)).fetchone()[0] == "interrupted"


def test_unknown_sqlite_file_is_an_error_not_a_crash(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not an orbat database"):
        store.connect(str(bad))
