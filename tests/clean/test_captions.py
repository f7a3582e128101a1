import pytest

from orbat.clean.captions import find_captions
from orbat.model import SegmentKind


def _marked(text):
    return [(s.kind, text[s.start : s.end]) for s in find_captions(text)]


def test_find_captions_marks_repeated_caption_and_its_credit():
    caption = "Fighters of a border brigade patrol a berm near Tarfawi, Iraq, on February 2, 2026."
    text = f"Body paragraph about the border.\n\n{caption}\n{caption} (credit: JANE ROE / AFP via Getty Images)\n\nMore body."
    marked = _marked(text)
    assert (SegmentKind.CAPTION, caption) in marked
    assert (SegmentKind.CREDIT, "(credit: JANE ROE / AFP via Getty Images)") in marked
    assert sum(kind is SegmentKind.CAPTION for kind, _ in marked) == 2


@pytest.mark.parametrize(
    "credit",
    ["Stringer/Reuters", "REUTERS/Jane Roe", "AP Photo/John Doe", "(Reuters)", "Jane Roe/AFP via Getty Images"],
)
def test_find_captions_marks_agency_credits(credit):
    text = f"Gunmen ride in a pickup truck near a checkpoint outside Raqqa. {credit}"
    marked = _marked(text)
    assert (SegmentKind.CREDIT, credit) in marked
    assert any(kind is SegmentKind.CAPTION for kind, _ in marked)


def test_find_captions_marks_agency_photo_code():
    text = "RTX9ZZ99Q Fighters ride on a truck near the border, Iraq May 2, 2019. Stringer/Reuters"
    marked = _marked(text)
    assert marked[0] == (SegmentKind.CREDIT, "RTX9ZZ99Q")
    assert marked[-1] == (SegmentKind.CREDIT, "Stringer/Reuters")


def test_find_captions_marks_photo_line_as_credit():
    assert _marked("Body.\n\nPhoto: Jane Roe\n\nBody.") == [(SegmentKind.CREDIT, "Photo: Jane Roe")]


@pytest.mark.parametrize(
    "line",
    [
        "Members of a tribal force stand guard at a gate in Al-Qaim, west of Iraq on March 3, 2026.",
        "A fighter waves a flag in Hasakah, Syria, April 9, 2025",
        "A commander poses for a portrait at his base back in 2021.",
        "Displaced families walk along a road in Deir ez-Zor province on May 1, 2025; illustrative.",
    ],
)
def test_find_captions_marks_picture_descriptions(line):
    text = f"The story opens here.\n\n{line}\n\nThe story goes on."
    assert _marked(text) == [(SegmentKind.CAPTION, line)]


@pytest.mark.parametrize(
    "line",
    [
        "The brigade withdrew from the town in January 2024.",
        "Commanders said the unit patrols the border daily since March 5, 2026.",
        "This shows how the group is seeking to show strength. Its rivals regrouped in November 2025.",
        "The militia wants to show force in the west before the vote on May 3, 2026.",
    ],
)
def test_find_captions_leaves_body_sentences_with_dates(line):
    text = f"The story opens here.\n\n{line}\n\nThe story goes on."
    assert _marked(text) == []


def test_find_captions_segments_are_ordered_and_disjoint():
    text = "A guard stands at a post in Rutba, Iraq, June 1, 2024. REUTERS/Jane Roe\n\nBody text."
    segments = find_captions(text)
    assert all(a.end <= b.start for a, b in zip(segments, segments[1:]))
