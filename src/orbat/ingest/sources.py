"""Expanding what the user named (files, directories, ``-``, URLs) into raw inputs."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from orbat.errors import FetchError
from orbat.ingest.fetch import Fetcher
from orbat.model import Skip

__all__ = ["RawInput", "iter_inputs", "SUPPORTED_SUFFIXES", "is_url"]

SUPPORTED_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}


@dataclass(frozen=True, slots=True)
class RawInput:
    source: str  # path, URL or "stdin"
    format: str  # txt | jsonl | html | feed
    data: bytes = b""
    path: Path | None = None  # set instead of data for files read lazily (JSONL streams)
    url: str | None = None
    retrieved: str | None = None


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def iter_inputs(
    targets: Sequence[str], *, fetcher: Fetcher, stdin: BinaryIO | None = None, max_file_bytes: int
) -> Iterator[RawInput | Skip]:
    """Each named target in order; directories recursively in sorted order, hidden entries left out."""
    for target in targets:
        if target == "-":
            yield _stdin_input(stdin)
        elif is_url(target):
            yield from _url_input(target, fetcher)
        else:
            path = Path(target)
            if path.is_dir():
                for file in _walk(path):
                    yield _file_input(file, max_file_bytes)
            elif path.exists():
                yield _file_input(path, max_file_bytes)
            else:
                yield Skip(target, "no such file or directory")


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _file_input(path: Path, max_file_bytes: int) -> RawInput | Skip:
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(SUPPORTED_SUFFIXES))
        return Skip(str(path), f"unsupported file type {path.suffix or '(none)'!r}; orbat reads {known}")
    if not path.is_file():
        return Skip(str(path), "not a regular file")
    if fmt == "jsonl":
        return RawInput(str(path), fmt, path=path)  # streamed line by line, whatever its size
    size = path.stat().st_size
    if size > max_file_bytes:
        return Skip(
            str(path), f"file is {size / 2**20:.1f} MiB, over the {max_file_bytes / 2**20:.0f} MiB limit (max_file_bytes)"
        )
    try:
        return RawInput(str(path), fmt, data=path.read_bytes())
    except OSError as exc:
        return Skip(str(path), f"cannot read file: {exc.strerror}")


def _stdin_input(stdin: BinaryIO | None) -> RawInput | Skip:
    if stdin is None:
        return Skip("stdin", "standard input is not available")
    data = stdin.read()
    head = data.lstrip()[:1]
    fmt = "jsonl" if head == b"{" else "html" if head == b"<" else "txt"
    return RawInput("stdin", fmt, data=data)


def _url_input(url: str, fetcher: Fetcher) -> Iterator[RawInput | Skip]:
    try:
        fetched = fetcher.fetch(url)
    except FetchError as exc:
        yield Skip(url, str(exc).removeprefix(f"{url}: "))
        return
    yield RawInput(url, _format_of(fetched.content_type, fetched.body), fetched.body, None, fetched.final_url,
                   fetched.retrieved)  # fmt: skip


def _format_of(content_type: str, body: bytes) -> str:
    ctype = content_type.split(";")[0].strip().lower()
    head = body.lstrip()[:200].lower()
    if "rss" in ctype or "atom" in ctype or head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head):
        return "feed"
    if ctype in ("text/xml", "application/xml") and (b"<rss" in body[:2000] or b"<feed" in body[:2000]):
        return "feed"
    if "html" in ctype or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if "json" in ctype:
        return "jsonl"
    return "txt"
