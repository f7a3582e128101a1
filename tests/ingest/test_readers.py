import io
import json

from orbat.errors import FetchError
from orbat.ingest.fetch import Fetched
from orbat.ingest.readers import normalise_published, parse_front_matter, read_documents
from orbat.ingest.sources import RawInput, iter_inputs
from orbat.model import Document, DocumentKind, Skip

LIMIT = 1_000_000


class FakeFetcher:
    """Serves pages from a dict; any other URL fails as a dead link would."""

    def __init__(self, pages: dict[str, tuple[str, bytes]]):
        self.pages = pages
        self.asked: list[str] = []

    def fetch(self, url: str) -> Fetched:
        self.asked.append(url)
        if url not in self.pages:
            raise FetchError(f"{url}: HTTP 404 Not Found")
        ctype, body = self.pages[url]
        return Fetched(url, url, 200, ctype, body, "2026-01-01T00:00:00+00:00")


def _read(raw: RawInput, fetcher=None):
    return list(read_documents(raw, fetcher=fetcher or FakeFetcher({}), max_document_chars=LIMIT))


def test_front_matter_gives_metadata_and_is_not_text():
    raw = RawInput("a.txt", "txt", b"---\ntitle: A title\noutlet: Desk\npublished: 2025-06-17\n---\nBody line.\n")
    (doc,) = _read(raw)
    assert (doc.title, doc.outlet, doc.published) == ("A title", "Desk", "2025-06-17")
    assert doc.text == "Body line.\n"


def test_text_starting_with_dashes_but_no_keys_is_kept_whole():
    meta, body = parse_front_matter("---\nnot: a known key\n---\nrest")
    assert meta == {} and body.startswith("---")


def test_jsonl_reads_each_line_and_reports_bad_ones_with_line_numbers():
    lines = [
        json.dumps({"text": "First report.", "id": "x1", "title": "One", "published": "May 30, 2017"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": "Second report.", "kind": "ocr"}),
    ]
    out = _read(RawInput("f.jsonl", "jsonl", "\n".join(lines).encode()))
    docs = [o for o in out if isinstance(o, Document)]
    skips = [o for o in out if isinstance(o, Skip)]
    assert [d.source_id for d in docs] == ["x1", None]
    assert docs[0].published == "2017-05-30"
    assert docs[1].kind == DocumentKind.OCR
    assert [s.source for s in skips] == ["f.jsonl:2", "f.jsonl:3", "f.jsonl:4"]
    assert "malformed JSON" in skips[0].reason and "'text'" in skips[1].reason


def test_html_main_text_extracted_and_scripts_dropped():
    html = (
        b"<html><head><title>Border report</title><script>alert('x')</script></head><body>"
        b"<nav>Home | World</nav><article><h1>Border report</h1>"
        + b"<p>Fighters of a brigade moved toward the crossing on Monday, officials said.</p>" * 6
        + b"</article></body></html>"
    )
    (doc,) = _read(RawInput("p.html", "html", html))
    assert isinstance(doc, Document)
    assert "crossing" in doc.text and "alert" not in doc.text


def test_html_of_only_scripts_is_skipped_with_reason():
    html = b"<html><body><script>var a = 1;</script><script>document.write('x')</script></body></html>"
    (skip,) = _read(RawInput("s.html", "html", html))
    assert isinstance(skip, Skip) and "no main text" in skip.reason


def test_binary_and_empty_inputs_get_one_line_reasons():
    png = _read(RawInput("a.txt", "txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256))))
    empty = _read(RawInput("b.txt", "txt", b""))
    blank = _read(RawInput("c.txt", "txt", b"  \n\n "))
    for (skip,) in (png, empty, blank):
        assert isinstance(skip, Skip) and "\n" not in skip.reason
    assert "PNG" in png[0].reason and "empty" in empty[0].reason


def test_too_long_document_is_skipped_not_truncated():
    out = list(read_documents(RawInput("big.txt", "txt", b"word " * 100), fetcher=FakeFetcher({}),
                              max_document_chars=50))
    assert isinstance(out[0], Skip) and "max_document_chars" in out[0].reason


def test_feed_entries_are_fetched_through_the_injected_fetcher():
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>One</title><link>https://example.org/1</link><pubDate>Tue, 17 Jun 2025 10:00:00 GMT</pubDate></item>
    <item><title>Two</title><link>https://example.org/dead</link></item>
    </channel></rss>"""
    page = b"<html><body><article>" + b"<p>Troops were sent to the border area this week, a ministry said.</p>" * 5
    fetcher = FakeFetcher({"https://example.org/1": ("text/html", page + b"</article></body></html>")})
    out = _read(RawInput("feed.rss", "feed", feed), fetcher)
    doc, skip = out
    assert isinstance(doc, Document) and doc.url == "https://example.org/1" and doc.outlet == "Wire"
    assert doc.published.startswith("2025-06-17")
    assert isinstance(skip, Skip) and "404" in skip.reason
    assert fetcher.asked == ["https://example.org/1", "https://example.org/dead"]


def test_url_targets_use_the_fetcher_and_dead_urls_become_skips():
    fetcher = FakeFetcher({"https://example.org/a.txt": ("text/plain", b"Plain words.")})
    out = list(iter_inputs(["https://example.org/a.txt", "https://example.org/gone"], fetcher=fetcher,
                           max_file_bytes=LIMIT))
    assert isinstance(out[0], RawInput) and out[0].format == "txt" and out[0].url == "https://example.org/a.txt"
    assert isinstance(out[1], Skip) and "404" in out[1].reason


def test_directory_walk_is_recursive_sorted_and_explains_unsupported_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two")
    (tmp_path / "1.txt").write_text("one")
    (tmp_path / "notes.md").write_text("# md")
    (tmp_path / ".hidden.txt").write_text("secret")
    out = list(iter_inputs([str(tmp_path), str(tmp_path / "missing.txt")], fetcher=FakeFetcher({}),
                           max_file_bytes=LIMIT))
    assert [o.source.removeprefix(str(tmp_path)) for o in out[:3]] == ["/1.txt", "/notes.md", "/b/2.txt"]
    assert isinstance(out[1], Skip) and "unsupported file type '.md'" in out[1].reason
    assert isinstance(out[3], Skip) and "no such file" in out[3].reason


def test_oversized_file_is_skipped_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    (skip,) = iter_inputs([str(big)], fetcher=FakeFetcher({}), max_file_bytes=1024)
    assert isinstance(skip, Skip) and "max_file_bytes" in skip.reason


def test_stdin_format_is_sniffed():
    (raw,) = iter_inputs(["-"], fetcher=FakeFetcher({}), stdin=io.BytesIO(b'{"text": "x"}\n'), max_file_bytes=LIMIT)
    assert raw.format == "jsonl" and raw.source == "stdin"


def test_unparseable_published_is_kept_as_given():
    assert normalise_published("sometime in spring") == "sometime in spring"
    assert normalise_published("2017-07") == "2017-07"
