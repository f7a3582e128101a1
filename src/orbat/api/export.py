"""Streaming an export: the writer runs in a worker thread on its own read-only connection and hands the
text over in chunks, so a large database never sits in memory whole."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

from starlette.responses import StreamingResponse

from orbat import store
from orbat.export import FORMATS

__all__ = ["stream_export", "MEDIA_TYPES"]

MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv", "geojson": "application/geo+json",
               "graphml": "application/xml", "stix": "application/json", "acled": "text/csv"}  # fmt: skip
_CHUNK_CHARS = 64 * 1024
_DONE = object()
_STALL_S = 120.0


class _QueueWriter:
    """A write-only text file that hands ~64 KiB chunks to a bounded queue."""

    def __init__(self, out: queue.Queue[object]) -> None:
        self.out, self.buffer, self.size = out, [], 0

    def write(self, text: str) -> int:
        self.buffer.append(text)
        self.size += len(text)
        if self.size >= _CHUNK_CHARS:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.buffer:
            self.out.put("".join(self.buffer), timeout=_STALL_S)  # queue.Full ends a stream nobody reads
            self.buffer, self.size = [], 0


def _produce(db_path: str, fmt: str, out: queue.Queue[object]) -> None:
    try:
        conn = store.connect(db_path, readonly=True)
        try:
            writer = _QueueWriter(out)
            FORMATS[fmt](conn, writer)
            writer.flush()
        finally:
            conn.close()
    except queue.Full:
        return  # the client went away
    except Exception as exc:  # noqa: BLE001 - handed to the consumer, which re-raises it
        _offer(out, exc)
    _offer(out, _DONE)


def _offer(out: queue.Queue[object], item: object) -> None:
    try:
        out.put(item, timeout=_STALL_S)
    except queue.Full:
        pass  # nobody is reading any more


def _chunks(db_path: str, fmt: str) -> Iterator[bytes]:
    out: queue.Queue[object] = queue.Queue(maxsize=8)
    threading.Thread(target=_produce, args=(db_path, fmt, out), daemon=True, name=f"export-{fmt}").start()
    while (item := out.get()) is not _DONE:
        if isinstance(item, Exception):
            raise item
        yield str(item).encode("utf-8")


def stream_export(db_path: str, fmt: str) -> StreamingResponse:
    return StreamingResponse(
        _chunks(db_path, fmt),
        media_type=MEDIA_TYPES.get(fmt, "application/octet-stream"),
        headers={"Content-Disposition": f'attachment; filename="orbat.{fmt}"'},
    )
