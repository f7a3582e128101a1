"""A JSON document whose one big array is written item by item (GeoJSON features, STIX bundle objects),
so the document is never built in memory. Members after the array are allowed: JSON objects are
unordered, and a value known only at the end (a count, a content hash) can go there."""

from __future__ import annotations

import json
from typing import TextIO

__all__ = ["JsonArrayWriter", "dump"]


def dump(value: object) -> str:
    """Compact, deterministic JSON with non-ASCII text kept as it is (UTF-8 output)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


class JsonArrayWriter:
    """Writes ``{<head members>,"<key>":[`` then one item per line, then ``]<tail members>}``."""

    def __init__(self, out: TextIO, head: dict[str, object], key: str) -> None:
        self._out, self._first = out, True
        members = "".join(f"{dump(k)}:{dump(v)}," for k, v in head.items())
        out.write("{" + members + dump(key) + ":[\n")

    def add(self, item: object) -> str:
        """Write one item; returns its JSON text (callers may hash it)."""
        text = dump(item)
        self._out.write(text if self._first else ",\n" + text)
        self._first = False
        return text

    def close(self, tail: dict[str, object] | None = None) -> None:
        members = "".join(f",{dump(k)}:{dump(v)}" for k, v in (tail or {}).items())
        self._out.write("\n]" + members + "}\n")
