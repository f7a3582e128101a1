"""The record of every ingest run: counts, and one row per input with its outcome and reason."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import datetime, timezone

from orbat.model import utc_now_iso

__all__ = ["start_run", "record_item", "finish_run", "close_interrupted_runs", "list_runs", "run_items"]


def start_run(conn: sqlite3.Connection, args: list[str]) -> str:
    run_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    conn.execute(
        "INSERT INTO runs (id, started, status, args) VALUES (?, ?, 'running', ?)", (run_id, utc_now_iso(), json.dumps(args))
    )
    return run_id


def record_item(
    conn: sqlite3.Connection, run_id: str, source: str, status: str, *, reason: str | None = None,
    document: str | None = None,
) -> None:  # fmt: skip
    """One input's outcome; the run's counters move in the same transaction as the document."""
    conn.execute("INSERT INTO run_items VALUES (?, ?, ?, ?, ?)", (run_id, source, status, reason, document))
    column = {"added": "added", "duplicate": "duplicates", "skipped": "skipped", "listing_item": "listing_items",
              "reanalysed": "reanalysed"}[status]  # fmt: skip
    conn.execute(f"UPDATE runs SET {column} = {column} + 1 WHERE id = ?", (run_id,))


def finish_run(conn: sqlite3.Connection, run_id: str) -> sqlite3.Row:
    conn.execute("UPDATE runs SET status = 'finished', finished = ? WHERE id = ?", (utc_now_iso(), run_id))
    return conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()


def close_interrupted_runs(conn: sqlite3.Connection, *, except_run: str | None = None) -> int:
    """Mark runs left 'running' by a killed process as interrupted (their committed work stays)."""
    cur = conn.execute(
        "UPDATE runs SET status = 'interrupted' WHERE status = 'running' AND id IS NOT ?", (except_run,)
    )
    return cur.rowcount


def list_runs(conn: sqlite3.Connection, *, limit: int = 20) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM runs ORDER BY started DESC, id DESC LIMIT ?", (limit,)).fetchall()


def run_items(conn: sqlite3.Connection, run_id: str, *, status: str | None = None) -> list[sqlite3.Row]:
    sql = "SELECT rowid, * FROM run_items WHERE run_id = ?" + (" AND status = ?" if status else "") + " ORDER BY rowid"
    return conn.execute(sql, (run_id, status) if status else (run_id,)).fetchall()
