"""Bytes to text: BOMs, UTF-8, detected legacy encodings; binary content refused with a reason."""

from __future__ import annotations

import codecs

from orbat.errors import InputError

__all__ = ["decode_bytes"]

_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x7fELF": "an executable (ELF)",
    b"\x1f\x8b": "a gzip archive",
    b"SQLite format 3": "an SQLite database",
    b"\xd0\xcf\x11\xe0": "a legacy Office document",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode a file's bytes; raise InputError with a one-line reason when it is not text."""
    if not data.strip():
        raise InputError("empty file" if not data else "file holds only whitespace")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"binary content: looks like {what}, not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if b"\x00" in data[:8192]:
        raise InputError("binary content: NUL bytes in the first 8 KiB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _decode_legacy(data, exc)


def _decode_legacy(data: bytes, exc: UnicodeDecodeError) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos > 0.2:
        raise InputError(f"invalid UTF-8 at byte {exc.start} and no other text encoding fits")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as err:
        raise InputError(f"invalid UTF-8 at byte {exc.start}; detected {best.encoding} does not decode it") from err
