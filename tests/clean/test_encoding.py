import codecs

import pytest

from orbat.clean.encoding import repair_mojibake
from orbat.errors import InputError


def test_repair_mojibake_fixes_and_maps_back():
    raw = "The brigadeâ€™s commander spoke.\nClean line about Al-Qaim.\n"
    clean, offsets = repair_mojibake(raw)
    assert clean == "The brigade’s commander spoke.\nClean line about Al-Qaim.\n"
    for word in ("commander", "Al-Qaim", "brigade’s"):
        start = clean.index(word)
        raw_start, raw_end = offsets.span_to_raw(start, start + len(word))
        assert raw[raw_start:raw_end] in (word, "brigadeâ€™s")


def test_repair_mojibake_keeps_curly_quotes_and_good_text():
    raw = "“We hold the crossing,” a commander said — café in Raqqa.\n"
    clean, offsets = repair_mojibake(raw)
    assert clean == raw
    assert offsets.to_raw(10) == 10


def test_repair_mojibake_drops_stray_control_characters():
    clean, _ = repair_mojibake("drone\x07 strike\n")
    assert clean == "drone strike\n"
