"""Temporal expressions: recognition in text and normalisation to TimeSpan.

Every sentence here is invented for the test. Most cases are read against a publication
date of Tuesday 2025-06-17.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from orbat.errors import InputError
from orbat.model import TimeSpan
from orbat.nlp.dates import TemporalExpression, find_temporal_expressions, normalise_temporal

PUB = "2025-06-17"  # a Tuesday
SHARED = Path(__file__).resolve().parents[3] / "shared"
PRECISIONS = {"day", "week", "month", "season", "year", "unknown"}


def _expression(text: str, wanted: str, published: str | None) -> TemporalExpression:
    found = find_temporal_expressions(text, published=published)
    for e in found:
        if e.text == wanted:
            assert text[e.start:e.end] == e.text
            return e
    raise AssertionError(f"{wanted!r} not found in {text!r}; found {[e.text for e in found]}")


# (published, sentence, expected expression text, start, end, precision)
FIND_CASES = [
    # weekdays and "since"
    (PUB, "Militia fighters clashed with police on Saturday near the crossing.", "Saturday", "2025-06-14", "2025-06-14", "day"),
    (PUB, "Reinforcements have poured into the base since Monday.", "since Monday", "2025-06-16", "2025-06-17", "day"),
    (PUB, "Officials met in the capital on Friday.", "Friday", "2025-06-13", "2025-06-13", "day"),
    (PUB, "The decision was announced on Tuesday.", "Tuesday", "2025-06-17", "2025-06-17", "day"),
    (PUB, "The depot was struck last Tuesday.", "last Tuesday", "2025-06-10", "2025-06-10", "day"),
    (PUB, "Rockets hit the airfield on Tuesday night.", "Tuesday night", "2025-06-17", "2025-06-17", "day"),
    (PUB, "Rebels entered the town at dawn on Wednesday, June 11, 2025.", "Wednesday, June 11, 2025", "2025-06-11", "2025-06-11", "day"),
    (PUB, "Clashes erupted along the river over the weekend.", "the weekend", "2025-06-14", "2025-06-15", "day"),
    (PUB, "The border has been porous since 2011.", "since 2011", "2011-01-01", "2025-06-17", "year"),
    (PUB, "Trade has recovered since March.", "since March", "2025-03-01", "2025-06-17", "month"),
    # months, relative and with parts
    (PUB, "The governor fled the province last December.", "last December", "2024-12-01", "2024-12-31", "month"),
    ("2025-12-10", "The governor fled the province last December.", "last December", "2024-12-01", "2024-12-31", "month"),
    ("2026-01-25", "The governor fled the province last December.", "last December", "2025-12-01", "2025-12-31", "month"),
    (PUB, "The offensive began in early January.", "early January", "2025-01-01", "2025-01-10", "month"),
    ("2026-01-25", "The offensive began in early January.", "early January", "2026-01-01", "2026-01-10", "month"),
    (PUB, "Talks stalled in mid-March.", "mid-March", "2025-03-11", "2025-03-20", "month"),
    (PUB, "Shelling intensified in late April.", "late April", "2025-04-21", "2025-04-30", "month"),
    (PUB, "The convoy was expected by the end of May.", "the end of May", "2025-05-21", "2025-05-31", "month"),
    (PUB, "The militia was dissolved in December.", "December", "2024-12-01", "2024-12-31", "month"),
    (PUB, "The crossing reopened in June.", "June", "2025-06-01", "2025-06-30", "month"),
    (PUB, "Tensions have eased this month.", "this month", "2025-06-01", "2025-06-30", "month"),
    (PUB, "The ministry announced its budget last month.", "last month", "2025-05-01", "2025-05-31", "month"),
    (PUB, "A new commander was named earlier this month.", "earlier this month", "2025-06-01", "2025-06-17", "month"),
    (PUB, "Shelling continued from June to August 2014.", "from June to August 2014", "2014-06-01", "2014-08-31", "month"),
    (PUB, "Negotiations ran between March and May.", "between March and May", "2025-03-01", "2025-05-31", "month"),
    (PUB, "The brigade was formed in January 2024.", "January 2024", "2024-01-01", "2024-01-31", "month"),
    (PUB, "Its commander was appointed in Jan. 2024 after a purge.", "Jan. 2024", "2024-01-01", "2024-01-31", "month"),
    (PUB, "A second unit followed in early March 2023.", "early March 2023", "2023-03-01", "2023-03-10", "month"),
    # rolling spans ending at publication
    (PUB, "Envoys have shuttled between the capitals over the past two months.", "the past two months", "2025-04-17", "2025-06-17", "month"),
    (PUB, "Drone attacks have doubled over the last three weeks.", "the last three weeks", "2025-05-27", "2025-06-17", "week"),
    (PUB, "Several checkpoints changed hands in recent days.", "recent days", "2025-06-10", "2025-06-17", "day"),
    (PUB, "Recruitment has slowed over the past year.", "the past year", "2024-06-17", "2025-06-17", "year"),
    (PUB, "Nine shells fell on the suburb in the past 24 hours.", "the past 24 hours", "2025-06-16", "2025-06-17", "day"),
    (PUB, "Mondays raid was the third this month.", "Mondays", "2025-06-16", "2025-06-16", "day"),
    (PUB, "More transfers are expected in the coming days.", "the coming days", "2025-06-17", "2025-06-24", "day"),
    # years, ranges, decades, seasons
    (PUB, "The crossing reopened in 2019.", "2019", "2019-01-01", "2019-12-31", "year"),
    (PUB, "The faction operated in the valley between 2011 and 2024.", "between 2011 and 2024", "2011-01-01", "2024-12-31", "year"),
    (PUB, "Its fighters held the town from 2014 to 2017.", "from 2014 to 2017", "2014-01-01", "2017-12-31", "year"),
    (PUB, "The 2014–2017 occupation left the town in ruins.", "2014–2017", "2014-01-01", "2017-12-31", "year"),
    (PUB, "A 2011-2024 timeline of the group is attached.", "2011-2024", "2011-01-01", "2024-12-31", "year"),
    (PUB, "Smuggling networks flourished in the 1990s.", "the 1990s", "1990-01-01", "1999-12-31", "year"),
    (PUB, "The wing was founded in the late 1980s.", "the late 1980s", "1987-01-01", "1989-12-31", "year"),
    (PUB, "The pact dates from early 2014.", "early 2014", "2014-01-01", "2014-04-30", "year"),
    (PUB, "Troops withdrew in mid-2019.", "mid-2019", "2019-05-01", "2019-08-31", "year"),
    (PUB, "Attacks dropped sharply last year.", "last year", "2024-01-01", "2024-12-31", "year"),
    (PUB, "The checkpoint will be handed over later this year.", "later this year", "2025-06-17", "2025-12-31", "year"),
    (PUB, "The alliance frayed towards the end of last year.", "the end of last year", "2024-09-01", "2024-12-31", "year"),
    (PUB, "The militia seized the dam in summer 2014.", "summer 2014", "2014-06-01", "2014-08-31", "season"),
    (PUB, "The road was closed in the spring of 2016.", "the spring of 2016", "2016-03-01", "2016-05-31", "season"),
    (PUB, "Supplies ran short in winter 2013-14.", "winter 2013-14", "2013-12-01", "2014-02-28", "season"),
    (PUB, "Fighting flared again last summer.", "last summer", "2024-06-01", "2024-08-31", "season"),
    # explicit dates
    (PUB, "The ceasefire was signed on January 23, 2026.", "January 23, 2026", "2026-01-23", "2026-01-23", "day"),
    (PUB, "Elections are due on 23 January 2026.", "23 January 2026", "2026-01-23", "2026-01-23", "day"),
    (PUB, "The statement was issued on Jan. 23 in the capital.", "Jan. 23", "2025-01-23", "2025-01-23", "day"),
    (PUB, "Airstrikes resumed on Dec. 18, 2025, officials said.", "Dec. 18, 2025", "2025-12-18", "2025-12-18", "day"),
    (PUB, "The town fell on June 29, 2014.", "June 29, 2014", "2014-06-29", "2014-06-29", "day"),
    (PUB, "The order is dated 2025-06-10.", "2025-06-10", "2025-06-10", "2025-06-10", "day"),
    (PUB, "The parade was held on January 6.", "January 6", "2025-01-06", "2025-01-06", "day"),
    (PUB, "A meeting is planned for June 20.", "June 20", "2025-06-20", "2025-06-20", "day"),
    (PUB, "The raid took place on July 4.", "July 4", "2024-07-04", "2024-07-04", "day"),
    (PUB, "Shells fell on the town on June 13-14.", "June 13-14", "2025-06-13", "2025-06-14", "day"),
    (PUB, "The decree dated 25/03/2017 was read aloud.", "25/03/2017", "2017-03-25", "2017-03-25", "day"),
    (PUB, "Wed 05 Apr 2017 The monitor reported shelling.", "Wed 05 Apr 2017", "2017-04-05", "2017-04-05", "day"),
    (PUB, "The deal was struck on the 3rd of March 2020.", "the 3rd of March 2020", "2020-03-03", "2020-03-03", "day"),
    # days relative to publication
    (PUB, "The commander spoke to reporters yesterday.", "yesterday", "2025-06-16", "2025-06-16", "day"),
    (PUB, "Border guards are on alert today.", "today", "2025-06-17", "2025-06-17", "day"),
    (PUB, "Patrols were doubled this week.", "this week", "2025-06-16", "2025-06-22", "week"),
    (PUB, "The group announced the merger last week.", "last week", "2025-06-09", "2025-06-15", "week"),
    (PUB, "Convoys will move next week.", "next week", "2025-06-23", "2025-06-29", "week"),
    (PUB, "The bridge was destroyed two days ago.", "two days ago", "2025-06-15", "2025-06-15", "day"),
    (PUB, "Local polls took place a few days ago.", "a few days ago", "2025-06-12", "2025-06-15", "day"),
    (PUB, "The leader was killed three weeks ago.", "three weeks ago", "2025-05-26", "2025-06-01", "week"),
    (PUB, "Airstrikes hit the depot six months ago.", "six months ago", "2024-12-01", "2024-12-31", "month"),
    (PUB, "Shelling resumed a week earlier, residents said.", "a week earlier", "2025-06-09", "2025-06-15", "week"),
    # shifts against a date elsewhere in the text
    (PUB, "The air campaign began on June 13. Militias mobilised a day after the air campaign began.",
     "a day after the air campaign began", "2025-06-14", "2025-06-14", "day"),
    (PUB, "The attack on the depot came on May 2. Two days after the attack, the base was emptied.",
     "Two days after the attack", "2025-05-04", "2025-05-04", "day"),
    (PUB, "The border was sealed a week before the election on May 11.",
     "a week before the election on May 11", "2025-04-28", "2025-05-04", "week"),
    (PUB, "The dam was captured on March 3. A week earlier, the militia had massed nearby.",
     "A week earlier", "2025-02-24", "2025-03-02", "week"),
    (PUB, "The town fell on April 2. The next day, the militia withdrew.", "The next day", "2025-04-03", "2025-04-03", "day"),
    # partial publication dates
    ("2017-07", "Fears grew towards the end of May.", "the end of May", "2017-05-21", "2017-05-31", "month"),
    ("2017-07", "Raids increased last month.", "last month", "2017-06-01", "2017-06-30", "month"),
    ("2017-07", "Two villages were retaken on Saturday.", "Saturday", "2017-07-01", "2017-07-29", "month"),
    ("2017", "Attacks rose last year.", "last year", "2016-01-01", "2016-12-31", "year"),
    ("2017-05", "The base was taken on May 29.", "May 29", "2017-05-29", "2017-05-29", "day"),
    ("2017", "The base was taken in May.", "May", "2017-05-01", "2017-05-31", "month"),
    # month names tied to a relative year, weeks of a month, weekends
    (PUB, "The inquiry reported in October last year that talks had failed.", "October last year", "2024-10-01", "2024-10-31", "month"),
    (PUB, "The push began in the first week of March.", "the first week of March", "2025-03-01", "2025-03-07", "month"),
    ("2025-06-18", "Leaders will meet this weekend in the capital.", "this weekend", "2025-06-21", "2025-06-22", "day"),
]


@pytest.mark.parametrize(("published", "sentence", "wanted", "start", "end", "precision"), FIND_CASES)
def test_find_normalises_expression(published, sentence, wanted, start, end, precision):
    e = _expression(sentence, wanted, published)
    assert (e.time.start, e.time.end, e.time.precision) == (start, end, precision)


# (sentence, a substring no expression may overlap)
NEGATIVE_CASES = [
    ("The drone struck Tower 22 near the border.", "22"),
    ("Brigade 45 moved north overnight.", "45"),
    ("A force of 3,000 troops guards the frontier.", "3,000"),
    ("Officials said 7,000 ISIS detainees remain in the camps.", "7,000"),
    ("Two F-16 jets patrolled the area.", "16"),
    ("The council adopted Resolution 2254 without a vote.", "2254"),
    ("The council recalled Resolution 2170 in its statement.", "2170"),
    ("The army marked the 105th anniversary of its founding.", "105th"),
    ("Call +964 770 2019 456 for details.", "2019"),
    ("See page 2019 of the annex.", "2019"),
    ("About 2000 fighters joined the offensive.", "2000"),
    ("Some 2,000 families fled the district.", "2,000"),
    ("The Mirage 2000 jets were grounded.", "2000"),
    ("The 13-year war displaced millions.", "13-year"),
    ("The convoy may arrive later in the evening.", "may"),
    ("The Arab Spring reached the province.", "Spring"),
    ("Residents recalled the fall of the regime.", "fall"),
    ("The group plans to march on the capital.", "march"),
    ("Newsweek reported the clash first.", "week"),
    ("The shells landed 1500 metres from the gate.", "1500"),
    ("In exchange 2000 Sunni residents left the town.", "2000"),
    ("The Vision 2030 plan was published.", "2030"),
]


@pytest.mark.parametrize(("sentence", "substring"), NEGATIVE_CASES)
def test_find_ignores_non_dates(sentence, substring):
    s0 = sentence.index(substring)
    s1 = s0 + len(substring)
    found = find_temporal_expressions(sentence, published=PUB)
    assert not [e.text for e in found if e.start < s1 and s0 < e.end]


NORMALISE_CASES = [
    ("on Saturday", PUB, TimeSpan("2025-06-14", "2025-06-14", "day")),
    ("last December", PUB, TimeSpan("2024-12-01", "2024-12-31", "month")),
    ("since Monday", PUB, TimeSpan("2025-06-16", "2025-06-17", "day")),
    ("in 2019", PUB, TimeSpan("2019-01-01", "2019-12-31", "year")),
    ("Saturday's", PUB, TimeSpan("2025-06-14", "2025-06-14", "day")),
    ("Tuesday at 3 p.m.", PUB, TimeSpan("2025-06-17", "2025-06-17", "day")),
    ("the 1990s", PUB, TimeSpan("1990-01-01", "1999-12-31", "year")),
    ("2016/09/12", PUB, TimeSpan("2016-09-12", "2016-09-12", "day")),  # left to dateparser
    ("January 23, 2026", None, TimeSpan("2026-01-23", "2026-01-23", "day")),
    ("since 2011", None, TimeSpan("2011-01-01", None, "year")),
    ("on Saturday", None, TimeSpan(None, None, "unknown")),
    ("yesterday", None, TimeSpan(None, None, "unknown")),
    ("last December", None, TimeSpan(None, None, "unknown")),
    ("Tower 22", PUB, None),
    ("3,000", PUB, None),
    ("3 p.m.", PUB, None),
    ("the 105th anniversary", PUB, None),
]


@pytest.mark.parametrize(("expression", "published", "expected"), NORMALISE_CASES)
def test_normalise_temporal(expression, published, expected):
    assert normalise_temporal(expression, published=published) == expected


ANCHORS = {
    "the air campaign began": TimeSpan("2025-06-13", "2025-06-13", "day"),
    "the attack": TimeSpan("2025-05-02", "2025-05-02", "day"),
    "the election": TimeSpan("2025-11-11", "2025-11-11", "day"),
    "the truce collapsed": TimeSpan("2025-03-01", "2025-03-31", "month"),
}


@pytest.mark.parametrize(("expression", "expected"), [
    ("a day after the air campaign began", TimeSpan("2025-06-14", "2025-06-14", "day")),
    ("a day after the air campaign against the depots began", TimeSpan("2025-06-14", "2025-06-14", "day")),
    ("two days after the attack", TimeSpan("2025-05-04", "2025-05-04", "day")),
    ("hours after the attack", TimeSpan("2025-05-02", "2025-05-02", "day")),
    ("a week before the election", TimeSpan("2025-11-03", "2025-11-09", "week")),
    ("a month after the truce collapsed", TimeSpan("2025-04-01", "2025-04-30", "month")),
    ("two days after the ambush", TimeSpan(None, None, "unknown")),
])
def test_normalise_against_anchors(expression, expected):
    assert normalise_temporal(expression, published=PUB, anchors=ANCHORS) == expected


def test_unresolved_anchor_is_kept_with_its_phrase():
    text = "Fighters regrouped two days after the ambush, a commander said."
    e = _expression(text, "two days after the ambush", PUB)
    assert e.time == TimeSpan() and e.anchor == "the ambush"


def test_resolved_anchor_names_the_date_it_used():
    text = "The air campaign began on June 13. Militias mobilised a day after the air campaign began."
    assert _expression(text, "a day after the air campaign began", PUB).anchor == "June 13"


def test_anchor_sentence_must_mention_the_event():
    text = "Talks failed on June 2. Militias mobilised a day after the air campaign began."
    assert _expression(text, "a day after the air campaign began", PUB).time.precision == "unknown"


def test_relative_expressions_without_publication_date_are_unknown():
    found = find_temporal_expressions("The unit moved on Saturday and again last month.", published=None)
    assert [(e.text, e.time) for e in found] == [("Saturday", TimeSpan()), ("last month", TimeSpan())]


def test_candidates_that_cannot_be_normalised_are_kept():
    text = "The 13-year war ended; talks resumed on Saturday morning."
    candidates = [(4, 11), (text.index("Saturday"), text.index("Saturday") + len("Saturday morning"))]
    found = find_temporal_expressions(text, published=PUB, candidates=candidates)
    assert [(e.text, e.time.precision) for e in found] == [("13-year", "unknown"), ("Saturday morning", "day")]


def test_candidate_normalised_by_dateparser():
    text = "The leaked decree 2016/09/12 named new commanders."
    s = text.index("2016")
    found = find_temporal_expressions(text, published=PUB, candidates=[(s, s + 10)])
    assert [(e.text, e.time) for e in found] == [("2016/09/12", TimeSpan("2016-09-12", "2016-09-12", "day"))]


def test_longest_overlapping_find_wins():
    text = "The town was shelled on Monday, June 16, 2025 and again since Friday."
    found = find_temporal_expressions(text, published=PUB, candidates=[(text.index("June"), text.index("June") + 4)])
    assert [e.text for e in found] == ["Monday, June 16, 2025", "since Friday"]


def test_malformed_publication_date_is_an_input_error():
    with pytest.raises(InputError):
        find_temporal_expressions("on Saturday", published="17/06/2025")


def test_expressions_are_sorted_and_disjoint():
    text = ("Since Monday, convoys have moved. Last December the ruler fled; over the past two months, "
            "between 2011 and 2024 and in summer 2014, things changed. Two days ago the bridge fell.")
    found = find_temporal_expressions(text, published=PUB)
    assert len(found) == 6
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def _seed_expressions() -> dict[str, tuple[str, list[TemporalExpression]]]:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is missing: the seed texts live outside the repository")
    seeds = SHARED / "seeds"
    with open(seeds / "index.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = {}
    for row in rows:
        text = (seeds / row["file"]).read_text(encoding="utf-8")
        out[row["file"][:3]] = (text, find_temporal_expressions(text, published=row["published"]))
    return out


def _find(found: list[TemporalExpression], wanted: str) -> TemporalExpression:
    matches = [e for e in found if " ".join(e.text.split()) == wanted]
    assert matches, f"{wanted!r} not among {[e.text for e in found]}"
    return matches[0]


def test_seed_texts():
    seeds = _seed_expressions()
    for text, found in seeds.values():
        assert found
        for e in found:
            assert text[e.start:e.end] == e.text and e.time.precision in PRECISIONS
            if e.time.start and e.time.end:
                assert e.time.start <= e.time.end
        assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    _, jan26 = seeds["000"]
    assert _find(jan26, "early January").time == TimeSpan("2026-01-01", "2026-01-10", "month")
    assert _find(jan26, "January 2024").time == TimeSpan("2024-01-01", "2024-01-31", "month")
    assert _find(jan26, "Saturday").time == TimeSpan("2026-01-24", "2026-01-24", "day")
    text, jun25 = seeds["001"]
    assert _find(jun25, "last December").time == TimeSpan("2024-12-01", "2024-12-31", "month")
    assert _find(jun25, "since Monday").time == TimeSpan("2025-06-16", "2025-06-17", "day")
    assert _find(jun25, "the past two months").time.end == "2025-06-17"
    assert _find(jun25, "between 2011 and 2024").time == TimeSpan("2011-01-01", "2024-12-31", "year")
    shifted = [e for e in jun25 if e.text.startswith("a day after")]
    assert shifted and shifted[0].anchor
    assert not any("3,000" in e.text for e in jun25)
    _, jul17 = seeds["002"]
    assert _find(jul17, "the end of May").time == TimeSpan("2017-05-21", "2017-05-31", "month")
    _, may17 = seeds["003"]
    assert _find(may17, "May 29, 2017").time == TimeSpan("2017-05-29", "2017-05-29", "day")
    assert _find(may17, "Monday").time == TimeSpan("2017-05-29", "2017-05-29", "day")
    text, listing = seeds["004"]
    assert _find(listing, "Dec. 18, 2025").time == TimeSpan("2025-12-18", "2025-12-18", "day")
    assert not any("105th" in e.text or "7,000" in e.text for e in listing)


def test_scanning_around_needed_words_finds_exactly_what_a_whole_text_scan_finds():
    from pathlib import Path

    from orbat.nlp.date_rules import RULES
    from orbat.nlp.dates import _matches

    samples = sorted((Path(__file__).parents[2] / "samples" / "iraq_syria").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in samples] + [
        "Two days after the militia said it had withdrawn from the crossing near al-Qaim, which it held "
        "since early March 2017, fighting resumed; a week later, on Monday, 5 June, and again in mid-June.",
        "Since 2014-06-10 the group has held Mosul; last December and the past two months saw strikes 3 days ago.",
    ]
    assert len(texts) > 5
    compared = 0
    for text in texts:
        lower = text.lower()
        for rule in RULES:
            if rule.needs and any(w in lower for w in rule.needs):
                whole = [m.span() for m in rule.pattern.finditer(text)]
                assert [m.span() for m in _matches(rule, text, lower)] == whole, rule.name
                compared += len(whole)
    assert compared > 20
