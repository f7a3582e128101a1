import random

import pytest

from orbat.clean.edits import Edit, apply_edits, map_index_forward, map_segments_forward
from orbat.model import OffsetMap, Segment, SegmentKind

WORDS = "brigade militia border crossing convoy drone patrol checkpoint commander village".split()


def _random_text(rng: random.Random, n_words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n_words))


def _random_edits(rng: random.Random, text: str, count: int) -> list[Edit]:
    points = sorted(rng.sample(range(len(text) + 1), min(2 * count, len(text) + 1)))
    edits = []
    for start, end in zip(points[::2], points[1::2]):
        end = start + min(end - start, rng.randint(0, 4))
        replacement = rng.choice(["", " ", "-", "xyz", text[start:end].upper(), "\n\n"])
        edits.append(Edit(start, end, replacement))
    return edits


def _expected_positions(text: str, edits: list[Edit]) -> list[int]:
    """Brute force: the raw index of every clean character."""
    positions: list[int] = []
    raw = 0
    for edit in sorted(edits, key=lambda e: e.start):
        positions.extend(range(raw, edit.start))
        same = len(edit.replacement) == edit.end - edit.start
        positions.extend(edit.start + i if same else edit.start for i in range(len(edit.replacement)))
        raw = edit.end
    positions.extend(range(raw, len(text)))
    return positions


def test_apply_edits_replaces_text_and_maps_each_character():
    text = "the mili-\ntias took con-\ntrol"
    clean, offsets = apply_edits(text, [Edit(8, 10, ""), Edit(23, 25, "")])
    assert clean == "the militias took control"
    start = clean.index("militias")
    raw_start, raw_end = offsets.span_to_raw(start, start + len("militias"))
    assert text[raw_start:raw_end] == "mili-\ntias"


def test_apply_edits_rejects_overlapping_edits():
    with pytest.raises(ValueError, match="overlaps"):
        apply_edits("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])


def test_apply_edits_without_edits_is_identity():
    clean, offsets = apply_edits("Al-Qaim", [])
    assert clean == "Al-Qaim"
    assert [offsets.to_raw(i) for i in range(7)] == list(range(7))


def test_apply_edits_deleting_everything_gives_empty_text():
    clean, offsets = apply_edits("abc", [Edit(0, 3, "")])
    assert clean == ""
    assert offsets.span_to_raw(0, 0) == (0, 0)


@pytest.mark.parametrize("seed", range(40))
def test_apply_edits_map_matches_brute_force(seed):
    rng = random.Random(seed)
    text = _random_text(rng, 60)
    edits = _random_edits(rng, text, 12)
    clean, offsets = apply_edits(text, edits)
    expected = _expected_positions(text, edits)
    assert len(clean) == len(expected)
    assert [offsets.to_raw(i) for i in range(len(clean))] == expected


@pytest.mark.parametrize("seed", range(40))
def test_then_composes_like_brute_force_over_many_steps(seed):
    rng = random.Random(1000 + seed)
    raw = _random_text(rng, 80)
    text, composed = raw, OffsetMap.identity()
    expected = list(range(len(raw)))
    for _ in range(6):
        edits = _random_edits(rng, text, rng.randint(1, 10))
        new_text, step = apply_edits(text, edits)
        sentinel = composed.to_raw(len(text))
        expected = [(expected + [sentinel])[p] for p in _expected_positions(text, edits)]
        composed = step.then(composed)
        text = new_text
        assert [composed.to_raw(i) for i in range(len(text))] == expected


@pytest.mark.parametrize("seed", range(25))
def test_words_untouched_by_edits_recover_their_raw_text(seed):
    rng = random.Random(5000 + seed)
    raw = " ".join(f"w{i}{rng.choice(WORDS)}" for i in range(200))
    text, composed = raw, OffsetMap.identity()
    for _ in range(5):
        # edits only touch the spaces between words, like a reflow or hyphen join
        spaces = [i for i, ch in enumerate(text) if ch == " "]
        chosen = sorted(rng.sample(spaces, 20))
        edits = [Edit(i, i + 1, rng.choice([" ", "  ", "\n", " - "])) for i in chosen]
        text, step = apply_edits(text, edits)
        composed = step.then(composed)
    for word in rng.sample([w for w in text.split() if w.startswith("w")], 30):
        start = text.index(word)
        raw_start, raw_end = composed.span_to_raw(start, start + len(word))
        assert raw[raw_start:raw_end] == word


def test_map_segments_forward_follows_a_later_step():
    text = "Photo: a convoy.  Body text here."
    seg = Segment(0, 16, SegmentKind.CAPTION)
    clean, step = apply_edits(text, [Edit(16, 18, " ")])
    (moved,) = map_segments_forward([seg], step, len(clean))
    assert clean[moved.start : moved.end] == "Photo: a convoy."


def test_map_index_forward_skips_deleted_text():
    clean, step = apply_edits("abc---def", [Edit(3, 6, "")])
    assert map_index_forward(step, 4, len(clean)) == 3
    assert map_index_forward(step, 9, len(clean)) == len(clean)
