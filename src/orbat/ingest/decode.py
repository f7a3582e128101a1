"""Bytes to text: a BOM, then UTF-8, then a detected legacy encoding; binary content refused with a reason."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from orbat.errors import InputError

__all__ = ["decode_bytes"]

# (signature, what it is); checked against the first bytes of the input
_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx/epub)"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (old Word/Excel)"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"wOFF", "WOFF font"),
    (b"\x00asm", "WebAssembly module"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_CONTROL_RATIO = 0.02
MAX_CHAOS = 0.2  # charset-normalizer's mess ratio above which a guessed encoding is refused


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC_NUMBERS:
        if data.startswith(magic):
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if data.startswith(b"MZ") and b"\x00" in data[:64]:
        return "Windows executable"
    return None


def _decode_with_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="strict")
    return None


def _detect_and_decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise InputError("undecodable bytes (not UTF-8 and no charset fits); convert it to UTF-8 text")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(f"undecodable bytes (not UTF-8; detected {best.encoding} fails); convert it to UTF-8") from exc


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode a file's bytes to text: a BOM, then UTF-8, then charset detection.

    Raises ``InputError`` with a one-line reason for binary content (a known file
    signature, NUL bytes, many control characters), empty or whitespace-only input,
    and bytes no charset decodes.
    """
    if not data:
        raise InputError(f"empty file")
    kind = _binary_kind(data)
    if kind is not None:
        raise InputError(f"binary content ({kind} signature); convert it to text first")
    try:
        text = _decode_with_bom(data)
    except UnicodeDecodeError as exc:
        raise InputError(f"undecodable bytes after a byte-order mark ({exc.reason})") from exc
    if text is None:
        if b"\x00" in data:
            raise InputError(f"binary content (NUL bytes); convert it to text first")
        text = _detect_and_decode(data, source)
    if not text.strip():
        raise InputError(f"no text (only whitespace)")
    controls = len(_CONTROL.findall(text))
    if controls > MAX_CONTROL_RATIO * len(text):
        raise InputError(
            f"binary content ({controls} control characters in {len(text)}); convert it to text first"
        )
    return text
