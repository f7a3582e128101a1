import pytest

from orbat.clean.hyphens import HyphenEvidence, keep_line_end_hyphen
from orbat.clean.lexicon import Lexicon, lexicon_from_words
from orbat.clean.ocr import looks_like_ocr, repair_ocr_text
from orbat.model import SegmentKind

LEXICON = lexicon_from_words(
    "militias control islamic unconstitutional brigade power sharing defence commander village".split()
)

COLUMN = """The brigade moved its mili-
tias towards the crossing 
and took con-
trol of the road, while US-
backed forces held the Deir ez-
Zor countryside and the al-
Tufuf unit stayed put.

Officials called the move uncon-
stitutional but the Is-
lamic State cells nearby kept 
quiet. Russian-
backed units and pro-
Iran groups watched from a 

distance as a power-
sharing deal was discussed in 
the border town.
"""


def _repaired(text, lexicon=LEXICON):
    clean, offsets, segments = repair_ocr_text(text, lexicon=lexicon)
    return clean, offsets, segments


@pytest.mark.parametrize(
    "word",
    ["militias", "control", "US-backed", "Deir ez-Zor", "al-Tufuf", "unconstitutional", "Islamic",
     "Russian-backed", "pro-Iran", "power-sharing"],
)
def test_repair_ocr_text_joins_split_words_and_keeps_real_hyphens(word):
    clean, _, _ = _repaired(COLUMN)
    assert word in clean


def test_repair_ocr_text_reflows_lines_and_joins_column_break():
    clean, _, _ = _repaired(COLUMN)
    paragraphs = clean.strip().split("\n\n")
    assert len(paragraphs) == 2
    assert "watched from a distance" in paragraphs[1]


def test_repair_ocr_text_maps_every_word_back_to_raw():
    clean, offsets, _ = _repaired(COLUMN)
    for word in ("militias", "control", "US-backed", "distance", "Islamic"):
        start = clean.index(word)
        raw_start, raw_end = offsets.span_to_raw(start, start + len(word))
        assert COLUMN[raw_start:raw_end].replace("-\n", "").replace("\n", "") == word.replace("-", "") or (
            COLUMN[raw_start:raw_end].replace("\n", "") == word
        )


def test_repair_ocr_text_joins_a_drop_capital():
    text = "T\nhe convoy crossed at dawn \nnear the old checkpoint and \nstopped for fuel before noon.\n" * 2
    clean, _, _ = _repaired(text, lexicon_from_words(["the", "convoy"]))
    assert clean.startswith("The convoy crossed")


def test_repair_ocr_text_marks_a_repeated_pull_quote():
    body = (
        "The commander said the brigade \nwould hold every village on \nthe river until the spring \n"
        "offensive ended and the \nroads were safe again for \ntraders from both sides.\n\n"
        "Other units moved north \nto guard the oil fields.\n\n"
    )
    quote = " Views\nThe brigade would \nhold every village \non the river until \nthe spring offensive ended.\n"
    clean, _, segments = _repaired(body + quote)
    (pull,) = [s for s in segments if s.kind is SegmentKind.PULL_QUOTE]
    assert clean[pull.start : pull.end].startswith("The brigade would hold every village")
    assert pull.note.startswith("repeats ")


def test_looks_like_ocr_true_for_columns_false_for_web_text():
    assert looks_like_ocr(COLUMN * 2)
    web = "Militias crossed the border on Monday, officials said, and took over two villages nearby.\n\n" * 10
    assert not looks_like_ocr(web)


@pytest.mark.parametrize(
    ("first", "second", "keep"),
    [
        ("US", "backed", True),
        ("Shia", "majority", True),
        ("Iran", "aligned", True),
        ("ez", "Zor", True),
        ("pro", "Iran", True),
        ("self", "defence", True),
        ("mili", "tias", False),
        ("con", "trol", False),
        ("Is", "lamic", False),
        ("pro", "vince", False),
        ("as", "sisted", False),
    ],
)
def test_keep_line_end_hyphen_rules(first, second, keep):
    lexicon = lexicon_from_words(["militias", "control", "islamic", "province", "assisted", "defence", "vince"])
    assert keep_line_end_hyphen(first, second, evidence=HyphenEvidence(), lexicon=lexicon) is keep


def test_keep_line_end_hyphen_trusts_the_document_itself():
    evidence = HyphenEvidence(words=frozenset({"assad"}), hyphenated=frozenset({"link-up"}))
    assert keep_line_end_hyphen("As", "sad", evidence=evidence, lexicon=Lexicon()) is False
    assert keep_line_end_hyphen("link", "up", evidence=evidence, lexicon=Lexicon()) is True
