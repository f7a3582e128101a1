"""Opening the SQLite database: WAL, one writer, schema migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from orbat.errors import StoreError
from orbat.store.schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["connect", "transaction", "schema_version"]


def connect(path: str, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating when needed) the database at ``path``; ``:memory:`` works too."""
    if readonly and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"no database at {path}; run `orbat ingest` first or pass --db PATH")
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30.0)
    except sqlite3.OperationalError as exc:
        raise StoreError(f"cannot open database {path}: {exc}; check the path and its permissions") from exc
    conn.row_factory = sqlite3.Row
    try:
        _prepare(conn, path, readonly)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path} is not an orbat database ({exc}); pass another --db PATH") from exc
    return conn


def _prepare(conn: sqlite3.Connection, path: str, readonly: bool) -> None:
    conn.execute("PRAGMA busy_timeout = 30000")
    # queries read thousands of scattered claim rows: a page cache of 64 MiB, and for read-only
    # connections (the API's, the query commands') memory-mapped reads of up to 1 GiB. Mapped pages
    # count as the process's resident memory, so the ingest writer does without them.
    conn.execute("PRAGMA cache_size = -65536")
    if readonly:
        conn.execute("PRAGMA mmap_size = 1073741824")
    if path != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    if not readonly:
        migrate(conn)
    elif schema_version(conn) != SCHEMA_VERSION:
        raise StoreError(f"database {path} has schema version {schema_version(conn)}; run `orbat ingest` to migrate")


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration newer than the database. Each runs in its own transaction."""
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"database schema version {current} is newer than this orbat ({SCHEMA_VERSION}); upgrade orbat"
        )
    for version in range(current + 1, SCHEMA_VERSION + 1):
        with transaction(conn):
            for statement in _statements(MIGRATIONS[version - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
    return SCHEMA_VERSION


def _statements(script: str) -> Iterator[str]:
    """Split a migration script into statements (sqlite3.complete_statement knows about triggers)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception: all of it lands or none of it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
