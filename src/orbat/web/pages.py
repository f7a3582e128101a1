"""The Jinja2 environment of the UI: autoescaping everywhere, and the filters templates use.

Document text is untrusted: templates never mark it safe; they receive it in ``Piece``s and let
autoescaping do its work. Links to sources go through ``safe_href`` (http and https only).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2

from orbat.web.text import document_paragraphs, highlight

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "make_environment", "PREDICATE_LABELS"]

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"

PREDICATE_LABELS = {
    "part_of": "part of", "subordinate_of": "subordinate to", "commands": "commands", "leads": "leads",
    "member_of": "member of", "backed_by": "backed by", "backing": "backs", "allied_with": "allied with",
    "opposed_to": "opposed to", "designated_by": "designated by", "controls": "controls",
    "present_at": "present at", "event": "event", "alias_of": "alias of", "splinter_of": "splinter of",
    "merged_into": "merged into", "formed_from": "formed from", "front_for": "front for",
}  # fmt: skip


def safe_href(url: str | None) -> str:
    """The URL when it is http(s), else "" (a document's url is untrusted: no javascript: links)."""
    if not url:
        return ""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return ""
    return url.strip() if scheme in ("http", "https") else ""


def entity_name(entity_id: str | None, names: Mapping[str, str]) -> str:
    return "—" if entity_id is None else names.get(entity_id, entity_id)


def claim_date(record: Any) -> str:
    c = record.claim
    return (c.valid.start or c.reported or "undated")[:10]


def with_query(params: Mapping[str, str], **changes: Any) -> str:
    """The current query string with some parameters changed (None removes one)."""
    merged = {k: v for k, v in params.items() if k not in changes}
    merged.update({k: str(v) for k, v in changes.items() if v is not None})
    return "?" + urlencode(merged) if merged else "?"


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,  # every template, whatever its extension
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(safe_href=safe_href, name=entity_name, claim_date=claim_date, highlight=highlight,
                       paragraphs=document_paragraphs, predicate=lambda p: PREDICATE_LABELS.get(p, p))  # fmt: skip
    env.globals.update(with_query=with_query)
    return env
