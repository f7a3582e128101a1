from orbat.clean.listing import locate_listing_items, looks_like_listing_page, split_listing_page
from orbat.model import Document, DocumentKind, SegmentKind, document_id

PAGE = """Syria

Border brigade reinforces posts along the Euphrates after clashes

The deployment follows a week of skirmishes with tribal gunmen near the river crossing.

Fighters of a border brigade patrol a berm near Tarfawi, Iraq, on February 2, 2026.

Kurdish-led force hands over two prisons to the new authorities

Officials said the handover was agreed in talks in the capital. More transfers are planned.

Guards stand at a prison gate in Hasakah, Syria, January 30, 2026.

Drone strike hits convoy on desert road, monitors say

Militia leader vows to keep weapons despite pressure - analysis

The group says its arms protect the border region from insurgents.
"""


def _page(text=PAGE):
    return Document(
        id="dpage", text=text, url="https://news.example/syria", outlet="Example News",
        published="2026-02-03", source="page.txt",
    )


def test_looks_like_listing_page_true_for_front_page_false_for_article():
    assert looks_like_listing_page(PAGE)
    article = "\n\n".join(
        f"Paragraph {i} of the story says the brigade moved west and officials confirmed it on Monday." for i in range(12)
    )
    assert not looks_like_listing_page(article)


def test_split_listing_page_makes_one_item_per_headline():
    items = split_listing_page(_page())
    assert [item.title for item in items] == [
        "Border brigade reinforces posts along the Euphrates after clashes",
        "Kurdish-led force hands over two prisons to the new authorities",
        "Drone strike hits convoy on desert road, monitors say",
        "Militia leader vows to keep weapons despite pressure - analysis",
    ]


def test_split_listing_page_items_inherit_and_point_to_parent():
    page = _page()
    item = split_listing_page(page)[1]
    assert item.kind is DocumentKind.LISTING_ITEM
    assert (item.parent, item.outlet, item.published, item.source) == ("dpage", "Example News", "2026-02-03", "page.txt")
    assert item.id == document_id(item.text, "https://news.example/syria#dpage")


def test_split_listing_page_drops_section_label_and_keeps_teaser():
    first = split_listing_page(_page())[0]
    assert not first.text.startswith("Syria")
    assert "week of skirmishes" in first.text


def test_split_listing_page_marks_captions_inside_items():
    first = split_listing_page(_page())[0]
    captions = [first.text[s.start : s.end] for s in first.segments if s.kind is SegmentKind.CAPTION]
    assert captions == ["Fighters of a border brigade patrol a berm near Tarfawi, Iraq, on February 2, 2026."]
    headline = [s for s in first.segments if s.kind is SegmentKind.HEADLINE]
    assert first.text[headline[0].start : headline[0].end] == first.title


def test_locate_listing_items_spans_slice_the_page():
    for span in locate_listing_items(PAGE):
        assert PAGE[span.headline_start : span.headline_end] in PAGE[span.start : span.end]


def test_caption_above_headline_goes_to_the_item_below():
    text = (
        "Iraq\n\nOil ministry signs deal with northern refinery over exports\n\n"
        "A fighter walks past a market in Mosul, Iraq, March 1, 2026.\n\n"
        "Mosul market reopens years after the fighting ended\n\n"
        "Militia commander resigns after dispute over salaries\n\n"
        "Border crossing reopens to trucks after two weeks of closure\n"
    )
    items = split_listing_page(_page(text))
    assert items[1].title == "Mosul market reopens years after the fighting ended"
    assert items[1].text.startswith("A fighter walks past a market")


def test_split_listing_page_ids_are_unique_for_repeated_items():
    block = "Militia commander resigns after dispute over salaries\n\nHe left on Sunday.\n\n"
    items = split_listing_page(_page("Iraq\n\n" + block * 5))
    assert len({item.id for item in items}) == 5
