"""Writing rows as CSV (RFC 4180 quoting, newlines kept inside quoted fields), shared by the CSV and
ACLED exporters. Rows go out one at a time; lines end in "\\n" so a text file opened in the platform's
newline mode does not double the carriage return."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import TextIO

__all__ = ["write_table", "cell"]


def write_table(out: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> int:
    """Write a header and the rows (every key must be a column); returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: cell(v) for k, v in row.items()})
        n += 1
    return n


def cell(value: object) -> object:
    """A CSV cell: None is empty, a list is ";"-joined, anything else as it is."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    return value
