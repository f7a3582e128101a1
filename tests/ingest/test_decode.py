import codecs

import pytest

from orbat.ingest.decode import decode_bytes
from orbat.errors import InputError


def test_decode_bytes_reads_utf8():
    assert decode_bytes("Kataib Hezbollah near al-Qa’im".encode(), source="a.txt") == "Kataib Hezbollah near al-Qa’im"


def test_decode_bytes_strips_utf8_bom():
    assert decode_bytes(codecs.BOM_UTF8 + b"Deir ez-Zor", source="a.txt") == "Deir ez-Zor"


def test_decode_bytes_reads_utf16_with_bom():
    data = codecs.BOM_UTF16_LE + "Convoy at the Tanf garrison".encode("utf-16-le")
    assert decode_bytes(data, source="a.txt") == "Convoy at the Tanf garrison"


def test_decode_bytes_detects_legacy_charset():
    text = "Le convoi de la milice a traversé la frontière près d'Abou Kamal à l'aube, selon l'armée."
    assert decode_bytes(text.encode("cp1252"), source="a.txt") == text


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG image"),
        (b"%PDF-1.7\n%...", "PDF document"),
        (b"PK\x03\x04" + b"\x14" * 20, "ZIP archive"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 9, "ELF executable"),
    ],
)
def test_decode_bytes_names_known_binary_formats(data, kind):
    with pytest.raises(InputError, match=kind):
        decode_bytes(data, source="upload.bin")


def test_decode_bytes_rejects_nul_bytes():
    with pytest.raises(InputError, match="NUL bytes"):
        decode_bytes(b"text\x00with\x00nuls", source="x")


def test_decode_bytes_rejects_many_control_characters():
    with pytest.raises(InputError, match="control characters"):
        decode_bytes(b"abc\x01\x02\x03\x04def\x05\x06", source="x")


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  "])
def test_decode_bytes_rejects_empty_and_blank(data):
    with pytest.raises(InputError, match="empty|whitespace"):
        decode_bytes(data, source="x")


def test_decode_bytes_reason_is_one_line_naming_what_it_saw():
    with pytest.raises(InputError) as info:
        decode_bytes(b"%PDF-1.4", source="report.pdf")
    assert "\n" not in str(info.value) and "PDF" in str(info.value)  # the Skip carries the source
