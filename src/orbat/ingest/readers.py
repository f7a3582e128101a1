"""Turning raw inputs into Documents: plain text with front matter, JSONL, HTML, RSS/Atom feeds."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from collections.abc import Iterator
from typing import Any

from orbat.errors import FetchError, InputError
from orbat.ingest.decode import decode_bytes
from orbat.ingest.fetch import Fetcher
from orbat.ingest.sources import RawInput
from orbat.model import Document, DocumentKind, Skip, document_id

__all__ = ["read_documents", "make_document", "parse_front_matter", "normalise_published"]

_FRONT_KEYS = {"title", "url", "outlet", "published", "updated", "id", "kind"}
_KINDS = {"article": DocumentKind.ARTICLE, "ocr": DocumentKind.OCR, "plain": DocumentKind.PLAIN,
          "listing": DocumentKind.LISTING, "listing_item": DocumentKind.LISTING_ITEM}  # fmt: skip
_ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$")


def read_documents(raw: RawInput, *, fetcher: Fetcher, max_document_chars: int) -> Iterator[Document | Skip]:
    """Every document in one raw input, or a Skip with a one-line reason for each part that fails."""
    try:
        if raw.format == "jsonl":
            yield from _read_jsonl(raw, max_document_chars)
        elif raw.format == "html":
            yield _read_html(raw.data, raw.source, raw.url, raw.retrieved, max_document_chars)
        elif raw.format == "feed":
            yield from _read_feed(raw, fetcher, max_document_chars)
        else:
            yield _read_txt(raw, max_document_chars)
    except InputError as exc:
        yield Skip(raw.source, str(exc))


def make_document(text: str, *, source: str, max_document_chars: int, **meta: Any) -> Document | Skip:
    """Validate text and metadata and build a Document with its deterministic id."""
    if "\x00" in text:
        return Skip(source, "text contains NUL characters (binary content?)")
    if not text.strip():
        return Skip(source, "empty document (no text after removing whitespace)")
    if len(text) > max_document_chars:
        return Skip(
            source, f"document has {len(text):,} characters, over the {max_document_chars:,} limit (max_document_chars)"
        )
    url = (meta.get("url") or None) and str(meta["url"]).strip()
    kind = _KINDS.get(str(meta.get("kind") or "").lower(), DocumentKind.PLAIN if not url else DocumentKind.ARTICLE)
    return Document(
        id=document_id(text, url),
        text=text,
        kind=kind,
        title=_opt_str(meta.get("title")),
        url=url,
        outlet=_opt_str(meta.get("outlet")),
        published=normalise_published(meta.get("published")),
        updated=normalise_published(meta.get("updated")),
        retrieved=_opt_str(meta.get("retrieved")),
        source_id=_opt_str(meta.get("id")),
        source=source,
    )


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def normalise_published(value: Any) -> str | None:
    """ISO 8601 (possibly partial) when it can be read; otherwise the text as given, never dropped."""
    text = _opt_str(value)
    if text is None or _ISO_PARTIAL.match(text):
        return text
    from dateutil import parser as date_parser  # dateparser depends on it; imported lazily (cold path)

    try:
        return date_parser.parse(text).date().isoformat()
    except (ValueError, OverflowError):
        return text


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``---`` / ``key: value`` lines / ``---`` from the start of a text file."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "\n".join(lines[i + 1 :]).lstrip("\n")
        key, sep, value = line.partition(":")
        if not sep or key.strip().lower() not in _FRONT_KEYS:
            return {}, text  # not front matter after all: keep the text whole
        meta[key.strip().lower()] = value.strip().strip('"').strip("'")
    return {}, text


def _read_txt(raw: RawInput, max_chars: int) -> Document | Skip:
    text = decode_bytes(raw.data, source=raw.source)
    meta, body = parse_front_matter(text)
    meta.setdefault("url", raw.url or "")
    return make_document(body, source=raw.source, max_document_chars=max_chars, retrieved=raw.retrieved, **meta)


def _read_jsonl(raw: RawInput, max_chars: int) -> Iterator[Document | Skip]:
    stream = raw.path.open("rb") if raw.path is not None else iter(raw.data.splitlines(keepends=True))
    try:
        for lineno, line in enumerate(stream, start=1):
            where = f"{raw.source}:{lineno}"
            if line.strip():
                yield _jsonl_record(line, where, max_chars)
    finally:
        if hasattr(stream, "close"):
            stream.close()


def _jsonl_record(line: bytes, where: str, max_chars: int) -> Document | Skip:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Skip(where, f"line is not valid UTF-8 (byte {exc.start})")
    except json.JSONDecodeError as exc:
        return Skip(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return Skip(where, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        return Skip(where, "missing required field 'text' (a string)")
    meta = {k: record.get(k) for k in ("title", "url", "outlet", "published", "updated", "id", "kind")}
    return make_document(text, source=where, max_document_chars=max_chars, **meta)


def _read_html(data: bytes, source: str, url: str | None, retrieved: str | None, max_chars: int) -> Document | Skip:
    import trafilatura  # heavy; only HTML needs it

    html = decode_bytes(data, source=source)
    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if result is None:
        return Skip(source, "no main text found in the HTML (only scripts, navigation or markup?)")
    fields = result if isinstance(result, dict) else result.as_dict()
    text = fields.get("text") or ""
    if not text.strip():
        return Skip(source, "no main text found in the HTML (only scripts, navigation or markup?)")
    meta = {"title": fields.get("title"), "url": url or fields.get("url"), "outlet": fields.get("sitename"),
            "published": fields.get("date"), "kind": "article"}  # fmt: skip
    return make_document(text, source=source, max_document_chars=max_chars, retrieved=retrieved, **meta)


def _read_feed(raw: RawInput, fetcher: Fetcher, max_chars: int) -> Iterator[Document | Skip]:
    import feedparser

    feed = feedparser.parse(raw.data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        yield Skip(raw.source, f"no feed entries found{f' ({reason})' if reason else ''}")
        return
    outlet = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        where = link or f"{raw.source}#entry{n}"
        if link:
            try:
                fetched = fetcher.fetch(link)
            except FetchError as exc:
                yield Skip(link, str(exc).removeprefix(f"{link}: "))
                continue
            doc = _read_html(fetched.body, link, fetched.final_url, fetched.retrieved, max_chars)
        else:
            summary = re.sub(r"<[^>]+>", " ", entry.get("summary", ""))
            doc = make_document(summary, source=where, max_document_chars=max_chars, title=entry.get("title"))
        if isinstance(doc, Document):
            published = entry.get("published") or entry.get("updated")
            doc = _with_feed_meta(doc, outlet, published)
        yield doc


def _with_feed_meta(doc: Document, outlet: str | None, published: str | None) -> Document:
    # the feed names its outlet better than a hostname guessed from the page
    return replace(doc, outlet=outlet or doc.outlet, published=doc.published or normalise_published(published))
