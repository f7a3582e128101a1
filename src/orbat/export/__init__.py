"""Exports: one module per format, each rendering query results as a stream.

Every writer is ``write_X(conn, out) -> dict[str, int]``: it streams the store to the text file-like
``out`` (only ``out.write`` is used) and returns counts of what it wrote, by type.
"""

from collections.abc import Callable
from sqlite3 import Connection
from typing import TextIO

from orbat.export.acled import write_acled
from orbat.export.csv import write_csv
from orbat.export.geojson import write_geojson
from orbat.export.graphml import write_graphml
from orbat.export.jsonl import write_jsonl
from orbat.export.stix import write_stix

Writer = Callable[[Connection, TextIO], dict[str, int]]

FORMATS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "acled": write_acled,
    "geojson": write_geojson,
    "graphml": write_graphml,
    "stix": write_stix,
}

__all__ = ["FORMATS", "Writer", "write_acled", "write_csv", "write_geojson", "write_graphml", "write_jsonl",
           "write_stix"]  # fmt: skip
