"""Detecting the encoding of an input file: BOMs, UTF-16 without BOM, UTF-8, Windows-1256 and
ISO-8859-6, chosen by evidence (valid decoding plus Arabic letter statistics), never by default."""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_COMMON = re.compile(r"(?:^|\s)(?:ال\w+|في|من|على|إلى|أن|عن)(?=\s|$)")
_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


def _score(text: str) -> float:
    """How much `text` looks like Arabic (or at least clean) text: higher is better."""
    if not text:
        return 0.0
    bad = len(_BAD.findall(text))
    arabic = len(_ARABIC_LETTER.findall(text))
    words = len(_COMMON.findall(text))
    return (arabic + 5 * words - 50 * bad) / len(text)


def _utf16_guess(data: bytes) -> str | None:
    """UTF-16 without a BOM: one byte column is mostly 0x00 (ASCII, spaces) or 0x06 (Arabic)."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) / 2

    def high(col: bytes) -> int:
        return col.count(0) + col.count(6)

    if high(odd) > 0.8 * half and even.count(0) < 0.1 * half:
        return "utf-16-le"
    if high(even) > 0.8 * half and odd.count(0) < 0.1 * half:
        return "utf-16-be"
    return None


def detect(data: bytes) -> str:
    """The name of the encoding of `data`; raises DecodeError for binary or undecodable input."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    guess = _utf16_guess(data)
    if guess:
        try:
            data.decode(guess)
            return guess
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise DecodeError("binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _BAD.search(text[:65536]) and _score(text[:65536]) < 0:
            raise DecodeError("binary data (control characters), not text")
        return "utf-8"
    best, best_score = None, 0.0
    sample = data[:65536]
    for name in ("cp1256", "iso-8859-6"):
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            continue
        s = _score(text)
        if s > best_score:
            best, best_score = name, s
    if best is None or best_score < 0.2:
        raise DecodeError("unknown encoding or binary data (not UTF-8/16, Windows-1256 or ISO-8859-6 Arabic)")
    return best


def decode(data: bytes) -> str:
    """Decode bytes of a text file, choosing the encoding by detect()."""
    name = detect(data)
    try:
        return data.decode(name)
    except UnicodeDecodeError as e:  # detect() sampled only the head
        raise DecodeError(f"not valid {name} at byte {e.start}") from None
