import random
import re

from orbat.clean import clean_document, lexicon_from_words
from orbat.clean.whitespace import normalise_whitespace
from orbat.model import Document, DocumentKind, Segment, SegmentKind


def test_normalise_whitespace_tidies_lines_and_blank_runs():
    raw = "  First line   \r\nsecond line\t\n\n\n\n  third  \n\n"
    clean, offsets = normalise_whitespace(raw)
    assert clean == "First line\nsecond line\n\nthird"
    start = clean.index("third")
    assert raw[slice(*offsets.span_to_raw(start, start + 5))] == "third"


def test_clean_document_repairs_mojibake_and_marks_captions():
    raw = (
        "The brigadeâ€™s fighters moved east.   \n\n\n\n"
        "Fighters stand guard at a crossing near Rutba, Iraq, on March 3, 2026.\n\nMore body text.\n"
    )
    doc = clean_document(Document(id="d1", text=raw))
    assert doc.clean_text.startswith("The brigade’s fighters moved east.\n\nFighters")
    (caption,) = doc.segments
    assert caption.kind is SegmentKind.CAPTION
    raw_start, raw_end = doc.offsets.span_to_raw(caption.start, caption.end)
    assert raw[raw_start:raw_end] == doc.clean_text[caption.start : caption.end]


def test_clean_document_detects_ocr_and_maps_joined_words():
    column = (
        "Iran-backed mili-\ntias took con-\ntrol of the \nroad near the border \nwhile US-\nbacked units \n"
        "stayed in their \nbases along the \nriver and the \ncommander of the \nbrigade waited for \norders from the capital.\n"
    )
    doc = clean_document(Document(id="d2", text=column), lexicon=lexicon_from_words(["militias", "control"]))
    assert doc.kind is DocumentKind.OCR
    assert "militias took control" in doc.clean_text and "US-backed units" in doc.clean_text
    start = doc.clean_text.index("militias")
    assert column[slice(*doc.offsets.span_to_raw(start, start + 8))] == "mili-\ntias"


def test_clean_document_keeps_article_kind_and_carries_given_segments():
    raw = "  Section\n\nBody of the story.\n"
    doc = Document(id="d3", text=raw, kind=DocumentKind.ARTICLE, segments=(Segment(2, 9, SegmentKind.BOILERPLATE),))
    cleaned = clean_document(doc)
    assert cleaned.kind is DocumentKind.ARTICLE
    (seg,) = cleaned.segments
    assert cleaned.clean_text[seg.start : seg.end] == "Section"


def test_clean_document_handles_five_megabytes():
    rng = random.Random(7)
    lines = [
        "The brigade moved {} kilometres toward the crossing, officials said.",
        "The militiaâ€™s commander denied it.   ",
        "Gunmen stand guard at a checkpoint near Rutba, Iraq, on March {}, 2026.",
        "",
        "",
        "",
    ]
    raw = "\n".join(rng.choice(lines).format(rng.randint(1, 28)) for _ in range(170_000))
    assert len(raw) > 5_000_000
    doc = clean_document(Document(id="big", text=raw))
    assert "â€" not in doc.clean_text and "\n\n\n" not in doc.clean_text
    assert doc.segments and all(s.kind is SegmentKind.CAPTION for s in doc.segments)
    for match in list(re.finditer(r"commander|checkpoint", doc.clean_text))[::997]:
        raw_start, raw_end = doc.offsets.span_to_raw(match.start(), match.end())
        assert raw[raw_start:raw_end] == match.group()
