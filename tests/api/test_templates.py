"""Untrusted text stays text: no template marks anything safe, our JS never writes HTML from data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orbat.web import STATIC_DIR, TEMPLATES_DIR, make_environment

TEMPLATES = sorted(TEMPLATES_DIR.glob("*.html"))
SCRIPTS = sorted((STATIC_DIR / "js").glob("*.js"))


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_templates_never_mark_text_safe_nor_inline_scripts(path: Path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\|\s*safe\b|Markup\(|autoescape\s+false", text)
    assert not re.search(r"<script(?![^>]*\bsrc=)", text), "inline script: the CSP forbids it, use a static file"
    assert not re.search(r"\son[a-z]+\s*=", text) and "style=" not in text


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_our_scripts_never_write_html_from_data(path: Path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", text)


def test_environment_autoescapes_everything():
    env = make_environment()
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


@pytest.mark.parametrize("url,expected", [("https://example.org/a", "https://example.org/a"),
                                          ("javascript:alert(1)", ""), (" JAVASCRIPT:alert(1)", ""),
                                          ("data:text/html,x", ""), (None, "")])
def test_source_links_are_http_only(url, expected):
    assert make_environment().filters["safe_href"](url) == expected


def test_an_event_line_names_its_weapons_as_text():
    from orbat.model import Claim
    from orbat.store.claims import ClaimRecord

    claim = Claim("e1", "event", "kh", event_type="ASSAULT", actors=("kh",),
                  weapons=("rockets", "<img src=x onerror=alert(1)>"))
    page = make_environment().from_string('{% import "macros.html" as m %}{{ m.claim_line(r, names) }}')
    html = page.render(r=ClaimRecord(claim, "d1"), names={"kh": "Kataib Hezbollah"})
    assert "with rockets, &lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html
