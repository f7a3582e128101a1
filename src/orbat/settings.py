"""Typed settings, built once at the edge (CLI, API) and passed down. Units are in the names."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

__all__ = ["Settings", "SETTINGS_HELP", "default_db_path"]


@dataclass(frozen=True, slots=True)
class Settings:
    db_path: str = "orbat.db"
    theatre: str = "iraq_syria"
    max_document_chars: int = 2_000_000
    max_file_bytes: int = 64 * 1024 * 1024
    fetch_timeout_s: float = 20.0
    fetch_max_bytes: int = 10 * 1024 * 1024
    minhash_permutations: int = 128
    near_duplicate_jaccard: float = 0.6
    shingle_words: int = 5
    batch_documents: int = 500
    job_documents: int = 20  # 50 left one of two workers idle for most of a job at the end: 5% slower on FA-KES
    workers: int = 1
    nlp: bool = True  # run recognition and resolution after cleaning


SETTINGS_HELP: dict[str, str] = {
    "db_path": "SQLite database file (--db or ORBAT_DB)",
    "theatre": "theatre pack used for recognition and resolution",
    "max_document_chars": "documents longer than this are skipped with a reason",
    "max_file_bytes": "files larger than this are skipped with a reason",
    "fetch_timeout_s": "timeout of one HTTP request when ingesting URLs or feeds",
    "fetch_max_bytes": "largest HTTP response body accepted",
    "minhash_permutations": "MinHash permutations used for near-duplicate detection",
    "near_duplicate_jaccard": "estimated Jaccard similarity above which two documents are one story",
    "shingle_words": "words per shingle for near-duplicate detection",
    "batch_documents": "documents written per database transaction (whole worker jobs)",
    "job_documents": "documents per worker job (at most batch_documents)",
    "workers": "worker processes for the per-document stages",
    "nlp": "run recognition and resolution during ingest",
}

assert set(SETTINGS_HELP) == {f.name for f in fields(Settings)}


def default_db_path(explicit: str | None = None) -> str:
    """--db wins, then ORBAT_DB, then ./orbat.db."""
    if explicit:
        return explicit
    return os.environ.get("ORBAT_DB") or str(Path("orbat.db"))
